// A core header that includes a domain header: check_includes.py must refuse it.
#pragma once
#include "check/rules.hpp"
