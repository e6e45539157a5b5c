// Profiles: choosing one (another person closes the previous one's attempt) and creating one
// with a pseudonymous id.
#include "sim/session/session.hpp"

#include "sim/core/trim.hpp"

#include <algorithm>

namespace sim::session {

namespace {

constexpr std::size_t kMaxIdLength = 40;
constexpr std::size_t kMaxNameLength = 80;

bool validProfileId(const std::string& id) {
  return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

std::string trimmed(const std::string& s) { return std::string(core::trimBlanks(s)); }

} // namespace

bool Session::selectProfile(const std::string& id) {
  bool switched = false;
  if (!m_store) {
    return switched;
  }
  const auto found = m_store->practitioner(id);
  if (!found) {
    notice(view::Notice::Kind::Error, "Profiles could not be read", found.error().message,
           "Close and reopen Frontdoor; if it happens again, check the results database.");
    return switched;
  }
  if (!found.value()) {
    return switched; // a profile named in old preferences that is no longer there
  }
  if (found.value()->id != m_model.home.currentId && !m_model.home.currentId.empty()) {
    // Another person: nothing of the previous one's stays open or offered.
    if (m_attempt) {
      closeAttempt();
    }
    m_model.home.crashResume.reset();
    switched = true;
  }
  m_model.home.currentId = found.value()->id;
  m_model.home.currentName = found.value()->displayName;
  m_model.preferences.lastProfile = id;
  savePreferences();
  return switched;
}

bool Session::createProfile(const view::CreateProfile& profile) {
  const std::string id = trimmed(profile.id);
  const std::string name = trimmed(profile.displayName);
  if (!validProfileId(id)) {
    notice(view::Notice::Kind::Error, "That profile id cannot be used",
           "The id '" + id + "' must be 1 to 40 letters, digits, '-', '_' or '.'.",
           "Use a pseudonymous id such as your initials and a number (ab-17); never a family's "
           "name.");
    return false;
  }
  if (name.empty() || name.size() > kMaxNameLength) {
    notice(view::Notice::Kind::Error, "A display name is needed",
           "Give the name to show on screen (1 to 80 characters).",
           "Type a display name, then choose Create profile again.");
    return false;
  }
  if (!m_store) {
    return false;
  }
  if (const auto existing = m_store->practitioner(id); existing && existing.value()) {
    notice(view::Notice::Kind::Error, "That id is already a profile",
           "The id '" + id + "' belongs to " + existing.value()->displayName + ".",
           "If that is you, choose it in the list of profiles; otherwise pick another id.");
    return false;
  }
  if (auto saved = m_store->savePractitioner({id, name, trimmed(profile.team), ""}); !saved) {
    notice(view::Notice::Kind::Error, "The profile was not saved", saved.error().message,
           "Free some disk space or check the results database, then try again.");
    return false;
  }
  return selectProfile(id);
}

} // namespace sim::session
