#include "xml/xml.hpp"

#include <expat.h>

#include <limits>
#include <memory>
#include <stdexcept>

namespace guotu::xml {

Element::~Element() {
  if (children.empty()) return;
  // Detach every descendant into one list before any is destroyed: each destructor below sees
  // an element without children.
  std::vector<Element> pending = std::move(children);
  children.clear();
  while (!pending.empty()) {
    Element e = std::move(pending.back());
    pending.pop_back();
    for (auto& c : e.children) pending.push_back(std::move(c));
    e.children.clear();
  }
}

const std::string* Element::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return &v;
  return nullptr;
}

const Element* Element::child(std::string_view child_name) const {
  for (const auto& c : children)
    if (c.name == child_name) return &c;
  return nullptr;
}

std::vector<const Element*> Element::children_named(std::string_view child_name) const {
  std::vector<const Element*> out;
  for (const auto& c : children)
    if (c.name == child_name) out.push_back(&c);
  return out;
}

namespace {

struct ParserFree {
  void operator()(XML_Parser p) const noexcept { XML_ParserFree(p); }
};

struct BuildState {
  XML_Parser parser = nullptr;
  Element root;
  bool has_root = false;
  std::vector<Element*> stack;
  long too_deep_line = 0;  // set when the parser was stopped for nesting beyond kMaxDepth
};

void on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* s = static_cast<BuildState*>(data);
  if (s->stack.size() >= kMaxDepth) {
    s->too_deep_line = static_cast<long>(XML_GetCurrentLineNumber(s->parser));
    XML_StopParser(s->parser, XML_FALSE);
    return;
  }
  Element e;
  e.name = name;
  for (int i = 0; attrs[i] != nullptr; i += 2) e.attributes.emplace_back(attrs[i], attrs[i + 1]);
  const auto index = static_cast<std::size_t>(XML_GetCurrentByteIndex(s->parser));
  e.inner_begin = index + static_cast<std::size_t>(XML_GetCurrentByteCount(s->parser));
  e.inner_end = e.inner_begin;
  e.line = static_cast<long>(XML_GetCurrentLineNumber(s->parser));
  if (s->stack.empty()) {
    s->root = std::move(e);
    s->has_root = true;
    s->stack.push_back(&s->root);
  } else {
    Element* parent = s->stack.back();
    parent->children.push_back(std::move(e));
    s->stack.push_back(&parent->children.back());
  }
}

void on_end(void* data, const XML_Char* /*name*/) {
  auto* s = static_cast<BuildState*>(data);
  if (s->stack.empty()) return;
  Element* e = s->stack.back();
  const auto index = static_cast<std::size_t>(XML_GetCurrentByteIndex(s->parser));
  // For <a/> expat reports the end at the same event as the start: no inner bytes.
  e->inner_end = index >= e->inner_begin ? index : e->inner_begin;
  s->stack.pop_back();
}

void on_text(void* data, const XML_Char* text, int len) {
  auto* s = static_cast<BuildState*>(data);
  if (!s->stack.empty()) s->stack.back()->text.append(text, static_cast<std::size_t>(len));
}

}  // namespace

Element parse(std::string_view document) {
  std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate("UTF-8"));
  if (!parser) throw std::bad_alloc();
  BuildState state;
  state.parser = parser.get();
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  // Never read external DTDs or entities (the .qgs DOCTYPE names http://mrcc.com/qgis.dtd).
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
  if (document.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw ParseError("document too large", 0);
  if (XML_Parse(parser.get(), document.data(), static_cast<int>(document.size()), XML_TRUE) == XML_STATUS_ERROR) {
    if (state.too_deep_line > 0)
      throw ParseError("elements nested deeper than " + std::to_string(kMaxDepth) + " levels", state.too_deep_line);
    throw ParseError(XML_ErrorString(XML_GetErrorCode(parser.get())),
                     static_cast<long>(XML_GetCurrentLineNumber(parser.get())));
  }
  if (!state.has_root) throw ParseError("no root element", 0);
  return std::move(state.root);
}

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: out += c;
    }
  }
  return out;
}

Writer::Writer(std::string prolog) {
  if (!prolog.empty()) {
    out_ = std::move(prolog);
    out_ += '\n';
  }
}

void Writer::indent() {
  out_.append(open_.size() * 2, ' ');
}

void Writer::start_tag(std::string_view name, const Attributes& attributes) {
  indent();
  out_ += '<';
  out_ += name;
  for (const auto& [k, v] : attributes) {
    out_ += ' ';
    out_ += k;
    out_ += "=\"";
    out_ += escape(v);
    out_ += '"';
  }
}

void Writer::open(std::string_view name, const Attributes& attributes) {
  start_tag(name, attributes);
  out_ += ">\n";
  open_.emplace_back(name);
}

void Writer::close() {
  if (open_.empty()) throw std::logic_error("xml::Writer::close without an open element");
  const std::string name = std::move(open_.back());
  open_.pop_back();
  indent();
  out_ += "</" + name + ">\n";
}

void Writer::element(std::string_view name, std::string_view text, const Attributes& attributes) {
  start_tag(name, attributes);
  out_ += '>';
  out_ += escape(text);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
}

void Writer::empty(std::string_view name, const Attributes& attributes) {
  start_tag(name, attributes);
  out_ += "/>\n";
}

void Writer::raw(std::string_view xml) {
  out_ += xml;
  if (!xml.empty() && xml.back() != '\n') out_ += '\n';
}

std::string Writer::finish() {
  if (!open_.empty()) throw std::logic_error("xml::Writer::finish with <" + open_.back() + "> still open");
  return std::move(out_);
}

}  // namespace guotu::xml
