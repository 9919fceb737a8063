// The XML adapter: a small DOM read with expat (parse), and an indenting writer with escaping.
// expat.h stays inside engine/xml. Used for QGIS styles (QML) and projects (.qgs).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guotu::xml {

/// Elements nested deeper than this are refused (ParseError): QGIS styles nest a few dozen levels;
/// a document nested a million deep would exhaust the stack of any recursive walk.
inline constexpr std::size_t kMaxDepth = 256;

/// An element of a parsed document. Byte offsets refer to the document that was parsed.
struct Element {
  Element() = default;
  Element(const Element&) = default;
  Element(Element&&) noexcept = default;
  Element& operator=(const Element&) = default;
  Element& operator=(Element&&) noexcept = default;
  /// Frees descendants iteratively: a deep tree never recurses through the stack.
  ~Element();

  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  ///< in document order
  std::vector<Element> children;
  std::string text;  ///< character data directly inside this element (whitespace kept)
  /// Bytes between the end of the start tag and the start of the end tag (empty for <a/>).
  std::size_t inner_begin = 0;
  std::size_t inner_end = 0;
  long line = 0;  ///< line of the start tag (1-based)

  /// The value of an attribute, or nullptr.
  [[nodiscard]] const std::string* attribute(std::string_view key) const;
  /// The first child element with this name, or nullptr.
  [[nodiscard]] const Element* child(std::string_view child_name) const;
  /// Every child element with this name, in order.
  [[nodiscard]] std::vector<const Element*> children_named(std::string_view child_name) const;
};

/// Thrown when a document is not well-formed XML.
class ParseError : public std::exception {
 public:
  ParseError(std::string message, long line) : message_(std::move(message)), line_(line) {}
  [[nodiscard]] const char* what() const noexcept override { return message_.c_str(); }
  [[nodiscard]] long line() const noexcept { return line_; }

 private:
  std::string message_;
  long line_;
};

/// Parses a whole document (UTF-8) and returns its root element. External entities and DTDs
/// are never loaded. Throws ParseError (with the line) when the document is not well-formed or
/// nests elements deeper than kMaxDepth.
[[nodiscard]] Element parse(std::string_view document);

/// Escapes text for element content or a double-quoted attribute value.
[[nodiscard]] std::string escape(std::string_view text);

/// Writes an indented document into a string. Thread-compatible.
class Writer {
 public:
  using Attributes = std::vector<std::pair<std::string, std::string>>;
  /// Starts the document with an optional prolog line (e.g. a DOCTYPE), written verbatim.
  explicit Writer(std::string prolog = {});
  void open(std::string_view name, const Attributes& attributes = {});
  void close();
  /// <name attributes>text</name> on one line.
  void element(std::string_view name, std::string_view text, const Attributes& attributes = {});
  /// <name attributes/>.
  void empty(std::string_view name, const Attributes& attributes = {});
  /// Already-serialised XML (e.g. the inside of a QML style), written as it is.
  void raw(std::string_view xml);
  /// The document; every opened element must have been closed.
  [[nodiscard]] std::string finish();

 private:
  void indent();
  void start_tag(std::string_view name, const Attributes& attributes);
  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace guotu::xml
