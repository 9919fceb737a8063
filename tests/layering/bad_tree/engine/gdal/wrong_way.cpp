// An adapter that includes a domain header: check_includes.py must refuse it.
#include "check/rules.hpp"
