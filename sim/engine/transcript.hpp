// What the practitioner sees of an attempt so far: the transcript entries put into words
// (headings and texts taken from the scenario), in the order they happened on the
// simulated clock. Built only from what the attempt has revealed; panel reviews and
// outcomes never appear here (they are in debrief.hpp, behind the locked decision).
#pragma once

#include "sim/core/scenario.hpp"
#include "sim/engine/attempt_state.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sim::engine {

struct TranscriptLine {
  SimTime started;
  SimTime at;
  EntryKind kind = EntryKind::Contact;
  std::string heading;
  std::string text;
  std::vector<int> facts; // facts first learned here
};

std::vector<TranscriptLine> describeTranscript(const core::Scenario& scenario,
                                               const AttemptState& state);

/// Stable token of an entry kind ("answer", "reply", ...), for JSON and tests.
std::string_view entryKindToken(EntryKind kind);

/// The records search as the practitioner reads it: entries oldest first, or the
/// scenario's empty text (a default sentence when it has none).
std::string describeRecords(const core::Records& records);

/// "13 months before the contact": a record's day, as a practitioner reads it.
std::string describeRecordAge(int day);

/// "Child-in-need assessment (s17) · Level 3: complex needs · Within one working day ·
/// with: Feedback to the referrer"
std::string describeDecision(const Decide& decision);

} // namespace sim::engine
