// Placeholder: implemented by the scoring work in progress (see decision_table.hpp).
#include "sim/scoring/decision_table.hpp"
