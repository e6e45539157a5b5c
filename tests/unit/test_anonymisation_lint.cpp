// Anonymisation lint: what counts as identifier-like text, and what must not.
#include "sim/scenario/anonymisation_lint.hpp"

#include <catch2/catch.hpp>

using namespace sim::scenario;

namespace {
std::vector<IdentifierKind> kinds(std::string_view text) {
  std::vector<IdentifierKind> out;
  for (const auto& hit : findIdentifiers(text)) {
    out.push_back(hit.kind);
  }
  return out;
}
} // namespace

TEST_CASE("UK postcodes in all outward forms are found") {
  for (const auto* text : {"lives at M1 1AE now", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX",
                           "EC1A 1BB", "SW1A1AA", "sw1a 1aa", "ls1 4ap"}) {
    INFO(text);
    CHECK(kinds(text) == std::vector{IdentifierKind::Postcode});
  }
}

TEST_CASE("phone numbers and NHS and NI numbers and e-mails and full dates are found") {
  CHECK(kinds("call 07700 900123 today") == std::vector{IdentifierKind::Phone});
  CHECK(kinds("+44 113 496 0000") == std::vector{IdentifierKind::Phone});
  CHECK(kinds("0113-496-0000") == std::vector{IdentifierKind::Phone});
  CHECK(kinds("ring (0161) 496 0000") == std::vector{IdentifierKind::Phone});
  CHECK(kinds("NHS 943 476 5919") == std::vector{IdentifierKind::NhsNumber});
  CHECK(kinds("9434765919") == std::vector{IdentifierKind::NhsNumber});
  CHECK(kinds("NI QQ 12 34 56 C") == std::vector{IdentifierKind::NiNumber});
  CHECK(kinds("QQ123456C") == std::vector{IdentifierKind::NiNumber});
  CHECK(kinds("mail jo.bloggs+x@example.org.") == std::vector{IdentifierKind::Email});
  for (const auto* date : {"born 12/03/2017", "12-03-17", "2017-03-12", "2017/03/12",
                           "3rd March 2017", "12 of March 2017", "March 12, 2017", "12 Mar 2017"}) {
    INFO(date);
    CHECK(kinds(date) == std::vector{IdentifierKind::FullDate});
  }
}

TEST_CASE("ordinary case text is not flagged") {
  for (const auto* text :
       {"census code 3B and 16A", "at 10:40 on day 0", "Year 6 pupil", "aged 7, 88 months",
        "attendance 78% over 12 weeks", "March 2017", "12 March", "s47 strategy discussion",
        "level 4 of 4", "a 2-year-old", "N1 abuse or neglect", "RC7", "BMI 12.5", "@home",
        "0 to 10 scale", "score 10/10", "ratio 3/4/5"}) {
    INFO(text);
    CHECK(findIdentifiers(text).empty());
  }
}

TEST_CASE("overlapping candidates give one hit") {
  const auto hits = findIdentifiers("12 March 2015@x.com");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == IdentifierKind::Email);
  for (const auto* mixed : {"Sw1A 1aA", "mixed Ls1 4Ap"}) {
    INFO(mixed);
    CHECK(findIdentifiers(mixed).empty()); // postcode letters are all one case
  }
}

TEST_CASE("hits report their offsets and lengths") {
  const std::string_view text = "at M1 1AE or 07700 900123";
  const auto hits = findIdentifiers(text);
  REQUIRE(hits.size() == 2);
  CHECK(text.substr(hits[0].offset, hits[0].length) == "M1 1AE");
  CHECK(text.substr(hits[1].offset, hits[1].length) == "07700 900123");
}
