// The XML reader behind QGIS styles (layer_styles.styleQML) and projects: parse as `guotu qgis`
// does, then embed the style's inside in a project with the writer, by its byte offsets.
#include "fuzz_support.hpp"
#include "xml/xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view qml = guotu::fuzz::as_text(data, size);
  try {
    const auto root = guotu::xml::parse(qml);
    guotu::xml::Writer w;
    w.open("maplayer", {{"styleCategories", "AllStyleCategories"}});
    for (const auto& [k, v] : root.attributes) w.element("attribute", v, {{"name", k}});
    if (root.inner_end < root.inner_begin || root.inner_end > qml.size()) std::abort();  // offsets outside the input
    w.raw(qml.substr(root.inner_begin, root.inner_end - root.inner_begin));
    w.close();
    (void)w.finish();
  } catch (const guotu::xml::ParseError&) {
    // not well-formed: the expected answer
  }
  return 0;
}
