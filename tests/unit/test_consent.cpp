// Consent as a conversation (scenario format 2): asking a named adult, their authored
// answer in the chronology with its time cost, one answer covering several checks, an
// answer that changes at a later decision point, what each adult not asked would have said
// (the debrief), and scoring that knows whom consent was asked from. The case is
// tests/data/engine/consent_conversation.toml (Friday 16:30 contact, Monday a holiday).
#include "sim/engine/debrief.hpp"
#include "sim/engine/transcript.hpp"
#include "sim/scoring/decision_score.hpp"
#include "tests/support/engine_fixtures.hpp"

using namespace sim::engine;
using sim::core::Adjunct;
using sim::core::NeedLevel;
using sim::core::ResponseLevel;
using sim::core::Urgency;
using sim::test::mustApply;
using sim::test::mustRefuse;

namespace {

constexpr int kGp = 1;     // checks[1]
constexpr int kSchool = 2; // checks[2]
constexpr int kCarl = 1;   // adults[1]

Attempt opened() {
  Attempt attempt(sim::test::loadScenario("tests/data/engine/consent_conversation.toml"));
  mustApply(attempt, ReadContact{});
  return attempt;
}

RequestCheck ask(const std::string& check, const std::string& adult) {
  return RequestCheck{check, ConsentChoice::Seek, {}, adult};
}

const Decide kS17{ResponseLevel::S17, NeedLevel::Complex, Urgency::OneWorkingDay, {}};

int minutesBetween(SimTime a, SimTime b) { return b.minutes - a.minutes; }

} // namespace

TEST_CASE("asking for consent names an adult of the household") {
  auto attempt = opened();
  CHECK(mustRefuse(attempt, RequestCheck{"chk-gp", ConsentChoice::Seek, {}})
            .find("Say whom you are asking for consent: ask one of gemma (Gemma), carl (Carl), "
                  "nan (Nan)") != std::string::npos);
  CHECK(mustRefuse(attempt, ask("chk-gp", "leo")).find("no adult \"leo\"") != std::string::npos);
  CHECK(mustRefuse(attempt, RequestCheck{"chk-gp", ConsentChoice::Override, "Risk", "gemma"})
            .find("only when seeking consent") != std::string::npos);
  CHECK(attempt.state().checks[kGp].status == CheckStatus::NotRequested);
}

TEST_CASE("a refusal is a conversation in the chronology with its own time, and stops the "
          "request") {
  auto attempt = opened();
  const SimTime before = attempt.state().now;
  mustApply(attempt, ask("chk-gp", "carl"));
  const auto& status = attempt.state().checks[kGp];
  CHECK(status.status == CheckStatus::ConsentRefused);
  CHECK(minutesBetween(before, attempt.state().now) == 5); // Carl's answer takes 5 minutes
  const auto& entry = attempt.state().transcript.back();
  CHECK(entry.kind == EntryKind::ConsentRefused);
  CHECK(entry.adult == kCarl);
  const auto lines = describeTranscript(attempt.scenario(), attempt.state());
  CHECK(lines.back().heading == "Consent refused by Carl (step-parent) — GP practice");
  CHECK(lines.back().text.find("puts the phone down") != std::string::npos);
  CHECK(lines.back().text.find("has not been requested") != std::string::npos);
  // Asking Carl again is refused; so is asking him about the school (his answer covers it).
  CHECK(mustRefuse(attempt, ask("chk-gp", "carl")).find("already asked Carl") != std::string::npos);
  CHECK(mustRefuse(attempt, ask("chk-school", "carl")).find("Carl refused consent") !=
        std::string::npos);
}

TEST_CASE("after a refusal and no answer, another adult's agreement sends the request with "
          "consent") {
  auto attempt = opened();
  mustApply(attempt, ask("chk-gp", "carl"));
  const SimTime beforeNan = attempt.state().now;
  mustApply(attempt, ask("chk-gp", "nan"));
  CHECK(minutesBetween(beforeNan, attempt.state().now) == 20);
  CHECK(attempt.state().transcript.back().kind == EntryKind::ConsentNoAnswer);
  // A refusal is not undone by someone else not answering.
  CHECK(attempt.state().checks[kGp].status == CheckStatus::ConsentRefused);
  mustApply(attempt, ask("chk-gp", "gemma"));
  const auto& status = attempt.state().checks[kGp];
  CHECK(status.status == CheckStatus::Pending);
  CHECK(status.consentFrom == "gemma");
  CHECK_FALSE(status.withoutConsent);
  REQUIRE(status.asked.size() == 3);
  CHECK(status.asked[2].answer == sim::core::ConsentReply::Agrees);
  const auto& transcript = attempt.state().transcript;
  REQUIRE(transcript.size() >= 2);
  CHECK(transcript[transcript.size() - 2].kind == EntryKind::ConsentGiven);
  CHECK(transcript.back().kind == EntryKind::CheckRequested);
  const auto lines = describeTranscript(attempt.scenario(), attempt.state());
  CHECK(lines[lines.size() - 2].text.find("I've nothing to hide") != std::string::npos);
  CHECK(lines.back().text == "Requested with Gemma's consent.");
}

TEST_CASE("one agreement covers every check its answer names, with no second conversation") {
  auto attempt = opened();
  mustApply(attempt, ask("chk-gp", "gemma"));
  const auto entries = attempt.state().transcript.size();
  const SimTime before = attempt.state().now;
  mustApply(attempt, ask("chk-school", "gemma"));
  // Only the request itself (10 minutes), and no new consent entry: Gemma already agreed.
  CHECK(minutesBetween(before, attempt.state().now) >= 10);
  const auto& transcript = attempt.state().transcript;
  REQUIRE(transcript.size() > entries);
  CHECK(transcript[entries].kind == EntryKind::CheckRequested);
  CHECK(std::none_of(transcript.begin() + static_cast<std::ptrdiff_t>(entries), transcript.end(),
                     [](const TranscriptEntry& e) { return e.kind == EntryKind::ConsentGiven; }));
  CHECK(attempt.state().checks[kSchool].status == CheckStatus::Replied); // no latency
  CHECK(attempt.state().checks[kSchool].consentFrom == "gemma");
}

TEST_CASE("an answer can change at a later decision point") {
  auto attempt = opened();
  mustApply(attempt, ask("chk-gp", "nan"));
  CHECK(attempt.state().checks[kGp].status == CheckStatus::ConsentNoAnswer);
  mustApply(attempt, kS17);
  mustApply(attempt, OpenNextDecisionPoint{});
  // Weeks later Nan answers differently (the case's dp2 answer): the request goes.
  const auto entries = attempt.state().transcript.size();
  mustApply(attempt, ask("chk-gp", "nan"));
  CHECK(attempt.state().transcript[entries].kind == EntryKind::ConsentGiven);
  CHECK(attempt.state().checks[kGp].status == CheckStatus::Pending);
  CHECK(attempt.state().checks[kGp].consentFrom == "nan");
  // Carl's answer has no decision point of its own: he refuses at dp2 as at dp1.
  mustApply(attempt, ask("chk-school", "carl"));
  CHECK(attempt.state().checks[kSchool].status == CheckStatus::ConsentRefused);
}

TEST_CASE("the debrief says what each adult not asked would have said") {
  auto attempt = opened();
  mustApply(attempt, ask("chk-gp", "carl"));
  mustApply(attempt, kS17);
  mustApply(attempt, OpenNextDecisionPoint{});
  mustApply(attempt, kS17); // closed: nothing withheld
  const auto debrief = debriefFor(attempt.scenario(), attempt.state(), 0).value();
  std::vector<std::string> gp;
  for (const auto& c : debrief.notTaken) {
    if (c.route == RouteKind::Check && c.item == kGp) {
      gp.push_back(std::string(variantToken(c.variant)) + ":" + c.asked);
    }
  }
  // Carl was asked; Gemma would have agreed, Nan could not be reached (at dp1).
  CHECK(gp ==
        std::vector<std::string>{"with_consent:gemma", "would_not_answer:nan", "without_consent:"});
  for (const auto& c : debrief.notTaken) {
    if (c.route == RouteKind::Check && c.item == kGp && c.asked == "gemma") {
      CHECK(c.heading == "GP practice, asking Gemma (mother) for consent");
      CHECK(c.text == "No concerns about Leo's health.");
    }
  }
}

TEST_CASE("scoring knows whom consent was asked from") {
  const auto score = [](const std::string& adult) {
    auto attempt = opened();
    mustApply(attempt, ask("chk-gp", adult));
    mustApply(attempt, kS17);
    auto result =
        sim::scoring::scoreDecision(attempt.scenario(), attempt.state(), 0, sim::core::Rubric{});
    REQUIRE(result.ok());
    return result.value();
  };
  const auto mentions = [](const sim::scoring::DecisionScore& s, const std::string& text) {
    for (const auto& component : s.components) {
      for (const auto& line : component.lines) {
        if (line.text.find(text) != std::string::npos) {
          return true;
        }
      }
    }
    for (const auto& error : s.criticalErrors) {
      if (error.text.find(text) != std::string::npos) {
        return true;
      }
    }
    return false;
  };
  const std::string wrong = "consent from Carl (step-parent)";
  CHECK(mentions(score("carl"), wrong));
  CHECK_FALSE(mentions(score("gemma"), wrong));
  CHECK_FALSE(mentions(score("gemma"), "consent from"));
}

TEST_CASE("a consent-override reason is saved as it is typed, survives replay and goes with "
          "the request") {
  auto attempt = opened();
  mustApply(attempt, WriteNotes{"Ring school after 3."});
  const SimTime before = attempt.state().now;
  mustApply(attempt, DraftReason{"chk-gp", "Leo is frightened of Carl; asking"});
  CHECK(attempt.state().checks[kGp].reasonDraft == "Leo is frightened of Carl; asking");
  CHECK(attempt.state().now == before);            // it takes no time
  CHECK(attempt.state().history.undo.size() == 1); // and keeps the notes' undo
  CHECK(attempt.state().checks[kGp].status == CheckStatus::NotRequested);
  CHECK(mustRefuse(attempt, DraftReason{"chk-school-later", "x"}).find("at this point") !=
        std::string::npos);
  const auto replayed = Attempt::replay(attempt.scenarioPtr(), attempt.log());
  REQUIRE(replayed.ok());
  CHECK(replayed.value().state().checks[kGp].reasonDraft == "Leo is frightened of Carl; asking");
  mustApply(attempt, RequestCheck{"chk-gp", ConsentChoice::Override,
                                  "Leo is frightened of Carl; asking him warns him."});
  CHECK(attempt.state().checks[kGp].reasonDraft.empty());
  CHECK(attempt.state().checks[kGp].reason == "Leo is frightened of Carl; asking him warns him.");
}
