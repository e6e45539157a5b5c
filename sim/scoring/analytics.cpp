// One pass over the rows gathers counts per practitioner, case, team and cohort (hash maps
// keyed by id); the statistics are computed from the counts at the end.
#include "sim/scoring/analytics.hpp"

#include <algorithm>
#include <unordered_map>

namespace sim::scoring {

namespace {

std::size_t at(int index) { return static_cast<std::size_t>(index); }

// Counts towards a PanelComparison, and forecasts towards calibration.
struct PanelTally {
  PanelComparison comparison;
  SignalCounts signal;
};

struct CalibrationTally {
  std::int64_t harmEstimates = 0;
  double harmGapSquares = 0.0;
  std::vector<Forecast> rereferral;
  std::array<double, core::kResponseLevels> harmSum{};
  std::array<std::int64_t, core::kResponseLevels> harmCount{};
};

struct PractitionerTally {
  PractitionerSummary summary;
  std::optional<PanelTally> panel;
  CalibrationTally calibration;
};

struct GroupTally {
  GroupSummary summary;
  std::optional<PanelTally> panel;
  std::unordered_map<std::size_t, LevelCounts> caseSpread; // by case index
};

// A case met in the rows: its summary and, with scenarios, its panel and outcome.
struct CaseTally {
  CaseSummary summary;
  const core::Outcome* outcome = nullptr;
};

// Ids to dense indices, so each row costs one hash lookup per id.
template <typename Tally> struct Indexed {
  std::unordered_map<std::string, std::size_t> index;
  std::vector<Tally> items;
  std::size_t indexOf(const std::string& id) {
    const auto [it, added] = index.try_emplace(id, items.size());
    if (added) {
      items.emplace_back();
    }
    return it->second;
  }
  Tally& operator[](const std::string& id) { return items[indexOf(id)]; }
};

void count(PanelTally& tally, const core::PanelReview& panel, core::ResponseLevel decision) {
  auto& c = tally.comparison;
  ++c.decisions;
  c.confusion.add(core::ordinal(panel.consensus), core::ordinal(decision));
  ++c.panelConversion.at(at(core::ordinal(panel.consensus)));
  const int level = core::ordinal(decision);
  if (level < core::ordinal(panel.bandMin)) {
    ++c.under;
  } else if (level > core::ordinal(panel.bandMax)) {
    ++c.over;
  } else {
    ++c.within;
  }
  // The signal is "a statutory response is needed": the panel's whole band is s17 or
  // above. Noise: the whole band is below s17. A band that straddles s17 (either answer is
  // acceptable) is left out of the signal-detection counts.
  const bool signal = core::isStatutory(panel.bandMin);
  const bool noise = !core::isStatutory(panel.bandMax);
  if (!signal && !noise) {
    return;
  }
  const bool yes = core::isStatutory(decision);
  auto& s = tally.signal;
  (signal ? (yes ? s.hits : s.misses) : (yes ? s.falseAlarms : s.correctRejections)) += 1;
}

PanelComparison finish(PanelTally tally) {
  tally.comparison.quadraticKappa = quadraticWeightedKappa(tally.comparison.confusion);
  tally.comparison.statutory = signalDetection(tally.signal);
  return std::move(tally.comparison);
}

CalibrationSummary finish(const CalibrationTally& tally) {
  CalibrationSummary out;
  out.harmEstimates = tally.harmEstimates;
  out.harmGapToPanel = tally.harmEstimates > 0
                           ? tally.harmGapSquares / static_cast<double>(tally.harmEstimates)
                           : 0.0;
  out.rereferral = decomposeBrier(tally.rereferral);
  for (std::size_t level = 0; level < out.meanHarmByLevel.size(); ++level) {
    if (tally.harmCount.at(level) > 0) {
      out.meanHarmByLevel.at(level) =
          tally.harmSum.at(level) / static_cast<double>(tally.harmCount.at(level));
    }
  }
  return out;
}

const LevelCounts& spreadOf(const LevelCounts& spread) { return spread; }
const LevelCounts& spreadOf(const std::pair<const std::size_t, LevelCounts>& item) {
  return item.second;
}

// Fleiss' kappa among decisions on the same cases: subjects are cases, categories levels.
template <typename Spreads>
void agreementOf(const Spreads& spreads, Statistic& kappa, Statistic& pairwise) {
  std::vector<std::vector<std::int64_t>> ratings;
  ratings.reserve(spreads.size());
  for (const auto& item : spreads) {
    const LevelCounts& spread = spreadOf(item);
    ratings.emplace_back(spread.begin(), spread.end());
  }
  kappa = fleissKappa(ratings);
  pairwise = meanPairwiseAgreement(ratings);
}

const core::PanelReview* firstPanel(const ScenarioIndex* scenarios, const std::string& id) {
  if (scenarios == nullptr) {
    return nullptr;
  }
  const auto it = scenarios->find(id);
  if (it == scenarios->end() || it->second->decisionPoints.empty()) {
    return nullptr;
  }
  return it->second->panelFor(it->second->decisionPoints.front().id);
}

std::vector<GroupSummary> finishGroups(Indexed<GroupTally>& groups,
                                       const std::unordered_map<std::string, std::int64_t>& sizes) {
  std::vector<GroupSummary> out;
  for (auto& tally : groups.items) {
    auto summary = tally.summary;
    const auto size = sizes.find(summary.name);
    summary.practitioners = size == sizes.end() ? 0 : size->second;
    agreementOf(tally.caseSpread, summary.fleissKappa, summary.pairwiseAgreement);
    if (tally.panel) {
      summary.panel = finish(*tally.panel);
    }
    out.push_back(std::move(summary));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

} // namespace

std::array<double, core::kResponseLevels> shares(const LevelCounts& counts) {
  std::array<double, core::kResponseLevels> out{};
  std::int64_t total = 0;
  for (const auto n : counts) {
    total += n;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out.at(i) = total > 0 ? static_cast<double>(counts.at(i)) / static_cast<double>(total) : 0.0;
  }
  return out;
}

Report analyse(const std::vector<DecisionRow>& rows, const ScenarioIndex* scenarios) {
  Report report;
  report.withPanels = scenarios != nullptr;
  Indexed<PractitionerTally> practitioners;
  Indexed<CaseTally> cases;
  Indexed<GroupTally> teams;
  Indexed<GroupTally> cohorts;
  std::optional<PanelTally> everyone;

  for (const auto& row : rows) {
    const int level = core::ordinal(row.decision);
    ++report.decisions;
    ++report.conversion.at(at(level));

    const std::size_t caseIndex = cases.indexOf(row.scenario);
    auto& caseTally = cases.items[caseIndex];
    auto& caseSummary = caseTally.summary;
    if (caseSummary.decisions == 0) {
      caseSummary.scenario = row.scenario;
      caseSummary.panel = firstPanel(scenarios, row.scenario);
      if (caseSummary.panel != nullptr) {
        caseTally.outcome = &scenarios->find(row.scenario)->second->outcome;
      } else if (scenarios != nullptr) {
        report.unknownScenarios.push_back(row.scenario);
      }
    }
    ++caseSummary.decisions;
    ++caseSummary.spread.at(at(level));
    const auto* panel = caseSummary.panel;

    auto& person = practitioners[row.trainee];
    if (person.summary.decisions == 0) {
      person.summary.trainee = row.trainee;
      person.summary.team = row.team;
      person.summary.cohort = row.cohort;
    }
    ++person.summary.decisions;
    ++person.summary.conversion.at(at(level));

    for (auto* groups : {&teams, &cohorts}) {
      const auto& name = groups == &teams ? row.team : row.cohort;
      if (name.empty()) {
        continue;
      }
      auto& group = (*groups)[name];
      group.summary.name = name;
      ++group.summary.decisions;
      ++group.summary.conversion.at(at(level));
      ++group.caseSpread[caseIndex].at(at(level));
      if (panel != nullptr) {
        if (!group.panel) {
          group.panel.emplace();
        }
        count(*group.panel, *panel, row.decision);
      }
    }

    auto& habits = person.summary.habits;
    if (row.checks) {
      ++habits.checkRows;
      habits.checks += *row.checks;
    }
    if (row.recordsChecked) {
      ++habits.recordRows;
      habits.recordsChecked += *row.recordsChecked ? 1 : 0;
    }
    if (row.childSeen) {
      ++habits.childRows;
      habits.childSeen += *row.childSeen ? 1 : 0;
    }

    auto& calibration = person.calibration;
    if (row.pHarm) {
      calibration.harmSum.at(at(level)) += *row.pHarm;
      ++calibration.harmCount.at(at(level));
    }
    if (panel == nullptr) {
      continue;
    }
    if (!person.panel) {
      person.panel.emplace();
    }
    count(*person.panel, *panel, row.decision);
    if (!everyone) {
      everyone.emplace();
    }
    count(*everyone, *panel, row.decision);
    if (row.pHarm && panel->pSignificantHarm) {
      const double gap = *row.pHarm - *panel->pSignificantHarm;
      calibration.harmGapSquares += gap * gap;
      ++calibration.harmEstimates;
    }
    if (row.pRereferral && !caseTally.outcome->censored) {
      calibration.rereferral.push_back(
          {*row.pRereferral, caseTally.outcome->rereferredWithin12Months()});
    }
  }

  std::vector<LevelCounts> spreads;
  spreads.reserve(cases.items.size());
  for (const auto& tally : cases.items) {
    spreads.push_back(tally.summary.spread);
    report.cases.push_back(tally.summary);
  }
  agreementOf(spreads, report.fleissKappa, report.pairwiseAgreement);
  if (everyone) {
    report.panel = finish(*everyone);
  }
  std::sort(report.cases.begin(), report.cases.end(),
            [](const auto& a, const auto& b) { return a.scenario < b.scenario; });
  // Each practitioner belongs to the team and cohort of their first row.
  std::unordered_map<std::string, std::int64_t> teamSizes;
  std::unordered_map<std::string, std::int64_t> cohortSizes;
  for (auto& tally : practitioners.items) {
    auto summary = std::move(tally.summary);
    if (!summary.team.empty()) {
      ++teamSizes[summary.team];
    }
    if (!summary.cohort.empty()) {
      ++cohortSizes[summary.cohort];
    }
    if (tally.panel) {
      summary.panel = finish(*tally.panel);
    }
    summary.calibration = finish(tally.calibration);
    report.practitioners.push_back(std::move(summary));
  }
  std::sort(report.practitioners.begin(), report.practitioners.end(),
            [](const auto& a, const auto& b) { return a.trainee < b.trainee; });
  report.teams = finishGroups(teams, teamSizes);
  report.cohorts = finishGroups(cohorts, cohortSizes);
  std::sort(report.unknownScenarios.begin(), report.unknownScenarios.end());
  return report;
}

} // namespace sim::scoring
