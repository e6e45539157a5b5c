// Route availability by decision point.
#include "sim/engine/routes.hpp"

namespace sim::engine {

int decisionPointIndex(const core::Scenario& scenario, std::string_view id) {
  return scenario.decisionPointIndex(id);
}

bool routeOpenAt(const core::Scenario& scenario, const std::string& id, int current) {
  const int opens = decisionPointIndex(scenario, id);
  return opens >= 0 && opens <= current;
}

int managerHintAt(const core::Scenario& scenario, int index) {
  const auto& here = scenario.decisionPoints.at(static_cast<std::size_t>(index)).id;
  int general = -1;
  for (std::size_t i = 0; i < scenario.manager.size(); ++i) {
    const auto& hint = scenario.manager[i];
    if (hint.decisionPoint == here) {
      return static_cast<int>(i);
    }
    if (hint.decisionPoint.empty() && general < 0) {
      general = static_cast<int>(i);
    }
  }
  return general;
}

} // namespace sim::engine
