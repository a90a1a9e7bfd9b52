// A bundle as a static, semantic HTML list: what a page shows inside the
// widget's element for visitors without JavaScript and for crawlers that do
// not run it (`pubview html`). The widget replaces it when it starts.
#pragma once

#include "core/model/bundle.h"
#include "core/present/ui_text.h"

#include <optional>
#include <string>
#include <string_view>

namespace pv {

struct StaticListOptions {
    std::optional<Kind> kind = std::nullopt;  // list only this kind; every entry when unset
    int heading_level = 2;                    // entries' headings: <h2> (after the page's <h1>) to <h6>
    std::string height = "600px";             // the widget's height (its element's data-height)
    Language language = Language::en;         // of the list's own words (Abstract, links' labels)
};

// Whether `height` may stand as a CSS height in a style attribute: digits,
// letters, spaces and . % ( ) + - * / , only ("600px", "calc(100vh - 130px)").
bool is_css_height(std::string_view height);

// The HTML fragment: the entries as JSON-LD (core/present/json_ld.h) in a
// <script type="application/ld+json">, then a box of options.height that
// scrolls on its own, so the page does not move when the widget takes its
// place. In it, one <li> per entry: a heading, then venue and year, and
// authors, for a publication, or location and team for a job; the abstract or
// description in <details>, one <p> per paragraph; the entry's links. In a
// language other than English the box says which (lang, and dir="rtl" for
// Arabic); the entries' own text is written as it is. All text
// is HTML-escaped and only links that pass is_safe_url are written. An
// invalid height or heading level is replaced by the default.
std::string static_list_html(const Bundle& bundle, const StaticListOptions& options = {});

}  // namespace pv
