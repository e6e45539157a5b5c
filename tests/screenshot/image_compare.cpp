// Screenshot comparison through Debian's libstb (stbi_load and stbi_write_png are exported
// by libstb.so, so no STB_*_IMPLEMENTATION here).
#include "tests/screenshot/image_compare.hpp"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cstdlib>

namespace screens {

std::string loadPng(const std::string& path, Image& image) {
  int width = 0;
  int height = 0;
  int channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &width, &height, &channels, 3);
  if (data == nullptr) {
    const char* reason = stbi_failure_reason();
    return "cannot read " + path + " (" + (reason != nullptr ? reason : "unknown reason") + ")";
  }
  image.width = width;
  image.height = height;
  const auto bytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3U;
  image.rgb.assign(data, data + bytes);
  stbi_image_free(data);
  return "";
}

std::string writePng(const std::string& path, const Image& image) {
  stbi_flip_vertically_on_write(0);
  if (stbi_write_png(path.c_str(), image.width, image.height, 3, image.rgb.data(),
                     image.width * 3) == 0) {
    return "cannot write " + path;
  }
  return "";
}

Comparison compare(const Image& actual, const Image& golden, const Tolerance& tolerance) {
  Comparison out;
  out.sameSize = actual.width == golden.width && actual.height == golden.height &&
                 actual.rgb.size() == golden.rgb.size();
  out.pixels = static_cast<std::int64_t>(golden.width) * golden.height;
  if (!out.sameSize) {
    return out;
  }
  out.diff = golden;
  for (std::size_t p = 0; p + 2 < golden.rgb.size(); p += 3) {
    int worst = 0;
    int luma = 0;
    for (std::size_t c = 0; c < 3; ++c) {
      worst = std::max(worst, std::abs(int{actual.rgb[p + c]} - int{golden.rgb[p + c]}));
      luma += golden.rgb[p + c];
    }
    out.largestChannelDelta = std::max(out.largestChannelDelta, worst);
    if (worst > tolerance.perChannel) {
      ++out.differing;
      out.diff.rgb[p] = 255;
      out.diff.rgb[p + 1] = 0;
      out.diff.rgb[p + 2] = 255;
    } else {
      // Dim the unchanged picture to a faint grey so the magenta stands out.
      const auto grey = static_cast<std::uint8_t>(160 + luma / 3 * 95 / 255);
      out.diff.rgb[p] = grey;
      out.diff.rgb[p + 1] = grey;
      out.diff.rgb[p + 2] = grey;
    }
  }
  const double fraction =
      out.pixels > 0 ? static_cast<double>(out.differing) / static_cast<double>(out.pixels) : 1.0;
  out.passed = fraction <= tolerance.maxDifferingFraction;
  return out;
}

} // namespace screens
