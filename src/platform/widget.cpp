// The browser platform of one pubview widget: a WebGL2 context on the widget's
// own canvas, input from <emscripten/html5.h> bound to that canvas alone, frames
// drawn only when something changed, and the C functions that web/pubview.js
// calls. pubview.js instantiates this module once per mounted widget, so the
// module holds exactly one Widget.
//
// Why not Emscripten's GLFW: it listens on the whole window, swallows Tab and
// Backspace for every input of the host page, scrolls far too fast, and has no
// clipboard, HiDPI or touch support.
#include "core/bundle.h"
#include "core/pack.h"
#include "platform/webgl_renderer.h"
#include "platform/widget_json.h"
#include "ui/fonts.h"
#include "ui/panel.h"
#include "ui/theme.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

// ---- calls into web/pubview.js (Module.pubviewHost) -----------------------------
EM_JS(void, js_open_url, (const char* url, const char* id), { Module.pubviewHost.openUrl(UTF8ToString(url), UTF8ToString(id)); });
EM_JS(void, js_copy_text, (const char* text), { Module.pubviewHost.copyText(UTF8ToString(text)); });
EM_JS(void, js_copy_link, (const char* id), { Module.pubviewHost.copyLink(UTF8ToString(id)); });
EM_JS(void, js_view_changed, (), { Module.pubviewHost.viewChanged(); });
EM_JS(void, js_retry, (), { Module.pubviewHost.retry(); });
EM_JS(void, js_focus_text_input, (), { Module.pubviewHost.focusTextInput(); });
EM_JS(void, js_rows_shown, (), { Module.pubviewHost.rowsShown(); });
EM_JS(void, js_set_cursor, (const char* cursor), { Module.pubviewHost.setCursor(UTF8ToString(cursor)); });
// The canvas stopped (0) or started again (1) drawing: the page shows the list as HTML meanwhile.
EM_JS(void, js_drawing_changed, (int drawing), { Module.pubviewHost.drawingChanged(drawing !== 0); });
EM_JS(int, js_is_mac, (), { return /Mac|iPhone|iPad/.test(navigator.platform) ? 1 : 0; });
// Copies up to `capacity` bytes of the bundle being loaded to `destination`;
// returns how many (0 at its end).
EM_JS(int, js_take_bundle_bytes, (char* destination, int capacity), {
    return Module.pubviewHost.takeBundleBytes(destination, capacity);
});
// Gives the browser its turn and resumes in a task of its own (the page's
// nextTask). Asyncify unwinds and rewinds the C++ stack around it.
EM_ASYNC_JS(void, js_yield_to_browser, (), { await Module.pubviewHost.nextTask(); });

namespace pv::platform {
namespace {

// The bundle's bytes, which the page holds (its download's chunks) and copies
// into the heap only as they are asked for: a pack is read through one small
// staging buffer and never held whole; a JSON bundle is copied into one block.
class PageBytes : public PackSource {
public:
    explicit PageBytes(std::size_t size) : left_(size) {}

    // The first piece, which next() or copy_rest() gives again.
    std::string_view peek() {
        if (pending_.empty()) pending_ = fetch(kPieceBytes);
        return pending_;
    }
    // The next piece, of at most `most` bytes; empty at the end.
    std::string_view next(std::size_t most) override {
        if (pending_.empty()) pending_ = fetch(most);
        const std::string_view piece = pending_.substr(0, most);
        pending_.remove_prefix(piece.size());
        return piece;
    }
    // Copies all that is left to `destination`, straight from the page's
    // chunks, calling `between` after each piece. Returns the bytes copied.
    template <class Between>
    std::size_t copy_rest(char* destination, Between&& between) {
        std::memcpy(destination, pending_.data(), pending_.size());
        std::size_t copied = pending_.size();
        pending_ = {};
        while (left_ > 0) {
            const std::size_t piece = take(destination + copied, std::min(left_, kPieceBytes));
            if (piece == 0) break;
            copied += piece;
            between();
        }
        return copied;
    }

private:
    static constexpr std::size_t kPieceBytes = 1u << 20;

    std::string_view fetch(std::size_t most) {
        staging_.resize(std::min({most, kPieceBytes, left_}));
        return {staging_.data(), take(staging_.data(), staging_.size())};
    }
    std::size_t take(char* destination, std::size_t most) {
        const auto copied = static_cast<std::size_t>(js_take_bundle_bytes(destination, static_cast<int>(most)));
        left_ -= std::min(copied, left_);
        return copied;
    }

    std::size_t left_;
    std::vector<char> staging_;
    std::string_view pending_;  // fetched, not yet given
};

constexpr int kSettleFrames = 3;  // frames drawn after an input, for ImGui's layout to settle
// Loading a bundle gives the browser its turn after about this much work, so
// no task blocks the page for long, and draws its progress this often.
constexpr double kWorkSliceMs = 40;
constexpr double kProgressFrameMs = 250;
// A flick keeps the list moving after the finger lifts, slowing down as on a
// phone's own lists: the speed decays with this time constant, and stops
// below the slower speed (wheel lines per second).
constexpr double kFlingDecaySeconds = 0.325;
constexpr float kFlingStopLinesPerSecond = 0.5f;
constexpr int kKeyCount = 512;

// DOM keyCodes of the keys ImGui needs to know by name.
enum DomKey : int {
    kBackspace = 8, kTab = 9, kEnter = 13, kEscape = 27, kSpace = 32, kPageUp = 33, kPageDown = 34, kEnd = 35,
    kHome = 36, kLeft = 37, kUp = 38, kRight = 39, kDown = 40, kInsert = 45, kDelete = 46,
    kA = 65, kC = 67, kV = 86, kX = 88, kY = 89, kZ = 90,
};

bool is_single_character(const char* key) {
    // EmscriptenKeyboardEvent::key is "a", "é", "Enter", "ArrowLeft": one UTF-8 code point means text.
    const auto c = static_cast<unsigned char>(key[0]);
    if (c == 0) return false;
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return static_cast<int>(std::char_traits<char>::length(key)) == length && c >= 0x20;
}

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_TextInput: return "text";
        default: return "default";
    }
}

class Widget final : public ui::ViewHost {
public:
    Widget(std::string canvas, std::vector<unsigned char> regular, std::vector<unsigned char> bold)
        : canvas_(std::move(canvas)), font_regular_(std::move(regular)), font_bold_(std::move(bold)), panel_(*this) {}

    ~Widget() override {
        set_input_callbacks(false);
        if (imgui_) {
            ImGui::SetCurrentContext(imgui_);
            ImGui::DestroyContext(imgui_);
        }
        if (gl_) emscripten_webgl_destroy_context(gl_);
    }

    // Sets up input and, if the browser gives a WebGL2 context, drawing.
    // Returns whether the canvas draws; without it the panel still loads,
    // searches and answers the page, which shows the list as HTML.
    bool start() {
        imgui_ = ImGui::CreateContext();
        configure_imgui_io();
        apply_theme();
        drawing_ = create_gl_context() && renderer_.init();
        set_input_callbacks(true);
        return drawing_;
    }

    ui::Panel& panel() { return panel_; }
    ui::ViewModel& model() { return panel_.model(); }

private:
    bool create_gl_context() {
        EmscriptenWebGLContextAttributes attributes;
        emscripten_webgl_init_context_attributes(&attributes);
        attributes.majorVersion = 2;
        attributes.alpha = false;
        attributes.antialias = false;  // ImGui antialiases its own shapes
        attributes.depth = false;
        attributes.stencil = false;
        attributes.premultipliedAlpha = false;
        gl_ = emscripten_webgl_create_context(canvas_.c_str(), &attributes);
        if (gl_ <= 0) {
            gl_ = 0;
            return false;
        }
        emscripten_webgl_make_context_current(gl_);
        return true;
    }

    void configure_imgui_io() {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames while idle
        io.ConfigMacOSXBehaviors = js_is_mac() != 0;
        io.BackendPlatformName = "pubview_html5";
        io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
        io.SetClipboardTextFn = [](void*, const char* text) { js_copy_text(text); };
        io.GetClipboardTextFn = [](void*) -> const char* { return ""; };  // pastes arrive as DOM paste events
        const std::pair<ImGuiKey, int> keys[] = {
            {ImGuiKey_Tab, kTab}, {ImGuiKey_LeftArrow, kLeft}, {ImGuiKey_RightArrow, kRight}, {ImGuiKey_UpArrow, kUp},
            {ImGuiKey_DownArrow, kDown}, {ImGuiKey_PageUp, kPageUp}, {ImGuiKey_PageDown, kPageDown}, {ImGuiKey_Home, kHome},
            {ImGuiKey_End, kEnd}, {ImGuiKey_Insert, kInsert}, {ImGuiKey_Delete, kDelete}, {ImGuiKey_Backspace, kBackspace},
            {ImGuiKey_Space, kSpace}, {ImGuiKey_Enter, kEnter}, {ImGuiKey_Escape, kEscape}, {ImGuiKey_KeyPadEnter, kEnter},
            {ImGuiKey_A, kA}, {ImGuiKey_C, kC}, {ImGuiKey_V, kV}, {ImGuiKey_X, kX}, {ImGuiKey_Y, kY}, {ImGuiKey_Z, kZ},
        };
        for (auto [imgui_key, dom_key] : keys) io.KeyMap[imgui_key] = dom_key;
    }

    // A lost context (the GPU process restarted, too many contexts on the
    // page) takes every GL object with it: the page shows the HTML list until
    // the browser restores the context, then the renderer starts anew.
    static EM_BOOL on_context_lost(int, const void*, void* user) {
        auto* self = static_cast<Widget*>(user);
        self->drawing_ = false;
        self->key_events_.clear();
        js_drawing_changed(0);
        return EM_TRUE;  // preventDefault: the browser may then restore the context
    }

    static EM_BOOL on_context_restored(int, const void*, void* user) {
        auto* self = static_cast<Widget*>(user);
        emscripten_webgl_make_context_current(self->gl_);
        ImGui::SetCurrentContext(self->imgui_);
        if (!self->renderer_.init()) return EM_FALSE;
        self->fonts_dirty_ = true;
        self->drawing_ = true;
        js_drawing_changed(1);
        self->request_frames();
        return EM_FALSE;
    }

public:
    void resize(double css_width, double css_height, double pixel_ratio) {
        css_width_ = std::max(1.0, css_width);
        css_height_ = std::max(1.0, css_height);
        pixel_ratio_ = std::clamp(pixel_ratio, 0.5, 4.0);
        emscripten_set_canvas_element_size(canvas_.c_str(), static_cast<int>(std::lround(css_width_ * pixel_ratio_)),
                                           static_cast<int>(std::lround(css_height_ * pixel_ratio_)));
        request_frames();
    }

    void set_theme(bool dark, unsigned accent_rgb, double font_size) {
        ui::Theme theme = panel_.theme();
        theme.dark = dark;
        theme.accent = IM_COL32((accent_rgb >> 16) & 0xFF, (accent_rgb >> 8) & 0xFF, accent_rgb & 0xFF, 255);
        theme.font_size = static_cast<float>(std::clamp(font_size, 9.0, 32.0));
        panel_.set_theme(theme);
        apply_theme();
        request_frames();
    }

    // Reads and indexes the bundle of `size` bytes that the page hands over
    // (PageBytes), in slices of about kWorkSliceMs with the browser's turn
    // between them (input, other widgets, the page), drawing the progress now
    // and then. Returns whether the bundle is usable.
    bool load(std::size_t size) {
        loading_ = true;
        slice_start_ = progress_drawn_ = emscripten_get_now();
        const ProgressHook progress = [this](const WorkProgress& work) { yield_if_slice_over(&work); };
        PageBytes bytes(size);
        IndexedBundle loaded = is_pack(bytes.peek())
                                   ? read_pack(bytes, size, progress)
                                   : load_json(bytes, size, progress);
        const bool usable = loaded.loaded->usable;
        panel_.model().show_bundle(std::move(loaded));
        loading_ = false;
        request_frames();
        return usable;
    }
    // A JSON bundle is parsed from one block, freed before the index is
    // built so that the index reuses its memory.
    IndexedBundle load_json(PageBytes& bytes, std::size_t size, const ProgressHook& progress) {
        char* json = static_cast<char*>(std::malloc(std::max<std::size_t>(size, 1)));
        if (!json) {
            LoadResult refused;
            refused.problems.push_back({Severity::error, "", "the bundle is " + std::to_string(size >> 20) +
                                                                 " MB, more than this browser gives the widget memory for"});
            return index_bundle(std::move(refused));
        }
        const std::size_t copied = bytes.copy_rest(json, [this] { yield_if_slice_over(nullptr); });
        LoadOptions options;
        options.progress = progress;
        LoadResult result = load_bundle(std::string_view(json, copied), options);
        std::free(json);
        return index_bundle(std::move(result), progress);
    }

    // Gives the browser its turn once a slice of work is over, after drawing
    // the progress (`work`, if given) when it was last drawn long enough ago.
    void yield_if_slice_over(const WorkProgress* work) {
        const double now = emscripten_get_now();
        if (now - slice_start_ < kWorkSliceMs || stop_after_load_) return;
        if (work) panel_.model().show_work(*work);
        if (drawing_ && now - progress_drawn_ >= kProgressFrameMs) {
            draw_frame(now);
            progress_drawn_ = now;
        }
        js_yield_to_browser();
        slice_start_ = emscripten_get_now();
    }

    // While a load waits for its next slice, the widget must live on: a stop
    // asked for meanwhile is carried out when the load returns.
    bool loading() const { return loading_; }
    void stop_after_load() { stop_after_load_ = true; }
    bool stop_requested() const { return stop_after_load_; }

    // Pasted text waits in the key queue like typed text, so that it lands
    // after the keys before it (an Escape that clears the box) and in the box.
    void paste(const char* text) {
        key_events_.push_back({0, true, {}, text});
        request_frames();
    }

    // True until the frames the last input asked for are drawn.
    bool busy() const { return drawing_ && (frame_scheduled_ || !key_events_.empty()); }

    // Draws kSettleFrames more frames, one per animation frame; then sleeps.
    void request_frames() {
        frames_pending_ = kSettleFrames;
        if (frame_scheduled_ || !drawing_) return;
        frame_scheduled_ = true;
        emscripten_request_animation_frame(&Widget::on_animation_frame, this);
    }

    // ViewHost
    void open_url(const std::string& url, const std::string& entry_id) override { js_open_url(url.c_str(), entry_id.c_str()); }
    void copy_text(const std::string& text) override { js_copy_text(text.c_str()); }
    void copy_link(const std::string& entry_id) override { js_copy_link(entry_id.c_str()); }
    void view_changed() override { js_view_changed(); }
    void retry() override { js_retry(); }

private:
    static EM_BOOL on_animation_frame(double now, void* user) {
        auto* self = static_cast<Widget*>(user);
        self->frame_scheduled_ = false;
        if (!self->drawing_) return EM_FALSE;
        self->draw_frame(now);
        if (--self->frames_pending_ > 0 || self->panel_.wants_another_frame()) {
            self->frames_pending_ = std::max(self->frames_pending_, 1);
            self->frame_scheduled_ = true;
            emscripten_request_animation_frame(&Widget::on_animation_frame, self);
        }
        return EM_FALSE;
    }

    void apply_theme() {
        ImGui::SetCurrentContext(imgui_);
        ui::Theme theme = panel_.theme();
        ui::apply_theme(theme, ImGui::GetStyle());
        panel_.set_theme(theme);
        fonts_dirty_ = true;
    }

    void rebuild_fonts_if_needed() {
        const float size = panel_.theme().font_size;
        if (!fonts_dirty_ && fonts_pixel_ratio_ == pixel_ratio_ && fonts_size_ == size) return;
        ImGuiIO& io = ImGui::GetIO();
        const auto ratio = static_cast<float>(pixel_ratio_);
        panel_.set_fonts(ui::build_fonts(*io.Fonts, font_regular_, font_bold_, size, ratio));
        io.FontGlobalScale = 1.0f / ratio;  // rasterized at device pixels, laid out in CSS pixels
        renderer_.upload_font_atlas(*io.Fonts);
        fonts_pixel_ratio_ = pixel_ratio_;
        fonts_size_ = size;
        fonts_dirty_ = false;
    }

    void draw_frame(double now_ms) {
        ImGui::SetCurrentContext(imgui_);
        emscripten_webgl_make_context_current(gl_);
        rebuild_fonts_if_needed();
        apply_key_events();
        ImGuiIO& io = ImGui::GetIO();
        // ImGui needs a positive step; after a long sleep, one frame's worth.
        io.DeltaTime = static_cast<float>(std::clamp((now_ms - last_frame_ms_) / 1000.0, 1e-4, 0.1));
        last_frame_ms_ = now_ms;
        continue_fling(io);
        io.DisplaySize = ImVec2(static_cast<float>(css_width_), static_cast<float>(css_height_));
        io.DisplayFramebufferScale = ImVec2(static_cast<float>(pixel_ratio_), static_cast<float>(pixel_ratio_));

        ImGui::NewFrame();
        panel_.draw(io.DisplaySize);
        ImGui::Render();

        const int width = static_cast<int>(std::lround(css_width_ * pixel_ratio_));
        const int height = static_cast<int>(std::lround(css_height_ * pixel_ratio_));
        const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(panel_.theme().background);
        glViewport(0, 0, width, height);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer_.render(*ImGui::GetDrawData(), width, height);

        const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
        if (cursor != last_cursor_) {
            js_set_cursor(css_cursor(cursor));
            last_cursor_ = cursor;
        }
        ++frame_count_;
        release_deferred_input();
        if (!rows_reported_ && panel_.has_rows_on_screen()) {
            rows_reported_ = true;
            js_rows_shown();
        }
    }

    // ImGui 1.86 reads keys as up/down state once per frame, so a key pressed
    // and released between two frames, or pressed twice, would be lost, and
    // text and keys typed in one frame would be applied out of order. Events
    // wait in a queue; a frame takes them in order until one would touch a key
    // it already changed or would follow text with a key. The rest waits.
    // An event that changes nothing (the release of a letter typed as text)
    // is taken at once, so a fast typist's letters all land in one frame.
    void apply_key_events() {
        ImGuiIO& io = ImGui::GetIO();
        if (panel_.moving_focus()) {  // text typed before the box had focus goes first
            if (!key_events_.empty()) frames_pending_ = std::max(frames_pending_, 2);
            return;
        }
        bool changed[kKeyCount] = {};
        bool typed = false;
        std::size_t used = 0;
        for (const KeyEvent& event : key_events_) {
            if (event.code == 0) {
                io.AddInputCharactersUTF8(event.text.c_str());
                typed = true;
            } else if (!changed[event.code] && io.KeysDown[event.code] == event.down && event.modifiers.ctrl == io.KeyCtrl &&
                       event.modifiers.shift == io.KeyShift && event.modifiers.alt == io.KeyAlt &&
                       event.modifiers.super == io.KeySuper) {
                // nothing to change
            } else {
                if (changed[event.code] || typed) break;
                changed[event.code] = true;
                io.KeysDown[event.code] = event.down;
                io.KeyCtrl = event.modifiers.ctrl;
                io.KeyShift = event.modifiers.shift;
                io.KeyAlt = event.modifiers.alt;
                io.KeySuper = event.modifiers.super;
            }
            ++used;
        }
        key_events_.erase(key_events_.begin(), key_events_.begin() + static_cast<std::ptrdiff_t>(used));
        if (!key_events_.empty()) frames_pending_ = std::max(frames_pending_, 2);
    }

    // Moves the list on after a flick, a frame's worth at a time, until it
    // slows down or reaches an end; frames keep coming meanwhile.
    void continue_fling(ImGuiIO& io) {
        if (fling_lines_per_second_ == 0 || touch_hover_frames_ > 0) return;  // not while the finger's frames run
        const float lines = fling_lines_per_second_ * io.DeltaTime;
        if (std::abs(fling_lines_per_second_) < kFlingStopLinesPerSecond || !panel_.takes_wheel(fling_at_, lines)) {
            fling_lines_per_second_ = 0;
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            return;
        }
        io.MousePos = fling_at_;  // ImGui scrolls the window under the pointer
        io.MouseWheel += lines;
        fling_lines_per_second_ *= static_cast<float>(std::exp(-io.DeltaTime / kFlingDecaySeconds));
        frames_pending_ = std::max(frames_pending_, 2);  // this frame asks for the next (inside a frame: not request_frames)
    }

    // A press and release that arrive between two frames would never be seen
    // as a press: the release waits until a frame has seen the press.
    void release_deferred_input() {
        ImGuiIO& io = ImGui::GetIO();
        for (int b = 0; b < 3; ++b)
            if (mouse_release_pending_[b]) { io.MouseDown[b] = false; mouse_release_pending_[b] = false; }
        // After a tap the finger is gone: no hover. Not before the frame that
        // sees the release, which must still find the pointer over the button.
        if (touch_hover_frames_ > 0 && --touch_hover_frames_ == 0) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    }

    void press_mouse(int button, ImVec2 pos) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = pos;
        io.MouseDown[button] = true;
        mouse_release_pending_[button] = false;
        mouse_down_frame_[button] = frame_count_;
    }

    void release_mouse(int button) {
        ImGuiIO& io = ImGui::GetIO();
        if (!io.MouseDown[button]) return;
        if (mouse_down_frame_[button] == frame_count_) mouse_release_pending_[button] = true;
        else io.MouseDown[button] = false;
    }

    // ---- html5.h events, bound to this widget's canvas ----------------------
    // Binds (or, with on = false, unbinds) the html5.h events of this widget's canvas.
    void set_input_callbacks(bool on) {
        const char* c = canvas_.c_str();
        void* user = on ? this : nullptr;
        auto pick = [on](auto handler) { return on ? handler : nullptr; };
        emscripten_set_mousedown_callback(c, user, false, pick(&Widget::on_mouse));
        emscripten_set_mousemove_callback(c, user, false, pick(&Widget::on_mouse));
        emscripten_set_mouseleave_callback(c, user, false, pick(&Widget::on_mouse));
        // A drag that ends outside the canvas must still release the button.
        emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, user, false, pick(&Widget::on_mouse));
        emscripten_set_wheel_callback(c, user, false, pick(&Widget::on_wheel));
        emscripten_set_keydown_callback(c, user, false, pick(&Widget::on_key));
        emscripten_set_keyup_callback(c, user, false, pick(&Widget::on_key));
        emscripten_set_focus_callback(c, user, false, pick(&Widget::on_focus));
        emscripten_set_blur_callback(c, user, false, pick(&Widget::on_focus));
        emscripten_set_touchstart_callback(c, user, false, pick(&Widget::on_touch));
        emscripten_set_touchmove_callback(c, user, false, pick(&Widget::on_touch));
        emscripten_set_touchend_callback(c, user, false, pick(&Widget::on_touch));
        emscripten_set_touchcancel_callback(c, user, false, pick(&Widget::on_touch));
        emscripten_set_webglcontextlost_callback(c, user, false, pick(&Widget::on_context_lost));
        emscripten_set_webglcontextrestored_callback(c, user, false, pick(&Widget::on_context_restored));
    }

    static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* user) {
        auto* self = static_cast<Widget*>(user);
        ImGui::SetCurrentContext(self->imgui_);
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 pos(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
        const int button = e->button == 2 ? 1 : e->button == 1 ? 2 : 0;  // DOM: 0 left, 1 middle, 2 right
        switch (type) {
            case EMSCRIPTEN_EVENT_MOUSEDOWN: self->press_mouse(button, pos); break;
            case EMSCRIPTEN_EVENT_MOUSEUP: self->release_mouse(button); break;
            case EMSCRIPTEN_EVENT_MOUSELEAVE:
                if (!io.MouseDown[0]) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
                break;
            default: io.MousePos = pos; break;
        }
        self->request_frames();
        return EM_FALSE;  // a mousedown must still focus the canvas
    }

    static EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void* user) {
        auto* self = static_cast<Widget*>(user);
        ImGui::SetCurrentContext(self->imgui_);
        ImGuiIO& io = ImGui::GetIO();
        // Convert to pixels, then to ImGui's wheel unit (5 lines of text).
        double dy = e->deltaY;
        if (e->deltaMode == DOM_DELTA_LINE) dy *= 16;
        else if (e->deltaMode == DOM_DELTA_PAGE) dy *= self->css_height_ * 0.9;
        const float lines = static_cast<float>(-dy / (5.0 * ImGui::GetFontSize()));
        io.MousePos = ImVec2(static_cast<float>(e->mouse.targetX), static_cast<float>(e->mouse.targetY));
        // Only scroll the list while it can move that way; otherwise the page scrolls.
        if (!self->panel_.takes_wheel(io.MousePos, lines)) return EM_FALSE;
        io.MouseWheel += lines;
        self->request_frames();
        return EM_TRUE;
    }

    static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void* user) {
        auto* self = static_cast<Widget*>(user);
        ImGui::SetCurrentContext(self->imgui_);
        const int code = static_cast<int>(e->keyCode);
        if (code == kTab) return EM_FALSE;  // focus moves on through the page as everywhere else
        const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
        const bool command = e->ctrlKey || e->metaKey;
        const Modifiers modifiers{e->ctrlKey != 0, e->shiftKey != 0, e->altKey != 0, e->metaKey != 0};
        // Paste comes as a DOM paste event (the only way to read the clipboard):
        // the browser must see Ctrl/Cmd+V, and ImGui must not paste on its own.
        if (command && code == kV) return EM_FALSE;
        const bool known = code == kBackspace || code == kEnter || code == kEscape || (code >= kSpace && code <= kDelete) ||
                           (command && (code == kA || code == kC || code == kX || code == kY || code == kZ));
        const bool text = down && !command && is_single_character(e->key);
        const bool tracked = code > 0 && code < kKeyCount;
        // A letter typed as text reaches ImGui as text only. Every release is
        // passed on, or a key pressed with Ctrl would stay down for ImGui and
        // repeat (a "y" left down made Ctrl+A a redo).
        if (tracked && (!down || known)) {
            self->key_events_.push_back({code, down, modifiers, {}});
            self->request_frames();
        }
        if (!known && !text) return EM_FALSE;  // F5, Ctrl+L and the like stay the browser's
        if (text) {
            self->key_events_.push_back({0, true, modifiers, e->key});
            self->request_frames();
        }
        return EM_TRUE;
    }

    static EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void* user) {
        auto* self = static_cast<Widget*>(user);
        ImGui::SetCurrentContext(self->imgui_);
        if (type == EMSCRIPTEN_EVENT_BLUR) {
            // Keys released while focus was elsewhere never reach us.
            ImGuiIO& io = ImGui::GetIO();
            std::fill(std::begin(io.KeysDown), std::end(io.KeysDown), false);
            self->key_events_.clear();
            io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
        }
        self->request_frames();
        return EM_FALSE;
    }

    // One finger: a tap is a click, a drag scrolls the list (the page when the
    // list is at its end). Two fingers are the page's (pinch zoom).
    static EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void* user) {
        auto* self = static_cast<Widget*>(user);
        ImGui::SetCurrentContext(self->imgui_);
        ImGuiIO& io = ImGui::GetIO();
        if (e->numTouches != 1 && type != EMSCRIPTEN_EVENT_TOUCHEND) {
            self->touch_dragging_ = true;
            return EM_FALSE;
        }
        const EmscriptenTouchPoint& t = e->touches[0];
        const ImVec2 pos(static_cast<float>(t.targetX), static_cast<float>(t.targetY));
        bool consumed = false;
        switch (type) {
            case EMSCRIPTEN_EVENT_TOUCHSTART:
                self->touch_start_ = self->touch_last_ = pos;
                self->touch_last_ms_ = emscripten_get_now();
                self->touch_dragging_ = false;
                self->touch_lines_per_second_ = 0;
                self->fling_lines_per_second_ = 0;  // a finger down stops a flick
                io.MousePos = pos;
                break;
            case EMSCRIPTEN_EVENT_TOUCHMOVE: {
                if (std::abs(pos.y - self->touch_start_.y) > 8 || std::abs(pos.x - self->touch_start_.x) > 8) self->touch_dragging_ = true;
                const float lines = (pos.y - self->touch_last_.y) / (5.0f * ImGui::GetFontSize());
                const double now = emscripten_get_now();
                const double seconds = std::max(now - self->touch_last_ms_, 1.0) / 1000.0;
                self->touch_last_ = pos;
                self->touch_last_ms_ = now;
                if (self->touch_dragging_ && self->panel_.takes_wheel(pos, lines)) {
                    io.MousePos = pos;
                    io.MouseWheel += lines;
                    // The drag's speed over its last moves, smoothed.
                    const auto speed = static_cast<float>(lines / seconds);
                    self->touch_lines_per_second_ = 0.8f * speed + 0.2f * self->touch_lines_per_second_;
                    consumed = true;
                }
                break;
            }
            case EMSCRIPTEN_EVENT_TOUCHEND:
                // A drag that ends moving goes on as a flick; one that rested first does not.
                if (self->touch_dragging_ && emscripten_get_now() - self->touch_last_ms_ <= 100) {
                    self->fling_lines_per_second_ = self->touch_lines_per_second_;
                    self->fling_at_ = self->touch_last_;  // where it last moved (a lifted touch may carry no position)
                }
                if (!self->touch_dragging_) {
                    // The on-screen keyboard opens only for an <input> focused
                    // within the tap's own event: hand the search box to the page's.
                    const ImVec4 box = self->panel_.search_box_bounds();
                    if (pos.x >= box.x && pos.x < box.x + box.z && pos.y >= box.y && pos.y < box.y + box.w) {
                        js_focus_text_input();
                        return EM_TRUE;
                    }
                    self->press_mouse(0, pos);
                    self->release_mouse(0);
                    consumed = true;  // no emulated mouse events after a tap we handled
                }
                self->touch_hover_frames_ = 2;
                break;
            default: self->touch_hover_frames_ = 2; break;
        }
        self->request_frames();
        return consumed ? EM_TRUE : EM_FALSE;
    }

    std::string canvas_;
    std::vector<unsigned char> font_regular_, font_bold_;
    ui::Panel panel_;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl_ = 0;
    WebGLRenderer renderer_;
    ImGuiContext* imgui_ = nullptr;

    double css_width_ = 1, css_height_ = 1, pixel_ratio_ = 1;
    double fonts_pixel_ratio_ = 0;
    float fonts_size_ = 0;
    bool fonts_dirty_ = true;

    bool drawing_ = false;  // a WebGL2 context draws the panel (none, or lost: the page shows HTML)
    bool loading_ = false;
    bool stop_after_load_ = false;
    double slice_start_ = 0;     // when the current slice of loading work began
    double progress_drawn_ = 0;  // when loading progress was last drawn
    int frames_pending_ = 0;
    bool frame_scheduled_ = false;
    double last_frame_ms_ = 0;
    unsigned frame_count_ = 0;
    bool rows_reported_ = false;
    ImGuiMouseCursor last_cursor_ = ImGuiMouseCursor_Arrow;

    unsigned mouse_down_frame_[3] = {};
    bool mouse_release_pending_[3] = {};
    struct Modifiers {
        bool ctrl, shift, alt, super;
    };
    struct KeyEvent {
        int code;     // DOM keyCode, or 0 for text
        bool down;
        Modifiers modifiers;  // as they were at this event, not when the frame comes
        std::string text;     // when code is 0: a character typed, or text pasted
    };
    std::vector<KeyEvent> key_events_;
    ImVec2 touch_start_{}, touch_last_{};
    double touch_last_ms_ = 0;
    bool touch_dragging_ = false;
    float touch_lines_per_second_ = 0;  // the finger's speed while it drags
    float fling_lines_per_second_ = 0;  // after it lifts; 0: no flick under way
    ImVec2 fling_at_{};                 // where the finger lifted
    int touch_hover_frames_ = 0;  // frames until a lifted finger stops hovering
};

std::unique_ptr<Widget> g_widget;
std::string g_reply;  // the last string handed to JS; valid until the next call

const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}

}  // namespace
}  // namespace pv::platform

using pv::platform::g_widget;

// ---- the functions web/pubview.js calls -----------------------------------------
extern "C" {

// Returns 0 when the widget draws on its canvas, 1 when the browser has no
// WebGL2: the widget still loads and searches, and the page shows its list as HTML.
EMSCRIPTEN_KEEPALIVE int pv_start(const char* canvas_selector, const unsigned char* regular, int regular_size,
                                  const unsigned char* bold, int bold_size) {
    g_widget = std::make_unique<pv::platform::Widget>(canvas_selector, std::vector<unsigned char>(regular, regular + regular_size),
                                                      std::vector<unsigned char>(bold, bold + bold_size));
    return g_widget->start() ? 0 : 1;
}

EMSCRIPTEN_KEEPALIVE void pv_stop() {
    if (g_widget && g_widget->loading()) g_widget->stop_after_load();
    else g_widget.reset();
}

EMSCRIPTEN_KEEPALIVE void pv_resize(double css_width, double css_height, double pixel_ratio) {
    if (g_widget) g_widget->resize(css_width, css_height, pixel_ratio);
}

EMSCRIPTEN_KEEPALIVE void pv_set_theme(int dark, unsigned accent_rgb, double font_size) {
    if (g_widget) g_widget->set_theme(dark != 0, accent_rgb, font_size);
}

EMSCRIPTEN_KEEPALIVE void pv_show_loading(double received, double total) {
    if (!g_widget) return;
    g_widget->model().show_loading(static_cast<std::size_t>(received), static_cast<std::size_t>(total));
    g_widget->request_frames();
}

EMSCRIPTEN_KEEPALIVE void pv_show_error(const char* message) {
    if (!g_widget) return;
    g_widget->model().show_error(message);
    g_widget->request_frames();
}

// Loads a bundle, JSON or pack, of `size` bytes, which it takes from the page
// as it needs them (pubviewHost.takeBundleBytes); returns 1 if usable. It gives
// the browser turns while it works: call it with ccall(..., {async: true}) and
// start no other load until it settles.
EMSCRIPTEN_KEEPALIVE int pv_load(double size) {
    if (!g_widget || g_widget->loading()) return 0;
    const bool usable = g_widget->load(static_cast<std::size_t>(size));
    if (g_widget->stop_requested()) g_widget.reset();
    return usable ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* pv_problems() {
    if (!g_widget) return "{\"error\":null,\"warnings\":[]}";
    return pv::platform::reply(pv::platform::problems_json(g_widget->model()));
}

EMSCRIPTEN_KEEPALIVE void pv_set_query(const char* text) {
    if (!g_widget) return;
    g_widget->model().set_query(text);
    g_widget->request_frames();
}

EMSCRIPTEN_KEEPALIVE int pv_busy() { return g_widget && g_widget->busy() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* pv_query() { return g_widget ? g_widget->model().query().c_str() : ""; }

EMSCRIPTEN_KEEPALIVE int pv_count() { return g_widget ? static_cast<int>(g_widget->model().count()) : 0; }

EMSCRIPTEN_KEEPALIVE const char* pv_visible() {
    if (!g_widget) return "[]";
    return pv::platform::reply(pv::platform::visible_json(g_widget->model().visible()));
}

EMSCRIPTEN_KEEPALIVE int pv_expand(const char* id, int open) {
    if (!g_widget) return 0;
    const bool found = g_widget->model().expand(id, open != 0);
    g_widget->request_frames();
    return found ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* pv_state() {
    if (!g_widget) return "{}";
    return pv::platform::reply(pv::platform::view_state_to_json(g_widget->model().state()));
}

EMSCRIPTEN_KEEPALIVE void pv_set_state(const char* json) {
    if (!g_widget) return;
    g_widget->model().set_state(pv::platform::view_state_from_json(json));
    g_widget->request_frames();
}

// "[x, y, width, height]" of the row of entry `id` in the last frame, or "null".
EMSCRIPTEN_KEEPALIVE const char* pv_row_bounds(const char* id) {
    if (!g_widget) return "null";
    const std::optional<ImVec4> b = g_widget->panel().row_bounds(id);
    if (!b) return "null";
    char text[128];
    std::snprintf(text, sizeof text, "[%.1f,%.1f,%.1f,%.1f]", b->x, b->y, b->z, b->w);
    return pv::platform::reply(text);
}

// The visible rows for the page's hidden DOM mirror and print view; `full`
// includes every row's text, not only the open rows'.
EMSCRIPTEN_KEEPALIVE const char* pv_mirror(int full) {
    if (!g_widget) return "{\"count\":0,\"rows\":[]}";
    return pv::platform::reply(pv::platform::mirror_json(g_widget->model(), full != 0));
}

EMSCRIPTEN_KEEPALIVE void pv_paste(const char* text) {
    if (g_widget) g_widget->paste(text);
}

EMSCRIPTEN_KEEPALIVE void pv_focus_search() {
    if (!g_widget) return;
    g_widget->panel().focus_search();
    g_widget->request_frames();
}

}  // extern "C"
