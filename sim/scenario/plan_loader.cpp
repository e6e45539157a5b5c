// Reading a workshop plan and checking the rules that protect the room (WORKSHOPS.md §3).
#include "sim/scenario/plan_loader.hpp"

#include "sim/core/file_text.hpp"
#include "sim/core/nearest.hpp"
#include "sim/scenario/diagnostic_sink.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/toml.hpp"
#include "sim/scenario/toml_reader.hpp"

#include <algorithm>
#include <cctype>

namespace sim::scenario {

namespace {

PlanLoad singleError(const std::string& file, int line, int column, std::string message) {
  PlanLoad result;
  result.diagnostics.push_back({file, line, column, core::Severity::Error, std::move(message)});
  return result;
}

bool isSlug(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::string inQuotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

class PlanReader {
public:
  PlanReader(DiagnosticSink& sink, const core::ScenarioIndex* cases)
      : m_sink(sink), m_cases(cases) {}

  core::WorkshopPlan read(TableReader& top) {
    core::WorkshopPlan plan;
    const auto format = top.integer("format", Need::Required, 1, 1000000);
    if (format && *format > kPlanFormatVersion) {
      m_sink.error(top.posOf("format"), "this workshop plan uses format " +
                                            std::to_string(*format) +
                                            ", newer than this Frontdoor reads (format " +
                                            std::to_string(kPlanFormatVersion) + ")");
      return plan;
    }
    if (auto w = top.table("workshop", Need::Required)) {
      auto id = w->locatedString("id", Need::Required);
      if (id && !isSlug(id->value)) {
        m_sink.error(id->pos, "'workshop.id' may contain only lower-case letters, digits and "
                              "'-' (found " +
                                  inQuotes(id->value) + ")");
      }
      plan.id = id ? id->value : "";
      plan.title = w->string("title", Need::Required).value_or("");
      plan.summary = w->string("summary", Need::Optional).value_or("");
      plan.audience = w->string("audience", Need::Optional).value_or("");
      plan.minutes = w->intValue("minutes", Need::Optional, 10, 600).value_or(0);
      plan.vote = w->token<core::VoteKind>("vote", Need::Optional).value_or(plan.vote);
      if (plan.vote == core::VoteKind::None) {
        m_sink.error(w->posOf("vote"), "'workshop.vote' is the vote at decision points: "
                                       "\"per_person\" or \"per_table\"");
        plan.vote = core::VoteKind::PerTable; // read on as the default, so errors do not cascade
      }
    }
    for (auto& ct : top.tableArray("cases", Need::Required)) {
      plan.cases.push_back(readCase(ct, plan.vote));
    }
    if (top.has("cases") && plan.cases.empty()) {
      m_sink.error(top.posOf("cases"), "a workshop plan needs at least one [[cases]]");
    }
    return plan;
  }

private:
  core::PlanCase readCase(TableReader& ct, core::VoteKind defaultVote) {
    core::PlanCase out;
    auto id = ct.locatedString("scenario", Need::Required);
    out.scenario = id ? id->value : "";
    const core::Scenario* scenario = nullptr;
    if (id && m_cases != nullptr) {
      const auto it = m_cases->find(id->value);
      if (it == m_cases->end()) {
        std::vector<std::string> ids;
        for (const auto& [known, unused] : *m_cases) {
          ids.push_back(known);
        }
        std::string message = "'" + id->path() + "' names unknown case " + inQuotes(id->value);
        if (const auto near = core::nearestOf(id->value, ids)) {
          message += "; did you mean " + inQuotes(*near) + "?";
        }
        m_sink.error(id->pos, message);
      } else {
        scenario = it->second.get();
      }
    }
    auto pauses = ct.tableArray("pauses", Need::Optional);
    if (pauses.empty()) {
      // No pauses written: the default plan for the case (WORKSHOPS.md §2.3).
      if (scenario != nullptr) {
        out.pauses = core::defaultPlanCase(*scenario).pauses;
        for (auto& pause : out.pauses) {
          if (pause.vote != core::VoteKind::None) {
            pause.vote = defaultVote;
          }
        }
      }
      return out;
    }
    int lastPoint = -1;
    for (auto& pt : pauses) {
      out.pauses.push_back(readPause(pt, scenario, defaultVote, lastPoint));
    }
    if (scenario != nullptr) {
      for (std::size_t i = 0; i < scenario->decisionPoints.size(); ++i) {
        const auto& point = scenario->decisionPoints[i];
        const bool paused =
            std::any_of(out.pauses.begin(), out.pauses.end(), [&](const core::PlanPause& p) {
              return p.at == core::PauseAt::DecisionPoint && p.target == point.id;
            });
        if (!paused) {
          m_sink.warning(ct.pos(), "'" + ct.path() + "' has no pause at decision point " +
                                       inQuotes(point.id) +
                                       ", so the room does not vote on it (the trainer "
                                       "decides it for the room)");
        }
      }
    }
    return out;
  }

  core::PlanPause readPause(TableReader& pt, const core::Scenario* scenario,
                            core::VoteKind defaultVote, int& lastPoint) {
    core::PlanPause p;
    const auto at = pt.token<core::PauseAt>("at", Need::Required);
    p.at = at.value_or(p.at);
    const bool atPoint = at && *at == core::PauseAt::DecisionPoint;
    const bool needsTarget =
        at && (*at == core::PauseAt::DecisionPoint || *at == core::PauseAt::Enquiry);
    auto target = pt.locatedString("target", needsTarget ? Need::Required : Need::Optional,
                                   "required at \"enquiry\" and \"decision_point\" pauses");
    if (target && at && !needsTarget) {
      m_sink.warning(target->pos, "'" + target->path() + "' is ignored at a \"" +
                                      std::string(core::tokenOf(*at)) + "\" pause");
    } else if (target) {
      p.target = target->value;
    }
    p.prompt = pt.string("prompt", Need::Required).value_or("");
    p.timerMinutes = pt.intValue("timer_minutes", Need::Optional, 1, 60);
    const auto vote = pt.token<core::VoteKind>("vote", Need::Optional);
    p.vote = vote.value_or(atPoint ? defaultVote : core::VoteKind::None);
    if (at && !atPoint && p.vote != core::VoteKind::None) {
      m_sink.error(pt.posOf("vote"), "'" + pt.keyPath("vote") +
                                         "': the room votes on its decision at a "
                                         "\"decision_point\" pause; here it can only be "
                                         "\"none\"");
    }
    p.revote = pt.boolean("revote", Need::Optional).value_or(false);
    if (p.revote && p.vote == core::VoteKind::None) {
      m_sink.error(pt.posOf("revote"),
                   "'" + pt.keyPath("revote") + "' needs a vote to repeat (this pause has none)");
    }
    p.reveals = pt.tokenArray<core::RevealKind>("reveal", Need::Optional);
    checkReveals(pt, p, atPoint);
    if (scenario != nullptr && target && needsTarget) {
      checkTarget(*target, p, *scenario, lastPoint);
    }
    return p;
  }

  void checkReveals(TableReader& pt, const core::PlanPause& p, bool atPoint) {
    if (p.reveals.empty()) {
      return;
    }
    const Pos pos = pt.posOf("reveal");
    const std::string key = "'" + pt.keyPath("reveal") + "'";
    if (!atPoint) {
      m_sink.error(pos, key + ": reveals come at a \"decision_point\" pause, once the room has "
                              "voted");
      return;
    }
    std::vector<core::RevealKind> seen;
    for (const auto reveal : p.reveals) {
      if (std::find(seen.begin(), seen.end(), reveal) != seen.end()) {
        m_sink.error(pos, key + " lists " + inQuotes(core::tokenOf(reveal)) + " twice");
      }
      seen.push_back(reveal);
    }
    const auto has = [&](core::RevealKind k) {
      return std::find(p.reveals.begin(), p.reveals.end(), k) != p.reveals.end();
    };
    if (p.vote == core::VoteKind::None &&
        (has(core::RevealKind::Room) || has(core::RevealKind::Shift))) {
      m_sink.error(pos, key + ": \"room\" and \"shift\" show the room's votes, and this pause "
                              "has no vote");
    }
    if (has(core::RevealKind::Shift) && !p.revote) {
      m_sink.error(pos, key + ": \"shift\" compares the revote with the first vote; set "
                              "'revote = true'");
    }
    // The room sees its own votes before the panel's, so the panel does not anchor them.
    const auto first = [&](auto pred) {
      return std::find_if(p.reveals.begin(), p.reveals.end(), pred) - p.reveals.begin();
    };
    const auto firstHindsight = first([](core::RevealKind k) { return core::revealsHindsight(k); });
    const auto lastRoom =
        static_cast<std::ptrdiff_t>(p.reveals.size()) - 1 -
        (std::find_if(p.reveals.rbegin(), p.reveals.rend(),
                      [](core::RevealKind k) { return !core::revealsHindsight(k); }) -
         p.reveals.rbegin());
    if (lastRoom > firstHindsight) {
      m_sink.warning(pos, key + " shows the panel or the outcome before the room's own votes; "
                                "the room usually sees its own spread first");
    }
  }

  void checkTarget(const Located& target, core::PlanPause& p, const core::Scenario& scenario,
                   int& lastPoint) {
    if (p.at == core::PauseAt::DecisionPoint) {
      const int index = scenario.findDecisionPoint(target.value) != nullptr
                            ? scenario.decisionPointIndex(target.value)
                            : -1;
      if (index < 0) {
        unknown(target, "decision point", ids(scenario.decisionPoints));
        return;
      }
      if (index <= lastPoint) {
        m_sink.error(target.pos, "'" + target.path() + "': decision point " +
                                     inQuotes(target.value) +
                                     " comes after the one paused at before it in the case "
                                     "(pauses follow the case's order, once each)");
      }
      lastPoint = std::max(lastPoint, index);
      const bool last = index + 1 == static_cast<int>(scenario.decisionPoints.size());
      if (!last && std::find(p.reveals.begin(), p.reveals.end(), core::RevealKind::Outcome) !=
                       p.reveals.end()) {
        m_sink.error(target.pos, "'" + target.path() +
                                     "': the outcome can be revealed only at "
                                     "the case's last decision point (\"" +
                                     scenario.decisionPoints.back().id +
                                     "\"); here it would give away what comes next");
      }
      return;
    }
    // An enquiry: a question, check or direct contact of this case.
    const bool known = scenario.findQuestion(target.value) != nullptr ||
                       scenario.findCheck(target.value) != nullptr ||
                       scenario.findDirect(target.value) != nullptr;
    if (!known) {
      auto all = ids(scenario.questions);
      const auto checks = ids(scenario.checks);
      const auto direct = ids(scenario.direct);
      all.insert(all.end(), checks.begin(), checks.end());
      all.insert(all.end(), direct.begin(), direct.end());
      unknown(target, "question, check or direct contact", all);
    }
  }

  template <typename T> static std::vector<std::string> ids(const std::vector<T>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) {
      out.push_back(item.id);
    }
    return out;
  }

  void unknown(const Located& target, std::string_view what,
               const std::vector<std::string>& candidates) {
    std::string message = "'" + target.path() + "' names no " + std::string(what) +
                          " of this case: " + inQuotes(target.value);
    if (const auto near = core::nearestOf(target.value, candidates)) {
      message += "; did you mean " + inQuotes(*near) + "?";
    }
    m_sink.error(target.pos, message);
  }

  DiagnosticSink& m_sink;
  const core::ScenarioIndex* m_cases;
};

} // namespace

PlanLoad loadPlanText(std::string_view text, const std::string& displayPath,
                      const core::ScenarioIndex* cases) {
  if (text.size() > kMaxScenarioBytes) {
    return singleError(displayPath, 1, 1, "the workshop plan is larger than 1 MiB");
  }
  try {
    const toml::table root = toml::parse(text);
    DiagnosticSink sink(displayPath);
    sink.setSource(text);
    TableReader top(sink, root, "", "plan");
    PlanReader reader(sink, cases);
    auto plan = reader.read(top);
    plan.sourcePath = displayPath;
    PlanLoad result;
    result.diagnostics = sink.take();
    if (!core::hasErrors(result.diagnostics)) {
      result.plan = std::move(plan);
    }
    return result;
  } catch (const toml::parse_error& error) {
    const auto pos = posOf(error.source());
    return singleError(displayPath, pos.line, pos.column,
                       "syntax error: " + std::string(error.description()));
  } catch (const std::exception& error) {
    return singleError(displayPath, 1, 1, std::string("could not load the file: ") + error.what());
  }
}

PlanLoad loadPlanFile(const std::filesystem::path& path, const core::ScenarioIndex* cases) {
  const std::string display = path.string();
  const auto text = core::readFileText(path, kMaxScenarioBytes, "workshop plan");
  if (!text) {
    return singleError(display, 1, 1, text.error().message);
  }
  return loadPlanText(text.value(), display, cases);
}

bool isWorkshopPlanFile(const std::filesystem::path& path) {
  const auto name = path.filename().string();
  const std::string_view suffix = ".workshop.toml";
  return name.size() > suffix.size() &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace sim::scenario
