// The one way sim_scenario includes toml++ (header-only, see CMakeLists.txt). toml++'s
// internal debug assertions are switched off in every build type, as they are in
// Debian's release-built libtomlplusplus: some malformed inputs (e.g. "a = {{") trip an
// over-strict assertion in parse_key() although the code after it reports a proper parse
// error. With the assertion off, Debug and sanitizer builds run the same, well-defined
// error path as release builds, and a bad file gets a diagnostic instead of an abort.
#pragma once

// Under clang with NDEBUG, toml++ turns the same assertion into __builtin_assume(), which
// would make that error path undefined behaviour; GCC (our compiler) makes it a no-op.
#if defined(__clang__) && defined(NDEBUG)
#error                                                                                             \
    "Build Frontdoor with GCC (see sim/scenario/toml.hpp): toml++ assumes its assertions under clang"
#endif

#ifndef TOML_ASSERT
#define TOML_ASSERT(expr) static_cast<void>(0)
#endif
#include <toml++/toml.h>
