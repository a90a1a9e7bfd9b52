// A bundle's entries of one kind as a feed that people follow in a feed
// reader (`pubview feed`): RSS 2.0, Atom (RFC 4287) or JSON Feed 1.1.
#pragma once

#include "core/model/bundle.h"

#include <string>
#include <string_view>
#include <vector>

namespace pv {

enum class FeedFormat { rss, atom, json };

struct FeedOptions {
    Kind kind = Kind::publication;
    FeedFormat format = FeedFormat::atom;
    // The http(s) page that shows the list in the widget. Entries link to
    // their deep link on it (PAGE#pv1:open=ID), the feed to PAGE#pv1:kind=KIND,
    // and ids are made from those links. Empty (or not a web link): ids are
    // made from the bundle's source.url, or are urn:pubview:KIND:ID when it has
    // none; entries link to their own url and the feed to source.url.
    std::string base_url;
    // The feed file's name: with a base_url, the feed's self link is that name
    // in the base_url's folder. Empty: no self link.
    std::string file_name;
    // When the feed was last updated, as RFC 3339 (is_feed_time): the Atom
    // feed's <updated> when no entry has a date, and an undated entry's.
    std::string updated = "1970-01-01T00:00:00Z";
};

// Whether `time` is an RFC 3339 UTC time as feeds write it: "2026-11-29T21:30:00Z".
bool is_feed_time(std::string_view time);

// The entries of `kind`, newest first: by year (publications; jobs have no
// date yet), undated ones last, bundle order kept among equals.
std::vector<const Entry*> feed_entries(const Bundle& bundle, Kind kind);

// The feed's stable id of an entry: its deep link on the page (see
// FeedOptions::base_url), or urn:pubview:KIND:ID without one.
std::string feed_entry_id(const Bundle& bundle, const Entry& entry, const FeedOptions& options);

// The feed document. Text has control characters removed (sanitize_text) and,
// in RSS and Atom, is XML-escaped (markup_escape.h); only links that pass
// is_safe_url are written. Every entry of the kind is in it, in feed_entries order.
std::string feed(const Bundle& bundle, const FeedOptions& options);

}  // namespace pv
