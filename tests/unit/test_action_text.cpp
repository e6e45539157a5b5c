// The action language and the event log text: every action reads back equal to what was
// written, and bad lines get FILE:LINE:COL messages that say what was expected and found.
#include "sim/engine/action_text.hpp"
#include "sim/engine/event_log.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace sim::engine;
using sim::core::Adjunct;
using sim::core::NeedLevel;
using sim::core::ResponseLevel;
using sim::core::Urgency;

namespace {

std::vector<Action> everyKindOfAction() {
  return {
      ReadContact{},
      AskQuestion{"q-said"},
      CheckRecords{},
      RequestCheck{"chk-gp", ConsentChoice::NotSought, {}},
      RequestCheck{"chk-gp", ConsentChoice::Seek, {}},
      RequestCheck{"chk-gp", ConsentChoice::Seek, {}, "gemma"},
      DraftReason{"chk-gp", "She may flee \"if told\"\n"},
      DraftReason{"chk-gp", ""},
      RequestCheck{"chk-gp", ConsentChoice::Override, "She said \"don't\"; risk of flight\n\\ok"},
      MakeDirectContact{"see-leo"},
      ConsultManager{},
      WaitForReply{},
      WaitUntil{SimTime::at(42, 10 * 60)},
      WaitUntil{SimTime::at(-1, 0)},
      AddFactor{FactorSide::Risk, "3A", "f-bruise", "grabbed — by Carl"},
      AddFactor{FactorSide::Protective, {}, {}, "gran\tnearby"},
      RemoveFactor{3},
      SetEstimate{EstimateKind::SignificantHarm, 35},
      SetEstimate{EstimateKind::Rereferral, 0},
      SetEstimate{EstimateKind::Confidence, 100},
      WriteRationale{RationaleField::WhatWeFear, "Leo may be hurt again.\r\nBell: \x07"},
      WriteRationale{RationaleField::NextSteps, ""},
      LinkFact{RationaleField::WhatWeFear, "f-bruise", true},
      LinkFact{RationaleField::Strengths, "f gran", false},
      SetSafetyScale{3},
      WriteNotes{"caf\xC3\xA9 \xF0\x9F\x99\x82 #not a comment"},
      Decide{ResponseLevel::S47,
             NeedLevel::Acute,
             Urgency::SameDay,
             {Adjunct::StrategyDiscussion, Adjunct::PoliceInformed}},
      Decide{ResponseLevel::Nfa, NeedLevel::Universal, Urgency::Routine, {}},
      OpenNextDecisionPoint{},
  };
}

std::string firstDiagnostic(const std::string& text) {
  const auto script = parseActionScript(text, "a.actions");
  REQUIRE_FALSE(script.diagnostics.empty());
  return sim::core::formatDiagnostic(script.diagnostics.front());
}

} // namespace

TEST_CASE("every action reads back equal to what was written") {
  for (const auto& action : everyKindOfAction()) {
    const auto line = formatAction(action);
    INFO(line);
    CHECK(line.find('\n') == std::string::npos);
    const auto script = parseActionScript(line, "x");
    REQUIRE(script.diagnostics.empty());
    REQUIRE(script.actions.size() == 1);
    CHECK(script.actions[0].action == action);
  }
}

TEST_CASE("action files skip comments and blank lines and report positions") {
  const auto script = parseActionScript("\xEF\xBB\xBF# a comment\n\n  read_contact   # why\n"
                                        "ask q-said\r\nwait until 1/10:30\n",
                                        "a.actions");
  REQUIRE(script.diagnostics.empty());
  REQUIRE(script.actions.size() == 3);
  CHECK(script.actions[0].line == 3);
  CHECK(script.actions[0].column == 3);
  CHECK(script.actions[1].action == Action{AskQuestion{"q-said"}});
  CHECK(script.actions[2].action == Action{WaitUntil{SimTime::at(1, 10 * 60 + 30)}});
}

TEST_CASE("an unknown verb names the nearest one") {
  CHECK(firstDiagnostic("read_contact\n  aks q-said\n") ==
        "a.actions:2:3: error: unknown action 'aks'; did you mean 'ask'?");
}

TEST_CASE("every bad line is reported and not only the first") {
  const auto script = parseActionScript("ask\nread_contact\nwait soon\ndecide s48 need=4 "
                                        "urgency=same_day\n",
                                        "a.actions");
  REQUIRE(script.diagnostics.size() == 3);
  CHECK(sim::core::formatDiagnostic(script.diagnostics[0]) ==
        "a.actions:1:4: error: 'ask' takes one question id, found nothing more");
  CHECK(sim::core::formatDiagnostic(script.diagnostics[1]) ==
        "a.actions:3:6: error: expected 'reply' or 'until', found 'soon'");
  CHECK(sim::core::formatDiagnostic(script.diagnostics[2]) ==
        "a.actions:4:8: error: expected a response level "
        "(nfa|advice|early_help|s17|s47|immediate), found 's48'; did you mean 's47'?");
  CHECK(script.actions.size() == 1);
}

TEST_CASE("options are checked by name and given once") {
  CHECK(firstDiagnostic("decide s47 need=4 urgncy=same_day\n") ==
        "a.actions:1:19: error: 'decide' has no option 'urgncy'; did you mean 'urgency'?");
  CHECK(firstDiagnostic("request chk-gp consent=seek consent=seek\n") ==
        "a.actions:1:29: error: option 'consent' is given twice");
  CHECK(firstDiagnostic("decide s47 need=4\n") ==
        "a.actions:1:18: error: 'decide' needs need=LEVEL and urgency=URGENCY (need 1|2|3|4; "
        "urgency same_day|one_working_day|routine)");
  CHECK(firstDiagnostic("ask q-said extra\n") ==
        "a.actions:1:12: error: 'ask' takes one question id, found an extra argument 'extra'");
  CHECK(firstDiagnostic("read_contact now=1\n") ==
        "a.actions:1:14: error: 'read_contact' has no option 'now' (it takes no options)");
}

TEST_CASE("a bad adjunct in a list is pointed at") {
  CHECK(firstDiagnostic("decide s47 need=4 urgency=same_day adjuncts=lado,marak\n") ==
        "a.actions:1:50: error: expected an adjunct (strategy_discussion|police_informed|"
        "see_child_today|consent_sought|consent_overridden|feedback_to_referrer|lado|marac|"
        "written_referral|signpost|young_carer_assessment|adult_social_care|prevent), "
        "found 'marak'; did you mean 'marac'?");
  CHECK(firstDiagnostic("decide s47 need=4 urgency=same_day adjuncts=lado,\n") ==
        "a.actions:1:50: error: expected an adjunct after ','");
}

TEST_CASE("strings and escapes and times are checked") {
  CHECK(firstDiagnostic("notes \"unfinished\n") ==
        "a.actions:1:18: error: unterminated string: expected a closing '\"' before the end of "
        "the line");
  CHECK(firstDiagnostic("notes \"bad \\q escape\"\n") ==
        "a.actions:1:12: error: unknown escape '\\q' (use \\\" \\\\ \\n \\r \\t or \\xHH)");
  CHECK(firstDiagnostic("notes \"\\x4\"\n") ==
        "a.actions:1:8: error: expected two hex digits after \\x");
  CHECK(firstDiagnostic("wait until 1/25:00\n") ==
        "a.actions:1:12: error: expected a time DAY/HH:MM such as 1/10:30, found '1/25:00'");
  CHECK(firstDiagnostic("estimate harm lots\n") ==
        "a.actions:1:15: error: expected a percentage (a whole number), found 'lots'");
  CHECK(firstDiagnostic("notes \"x\"y\n") ==
        "a.actions:1:10: error: expected a space after this item, found 'y'");
  CHECK(firstDiagnostic("ask q;said\n") ==
        "a.actions:1:6: error: expected a space after this item, found ';'");
  CHECK(firstDiagnostic("ask ;said\n") ==
        "a.actions:1:5: error: unexpected character ';' (words use letters, digits and - _ . : / "
        ", +; put other text in quotes)");
}

TEST_CASE("columns count characters and not bytes") {
  CHECK(firstDiagnostic("notes \"caf\xC3\xA9\" x=\n") ==
        "a.actions:1:16: error: expected a value after 'x='");
}

TEST_CASE("an event log reads back equal to what was written") {
  EventLog log{"engine-two-points", "blake2b-256:00ff", kEngineRules, {}};
  int seq = 0;
  for (const auto& action : everyKindOfAction()) {
    ++seq;
    log.events.push_back({seq, SimTime::at(seq / 5, 9 * 60 + seq), action});
  }
  const auto text = formatEventLog(log);
  CHECK(
      text.rfind(
          "frontdoor-log 1\nscenario engine-two-points\nhash blake2b-256:00ff\nrules 1\n1 0/09:01 "
          "read_contact\n",
          0) == 0);
  const auto parsed = parseEventLog(text, "log.txt");
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.log.has_value());
  CHECK(*parsed.log == log);
  for (const auto& event : log.events) {
    const auto one = parseEvent(formatEvent(event));
    REQUIRE(one.ok());
    CHECK(one.value() == event);
  }
}

TEST_CASE("a bad event log is refused with its line and column") {
  const auto newer = parseEventLog("frontdoor-log 2\nscenario x\nhash y\n", "log.txt");
  REQUIRE(newer.diagnostics.size() == 1);
  CHECK(sim::core::formatDiagnostic(newer.diagnostics[0]) ==
        "log.txt:1:15: error: this log is format 2; this version reads format 1");
  CHECK_FALSE(newer.log.has_value());

  const auto gap =
      parseEventLog("frontdoor-log 1\nscenario x\nhash y\nrules 1\n1 0/09:00 read_contact\n"
                    "3 0/09:00 check_records\n",
                    "log.txt");
  REQUIRE(gap.diagnostics.size() == 1);
  CHECK(sim::core::formatDiagnostic(gap.diagnostics[0]) ==
        "log.txt:6:1: error: expected event 2, found event 3");
  const auto gaps =
      parseEventLog("frontdoor-log 1\nscenario x\nhash y\nrules 1\n1 0/09:00 read_contact\n"
                    "3 0/09:00 check_records\n4 0/09:00 wait reply\n9 0/09:00 wait reply\n",
                    "log.txt");
  REQUIRE(gaps.diagnostics.size() == 2);
  CHECK(gaps.diagnostics[1].line == 8);

  const auto headless = parseEventLog("1 0/09:00 read_contact\n", "log.txt");
  REQUIRE(headless.diagnostics.size() == 1);
  CHECK(sim::core::formatDiagnostic(headless.diagnostics[0]) ==
        "log.txt:1:1: error: expected the header line 'frontdoor-log VALUE', found '1'");

  const auto badTime = parseEvent("4 0/9:00 read_contact");
  REQUIRE_FALSE(badTime.ok());
  CHECK(badTime.error().message == "column 3: expected the time DAY/HH:MM, found '0/9:00'");
}

TEST_CASE("ACTIONS.md has a reference row for every verb") {
  std::ifstream in(std::string(SIM_SOURCE_DIR) + "/scenarios/ACTIONS.md");
  std::ostringstream doc;
  doc << in.rdbuf();
  const auto verbs = actionVerbs();
  REQUIRE(verbs.size() == 20);
  for (const auto& verb : verbs) {
    INFO(verb);
    CHECK(doc.str().find("\n| `" + verb) != std::string::npos);
  }
}

TEST_CASE("messages show whole characters and whole options") {
  CHECK(firstDiagnostic("ask q-\xC3\xBC\n") ==
        "a.actions:1:7: error: expected a space after this item, found '\xC3\xBC'");
  CHECK(firstDiagnostic("ask \xFF\n") ==
        "a.actions:1:5: error: unexpected character '\\xFF' (words use letters, digits and - _ . "
        ": / , +; put other text in quotes)");
  CHECK(firstDiagnostic("need=3 decide\n") ==
        "a.actions:1:1: error: expected an action verb such as 'ask' or 'decide', found 'need=3'");
  CHECK(firstDiagnostic("decide s47 need=5 urgency=same_day\n") ==
        "a.actions:1:12: error: expected a need level (1|2|3|4), found 'need=5'");
}
