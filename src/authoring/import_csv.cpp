#include "authoring/import_csv.h"

#include <algorithm>
#include <cctype>

namespace pv {

namespace {

std::string lower_trimmed(std::string_view text) { return lower_ascii(trim(text)); }

// Reads records one cell at a time; `at_` is an offset into the normalised text.
class CsvReader {
public:
    CsvReader(std::string_view text, std::vector<Problem>& problems) : text_(text), problems_(problems) {}

    std::vector<CsvRow> read() {
        std::vector<CsvRow> rows;
        while (at_ < text_.size()) {
            const std::size_t record_start = at_;
            const int record_line = line_;
            CsvRow row{record_line, {}};
            if (read_record(row.cells)) {
                const bool blank = row.cells.size() == 1 && row.cells[0].empty();
                if (!blank) rows.push_back(std::move(row));
                continue;
            }
            problems_.push_back(error_at(record_line, "unterminated quoted cell; the row is skipped"));
            // Go on after the line where the broken record began.
            const std::size_t end_of_line = text_.find('\n', record_start);
            at_ = end_of_line == std::string_view::npos ? text_.size() : end_of_line + 1;
            line_ = record_line + 1;
        }
        return rows;
    }

private:
    // Reads up to and including the record's line break. False on an unterminated quote.
    bool read_record(std::vector<std::string>& cells) {
        while (true) {
            std::string cell;
            if (at_ < text_.size() && text_[at_] == '"') {
                if (!read_quoted(cell)) return false;
            }
            // Unquoted text, or what follows a closing quote, up to the separator.
            while (at_ < text_.size() && text_[at_] != ',' && text_[at_] != '\n') cell += text_[at_++];
            cells.push_back(std::move(cell));
            if (at_ >= text_.size()) return true;
            if (text_[at_++] == '\n') { ++line_; return true; }
        }
    }

    bool read_quoted(std::string& cell) {
        ++at_;
        while (at_ < text_.size()) {
            const char c = text_[at_++];
            if (c == '"') {
                if (at_ < text_.size() && text_[at_] == '"') { cell += '"'; ++at_; continue; }
                return true;
            }
            if (c == '\n') ++line_;
            cell += c;
        }
        return false;
    }

    std::string_view text_;
    std::vector<Problem>& problems_;
    std::size_t at_ = 0;
    int line_ = 1;
};

bool parse_whole_number(std::string_view text, int& value) {
    if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return false;
    value = std::stoi(std::string(text));
    return true;
}

// Puts one cell's value into its field. A value the field cannot hold (a
// year that is no number) is left out with a warning.
void set_field(Entry& e, std::string_view field, const std::string& value, int line, std::vector<Problem>& problems) {
    auto bad = [&](const char* what) {
        problems.push_back(warning_at(line, std::string(field) + " \"" + value + "\" is not " + what + "; left out"));
    };
    int number = 0;
    if (field == "id") e.id = value;
    else if (field == "title") e.title = value;
    else if (field == "abstract" || field == "description") e.body = value;
    else if (field == "authors") e.authors = split_list(value, ';');
    else if (field == "tags") e.tags = split_list(value, ';');
    else if (field == "venue") e.venue = value;
    else if (field == "url") { if (is_safe_url(value, LinkSchemes::web)) e.url = value; else if (!value.empty()) bad("an http(s) link"); }
    else if (field == "doi") e.doi = value;
    else if (field == "arxiv") e.arxiv = value;
    else if (field == "award") e.award = value;
    else if (field == "team") e.edit_job().team = value;
    else if (field == "country") e.edit_job().location.country = value;
    else if (field == "region") e.edit_job().location.region = value;
    else if (field == "city") e.edit_job().location.city = value;
    else if (field == "year") { if (parse_whole_number(value, number)) e.year = number; else bad("a year"); }
    else if (field == "rank") { if (parse_whole_number(value, number) && number > 0) e.rank = number; else bad("a rank"); }
    else if (field == "abstract_truncated") {
        const std::string flag = lower_trimmed(value);
        if (flag == "true" || flag == "yes" || flag == "1") e.abstract_truncated = true;
        else if (flag != "false" && flag != "no" && flag != "0") bad("true or false");
    }
}

const std::vector<std::string_view>& csv_fields(Kind kind) {
    static const std::vector<std::string_view> publication = {
        "id", "title", "abstract", "authors", "venue", "year", "tags", "url", "doi", "arxiv", "award", "rank", "abstract_truncated"};
    static const std::vector<std::string_view> job = {"id", "title", "description", "team", "url", "tags", "country", "region", "city"};
    return kind == Kind::job ? job : publication;
}

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, std::vector<Problem>& problems) {
    const std::string normalized = normalize_text_file(text);
    return CsvReader(normalized, problems).read();
}

ImportResult import_csv(std::string_view csv_text, const CsvImportOptions& options) {
    ImportResult result;
    std::vector<CsvRow> rows = parse_csv(csv_text, result.problems);
    if (rows.empty()) {
        result.problems.push_back(error_at(1, "no header row: the file is empty"));
        return result;
    }
    const std::vector<std::string_view>& fields = csv_fields(options.kind);
    std::map<std::string, std::string> overrides;
    for (const auto& [column, field] : options.column_fields) {
        if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
            result.problems.push_back(error_at(0, "--map " + column + "=" + field + ": a " + kind_name(options.kind) +
                                                      " has no field \"" + field + "\""));
            return result;
        }
        overrides[lower_trimmed(column)] = field;
    }

    // Which field each column fills; empty for a column that fills none.
    const CsvRow& header = rows.front();
    std::vector<std::string> column_field;
    for (const std::string& name : header.cells) {
        const std::string key = lower_trimmed(name);
        std::string field;
        if (auto it = overrides.find(key); it != overrides.end()) field = it->second;
        else if (std::find(fields.begin(), fields.end(), key) != fields.end()) field = key;
        else result.problems.push_back(warning_at(header.line, "column \"" + name + "\" matches no " + kind_name(options.kind) +
                                                                   " field; its values are left out (use --map \"" + name + "=FIELD\")"));
        column_field.push_back(std::move(field));
    }
    if (std::find(column_field.begin(), column_field.end(), "title") == column_field.end()) {
        result.problems.push_back(error_at(header.line, "no title column in the header"));
        return result;
    }

    result.usable = true;
    IdAllocator ids;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        if (row.cells.size() != header.cells.size()) {
            result.problems.push_back(error_at(row.line, "row has " + std::to_string(row.cells.size()) + " cells, the header " +
                                                             std::to_string(header.cells.size()) + "; the row is skipped"));
            continue;
        }
        Entry e;
        e.kind = options.kind;
        for (std::size_t c = 0; c < row.cells.size(); ++c)
            if (!column_field[c].empty()) set_field(e, column_field[c], std::string(trim(row.cells[c])), row.line, result.problems);
        std::string missing;
        if (e.title.empty()) missing = "title";
        else if (e.kind == Kind::job && e.body.empty()) missing = "description";
        else if (e.kind == Kind::job && e.edit_job().location.empty()) missing = "country, region or city";
        if (!missing.empty()) {
            result.problems.push_back(error_at(row.line, "row has no " + missing + "; the row is skipped"));
            continue;
        }
        const std::string wanted = e.id.empty() ? (e.kind == Kind::job ? job_id_base(e) : publication_id_base(e)) : e.id;
        e.id = ids.claim(wanted, kind_name(e.kind));
        if (e.id != wanted) result.problems.push_back(warning_at(row.line, "id \"" + wanted + "\" used before; this row is \"" + e.id + "\""));
        result.bundle.entries.push_back(std::move(e));
    }
    result.sort_problems();
    return result;
}

}  // namespace pv
