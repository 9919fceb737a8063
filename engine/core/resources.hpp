// Where guotu finds its embedded data at run time: the layer catalogue (layers/) and the
// default city data (data/), in this order (home()):
//   1. beside the binary: <prefix>/share/guotu for <prefix>/bin/guotu (what `cmake --install`
//      lays out), so an installed binary runs from anywhere without settings;
//   2. GUOTU_HOME, a folder holding layers/ and data/ (a binary copied without its data);
//   3. the source tree the binary was built from (a build-tree binary).
#pragma once

#include <filesystem>
#include <string>

namespace guotu::resources {

/// The directory holding layers/ and data/ (the lookup above, once per process); BadInput
/// naming every place it looked when none holds them.
std::filesystem::path home();
/// A file under home(), e.g. resource("layers/styles/DLTB.qml"); BadInput if it is missing.
std::filesystem::path resource(const std::string& relative);
/// The whole content of a resource file.
std::string read_resource(const std::string& relative);
/// The whole content of a file (BadInput naming it when unreadable).
std::string read_file(const std::filesystem::path& path);

}  // namespace guotu::resources
