# The sim_warnings INTERFACE target: the strict GCC/Clang warning set every Frontdoor
# target links PRIVATE, with -Werror when SIM_WARNINGS_AS_ERRORS is on (CI).
# (-Wnull-dereference is left out: with GCC 12 at -O2 it reports false positives inside
# libstdc++ string code inlined from CLI11.)
add_library(sim_warnings INTERFACE)
target_compile_options(sim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -Wmisleading-indentation -Wduplicated-cond -Wduplicated-branches -Wlogical-op
  -Wuseless-cast -Wsuggest-override)
if(SIM_WARNINGS_AS_ERRORS)
  target_compile_options(sim_warnings INTERFACE -Werror)
endif()
