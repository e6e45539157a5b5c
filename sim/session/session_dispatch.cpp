// Applying intents: one handler per intent type, each saying which models to build again
// and which screen to show (navigation is the handler's result, never a side effect).
#include "sim/session/session.hpp"

#include <algorithm>

namespace sim::session {

void Session::apply(const view::Intent& intent) {
  // One handler per intent type and no catch-all: an intent without a handler does not
  // compile.
  Applied applied = std::visit([this](const auto& i) { return on(i); }, intent);
  if (applied.show) {
    // The screen shown next is built fresh (Home's step counts move with the attempt).
    m_model.screen = *applied.show;
    applied.rebuild.include(*applied.show);
  }
  rebuild(applied.rebuild);
}

Session::Applied Session::on(const view::SelectProfile& i) {
  return {Rebuild::everything(),
          selectProfile(i.id) ? std::optional(view::Screen::Home) : std::nullopt};
}

Session::Applied Session::on(const view::CreateProfile& i) {
  return {Rebuild::everything(),
          createProfile(i) ? std::optional(view::Screen::Home) : std::nullopt};
}

Session::Applied Session::on(const view::ShowScreen& i) { return {Rebuild::nothing(), i.screen}; }

Session::Applied Session::on(const view::ReloadLibrary& /*i*/) {
  loadLibrary();
  return {Rebuild::everything(), std::nullopt};
}

Session::Applied Session::on(const view::StartAttempt& i) {
  return {Rebuild::everything(), startAttempt(i.scenarioId)};
}

Session::Applied Session::on(const view::ResumeAttempt& i) {
  std::optional<view::Screen> show;
  if (openStoredAttempt(i.attemptId, false)) {
    show = m_attempt->state().phase == engine::Phase::Gathering ? view::Screen::Workspace
                                                                : view::Screen::Debrief;
  }
  m_model.home.crashResume.reset();
  return {Rebuild::everything(), show};
}

Session::Applied Session::on(const view::AbandonAttempt& i) {
  abandonAttempt(i.attemptId);
  if (m_model.home.crashResume && m_model.home.crashResume->attemptId == i.attemptId) {
    m_model.home.crashResume.reset();
  }
  return {Rebuild::everything(), std::nullopt};
}

Session::Applied Session::on(const view::ReviewAttempt& i) {
  std::optional<view::Screen> show;
  if (openStoredAttempt(i.attemptId, true)) {
    show = m_attempt->state().decisions.empty() ? view::Screen::Workspace : view::Screen::Debrief;
  }
  return {Rebuild::everything(), show};
}

Session::Applied Session::on(const view::Act& i) {
  auto show = act(i.action);
  // An ordinary step changes only the attempt: keep each action cheap (no store queries
  // for Home, the library or Progress). A decision changes the results everywhere.
  const bool decided = std::holds_alternative<engine::Decide>(i.action);
  return {decided ? Rebuild::everything() : Rebuild::attempt(), show};
}

Session::Applied Session::on(const view::SetTheme& i) {
  m_model.preferences.theme = i.theme;
  savePreferences();
  return {};
}

Session::Applied Session::on(const view::SetScale& i) {
  m_model.preferences.scalePercent =
      std::clamp(i.percent, view::kMinScalePercent, view::kMaxScalePercent);
  savePreferences();
  return {};
}

Session::Applied Session::on(const view::DismissNotice& i) {
  if (i.index < m_model.notices.size()) {
    m_model.notices.erase(m_model.notices.begin() + static_cast<std::ptrdiff_t>(i.index));
  }
  return {};
}

Session::Applied Session::on(const view::DismissResumeOffer& /*i*/) {
  m_model.home.crashResume.reset();
  return {};
}

Session::Applied Session::on(const view::SetWorkspaceColumns& i) {
  m_model.preferences.contactColumnPercent =
      std::clamp(i.contactPercent, view::kMinColumnPercent, view::kMaxColumnPercent);
  m_model.preferences.chronologyColumnPercent =
      std::clamp(i.chronologyPercent, view::kMinColumnPercent, view::kMaxColumnPercent);
  savePreferences();
  return {};
}

Session::Applied Session::on(const view::ExportResults& i) {
  exportResults(i);
  return {};
}

Session::Applied Session::on(const view::OpenExportFolder& /*i*/) {
  openExportFolder();
  return {};
}

} // namespace sim::session
