# Build options shared by every Frontdoor target, and the sim_options INTERFACE target
# that carries sanitizer flags to whatever links it.
option(SIM_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
set(SIM_SANITIZERS "" CACHE STRING "Comma-separated sanitizers, e.g. address,undefined")
option(SIM_BUILD_APP "Build the Dear ImGui app (needs ImGui, GLFW, OpenGL)" ON)
option(SIM_BUILD_TOOLS "Build frontdoor-cli" ON)
option(SIM_BUILD_TESTS "Build the test suite" ON)
option(SIM_BUILD_BENCH "Build Google Benchmark programs under tools/bench" ON)

add_library(sim_options INTERFACE)
if(SIM_SANITIZERS)
  target_compile_options(sim_options INTERFACE
    -fsanitize=${SIM_SANITIZERS} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(sim_options INTERFACE -fsanitize=${SIM_SANITIZERS})
endif()
