// Benchmark: wrapping the longest text a box holds (engine::kMaxActionText, 20 000 bytes
// of prose) for display at a rationale box's width, as the wrapped text box does every
// frame while it is being typed in (target: well under 1 ms, so typing stays smooth), and
// taking the soft breaks out again. The font comes from sim_ui's headless context, so this
// file includes no ImGui header (tests/unit/test_layering.cpp).
#include "sim/engine/action.hpp"
#include "sim/ui/headless_frames.hpp"
#include "sim/ui/wrapped_text_box.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

std::string longestText() {
  const std::string sentence =
      "The health visitor saw a bruise on the cheek of a baby who cannot roll, and the "
      "explanations changed during the visit. ";
  std::string out;
  while (out.size() + sentence.size() <= sim::engine::kMaxActionText) {
    out += sentence;
  }
  return out;
}

void BM_WrapLongestText(benchmark::State& state) {
  sim::ui::HeadlessFrames imgui(1280, 800, SIM_FONTS_DIR);
  if (!imgui.problem().empty()) {
    state.SkipWithError(imgui.problem().c_str());
    return;
  }
  const std::string text = longestText();
  const float width = 380.0f; // a rationale box in the decision column at 1280 × 800
  std::size_t breaks = 0;
  for (auto _ : state) {
    const std::string display =
        sim::ui::wrapForDisplay(text, width, imgui.bodyFont(), imgui.bodyFontSize());
    breaks = display.size() - text.size();
    benchmark::DoNotOptimize(display.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.counters["lines"] = static_cast<double>(breaks / 2 + 1);
}

void BM_UnwrapLongestText(benchmark::State& state) {
  sim::ui::HeadlessFrames imgui(1280, 800, SIM_FONTS_DIR);
  const std::string display =
      sim::ui::wrapForDisplay(longestText(), 380.0f, imgui.bodyFont(), imgui.bodyFontSize());
  for (auto _ : state) {
    const std::string text = sim::ui::withoutSoftBreaks(display);
    benchmark::DoNotOptimize(text.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(display.size()));
}

BENCHMARK(BM_WrapLongestText)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_UnwrapLongestText)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
