// Placeholder: implemented by the scoring work in progress (see signal_detection.hpp).
#include "sim/scoring/signal_detection.hpp"
