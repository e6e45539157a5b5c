// Placeholder: implemented by the scoring work in progress (see calibration.hpp).
#include "sim/scoring/calibration.hpp"
