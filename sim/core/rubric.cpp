// The rubric's keys: one table maps each key path to its field, so the rubric file, a
// scenario's [rubric] overrides and the documentation all use the same list.
#include "sim/core/rubric.hpp"

namespace sim::core {

namespace {

struct Field {
  RubricKey key;
  double Rubric::*number = nullptr;
  bool Rubric::*flag = nullptr;
  double RubricWeights::*weight = nullptr;
  double RubricInformation::*information = nullptr;
  double RubricRationale::*rationale = nullptr;
  double RubricCritical::*criticalNumber = nullptr;
  bool RubricCritical::*criticalFlag = nullptr;
};

Field weight(std::string_view path, double RubricWeights::*member, std::string_view meaning) {
  Field f;
  f.key = {path, false, 0, 100, meaning};
  f.weight = member;
  return f;
}
Field information(std::string_view path, double RubricInformation::*member,
                  std::string_view meaning) {
  Field f;
  f.key = {path, false, 0, 1, meaning};
  f.information = member;
  return f;
}
Field rationale(std::string_view path, double RubricRationale::*member, std::string_view meaning) {
  Field f;
  f.key = {path, false, 0, 1, meaning};
  f.rationale = member;
  return f;
}
Field criticalFlag(std::string_view path, bool RubricCritical::*member, std::string_view meaning) {
  Field f;
  f.key = {path, true, 0, 1, meaning};
  f.criticalFlag = member;
  return f;
}

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = [] {
    std::vector<Field> out;
    out.push_back(weight("weights.decision", &RubricWeights::decision,
                         "Points for decision appropriateness"));
    out.push_back(weight("weights.information", &RubricWeights::information,
                         "Points for information gathering"));
    out.push_back(weight("weights.factors", &RubricWeights::factors,
                         "Points for identifying risk and protective factors"));
    out.push_back(weight("weights.calibration", &RubricWeights::calibration,
                         "Points for the risk estimate against the panel's"));
    out.push_back(
        weight("weights.timeliness", &RubricWeights::timeliness, "Points for deciding in time"));
    out.push_back(weight("weights.rationale", &RubricWeights::rationale,
                         "Points for the rationale: facts linked under its headings"));
    Field concordance;
    concordance.key = {
        "decision.script_concordance", true, 0, 1,
        "Give partial credit, outside the band, for a response some panellists chose"};
    concordance.flag = &Rubric::scriptConcordance;
    out.push_back(concordance);
    Field hint;
    hint.key = {"decision.manager_hint_cost", false, 0, 1,
                "Share of the decision points a manager's hint at this decision point costs"};
    hint.number = &Rubric::managerHintCost;
    out.push_back(hint);
    Field gap;
    gap.key = {"calibration.zero_credit_gap", false, 0.05, 1,
               "This far outside the panellists' range of probabilities scores nothing"};
    gap.number = &Rubric::calibrationZeroGap;
    out.push_back(gap);
    out.push_back(information("information.critical_facts", &RubricInformation::criticalFacts,
                              "Share of the component for the panel's critical facts reached"));
    out.push_back(information("information.records", &RubricInformation::records,
                              "Share for checking social-care records"));
    out.push_back(information("information.child", &RubricInformation::child,
                              "Share for seeing or hearing the child, where the case allows"));
    out.push_back(information("information.referrer", &RubricInformation::referrer,
                              "Share for clarifying with the referrer"));
    out.push_back(information("information.inappropriate_penalty",
                              &RubricInformation::inappropriatePenalty,
                              "Share lost for each action the panel lists as inappropriate"));
    out.push_back(information("information.urgent_delay_penalty",
                              &RubricInformation::urgentDelayPenalty,
                              "Share lost when a same-day case is decided after its working day"));
    out.push_back(information("information.disproportionate_penalty",
                              &RubricInformation::disproportionatePenalty,
                              "Share lost for each check made without consent below the s47 "
                              "threshold"));
    out.push_back(rationale("rationale.worries", &RubricRationale::worries,
                            "Share for the panel's critical risk facts linked under what we fear"));
    out.push_back(rationale("rationale.complicating", &RubricRationale::complicating,
                            "Share for a critical or useful fact linked under complicating "
                            "factors"));
    out.push_back(rationale("rationale.strengths", &RubricRationale::strengths,
                            "Share for the panel's key protective facts linked under strengths"));
    out.push_back(rationale("rationale.safety_scale", &RubricRationale::safetyScale,
                            "Share for giving the 0-10 safety scale"));
    out.push_back(rationale("rationale.misplaced_penalty", &RubricRationale::misplacedPenalty,
                            "Share lost for each fact linked against the panel's classification"));
    Field cap;
    cap.key = {"critical.cap", false, 0, 100, "Most points a case with a critical error can score"};
    cap.criticalNumber = &RubricCritical::cap;
    out.push_back(cap);
    out.push_back(criticalFlag("critical.under_response_confirmed_harm",
                               &RubricCritical::underResponseConfirmedHarm,
                               "NFA, advice or early help where the panel says s47 or immediate "
                               "and the outcome confirms harm"));
    out.push_back(criticalFlag("critical.no_records_with_history",
                               &RubricCritical::noRecordsWithHistory,
                               "A family or anonymous referral closed without a records check "
                               "when there is history"));
    out.push_back(criticalFlag("critical.missed_protection_status",
                               &RubricCritical::missedProtectionStatus,
                               "A child protection plan or looked-after status in the records, "
                               "never looked for"));
    out.push_back(criticalFlag("critical.consent_raising_risk", &RubricCritical::consentRaisingRisk,
                               "Consent sought where the panel says seeking it raises the risk"));
    out.push_back(criticalFlag("critical.urgent_without_same_day_action",
                               &RubricCritical::urgentWithoutSameDayAction,
                               "A same-day case without a same-day response"));
    Field base;
    base.key = {"contested.base", false, 0, 1, "Case weight when the panel agrees least"};
    base.number = &Rubric::contestedBase;
    out.push_back(base);
    Field slope;
    slope.key = {"contested.slope", false, 0, 1,
                 "Added to the case weight in proportion to the panel's agreement"};
    slope.number = &Rubric::contestedSlope;
    out.push_back(slope);
    return out;
  }();
  return kFields;
}

const Field* find(std::string_view path) {
  for (const auto& field : fields()) {
    if (field.key.path == path) {
      return &field;
    }
  }
  return nullptr;
}

} // namespace

std::span<const RubricKey> rubricKeys() {
  static const std::vector<RubricKey> kKeys = [] {
    std::vector<RubricKey> out;
    for (const auto& field : fields()) {
      out.push_back(field.key);
    }
    return out;
  }();
  return kKeys;
}

bool applyRubricSetting(Rubric& rubric, const RubricSetting& setting) {
  const auto* field = find(setting.path);
  if (field == nullptr) {
    return false;
  }
  const bool on = setting.value != 0.0;
  if (field->number != nullptr) {
    rubric.*(field->number) = setting.value;
  } else if (field->flag != nullptr) {
    rubric.*(field->flag) = on;
  } else if (field->weight != nullptr) {
    rubric.weights.*(field->weight) = setting.value;
  } else if (field->information != nullptr) {
    rubric.information.*(field->information) = setting.value;
  } else if (field->rationale != nullptr) {
    rubric.rationale.*(field->rationale) = setting.value;
  } else if (field->criticalNumber != nullptr) {
    rubric.critical.*(field->criticalNumber) = setting.value;
  } else if (field->criticalFlag != nullptr) {
    rubric.critical.*(field->criticalFlag) = on;
  }
  return true;
}

double rubricValue(const Rubric& rubric, std::string_view path) {
  const auto* field = find(path);
  if (field == nullptr) {
    return 0;
  }
  if (field->number != nullptr) {
    return rubric.*(field->number);
  }
  if (field->flag != nullptr) {
    return rubric.*(field->flag) ? 1 : 0;
  }
  if (field->weight != nullptr) {
    return rubric.weights.*(field->weight);
  }
  if (field->information != nullptr) {
    return rubric.information.*(field->information);
  }
  if (field->rationale != nullptr) {
    return rubric.rationale.*(field->rationale);
  }
  if (field->criticalNumber != nullptr) {
    return rubric.critical.*(field->criticalNumber);
  }
  return rubric.critical.*(field->criticalFlag) ? 1 : 0;
}

} // namespace sim::core
