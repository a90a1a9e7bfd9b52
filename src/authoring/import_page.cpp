#include "authoring/import_page.h"

#include "authoring/import_common.h"
#include "authoring/job_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace pv {

namespace {

using nlohmann::json;

// ---- facts -----------------------------------------------------------------

std::string string_field(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<int> int_field(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<int>();
}

// ---- page lines --------------------------------------------------------------

struct Line {
    int number = 0;          // 1-based, in the original text
    std::string_view text;   // trimmed
};

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && equals_ignoring_case(text.substr(text.size() - suffix.size()), suffix);
}

// "  3. Amazon DynamoDB is ..." -> rank 3, rest "Amazon DynamoDB is ...".
bool parse_numbered_item(std::string_view line, int& rank, std::string_view& rest) {
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits == 0 || digits > 4 || digits >= line.size() || line[digits] != '.') return false;
    if (digits + 1 < line.size() && line[digits + 1] != ' ') return false;
    rank = std::stoi(std::string(line.substr(0, digits)));
    rest = trim(line.substr(digits + 1));
    return true;
}

bool is_upper_code(std::string_view part, std::size_t max_size) {
    return !part.empty() && part.size() <= max_size && std::all_of(part.begin(), part.end(), [](char c) {
               return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
           });
}

// "US, WA, Seattle", "IN, KA, Bengaluru", "DE, Berlin", "GB": a two-letter
// country code, then an optional short upper-case region, then a city.
bool parse_location(std::string_view line, Location& location) {
    const std::vector<std::string> parts = split_list(line, ',');
    if (parts.empty() || parts.size() > 3 || line.size() > 60) return false;
    if (parts[0].size() != 2 || !is_upper_code(parts[0], 2)) return false;
    Location parsed{parts[0], "", ""};
    if (parts.size() == 3) {
        if (!is_upper_code(parts[1], 3)) return false;
        parsed.region = parts[1];
        parsed.city = parts[2];
    } else if (parts.size() == 2) {
        (is_upper_code(parts[1], 3) ? parsed.region : parsed.city) = parts[1];
    }
    if (!parsed.city.empty() && !std::isupper(static_cast<unsigned char>(parsed.city[0]))) return false;
    location = std::move(parsed);
    return true;
}

bool is_related_marker(std::string_view line) { return equals_ignoring_case(line, "Related content"); }

// "Read and download the paper", "Read the rest of the abstract and download the paper".
bool is_read_marker(std::string_view line) {
    return starts_with_ignoring_case(line, "Read ") && ends_with_ignoring_case(line, " paper") && line.size() < 80;
}

bool marks_truncated_abstract(std::string_view read_marker) {
    return read_marker.find("rest of the abstract") != std::string_view::npos;
}

// Paragraphs of one item: lines that follow each other form one paragraph
// (joined with a space, for hard-wrapped text); a blank line ends it.
class Paragraphs {
public:
    void add_line(std::string_view line) {
        if (open_) paragraphs_.back() += ' ';
        else paragraphs_.emplace_back();
        paragraphs_.back() += line;
        open_ = true;
    }
    void end_paragraph() { open_ = false; }
    bool empty() const { return paragraphs_.empty(); }
    std::string joined() const {
        std::string out;
        for (const std::string& p : paragraphs_) {
            if (!out.empty()) out += "\n\n";
            out += p;
        }
        return out;
    }

private:
    std::vector<std::string> paragraphs_;
    bool open_ = false;
};

struct PagePublication {
    int line = 0;
    int rank = 0;
    Paragraphs abstract;
    std::vector<Related> related;
    bool truncated = false;
};

struct PageJob {
    int line = 0;
    Location location;
    Paragraphs description;
};

}  // namespace

std::optional<PageFacts> parse_page_facts(std::string_view json_text, std::vector<Problem>& problems) {
    const json document = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object()) {
        problems.push_back({Severity::error, "", "the facts file is not a JSON object", 0, 0});
        return std::nullopt;
    }
    PageFacts facts;
    if (auto article = document.find("article"); article != document.end() && article->is_object())
        facts.article_url = string_field(*article, "url");
    auto list = document.find("publications");
    if (list == document.end() || !list->is_array()) {
        problems.push_back({Severity::error, "/publications", "the facts file has no \"publications\" array", 0, 0});
        return std::nullopt;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& item = (*list)[i];
        const std::optional<int> rank = item.is_object() ? int_field(item, "rank") : std::nullopt;
        if (!rank) {
            problems.push_back({Severity::warning, "/publications/" + std::to_string(i), "no \"rank\"; these facts are not used", 0, 0});
            continue;
        }
        PublicationFacts pub;
        pub.rank = *rank;
        pub.title = string_field(item, "title");
        pub.venue = string_field(item, "venue");
        pub.year = int_field(item, "year");
        pub.doi = string_field(item, "doi");
        pub.arxiv = string_field(item, "arxiv");
        pub.url = string_field(item, "url");
        pub.award = string_field(item, "award");
        if (auto authors = item.find("authors"); authors != item.end() && authors->is_array())
            for (const json& author : *authors)
                if (author.is_string()) pub.authors.push_back(author.get<std::string>());
        facts.publications.push_back(std::move(pub));
    }
    return facts;
}

namespace {

// What the page holds, in page order, before it becomes entries.
struct PageContent {
    std::string heading;
    int heading_line = 0;
    Paragraphs intro;
    std::vector<PagePublication> publications;
    std::vector<PageJob> jobs;
};

// Reads the page line by line. Every line is either structure (the heading,
// a list number, a location line, a "Related content" or "Read ... paper"
// marker) or text that belongs to the item being read; text outside any
// item is reported, never dropped silently.
class PageReader {
public:
    explicit PageReader(std::string_view text) : text_(normalize_text_file(text)) {
        std::string_view rest = text_;
        int number = 0;
        while (true) {
            const auto end = rest.find('\n');
            lines_.push_back({++number, trim(rest.substr(0, end))});
            if (end == std::string_view::npos) break;
            rest.remove_prefix(end + 1);
        }
    }

    PageContent read(std::vector<Problem>& problems) {
        problems_ = &problems;
        std::size_t i = 0;
        for (; i < lines_.size(); ++i) {
            const Line& line = lines_[i];
            if (line.text.empty()) { page_.intro.end_paragraph(); continue; }
            if (is_item_start(line.text)) break;
            if (page_.heading.empty()) { page_.heading = std::string(line.text); page_.heading_line = line.number; }
            else page_.intro.add_line(line.text);
        }
        for (; i < lines_.size(); ++i) i = read_line(i);
        finish_item();
        return std::move(page_);
    }

private:
    bool is_item_start(std::string_view text) const {
        int rank = 0;
        std::string_view rest;
        Location location;
        return parse_numbered_item(text, rank, rest) || parse_location(text, location);
    }

    std::size_t next_text_line(std::size_t i) const {
        while (i < lines_.size() && lines_[i].text.empty()) ++i;
        return i;
    }

    // Reads line i and returns the index of the last line it consumed.
    std::size_t read_line(std::size_t i) {
        const Line& line = lines_[i];
        int rank = 0;
        std::string_view rest;
        Location location;
        if (line.text.empty()) {
            if (current_pub_) page_.publications.back().abstract.end_paragraph();
            if (current_job_) page_.jobs.back().description.end_paragraph();
        } else if (parse_numbered_item(line.text, rank, rest)) {
            finish_item();
            page_.publications.push_back({line.number, rank, {}, {}, false});
            if (!rest.empty()) page_.publications.back().abstract.add_line(rest);
            current_pub_ = true;
        } else if (parse_location(line.text, location)) {
            finish_item();
            page_.jobs.push_back({line.number, std::move(location), {}});
            current_job_ = true;
        } else if (is_related_marker(line.text)) {
            return read_related(i);
        } else if (is_read_marker(line.text)) {
            if (current_pub_) {
                page_.publications.back().truncated = marks_truncated_abstract(line.text);
                finish_item();
            } else {
                problems_->push_back(warning_at(line.number, "a \"Read ... paper\" line outside any publication"));
            }
        } else if (current_pub_) {
            page_.publications.back().abstract.add_line(line.text);
        } else if (current_job_) {
            page_.jobs.back().description.add_line(line.text);
        } else {
            problems_->push_back(warning_at(line.number, "text outside any publication or job, not imported: \"" +
                                                             std::string(line.text.substr(0, 60)) + "\""));
        }
        return i;
    }

    // Inside a publication, "Related content" introduces a one-line blurb;
    // elsewhere (or when jobs follow) it is the heading of the jobs section.
    std::size_t read_related(std::size_t i) {
        const std::size_t next = next_text_line(i + 1);
        const bool blurb_follows = current_pub_ && next < lines_.size() && !is_item_start(lines_[next].text) &&
                                   !is_read_marker(lines_[next].text) && !is_related_marker(lines_[next].text);
        Location location;
        const bool jobs_follow = next < lines_.size() && parse_location(lines_[next].text, location);
        if (!blurb_follows) {
            if (current_pub_ && !jobs_follow)
                problems_->push_back(warning_at(lines_[i].number, "\"Related content\" with no blurb after it"));
            finish_item();
            return i;
        }
        PagePublication& pub = page_.publications.back();
        pub.abstract.end_paragraph();
        pub.related.push_back({"", std::string(lines_[next].text), ""});
        return next;
    }

    void finish_item() {
        current_pub_ = false;
        current_job_ = false;
    }

    std::string text_;
    std::vector<Line> lines_;
    PageContent page_;
    std::vector<Problem>* problems_ = nullptr;
    bool current_pub_ = false;
    bool current_job_ = false;
};

const PublicationFacts* facts_for_rank(const PageFacts* facts, int rank) {
    if (!facts) return nullptr;
    for (const PublicationFacts& pub : facts->publications)
        if (pub.rank == rank) return &pub;
    return nullptr;
}

Entry make_publication(const PagePublication& page, const PublicationFacts* facts, IdAllocator& ids,
                       std::vector<Problem>& problems) {
    Entry e;
    e.kind = Kind::publication;
    e.body = page.abstract.joined();
    e.rank = page.rank;
    e.abstract_truncated = page.truncated;
    e.related = page.related;
    if (facts) {
        e.title = facts->title;
        e.authors = facts->authors;
        e.venue = facts->venue;
        e.year = facts->year;
        e.doi = facts->doi;
        e.arxiv = facts->arxiv;
        e.url = facts->url;
        e.award = facts->award;
    }
    if (e.title.empty()) {
        e.title = short_title(e.body);
        if (facts)
            problems.push_back(warning_at(page.line, "publication " + std::to_string(page.rank) +
                                                         " has no title in the facts; titled from its abstract"));
    }
    // Without facts the title is made up from the abstract, and so is the id.
    e.id = ids.claim(facts ? publication_id_base(e) : slugify(e.body, 4), "publication");
    return e;
}

Entry make_job(const PageJob& page, IdAllocator& ids) {
    Entry e;
    e.kind = Kind::job;
    e.edit_job().location = page.location;
    const std::string description = page.description.joined();
    e.body = format_job_description(description);
    // Title rule: "<role>, <team>" when the posting names a role ("Applied
    // Scientist, Fire TV Channels"), just the role when it names no team, and
    // the first words of its first sentence when it names no role.
    const JobHeadline headline = find_job_headline(description);
    e.edit_job().team = headline.team;
    if (headline.role.empty()) e.title = short_title(description, 6);
    else e.title = headline.team.empty() ? headline.role : headline.role + ", " + headline.team;
    e.id = ids.claim(job_id_base(e), "job");
    return e;
}

}  // namespace

ImportResult import_page(std::string_view page_text, const PageImportOptions& options) {
    ImportResult result;
    const PageContent page = PageReader(page_text).read(result.problems);
    if (page.publications.empty() && page.jobs.empty()) {
        result.problems.push_back(error_at(page.heading_line,
                                           "no numbered publications and no job location lines (\"US, WA, Seattle\") "
                                           "found: this does not look like a publications page"));
        return result;
    }
    result.usable = true;
    Bundle& bundle = result.bundle;
    bundle.title = page.heading;
    bundle.description = page.intro.joined();
    bundle.source.name = options.source_name;
    if (options.facts) bundle.source.url = options.facts->article_url;

    IdAllocator ids;
    std::map<int, int> rank_lines;
    for (const PagePublication& publication : page.publications) {
        if (publication.abstract.empty()) {
            result.problems.push_back(warning_at(
                publication.line, "publication " + std::to_string(publication.rank) + " has no abstract; not imported"));
            continue;
        }
        if (auto [at, fresh] = rank_lines.emplace(publication.rank, publication.line); !fresh)
            result.problems.push_back(warning_at(publication.line, "rank " + std::to_string(publication.rank) +
                                                                       " already used at line " + std::to_string(at->second)));
        const PublicationFacts* facts = facts_for_rank(options.facts, publication.rank);
        if (options.facts && !facts)
            result.problems.push_back(warning_at(publication.line, "no facts for rank " + std::to_string(publication.rank)));
        bundle.entries.push_back(make_publication(publication, facts, ids, result.problems));
    }
    if (options.facts)
        for (const PublicationFacts& facts : options.facts->publications)
            if (rank_lines.count(facts.rank) == 0)
                result.problems.push_back(warning_at(0, "the facts for rank " + std::to_string(facts.rank) + " (\"" +
                                                            facts.title + "\") match no publication on the page"));
    for (const PageJob& job : page.jobs) {
        if (job.description.empty()) {
            result.problems.push_back(warning_at(job.line, "job location line with no description; not imported"));
            continue;
        }
        bundle.entries.push_back(make_job(job, ids));
    }
    return result;
}

}  // namespace pv
