#include "core/search_index.h"

#include "core/text.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <ranges>
#include <unordered_map>

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

struct TermOccurrence {
    std::uint32_t term = 0;  // builder id
    TextField field = TextField::title;
    bool operator<(const TermOccurrence& o) const { return term != o.term ? term < o.term : field < o.field; }
    bool operator==(const TermOccurrence& o) const { return term == o.term && field == o.field; }
};

}  // namespace

std::string author_word_pair(std::string_view first, std::string_view second) {
    std::string pair;
    pair.reserve(first.size() + 1 + second.size());
    pair.append(first).append(1, kAuthorPairSeparator).append(second);
    return pair;
}

TermIndex::TermIndex(const Bundle& bundle) : entry_count_(bundle.entries.size()) {
    std::unordered_map<std::string, std::uint32_t> builder_ids;
    std::vector<std::string> builder_terms;
    std::vector<PostingsBuilder> builders;
    std::vector<TermOccurrence> occurrences;
    field_lengths_.assign(entry_count_ * kTextFieldCount, 0);
    double length_sums[kTextFieldCount] = {};

    for (std::uint32_t entry = 0; entry < entry_count_; ++entry) {
        occurrences.clear();
        std::uint32_t lengths[kTextFieldCount] = {};
        auto occur = [&](std::string term, TextField field) {
            auto [it, added] = builder_ids.try_emplace(term, static_cast<std::uint32_t>(builders.size()));
            if (added) {
                builders.emplace_back();
                builder_terms.push_back(std::move(term));
            }
            occurrences.push_back({it->second, field});
        };
        for_each_field_text(bundle.entries[entry], [&](TextField field, std::string_view text) {
            std::string previous_part;
            for (text::Token& token : text::tokenize(text)) {
                if (token.role == text::TokenRole::part) {
                    ++lengths[static_cast<std::size_t>(field)];
                    if (field == TextField::authors && !previous_part.empty()) occur(author_word_pair(previous_part, token.term), field);
                    previous_part = token.term;
                }
                occur(std::move(token.term), field);
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
            field_lengths_[entry * kTextFieldCount + f] = static_cast<std::uint16_t>(std::min<std::uint32_t>(lengths[f], 0xFFFF));
            length_sums[f] += lengths[f];
        }
    }
    for (std::size_t f = 0; f < kTextFieldCount; ++f)
        average_field_length_[f] = entry_count_ ? static_cast<float>(length_sums[f] / entry_count_) : 0.0f;
    builder_ids.clear();

    // Lay the terms out in sorted order, so that a prefix is a contiguous range.
    std::vector<std::uint32_t> order(builders.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return builder_terms[a] < builder_terms[b]; });
    term_offsets_.reserve(order.size() + 1);
    posting_offsets_.reserve(order.size() + 1);
    entry_frequency_.reserve(order.size());
    character_masks_.reserve(order.size());
    for (std::uint32_t builder : order) {
        term_offsets_.push_back(static_cast<std::uint32_t>(term_text_.size()));
        term_text_ += builder_terms[builder];
        posting_offsets_.push_back(static_cast<std::uint32_t>(postings_.size()));
        postings_.insert(postings_.end(), builders[builder].bytes.begin(), builders[builder].bytes.end());
        entry_frequency_.push_back(builders[builder].entries);
        character_masks_.push_back(character_mask(builder_terms[builder]));
        builders[builder] = {};
    }
    term_offsets_.push_back(static_cast<std::uint32_t>(term_text_.size()));
    posting_offsets_.push_back(static_cast<std::uint32_t>(postings_.size()));
    postings_.shrink_to_fit();
    term_text_.shrink_to_fit();

    std::vector<std::uint32_t> lengths(term_count());
    for (std::uint32_t id = 0; id < term_count(); ++id) lengths[id] = static_cast<std::uint32_t>(text::code_point_count(term(id)));
    terms_by_length_.resize(term_count());
    std::iota(terms_by_length_.begin(), terms_by_length_.end(), 0u);
    std::stable_sort(terms_by_length_.begin(), terms_by_length_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return lengths[a] < lengths[b]; });
    std::uint32_t longest = lengths.empty() ? 0 : lengths[terms_by_length_.back()];
    length_starts_.assign(longest + 2, 0);
    for (std::uint32_t length : lengths) ++length_starts_[length + 1];
    std::partial_sum(length_starts_.begin(), length_starts_.end(), length_starts_.begin());
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

std::uint32_t TermIndex::field_length(std::uint32_t entry, TextField field) const {
    return field_lengths_[entry * kTextFieldCount + static_cast<std::size_t>(field)];
}

std::size_t TermIndex::memory_bytes() const {
    return term_text_.capacity() + postings_.capacity() +
           sizeof(std::uint32_t) * (term_offsets_.capacity() + entry_frequency_.capacity() +
                                    posting_offsets_.capacity() + terms_by_length_.capacity() +
                                    length_starts_.capacity() + character_masks_.capacity()) +
           sizeof(std::uint16_t) * field_lengths_.capacity();
}

}  // namespace pv::detail
