// Property tests of the engine over every bundled scenario and the engine fixture:
// thousands of random action sequences (valid and invalid, fixed seeds) must never crash,
// refused actions must change nothing, the clock must never go backwards, nothing from the
// panel or the outcome may be visible before its decision, and replaying the log (directly
// and after writing and reading it as text) must reproduce the live state exactly.
#include "sim/engine/action_text.hpp"
#include "sim/engine/debrief.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/engine/transcript.hpp"
#include "tests/support/engine_fixtures.hpp"

#include <cstdint>
#include <random>

using namespace sim::engine;
using sim::core::Scenario;

namespace {

constexpr int kSequencesPerScenario = 1500;
constexpr int kMaxSequenceLength = 40;

// Portable draws: std::mt19937's output is fixed by the standard; distributions are not.
class Draw {
public:
  explicit Draw(std::uint32_t seed) : m_engine(seed) {}
  std::size_t below(std::size_t n) { return n == 0 ? 0 : m_engine() % n; }
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1)));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <typename T> const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

private:
  std::mt19937 m_engine;
};

template <typename Item> std::vector<std::string> idsOf(const std::vector<Item>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) {
    out.push_back(item.id);
  }
  out.emplace_back("no-such-id"); // sometimes ask for something that does not exist
  return out;
}

// A random action: mostly plausible, sometimes invalid in one way or another.
Action randomAction(Draw& draw, const Scenario& scenario, const AttemptState& state) {
  const auto questions = idsOf(scenario.questions);
  const auto checks = idsOf(scenario.checks);
  const auto direct = idsOf(scenario.direct);
  const auto facts = idsOf(scenario.facts);
  const std::vector<std::string> codes{"3A", "21", "1A", "4B", "18B", "99Z", ""};
  const std::vector<std::string> texts{
      "", "Leo is scared.", "line one\nline \"two\"", "caf\xC3\xA9", "bad \xC3", "\t#hash"};
  switch (draw.below(17)) {
  case 0:
    return ReadContact{};
  case 1:
  case 2:
    return AskQuestion{draw.pick(questions)};
  case 3:
    return CheckRecords{};
  case 4:
  case 5: {
    const auto choice = static_cast<ConsentChoice>(draw.below(3));
    std::string reason =
        choice == ConsentChoice::Override || draw.chance(10) ? draw.pick(texts) : "";
    return RequestCheck{draw.pick(checks), choice, reason};
  }
  case 6:
    return MakeDirectContact{draw.pick(direct)};
  case 7:
    return ConsultManager{};
  case 8:
    return WaitForReply{};
  case 9:
    // Mostly short waits; sometimes to near (or past) the furthest day a wait may reach.
    if (draw.chance(3)) {
      return WaitUntil{SimTime::at(kHorizonDays + draw.between(-2, 1), draw.between(0, 1439))};
    }
    return WaitUntil{SimTime{state.now.minutes + draw.between(-60, 3 * 24 * 60)}};
  case 10: {
    const auto side = draw.chance(60) ? FactorSide::Risk : FactorSide::Protective;
    return AddFactor{side, draw.chance(60) ? draw.pick(codes) : "",
                     draw.chance(40) ? draw.pick(facts) : "",
                     draw.chance(40) ? draw.pick(texts) : ""};
  }
  case 11:
    return RemoveFactor{draw.between(0, state.notes.nextFactorNumber)};
  case 12:
    return SetEstimate{static_cast<EstimateKind>(draw.below(3)), draw.between(-5, 105)};
  case 13:
    if (draw.chance(40)) {
      return LinkFact{static_cast<RationaleField>(draw.below(kRationaleFields)), draw.pick(facts),
                      draw.chance(70)};
    }
    return WriteRationale{static_cast<RationaleField>(draw.below(kRationaleFields)),
                          draw.pick(texts)};
  case 14:
    return draw.chance(50) ? Action{SetSafetyScale{draw.between(-1, 11)}}
                           : Action{WriteNotes{draw.pick(texts)}};
  case 15: {
    Decide decide;
    decide.response = static_cast<sim::core::ResponseLevel>(draw.below(6));
    decide.need = static_cast<sim::core::NeedLevel>(draw.between(1, 4));
    decide.urgency = static_cast<sim::core::Urgency>(draw.below(3));
    for (int i = draw.between(0, 3); i > 0; --i) {
      decide.adjuncts.push_back(static_cast<sim::core::Adjunct>(draw.below(8)));
    }
    return decide;
  }
  default:
    return OpenNextDecisionPoint{};
  }
}

// Texts the practitioner must not see before the decision they belong to: the panels'
// reasoning and the outcome. Texts that a route also shows (an outcome event that repeats a
// record, say) are left out, because seeing those through the route is legitimate.
std::vector<std::string> hiddenTexts(const Scenario& scenario) {
  std::vector<std::string> candidates;
  for (const auto& panel : scenario.panels) {
    candidates.push_back(panel.rationale);
    candidates.insert(candidates.end(), panel.teachingPoints.begin(), panel.teachingPoints.end());
    for (const auto& panellist : panel.panellists) {
      candidates.push_back(panellist.comment);
    }
  }
  candidates.push_back(scenario.outcome.summary);
  for (const auto& event : scenario.outcome.events) {
    candidates.push_back(event.text);
  }
  std::string visible =
      scenario.contact.presentingText + scenario.contact.request + scenario.records.emptyText;
  for (const auto& q : scenario.questions) {
    visible += q.ask + q.answer;
  }
  for (const auto& e : scenario.records.entries) {
    visible += e.summary;
  }
  for (const auto& c : scenario.checks) {
    visible += c.label + c.reply.text + (c.replyWithoutConsent ? c.replyWithoutConsent->text : "");
  }
  for (const auto& d : scenario.direct) {
    visible += d.label + d.text;
  }
  for (const auto& m : scenario.manager) {
    visible += m.text;
  }
  for (const auto& p : scenario.decisionPoints) {
    visible += p.title + p.newInformation;
  }
  std::vector<std::string> out;
  for (auto& text : candidates) {
    if (text.size() >= 12 && visible.find(text) == std::string::npos) {
      out.push_back(std::move(text));
    }
  }
  return out;
}

struct Tally {
  int applied = 0;
  int refused = 0;
  int decisions = 0;
  int closed = 0;
};

void checkInvariants(const Attempt& attempt, const std::vector<std::string>& hidden,
                     SimTime previous) {
  const auto& state = attempt.state();
  REQUIRE(state.now >= previous);
  for (std::size_t i = 0; i < state.transcript.size(); ++i) {
    REQUIRE(state.transcript[i].started <= state.transcript[i].at);
    if (i > 0) {
      REQUIRE(state.transcript[i - 1].at <= state.transcript[i].at);
    }
  }
  const auto& scenario = attempt.scenario();
  for (std::size_t dp = 0; dp < scenario.decisionPoints.size(); ++dp) {
    REQUIRE(debriefFor(scenario, state, static_cast<int>(dp)).ok() ==
            state.isLocked(static_cast<int>(dp)));
  }
  // The transcript is the practitioner's view: panel reasoning and outcomes never appear
  // in it, before or after a decision (they are only in the debrief, gated above).
  for (const auto& line : describeTranscript(scenario, state)) {
    for (const auto& text : hidden) {
      if (line.text.find(text) != std::string::npos ||
          line.heading.find(text) != std::string::npos) {
        FAIL(line.heading << " shows hidden text: " << text);
      }
    }
  }
}

void runSequences(const std::shared_ptr<const Scenario>& scenario, std::uint32_t seed,
                  Tally& tally) {
  const auto hidden = hiddenTexts(*scenario);
  Draw draw(seed);
  for (int sequence = 0; sequence < kSequencesPerScenario; ++sequence) {
    Attempt attempt(scenario);
    const int length = draw.between(1, kMaxSequenceLength);
    for (int step = 0; step < length; ++step) {
      // Read the contact early in most sequences so that the rest of the engine is reached.
      const Action action = !attempt.state().contactRead && draw.chance(80)
                                ? Action{ReadContact{}}
                                : randomAction(draw, *scenario, attempt.state());
      const auto before = attempt.state();
      const auto logSize = attempt.log().events.size();
      const auto event = attempt.apply(action);
      if (event.ok()) {
        ++tally.applied;
        REQUIRE(attempt.log().events.size() == logSize + 1);
      } else {
        ++tally.refused;
        INFO(formatAction(action) << " refused: " << event.error().message);
        REQUIRE_FALSE(event.error().message.empty());
        REQUIRE(attempt.state() == before);
        REQUIRE(attempt.log().events.size() == logSize);
      }
      checkInvariants(attempt, hidden, before.now);
    }
    tally.decisions += static_cast<int>(attempt.state().decisions.size());
    tally.closed += attempt.state().phase == Phase::Closed ? 1 : 0;

    const auto replayed = Attempt::replay(scenario, attempt.log());
    REQUIRE(replayed.ok());
    REQUIRE(replayed.value().state() == attempt.state());

    const auto text = formatEventLog(attempt.log());
    const auto parsed = parseEventLog(text, "log");
    REQUIRE(parsed.diagnostics.empty());
    REQUIRE(*parsed.log == attempt.log());
    const auto fromText = Attempt::replay(scenario, *parsed.log);
    REQUIRE(fromText.ok());
    REQUIRE(fromText.value().state() == attempt.state());
  }
}

} // namespace

TEST_CASE("random action sequences keep every engine invariant in every bundled scenario") {
  auto scenarios = sim::test::bundledScenarios();
  REQUIRE(scenarios.size() >= 3);
  scenarios.push_back(sim::test::twoPoints());
  std::uint32_t seed = 20261125;
  for (const auto& scenario : scenarios) {
    INFO(scenario->meta.id);
    Tally tally;
    runSequences(scenario, seed++, tally);
    // The sequences reached every part of the engine, so the properties were really tested.
    CHECK(tally.applied > 5000);
    CHECK(tally.refused > 5000);
    CHECK(tally.decisions > 100);
    CHECK(tally.closed > 50);
  }
}

namespace {

bool isEnquiryOrDecision(const Action& action) {
  return !isNotesEdit(action) && !std::holds_alternative<Undo>(action) &&
         !std::holds_alternative<Redo>(action);
}

// Mostly working-note edits, interleaved with enquiries, waits, decisions, undos and redos.
Action undoStep(Draw& draw, const Scenario& scenario, const AttemptState& state) {
  const int roll = draw.between(1, 100);
  if (roll <= 20) {
    return Undo{};
  }
  if (roll <= 32) {
    return Redo{};
  }
  if (roll <= 34) {
    Decide decide;
    decide.response = static_cast<sim::core::ResponseLevel>(draw.below(6));
    decide.need = static_cast<sim::core::NeedLevel>(draw.between(1, 4));
    return decide;
  }
  if (roll <= 35) {
    return OpenNextDecisionPoint{};
  }
  // A random action, drawn again until it is an edit or an enquiry/wait as wanted.
  const bool edit = roll <= 85;
  for (;;) {
    Action action = randomAction(draw, scenario, state);
    if (isNotesEdit(action) == edit && !std::holds_alternative<Decide>(action) &&
        !std::holds_alternative<OpenNextDecisionPoint>(action)) {
      return action;
    }
  }
}

} // namespace

TEST_CASE("undo and redo of working-note edits restore the same state, never cross an enquiry, "
          "and the log replays to the live state") {
  auto scenarios = sim::test::bundledScenarios();
  scenarios.push_back(sim::test::twoPoints());
  std::uint32_t seed = 20261202;
  for (const auto& scenario : scenarios) {
    INFO(scenario->meta.id);
    Draw draw(seed++);
    int undone = 0;
    int redone = 0;
    int barriers = 0;
    for (int sequence = 0; sequence < 200; ++sequence) {
      Attempt attempt(scenario);
      sim::test::mustApply(attempt, ReadContact{});
      WorkingNotes floor = attempt.state().notes; // the notes as the last barrier left them
      for (int step = 0; step < 60 && attempt.state().phase != Phase::Closed; ++step) {
        const Action action = undoStep(draw, *scenario, attempt.state());
        const auto before = attempt.state();
        const auto event = attempt.apply(action);
        INFO(formatAction(action) << (event.ok() ? "" : " refused: " + event.error().message));
        if (!event.ok()) {
          REQUIRE(attempt.state() == before);
          continue;
        }
        const auto& state = attempt.state();
        if (std::holds_alternative<Undo>(action)) {
          ++undone;
          // Redo straight after an undo gives back the very notes and history before it.
          Attempt again = attempt;
          sim::test::mustApply(again, Redo{});
          REQUIRE(again.state().notes == before.notes);
          REQUIRE(again.state().history.undo == before.history.undo);
          REQUIRE(again.state().history.redo == before.history.redo);
        } else if (std::holds_alternative<Redo>(action)) {
          ++redone;
          Attempt back = attempt;
          sim::test::mustApply(back, Undo{});
          REQUIRE(back.state().notes == before.notes);
        } else if (isEnquiryOrDecision(action)) {
          ++barriers;
          REQUIRE(state.history.undo.empty());
          REQUIRE(state.history.redo.empty());
          floor = state.notes;
        }
        // Undoing everything there is to undo reaches the barrier's notes, never further.
        Attempt rewound = attempt;
        while (rewound.apply(Undo{}).ok()) {
        }
        REQUIRE(rewound.state().notes == floor);
        REQUIRE(rewound.state().transcript == state.transcript);
        REQUIRE(rewound.state().now == state.now);
      }
      const auto replayed = Attempt::replay(scenario, attempt.log());
      REQUIRE(replayed.ok());
      REQUIRE(replayed.value().state() == attempt.state());
      const auto parsed = parseEventLog(formatEventLog(attempt.log()), "log");
      REQUIRE(parsed.diagnostics.empty());
      const auto fromText = Attempt::replay(scenario, *parsed.log);
      REQUIRE(fromText.ok());
      REQUIRE(fromText.value().state() == attempt.state());
    }
    // The sequences really undid, redid and crossed enquiries.
    CHECK(undone > 300);
    CHECK(redone > 100);
    CHECK(barriers > 300);
  }
}
