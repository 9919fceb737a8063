// The CLI may include any layer: allowed.
#include "check/rules.hpp"
