// GLFW + OpenGL3 glue for ImGui, and glReadPixels -> PNG through Debian's libstb.
#include "sim/platform/window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <stb/stb_image_write.h>

#include <vector>

namespace sim::platform {

namespace {
std::string lastGlfwError;
void onGlfwError(int code, const char* description) {
  lastGlfwError = "GLFW error " + std::to_string(code) + ": " + description;
}
} // namespace

std::unique_ptr<Window> Window::create(const WindowOptions& options, std::string& error) {
  glfwSetErrorCallback(onGlfwError);
  if (glfwInit() == GLFW_FALSE) {
    error = "Could not start the windowing system (" + lastGlfwError +
            "). Is a display available? On a server, run under xvfb-run.";
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  GLFWwindow* window =
      glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (window == nullptr) {
    error = "Could not open a window with OpenGL 3.3 (" + lastGlfwError + ").";
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330");
  return std::unique_ptr<Window>(new Window(window));
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  glfwDestroyWindow(m_window);
  glfwTerminate();
}

bool Window::shouldClose() const { return glfwWindowShouldClose(m_window) != 0; }

void Window::waitEvents(double timeoutSeconds) { glfwWaitEventsTimeout(timeoutSeconds); }

void Window::waitEvents() { glfwWaitEvents(); }

void Window::pollEvents() { glfwPollEvents(); }

void Window::beginFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
}

float Window::contentScale() const {
  float x = 1.0f;
  float y = 1.0f;
  glfwGetWindowContentScale(m_window, &x, &y);
  return x;
}

void Window::reloadFontTexture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Window::size(int& width, int& height) const { glfwGetWindowSize(m_window, &width, &height); }

bool Window::endFrame(const std::string& capturePath) {
  ImGui::Render();
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(m_window, &width, &height);
  glViewport(0, 0, width, height);
  const ImVec4 clear = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(clear.x, clear.y, clear.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  bool ok = true;
  if (!capturePath.empty() && width > 0 && height > 0) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) *
                                      static_cast<std::size_t>(height) * 3U);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);
    ok = stbi_write_png(capturePath.c_str(), width, height, 3, pixels.data(), width * 3) != 0;
  }
  glfwSwapBuffers(m_window);
  return ok;
}

} // namespace sim::platform
