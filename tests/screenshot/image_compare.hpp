// Comparing a rendered screenshot with its golden PNG: a per-channel tolerance and a
// largest fraction of differing pixels, and a diff image that shows where they differ.
// Pure pixels and files (Debian's libstb); no ImGui, no GL.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace screens {

/// An 8-bit RGB image, rows top to bottom.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb; // width * height * 3
};

struct Tolerance {
  int perChannel = 8;                 // a pixel differs when any channel is off by more
  double maxDifferingFraction = 1e-4; // of all pixels
};

struct Comparison {
  bool sameSize = false;
  std::int64_t differing = 0; // pixels beyond the per-channel tolerance
  std::int64_t pixels = 0;
  int largestChannelDelta = 0;
  bool passed = false;
  Image diff; // the golden dimmed to grey, differing pixels in magenta (when sizes match)
};

/// Read a PNG as RGB; "" or what went wrong.
std::string loadPng(const std::string& path, Image& image);
/// Write an RGB PNG; "" or what went wrong.
std::string writePng(const std::string& path, const Image& image);

Comparison compare(const Image& actual, const Image& golden, const Tolerance& tolerance);

} // namespace screens
