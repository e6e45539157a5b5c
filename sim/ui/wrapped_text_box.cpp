// The wrapping multi-line text box: soft breaks made and taken out, and ImGui's edits
// turned into edits of the person's text (wrapped_text_box.hpp says why).
#include "sim/ui/wrapped_text_box.hpp"

#include <imgui.h>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sim::ui {

namespace {

constexpr std::size_t kUndoDepth = 100;

bool isSoft(std::string_view display, std::size_t i) {
  return display[i] == '\r' || (display[i] == '\n' && i > 0 && display[i - 1] == '\r');
}

std::vector<char> softFlags(std::string_view display) {
  std::vector<char> soft(display.size(), 0);
  for (std::size_t i = 0; i < display.size(); ++i) {
    soft[i] = isSoft(display, i) ? 1 : 0;
  }
  return soft;
}

// The offset in the person's text of position `pos` of a displayed buffer.
int textOffset(const std::vector<char>& soft, int pos) {
  int out = 0;
  for (int i = 0; i < pos && i < static_cast<int>(soft.size()); ++i) {
    out += soft[static_cast<std::size_t>(i)] == 0 ? 1 : 0;
  }
  return out;
}

// The position in `display` of offset `offset` of the text. At a soft break the position
// after it (the start of the next line) unless `beforeBreak`.
int displayOffset(std::string_view display, int offset, bool beforeBreak) {
  int count = 0;
  for (std::size_t i = 0; i <= display.size(); ++i) {
    if (count == offset) {
      if (!beforeBreak) {
        while (i < display.size() && isSoft(display, i)) {
          ++i;
        }
      }
      return static_cast<int>(i);
    }
    if (i < display.size() && !isSoft(display, i)) {
      ++count;
    }
  }
  return static_cast<int>(display.size());
}

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// What kind of edit joins an undo group with the next.
enum class EditKind { Other = 0, Typing = 1, Deleting = 2 };

struct CallbackContext {
  WrappedTextBoxState* state = nullptr;
  std::string* text = nullptr;
  float width = 0.0f;
  std::size_t maxBytes = 0;
  bool edited = false;
};

void remember(WrappedTextBoxState& state, const std::string& before, EditKind kind,
              bool endsGroup) {
  const bool joins = kind != EditKind::Other && state.group == static_cast<int>(kind);
  if (!joins) {
    state.undo.push_back(before);
    if (state.undo.size() > kUndoDepth) {
      state.undo.erase(state.undo.begin());
    }
  }
  state.redo.clear();
  state.group = endsGroup ? 0 : static_cast<int>(kind);
}

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

int onEveryFrame(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) {
    return 0;
  }
  auto& ctx = *static_cast<CallbackContext*>(data->UserData);
  auto& state = *ctx.state;
  const std::string_view old = state.display; // the buffer as the last frame left it
  const std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  const ImGuiIO& io = ImGui::GetIO();

  // Copying or cutting put the displayed selection on the clipboard: without soft breaks.
  if (io.KeyCtrl && (pressed(ImGuiKey_C) || pressed(ImGuiKey_X))) {
    const char* clip = ImGui::GetClipboardText();
    if (clip != nullptr && std::string_view(clip).find('\r') != std::string_view::npos) {
      ImGui::SetClipboardText(withoutSoftBreaks(clip).c_str());
    }
  }

  std::string text;
  int cursor = 0;
  int selectionStart = 0;
  int selectionEnd = 0;
  bool beforeBreak = false;
  bool changed = false;
  const bool undo = io.KeyCtrl && !io.KeyShift && pressed(ImGuiKey_Z);
  const bool redo = io.KeyCtrl && ((io.KeyShift && pressed(ImGuiKey_Z)) || pressed(ImGuiKey_Y));

  if (now != old) {
    // What ImGui changed: old[a, old.size() - b) became now[a, now.size() - b).
    const std::size_t shorter = std::min(old.size(), now.size());
    std::size_t a = 0;
    while (a < shorter && old[a] == now[a]) {
      ++a;
    }
    std::size_t b = 0;
    while (b < shorter - a && old[old.size() - 1 - b] == now[now.size() - 1 - b]) {
      ++b;
    }
    const auto oldSoft = softFlags(old);
    std::vector<char> soft(now.size(), 0); // typed text is never soft: no one types '\r'
    std::copy(oldSoft.begin(), oldSoft.begin() + static_cast<std::ptrdiff_t>(a), soft.begin());
    std::copy(oldSoft.end() - static_cast<std::ptrdiff_t>(b), oldSoft.end(),
              soft.end() - static_cast<std::ptrdiff_t>(b));
    for (std::size_t i = 0; i < now.size(); ++i) {
      if (soft[i] == 0) {
        text += now[i];
      }
    }
    cursor = textOffset(soft, data->CursorPos);
    selectionStart = textOffset(soft, data->SelectionStart);
    selectionEnd = textOffset(soft, data->SelectionEnd);
    const std::string_view inserted = now.substr(a, now.size() - b - a);
    const bool removedOnlySoft =
        inserted.empty() && old.size() - b > a &&
        std::all_of(oldSoft.begin() + static_cast<std::ptrdiff_t>(a),
                    oldSoft.end() - static_cast<std::ptrdiff_t>(b), [](char s) { return s != 0; });
    if (removedOnlySoft) {
      // Backspace at the start of a wrapped line, or Delete at its end: the person meant
      // the character across the break.
      auto at = static_cast<std::size_t>(cursor);
      if (pressed(ImGuiKey_Backspace) && at > 0) {
        std::size_t from = at - 1;
        while (from > 0 && continuation(text[from])) {
          --from;
        }
        text.erase(from, at - from);
        cursor = static_cast<int>(from);
      } else if (!pressed(ImGuiKey_Backspace) && at < text.size()) {
        std::size_t to = at + 1;
        while (to < text.size() && continuation(text[to])) {
          ++to;
        }
        text.erase(at, to - at);
      }
      selectionStart = selectionEnd = cursor;
    }
    const std::string before = withoutSoftBreaks(old);
    if (text.size() > ctx.maxBytes) {
      // Too long to save: the edit is refused and the text stays as it was.
      text = before;
      cursor = selectionStart = selectionEnd = textOffset(oldSoft, state.cursor);
    }
    if (text != before) {
      const bool typing =
          !inserted.empty() && old.size() - b == a && inserted.find('\n') == std::string_view::npos;
      const bool deleting = inserted.empty();
      const EditKind kind = typing     ? EditKind::Typing
                            : deleting ? EditKind::Deleting
                                       : EditKind::Other;
      remember(state, before, kind, typing && inserted.back() == ' ');
      changed = true;
    }
    beforeBreak = static_cast<std::size_t>(data->CursorPos) < now.size() &&
                  soft[static_cast<std::size_t>(data->CursorPos)] != 0;
  } else if ((undo && !state.undo.empty()) || (redo && !state.redo.empty())) {
    auto& from = undo ? state.undo : state.redo;
    auto& to = undo ? state.redo : state.undo;
    const std::string current = withoutSoftBreaks(now);
    text = from.back();
    from.pop_back();
    to.push_back(current);
    state.group = 0;
    // The cursor goes where the text changed.
    std::size_t a = 0;
    while (a < std::min(text.size(), current.size()) && text[a] == current[a]) {
      ++a;
    }
    std::size_t b = 0;
    while (b < std::min(text.size(), current.size()) - a &&
           text[text.size() - 1 - b] == current[current.size() - 1 - b]) {
      ++b;
    }
    cursor = selectionStart = selectionEnd = static_cast<int>(text.size() - b);
    changed = true;
  } else {
    // Nothing typed. A cursor left between the two halves of a soft break (arrows, End, a
    // click past the end of a line) goes to the end of its line, or over the break when
    // Right was pressed at the end of the line.
    const auto pos = static_cast<std::size_t>(data->CursorPos);
    if (pos > 0 && pos < now.size() && now[pos - 1] == '\r') {
      const bool right = state.cursor == static_cast<int>(pos) - 1;
      const int moved = right ? static_cast<int>(pos) + 1 : static_cast<int>(pos) - 1;
      if (data->SelectionEnd == data->CursorPos) {
        data->SelectionEnd = moved;
      }
      if (data->SelectionStart == data->CursorPos) {
        data->SelectionStart = moved;
      }
      data->CursorPos = moved;
    }
    if (ctx.width != state.wrappedAt) {
      // The box changed width while it was being edited: wrap again.
      const auto soft = softFlags(now);
      text = withoutSoftBreaks(now);
      cursor = textOffset(soft, data->CursorPos);
      selectionStart = textOffset(soft, data->SelectionStart);
      selectionEnd = textOffset(soft, data->SelectionEnd);
    } else {
      state.cursor = data->CursorPos;
      return 0;
    }
  }

  const std::string display =
      wrapForDisplay(text, ctx.width, *ImGui::GetFont(), ImGui::GetFontSize());
  if (display != now) {
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, display.data(), display.data() + display.size());
    data->CursorPos = displayOffset(display, cursor, beforeBreak);
    data->SelectionStart = displayOffset(display, selectionStart, beforeBreak);
    data->SelectionEnd = displayOffset(display, selectionEnd, beforeBreak);
  }
  state.cursor = data->CursorPos;
  state.wrappedAt = ctx.width;
  state.wrappedFrom = text;
  if (changed) {
    *ctx.text = text;
    ctx.edited = true;
  }
  return 0;
}

} // namespace

std::string withoutSoftBreaks(std::string_view display) {
  std::string out;
  out.reserve(display.size());
  for (std::size_t i = 0; i < display.size(); ++i) {
    if (!isSoft(display, i)) {
      out += display[i];
    }
  }
  return out;
}

std::string wrapForDisplay(std::string_view text, float width, const ImFont& font, float fontSize) {
  const float scale = fontSize / font.FontSize;
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  float x = 0.0f;
  std::size_t lineStart = 0;                 // where the current line starts in `out`
  std::size_t wordStart = std::string::npos; // after the spaces that ended the last word
  float xAtWord = 0.0f;
  const char* s = text.data();
  const char* end = text.data() + text.size();
  while (s < end) {
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, s, end);
    const std::string_view bytes(s, static_cast<std::size_t>(std::max(length, 1)));
    s += std::max(length, 1);
    if (c == '\n') {
      out += '\n';
      x = 0.0f;
      lineStart = out.size();
      wordStart = std::string::npos;
      continue;
    }
    const float advance = font.GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    if (c == ' ' || c == '\t') {
      out += bytes; // spaces may pass the edge: a line never starts with the end of a gap
      x += advance;
      wordStart = out.size();
      xAtWord = x;
      continue;
    }
    if (x + advance > width && out.size() > lineStart) {
      if (wordStart != std::string::npos && wordStart > lineStart) {
        out.insert(wordStart, "\r\n"); // the word being typed moves to the next line
        x -= xAtWord;
        lineStart = wordStart + 2;
      } else {
        out += "\r\n"; // a word longer than a line is cut where it reaches the edge
        x = 0.0f;
        lineStart = out.size();
      }
      wordStart = std::string::npos;
    }
    out += bytes;
    x += advance;
  }
  return out;
}

void markSaved(WrappedTextBoxState& state) { state.editedAt = -1.0; }

WrappedTextBoxResult wrappedTextBox(const char* label, std::string& text,
                                    WrappedTextBoxState& state, float width, float height,
                                    bool readOnly, std::size_t maxBytes) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 box =
      ImGui::CalcItemSize(ImVec2(width, height), ImGui::CalcItemWidth(),
                          ImGui::GetTextLineHeight() * 8.0f + style.FramePadding.y * 2.0f);
  const float wrapWidth =
      std::max(box.x - style.FramePadding.x * 2.0f - style.ScrollbarSize - style.ItemInnerSpacing.x,
               ImGui::GetFontSize() * 2.0f);
  const ImGuiID id = ImGui::GetID(label);
  if (ImGui::GetActiveID() != id && (state.wrappedFrom != text || state.wrappedAt != wrapWidth ||
                                     withoutSoftBreaks(state.display) != text)) {
    state.display = wrapForDisplay(text, wrapWidth, *ImGui::GetFont(), ImGui::GetFontSize());
    state.wrappedFrom = text;
    state.wrappedAt = wrapWidth;
    state.undo.clear(); // the text came from elsewhere (another attempt, an undo)
    state.redo.clear();
    state.group = 0;
  }
  CallbackContext ctx;
  ctx.state = &state;
  ctx.text = &text;
  ctx.width = wrapWidth;
  ctx.maxBytes = maxBytes;
  ImGuiInputTextFlags flags = ImGuiInputTextFlags_NoUndoRedo;
  flags |= readOnly ? ImGuiInputTextFlags_ReadOnly : ImGuiInputTextFlags_CallbackAlways;
  ImGui::InputTextMultiline(label, &state.display, box, flags, readOnly ? nullptr : onEveryFrame,
                            &ctx);
  WrappedTextBoxResult result;
  result.edited = ctx.edited;
  result.active = ImGui::IsItemActive();
  if (ctx.edited) {
    state.editedAt = ImGui::GetTime();
  }
  result.saveDue = !readOnly && state.editedAt >= 0.0 &&
                   (!result.active || ImGui::GetTime() - state.editedAt >= kSaveAfterPause);
  return result;
}

} // namespace sim::ui
