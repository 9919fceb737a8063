// Where guotu finds its embedded data at run time: the layer catalogue (layers/) and the
// default city data (data/). GUOTU_HOME overrides; otherwise the source tree the binary was
// built from, then <prefix>/share/guotu next to an installed binary.
#pragma once

#include <filesystem>
#include <string>

namespace guotu::resources {

/// The directory holding layers/ and data/.
std::filesystem::path home();
/// A file under home(), e.g. resource("layers/styles/DLTB.qml"); BadInput if it is missing.
std::filesystem::path resource(const std::string& relative);
/// The whole content of a resource file.
std::string read_resource(const std::string& relative);
/// The whole content of a file (BadInput naming it when unreadable).
std::string read_file(const std::filesystem::path& path);

}  // namespace guotu::resources
