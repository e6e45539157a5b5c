// What the projector may show at the current step of a workshop, as plain blocks of text
// the audience window (and `frontdoor-cli workshop`) draws: the case, the contact and the
// chronology so far, the pause's prompt and timer, "N of M answered" while a vote is open,
// and each reveal once it has been made. It is built only from what the room may see: the
// panel, its reasoning and the outcome enter a frame only after their reveal, and a tally
// is counts only until the room's votes are revealed. The presenter's notes are a separate
// builder that the audience window never calls.
#pragma once

#include "sim/workshop/workshop_run.hpp"

#include <string>
#include <vector>

namespace sim::workshop {

struct AudienceBlock {
  std::string heading;
  std::vector<std::string> lines;
  bool operator==(const AudienceBlock&) const = default;
};

struct AudienceFrame {
  std::string title; // the workshop
  std::string caseTitle;
  std::string prompt; // the current pause's question to the room
  std::vector<AudienceBlock> blocks;
  bool operator==(const AudienceFrame&) const = default;
};

/// The frame for the run's current step.
AudienceFrame audienceFrame(const WorkshopRun& run);

/// The frame as text, block by block (tests, the command line).
std::string frameText(const AudienceFrame& frame);

/// The presenter's private notes at the current step: the panel's rationale and teaching
/// points, which of the panel's critical facts the room has and has not reached, and the
/// votes so far as counts. Drawn only in the presenter window.
std::vector<AudienceBlock> presenterNotes(const WorkshopRun& run);

} // namespace sim::workshop
