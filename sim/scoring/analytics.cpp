// One pass over the rows gathers counts per case, team and cohort (hash maps keyed by id)
// and per practitioner (an interned id, their first decision in 32 bytes and, from their
// second, fixed-size counts); the statistics are computed from the counts at the end, a
// practitioner's only when their summary is made. No row is kept.
#include "sim/scoring/analytics.hpp"

#include "sim/scoring/brier_tally.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace sim::scoring {

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;
constexpr std::size_t kLevels = core::kResponseLevels;

std::size_t at(int index) { return static_cast<std::size_t>(index); }

// Counts towards a PanelComparison.
struct PanelTally {
  PanelComparison comparison;
  SignalCounts signal;
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
};

// A vector grown by fixed blocks: growing never copies it (no moment holding two copies of
// a million items) and references stay valid.
template <typename T> class Chunked {
public:
  T& push_back(T value) {
    if (m_size % kBlock == 0) {
      m_blocks.push_back(std::make_unique<T[]>(kBlock));
    }
    T& slot = (*this)[m_size++];
    slot = std::move(value);
    return slot;
  }
  T& operator[](std::size_t i) { return m_blocks[i / kBlock][i % kBlock]; }
  const T& operator[](std::size_t i) const { return m_blocks[i / kBlock][i % kBlock]; }
  [[nodiscard]] std::size_t size() const { return m_size; }

private:
  static constexpr std::size_t kBlock = 4096;
  std::vector<std::unique_ptr<T[]>> m_blocks;
  std::size_t m_size = 0;
};

// Trainee ids interned: their bytes in 1 MiB blocks, found through an open-addressing table
// of indices. About 24 bytes a trainee besides the id's own, where a hash map of strings
// takes some 70.
class IdTable {
public:
  /// The index of `id`; a new id gets the next index and sets `added`.
  std::uint32_t intern(std::string_view id, bool& added) {
    if (2 * (m_ids.size() + 1) > m_slots.size()) {
      grow();
    }
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t slot = hashOf(id) & mask;; slot = (slot + 1) & mask) {
      const std::uint32_t entry = m_slots[slot];
      if (entry == 0) {
        added = true;
        const auto index = static_cast<std::uint32_t>(m_ids.size());
        m_ids.push_back(store(id));
        m_slots[slot] = index + 1;
        return index;
      }
      if (m_ids[entry - 1] == id) {
        added = false;
        return entry - 1;
      }
    }
  }
  std::string_view operator[](std::size_t index) const { return m_ids[index]; }
  [[nodiscard]] std::size_t size() const { return m_ids.size(); }

private:
  static constexpr std::size_t kBlockBytes = std::size_t{1} << 20U;

  static std::size_t hashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }

  std::string_view store(std::string_view id) {
    if (m_blocks.empty() || m_used + id.size() > kBlockBytes) {
      m_blocks.push_back(std::make_unique<char[]>(std::max(kBlockBytes, id.size())));
      m_used = 0;
    }
    char* const to = m_blocks.back().get() + m_used;
    std::memcpy(to, id.data(), id.size());
    m_used += id.size();
    return {to, id.size()};
  }

  void grow() {
    std::vector<std::uint32_t> slots(std::max<std::size_t>(1024, 2 * m_slots.size()), 0);
    const std::size_t mask = slots.size() - 1;
    for (std::size_t index = 0; index < m_ids.size(); ++index) {
      std::size_t slot = hashOf(m_ids[index]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = static_cast<std::uint32_t>(index + 1);
    }
    m_slots = std::move(slots);
  }

  std::vector<std::unique_ptr<char[]>> m_blocks;
  std::size_t m_used = 0;
  Chunked<std::string_view> m_ids;
  std::vector<std::uint32_t> m_slots; // index + 1; 0 is empty
};

enum class Band { Under, Within, Over };

Band bandOf(const core::PanelReview& panel, core::ResponseLevel decision) {
  const int level = core::ordinal(decision);
  if (level < core::ordinal(panel.bandMin)) {
    return Band::Under;
  }
  return level > core::ordinal(panel.bandMax) ? Band::Over : Band::Within;
}

// The signal is "a statutory response is needed": the panel's whole band is s17 or above.
// Noise: the whole band is below s17. A band that straddles s17 (either answer is
// acceptable) is left out of the signal-detection counts. `Counts` is SignalCounts or a
// practitioner's 32-bit copy of it.
template <typename Counts>
void countSignal(Counts& s, const core::PanelReview& panel, core::ResponseLevel decision) {
  const bool signal = core::isStatutory(panel.bandMin);
  const bool noise = !core::isStatutory(panel.bandMax);
  if (!signal && !noise) {
    return;
  }
  const bool yes = core::isStatutory(decision);
  (signal ? (yes ? s.hits : s.misses) : (yes ? s.falseAlarms : s.correctRejections)) += 1;
}

void countPanel(PanelTally& tally, const core::PanelReview& panel, core::ResponseLevel decision) {
  auto& c = tally.comparison;
  ++c.decisions;
  c.confusion.add(core::ordinal(panel.consensus), core::ordinal(decision));
  ++c.panelConversion.at(at(core::ordinal(panel.consensus)));
  switch (bandOf(panel, decision)) {
  case Band::Under:
    ++c.under;
    break;
  case Band::Within:
    ++c.within;
    break;
  case Band::Over:
    ++c.over;
    break;
  }
  countSignal(tally.signal, panel, decision);
}

PanelComparison comparisonOf(PanelTally tally) {
  tally.comparison.quadraticKappa = quadraticWeightedKappa(tally.comparison.confusion);
  tally.comparison.statutory = signalDetection(tally.signal);
  return std::move(tally.comparison);
}

// One decision as a practitioner's counts need it: kept for a practitioner's first
// decision until a second one comes (most trainees in a large table may have only one).
struct Decision {
  static constexpr unsigned kHarm = 1U; // flags: which optional values the row gave
  static constexpr unsigned kRereferral = 2U;
  static constexpr unsigned kChecks = 4U;
  static constexpr unsigned kRecords = 8U;
  static constexpr unsigned kRecordsChecked = 16U;
  static constexpr unsigned kChild = 32U;
  static constexpr unsigned kChildSeen = 64U;
  double pHarm = 0.0;
  double pRereferral = 0.0;
  std::uint32_t caseIndex = 0;
  std::int32_t checks = 0;
  std::uint8_t level = 0;
  std::uint8_t flags = 0;
  [[nodiscard]] bool has(unsigned flag) const { return (flags & flag) != 0U; }
};

Decision decisionOf(const DecisionRow& row, std::size_t caseIndex) {
  Decision d;
  d.caseIndex = static_cast<std::uint32_t>(caseIndex);
  d.level = static_cast<std::uint8_t>(core::ordinal(row.decision));
  unsigned flags = 0;
  if (row.pHarm) {
    flags |= Decision::kHarm;
    d.pHarm = *row.pHarm;
  }
  if (row.pRereferral) {
    flags |= Decision::kRereferral;
    d.pRereferral = *row.pRereferral;
  }
  if (row.checks) {
    flags |= Decision::kChecks;
    d.checks = *row.checks;
  }
  if (row.recordsChecked) {
    flags |= Decision::kRecords | (*row.recordsChecked ? Decision::kRecordsChecked : 0U);
  }
  if (row.childSeen) {
    flags |= Decision::kChild | (*row.childSeen ? Decision::kChildSeen : 0U);
  }
  d.flags = static_cast<std::uint8_t>(flags);
  return d;
}

// A practitioner's counts in fixed room (about 500 bytes). 32-bit counts: a decisions file
// is at most 2 GiB, so fewer than 2^28 rows, and a vector of 2^32 rows would not fit in
// memory either.
struct PersonTally {
  std::array<std::uint32_t, kLevels> conversion{};
  std::array<std::uint32_t, kLevels * kLevels> confusion{}; // panel consensus x decision
  std::uint32_t under = 0;
  std::uint32_t over = 0;
  struct {
    std::uint32_t hits = 0;
    std::uint32_t misses = 0;
    std::uint32_t falseAlarms = 0;
    std::uint32_t correctRejections = 0;
  } signal;
  std::array<std::uint32_t, kLevels> harmCount{};
  std::array<double, kLevels> harmSum{};
  std::uint32_t harmEstimates = 0;
  double harmGapSquares = 0.0;
  std::uint32_t checkRows = 0;
  std::uint32_t recordRows = 0;
  std::uint32_t recordsChecked = 0;
  std::uint32_t childRows = 0;
  std::uint32_t childSeen = 0;
  std::int64_t checks = 0;
  BrierTally rereferral;
};

struct Person {
  std::uint32_t team = kNone;   // index of the team of their first row; kNone: no team
  std::uint32_t cohort = kNone; // and of its cohort
  std::uint32_t tally = kNone;  // their counts, once they have a second decision
  Decision first;               // their first decision, while it is their only one
};

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

// `sizes` by group index.
std::vector<GroupSummary> finishGroups(const Indexed<GroupTally>& groups,
                                       const std::vector<std::int64_t>& sizes) {
  std::vector<GroupSummary> out;
  for (std::size_t i = 0; i < groups.items.size(); ++i) {
    const auto& tally = groups.items[i];
    auto summary = tally.summary;
    summary.practitioners = sizes[i];
    agreementOf(tally.caseSpread, summary.fleissKappa, summary.pairwiseAgreement);
    if (tally.panel) {
      summary.panel = comparisonOf(*tally.panel);
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

void ListedPractitioners::forEach(
    const std::function<void(const PractitionerSummary&)>& visit) const {
  for (const auto& p : m_list) {
    visit(p);
  }
}

struct Analysis::State {
  const ScenarioIndex* scenarios = nullptr;
  Report report;
  Indexed<CaseTally> cases;
  Indexed<GroupTally> teams;
  Indexed<GroupTally> cohorts;
  std::optional<PanelTally> everyone;
  IdTable trainees; // index = person index
  Chunked<Person> persons;
  Chunked<PersonTally> tallies;
  std::vector<std::uint32_t> order; // person indices in trainee order, made by finish()
  bool finished = false;

  void countPerson(PersonTally& t, const Decision& d) const;
  [[nodiscard]] PractitionerSummary summary(std::uint32_t index) const;
};

// The practitioner side of one decision; the same sums, in the same order, as a tally that
// keeps every decision would make.
void Analysis::State::countPerson(PersonTally& t, const Decision& d) const {
  const std::size_t level = d.level;
  ++t.conversion.at(level);
  if (d.has(Decision::kChecks)) {
    ++t.checkRows;
    t.checks += d.checks;
  }
  if (d.has(Decision::kRecords)) {
    ++t.recordRows;
    t.recordsChecked += d.has(Decision::kRecordsChecked) ? 1U : 0U;
  }
  if (d.has(Decision::kChild)) {
    ++t.childRows;
    t.childSeen += d.has(Decision::kChildSeen) ? 1U : 0U;
  }
  if (d.has(Decision::kHarm)) {
    t.harmSum.at(level) += d.pHarm;
    ++t.harmCount.at(level);
  }
  const CaseTally& caseTally = cases.items[d.caseIndex];
  const auto* panel = caseTally.summary.panel;
  if (panel == nullptr) {
    return;
  }
  const auto decision = static_cast<core::ResponseLevel>(d.level);
  ++t.confusion.at(at(core::ordinal(panel->consensus)) * kLevels + level);
  const Band band = bandOf(*panel, decision);
  t.under += band == Band::Under ? 1U : 0U;
  t.over += band == Band::Over ? 1U : 0U;
  countSignal(t.signal, *panel, decision);
  if (d.has(Decision::kHarm) && panel->pSignificantHarm) {
    const double gap = d.pHarm - *panel->pSignificantHarm;
    t.harmGapSquares += gap * gap;
    ++t.harmEstimates;
  }
  if (d.has(Decision::kRereferral) && !caseTally.outcome->censored) {
    t.rereferral.add({d.pRereferral, caseTally.outcome->rereferredWithin12Months()});
  }
}

PractitionerSummary Analysis::State::summary(std::uint32_t index) const {
  const Person& person = persons[index];
  PersonTally single;
  if (person.tally == kNone) {
    countPerson(single, person.first);
  }
  const PersonTally& t = person.tally == kNone ? single : tallies[person.tally];
  PractitionerSummary out;
  out.trainee = std::string(trainees[index]);
  if (person.team != kNone) {
    out.team = teams.items[person.team].summary.name;
  }
  if (person.cohort != kNone) {
    out.cohort = cohorts.items[person.cohort].summary.name;
  }
  for (std::size_t level = 0; level < kLevels; ++level) {
    out.conversion.at(level) = t.conversion.at(level);
    out.decisions += t.conversion.at(level);
  }
  std::int64_t panelDecisions = 0;
  for (const auto n : t.confusion) {
    panelDecisions += n;
  }
  if (panelDecisions > 0) {
    PanelTally panel;
    auto& c = panel.comparison;
    c.decisions = panelDecisions;
    for (std::size_t reference = 0; reference < kLevels; ++reference) {
      for (std::size_t rater = 0; rater < kLevels; ++rater) {
        const std::int64_t n = t.confusion.at(reference * kLevels + rater);
        if (n > 0) {
          c.confusion.add(static_cast<int>(reference), static_cast<int>(rater), n);
          c.panelConversion.at(reference) += n;
        }
      }
    }
    c.under = t.under;
    c.over = t.over;
    c.within = panelDecisions - c.under - c.over;
    panel.signal = {t.signal.hits, t.signal.misses, t.signal.falseAlarms,
                    t.signal.correctRejections};
    out.panel = comparisonOf(std::move(panel));
  }
  auto& calibration = out.calibration;
  calibration.harmEstimates = t.harmEstimates;
  calibration.harmGapToPanel =
      t.harmEstimates > 0 ? t.harmGapSquares / static_cast<double>(t.harmEstimates) : 0.0;
  calibration.rereferral = t.rereferral.finish();
  for (std::size_t level = 0; level < kLevels; ++level) {
    if (t.harmCount.at(level) > 0) {
      calibration.meanHarmByLevel.at(level) =
          t.harmSum.at(level) / static_cast<double>(t.harmCount.at(level));
    }
  }
  auto& habits = out.habits;
  habits.checkRows = t.checkRows;
  habits.checks = t.checks;
  habits.recordRows = t.recordRows;
  habits.recordsChecked = t.recordsChecked;
  habits.childRows = t.childRows;
  habits.childSeen = t.childSeen;
  return out;
}

Analysis::Analysis(const ScenarioIndex* scenarios) : m_state(std::make_unique<State>()) {
  m_state->scenarios = scenarios;
  m_state->report.withPanels = scenarios != nullptr;
}

Analysis::~Analysis() = default;
Analysis::Analysis(Analysis&&) noexcept = default;
Analysis& Analysis::operator=(Analysis&&) noexcept = default;

void Analysis::add(const DecisionRow& row) {
  auto& s = *m_state;
  assert(!s.finished && "Analysis::add after finish");
  auto& report = s.report;
  const int level = core::ordinal(row.decision);
  ++report.decisions;
  ++report.conversion.at(at(level));

  const std::size_t caseIndex = s.cases.indexOf(row.scenario);
  auto& caseTally = s.cases.items[caseIndex];
  auto& caseSummary = caseTally.summary;
  if (caseSummary.decisions == 0) {
    caseSummary.scenario = row.scenario;
    caseSummary.panel = firstPanel(s.scenarios, row.scenario);
    if (caseSummary.panel != nullptr) {
      caseTally.outcome = &s.scenarios->find(row.scenario)->second->outcome;
    } else if (s.scenarios != nullptr) {
      report.unknownScenarios.push_back(row.scenario);
    }
  }
  ++caseSummary.decisions;
  ++caseSummary.spread.at(at(level));
  const auto* panel = caseSummary.panel;

  std::array<std::uint32_t, 2> groupIndex{kNone, kNone}; // team, cohort
  for (auto* groups : {&s.teams, &s.cohorts}) {
    const bool isTeam = groups == &s.teams;
    const auto& name = isTeam ? row.team : row.cohort;
    if (name.empty()) {
      continue;
    }
    const std::size_t index = groups->indexOf(name);
    groupIndex.at(isTeam ? 0 : 1) = static_cast<std::uint32_t>(index);
    auto& group = groups->items[index];
    group.summary.name = name;
    ++group.summary.decisions;
    ++group.summary.conversion.at(at(level));
    ++group.caseSpread[caseIndex].at(at(level));
    if (panel != nullptr) {
      if (!group.panel) {
        group.panel.emplace();
      }
      countPanel(*group.panel, *panel, row.decision);
    }
  }

  if (panel != nullptr) {
    if (!s.everyone) {
      s.everyone.emplace();
    }
    countPanel(*s.everyone, *panel, row.decision);
  }

  // Each practitioner belongs to the team and cohort of their first row.
  const Decision decision = decisionOf(row, caseIndex);
  bool added = false;
  const std::uint32_t index = s.trainees.intern(row.trainee, added);
  if (added) {
    s.persons.push_back({groupIndex[0], groupIndex[1], kNone, decision});
    return;
  }
  Person& person = s.persons[index];
  if (person.tally == kNone) {
    person.tally = static_cast<std::uint32_t>(s.tallies.size());
    s.countPerson(s.tallies.push_back({}), person.first);
  }
  s.countPerson(s.tallies[person.tally], decision);
}

Report Analysis::finish() {
  auto& s = *m_state;
  assert(!s.finished && "Analysis::finish called twice");
  s.finished = true;
  Report report = std::move(s.report);
  std::vector<LevelCounts> spreads;
  spreads.reserve(s.cases.items.size());
  for (const auto& tally : s.cases.items) {
    spreads.push_back(tally.summary.spread);
    report.cases.push_back(tally.summary);
  }
  agreementOf(spreads, report.fleissKappa, report.pairwiseAgreement);
  if (s.everyone) {
    report.panel = comparisonOf(*s.everyone);
  }
  std::sort(report.cases.begin(), report.cases.end(),
            [](const auto& a, const auto& b) { return a.scenario < b.scenario; });
  std::vector<std::int64_t> teamSizes(s.teams.items.size(), 0);
  std::vector<std::int64_t> cohortSizes(s.cohorts.items.size(), 0);
  s.order.resize(s.persons.size());
  for (std::size_t i = 0; i < s.persons.size(); ++i) {
    const Person& person = s.persons[i];
    if (person.team != kNone) {
      ++teamSizes[person.team];
    }
    if (person.cohort != kNone) {
      ++cohortSizes[person.cohort];
    }
    s.order[i] = static_cast<std::uint32_t>(i);
  }
  std::sort(s.order.begin(), s.order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return s.trainees[a] < s.trainees[b]; });
  report.teams = finishGroups(s.teams, teamSizes);
  report.cohorts = finishGroups(s.cohorts, cohortSizes);
  std::sort(report.unknownScenarios.begin(), report.unknownScenarios.end());
  return report;
}

std::size_t Analysis::count() const { return m_state->persons.size(); }

void Analysis::forEach(const std::function<void(const PractitionerSummary&)>& visit) const {
  const auto& s = *m_state;
  assert(s.finished && "Analysis::forEach before finish");
  for (const std::uint32_t index : s.order) {
    visit(s.summary(index));
  }
}

Report analyse(const std::vector<DecisionRow>& rows, const ScenarioIndex* scenarios) {
  Analysis analysis(scenarios);
  for (const auto& row : rows) {
    analysis.add(row);
  }
  Report report = analysis.finish();
  report.practitioners.reserve(analysis.count());
  analysis.forEach([&](const PractitionerSummary& p) { report.practitioners.push_back(p); });
  return report;
}

} // namespace sim::scoring
