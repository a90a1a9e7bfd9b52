#include "authoring/sync_merge.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace pv {

namespace {

// "Non-Stationary A/B tests" and "Non-stationary A/B Tests." are one title.
std::string title_key(const Entry& e) { return slugify(e.title); }

bool same_publication(const Entry& a, const Entry& b) {
    if (!a.doi.empty() && lower_ascii(a.doi) == lower_ascii(b.doi)) return true;
    if (!a.arxiv.empty() && a.arxiv == b.arxiv) return true;
    const std::string key = title_key(a);
    return !key.empty() && key == title_key(b) && (!a.year || !b.year || *a.year == *b.year);
}

bool same_entry(const Entry& a, const Entry& b) {
    if (a.kind != b.kind) return false;
    if (a.kind == Kind::job) return !a.url.empty() && a.url == b.url;
    return same_publication(a, b);
}

template <typename T>
void fill(T& kept, const T& other) {
    if (kept.empty()) kept = other;
}

// The fields `kept` lacks, from `other`.
void fill_from(Entry& kept, const Entry& other) {
    fill(kept.body, other.body);
    fill(kept.url, other.url);
    fill(kept.tags, other.tags);
    if (kept.kind == Kind::job) {
        if (kept.edit_job().location.empty()) kept.edit_job().location = other.job().location;
        fill(kept.edit_job().team, other.job().team);
        fill(kept.edit_job().date_posted, other.job().date_posted);
        fill(kept.edit_job().valid_through, other.job().valid_through);
        fill(kept.edit_job().employment_type, other.job().employment_type);
        fill(kept.edit_job().salary, other.job().salary);
        kept.edit_job().remote = kept.edit_job().remote || other.job().remote;  // false is what a hand-written entry says by leaving it out
        return;
    }
    if (!kept.year) kept.year = other.year;
    fill(kept.authors, other.authors);
    fill(kept.venue, other.venue);
    fill(kept.doi, other.doi);
    fill(kept.arxiv, other.arxiv);
    fill(kept.award, other.award);
    fill(kept.type, other.type);
    if (kept.date.empty() && !other.date.empty() && (!kept.year || kept.year == other.year)) kept.date = other.date;
    fill(kept.venue_short, other.venue_short);
    fill(kept.links, other.links);
    kept.featured = kept.featured || other.featured;
}

}  // namespace

ImportResult sync_merge(const Bundle& base, const std::vector<NamedBundle>& imported) {
    ImportResult result;
    result.usable = true;
    Bundle& merged = result.bundle;
    merged.title = base.title;
    merged.description = base.description;
    merged.source = base.source;
    IdAllocator ids;
    std::vector<Entry> publications, jobs;
    for (const Entry& e : base.entries) {
        ids.claim(e.id);
        (e.kind == Kind::job ? jobs : publications).push_back(e);
    }
    for (const NamedBundle& source : imported) {
        for (const Entry& e : source.bundle.entries) {
            std::vector<Entry>& list = e.kind == Kind::job ? jobs : publications;
            auto match = std::find_if(list.begin(), list.end(), [&](const Entry& kept) { return same_entry(kept, e); });
            if (match != list.end()) {
                fill_from(*match, e);
                continue;
            }
            Entry added = e;
            added.id = ids.claim(e.id, kind_name(e.kind));
            list.push_back(std::move(added));
        }
    }
    merged.entries = std::move(publications);
    merged.entries.insert(merged.entries.end(), std::make_move_iterator(jobs.begin()), std::make_move_iterator(jobs.end()));
    return result;
}

SyncChanges compare_bundles(const Bundle& before, const Bundle& after) {
    SyncChanges changes;
    std::map<std::string, const Entry*> old_entries;
    for (const Entry& e : before.entries) old_entries[std::string(kind_name(e.kind)) + '/' + e.id] = &e;
    for (const Entry& e : after.entries) {
        const auto it = old_entries.find(std::string(kind_name(e.kind)) + '/' + e.id);
        if (it == old_entries.end()) changes.added.push_back(e.id);
        else {
            if (entry_json(*it->second) != entry_json(e)) changes.updated.push_back(e.id);
            old_entries.erase(it);
        }
    }
    for (const Entry& e : before.entries)
        if (old_entries.count(std::string(kind_name(e.kind)) + '/' + e.id)) changes.removed.push_back(e.id);
    return changes;
}

}  // namespace pv
