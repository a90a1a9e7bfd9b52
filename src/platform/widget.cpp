#include "platform/widget.h"
#include "platform/widget_json.h"

#include "ui/fonts.h"
#include "ui/theme.h"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace pv::platform {

namespace {

const char* css_cursor(ImGuiMouseCursor cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_TextInput: return "text";
        default: return "default";
    }
}

}  // namespace

Widget::~Widget() {
    set_input_callbacks(false);
    // A frame asked for and not drawn yet would come to a widget that is gone.
    if (frame_scheduled_) emscripten_cancel_animation_frame(frame_request_);
    if (imgui_) {
        ImGui::SetCurrentContext(imgui_);
        ImGui::DestroyContext(imgui_);
    }
    if (gl_) emscripten_webgl_destroy_context(gl_);
}

void Widget::start() {
    imgui_ = ImGui::CreateContext();
    configure_imgui_io();
    apply_theme();
    create_gl_context();
}

bool Widget::start_drawing() {
    ImGui::SetCurrentContext(imgui_);
    if (gl_) emscripten_webgl_make_context_current(gl_);
    drawing_ = gl_ && renderer_.init();
    set_input_callbacks(true);
    return drawing_;
}

bool Widget::create_gl_context() {
    EmscriptenWebGLContextAttributes attributes;
    emscripten_webgl_init_context_attributes(&attributes);
    attributes.majorVersion = 2;
    attributes.alpha = false;
    attributes.antialias = false;  // ImGui antialiases its own shapes
    attributes.depth = false;
    attributes.stencil = false;
    attributes.premultipliedAlpha = false;
    // The renderer uses WebGL2 alone: no extension is asked for, where
    // Emscripten would otherwise ask for each it knows (31 getExtension
    // calls, 70 ms on the development machine, in the task that creates the context).
    attributes.enableExtensionsByDefault = false;
    gl_ = emscripten_webgl_create_context(canvas_.c_str(), &attributes);
    if (gl_ <= 0) {
        gl_ = 0;
        return false;
    }
    emscripten_webgl_make_context_current(gl_);
    return true;
}

void Widget::configure_imgui_io() {
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
EM_BOOL Widget::on_context_lost(int, const void*, void* user) {
    auto* self = static_cast<Widget*>(user);
    self->drawing_ = false;
    self->key_events_.clear();
    js_drawing_changed(0);
    return EM_TRUE;  // preventDefault: the browser may then restore the context
}

EM_BOOL Widget::on_context_restored(int, const void*, void* user) {
    auto* self = static_cast<Widget*>(user);
    emscripten_webgl_make_context_current(self->gl_);
    ImGui::SetCurrentContext(self->imgui_);
    if (!self->renderer_.init()) return EM_FALSE;
    self->font_atlas_.rebuild();
    self->drawing_ = true;
    js_drawing_changed(1);
    self->request_frames();
    return EM_FALSE;
}

void Widget::resize(double css_width, double css_height, double pixel_ratio) {
    css_width_ = std::max(1.0, css_width);
    css_height_ = std::max(1.0, css_height);
    pixel_ratio_ = std::clamp(pixel_ratio, 0.5, 4.0);
    emscripten_set_canvas_element_size(canvas_.c_str(), static_cast<int>(std::lround(css_width_ * pixel_ratio_)),
                                       static_cast<int>(std::lround(css_height_ * pixel_ratio_)));
    renderer_.canvas_cleared();
    request_frames();
}

void Widget::set_theme(bool dark, unsigned accent_rgb, double font_size) {
    ui::Theme theme = panel_.theme();
    theme.dark = dark;
    theme.accent = IM_COL32((accent_rgb >> 16) & 0xFF, (accent_rgb >> 8) & 0xFF, accent_rgb & 0xFF, 255);
    theme.font_size = static_cast<float>(std::clamp(font_size, 9.0, 32.0));
    panel_.set_theme(theme);
    apply_theme();
    request_frames();
}

bool Widget::load(std::size_t size) {
    loading_ = true;
    load_start_ = slice_start_ = progress_drawn_ = emscripten_get_now();
    OpenOptions options;
    options.load.progress = [this](const WorkProgress& work) { return wants_turn(work); };
    PageBytes bytes(size);
    IndexedBundle loaded = open_bundle(bytes, size, options);
    const bool usable = loaded.loaded->usable;
    need_glyphs_for_bundle(*loaded.loaded, options.load.progress);
    panel_.model().show_bundle(std::move(loaded));
    loading_ = false;
    request_frames();
    return usable;
}

void Widget::ask(const SearchRequest& request, const std::vector<std::string>& open_ids, std::uint64_t version) {
    js_search_wanted(search_request_json(request, open_ids).c_str(), static_cast<double>(version));
}

bool Widget::show_answer(ui::SearchAnswer answer) {
    if (answer.page.loaded->usable) need_glyphs_for_bundle(*answer.page.loaded, {});
    const bool shown = panel_.model().show_answer(std::move(answer));
    request_frames();
    return shown;
}

bool Widget::wants_turn(const WorkProgress& work) {
    const double now = emscripten_get_now();
    if (turn_given_) {  // the first report after a turn starts the next slice
        turn_given_ = false;
        slice_start_ = now;
        return false;
    }
    const double slice_ms = now - load_start_ < kShortSlicesForMs ? kStartSliceMs : kWorkSliceMs;
    if (now - slice_start_ < slice_ms || stop_after_load_) return false;
    panel_.model().show_work(work);
    // The progress is drawn in an animation frame between two slices: a task of its own.
    if (now - progress_drawn_ >= kProgressFrameMs) {
        frames_pending_ = std::max(frames_pending_, 1);
        schedule_frame();
        progress_drawn_ = now;
    }
    turn_given_ = true;
    return true;
}

void Widget::request_frames() {
    frames_pending_ = kSettleFrames;
    schedule_frame();
}

void Widget::schedule_frame() {
    if (frame_scheduled_ || !drawing_) return;
    frame_scheduled_ = true;
    frame_request_ = emscripten_request_animation_frame(&Widget::on_animation_frame, this);
}

EM_BOOL Widget::on_animation_frame(double now, void* user) {
    auto* self = static_cast<Widget*>(user);
    self->frame_scheduled_ = false;
    if (!self->drawing_) return EM_FALSE;
    self->next_frame_wanted_ = false;
    const bool unchanged = self->draw_frame(now);
    // A settle frame that drew what the canvas already showed ends the
    // settling: ImGui has come to rest. Not the first frame after an input,
    // whose effect may show only in the next (a popup is drawn a frame after
    // the click that opens it).
    if (unchanged && self->frames_pending_ < kSettleFrames) self->frames_pending_ = 1;
    if (--self->frames_pending_ > 0 || self->next_frame_wanted_ || self->panel_.wants_another_frame()) {
        self->frames_pending_ = std::max(self->frames_pending_, 1);
        // The frame may have asked for the next itself (request_frames): a
        // second request would be one the destructor cannot cancel.
        if (!self->frame_scheduled_) {
            self->frame_scheduled_ = true;
            self->frame_request_ = emscripten_request_animation_frame(&Widget::on_animation_frame, self);
        }
    }
    return EM_FALSE;
}

void Widget::apply_theme() {
    ImGui::SetCurrentContext(imgui_);
    ui::Theme theme = panel_.theme();
    ui::apply_theme(theme, ImGui::GetStyle());
    panel_.set_theme(theme);
}

Widget::Fonts Widget::rebuild_fonts_if_needed() {
    ImGuiIO& io = ImGui::GetIO();
    const auto ratio = static_cast<float>(pixel_ratio_);
    if (!font_atlas_.build_if_needed(*io.Fonts, renderer_, panel_.theme().font_size, ratio)) return Fonts::kReady;
    if (!font_atlas_.fonts().regular) {  // the font file did not arrive whole (web/pubview/assets.js says which)
        drawing_ = false;
        js_drawing_changed(0);
        return Fonts::kUnusable;
    }
    panel_.set_fonts(font_atlas_.fonts());
    io.FontGlobalScale = 1.0f / ratio;  // rasterized at device pixels, laid out in CSS pixels
    return Fonts::kRebuilt;
}

// Glyphs the atlas still lacks come a slice a frame, those of the rows on
// screen (or, before any, of the first results), the query and the
// interface's phrases first.
void Widget::add_glyph_slice() {
    if (!font_atlas_.has_missing()) return;
    ui::GlyphNeeds urgent = phrase_glyphs_;
    urgent.regular.add_text(panel_.model().query());
    urgent.bold.add_text(panel_.model().query());
    urgent.regular.add_text(panel_.preedit());
    std::vector<std::uint32_t> on_screen = panel_.entries_on_screen();
    if (on_screen.empty() && panel_.model().loaded())
        for (const Hit& hit : panel_.model().results().hits) {
            if (on_screen.size() >= kFirstScreenRows) break;
            on_screen.push_back(hit.entry);
        }
    for (std::uint32_t entry : on_screen) urgent.add_entry(panel_.model().entry(entry));
    if (!font_atlas_.add_slice(*ImGui::GetIO().Fonts, renderer_, urgent)) return;
    panel_.set_fonts(font_atlas_.fonts());  // text measured before is measured again
    request_frames();
}

// The interface's phrases in a language whose letters the Latin fonts lack
// (Chinese, Japanese, Arabic) need glyphs too: all of them, first.
void Widget::set_language(Language language) {
    panel_.model().set_language(language);
    phrase_glyphs_ = {};
    for (std::size_t p = 0; p < kPhraseCount; ++p) phrase_glyphs_.regular.add_text(phrase_text(language, static_cast<Phrase>(p)));
    for (Phrase p : ui::kPhrasesInBold) phrase_glyphs_.bold.add_text(phrase_text(language, p));
    font_atlas_.need(phrase_glyphs_);
    request_frames();
}

// A bundle's characters, or a page of a sharded one's, in the weights they are drawn in.
void Widget::need_glyphs_for_bundle(const LoadResult& loaded, const ProgressHook& progress) {
    ui::GlyphNeeds needs;
    needs.add_bundle(loaded, progress);
    font_atlas_.need(needs);
}

// Characters typed, composed or pasted into the search box need glyphs too,
// the query's in bold as well (a search that finds nothing says so in bold).
void Widget::need_glyphs_for_query() {
    const std::string& query = panel_.model().query();
    if (query == glyphs_query_ && !font_atlas_.need_text(panel_.preedit(), ui::Weight::regular)) return;
    glyphs_query_ = query;
    font_atlas_.need_text(query, ui::Weight::regular);
    font_atlas_.need_text(query, ui::Weight::bold);
    request_frames();
}

bool Widget::draw_frame(double now_ms) {
    ImGui::SetCurrentContext(imgui_);
    emscripten_webgl_make_context_current(gl_);
    // A new atlas is built in a frame of its own and first drawn with in the
    // next: the first frame, which did both, was one of the start's longest tasks.
    switch (rebuild_fonts_if_needed()) {
        case Fonts::kUnusable: return false;
        case Fonts::kRebuilt:
            frames_pending_ = std::max(frames_pending_, 2);  // this one, and the one that draws
            schedule_frame();
            return false;
        case Fonts::kReady: break;
    }
    add_glyph_slice();
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
    need_glyphs_for_query();

    const int width = static_cast<int>(std::lround(css_width_ * pixel_ratio_));
    const int height = static_cast<int>(std::lround(css_height_ * pixel_ratio_));
    const bool unchanged = !renderer_.render(*ImGui::GetDrawData(), width, height, panel_.theme().background);

    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor != last_cursor_) {
        js_set_cursor(css_cursor(cursor));
        last_cursor_ = cursor;
    }
    ++frame_count_;
    hand_keyboard_to_text_input();
    release_deferred_input();
    if (!rows_reported_ && panel_.has_rows_on_screen()) {
        rows_reported_ = true;
        js_rows_shown();
    }
    return unchanged;
}

}  // namespace pv::platform

// Core's seam for long work (core/model/progress.h): the page's turn, awaited
// through Asyncify while the load's stack is saved.
extern "C" void pv_give_host_turn() { js_yield_to_browser(); }
