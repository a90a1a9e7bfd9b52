// The functions web/pubview.js calls (the module's exports, each named pv_*),
// and the one Widget they act on. Strings returned to JS stay valid until the
// next call.
#include "platform/widget.h"
#include "platform/widget_json.h"

#include <emscripten.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

namespace pv::platform {
namespace {

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

// Makes the widget and asks the browser for its WebGL2 context (a task the
// browser makes long: it waits for its GPU process).
EMSCRIPTEN_KEEPALIVE void pv_start(const char* canvas_selector, const char* input_selector, const unsigned char* regular,
                                  int regular_size, const unsigned char* bold, int bold_size) {
    g_widget = std::make_unique<pv::platform::Widget>(canvas_selector, input_selector,
                                                      std::vector<unsigned char>(regular, regular + regular_size),
                                                      std::vector<unsigned char>(bold, bold + bold_size));
    g_widget->start();
}

// After pv_start, in a task of its own: the renderer and the input. Returns
// 0 when the widget draws on its canvas, 1 when the browser has no WebGL2:
// the widget still loads and searches, and the page shows its list as HTML.
EMSCRIPTEN_KEEPALIVE int pv_start_drawing() { return g_widget && g_widget->start_drawing() ? 0 : 1; }

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

// Sets the interface's language from a BCP 47 tag (English for one not
// shipped) and returns what the page needs (page_text_json). The module
// carries English only: another language is taken from `phrases`, the JSON
// the page fetched for it; without them ("") the language stays as it was,
// and "wanted" says which file to fetch.
EMSCRIPTEN_KEEPALIVE const char* pv_set_language(const char* tag, const char* phrases) {
    const pv::Language wanted = pv::language_from_tag(tag).value_or(pv::Language::en);
    if (!pv::has_ui_text(wanted) && *phrases && !pv::load_ui_text(wanted, phrases))
        std::fprintf(stderr, "the phrases of %s do not fit this version of pubview\n", std::string(pv::language_tag(wanted)).c_str());
    const pv::Language language = !pv::has_ui_text(wanted) ? (g_widget ? g_widget->model().language() : pv::Language::en) : wanted;
    if (g_widget) g_widget->set_language(language);
    return pv::platform::reply(pv::platform::page_text_json(language, wanted));
}

// In the page's idle time after a load, a step a call: 1 while steps are
// left (ViewModel::prepare_search). None while a load is under way.
EMSCRIPTEN_KEEPALIVE int pv_prepare_search() {
    return g_widget && !g_widget->loading() && g_widget->model().prepare_search() ? 1 : 0;
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

// A sharded bundle, opened by the page's worker, of these counts: the panel
// asks for its searches (pubviewHost.searchWanted) and shows them as they come.
EMSCRIPTEN_KEEPALIVE void pv_show_searched(double publications, double jobs) {
    if (!g_widget || g_widget->loading()) return;
    g_widget->model().show_searched(static_cast<std::size_t>(publications), static_cast<std::size_t>(jobs), *g_widget);
    g_widget->request_frames();
}

// The worker's answer to the search numbered `version`: 1 when shown, 0 when
// dropped (a search since superseded), -1 when it cannot be read.
EMSCRIPTEN_KEEPALIVE int pv_show_answer(double version, const char* json) {
    if (!g_widget || static_cast<std::uint64_t>(version) != g_widget->model().asked_version()) return 0;
    std::optional<pv::ui::SearchAnswer> answer = pv::platform::search_answer_from_json(static_cast<std::uint64_t>(version), json);
    if (!answer) return -1;
    return g_widget->show_answer(std::move(*answer)) ? 1 : 0;
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

// Glyphs the worker drew wait to be taken (js_take_glyphs): a frame takes them.
EMSCRIPTEN_KEEPALIVE void pv_glyphs_came() {
    if (g_widget) g_widget->request_frames();
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

// The HTML list's "More results" (a bundle searched elsewhere sends rows a
// screen at a time; the canvas asks for more as it scrolls).
EMSCRIPTEN_KEEPALIVE void pv_want_more_rows() {
    if (!g_widget) return;
    g_widget->model().want_more_rows();
    g_widget->request_frames();
}

// The visible rows for the page's hidden DOM mirror and print view; `full`
// includes every row's text, not only the open rows'.
EMSCRIPTEN_KEEPALIVE const char* pv_mirror(int full) {
    if (!g_widget) return "{\"count\":0,\"rows\":[]}";
    return pv::platform::reply(pv::platform::mirror_json(g_widget->model(), full != 0));
}

// The text an input method is composing (its pre-edit), shown in the search
// box until it is committed (as typed text, pv_paste) or cancelled ("").
EMSCRIPTEN_KEEPALIVE void pv_set_preedit(const char* text) {
    if (!g_widget) return;
    g_widget->panel().set_preedit(text);
    g_widget->request_frames();
}

EMSCRIPTEN_KEEPALIVE const char* pv_preedit() { return g_widget ? g_widget->panel().preedit().c_str() : ""; }

// Text typed as one piece (a paste, or what an input method committed): it
// waits in the key queue like typed text and lands where the box's cursor is.
EMSCRIPTEN_KEEPALIVE void pv_paste(const char* text) {
    if (g_widget) g_widget->paste(text);
}

EMSCRIPTEN_KEEPALIVE void pv_focus_search() {
    if (!g_widget) return;
    g_widget->panel().focus_search();
    g_widget->request_frames();
}

}  // extern "C"
