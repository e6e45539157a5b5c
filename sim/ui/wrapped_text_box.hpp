// A multi-line text box whose lines wrap at the box's width as the person types. Dear ImGui
// 1.86's InputTextMultiline only scrolls sideways, so a practitioner could not reread a
// paragraph; this box shows the text with soft breaks ("\r\n": ImGui draws no '\r' and no
// one can type one) and hands the caller the text without them. It has its own undo
// (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z) on the text itself, copies without the soft breaks, and
// keeps Ctrl+A (select all) and every other key of ImGui's box. It also tells the caller
// when an edit is due to be saved (debounced), so nothing typed waits for the box to be
// left.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace sim::ui {

/// What one box keeps between frames; one for each box, owned by the view's UI state.
struct WrappedTextBoxState {
  std::string display;           // the text with its soft breaks, as the box shows it
  std::string wrappedFrom;       // the text `display` was made from
  float wrappedAt = -1.0f;       // and the width it was wrapped at
  int cursor = 0;                // the cursor in `display` at the last frame the box was active
  std::vector<std::string> undo; // the text before each group of edits, oldest first
  std::vector<std::string> redo;
  int group = 0;          // the edit the next may join: 0 none, 1 typing, 2 deleting
  double editedAt = -1.0; // ImGui::GetTime() of the last edit not yet saved; < 0: none
};

/// What happened to a box this frame.
struct WrappedTextBoxResult {
  bool edited = false;  // the text changed
  bool active = false;  // the box has the keyboard
  bool saveDue = false; // an edit waits to be saved and the person paused, or left the box
};

/// Seconds of no typing after which an edit is due to be saved.
inline constexpr double kSaveAfterPause = 1.0;

/// Draw a wrapping multi-line box for `text` (the caller's draft, without soft breaks).
/// `width` and `height` as ImGui::InputTextMultiline's size (-FLT_MIN: the width left). An edit
/// that would make the text longer than `maxBytes` is refused. When `saveDue` comes back true the
/// caller saves `text` and calls markSaved(state).
WrappedTextBoxResult wrappedTextBox(const char* label, std::string& text,
                                    WrappedTextBoxState& state, float width, float height,
                                    bool readOnly, std::size_t maxBytes);

/// The caller saved the text: no edit waits any more.
void markSaved(WrappedTextBoxState& state);

/// `text` with a soft break ("\r\n") wherever a line would pass `width` pixels in `font` at
/// `fontSize`: after the spaces that end a word, or inside a word longer than a line.
/// Breaks the person typed ('\n') are kept.
std::string wrapForDisplay(std::string_view text, float width, const ImFont& font, float fontSize);

/// The text of a displayed buffer: every soft break (any '\r', and a '\n' right after
/// one) taken out.
std::string withoutSoftBreaks(std::string_view display);

} // namespace sim::ui
