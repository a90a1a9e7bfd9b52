#include "cli/sync_sources.h"

#include "authoring/api_importers.h"
#include "cli/bundle_file.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <thread>

namespace pv::cli {

namespace {

using nlohmann::json;

// What each source type needs in the config when it fetches, and where its API lives.
struct SourceType {
    std::string name;
    std::vector<std::string> keys;  // one of these is required unless "files" is given
    std::string host;
};

const std::vector<SourceType>& types() {
    static const std::vector<SourceType> all = {
        {"crossref", {"dois", "filter"}, "https://api.crossref.org"},
        {"openalex", {"author", "filter"}, "https://api.openalex.org"},
        {"arxiv", {"query"}, "https://export.arxiv.org"},
        {"dblp", {"pid"}, "https://dblp.org"},
        {"orcid", {"orcid"}, "https://pub.orcid.org"},
        {"greenhouse", {"board"}, "https://boards-api.greenhouse.io"},
        {"lever", {"company"}, "https://api.lever.co"},
        {"ashby", {"board"}, "https://api.ashbyhq.com"},
    };
    return all;
}

const SourceType* find_type(const std::string& name) {
    for (const SourceType& t : types())
        if (t.name == name) return &t;
    return nullptr;
}

// Percent-encodes a query value or path segment (RFC 3986 unreserved kept; `keep` too).
std::string encode(std::string_view text, std::string_view keep = "") {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (std::isalnum(b) || std::string_view("-._~").find(c) != std::string_view::npos || keep.find(c) != std::string_view::npos) out += c;
        else { out += '%'; out += hex[b >> 4]; out += hex[b & 15]; }
    }
    return out;
}

std::string setting(const SourceSpec& source, const char* key) {
    const auto it = source.settings.find(key);
    return it != source.settings.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Reads or fetches responses one at a time and prints their problems.
class SourceReader {
public:
    SourceReader(const SourceSpec& source, const FetchSettings& settings, SourceResult& result)
        : source_(source), settings_(settings), result_(result) {
        const SourceType* type = find_type(source.type);
        base_ = settings.api_base.empty() ? type->host : settings.api_base;
        while (!base_.empty() && base_.back() == '/') base_.pop_back();
    }

    const std::string& base() const { return base_; }
    IdAllocator& ids() { return ids_; }

    // The body at `path_and_query` under the API's base, or nullopt (the source failed).
    std::optional<std::pair<std::string, std::string>> get(const std::string& path_and_query, const std::vector<std::string>& headers = {}) {
        const std::string url = base_ + path_and_query;
        if (!settings_.client) {
            fail("fetching " + url + " needs the native pubview CLI built with libcurl; give the source saved responses in \"files\" instead");
            return std::nullopt;
        }
        // arXiv asks for three seconds between calls; a test server does not.
        if (source_.type == "arxiv" && settings_.api_base.empty() && requests_ > 0) std::this_thread::sleep_for(std::chrono::seconds(3));
        ++requests_;
        FetchResult fetched = fetch(*settings_.client, url, headers, settings_.retry,
                                    [&](const std::string& note) { std::cerr << "pubview sync: " << note << '\n'; });
        if (!fetched.ok) { fail(fetched.error); return std::nullopt; }
        return std::make_pair(url, std::move(fetched.body));
    }

    // Prints a page's problems and keeps its entries; false (the source failed) when it was unusable.
    bool take(const std::string& where, ApiPage& page) {
        for (const Problem& p : page.result.problems) {
            std::cerr << format_problem(where, p) << '\n';
            ++result_.problem_count;
        }
        if (!page.result.usable) { fail(where + " gave no usable answer"); return false; }
        for (Entry& e : page.result.bundle.entries) result_.bundle.entries.push_back(std::move(e));
        return true;
    }

    void fail(const std::string& why) {
        std::cerr << "pubview sync: " << source_.label << ": " << why << '\n';
        result_.failed = true;
    }

private:
    const SourceSpec& source_;
    const FetchSettings& settings_;
    SourceResult& result_;
    std::string base_;
    IdAllocator ids_;
    int requests_ = 0;
};

using PageImporter = ApiPage (*)(std::string_view, IdAllocator&);

PageImporter importer_of(const std::string& type) {
    if (type == "crossref") return import_crossref;
    if (type == "openalex") return import_openalex;
    if (type == "arxiv") return import_arxiv;
    if (type == "dblp") return import_dblp;
    if (type == "greenhouse") return import_greenhouse;
    if (type == "lever") return import_lever;
    if (type == "ashby") return import_ashby;
    return nullptr;
}

constexpr int kMaxPages = 500;  // a list longer than this is cut with a warning rather than followed for ever

void read_files(const SourceSpec& source, SourceReader& reader) {
    std::vector<std::string> bodies;
    for (const std::string& path : source.files) {
        std::optional<std::string> body = read_file(path);
        if (!body) { reader.fail("cannot read " + path); return; }
        bodies.push_back(std::move(*body));
    }
    if (source.type == "orcid") {
        ApiPage page = import_orcid(bodies.front(), std::vector<std::string>(bodies.begin() + 1, bodies.end()), reader.ids());
        reader.take(source.files.front(), page);
        return;
    }
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        ApiPage page = importer_of(source.type)(bodies[i], reader.ids());
        if (!reader.take(source.files[i], page)) return;
    }
}

// Follows a cursor (Crossref, OpenAlex) until a page has no items or no next
// cursor (Crossref may give the same cursor for every page).
void fetch_cursor_pages(SourceReader& reader, PageImporter importer, const std::function<std::string(const std::string&)>& page_path) {
    std::string cursor = "*";
    for (int n = 0; n < kMaxPages; ++n) {
        auto got = reader.get(page_path(cursor));
        if (!got) return;
        ApiPage page = importer(got->second, reader.ids());
        if (!reader.take(got->first, page) || page.items == 0 || page.next_cursor.empty()) return;
        cursor = page.next_cursor;
    }
    std::cerr << "pubview sync: more than " << kMaxPages << " pages; the rest is left out\n";
}

// Follows an offset (arXiv, Lever) until a page is short or the total is reached.
void fetch_offset_pages(SourceReader& reader, PageImporter importer, std::size_t limit,
                        const std::function<std::string(std::size_t)>& page_path) {
    std::size_t start = 0;
    for (int n = 0; n < kMaxPages; ++n) {
        auto got = reader.get(page_path(start));
        if (!got) return;
        ApiPage page = importer(got->second, reader.ids());
        if (!reader.take(got->first, page)) return;
        start += page.items;
        if (page.items < limit || (page.total && start >= page.total)) return;
    }
    std::cerr << "pubview sync: more than " << kMaxPages << " pages; the rest is left out\n";
}

void fetch_orcid(const SourceSpec& source, SourceReader& reader) {
    const std::string orcid = encode(setting(source, "orcid"));
    const std::vector<std::string> json_accept = {"Accept: application/json"};
    auto summary = reader.get("/v3.0/" + orcid + "/works", json_accept);
    if (!summary) return;
    // Details in bulk, at most 100 put-codes a request (the API's limit).
    const std::vector<std::string> codes = orcid_put_codes(summary->second);
    std::vector<std::string> details;
    for (std::size_t i = 0; i < codes.size(); i += 100) {
        std::string list;
        for (std::size_t k = i; k < std::min(codes.size(), i + 100); ++k) list += (list.empty() ? "" : ",") + encode(codes[k]);
        auto bulk = reader.get("/v3.0/" + orcid + "/works/" + list, json_accept);
        if (!bulk) return;
        details.push_back(std::move(bulk->second));
    }
    ApiPage page = import_orcid(summary->second, details, reader.ids());
    reader.take(summary->first, page);
}

void fetch_source(const SourceSpec& source, const FetchSettings& settings, SourceReader& reader) {
    const std::string mailto = settings.contact.empty() ? "" : "&mailto=" + encode(settings.contact);
    const std::string& type = source.type;
    if (type == "crossref" && source.settings.contains("dois")) {
        for (const json& doi : source.settings["dois"]) {
            auto got = reader.get("/works/" + encode(doi.get<std::string>(), "/") + (mailto.empty() ? "" : "?" + mailto.substr(1)));
            if (!got) return;
            ApiPage page = import_crossref(got->second, reader.ids());
            if (!reader.take(got->first, page)) return;
        }
    } else if (type == "crossref") {
        fetch_cursor_pages(reader, import_crossref, [&](const std::string& cursor) {
            return "/works?filter=" + encode(setting(source, "filter"), ":,") + "&rows=100&cursor=" + encode(cursor) + mailto;
        });
    } else if (type == "openalex") {
        const std::string filter = source.settings.contains("author") ? "author.id:" + setting(source, "author") : setting(source, "filter");
        fetch_cursor_pages(reader, import_openalex, [&](const std::string& cursor) {
            return "/works?filter=" + encode(filter, ":,|") + "&per-page=100&cursor=" + encode(cursor) + mailto;
        });
    } else if (type == "arxiv") {
        fetch_offset_pages(reader, import_arxiv, 100, [&](std::size_t start) {
            return "/api/query?search_query=" + encode(setting(source, "query"), ":") + "&start=" + std::to_string(start) +
                   "&max_results=100&sortBy=submittedDate&sortOrder=descending";
        });
    } else if (type == "lever") {
        fetch_offset_pages(reader, import_lever, 100, [&](std::size_t skip) {
            return "/v0/postings/" + encode(setting(source, "company")) + "?mode=json&skip=" + std::to_string(skip) + "&limit=100";
        });
    } else if (type == "orcid") {
        fetch_orcid(source, reader);
    } else {
        const std::string path = type == "dblp"         ? "/pid/" + encode(setting(source, "pid"), "/") + ".xml"
                                 : type == "greenhouse" ? "/v1/boards/" + encode(setting(source, "board")) + "/jobs?content=true"
                                                        : "/posting-api/job-board/" + encode(setting(source, "board"));
        auto got = reader.get(path);
        if (!got) return;
        ApiPage page = importer_of(type)(got->second, reader.ids());
        reader.take(got->first, page);
    }
}

}  // namespace

const std::vector<std::string>& source_types() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const SourceType& t : types()) n.push_back(t.name);
        return n;
    }();
    return names;
}

std::vector<SourceSpec> read_sources(const json& config, const std::string& config_dir, std::vector<std::string>& errors) {
    std::vector<SourceSpec> sources;
    const auto list = config.find("sources");
    if (list == config.end() || !list->is_array()) {
        errors.push_back("/sources: expected an array of sources");
        return sources;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::string where = "/sources/" + std::to_string(i);
        const SourceType* type = item.is_object() && item.contains("type") && item["type"].is_string() ? find_type(item["type"].get<std::string>()) : nullptr;
        if (!type) {
            std::string known;
            for (const std::string& n : source_types()) known += (known.empty() ? "" : ", ") + n;
            errors.push_back(where + "/type: expected one of " + known);
            continue;
        }
        SourceSpec spec{type->name, item, {}, "sources[" + std::to_string(i) + "] (" + type->name + ")"};
        if (const auto files = item.find("files"); files != item.end()) {
            if (!files->is_array() || files->empty() || !std::all_of(files->begin(), files->end(), [](const json& f) { return f.is_string(); })) {
                errors.push_back(where + "/files: expected a non-empty array of file names");
                continue;
            }
            for (const json& f : *files) {
                const std::string path = f.get<std::string>();
                spec.files.push_back(path.starts_with("/") || config_dir.empty() ? path : config_dir + "/" + path);
            }
        } else {
            const auto has = [&](const std::string& key) {
                const auto v = item.find(key);
                if (v == item.end()) return false;
                if (key == "dois") return v->is_array() && !v->empty() && std::all_of(v->begin(), v->end(), [](const json& d) { return d.is_string(); });
                return v->is_string() && !v->get<std::string>().empty();
            };
            if (std::none_of(type->keys.begin(), type->keys.end(), has)) {
                std::string keys;
                for (const std::string& k : type->keys) keys += (keys.empty() ? "\"" : " or \"") + k + "\"";
                errors.push_back(where + ": a " + type->name + " source needs " + keys + (type->keys.front() == "dois" ? " (an array of DOIs)" : "") + ", or saved responses in \"files\"");
                continue;
            }
        }
        sources.push_back(std::move(spec));
    }
    return sources;
}

SourceResult run_source(const SourceSpec& source, const FetchSettings& settings) {
    SourceResult result;
    SourceReader reader(source, settings, result);
    if (!source.files.empty()) read_files(source, reader);
    else fetch_source(source, settings, reader);
    return result;
}

}  // namespace pv::cli
