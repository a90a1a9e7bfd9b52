// The JavaScript side of each call declared in js_bridge.h.
#include "platform/js_bridge.h"

#include <emscripten.h>

EM_JS(void, js_open_url, (const char* url, const char* entry_id), { Module.pubviewHost.openUrl(UTF8ToString(url), UTF8ToString(entry_id)); });
EM_JS(void, js_copy_text, (const char* text), { Module.pubviewHost.copyText(UTF8ToString(text)); });
EM_JS(void, js_copy_link, (const char* entry_id), { Module.pubviewHost.copyLink(UTF8ToString(entry_id)); });
EM_JS(void, js_view_changed, (), { Module.pubviewHost.viewChanged(); });
EM_JS(void, js_retry, (), { Module.pubviewHost.retry(); });
EM_JS(void, js_focus_text_input, (), { Module.pubviewHost.focusTextInput(); });
EM_JS(int, js_text_input, (int editing, double x, double y, double width, double height), {
    return Module.pubviewHost.textInput(editing !== 0, x, y, width, height) ? 1 : 0;
});
EM_JS(void, js_rows_shown, (), { Module.pubviewHost.rowsShown(); });
EM_JS(void, js_set_cursor, (const char* cursor), { Module.pubviewHost.setCursor(UTF8ToString(cursor)); });
EM_JS(void, js_drawing_changed, (int drawing), { Module.pubviewHost.drawingChanged(drawing !== 0); });
EM_JS(int, js_is_mac, (), { return /Mac|iPhone|iPad/.test(navigator.platform) ? 1 : 0; });
EM_JS(int, js_ask_glyphs, (const std::uint32_t* codes, int count, float em_pixels, bool bold), {
    return Module.pubviewHost.askGlyphs(codes, count, em_pixels, bold);
});
EM_JS(unsigned char*, js_take_glyphs, (), { return Module.pubviewHost.takeGlyphs(); });
EM_JS(void, js_glyphs_added, (int regular, int bold, int left, int urgent_left, double milliseconds, int atlas_width, int atlas_height), {
    Module.pubviewHost.glyphsAdded(regular, bold, left, urgent_left, milliseconds, atlas_width, atlas_height);
});
EM_JS(void, js_search_wanted, (const char* request, double version), {
    Module.pubviewHost.searchWanted(UTF8ToString(request), version);
});
EM_JS(int, js_take_bundle_bytes, (char* destination, int capacity), {
    return Module.pubviewHost.takeBundleBytes(destination, capacity);
});
EM_ASYNC_JS(void, js_yield_to_browser, (), { await Module.pubviewHost.nextTask(); });
