// The case library view: the bundled and user scenarios with their load status, and a
// read-only preview of the selected case's contact and household (nothing the panel or
// the outcome says is ever in this view model).
#pragma once

#include "sim/ui/intents.hpp"

#include <string>
#include <vector>

namespace sim::ui {

struct LibraryEntry {
  std::string title; // or the file name when the file failed to load
  std::string id;
  std::string file;
  std::string practiceArea;
  std::string difficulty;
  int expectedMinutes = 0;
  std::string summary;
  bool loaded = false;
  int errors = 0;
  int warnings = 0;
  std::vector<std::string> diagnostics; // formatted FILE:LINE:COL lines
};

struct CasePreview {
  std::string title;
  std::string arrival;  // "Tuesday 10:40, telephone call"
  std::string referrer; // "Mother (census source 1A: ...)"
  std::string presentingText;
  std::string request;
  std::vector<std::string> household; // one line per person
  std::string counts;                 // "14 facts, 4 questions, 3 checks"
};

struct LibraryViewModel {
  std::string scenarioFolder;
  std::vector<LibraryEntry> entries;
  int selected = -1;
  CasePreview preview; // of the selected entry, when it loaded
  std::string problem; // a folder-level problem, shown prominently
};

void drawLibrary(const LibraryViewModel& model, IntentSink& sink);

} // namespace sim::ui
