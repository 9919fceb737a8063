// A domain header that includes an adapter's and the core's: allowed.
#pragma once
#include "core/wrong_way.hpp"
#include "gdal/wrong_way.hpp"
