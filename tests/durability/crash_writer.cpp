// Helper for the crash test: records an attempt event by event into a results database,
// printing "stored N" after each event is committed, until it is killed. The test kills it
// with SIGKILL at chosen moments and then checks the database.
// Usage: frontdoor-crash-writer DATABASE SCENARIO PRACTITIONER
#include "sim/engine/attempt.hpp"
#include "sim/engine/event_log.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/storage/results_store.hpp"

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: frontdoor-crash-writer DATABASE SCENARIO PRACTITIONER\n");
    return 2;
  }
  const auto loaded = sim::scenario::loadScenarioFile(argv[2]);
  auto store = sim::storage::ResultsStore::open(argv[1]);
  if (!loaded.ok() || !store) {
    std::fprintf(stderr, "cannot open the scenario or the database\n");
    return 1;
  }
  auto& db = *store.value();
  if (!db.savePractitioner({argv[3], "Crash test", "", ""}).ok()) {
    return 1;
  }
  sim::storage::AttemptRow row;
  row.practitioner = argv[3];
  row.scenarioId = loaded.scenario->meta.id;
  row.scenarioHash = loaded.scenario->contentHash;
  row.startedAt = "2026-11-25T09:00:00Z";
  row.rules = sim::engine::kEngineRules;
  const auto id = db.startAttempt(row);
  if (!id) {
    return 1;
  }
  std::printf("attempt %lld\n", static_cast<long long>(id.value()));
  std::fflush(stdout);
  sim::engine::Attempt attempt(loaded.scenario);
  for (int i = 0; i < 100000; ++i) {
    const sim::engine::Action action =
        i == 0 ? sim::engine::Action{sim::engine::ReadContact{}}
               : sim::engine::Action{
                     sim::engine::WriteNotes{"Working notes, revision " + std::to_string(i)}};
    const auto event = attempt.apply(action);
    if (!event ||
        !db.appendEvent(id.value(), event.value().seq, sim::engine::formatEvent(event.value()))
             .ok()) {
      return 1;
    }
    std::printf("stored %d\n", event.value().seq);
    std::fflush(stdout);
  }
  return 0;
}
