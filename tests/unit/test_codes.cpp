// Core vocabularies: tokens round-trip, census tables hold the codes domain.md §5 lists.
#include "sim/core/codes.hpp"
#include "sim/core/time_of_day.hpp"

#include <catch2/catch.hpp>

using namespace sim::core;

TEST_CASE("response levels are ordered R0..R5 and round-trip through tokens") {
  const ResponseLevel levels[] = {ResponseLevel::Nfa,       ResponseLevel::Advice,
                                  ResponseLevel::EarlyHelp, ResponseLevel::S17,
                                  ResponseLevel::S47,       ResponseLevel::Immediate};
  for (int i = 0; i < 6; ++i) {
    CHECK(ordinal(levels[i]) == i);
    CHECK(parseToken<ResponseLevel>(tokenOf(levels[i])) == levels[i]);
  }
  CHECK(tokenList<ResponseLevel>() == "nfa|advice|early_help|s17|s47|immediate");
  CHECK_FALSE(parseToken<ResponseLevel>("S47").has_value());
  CHECK(isStatutory(ResponseLevel::S17));
  CHECK_FALSE(isStatutory(ResponseLevel::EarlyHelp));
}

namespace {
template <typename E> bool uniqueTable() {
  const auto table = tokenTable<E>();
  if (table.empty()) {
    return false;
  }
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table[i].token.empty() || table[i].label.empty()) {
      return false;
    }
    for (std::size_t j = i + 1; j < table.size(); ++j) {
      if (table[i].token == table[j].token || table[i].value == table[j].value ||
          table[i].label == table[j].label) {
        return false;
      }
    }
  }
  return true;
}

template <typename... E> bool allUnique() { return (uniqueTable<E>() && ...); }
} // namespace

TEST_CASE("every token table has unique non-empty tokens and values and labels") {
  CHECK(
      allUnique<ResponseLevel, NeedLevel, Urgency, Channel, Agency, Domain, Dimension, FactTag, Sex,
                AdultRole, RecordKind, Completeness, ConsentRule, DirectKind, InappropriateKind,
                Adjunct, OutcomeKind, Difficulty, ScenarioStatus, Origin, DateShift, Weekday>());
  CHECK(tokenTable<Agency>().size() == 21);
  CHECK(tokenTable<Dimension>().size() == 20);
}

TEST_CASE("census code tables have unique codes and labels") {
  for (const auto set : {CodeSet::ReferralSource, CodeSet::AssessmentFactor, CodeSet::PrimaryNeed,
                         CodeSet::AbuseCategory, CodeSet::ClosureReason}) {
    const auto codes = censusCodes(set);
    for (std::size_t i = 0; i < codes.size(); ++i) {
      for (std::size_t j = i + 1; j < codes.size(); ++j) {
        INFO(codes[i].code);
        CHECK(codes[i].code != codes[j].code);
        CHECK(codes[i].label != codes[j].label);
      }
    }
  }
}

TEST_CASE("dimensions belong to their assessment-triangle domain") {
  CHECK(domainOf(Dimension::Health) == Domain::ChildDevelopment);
  CHECK(domainOf(Dimension::SelfCare) == Domain::ChildDevelopment);
  CHECK(domainOf(Dimension::BasicCare) == Domain::ParentingCapacity);
  CHECK(domainOf(Dimension::Stability) == Domain::ParentingCapacity);
  CHECK(domainOf(Dimension::FamilyHistory) == Domain::FamilyEnvironment);
  CHECK(domainOf(Dimension::CommunityResources) == Domain::FamilyEnvironment);
}

TEST_CASE("census code tables match the CIN census") {
  CHECK(findCensusCode(CodeSet::ReferralSource, "3B") != nullptr);
  CHECK(findCensusCode(CodeSet::ReferralSource, "9")->label.find("Anonymous") !=
        std::string_view::npos);
  CHECK(findCensusCode(CodeSet::ReferralSource, "11") == nullptr);
  CHECK(censusCodes(CodeSet::ReferralSource).size() == 21);
  CHECK(findCensusCode(CodeSet::AssessmentFactor, "3B") != nullptr);
  CHECK(findCensusCode(CodeSet::AssessmentFactor, "8A") ==
        nullptr); // privately fostered is 8B only
  CHECK(findCensusCode(CodeSet::AssessmentFactor, "18A")->replacedBy == "18B|18C");
  CHECK(findCensusCode(CodeSet::AssessmentFactor, "24A") != nullptr);
  CHECK(censusCodeList(CodeSet::AbuseCategory) == "NEG|PHY|SAB|EMO|MUL");
  CHECK(censusCodes(CodeSet::ClosureReason).size() == 9);
  CHECK(censusCodes(CodeSet::PrimaryNeed).size() == 10);
}

TEST_CASE("times of day format as HH:MM and wrap into one day") {
  CHECK(formatTimeOfDay(0) == "00:00");
  CHECK(formatTimeOfDay(545) == "09:05");
  CHECK(formatTimeOfDay(17 * 60) == "17:00");
  CHECK(formatTimeOfDay(24 * 60 + 61) == "01:01");
  CHECK(formatTimeOfDay(-1) == "23:59");
}
