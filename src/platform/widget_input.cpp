// The widget's input: html5.h events of its own canvas (mouse, wheel, keys,
// focus, touch), queued keys applied in order one frame at a time, and a
// flick that goes on after the finger lifts.
#include "platform/widget.h"

#include <emscripten.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace pv::platform {

namespace {

bool is_single_character(const char* key) {
    // EmscriptenKeyboardEvent::key is "a", "é", "Enter", "ArrowLeft": one UTF-8 code point means text.
    const auto c = static_cast<unsigned char>(key[0]);
    if (c == 0) return false;
    const int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return static_cast<int>(std::char_traits<char>::length(key)) == length && c >= 0x20;
}

}  // namespace

void Widget::paste(const char* text) {
    key_events_.push_back({0, true, {}, text});
    request_frames();
}

// ImGui 1.86 reads keys as up/down state once per frame, so a key pressed
// and released between two frames, or pressed twice, would be lost, and
// text and keys typed in one frame would be applied out of order. Events
// wait in a queue; a frame takes them in order until one would touch a key
// it already changed or would follow text with a key. The rest waits.
// An event that changes nothing (the release of a letter typed as text)
// is taken at once, so a fast typist's letters all land in one frame.
void Widget::apply_key_events() {
    ImGuiIO& io = ImGui::GetIO();
    if (panel_.moving_focus()) {  // text typed before the box had focus goes first
        if (!key_events_.empty()) next_frame_wanted_ = true;
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
    if (!key_events_.empty()) next_frame_wanted_ = true;
}

// Moves the list on after a flick, a frame's worth at a time, until it
// slows down or reaches an end; frames keep coming meanwhile.
void Widget::continue_fling(ImGuiIO& io) {
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
    next_frame_wanted_ = true;  // inside a frame: not request_frames
}

// A press and release that arrive between two frames would never be seen
// as a press: the release waits until a frame has seen the press.
void Widget::release_deferred_input() {
    ImGuiIO& io = ImGui::GetIO();
    for (int b = 0; b < 3; ++b)
        if (mouse_release_pending_[b]) { io.MouseDown[b] = false; mouse_release_pending_[b] = false; }
    // After a tap the finger is gone: no hover. Not before the frame that
    // sees the release, which must still find the pointer over the button.
    if (touch_hover_frames_ > 0 && --touch_hover_frames_ == 0) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

void Widget::press_mouse(int button, ImVec2 pos) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    io.MouseDown[button] = true;
    mouse_release_pending_[button] = false;
    mouse_down_frame_[button] = frame_count_;
}

void Widget::release_mouse(int button) {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseDown[button]) return;
    if (mouse_down_frame_[button] == frame_count_) mouse_release_pending_[button] = true;
    else io.MouseDown[button] = false;
}

// ---- html5.h events, bound to this widget's canvas ----------------------
// Binds (or, with on = false, unbinds) the html5.h events of this widget's canvas.
void Widget::set_input_callbacks(bool on) {
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
    // While the search box is edited the hidden <input> has the keyboard: its
    // keys are the canvas's, but for what an input method composes.
    const char* input = text_input_.c_str();
    emscripten_set_keydown_callback(input, user, false, pick(&Widget::on_text_input_key));
    emscripten_set_keyup_callback(input, user, false, pick(&Widget::on_text_input_key));
    emscripten_set_blur_callback(input, user, false, pick(&Widget::on_focus));
    emscripten_set_touchstart_callback(c, user, false, pick(&Widget::on_touch));
    emscripten_set_touchmove_callback(c, user, false, pick(&Widget::on_touch));
    emscripten_set_touchend_callback(c, user, false, pick(&Widget::on_touch));
    emscripten_set_touchcancel_callback(c, user, false, pick(&Widget::on_touch));
    emscripten_set_webglcontextlost_callback(c, user, false, pick(&Widget::on_context_lost));
    emscripten_set_webglcontextrestored_callback(c, user, false, pick(&Widget::on_context_restored));
}

EM_BOOL Widget::on_mouse(int type, const EmscriptenMouseEvent* e, void* user) {
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

EM_BOOL Widget::on_wheel(int, const EmscriptenWheelEvent* e, void* user) {
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

EM_BOOL Widget::on_key(int type, const EmscriptenKeyboardEvent* e, void* user) {
    auto* self = static_cast<Widget*>(user);
    ImGui::SetCurrentContext(self->imgui_);
    const int code = static_cast<int>(e->keyCode);
    if (code == kTab) return EM_FALSE;  // focus moves on through the page as everywhere else
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    // AltGr (Ctrl+Alt on Windows) types a character ("@" on a German keyboard): text, not a shortcut.
    const bool alt_graph = e->ctrlKey && e->altKey && !e->metaKey && is_single_character(e->key);
    const bool command = (e->ctrlKey || e->metaKey) && !alt_graph;
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

// A key in the hidden <input>: a phone's keyboard types into it (its value is
// the query); on a desktop its keys are the panel's, as on the canvas. A key
// an input method takes arrives as "Process" (keyCode 229), which on_key
// leaves to the browser, and what it composes comes as composition events
// (web/pubview/widget.js: pv_set_preedit, then pv_paste).
EM_BOOL Widget::on_text_input_key(int type, const EmscriptenKeyboardEvent* e, void* user) {
    auto* self = static_cast<Widget*>(user);
    if (self->touch_typing_) return EM_FALSE;
    return on_key(type, e, user);
}

// After a frame: the keyboard goes to the hidden <input> while the search box
// is edited, back to the canvas when it is not (widget.js decides, knowing
// which of the two has the page's focus).
void Widget::hand_keyboard_to_text_input() {
    const bool editing = ImGui::GetIO().WantTextInput && panel_.model().showing_list();
    const ImVec4 box = panel_.search_box_bounds();
    handing_focus_ = true;
    if (js_text_input(editing ? 1 : 0, box.x, box.y, box.z, box.w)) touch_typing_ = false;
    handing_focus_ = false;
}

EM_BOOL Widget::on_focus(int type, const EmscriptenFocusEvent*, void* user) {
    auto* self = static_cast<Widget*>(user);
    if (self->handing_focus_) return EM_FALSE;  // the keyboard moves within the widget
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
EM_BOOL Widget::on_touch(int type, const EmscriptenTouchEvent* e, void* user) {
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
                    self->touch_typing_ = true;
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

}  // namespace pv::platform
