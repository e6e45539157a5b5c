// Placeholder: implemented by the scoring work in progress (see agreement.hpp).
#include "sim/scoring/agreement.hpp"
