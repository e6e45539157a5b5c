// The headings of the structured rationale (product.md §2: what happened, what we fear,
// complicating factors, strengths and existing safety, what needs to happen): the one home
// of their tokens (the action language, JSON keys), titles (the decision form, reports,
// score lines) and the hint under each box.
#pragma once

#include "sim/engine/action.hpp"

#include <array>
#include <string_view>

namespace sim::engine {

struct RationaleHeading {
  RationaleField field;
  std::string_view token; // "what_happened", as in `rationale what_happened "..."`
  std::string_view title; // "What happened"
  std::string_view hint;  // what to write under it
};

inline constexpr std::array<RationaleHeading, kRationaleFields> kRationaleHeadings{{
    {RationaleField::WhatHappened, "what_happened", "What happened",
     "The contact and what you have found out since, in plain words."},
    {RationaleField::WhatWeFear, "what_we_fear", "What we fear",
     "The harm you fear for each child if nothing changes."},
    {RationaleField::Complicating, "complicating", "Complicating factors",
     "What makes this harder to judge or to change."},
    {RationaleField::Strengths, "strengths", "Strengths and existing safety",
     "What is going well, and who already keeps the children safe."},
    {RationaleField::NextSteps, "next_steps", "What needs to happen",
     "Next steps: what, by whom and by when."},
}};

/// The heading of `field` (its index in kRationaleHeadings).
constexpr const RationaleHeading& rationaleHeading(RationaleField field) {
  return kRationaleHeadings.at(static_cast<std::size_t>(field));
}

} // namespace sim::engine
