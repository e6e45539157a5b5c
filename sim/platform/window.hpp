// The platform window: a GLFW window with an OpenGL 3.3 context running the ImGui GLFW
// and OpenGL3 backends, event waiting for an idle app, and PNG capture of a frame.
#pragma once

#include <memory>
#include <string>

struct GLFWwindow;

namespace sim::platform {

struct WindowOptions {
  std::string title = "Frontdoor";
  int width = 1280;
  int height = 800;
  bool visible = true;
};

class Window {
public:
  /// Creates the window and ImGui backends (the ImGui context must exist). On failure
  /// returns null and sets `error` to a message a person can act on.
  static std::unique_ptr<Window> create(const WindowOptions& options, std::string& error);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  [[nodiscard]] bool shouldClose() const;
  /// Blocks until input arrives (or `timeoutSeconds` pass) so an idle app uses no CPU.
  void waitEvents(double timeoutSeconds);
  /// Blocks until input arrives, however long that takes.
  void waitEvents();
  void pollEvents();
  void beginFrame();
  /// Renders ImGui draw data; if `capturePath` is non-empty, writes the frame as PNG first.
  bool endFrame(const std::string& capturePath = {});
  [[nodiscard]] float contentScale() const;
  /// Upload the font atlas again after the fonts were rebuilt (a new text size).
  void reloadFontTexture();
  /// The window's size in screen coordinates.
  void size(int& width, int& height) const;

private:
  explicit Window(GLFWwindow* window) : m_window(window) {}
  GLFWwindow* m_window;
};

} // namespace sim::platform
