// Rubric keys from a table, by the list in core/rubric.cpp; the cost matrix by hand, since
// it is the one value that is not a number or a flag.
#include "sim/scenario/rubric_reader.hpp"

#include <cmath>
#include <sstream>
#include <string>

namespace sim::scenario {

namespace {

constexpr int kMaxCost = 100;

std::optional<core::CostMatrix> readCostMatrix(TableReader& decision) {
  const auto* node = decision.node("cost_matrix");
  if (node == nullptr) {
    return std::nullopt;
  }
  const std::string path = decision.keyPath("cost_matrix");
  const std::string expected = "an array of 6 rows of 6 whole numbers from 0 to " +
                               std::to_string(kMaxCost) +
                               " (rows: the panel's level nfa..immediate; columns: yours)";
  const auto* rows = node->as_array();
  if (rows == nullptr || rows->size() != core::kResponseLevels) {
    const std::string found = rows == nullptr ? describeNode(*node)
                                              : "an array of " + std::to_string(rows->size()) +
                                                    (rows->size() == 1 ? " row" : " rows");
    decision.sink().error(posOf(node->source()),
                          "'" + path + "' must be " + expected + ", found " + found);
    return std::nullopt;
  }
  core::CostMatrix matrix{};
  bool ok = true;
  for (std::size_t r = 0; r < rows->size(); ++r) {
    const auto* row = (*rows)[r].as_array();
    if (row == nullptr || row->size() != core::kResponseLevels) {
      decision.sink().error(posOf((*rows)[r].source()),
                            "'" + path + "[" + std::to_string(r + 1) + "]' must be a row of 6 " +
                                "whole numbers, found " + describeNode((*rows)[r]));
      ok = false;
      continue;
    }
    for (std::size_t c = 0; c < row->size(); ++c) {
      const auto* cell = (*row)[c].as_integer();
      const std::string cellPath =
          path + "[" + std::to_string(r + 1) + "][" + std::to_string(c + 1) + "]";
      if (cell == nullptr || cell->get() < 0 || cell->get() > kMaxCost) {
        decision.sink().error(posOf((*row)[c].source()),
                              "'" + cellPath + "' must be a whole number from 0 to " +
                                  std::to_string(kMaxCost) + ", found " + describeNode((*row)[c]));
        ok = false;
        continue;
      }
      if (r == c && cell->get() != 0) {
        decision.sink().error(posOf((*row)[c].source()),
                              "'" + cellPath + "' is on the diagonal (your level equals the " +
                                  "panel's) and must be 0, found " + describeNode((*row)[c]));
        ok = false;
        continue;
      }
      matrix.at(r).at(c) = static_cast<int>(cell->get());
    }
  }
  if (!ok) {
    return std::nullopt;
  }
  return matrix;
}

} // namespace

RubricRead readRubricSettings(TableReader& table, bool inScenario) {
  RubricRead out;
  if (inScenario && table.has("format")) {
    table.sink().error(table.posOf("format"),
                       "'" + table.keyPath("format") +
                           "' belongs in a rubric file, not in a scenario's [rubric] table");
  }
  for (const auto* group : {"weights", "decision", "calibration", "information", "rationale",
                            "critical", "contested"}) {
    auto sub = table.table(group, Need::Optional);
    if (!sub) {
      continue;
    }
    const std::string prefix = std::string(group) + ".";
    for (const auto& key : core::rubricKeys()) {
      if (key.path.substr(0, prefix.size()) != prefix) {
        continue;
      }
      const auto name = key.path.substr(prefix.size());
      if (!sub->has(name)) {
        continue;
      }
      if (key.flag) {
        if (const auto value = sub->boolean(name, Need::Optional)) {
          out.settings.push_back({std::string(key.path), *value ? 1.0 : 0.0});
        }
      } else if (const auto value = sub->number(name, Need::Optional, key.min, key.max)) {
        out.settings.push_back({std::string(key.path), *value});
      }
    }
    if (std::string_view(group) == "decision" && sub->has("cost_matrix")) {
      if (inScenario) {
        sub->sink().error(sub->posOf("cost_matrix"),
                          "'" + sub->keyPath("cost_matrix") +
                              "' belongs in a rubric file; a scenario may not change the cost "
                              "matrix");
      } else {
        out.costMatrix = readCostMatrix(*sub);
      }
    }
  }
  return out;
}

void checkRubricRules(const core::Rubric& rubric, TableReader& table) {
  const auto where = [&table](std::string_view group) {
    return table.has(group) ? table.posOf(group) : table.pos();
  };
  const std::string prefix = table.path().empty() ? "" : table.path() + ".";
  const auto& w = rubric.weights;
  if (w.decision + w.information + w.factors + w.calibration + w.timeliness + w.rationale <= 0) {
    table.sink().error(where("weights"),
                       "the component weights add up to 0; at least one must be positive");
  }
  // Shares of one component must add up to 1: "'information.critical_facts', ... and
  // 'information.referrer' must add up to 1 (they share the component), found 0.9".
  const auto sharesAddUp = [&](std::string_view group, std::initializer_list<const char*> keys,
                               double sum) {
    if (std::abs(sum - 1.0) <= 1e-6) {
      return;
    }
    std::ostringstream message;
    std::size_t k = 0;
    for (const char* key : keys) {
      message << (k == 0                 ? ""
                  : k + 1 == keys.size() ? " and "
                                         : ", ")
              << "'" << prefix << group << "." << key << "'";
      ++k;
    }
    message << " must add up to 1 (they share the component), found " << sum;
    table.sink().error(where(group), message.str());
  };
  const auto& i = rubric.information;
  sharesAddUp("information", {"critical_facts", "records", "child", "referrer"},
              i.criticalFacts + i.records + i.child + i.referrer);
  const auto& r = rubric.rationale;
  sharesAddUp("rationale", {"worries", "complicating", "strengths", "safety_scale"},
              r.worries + r.complicating + r.strengths + r.safetyScale);
  if (rubric.contestedBase + rubric.contestedSlope <= 0) {
    table.sink().error(where("contested"), "'" + prefix +
                                               "contested.base' and 'contested.slope' are both 0, "
                                               "which would give every case a weight of 0");
  }
}

} // namespace sim::scenario
