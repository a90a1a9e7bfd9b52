// Every call from the widget module (C++) into web/pubview.js: each goes to a
// method of Module.pubviewHost, which pubview.js gives the module when it
// creates it. tests/node/boundary.test.mjs keeps these names and pubview.js's
// in step, like the pv_* functions of exports.cpp that pubview.js calls.
#pragma once

#include <emscripten/em_macros.h>

#include <cstdint>

extern "C" {
void js_open_url(const char* url, const char* entry_id);
void js_copy_text(const char* text);
void js_copy_link(const char* entry_id);
void js_view_changed();
void js_retry();
// Hands the page's hidden <input> the focus, which opens a phone's keyboard.
void js_focus_text_input();
// Called after every frame: whether the search box is being edited and where
// it is (CSS pixels). While it is, on a desktop, the page's hidden <input>
// holds the keyboard focus, so that input methods (Chinese, Japanese, Korean,
// dead keys) compose in it; returns 1 if it took the focus from the canvas now.
int js_text_input(int editing, double x, double y, double width, double height);
void js_rows_shown();
void js_set_cursor(const char* cursor);
// The canvas stopped (0) or started again (1) drawing: the page shows the list as HTML meanwhile.
void js_drawing_changed(int drawing);
int js_is_mac();
// Asks the browser to draw the `count` code points at `codes` with its fonts
// at an em of `em_pixels`, bold or regular; returns how many batches (some
// of them each) js_take_glyphs will give: none when it cannot
// draw. Most come at once; CJK ones from a worker, in later frames
// (then pv_glyphs_came asks for a frame).
int js_ask_glyphs(const std::uint32_t* codes, int count, float em_pixels, bool bold);
// The next batch drawn, which it allocates with malloc (its layout:
// platform/canvas_glyphs.cpp); null when none is there yet.
unsigned char* js_take_glyphs();
// A slice of new glyphs went into the atlas: how many the browser has drawn
// in all in each weight, how many characters still wait in a weight
// (`urgent_left` of them on screen), how long drawing and adding this slice
// took, and the atlas's size.
void js_glyphs_added(int regular, int bold, int left, int urgent_left, double milliseconds, int atlas_width, int atlas_height);
// The panel asks the sharded bundle's worker for a search (`request`, JSON:
// platform/widget_json.h), numbered `version`; the page answers with pv_show_answer.
void js_search_wanted(const char* request, double version);
// Copies up to `capacity` bytes of the bundle being loaded to `destination`;
// returns how many (0 at its end).
int js_take_bundle_bytes(char* destination, int capacity);
// Gives the browser its turn and resumes in a task of its own (the page's
// nextTask). Asyncify unwinds and rewinds the C++ stack around it. An
// EM_ASYNC_JS function is imported under a prefixed name.
void js_yield_to_browser() EM_IMPORT(__asyncjs__js_yield_to_browser);
}
