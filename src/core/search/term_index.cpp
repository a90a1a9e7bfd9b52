#include "core/search/term_index.h"

#include "core/formats/pack_io.h"
#include "core/text/text.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

namespace pv::detail {
namespace {

// A set of the characters in a term, hashed to 32 bits. One edit adds at most
// one bucket and removes at most one, so terms within d edits differ in at most
// 2d buckets. Non-ASCII bytes share a bucket: a changed multibyte character
// then changes no bucket, which keeps the test sound.
std::uint32_t character_mask(std::string_view term) {
    std::uint32_t mask = 0;
    for (char ch : term) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 'a' && c <= 'z') mask |= 1u << (c - 'a');
        else if (c >= '0' && c <= '9') mask |= 1u << (26 + (c - '0') % 5);
        else mask |= 1u << 31;
    }
    return mask;
}

void append_varint(std::vector<std::uint8_t>& out, std::uint32_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(value | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(value));
}

// Reads one varint of at most 5 bytes at `at`, checked against `end`; false
// when the bytes end first or it runs longer. Most are one byte: no loop.
bool read_checked_varint(const std::uint8_t*& at, const std::uint8_t* end, std::uint64_t& value) {
    if (at < end && *at < 0x80) {
        value = *at++;
        return true;
    }
    value = 0;
    for (int shift = 0;; shift += 7) {
        if (at == end || shift > 28) return false;
        const std::uint8_t byte = *at++;
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return true;
    }
}

// A sharded bundle's vocabulary is fetched before a first query can run, so it
// is written compactly: offsets as the varint gaps between them, frequencies
// as varints (at 100,000 entries 123 KB gzipped where plain arrays were 238 KB).
std::vector<std::uint8_t> varints(const std::vector<std::uint32_t>& values, bool gaps) {
    std::vector<std::uint8_t> out;
    for (std::size_t i = gaps ? 1 : 0; i < values.size(); ++i) append_varint(out, gaps ? values[i] - values[i - 1] : values[i]);
    return out;
}

// A table of `columns` columns laid out row by row, laid out column by column
// (a pack keeps field lengths entry by entry; the index, field by field). One
// whose size is no multiple of `columns` is left as it is, for the check to refuse.
std::vector<std::uint16_t> transposed(const std::vector<std::uint16_t>& table, std::size_t columns) {
    if (columns == 0 || table.size() % columns != 0) return table;
    const std::size_t rows = table.size() / columns;
    std::vector<std::uint16_t> out(table.size());
    for (std::size_t row = 0; row < rows; ++row)
        for (std::size_t column = 0; column < columns; ++column) out[column * rows + row] = table[row * columns + column];
    return out;
}

// The `count` varints of `bytes` (as prefix sums from 0 when `gaps`, count + 1
// of them); false when the bytes hold another number of varints or a sum passes 32 bits.
bool read_varints(const std::vector<std::uint8_t>& bytes, std::size_t count, bool gaps, std::vector<std::uint32_t>& values) {
    values.clear();
    values.reserve(count + (gaps ? 1 : 0));
    if (gaps) values.push_back(0);
    std::uint64_t sum = 0;
    const std::uint8_t* at = bytes.data();
    const std::uint8_t* end = at + bytes.size();
    for (std::size_t i = 0; i < count; ++i) {
        std::uint64_t value = 0;
        if (!read_checked_varint(at, end, value)) return false;
        sum = gaps ? sum + value : value;
        if (sum > UINT32_MAX) return false;
        values.push_back(static_cast<std::uint32_t>(sum));
    }
    return at == end;
}

// Postings of one term while the index is being built.
struct PostingsBuilder {
    std::vector<std::uint8_t> bytes;
    std::uint32_t last_entry = 0;
    std::uint32_t entries = 0;

    void add(std::uint32_t entry, TextField field, std::uint32_t frequency) {
        if (entries == 0 || entry != last_entry) ++entries;
        append_varint(bytes, entry - last_entry);
        last_entry = entry;
        auto saturated = static_cast<std::uint8_t>(std::min<std::uint32_t>(frequency, TermIndex::kMaxFrequency));
        bytes.push_back(static_cast<std::uint8_t>(static_cast<std::uint8_t>(field) << 4 | saturated));
    }
};

// The distinct terms met while building, each with a dense id in order of
// first appearance: an open-addressing table of ids over one arena of term
// bytes. It replaced an unordered_map<std::string, id>, whose node walks were
// a third of a large bundle's load time (bench/RESULTS.md).
class TermTable {
public:
    TermTable() : slots_(1u << 16, 0) {}

    // The id of `term`, added if it is new.
    std::uint32_t intern(std::string_view term) {
        const std::uint32_t hash = hash_of(term);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            const std::uint64_t slot = slots_[at];
            if (slot == 0) {
                const auto id = static_cast<std::uint32_t>(offsets_.size());
                offsets_.push_back(static_cast<std::uint32_t>(arena_.size()));
                arena_.append(term);
                slots_[at] = static_cast<std::uint64_t>(hash) << 32 | (id + 1);
                if (2 * offsets_.size() > slots_.size()) grow();
                return id;
            }
            const auto id = static_cast<std::uint32_t>(slot & 0xFFFFFFFFu) - 1;
            if (static_cast<std::uint32_t>(slot >> 32) == hash && this->term(id) == term) return id;
        }
    }

    std::size_t size() const { return offsets_.size(); }
    std::string_view term(std::uint32_t id) const {
        const std::uint32_t end = id + 1 < offsets_.size() ? offsets_[id + 1] : static_cast<std::uint32_t>(arena_.size());
        return std::string_view(arena_).substr(offsets_[id], end - offsets_[id]);
    }

private:
    static std::uint32_t hash_of(std::string_view term) {
        std::uint64_t h = 14695981039346656037ull;  // FNV-1a
        for (char c : term) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }

    void grow() {
        std::vector<std::uint64_t> old(slots_.size() * 2, 0);
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (std::uint64_t slot : old) {
            if (slot == 0) continue;
            std::size_t at = (slot >> 32) & mask;
            while (slots_[at] != 0) at = (at + 1) & mask;
            slots_[at] = slot;
        }
    }

    std::vector<std::uint64_t> slots_;  // hash << 32 | (id + 1); 0 is empty
    std::string arena_;
    std::vector<std::uint32_t> offsets_;
};

// Term ids in the bytewise order of their terms: a counting sort by the first
// two bytes, then a sort of each bucket. The same order as one std::sort over
// all terms, in pieces small enough to report progress between them.
std::vector<std::uint32_t> sorted_term_ids(const TermTable& terms, const ProgressHook& progress, std::size_t entries) {
    // 0 for the empty term, then one key per first byte (shorter terms first)
    // and second byte: bytewise order of the keys is bytewise order of the terms.
    auto key_of = [&](std::uint32_t id) -> std::size_t {
        const std::string_view t = terms.term(id);
        if (t.empty()) return 0;
        const auto first = static_cast<unsigned char>(t[0]);
        return 1 + first * 257u + (t.size() > 1 ? 1u + static_cast<unsigned char>(t[1]) : 0u);
    };
    constexpr std::size_t kKeys = 1 + 256 * 257;
    const auto count = static_cast<std::uint32_t>(terms.size());
    std::vector<std::uint32_t> starts(kKeys + 1, 0);
    for (std::uint32_t id = 0; id < count; ++id) ++starts[key_of(id) + 1];
    std::partial_sum(starts.begin(), starts.end(), starts.begin());
    std::vector<std::uint32_t> order(count);
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    for (std::uint32_t id = 0; id < count; ++id) order[next[key_of(id)]++] = id;
    auto before = [&](std::uint32_t a, std::uint32_t b) { return terms.term(a) < terms.term(b); };
    std::size_t sorted_since_report = 0;
    for (std::size_t key = 0; key < kKeys; ++key) {
        const std::uint32_t first = starts[key];
        const std::uint32_t last = starts[key + 1];
        std::sort(order.begin() + first, order.begin() + last, before);
        sorted_since_report += last - first;
        if (sorted_since_report >= 8192) {
            report(progress, WorkStage::indexing, entries, entries);
            sorted_since_report = 0;
        }
    }
    return order;
}

struct TermOccurrence {
    std::uint32_t term = 0;  // builder id
    TextField field = TextField::title;
    bool operator<(const TermOccurrence& o) const { return term != o.term ? term < o.term : field < o.field; }
    bool operator==(const TermOccurrence& o) const { return term == o.term && field == o.field; }
};

// How many terms a check goes through between progress reports.
constexpr std::uint32_t kTermsPerTick = 1u << 15;

}  // namespace

std::string author_word_pair(std::string_view first, std::string_view second) {
    std::string pair;
    pair.reserve(first.size() + 1 + second.size());
    pair.append(first).append(1, kAuthorPairSeparator).append(second);
    return pair;
}

template <class Tick>
void TermIndex::build_length_tables(Tick&& tick) {
    character_masks_.resize(term_count());
    for (std::uint32_t id = 0; id < term_count(); ++id) {
        character_masks_[id] = character_mask(term(id));
        if (id % kTermsPerTick == 0) tick();
    }
    // Term ids by length, in id order within a length (a counting sort).
    std::vector<std::uint32_t> lengths(term_count());
    for (std::uint32_t id = 0; id < term_count(); ++id) {
        lengths[id] = static_cast<std::uint32_t>(text::code_point_count(term(id)));
        if (id % kTermsPerTick == 0) tick();
    }
    const std::uint32_t longest = lengths.empty() ? 0 : *std::max_element(lengths.begin(), lengths.end());
    length_starts_.assign(longest + 2, 0);
    for (std::uint32_t length : lengths) ++length_starts_[length + 1];
    std::partial_sum(length_starts_.begin(), length_starts_.end(), length_starts_.begin());
    terms_by_length_.resize(term_count());
    std::vector<std::uint32_t> next(length_starts_.begin(), length_starts_.end() - 1);
    for (std::uint32_t id = 0; id < term_count(); ++id) terms_by_length_[next[lengths[id]]++] = id;
}

TermIndex::TermIndex(const Bundle& bundle, const ProgressHook& progress) : entry_count_(bundle.entries.size()) {
    TermTable terms;
    std::vector<PostingsBuilder> builders;
    std::vector<TermOccurrence> occurrences;
    field_lengths_.assign(lay_out_lengths(true), 0);
    double length_sums[kTextFieldCount] = {};

    for (std::uint32_t entry = 0; entry < entry_count_; ++entry) {
        occurrences.clear();
        std::uint32_t lengths[kTextFieldCount] = {};
        auto occur = [&](std::string_view term, TextField field) {
            const std::uint32_t id = terms.intern(term);
            if (id == builders.size()) builders.emplace_back();
            occurrences.push_back({id, field});
        };
        for_each_field_text(bundle.entries[entry], [&](TextField field, std::string_view text) {
            std::string previous_part;
            for (text::Token& token : text::tokenize(text)) {
                if (token.role == text::TokenRole::part) {
                    ++lengths[static_cast<std::size_t>(field)];
                    if (field == TextField::authors && !previous_part.empty()) occur(author_word_pair(previous_part, token.term), field);
                    previous_part = token.term;
                }
                occur(token.term, field);
            }
        });
        std::sort(occurrences.begin(), occurrences.end());
        for (std::size_t i = 0; i < occurrences.size();) {
            std::size_t j = i;
            while (j < occurrences.size() && occurrences[j] == occurrences[i]) ++j;
            builders[occurrences[i].term].add(entry, occurrences[i].field, static_cast<std::uint32_t>(j - i));
            i = j;
        }
        for (std::size_t f = 0; f < kTextFieldCount; ++f) {
            field_lengths_[f * entry_count_ + entry] = static_cast<std::uint16_t>(std::min<std::uint32_t>(lengths[f], 0xFFFF));
            length_sums[f] += lengths[f];
        }
        if (entry % 64 == 63) report(progress, WorkStage::indexing, entry + 1, entry_count_);
    }
    for (std::size_t f = 0; f < kTextFieldCount; ++f)
        average_field_length_[f] = entry_count_ ? static_cast<float>(length_sums[f] / entry_count_) : 0.0f;
    report(progress, WorkStage::indexing, entry_count_, entry_count_);

    // Lay the terms out in sorted order, so that a prefix is a contiguous range.
    const std::vector<std::uint32_t> order = sorted_term_ids(terms, progress, entry_count_);
    std::size_t posting_bytes = 0;
    for (const PostingsBuilder& builder : builders) posting_bytes += builder.bytes.size();
    postings_.reserve(posting_bytes);
    term_offsets_.reserve(order.size() + 1);
    posting_offsets_.reserve(order.size() + 1);
    std::size_t copied_since_report = 0;
    entry_frequency_.reserve(order.size());
    for (std::uint32_t builder : order) {
        term_offsets_.push_back(static_cast<std::uint32_t>(term_text_.size()));
        term_text_ += terms.term(builder);
        posting_offsets_.push_back(static_cast<std::uint32_t>(postings_.size()));
        postings_.insert(postings_.end(), builders[builder].bytes.begin(), builders[builder].bytes.end());
        entry_frequency_.push_back(builders[builder].entries);
        copied_since_report += builders[builder].bytes.size();
        builders[builder] = {};
        if (copied_since_report >= (1u << 20)) {
            report(progress, WorkStage::indexing, entry_count_, entry_count_);
            copied_since_report = 0;
        }
    }
    term_offsets_.push_back(static_cast<std::uint32_t>(term_text_.size()));
    posting_offsets_.push_back(static_cast<std::uint32_t>(postings_.size()));
    term_text_.shrink_to_fit();
    build_length_tables([&] { report(progress, WorkStage::indexing, entry_count_, entry_count_); });
}

TermIndex::TermIndex(const Bundle& bundle, PackReader& in) : entry_count_(bundle.entries.size()) {
    read_vocabulary(in);
}

TermIndex::TermIndex(std::size_t entry_count, PackReader& in, const PostingBlocks& blocks)
    : entry_count_(entry_count), blocks_(&blocks) {
    in.section("term index");
    if (in.u64() != entry_count_) in.fail("its index is for another number of entries");
    term_text_ = in.large_string();
    const std::uint64_t terms = in.u64();
    const std::vector<std::uint8_t> term_lengths = in.array<std::uint8_t>();
    const std::vector<std::uint8_t> frequencies = in.array<std::uint8_t>();
    const std::vector<std::uint8_t> posting_sizes = in.array<std::uint8_t>();
    // The lengths' low bytes, then their high bytes, field by field, each put
    // in place as it comes; the list fields' passed over.
    field_lengths_.assign(lay_out_lengths(false), 0);
    const std::size_t high = entry_count_ * kTextFieldCount;
    std::size_t at = 0;
    const std::uint64_t plane_bytes = in.byte_pieces([&](const std::uint8_t* piece, std::size_t size) {
        for (std::size_t i = 0; i < size && at < 2 * high;) {  // a run of one field's bytes at a time
            const std::size_t in_plane = at < high ? at : at - high;
            const std::size_t f = in_plane / entry_count_, entry = in_plane % entry_count_;
            const std::size_t run = std::min({size - i, entry_count_ - entry, (at < high ? high : 2 * high) - at});
            if (length_mask_[f]) {
                std::uint16_t* lengths = field_lengths_.data() + length_at_[f] + entry;
                const int shift = at < high ? 0 : 8;
                for (std::size_t k = 0; k < run; ++k) lengths[k] |= static_cast<std::uint16_t>(piece[i + k] << shift);
            }
            i += run;
            at += run;
        }
    });
    for (float& average : average_field_length_) average = in.f32();
    if (in.failed()) return;
    if (terms > term_text_.size() || !read_varints(term_lengths, terms, true, term_offsets_) ||
        !read_varints(frequencies, terms, false, entry_frequency_) || !read_varints(posting_sizes, terms, true, posting_offsets_))
        { in.fail("its vocabulary does not decode"); return; }
    if (plane_bytes != 2 * high) { in.fail("its field lengths do not match its entries"); return; }
    check_vocabulary(in, false);
}

void TermIndex::read_vocabulary(PackReader& in) {
    in.section("term index");
    if (in.u64() != entry_count_) in.fail("its index is for another number of entries");
    term_text_ = in.large_string();
    term_offsets_ = in.array<std::uint32_t>();
    entry_frequency_ = in.array<std::uint32_t>();
    postings_ = in.array<std::uint8_t>();
    posting_offsets_ = in.array<std::uint32_t>();
    field_lengths_ = transposed(in.array<std::uint16_t>(), kTextFieldCount);
    for (float& average : average_field_length_) average = in.f32();
    if (in.failed()) return;
    if (field_lengths_.size() != lay_out_lengths(true)) { in.fail("its field lengths do not match its entries"); return; }
    check_vocabulary(in, true);
}

std::size_t TermIndex::lay_out_lengths(bool lists_too) {
    std::size_t at = 0;
    std::vector<std::size_t> without;
    for (std::size_t f = 0; f < kTextFieldCount; ++f) {
        if (!lists_too && is_list_field(static_cast<TextField>(f))) {
            without.push_back(f);
            continue;
        }
        length_at_[f] = at;
        length_mask_[f] = ~0u;
        at += entry_count_;
    }
    for (std::size_t f : without) length_at_[f] = at, length_mask_[f] = 0;
    return at + (without.empty() ? 0 : 1);
}

void TermIndex::check_vocabulary(PackReader& in, bool with_postings) {
    auto ascending_offsets = [](const std::vector<std::uint32_t>& offsets, std::optional<std::size_t> end) {
        if (offsets.empty() || offsets.front() != 0 || (end && offsets.back() != *end)) return false;
        return std::is_sorted(offsets.begin(), offsets.end());
    };
    const std::size_t terms = term_offsets_.empty() ? 0 : term_offsets_.size() - 1;
    if (!ascending_offsets(term_offsets_, term_text_.size())) { in.fail("its term offsets are out of order"); return; }
    for (std::uint32_t id = 1; id < terms; ++id) {
        if (!(term(id - 1) < term(id))) { in.fail("its terms are not sorted"); return; }
        if (id % kTermsPerTick == 0) in.tick();
    }
    if (entry_frequency_.size() != terms) { in.fail("its term frequencies do not match its terms"); return; }
    const std::optional<std::size_t> postings_end = with_postings ? std::optional<std::size_t>(postings_.size()) : std::nullopt;
    if (posting_offsets_.size() != terms + 1 || !ascending_offsets(posting_offsets_, postings_end))
        { in.fail("its posting offsets are out of order"); return; }
    for (float average : average_field_length_)
        if (!(average >= 0 && average <= 65535)) { in.fail("its average field lengths are out of range"); return; }
    // Postings kept elsewhere are checked by whoever fetches them (core/shards/).
    if (with_postings) check_postings(in);
    if (!in.failed()) build_length_tables([&] { in.tick(); });
}

// for_each_posting() trusts the bytes it decodes: every varint must end within
// its term's postings, every entry id be in range, every field be a field.
void TermIndex::check_postings(PackReader& in) const {
    for (std::uint32_t id = 0; id < term_count(); id += kTermsPerTick) {
        const std::uint32_t last = std::min<std::uint32_t>(id + kTermsPerTick, static_cast<std::uint32_t>(term_count()));
        if (const char* problem = postings_problem(id, last, postings_.data() + posting_offsets_[id])) {
            in.fail(problem);
            return;
        }
        in.tick();
    }
}

const char* TermIndex::postings_problem(std::uint32_t first_term, std::uint32_t last_term, const std::uint8_t* bytes) const {
    for (std::uint32_t id = first_term; id < last_term; ++id) {
        const std::uint8_t* at = bytes + (posting_offsets_[id] - posting_offsets_[first_term]);
        const std::uint8_t* end = bytes + (posting_offsets_[id + 1] - posting_offsets_[first_term]);
        std::uint64_t entry = 0;
        std::uint32_t entries = 0;
        bool first = true;
        while (at < end) {
            std::uint64_t delta = 0;
            if (!read_checked_varint(at, end, delta)) return "its postings are damaged";
            entry += delta;
            if (at == end || entry >= entry_count_ || (*at++ >> 4) >= kTextFieldCount) return "its postings are damaged";
            if (first || delta != 0) ++entries;
            first = false;
        }
        if (entries != entry_frequency_[id]) return "its term frequencies do not match its postings";
    }
    return nullptr;
}

void TermIndex::write(PackWriter& out) const {
    out.u64(entry_count_);
    out.string(term_text_);
    out.array(term_offsets_);
    out.array(entry_frequency_);
    out.array(postings_);
    out.array(posting_offsets_);
    out.array(transposed(field_lengths_, entry_count_));
    for (float average : average_field_length_) out.f32(average);
}

void TermIndex::write_vocabulary(PackWriter& out) const {
    out.u64(entry_count_);
    out.string(term_text_);
    out.u64(term_count());
    out.array(varints(term_offsets_, true));
    out.array(varints(entry_frequency_, false));
    out.array(varints(posting_offsets_, true));
    // Field by field, the low bytes then the high ones: a third smaller
    // gzipped than entry by entry (202 KB against 292 KB at 100,000 entries).
    const std::size_t high = field_lengths_.size();
    std::vector<std::uint8_t> planes(2 * high);
    for (std::size_t at = 0; at < high; ++at) {
        planes[at] = static_cast<std::uint8_t>(field_lengths_[at]);
        planes[high + at] = static_cast<std::uint8_t>(field_lengths_[at] >> 8);
    }
    out.array(planes);
    for (float average : average_field_length_) out.f32(average);
}

std::string_view TermIndex::postings_of(std::uint32_t first, std::uint32_t last) const {
    const auto* bytes = reinterpret_cast<const char*>(postings_.data());
    return std::string_view(bytes + posting_offsets_[first], posting_offsets_[last] - posting_offsets_[first]);
}


std::string_view TermIndex::term(std::uint32_t id) const {
    return std::string_view(term_text_).substr(term_offsets_[id], term_offsets_[id + 1] - term_offsets_[id]);
}

std::optional<std::uint32_t> TermIndex::find(std::string_view wanted) const {
    auto [first, last] = prefix_range(wanted);
    if (first < last && term(first) == wanted) return first;
    return std::nullopt;
}

std::pair<std::uint32_t, std::uint32_t> TermIndex::prefix_range(std::string_view prefix) const {
    // Binary searches over term ids (the terms are sorted). Written with plain
    // integers: Emscripten 3.1.6's libc++ has no std::ranges algorithms.
    auto partition_point = [&](std::uint32_t lo, std::uint32_t hi, auto&& before) {
        while (lo < hi) {
            const std::uint32_t mid = lo + (hi - lo) / 2;
            if (before(mid)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    };
    const auto count = static_cast<std::uint32_t>(term_count());
    const std::uint32_t first = partition_point(0, count, [&](std::uint32_t id) { return term(id) < prefix; });
    const std::uint32_t last = partition_point(first, count, [&](std::uint32_t id) { return term(id).starts_with(prefix); });
    return {first, last};
}

std::vector<std::pair<std::uint32_t, std::uint8_t>> TermIndex::terms_near(std::string_view wanted, std::size_t distance) const {
    std::vector<std::pair<std::uint32_t, std::uint8_t>> near;
    const std::size_t length = text::code_point_count(wanted);
    const std::uint32_t mask = character_mask(wanted);
    const std::size_t shortest = length > distance ? length - distance : 0;
    const std::size_t longest = std::min(length + distance, length_starts_.size() - 2);
    for (std::size_t l = shortest; l <= longest && length_starts_.size() >= 2; ++l) {
        for (std::uint32_t i = length_starts_[l]; i < length_starts_[l + 1]; ++i) {
            std::uint32_t id = terms_by_length_[i];
            if (static_cast<std::size_t>(std::popcount(character_masks_[id] ^ mask)) > 2 * distance) continue;
            std::size_t d = text::bounded_edit_distance(wanted, term(id), distance);
            if (d >= 1 && d <= distance) near.emplace_back(id, static_cast<std::uint8_t>(d));
        }
    }
    return near;
}

float TermIndex::idf(std::uint32_t id) const {
    const float entries = static_cast<float>(entry_count_);
    const float df = static_cast<float>(entry_frequency_[id]);
    return std::log(1.0f + (entries - df + 0.5f) / (df + 0.5f));
}

std::size_t TermIndex::memory_bytes() const {
    return term_text_.capacity() + postings_.capacity() +
           sizeof(std::uint32_t) * (term_offsets_.capacity() + entry_frequency_.capacity() +
                                    posting_offsets_.capacity() + terms_by_length_.capacity() +
                                    length_starts_.capacity() + character_masks_.capacity()) +
           sizeof(std::uint16_t) * field_lengths_.capacity();
}

}  // namespace pv::detail
