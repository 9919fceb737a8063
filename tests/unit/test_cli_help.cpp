// `guotu --help`, `guotu <command> --help` and `guotu ledger <sub> --help` against the list of
// commands written by hand in tests/cli/commands.yaml (from docs/cli.md and PRODUCT.md §6, not
// from --help): every subcommand, positional and option the CLI defines is listed there and every
// one listed there is shown by --help; --help exits 0 with the text on stdout. Each option must
// also be in docs/cli.md (its command's section, or the preamble for the common ones), unless the
// list names it `undocumented:`.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

const YAML::Node& commands() {
  static const YAML::Node c = YAML::LoadFile(guotu::test::data_file("tests/cli/commands.yaml").string());
  return c;
}

std::vector<std::string> command_names() {
  std::vector<std::string> out;
  for (const auto& kv : commands()) out.push_back(kv.first.as<std::string>());
  return out;
}

/// What a CLI11 help text shows: the names on the option lines of its "Options:" sections (option
/// groups included), the positionals and the subcommands.
struct Help {
  std::set<std::string> options, positionals, subcommands;
  std::string usage;
};

Help parse_help(const std::string& text) {
  enum class Section { None, Positionals, Options, Subcommands } section = Section::None;
  static const std::regex option_line(R"(^\s+(-[-A-Za-z0-9,]+)(\s|$))");
  static const std::regex positional_line(R"(^  ([A-Z][A-Z0-9_]*)\s)");
  static const std::regex subcommand_line(R"(^  ([a-z][a-z0-9-]*)\s)");
  Help h;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::string trimmed = line;
    trimmed.erase(0, trimmed.find_first_not_of(' '));
    if (line.rfind("Usage:", 0) == 0) {
      h.usage = line;
    } else if (line == "Positionals:") {
      section = Section::Positionals;
    } else if (trimmed == "Options:" || line.rfind("[Option Group:", 0) == 0) {
      section = Section::Options;
    } else if (line == "Subcommands:") {
      section = Section::Subcommands;
    } else {
      std::smatch m;
      if (section == Section::Options && std::regex_search(line, m, option_line)) {
        std::stringstream names(m[1].str());
        for (std::string n; std::getline(names, n, ',');) h.options.insert(n);
      } else if (section == Section::Positionals && std::regex_search(line, m, positional_line)) {
        h.positionals.insert(m[1].str());
      } else if (section == Section::Subcommands && std::regex_search(line, m, subcommand_line)) {
        h.subcommands.insert(m[1].str());
      }
    }
  }
  return h;
}

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
  return out.empty() ? "(none)" : out;
}

/// Compares both ways: what --help shows and the list must be the same set.
void expect_same(const std::set<std::string>& shown, const std::set<std::string>& listed, const std::string& what) {
  std::set<std::string> not_listed, not_shown;
  std::set_difference(shown.begin(), shown.end(), listed.begin(), listed.end(),
                      std::inserter(not_listed, not_listed.end()));
  std::set_difference(listed.begin(), listed.end(), shown.begin(), shown.end(),
                      std::inserter(not_shown, not_shown.end()));
  EXPECT_TRUE(not_listed.empty()) << what << " that --help shows but tests/cli/commands.yaml does not list: "
                                  << join(not_listed);
  EXPECT_TRUE(not_shown.empty()) << what
                                 << " listed in tests/cli/commands.yaml that --help does not show: " << join(not_shown);
}

/// docs/cli.md: the text documenting a command: its "## guotu NAME" section, or for a ledger
/// subcommand the synopsis lines of the ledger section that name it.
std::string documentation(const std::string& doc, const std::string& command) {
  if (command == "guotu") return doc.substr(0, doc.find("\n## guotu "));
  const auto space = command.find(' ');
  const std::string top = command.substr(0, space);
  const auto start = doc.find("\n## guotu " + top + "\n");
  if (start == std::string::npos) return {};
  const auto end = doc.find("\n## ", start + 1);
  const std::string section = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (space == std::string::npos) return section;
  const std::regex names_sub("\\s" + command.substr(space + 1) + "(\\s|$)");
  std::string lines;
  std::istringstream in(section);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("guotu " + top + " ", 0) == 0 && std::regex_search(line, names_sub)) lines += line + "\n";
  return lines;
}

bool mentions(const std::string& text, const std::string& name) {
  return std::regex_search(text, std::regex(name + "(?![A-Za-z0-9_-])"));
}

class CliHelp : public ::testing::TestWithParam<std::string> {};

TEST_P(CliHelp, ListsEverySubcommandAndOption) {
  const std::string command = GetParam();
  const YAML::Node want = commands()[command];
  for (const auto& kv : want) {
    const auto key = kv.first.as<std::string>();
    ASSERT_TRUE(key == "subcommands" || key == "positionals" || key == "options" || key == "undocumented")
        << command << ": unknown key " << key;
  }
  const std::string path = command == "guotu" ? "" : command + " ";
  const auto r = guotu::test::run_guotu(path + "--help 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0) << "guotu " << path << "--help\n" << r.out;
  const Help h = parse_help(r.out);
  EXPECT_EQ(h.usage.rfind("Usage: guotu " + path, 0), 0u) << "the usage line names the command: " << h.usage;
  expect_same(h.subcommands, guotu::test::string_set(want["subcommands"]), "subcommands");
  expect_same(h.positionals, guotu::test::string_set(want["positionals"]), "positionals");
  expect_same(h.options, guotu::test::string_set(want["options"]), "options");
  // Each subcommand has its own entry (its options are compared there).
  for (const auto& sub : guotu::test::string_set(want["subcommands"])) {
    const std::string full = command == "guotu" ? sub : command + " " + sub;
    EXPECT_TRUE(commands()[full]) << "tests/cli/commands.yaml has no entry for " << full;
  }

  // docs/cli.md documents every option (long form) and positional, or the list says it does not.
  const std::string doc = guotu::test::read_file(guotu::test::data_file("docs/cli.md"));
  const std::string text = documentation(doc, command);
  ASSERT_FALSE(text.empty()) << "docs/cli.md does not document guotu " << command;
  const std::string preamble = documentation(doc, "guotu");
  static const std::set<std::string> common = {"--help", "--encoding", "--assume-crs",
                                               "--city"};  // "Every command has --help"
  const auto undocumented = guotu::test::string_set(want["undocumented"]);
  for (const auto& name : guotu::test::string_set(want["options"])) {
    if (name.rfind("--", 0) != 0) continue;  // short forms alias the long ones the guide names
    const bool documented = mentions(text, name) || (common.count(name) && mentions(preamble, name));
    if (undocumented.count(name)) {
      EXPECT_FALSE(documented) << "docs/cli.md now documents " << command << " " << name
                               << ": take it off `undocumented:` in tests/cli/commands.yaml";
    } else {
      EXPECT_TRUE(documented) << "docs/cli.md does not document " << command << " " << name;
    }
  }
  for (const auto& name : guotu::test::string_set(want["positionals"]))
    EXPECT_TRUE(mentions(text, name)) << "docs/cli.md does not name the positional " << name << " of " << command;
  for (const auto& name : undocumented)
    EXPECT_TRUE(guotu::test::string_set(want["options"]).count(name)) << name << " is undocumented but not an option";
}

INSTANTIATE_TEST_SUITE_P(Commands, CliHelp, ::testing::ValuesIn(command_names()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string n = param.param;
                           std::replace_if(
                               n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
                               '_');
                           return n;
                         });

// The parser finds what a CLI11 help text holds (so an empty parse cannot pass for a match).
TEST(CliHelpParser, ReadsOptionsGroupsPositionalsAndSubcommands) {
  const Help h = parse_help(
      "Usage: guotu ledger add-supplement [OPTIONS] SRC\n\nPositionals:\n  SRC TEXT REQUIRED           a file\n\n"
      "Options:\n  -h,--help                   Print this help message and exit\n"
      "  --paddy-mu FLOAT:NUMBER in [0 - 10000000]\n                              of which 水田\n"
      "[Option Group: area]\n  the entry's area: --area-mu or --area-m2 \n  Options:\n"
      "    --area-mu FLOAT:NUMBER in [0 - 10000000]\n\nSubcommands:\n  init                        create\n"
      "  add-inout                   record a 进出平衡 flow\n");
  EXPECT_EQ(h.options, (std::set<std::string>{"-h", "--help", "--paddy-mu", "--area-mu"}));
  EXPECT_EQ(h.positionals, (std::set<std::string>{"SRC"}));
  EXPECT_EQ(h.subcommands, (std::set<std::string>{"init", "add-inout"}));
  EXPECT_EQ(h.usage, "Usage: guotu ledger add-supplement [OPTIONS] SRC");
}

}  // namespace
