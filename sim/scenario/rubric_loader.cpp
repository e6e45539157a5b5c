// Loading a rubric file: syntax errors from toml++, then every key checked by
// rubric_reader, then the rules that involve several keys (weights, information shares).
#include "sim/scenario/rubric_loader.hpp"

#include "sim/core/file_text.hpp"
#include "sim/scenario/rubric_reader.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/toml.hpp"
#include "sim/scenario/toml_reader.hpp"

#include <cmath>

namespace sim::scenario {

namespace {

RubricLoad singleError(const std::string& file, int line, int column, std::string message) {
  RubricLoad result;
  result.diagnostics.push_back({file, line, column, core::Severity::Error, std::move(message)});
  return result;
}

RubricLoad build(const toml::table& root, const std::string& displayPath, std::string_view text) {
  DiagnosticSink sink(displayPath);
  sink.setSource(text);
  TableReader top(sink, root, "", "rubric");
  const auto format = top.integer("format", Need::Required, 1, 1000000);
  if (format && *format > kRubricFormatVersion) {
    sink.error(top.posOf("format"), "this rubric uses format " + std::to_string(*format) +
                                        ", newer than this Frontdoor reads (format " +
                                        std::to_string(kRubricFormatVersion) + ")");
  }
  const auto read = readRubricSettings(top, false);
  core::Rubric rubric;
  for (const auto& setting : read.settings) {
    core::applyRubricSetting(rubric, setting);
  }
  if (read.costMatrix) {
    rubric.costMatrix = *read.costMatrix;
  }
  checkRubricRules(rubric, top);
  RubricLoad result;
  result.diagnostics = sink.take();
  if (!core::hasErrors(result.diagnostics)) {
    result.rubric = rubric;
  }
  return result;
}

} // namespace

RubricLoad loadRubricText(std::string_view text, const std::string& displayPath) {
  if (text.size() > kMaxScenarioBytes) {
    return singleError(displayPath, 1, 1, "the rubric file is larger than 1 MiB");
  }
  try {
    const toml::table root = toml::parse(text);
    return build(root, displayPath, text);
  } catch (const toml::parse_error& error) {
    const auto pos = posOf(error.source());
    return singleError(displayPath, pos.line, pos.column,
                       "syntax error: " + std::string(error.description()));
  } catch (const std::exception& error) {
    return singleError(displayPath, 1, 1, std::string("could not load the file: ") + error.what());
  }
}

RubricLoad loadRubricFile(const std::filesystem::path& path) {
  const std::string display = path.string();
  const auto text = core::readFileText(path, kMaxScenarioBytes, "rubric");
  if (!text) {
    return singleError(display, 1, 1, text.error().message);
  }
  return loadRubricText(text.value(), display);
}

bool isRubricFile(const std::filesystem::path& path) {
  const auto name = path.filename().string();
  const std::string_view suffix = "rubric.toml";
  return name.size() >= suffix.size() &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace sim::scenario
