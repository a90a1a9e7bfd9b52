// The benchmark's baseline: the smallest Dear ImGui page, one window with one
// line of text, drawn every animation frame as ImGui's own examples do. It is
// built from the same ImGui source with the same flags as the widget, so the
// difference between the two is what pubview adds.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace {

constexpr const char* kCanvas = "#canvas";
bool g_first_frame_reported = false;

// Records when the first frame with the text on it was drawn (ms since navigation start).
EM_JS(void, js_report_first_frame, (), { window.baselineFirstFrameAt = performance.now(); });

EM_BOOL draw_frame(double, void*) {
    int width = 0, height = 0;
    emscripten_get_canvas_element_size(kCanvas, &width, &height);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(20, 20), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(320, 80), ImGuiCond_Always);
    ImGui::Begin("Baseline");
    ImGui::TextUnformatted("Hello from Dear ImGui.");
    ImGui::End();
    ImGui::Render();

    glViewport(0, 0, width, height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (!g_first_frame_reported && ImGui::GetDrawData()->TotalVtxCount > 0) {
        g_first_frame_reported = true;
        js_report_first_frame();
    }
    return EM_TRUE;
}

}  // namespace

int main() {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.alpha = false;
    attributes.antialias = false;
    attributes.depth = false;
    attributes.stencil = false;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context(kCanvas, &attributes);
    if (gl <= 0) return 1;
    emscripten_webgl_make_context_current(gl);

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_request_animation_frame_loop(&draw_frame, nullptr);
    return 0;
}
