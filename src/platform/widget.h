// The browser platform of one pubview widget: a WebGL2 context on the widget's
// own canvas (or none: the page then shows the list as HTML), input from
// <emscripten/html5.h> bound to that canvas alone, frames drawn only when
// something changed, and the loading of a bundle in slices. pubview.js
// instantiates the module once per mounted widget, so the module holds exactly
// one Widget (exports.cpp). widget.cpp has its life, frames and loading;
// widget_input.cpp its input.
//
// Why not Emscripten's GLFW: it listens on the whole window, swallows Tab and
// Backspace for every input of the host page, scrolls far too fast, and has no
// clipboard, HiDPI or touch support.
#pragma once

#include "core/formats/open_bundle.h"
#include "platform/font_atlas.h"
#include "platform/js_bridge.h"
#include "platform/page_bytes.h"
#include "platform/webgl_renderer.h"
#include "ui/panel.h"

#include <emscripten/html5.h>
#include <imgui.h>

#include <string>
#include <vector>

namespace pv::platform {

constexpr int kSettleFrames = 3;  // frames drawn after an input, for ImGui's layout to settle
// Loading a bundle gives the browser its turn after about this much work, so
// no task blocks the page for long, and draws its progress this often.
constexpr double kWorkSliceMs = 40;
// A load starts with shorter slices, so that a bundle of the size most pages
// embed is read in tasks that stay under 50 ms on a phone four times slower
// than the machine that measures (what Lighthouse's mobile setting
// simulates); a load still at work after kShortSlicesForMs is a large one,
// and the longer slices lose less of its time to the turns.
constexpr double kStartSliceMs = 10;
constexpr double kShortSlicesForMs = 500;
constexpr double kProgressFrameMs = 250;
// A flick keeps the list moving after the finger lifts, slowing down as on a
// phone's own lists: the speed decays with this time constant, and stops
// below the slower speed (wheel lines per second).
constexpr double kFlingDecaySeconds = 0.325;
constexpr float kFlingStopLinesPerSecond = 0.5f;
constexpr int kKeyCount = 512;
// Before any row is drawn, the glyphs of this many first results come first.
constexpr std::size_t kFirstScreenRows = 40;

// DOM keyCodes of the keys ImGui needs to know by name.
enum DomKey : int {
    kBackspace = 8, kTab = 9, kEnter = 13, kEscape = 27, kSpace = 32, kPageUp = 33, kPageDown = 34, kEnd = 35,
    kHome = 36, kLeft = 37, kUp = 38, kRight = 39, kDown = 40, kInsert = 45, kDelete = 46,
    kA = 65, kC = 67, kV = 86, kX = 88, kY = 89, kZ = 90,
};

class Widget final : public ui::ViewHost, public ui::ResultSource {
public:
    // `canvas` and `text_input`: selectors of the widget's canvas and of the
    // page's hidden <input> that takes the keyboard while the search box is edited.
    Widget(std::string canvas, std::string text_input, std::vector<unsigned char> regular, std::vector<unsigned char> bold)
        : canvas_(std::move(canvas)), text_input_(std::move(text_input)), font_regular_(std::move(regular)),
          font_bold_(std::move(bold)), font_atlas_(font_regular_, font_bold_), panel_(*this) {}
    ~Widget() override;
    // Sets up ImGui and asks the browser for a WebGL2 context.
    void start();
    // Then, in a task of its own (creating the context is one the browser
    // makes long: it waits for its GPU process): the renderer's shaders and
    // the input. Returns whether the canvas draws; without WebGL2 the panel
    // still loads, searches and answers the page, which shows the list as HTML.
    bool start_drawing();
    ui::Panel& panel() { return panel_; }
    ui::ViewModel& model() { return panel_.model(); }

private:
    bool create_gl_context();
    void configure_imgui_io();
    static EM_BOOL on_context_lost(int, const void*, void* user);
    static EM_BOOL on_context_restored(int, const void*, void* user);

public:
    void resize(double css_width, double css_height, double pixel_ratio);
    void set_theme(bool dark, unsigned accent_rgb, double font_size);
    // Sets the interface's language, with the glyphs its phrases need.
    void set_language(Language language);
    // Reads and indexes the bundle of `size` bytes that the page hands over
    // (PageBytes), in slices of about kWorkSliceMs with the browser's turn
    // between them (input, other widgets, the page), drawing the progress now
    // and then. Returns whether the bundle is usable.
    bool load(std::size_t size);
    // The load's progress hook: asks for the browser's turn once a slice of
    // work is over (core then calls pv_give_host_turn), after drawing the
    // progress when it was last drawn long enough ago.
    bool wants_turn(const WorkProgress& work);
    // While a load waits for its next slice, the widget must live on: a stop
    // asked for meanwhile is carried out when the load returns.
    bool loading() const { return loading_; }
    void stop_after_load() { stop_after_load_ = true; }
    bool stop_requested() const { return stop_after_load_; }
    // Pasted text waits in the key queue like typed text, so that it lands
    // after the keys before it (an Escape that clears the box) and in the box.
    void paste(const char* text);
    // True until the frames the last input asked for are drawn.
    bool busy() const { return drawing_ && (frame_scheduled_ || !key_events_.empty()); }
    // Draws kSettleFrames more frames, one per animation frame (fewer when
    // one draws what the canvas already shows: on_animation_frame); then sleeps.
    void request_frames();
    // ViewHost
    void open_url(const std::string& url, const std::string& entry_id) override { js_open_url(url.c_str(), entry_id.c_str()); }
    void copy_text(const std::string& text) override { js_copy_text(text.c_str()); }
    void copy_link(const std::string& entry_id) override { js_copy_link(entry_id.c_str()); }
    void view_changed() override { js_view_changed(); }
    void retry() override { js_retry(); }
    // ResultSource: a sharded bundle's searches go to the page's worker, and
    // its answers come back here, with the glyphs their entries need.
    void ask(const SearchRequest& request, const std::vector<std::string>& open_ids, std::uint64_t version) override;
    bool show_answer(ui::SearchAnswer answer);  // false: a superseded search's, dropped

private:
    static EM_BOOL on_animation_frame(double now, void* user);
    void apply_theme();
    enum class Fonts { kReady, kRebuilt, kUnusable };
    // kUnusable when the font data is: the page then shows the list as HTML.
    Fonts rebuild_fonts_if_needed();
    // Asks for the next animation frame, if drawing and none is asked for yet.
    void schedule_frame();
    void add_glyph_slice();
    void need_glyphs_for_bundle(const LoadResult& loaded, const ProgressHook& progress);
    void need_glyphs_for_query();
    // Returns true when the frame drew what the canvas already showed.
    bool draw_frame(double now_ms);
    void apply_key_events();
    void continue_fling(ImGuiIO& io);
    void release_deferred_input();
    void press_mouse(int button, ImVec2 pos);
    void release_mouse(int button);
    void set_input_callbacks(bool on);
    void hand_keyboard_to_text_input();
    static EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void* user);
    static EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void* user);
    static EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void* user);
    static EM_BOOL on_text_input_key(int type, const EmscriptenKeyboardEvent* e, void* user);
    static EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void* user);
    static EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void* user);
    std::string canvas_;
    std::string text_input_;
    // The keyboard moves between the canvas and the hidden <input> (to let an
    // input method compose): that blur is not the widget losing the keyboard.
    bool handing_focus_ = false;
    // A phone's keyboard types into the hidden <input> itself (its value is
    // the query); keys reach the panel only on a desktop.
    bool touch_typing_ = false;
    std::vector<unsigned char> font_regular_, font_bold_;
    FontAtlas font_atlas_;
    ui::Panel panel_;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl_ = 0;
    WebGLRenderer renderer_;
    ImGuiContext* imgui_ = nullptr;
    double css_width_ = 1, css_height_ = 1, pixel_ratio_ = 1;
    ui::GlyphNeeds phrase_glyphs_;    // the interface's phrases in its language: always on screen
    std::string glyphs_query_;        // the query whose characters the atlas was told of
    bool drawing_ = false;  // a WebGL2 context draws the panel (none, or lost: the page shows HTML)
    bool loading_ = false;
    bool stop_after_load_ = false;
    double load_start_ = 0;      // when the current load began
    double slice_start_ = 0;     // when the current slice of loading work began
    double progress_drawn_ = 0;  // when loading progress was last drawn
    bool turn_given_ = false;    // the last progress report asked for the browser's turn
    int frames_pending_ = 0;
    bool next_frame_wanted_ = false;  // the frame being drawn asks for the next (keys still queued, a fling)
    bool frame_scheduled_ = false;
    long frame_request_ = 0;  // the animation frame asked for, while frame_scheduled_
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

}  // namespace pv::platform
