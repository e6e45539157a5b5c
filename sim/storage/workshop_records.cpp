// Workshops in the results store: the workshop and its cases in one transaction, then each
// facilitator event as it happens (its own transaction, on disk before the app
// acknowledges it), read back in order to resume.
#include "sim/core/utf8.hpp"
#include "sim/storage/detail/store_text.hpp"
#include "sim/storage/results_store.hpp"
#include "sim/storage/statement.hpp"

#include <sqlite3.h>

namespace sim::storage {

using detail::badText;
using detail::failed;

core::Result<std::int64_t> ResultsStore::startWorkshop(const WorkshopRow& w) {
  if (auto bad =
          badText("cannot start the workshop", {{"plan id", w.planId, detail::kMaxIdBytes},
                                                {"title", w.title, detail::kMaxNameBytes},
                                                {"start time", w.startedAt, detail::kMaxTokenBytes},
                                                {"uid", w.uid, detail::kMaxIdBytes}})) {
    return *bad;
  }
  // The plan file is many lines: checked as UTF-8 of bounded size, not as one line.
  if (w.planText.size() > detail::kMaxEventBytes || !core::isValidUtf8(w.planText)) {
    return core::Error{"cannot start the workshop: the plan is not UTF-8 text of at most 1 MiB"};
  }
  if (w.cases.empty()) {
    return core::Error{"cannot start the workshop: it has no cases"};
  }
  for (const auto& [scenario, hash] : w.cases) {
    if (auto bad =
            badText("cannot start the workshop", {{"case id", scenario, detail::kMaxIdBytes},
                                                  {"case hash", hash, detail::kMaxIdBytes}})) {
      return *bad;
    }
  }
  std::int64_t id = 0;
  auto stored = atomically([&]() -> core::Result<Ok> {
    Statement s(m_database->handle(),
                "INSERT INTO workshops (uid, plan_id, title, plan_text, started_at) VALUES "
                "(coalesce(nullif(?1, ''), lower(hex(randomblob(16)))), ?2, ?3, ?4, ?5)");
    if (!s.ok() || !s.bind(1, w.uid)
                        .bind(2, w.planId)
                        .bind(3, w.title)
                        .bind(4, w.planText)
                        .bind(5, w.startedAt)
                        .run()) {
      return failed("cannot start the workshop", s);
    }
    id = sqlite3_last_insert_rowid(m_database->handle());
    int position = 0;
    for (const auto& [scenario, hash] : w.cases) {
      Statement c(m_database->handle(),
                  "INSERT INTO workshop_cases (workshop, position, scenario_id, scenario_hash) "
                  "VALUES (?1, ?2, ?3, ?4)");
      if (!c.ok() || !c.bind(1, id).bind(2, position++).bind(3, scenario).bind(4, hash).run()) {
        return failed("cannot record the workshop's cases", c);
      }
    }
    return Ok{};
  });
  if (!stored) {
    return stored.error();
  }
  return id;
}

core::Result<Ok> ResultsStore::appendWorkshopEvent(std::int64_t workshop, int seq,
                                                   const std::string& line) {
  const std::string what = "cannot record workshop event " + std::to_string(seq);
  if (auto bad = badText(what, {{"event line", line, detail::kMaxEventBytes}})) {
    return *bad;
  }
  Statement s(m_database->handle(),
              "INSERT INTO workshop_events (workshop, seq, payload) VALUES (?1, ?2, ?3)");
  if (!s.ok() || !s.bind(1, workshop).bind(2, seq).bind(3, line).run()) {
    return failed(what, s);
  }
  return Ok{};
}

core::Result<std::vector<std::string>> ResultsStore::workshopEvents(std::int64_t workshop) {
  Statement s(m_database->handle(),
              "SELECT payload FROM workshop_events WHERE workshop = ?1 ORDER BY seq");
  if (!s.ok()) {
    return failed("cannot read the workshop's events", s);
  }
  s.bind(1, workshop);
  std::vector<std::string> out;
  while (s.step()) {
    out.push_back(s.text(0));
  }
  if (!s.done()) {
    return failed("cannot read the workshop's events", s);
  }
  return out;
}

core::Result<Ok> ResultsStore::finishWorkshop(std::int64_t workshop,
                                              const std::string& finishedAt) {
  if (auto bad = badText("cannot finish the workshop",
                         {{"finish time", finishedAt, detail::kMaxTokenBytes}})) {
    return *bad;
  }
  Statement s(m_database->handle(), "UPDATE workshops SET finished_at = ?2 WHERE id = ?1");
  if (!s.ok() || !s.bind(1, workshop).bind(2, finishedAt).run()) {
    return failed("cannot finish the workshop", s);
  }
  return Ok{};
}

core::Result<std::vector<WorkshopRow>> ResultsStore::unfinishedWorkshops() {
  Statement s(m_database->handle(),
              "SELECT id, uid, plan_id, title, plan_text, started_at FROM workshops "
              "WHERE finished_at IS NULL ORDER BY id");
  if (!s.ok()) {
    return failed("cannot read the workshops", s);
  }
  std::vector<WorkshopRow> out;
  while (s.step()) {
    WorkshopRow row;
    row.id = s.integer(0);
    row.uid = s.text(1);
    row.planId = s.text(2);
    row.title = s.text(3);
    row.planText = s.text(4);
    row.startedAt = s.text(5);
    out.push_back(std::move(row));
  }
  if (!s.done()) {
    return failed("cannot read the workshops", s);
  }
  for (auto& row : out) {
    Statement c(m_database->handle(), "SELECT scenario_id, scenario_hash FROM workshop_cases "
                                      "WHERE workshop = ?1 ORDER BY position");
    if (!c.ok()) {
      return failed("cannot read the workshop's cases", c);
    }
    c.bind(1, row.id);
    while (c.step()) {
      row.cases.emplace_back(c.text(0), c.text(1));
    }
    if (!c.done()) {
      return failed("cannot read the workshop's cases", c);
    }
  }
  return out;
}

} // namespace sim::storage
