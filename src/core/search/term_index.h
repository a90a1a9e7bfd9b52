// Internals of the search engine: the term dictionary and postings built once
// per bundle. search.cpp evaluates queries against it. See docs/DESIGN.md,
// "Search: index and ranking", for why it is laid out this way.
#pragma once

#include "core/model/bundle.h"
#include "core/search/text_field.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pv::detail {

class PackReader;
class PackWriter;

// Calls `visit(TextField, std::string_view)` for every piece of text an entry is
// searched by. Multi-valued fields (authors, tags, location parts) come one value
// at a time so that a phrase never spans two authors.
template <class Visit>
void for_each_field_text(const Entry& entry, Visit&& visit) {
    visit(TextField::title, std::string_view(entry.title));
    for (const std::string& author : entry.authors) visit(TextField::authors, std::string_view(author));
    for (const std::string& tag : entry.tags) visit(TextField::tags, std::string_view(tag));
    visit(TextField::venue, std::string_view(entry.venue));
    for (const std::string* part : {&entry.job().location.city, &entry.job().location.region, &entry.job().location.country})
        visit(TextField::location, std::string_view(*part));
    visit(TextField::team, std::string_view(entry.job().team));
    visit(TextField::body, std::string_view(entry.body));
}

// Neighbouring words within one author's name are also indexed as a pair
// ("doug" "terry" -> "doug terry", one term), so that a query naming a person
// can prefer the entries where both words belong to the same author. The space
// keeps pairs apart from anything the tokenizer makes.
constexpr char kAuthorPairSeparator = ' ';
std::string author_word_pair(std::string_view first, std::string_view second);
inline bool is_author_word_pair(std::string_view term) { return term.find(kAuthorPairSeparator) != std::string_view::npos; }

// Postings kept outside the index, in blocks of consecutive terms that are
// fetched when first read (a sharded bundle, core/shards/).
class PostingBlocks {
public:
    struct Block {
        const std::uint8_t* bytes = nullptr;  // null when the block cannot be had
        std::uint32_t first_offset = 0;       // where the block starts among all postings
    };
    virtual ~PostingBlocks() = default;
    // The block that holds the postings of term `id`.
    virtual Block block_of(std::uint32_t id) const = 0;
};

// One (entry, field) occurrence of a term.
struct Posting {
    std::uint32_t entry = 0;
    TextField field = TextField::title;
    std::uint8_t frequency = 0;  // occurrences in that field, saturated at kMaxFrequency
};

class TermIndex {
public:
    static constexpr std::uint8_t kMaxFrequency = 15;

    // Reports WorkStage::indexing progress to `progress` as it goes.
    TermIndex(const Bundle& bundle, const ProgressHook& progress);
    // Reads what write() wrote for `bundle`, checking that every offset and
    // entry id is in range. If `in` fails, this index must not be used.
    TermIndex(const Bundle& bundle, PackReader& in);
    void write(PackWriter& out) const;
    // The same without the postings, whose blocks `blocks` gives when they are
    // read (it must outlive the index): what write_vocabulary() wrote, the
    // same tables encoded compactly (a sharded bundle's, fetched before a query).
    TermIndex(std::size_t entry_count, PackReader& in, const PostingBlocks& blocks);
    void write_vocabulary(PackWriter& out) const;
    // The postings of terms [first, last), as write() lays them out, and where they start.
    std::string_view postings_of(std::uint32_t first, std::uint32_t last) const;
    std::uint32_t posting_offset(std::uint32_t id) const { return posting_offsets_[id]; }
    // Why the postings of terms [first_term, last_term) at `bytes` (as long as
    // their offsets say) cannot be read safely, or null when they can.
    const char* postings_problem(std::uint32_t first_term, std::uint32_t last_term, const std::uint8_t* bytes) const;

    std::size_t entry_count() const { return entry_count_; }
    std::size_t term_count() const { return term_offsets_.size() - 1; }
    std::string_view term(std::uint32_t id) const;
    std::optional<std::uint32_t> find(std::string_view term) const;
    // Ids [first, last) of the terms that start with `prefix` (sorted order).
    std::pair<std::uint32_t, std::uint32_t> prefix_range(std::string_view prefix) const;
    // Terms other than `term` within `distance` edits of it, with their distance.
    std::vector<std::pair<std::uint32_t, std::uint8_t>> terms_near(std::string_view term, std::size_t distance) const;

    std::uint32_t entry_frequency(std::uint32_t id) const { return entry_frequency_[id]; }
    // BM25's inverse document frequency of a term.
    float idf(std::uint32_t id) const;
    // Token count of a field of an entry (saturated at 65535) and its mean over entries.
    // A sharded index's list fields (is_list_field) read 0.
    std::uint32_t field_length(std::uint32_t entry, TextField field) const {
        const auto f = static_cast<std::size_t>(field);
        return field_lengths_[length_at_[f] + (entry & length_mask_[f])];
    }
    float average_field_length(TextField field) const { return average_field_length_[static_cast<std::size_t>(field)]; }

    // Whether the term's postings can be read: always, unless they are in a
    // block (core/shards/) that is not here.
    bool has_postings(std::uint32_t id) const { return !blocks_ || blocks_->block_of(id).bytes; }
    // Calls `visit(const Posting&)` for the term's postings, by entry then field.
    template <class Visit>
    void for_each_posting(std::uint32_t id, Visit&& visit) const {
        const std::uint8_t* base = postings_.data();
        std::uint32_t base_offset = 0;
        if (blocks_) {
            const PostingBlocks::Block block = blocks_->block_of(id);
            if (!block.bytes) return;
            base = block.bytes;
            base_offset = block.first_offset;
        }
        const std::uint8_t* at = base + (posting_offsets_[id] - base_offset);
        const std::uint8_t* end = base + (posting_offsets_[id + 1] - base_offset);
        Posting posting;
        while (at < end) {
            std::uint32_t delta = 0;
            for (int shift = 0;; shift += 7) {
                std::uint8_t byte = *at++;
                delta |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
                if (!(byte & 0x80)) break;
            }
            posting.entry += delta;
            posting.field = static_cast<TextField>(*at >> 4);
            posting.frequency = *at++ & 0x0F;
            visit(posting);
        }
    }

    std::size_t memory_bytes() const;

private:
    // The typo-candidate tables, derived from the sorted terms; calls `tick()`
    // now and then, for progress reports.
    template <class Tick>
    void build_length_tables(Tick&& tick);
    void check_postings(PackReader& in) const;
    // Reads and checks the tables of write().
    void read_vocabulary(PackReader& in);
    // Checks the tables read (by read_vocabulary or from write_vocabulary's) and builds the rest.
    void check_vocabulary(PackReader& in, bool with_postings);

    std::size_t entry_count_ = 0;
    // Terms sorted bytewise, concatenated: term i is [term_offsets_[i], term_offsets_[i + 1]).
    std::string term_text_;
    std::vector<std::uint32_t> term_offsets_;
    std::vector<std::uint32_t> entry_frequency_;
    // Postings of term i: postings_[posting_offsets_[i], posting_offsets_[i + 1]), each a
    // varint entry-id delta and one byte (field << 4 | frequency).
    std::vector<std::uint8_t> postings_;
    std::vector<std::uint32_t> posting_offsets_;
    const PostingBlocks* blocks_ = nullptr;  // set when the postings are elsewhere
    // Typo candidates: term ids by length in code points, and a bitmask of each
    // term's characters that rules most terms out before an edit distance is computed.
    std::vector<std::uint32_t> terms_by_length_;
    std::vector<std::uint32_t> length_starts_;
    std::vector<std::uint32_t> character_masks_;
    // Field by field: field * entry_count_ + entry. A word's postings, read in
    // entry order, then read each field's lengths in order too (a million
    // entries' lengths are 14 MB; entry by entry, every posting missed the cache).
    // A sharded index keeps none of the list fields' lengths (2 MB a field at
    // a million entries): their lengths are a 0 after the others'.
    std::vector<std::uint16_t> field_lengths_;
    std::size_t length_at_[kTextFieldCount] = {};     // where a field's lengths begin
    std::uint32_t length_mask_[kTextFieldCount] = {};  // ~0, or 0 where they are the one 0
    // Where each field's lengths are: every field's, or (`lists_too` false)
    // all but the list fields'. Returns how many field_lengths_ holds.
    std::size_t lay_out_lengths(bool lists_too);
    float average_field_length_[kTextFieldCount] = {};
};

}  // namespace pv::detail
