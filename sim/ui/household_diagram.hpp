// The household diagram of a case: adults on the top row, children below, lines from each
// parent to their children, drawn with the window's draw list; shapes (not colour) tell
// adults from children. Below it, a short text list of the same people (the text
// equivalent) with what the boxes cannot hold: age bands, parents in words, notes.
#pragma once

#include "sim/core/scenario.hpp"

#include <string>

namespace sim::ui {

/// "4 months", "3 years", "unborn (22 weeks' gestation)" or "age not known".
std::string describeChildAge(const core::Child& child);

/// One line about an adult: "Mother, aged 18–24, lives in the household, parent of Ava and Tyler".
std::string describeAdult(const core::Scenario& scenario, const core::Adult& adult);

/// Draw the diagram `width` pixels wide at the cursor, then the short text list.
void drawHouseholdDiagram(const core::Scenario& scenario, float width);

} // namespace sim::ui
