// The scenario loader: syntax (toml++), schema (TableReader) and semantic checks
// (ids, references, reachability of facts, panel bands, outcome timing) over one file.
#include "sim/scenario/loader.hpp"

#include "sim/core/file_text.hpp"
#include "sim/core/nearest.hpp"
#include "sim/core/time_of_day.hpp"
#include "sim/scenario/clock_words.hpp"
#include "sim/scenario/content_hash.hpp"
#include "sim/scenario/cross_checks.hpp"
#include "sim/scenario/key_depth.hpp"
#include "sim/scenario/rubric_reader.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/toml_reader.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace sim::scenario {

namespace {

using core::CodeSet;

constexpr int kMaxAgeMonths = 216; // 18 years
constexpr int kMaxUnbornWeeks = 42;
constexpr int kMaxActionMinutes = 480;   // one working day
constexpr int kMaxLatencyMinutes = 4800; // ten working days
constexpr int kMaxHistoryDays = 7300;    // twenty years
constexpr int kMaxFollowupDays = 1095;   // three years

std::vector<std::string> values(const std::vector<Located>& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& item : items) {
    out.push_back(item.value);
  }
  return out;
}

class Builder {
public:
  Builder(std::string file, std::string hash) : m_sink(std::move(file)) {
    m_scenario.sourcePath = m_sink.file();
    m_scenario.contentHash = std::move(hash);
  }

  LoadResult build(const toml::table& root) {
    TableReader top(m_sink, root, "", "");
    readFormat(top);
    if (m_formatTooNew) {
      return finish();
    }
    readMeta(top);
    readProvenance(top);
    readAnonymisation(top);
    readClock(top);
    readContact(top);
    readHousehold(top);
    readFacts(top);
    readQuestions(top);
    readRecords(top);
    readConsents(top); // before the checks: a reply counts as reachable if someone agrees
    readChecks(top);
    readDirect(top);
    readManager(top);
    readDecisionPoints(top);
    readPanels(top);
    readOutcome(top);
    readRubricOverrides(top);
    checkConsentAnswers();
    checkReferences(m_xref, m_sink);
    checkFactsRevealable(m_scenario, m_xref, m_sink);
    checkPanelFactsReachable(m_scenario, m_xref, m_sink);
    checkFactTimesAgreeWithRecords(m_scenario, m_xref, m_sink);
    checkPanelsCoverDecisionPoints(m_xref, m_sink);
    return finish();
  }

  DiagnosticSink& sink() { return m_sink; }

private:
  LoadResult finish() {
    LoadResult result;
    result.diagnostics = m_sink.take();
    if (!core::hasErrors(result.diagnostics)) {
      result.scenario = std::make_shared<const core::Scenario>(std::move(m_scenario));
    }
    return result;
  }

  void defineId(const std::optional<Located>& id, RefKind kind) {
    if (!id) {
      return;
    }
    const auto& text = id->value;
    const bool valid = !text.empty() && std::isalnum(static_cast<unsigned char>(text[0])) != 0 &&
                       std::all_of(text.begin(), text.end(), [](char c) {
                         return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' ||
                                c == '_' || c == '.';
                       });
    if (!valid) {
      m_sink.error(id->pos, "'" + id->path() +
                                "' must start with a letter or digit and contain only letters, "
                                "digits, '-', '_' or '.' (found \"" +
                                text + "\")");
      // still registered below, so references to it do not add a second error
    }
    const auto [it, inserted] = m_xref.ids.emplace(text, IdDef{kind, id->pos});
    if (!inserted) {
      m_sink.error(id->pos, "duplicate id \"" + text + "\": already used for the " +
                                std::string(refKindName(it->second.kind)) + " at line " +
                                std::to_string(it->second.pos.line) + ", column " +
                                std::to_string(it->second.pos.column));
    }
  }

  void refer(const std::optional<Located>& where, RefKind kind) {
    if (where) {
      m_xref.refs.push_back({*where, kind});
    }
  }
  void referAll(const std::vector<Located>& items, RefKind kind) {
    for (const auto& item : items) {
      m_xref.refs.push_back({item, kind});
    }
  }
  std::vector<std::string> reveals(TableReader& t, bool counts = true) {
    auto items = t.stringArray("reveals", Need::Optional);
    referAll(items, RefKind::Fact);
    if (counts) {
      for (const auto& item : items) {
        m_xref.revealed.insert(item.value);
      }
    }
    return values(items);
  }
  std::string decisionPointRef(TableReader& t) {
    auto dp = t.locatedString("decision_point", Need::Optional);
    refer(dp, RefKind::DecisionPoint);
    return dp ? dp->value : std::string();
  }

  void readFormat(TableReader& top) {
    const auto format = top.integer("format", Need::Required, 1, 1000000);
    if (format && *format > kFormatVersion) {
      m_sink.error(top.posOf("format"),
                   "this file uses scenario format " + std::to_string(*format) +
                       ", newer than this Frontdoor reads (format " +
                       std::to_string(kFormatVersion) + "); update Frontdoor to load it");
      m_formatTooNew = true;
    }
    m_scenario.formatVersion = format ? static_cast<int>(*format) : kFormatVersion;
  }

  void readMeta(TableReader& top) {
    auto t = top.table("scenario", Need::Required);
    if (!t) {
      return;
    }
    auto& m = m_scenario.meta;
    if (auto id = t->locatedString("id", Need::Required)) {
      const bool slug = std::all_of(id->value.begin(), id->value.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      });
      if (!slug) {
        m_sink.error(id->pos, "'scenario.id' must use only lower-case letters, digits and '-' "
                              "(found \"" +
                                  id->value + "\")");
      }
      m.id = id->value;
    }
    m.version = t->intValue("version", Need::Required, 1, 1000000).value_or(1);
    m.title = t->string("title", Need::Required).value_or("");
    m.practiceArea = t->string("practice_area", Need::Required).value_or("");
    m.difficulty = t->token<core::Difficulty>("difficulty", Need::Required).value_or(m.difficulty);
    m.expectedMinutes = t->intValue("expected_minutes", Need::Required, 1, 480).value_or(0);
    m.summary = t->string("summary", Need::Required).value_or("");
    m.status = t->token<core::ScenarioStatus>("status", Need::Optional).value_or(m.status);
    m.authors = values(t->stringArray("authors", Need::Optional));
    m.signedOffBy = t->string("signed_off_by", Need::Optional).value_or("");
    if (m.status == core::ScenarioStatus::SignedOff &&
        m.signedOffBy.find_first_not_of(" \t\r\n") == std::string::npos) {
      m_sink.error(t->posOf("status"), "'scenario.status' is \"signed_off\" but "
                                       "'scenario.signed_off_by' is missing or empty (expected "
                                       "the role of the person who signed it off)");
    }
  }

  void readProvenance(TableReader& top) {
    auto t = top.table("provenance", Need::Required);
    if (!t) {
      return;
    }
    auto& p = m_scenario.provenance;
    p.origin = t->token<core::Origin>("origin", Need::Required).value_or(p.origin);
    p.region = t->string("region", Need::Optional).value_or("");
    p.yearBand = t->string("year_band", Need::Optional).value_or("");
    p.sourceSystem = t->string("source_system", Need::Optional).value_or("");
    p.notes = t->string("notes", Need::Optional).value_or("");
  }

  void readAnonymisation(TableReader& top) {
    auto t = top.table("anonymisation", Need::Required);
    if (!t) {
      return;
    }
    auto& a = m_scenario.anonymisation;
    a.method = t->string("method", Need::Required).value_or("");
    a.kValue = t->intValue("k_value", Need::Optional, 2, 1000000);
    a.dateShift = t->token<core::DateShift>("date_shift", Need::Optional).value_or(a.dateShift);
    a.freeTextReviewedBy = t->string("free_text_reviewed_by", Need::Required).value_or("");
    a.motivatedIntruderChecked =
        t->boolean("motivated_intruder_checked", Need::Required).value_or(false);
    a.reviewedOn = t->date("reviewed_on", Need::Optional).value_or("");
  }

  void readClock(TableReader& top) {
    auto t = top.table("clock", Need::Required);
    if (!t) {
      return;
    }
    auto& c = m_scenario.clock;
    c.startDay = t->token<core::Weekday>("start_day", Need::Required).value_or(c.startDay);
    c.startMinute = t->timeOfDay("start_time", Need::Required).value_or(c.startMinute);
    c.dayStartMinute = t->timeOfDay("day_starts", Need::Optional).value_or(c.dayStartMinute);
    c.dayEndMinute = t->timeOfDay("day_ends", Need::Optional).value_or(c.dayEndMinute);
    if (c.dayEndMinute <= c.dayStartMinute) {
      const bool endGiven = t->has("day_ends");
      m_sink.error(t->posOf(endGiven ? "day_ends" : "day_starts"),
                   "the working day must end after it starts: 'clock.day_starts' is " +
                       core::formatTimeOfDay(c.dayStartMinute) +
                       (t->has("day_starts") ? "" : " (the default)") +
                       " and 'clock.day_ends' is " + core::formatTimeOfDay(c.dayEndMinute) +
                       (endGiven ? "" : " (the default)"));
    }
    if (t->has("working_days")) {
      c.workingDays = t->tokenArray<core::Weekday>("working_days", Need::Optional);
      std::set<core::Weekday> seen;
      for (const auto day : c.workingDays) {
        if (!seen.insert(day).second) {
          m_sink.error(t->posOf("working_days"), "'clock.working_days' lists \"" +
                                                     std::string(core::tokenOf(day)) + "\" twice");
        }
      }
      if (c.workingDays.empty()) {
        m_sink.error(t->posOf("working_days"), "'clock.working_days' must name at least one day");
      }
    } else {
      using W = core::Weekday;
      c.workingDays = {W::Monday, W::Tuesday, W::Wednesday, W::Thursday, W::Friday};
    }
    // Holidays are day numbers relative to T0 (0 = the day of the contact).
    c.holidays = t->intArray("holidays", Need::Optional, 0, kMaxFollowupDays);
    // Kept sorted and unique, so the calendar built from them stays small and cheap.
    std::sort(c.holidays.begin(), c.holidays.end());
    c.holidays.erase(std::unique(c.holidays.begin(), c.holidays.end()), c.holidays.end());
  }

  void readContact(TableReader& top) {
    auto t = top.table("contact", Need::Required);
    if (!t) {
      return;
    }
    auto& c = m_scenario.contact;
    c.channel = t->token<core::Channel>("channel", Need::Required).value_or(c.channel);
    c.referrerRole = t->string("referrer_role", Need::Required).value_or("");
    c.referrerAgency = t->token<core::Agency>("referrer_agency", Need::Optional);
    c.sourceCode = t->code("source_code", CodeSet::ReferralSource, Need::Required).value_or("");
    c.anonymous = t->boolean("anonymous", Need::Required).value_or(false);
    c.parentAware = t->boolean("parent_aware", Need::Optional).value_or(false);
    c.parentConsented = t->boolean("parent_consented", Need::Optional).value_or(false);
    c.presentingText = t->string("presenting_text", Need::Required).value_or("");
    c.request = t->string("request", Need::Optional).value_or("");
    c.reveals = reveals(*t);
  }

  void readHousehold(TableReader& top) {
    auto t = top.table("household", Need::Required);
    if (!t) {
      return;
    }
    for (auto& ct : t->tableArray("children", Need::Required)) {
      core::Child child;
      auto id = ct.locatedString("id", Need::Required);
      defineId(id, RefKind::Child);
      child.id = id ? id->value : "";
      child.name = ct.string("name", Need::Required).value_or("");
      child.ageMonths = ct.intValue("age_months", Need::Optional, 0, kMaxAgeMonths);
      child.unbornWeeks = ct.intValue("unborn_weeks", Need::Optional, 1, kMaxUnbornWeeks);
      if (ct.has("age_months") == ct.has("unborn_weeks")) {
        m_sink.error(ct.pos(), "'" + ct.path() +
                                   "' must have exactly one of 'age_months' (born) or "
                                   "'unborn_weeks' (weeks of pregnancy)");
      }
      child.sex = ct.token<core::Sex>("sex", Need::Optional).value_or(child.sex);
      child.notes = ct.string("notes", Need::Optional).value_or("");
      m_scenario.children.push_back(std::move(child));
    }
    for (auto& at : t->tableArray("adults", Need::Optional)) {
      core::Adult adult;
      auto id = at.locatedString("id", Need::Required);
      defineId(id, RefKind::Person);
      adult.id = id ? id->value : "";
      adult.name = at.string("name", Need::Required).value_or("");
      adult.role = at.token<core::AdultRole>("role", Need::Required).value_or(adult.role);
      adult.ageBand = at.string("age_band", Need::Optional).value_or("");
      adult.inHousehold = at.boolean("in_household", Need::Optional).value_or(true);
      auto parentOf = at.stringArray("parent_of", Need::Optional);
      referAll(parentOf, RefKind::Child);
      adult.parentOf = values(parentOf);
      adult.notes = at.string("notes", Need::Optional).value_or("");
      m_scenario.adults.push_back(std::move(adult));
    }
  }

  void readFacts(TableReader& top) {
    auto factTables = top.tableArray("facts", Need::Required);
    m_xref.factsUnreadable = top.has("facts") && factTables.empty();
    for (auto& ft : factTables) {
      core::Fact fact;
      auto id = ft.locatedString("id", Need::Required);
      defineId(id, RefKind::Fact);
      if (id) {
        fact.id = id->value;
        m_xref.factPos.emplace(fact.id, id->pos);
      }
      fact.text = ft.string("text", Need::Required).value_or("");
      const auto domain = ft.token<core::Domain>("domain", Need::Required);
      fact.domain = domain.value_or(fact.domain);
      fact.dimension = ft.token<core::Dimension>("dimension", Need::Optional);
      if (fact.dimension && domain && core::domainOf(*fact.dimension) != fact.domain) {
        m_sink.error(ft.posOf("dimension"),
                     "'" + ft.keyPath("dimension") + "' \"" +
                         std::string(core::tokenOf(*fact.dimension)) +
                         "\" belongs to the domain \"" +
                         std::string(core::tokenOf(core::domainOf(*fact.dimension))) +
                         "\", not \"" + std::string(core::tokenOf(fact.domain)) + "\"");
      }
      fact.tag = ft.token<core::FactTag>("tag", Need::Required).value_or(fact.tag);
      fact.factors = values(ft.codeArray("factors", CodeSet::AssessmentFactor, Need::Optional));
      fact.critical = ft.boolean("critical", Need::Optional).value_or(false);
      fact.timeSensitive = ft.boolean("time_sensitive", Need::Optional).value_or(false);
      auto about = ft.stringArray("about", Need::Optional);
      referAll(about, RefKind::Person);
      fact.about = values(about);
      m_scenario.facts.push_back(std::move(fact));
    }
  }

  void readQuestions(TableReader& top) {
    for (auto& qt : top.tableArray("questions", Need::Optional)) {
      core::Question q;
      auto id = qt.locatedString("id", Need::Required);
      defineId(id, RefKind::Question);
      q.id = id ? id->value : "";
      q.ask = qt.string("ask", Need::Required).value_or("");
      q.answer = qt.string("answer", Need::Required).value_or("");
      q.minutes = qt.intValue("minutes", Need::Optional, 0, kMaxActionMinutes).value_or(q.minutes);
      q.reveals = reveals(qt);
      q.decisionPoint = decisionPointRef(qt);
      m_scenario.questions.push_back(std::move(q));
    }
  }

  void readRecords(TableReader& top) {
    auto t = top.table("records", Need::Optional);
    if (!t) {
      return;
    }
    auto& r = m_scenario.records;
    r.minutes = t->intValue("minutes", Need::Optional, 0, kMaxActionMinutes).value_or(r.minutes);
    r.emptyText = t->string("empty_text", Need::Optional).value_or("");
    r.reveals = reveals(*t);
    for (auto& et : t->tableArray("entries", Need::Optional)) {
      core::RecordEntry e;
      const auto day = et.intValue("day", Need::Required, -kMaxHistoryDays, kMaxFollowupDays);
      if (day && *day > 0) {
        m_sink.error(et.posOf("day"), "'" + et.keyPath("day") + "' is " + std::to_string(*day) +
                                          ", after the contact; records hold history, so the "
                                          "day must be 0 or negative");
      }
      e.day = day.value_or(0);
      e.kind = et.token<core::RecordKind>("kind", Need::Required).value_or(e.kind);
      e.summary = et.string("summary", Need::Required).value_or("");
      e.reveals = reveals(et);
      r.entries.push_back(std::move(e));
    }
    if (r.entries.empty() && r.emptyText.empty()) {
      m_sink.warning(t->pos(), "'records' has no entries and no 'empty_text'; say what a records "
                               "check finds when there is no history");
    }
  }

  core::Reply readReply(TableReader& rt, bool countsForReachability = true) {
    core::Reply reply;
    reply.latencyMinutes =
        rt.intValue("latency_minutes", Need::Required, 0, kMaxLatencyMinutes).value_or(0);
    const auto completeness = rt.token<core::Completeness>("completeness", Need::Required);
    reply.completeness = completeness.value_or(reply.completeness);
    const bool silent = reply.completeness == core::Completeness::None;
    // When completeness is unreadable, do not also demand text: one error is enough.
    reply.text =
        rt.string("text", silent || !completeness ? Need::Optional : Need::Required).value_or("");
    auto items = rt.stringArray("reveals", Need::Optional);
    referAll(items, RefKind::Fact);
    if (silent && !items.empty()) {
      m_sink.error(rt.posOf("reveals"), "'" + rt.keyPath("reveals") +
                                            "' must be empty when 'completeness' is \"none\" "
                                            "(a reply that never comes reveals nothing)");
    } else if (countsForReachability) {
      for (const auto& item : items) {
        m_xref.revealed.insert(item.value);
      }
    }
    reply.reveals = values(items);
    return reply;
  }

  void readChecks(TableReader& top) {
    for (auto& ct : top.tableArray("checks", Need::Optional)) {
      core::Check c;
      auto id = ct.locatedString("id", Need::Required);
      defineId(id, RefKind::Check);
      c.id = id ? id->value : "";
      c.agency = ct.token<core::Agency>("agency", Need::Required).value_or(c.agency);
      c.label = ct.string("label", Need::Optional).value_or("");
      c.requestMinutes = ct.intValue("request_minutes", Need::Optional, 0, kMaxActionMinutes)
                             .value_or(c.requestMinutes);
      const auto consent = ct.token<core::ConsentRule>("consent", Need::Optional);
      const bool consentReadable = consent.has_value() || !ct.has("consent");
      c.consent = consent.value_or(c.consent);
      c.parentConsents = ct.boolean("parent_consents", Need::Optional).value_or(true);
      const bool needsConsent = c.consent == core::ConsentRule::Needed;
      if (needsConsent) {
        m_consentChecks.push_back({c.id, ct.posOf("consent")});
      }
      if (m_scenario.consentByAdult() && ct.has("parent_consents")) {
        m_sink.warning(ct.posOf("parent_consents"),
                       "'" + ct.keyPath("parent_consents") +
                           "' is ignored: this case's [[consent]] answers say what each adult "
                           "says when asked");
      }
      if (auto rt = ct.table("reply", Need::Required)) {
        // With consent needed and refused by everyone, this reply can never arrive (at any
        // decision point: the cross-checks look at each one).
        bool agreed = c.parentConsents || m_scenario.contact.parentConsented;
        if (m_scenario.consentByAdult()) {
          agreed =
              std::any_of(m_scenario.consents.begin(), m_scenario.consents.end(),
                          [&](const core::ConsentAnswer& a) {
                            return a.answer == core::ConsentReply::Agrees &&
                                   (a.checks.empty() || std::find(a.checks.begin(), a.checks.end(),
                                                                  c.id) != a.checks.end());
                          });
        }
        c.reply = readReply(*rt, !needsConsent || agreed);
      }
      if (auto rt =
              ct.table("reply_without_consent", needsConsent ? Need::Required : Need::Optional,
                       "required because 'consent' is \"needed\"")) {
        if (!needsConsent && consentReadable) {
          m_sink.warning(rt->pos(), "'" + rt->path() +
                                        "' is ignored because 'consent' is not "
                                        "\"needed\" (the agency replies the same "
                                        "either way)");
        }
        c.replyWithoutConsent = readReply(*rt, needsConsent);
      }
      c.decisionPoint = decisionPointRef(ct);
      m_scenario.checks.push_back(std::move(c));
    }
  }

  // [[consent]]: what each adult says when asked for consent (FORMAT.md "Consent").
  void readConsents(TableReader& top) {
    for (auto& ct : top.tableArray("consent", Need::Optional)) {
      core::ConsentAnswer a;
      auto who = ct.locatedString("who", Need::Required);
      refer(who, RefKind::Adult);
      a.who = who ? who->value : "";
      a.answer = ct.token<core::ConsentReply>("answer", Need::Required).value_or(a.answer);
      a.minutes = ct.intValue("minutes", Need::Optional, 0, kMaxActionMinutes).value_or(a.minutes);
      a.text = ct.string("text", Need::Required).value_or("");
      auto checks = ct.stringArray("checks", Need::Optional);
      referAll(checks, RefKind::Check);
      a.checks = values(checks);
      a.decisionPoint = decisionPointRef(ct);
      m_consentPos.push_back({ct.pos(), ct.path()});
      m_scenario.consents.push_back(std::move(a));
    }
  }

  // What [[consent]] answers must agree with once checks, decision points and panels are read.
  void checkConsentAnswers() {
    const auto& scenario = m_scenario;
    if (scenario.consents.empty()) {
      if (!m_consentChecks.empty() && scenario.formatVersion >= 2) {
        m_sink.warning(m_consentChecks.front().pos,
                       "check \"" + m_consentChecks.front().id +
                           "\" needs consent but the case has no [[consent]] answers, so nobody "
                           "asked can agree; add what each adult says when asked (FORMAT.md, "
                           "\"Consent\")");
      }
      return;
    }
    std::map<std::tuple<std::string, std::string, int>, int> seen;
    for (std::size_t i = 0; i < scenario.consents.size(); ++i) {
      const auto& answer = scenario.consents[i];
      const auto& where = m_consentPos[i];
      std::vector<std::string> covered = answer.checks;
      if (covered.empty()) {
        for (const auto& check : scenario.checks) {
          covered.push_back(check.id);
        }
      }
      for (const auto& check : covered) {
        const auto key =
            std::make_tuple(answer.who, check, scenario.decisionPointIndex(answer.decisionPoint));
        const auto [it, inserted] = seen.emplace(key, where.pos.line);
        if (!inserted) {
          m_sink.error(where.pos, "'" + where.path + "' is a second answer from \"" + answer.who +
                                      "\" about check \"" + check +
                                      "\" at the same decision point (the first is at line " +
                                      std::to_string(it->second) + ")");
          break; // one error per answer is enough
        }
      }
    }
  }

  void readDirect(TableReader& top) {
    for (auto& dt : top.tableArray("direct", Need::Optional)) {
      core::DirectContact d;
      auto id = dt.locatedString("id", Need::Required);
      defineId(id, RefKind::Direct);
      d.id = id ? id->value : "";
      d.kind = dt.token<core::DirectKind>("kind", Need::Required).value_or(d.kind);
      auto who = dt.locatedString("who", Need::Optional);
      refer(who, RefKind::Person);
      d.who = who ? who->value : "";
      d.label = dt.string("label", Need::Optional).value_or("");
      d.minutes = dt.intValue("minutes", Need::Optional, 0, kMaxActionMinutes).value_or(d.minutes);
      d.text = dt.string("text", Need::Required).value_or("");
      d.reveals = reveals(dt);
      d.decisionPoint = decisionPointRef(dt);
      m_scenario.direct.push_back(std::move(d));
    }
  }

  void readManager(TableReader& top) {
    for (auto& mt : top.tableArray("manager", Need::Optional)) {
      core::ManagerHint h;
      h.decisionPoint = decisionPointRef(mt);
      h.minutes = mt.intValue("minutes", Need::Optional, 0, kMaxActionMinutes).value_or(h.minutes);
      h.text = mt.string("text", Need::Required).value_or("");
      h.reveals = reveals(mt);
      m_scenario.manager.push_back(std::move(h));
    }
  }

  void readDecisionPoints(TableReader& top) {
    int previousDay = 0;
    for (auto& dt : top.tableArray("decision_points", Need::Required)) {
      core::DecisionPoint dp;
      auto id = dt.locatedString("id", Need::Required);
      defineId(id, RefKind::DecisionPoint);
      if (id) {
        dp.id = id->value;
        m_xref.decisionPointPos.emplace_back(dp.id, id->pos);
      }
      dp.title = dt.string("title", Need::Required).value_or("");
      const bool first = m_scenario.decisionPoints.empty();
      dp.day = dt.intValue("day", first ? Need::Optional : Need::Required, 0, kMaxFollowupDays)
                   .value_or(first ? 0 : previousDay);
      if (first && dp.day != 0) {
        m_sink.error(dt.posOf("day"), "'" + dt.keyPath("day") +
                                          "' must be 0: the first decision point is the contact "
                                          "itself (found " +
                                          std::to_string(dp.day) + ")");
      }
      if (!first && dp.day < previousDay) {
        m_sink.error(dt.posOf("day"), "'" + dt.keyPath("day") + "' is " + std::to_string(dp.day) +
                                          ", earlier than the decision point before it (day " +
                                          std::to_string(previousDay) +
                                          "); list decision points in time order");
      }
      previousDay = dp.day;
      dp.minute =
          dt.timeOfDay("time", Need::Optional)
              .value_or(first ? m_scenario.clock.startMinute : m_scenario.clock.dayStartMinute);
      dp.prompt = dt.string("prompt", Need::Optional).value_or("");
      if (const auto word = clockWordIn(dp.prompt)) {
        m_sink.warning(dt.posOf("prompt"),
                       "'" + dt.keyPath("prompt") + "' names a day or time of day (\"" + *word +
                           "\"), but the practitioner may read it at any time and the status "
                           "strip shows the clock; say what matters without it (for example "
                           "'housing closes at 17:00')");
      }
      dp.newInformation = dt.string("new_information", first ? Need::Optional : Need::Required,
                                    "a later decision point must say what new information arrived")
                              .value_or("");
      dp.reveals = reveals(dt);
      m_scenario.decisionPoints.push_back(std::move(dp));
    }
  }

  void readPanels(TableReader& top) {
    for (auto& pt : top.tableArray("panel", Need::Required)) {
      core::PanelReview p;
      auto dp = pt.locatedString("decision_point", Need::Required);
      refer(dp, RefKind::DecisionPoint);
      if (dp) {
        p.decisionPoint = dp->value;
        const auto [it, inserted] = m_xref.panelPos.emplace(dp->value, dp->pos);
        if (!inserted) {
          m_sink.error(dp->pos, "decision point \"" + dp->value +
                                    "\" already has a panel review "
                                    "at line " +
                                    std::to_string(it->second.line));
        }
      }
      const auto consensus = pt.token<core::ResponseLevel>("consensus", Need::Required);
      const auto bandMin = pt.token<core::ResponseLevel>("band_min", Need::Required);
      const auto bandMax = pt.token<core::ResponseLevel>("band_max", Need::Required);
      p.consensus = consensus.value_or(p.consensus);
      p.bandMin = bandMin.value_or(p.bandMin);
      p.bandMax = bandMax.value_or(p.bandMax);
      if (bandMin && bandMax && core::ordinal(*bandMin) > core::ordinal(*bandMax)) {
        m_sink.error(pt.posOf("band_max"),
                     "'" + pt.keyPath("band_max") + "' (\"" + std::string(core::tokenOf(*bandMax)) +
                         "\") is below 'band_min' (\"" + std::string(core::tokenOf(*bandMin)) +
                         "\"); the band runs from the lower to the higher "
                         "response (nfa < advice < early_help < s17 < s47 < "
                         "immediate)");
      } else if (consensus && bandMin && bandMax &&
                 (core::ordinal(*consensus) < core::ordinal(*bandMin) ||
                  core::ordinal(*consensus) > core::ordinal(*bandMax))) {
        m_sink.error(
            pt.posOf("consensus"),
            "'" + pt.keyPath("consensus") + "' \"" + std::string(core::tokenOf(*consensus)) +
                "\" is outside the acceptable band " + std::string(core::tokenOf(*bandMin)) + ".." +
                std::string(core::tokenOf(*bandMax)) + "; the band must contain the consensus");
      }
      if (const auto need = pt.intValue("need_level", Need::Required, 1, 4)) {
        p.needLevel = static_cast<core::NeedLevel>(*need);
      }
      p.urgency = pt.token<core::Urgency>("urgency", Need::Required).value_or(p.urgency);
      p.pSignificantHarm = pt.probability("p_significant_harm", Need::Optional);
      p.pRereferral = pt.probability("p_rereferral", Need::Optional);
      p.adjuncts = pt.tokenArray<core::Adjunct>("adjuncts", Need::Optional);
      auto critical = pt.stringArray("critical_facts", Need::Optional);
      referAll(critical, RefKind::Fact);
      p.criticalFacts = values(critical);
      auto useful = pt.stringArray("useful_facts", Need::Optional);
      referAll(useful, RefKind::Fact);
      p.usefulFacts = values(useful);
      p.keyFactors = values(pt.codeArray("key_factors", CodeSet::AssessmentFactor, Need::Optional));
      auto protective = pt.stringArray("key_protective", Need::Optional);
      referAll(protective, RefKind::Fact);
      p.keyProtective = values(protective);
      p.rationale = pt.string("rationale", Need::Required).value_or("");
      p.teachingPoints = values(pt.stringArray("teaching_points", Need::Optional));
      for (auto& lt : pt.tableArray("panellists", Need::Optional)) {
        core::Panellist member;
        member.role = lt.string("role", Need::Required).value_or("");
        member.decision =
            lt.token<core::ResponseLevel>("decision", Need::Required).value_or(member.decision);
        if (const auto need = lt.intValue("need_level", Need::Optional, 1, 4)) {
          member.needLevel = static_cast<core::NeedLevel>(*need);
        }
        member.pSignificantHarm = lt.probability("p_significant_harm", Need::Optional);
        member.pRereferral = lt.probability("p_rereferral", Need::Optional);
        member.comment = lt.string("comment", Need::Optional).value_or("");
        p.panellists.push_back(std::move(member));
      }
      for (auto& it : pt.tableArray("inappropriate", Need::Optional)) {
        core::InappropriateAction action;
        const auto kind = it.token<core::InappropriateKind>("action", Need::Required);
        action.kind = kind.value_or(action.kind);
        auto target = it.locatedString("target", Need::Required);
        if (kind && target) {
          switch (*kind) {
          case core::InappropriateKind::SeekConsent:
          case core::InappropriateKind::Check:
          case core::InappropriateKind::CheckWithoutConsent:
            refer(target, RefKind::Check);
            break;
          case core::InappropriateKind::Direct:
            refer(target, RefKind::Direct);
            break;
          case core::InappropriateKind::Question:
            refer(target, RefKind::Question);
            break;
          }
        }
        action.target = target ? target->value : "";
        auto who = it.locatedString("who", Need::Optional);
        refer(who, RefKind::Adult);
        if (who && kind && *kind != core::InappropriateKind::SeekConsent) {
          m_sink.error(who->pos, "'" + who->path() +
                                     "' is only for \"seek_consent\" (the adult whom asking "
                                     "would be wrong)");
        }
        action.who = who ? who->value : "";
        action.why = it.string("why", Need::Required).value_or("");
        p.inappropriate.push_back(std::move(action));
      }
      m_scenario.panels.push_back(std::move(p));
    }
  }

  void readRubricOverrides(TableReader& top) {
    if (auto t = top.table("rubric", Need::Optional)) {
      m_scenario.rubricOverrides = readRubricSettings(*t, true).settings;
      // Checked on the built-in rubric with these overrides applied.
      core::Rubric rubric;
      for (const auto& setting : m_scenario.rubricOverrides) {
        core::applyRubricSetting(rubric, setting);
      }
      checkRubricRules(rubric, *t);
    }
  }

  void readOutcome(TableReader& top) {
    auto t = top.table("outcome", Need::Required);
    if (!t) {
      return;
    }
    auto& o = m_scenario.outcome;
    o.followupDays =
        t->intValue("followup_days", Need::Required, 1, kMaxFollowupDays).value_or(o.followupDays);
    o.originalDecision = t->token<core::ResponseLevel>("original_decision", Need::Required)
                             .value_or(o.originalDecision);
    o.censored = t->boolean("censored", Need::Optional).value_or(false);
    o.primaryNeed = t->code("primary_need", CodeSet::PrimaryNeed, Need::Optional).value_or("");
    o.factors = values(t->codeArray("factors", CodeSet::AssessmentFactor, Need::Optional));
    o.summary = t->string("summary", Need::Optional).value_or("");
    std::optional<int> previousDay;
    for (auto& et : t->tableArray("events", Need::Optional)) {
      core::OutcomeEvent e;
      const auto day = et.intValue("day", Need::Required, -kMaxHistoryDays, kMaxFollowupDays);
      if (day && *day < 0) {
        m_sink.error(et.posOf("day"), "'" + et.keyPath("day") + "' is " + std::to_string(*day) +
                                          ", before the contact (day 0); outcome events must be "
                                          "on or after day 0");
      } else if (day && *day > o.followupDays) {
        m_sink.warning(et.posOf("day"), "'" + et.keyPath("day") + "' is " + std::to_string(*day) +
                                            ", after the follow-up window of " +
                                            std::to_string(o.followupDays) + " days");
      }
      if (day && previousDay && *day < *previousDay) {
        m_sink.warning(et.posOf("day"), "'" + et.keyPath("day") +
                                            "' is earlier than the event before it; list outcome "
                                            "events in time order");
      }
      e.day = day.value_or(0);
      if (day) {
        previousDay = std::max(previousDay.value_or(e.day), e.day);
      }
      const auto kind = et.token<core::OutcomeKind>("kind", Need::Required);
      e.kind = kind.value_or(e.kind);
      e.text = et.string("text", Need::Required).value_or("");
      const bool isReferral =
          kind == core::OutcomeKind::Rereferral || kind == core::OutcomeKind::Contact;
      e.sourceCode = et.code("source_code", CodeSet::ReferralSource, Need::Optional).value_or("");
      e.category = et.code("category", CodeSet::AbuseCategory,
                           kind == core::OutcomeKind::CpPlan ? Need::Required : Need::Optional)
                       .value_or("");
      e.closureReason =
          et.code("closure_reason", CodeSet::ClosureReason,
                  kind == core::OutcomeKind::Closure ? Need::Required : Need::Optional)
              .value_or("");
      e.sameConcern = et.boolean("same_concern", Need::Optional).value_or(false);
      const auto misplaced = [&](std::string_view key, bool applies, std::string_view kinds) {
        if (et.has(key) && kind && !applies) {
          m_sink.warning(et.posOf(key), "'" + et.keyPath(key) + "' only applies to " +
                                            std::string(kinds) + " events and is ignored here");
        }
      };
      misplaced("same_concern", isReferral, "\"rereferral\" and \"contact\"");
      misplaced("source_code", isReferral, "\"rereferral\" and \"contact\"");
      misplaced("category", kind == core::OutcomeKind::CpPlan, "\"cp_plan\"");
      misplaced("closure_reason", kind == core::OutcomeKind::Closure, "\"closure\"");
      o.events.push_back(std::move(e));
    }
  }

  DiagnosticSink m_sink;
  core::Scenario m_scenario;
  CrossReferences m_xref;
  bool m_formatTooNew = false;
  struct ConsentCheck {
    std::string id;
    Pos pos;
  };
  struct ConsentPos {
    Pos pos;
    std::string path;
  };
  std::vector<ConsentCheck> m_consentChecks; // checks whose 'consent' is "needed"
  std::vector<ConsentPos> m_consentPos;      // where each [[consent]] answer is
};

LoadResult singleError(const std::string& file, int line, int column, std::string message) {
  LoadResult result;
  result.diagnostics.push_back({file, line, column, core::Severity::Error, std::move(message)});
  return result;
}

} // namespace

LoadResult loadScenarioText(std::string_view text, const std::string& displayPath) {
  if (text.size() > kMaxScenarioBytes) {
    return singleError(displayPath, 1, 1,
                       "file is " + std::to_string(text.size()) + " bytes, larger than the " +
                           std::to_string(kMaxScenarioBytes) + "-byte limit for a scenario");
  }
  if (const auto deep = findOverlongKey(text)) {
    return singleError(displayPath, deep->line, deep->column,
                       "key or table header has more than " + std::to_string(kMaxKeyParts) +
                           " dot-separated parts; scenario keys have at most three");
  }
  try {
    // No source path: diagnostics carry displayPath themselves, and toml++ would otherwise
    // attach a shared copy of it to every node.
    const toml::table root = toml::parse(text);
    if (root.empty()) {
      return singleError(displayPath, 1, 1,
                         "the file has no keys (expected a scenario starting with 'format = 1'; "
                         "see scenarios/FORMAT.md)");
    }
    Builder builder(displayPath, contentHash(text));
    builder.sink().setSource(text);
    return builder.build(root);
  } catch (const toml::parse_error& error) {
    const auto pos = posOf(error.source());
    std::string message = "syntax error: " + std::string(error.description());
    if (message.find("unescaped control characters") != std::string::npos) {
      message += " (is a closing quote missing? use \"\"\" for text over several lines)";
    }
    return singleError(displayPath, pos.line, pos.column, message);
  } catch (const std::exception& error) {
    return singleError(displayPath, 1, 1, std::string("could not load the file: ") + error.what());
  }
}

LoadResult loadScenarioFile(const std::filesystem::path& path) {
  const std::string display = path.string();
  const auto text = core::readFileText(path, kMaxScenarioBytes, "scenario");
  if (!text) {
    return singleError(display, 1, 1, text.error().message);
  }
  return loadScenarioText(text.value(), display);
}

} // namespace sim::scenario
