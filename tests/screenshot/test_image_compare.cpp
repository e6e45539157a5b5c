// The screenshot comparison on small images made in memory: within tolerance passes,
// a changed patch fails and is marked in the diff, a size change fails, PNGs round-trip.
#include "tests/screenshot/image_compare.hpp"
#include "tests/support/temp_folder.hpp"

#include <catch2/catch.hpp>

using screens::Image;

namespace {

Image filled(int width, int height, std::uint8_t value) {
  Image image;
  image.width = width;
  image.height = height;
  image.rgb.assign(static_cast<std::size_t>(width * height * 3), value);
  return image;
}

void setPixel(Image& image, int x, int y, std::uint8_t value) {
  const auto at = static_cast<std::size_t>((y * image.width + x) * 3);
  image.rgb[at] = value;
  image.rgb[at + 1] = value;
  image.rgb[at + 2] = value;
}

} // namespace

TEST_CASE("differences within the per-channel tolerance pass") {
  const auto golden = filled(100, 100, 100);
  auto actual = golden;
  for (int x = 0; x < 100; ++x) {
    setPixel(actual, x, 5, 108); // off by 8: allowed
  }
  const auto result = screens::compare(actual, golden, {8, 0.0});
  CHECK(result.sameSize);
  CHECK(result.differing == 0);
  CHECK(result.largestChannelDelta == 8);
  CHECK(result.passed);
}

TEST_CASE("more differing pixels than allowed fail and are marked in the diff") {
  const auto golden = filled(100, 100, 100);
  auto actual = golden;
  setPixel(actual, 3, 4, 109);
  setPixel(actual, 50, 50, 0);
  CHECK(screens::compare(actual, golden, {8, 2.0 / 10000.0}).passed);
  const auto result = screens::compare(actual, golden, {8, 1.0 / 10000.0});
  CHECK_FALSE(result.passed);
  CHECK(result.differing == 2);
  const auto at = static_cast<std::size_t>((4 * 100 + 3) * 3);
  CHECK(result.diff.rgb[at] == 255);
  CHECK(result.diff.rgb[at + 1] == 0);
  CHECK(result.diff.rgb[at + 2] == 255);
}

TEST_CASE("a different size fails") {
  const auto result = screens::compare(filled(10, 10, 0), filled(10, 11, 0), {8, 1.0});
  CHECK_FALSE(result.sameSize);
  CHECK_FALSE(result.passed);
}

TEST_CASE("a PNG written and read back is the same image") {
  test_support::TempFolder folder("screen-compare");
  auto image = filled(7, 5, 30);
  setPixel(image, 6, 0, 250); // top right: rows must not come back flipped
  const auto path = folder.file("a.png");
  REQUIRE(screens::writePng(path, image).empty());
  Image back;
  REQUIRE(screens::loadPng(path, back).empty());
  CHECK(back.width == 7);
  CHECK(back.height == 5);
  CHECK(back.rgb == image.rgb);
  CHECK_FALSE(screens::loadPng(folder.file("missing.png"), back).empty());
}
