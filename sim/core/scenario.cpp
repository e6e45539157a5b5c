// Lookup helpers of the scenario model.
#include "sim/core/scenario.hpp"

#include <algorithm>
#include <cctype>

namespace sim::core {

namespace {
template <typename T> const T* findById(const std::vector<T>& items, std::string_view id) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
  return it == items.end() ? nullptr : &*it;
}
} // namespace

std::string adultLabel(const Adult& adult) {
  std::string role(labelOf(adult.role));
  if (!role.empty()) {
    role[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(role[0])));
  }
  return adult.name + " (" + role + ")";
}

bool Outcome::has(OutcomeKind kind) const {
  return std::any_of(events.begin(), events.end(),
                     [&](const OutcomeEvent& e) { return e.kind == kind; });
}

bool Outcome::rereferredWithin12Months() const {
  return std::any_of(events.begin(), events.end(), [](const OutcomeEvent& e) {
    return e.kind == OutcomeKind::Rereferral && e.day <= 365;
  });
}

const Fact* Scenario::findFact(std::string_view id) const { return findById(facts, id); }
const Check* Scenario::findCheck(std::string_view id) const { return findById(checks, id); }
const Question* Scenario::findQuestion(std::string_view id) const {
  return findById(questions, id);
}
const DirectContact* Scenario::findDirect(std::string_view id) const {
  return findById(direct, id);
}
int Scenario::decisionPointIndex(std::string_view id) const {
  if (id.empty()) {
    return 0;
  }
  for (std::size_t i = 0; i < decisionPoints.size(); ++i) {
    if (decisionPoints[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

const DecisionPoint* Scenario::findDecisionPoint(std::string_view id) const {
  return findById(decisionPoints, id);
}
const Adult* Scenario::findAdult(std::string_view id) const { return findById(adults, id); }

int Scenario::consentAnswerFor(std::string_view who, std::string_view checkId,
                               int decisionPoint) const {
  int found = -1;
  int foundFrom = -1;
  for (std::size_t i = 0; i < consents.size(); ++i) {
    const auto& answer = consents[i];
    const int from = decisionPointIndex(answer.decisionPoint);
    const bool covers =
        answer.checks.empty() ||
        std::find(answer.checks.begin(), answer.checks.end(), checkId) != answer.checks.end();
    if (answer.who == who && covers && from >= 0 && from <= decisionPoint && from >= foundFrom) {
      found = static_cast<int>(i);
      foundFrom = from;
    }
  }
  return found;
}

bool Scenario::consentObtainable(const Check& check, int decisionPoint) const {
  if (!consentByAdult()) {
    return contact.parentConsented || check.parentConsents;
  }
  return std::any_of(adults.begin(), adults.end(), [&](const Adult& adult) {
    const int answer = consentAnswerFor(adult.id, check.id, decisionPoint);
    return answer >= 0 && consents[static_cast<std::size_t>(answer)].answer == ConsentReply::Agrees;
  });
}

const PanelReview* Scenario::panelFor(std::string_view decisionPointId) const {
  const auto it = std::find_if(panels.begin(), panels.end(), [&](const PanelReview& p) {
    return p.decisionPoint == decisionPointId;
  });
  return it == panels.end() ? nullptr : &*it;
}

} // namespace sim::core
