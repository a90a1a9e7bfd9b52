#include "core/formats/pack.h"

#include "core/text/text.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace pv {
namespace {

using detail::PackReader;
using detail::PackWriter;

// "\r\n" and the 0x1A after it catch a pack sent through a text-mode copy or
// a newline-converting transfer, as PNG's signature does.
constexpr std::string_view kMagic{"PVPACK\r\n\x1a\n", kPackSignatureBytes};
// Bump whenever what a pack holds or how it is laid out changes.
// 2: the typed links, dates, types and pay of format v1's later fields, and the type facet.
constexpr std::uint32_t kFormatVersion = 2;
// An entry's fixed fields and the lengths of its strings take this much at least.
constexpr std::size_t kSmallestEntryBytes = 1 + 4 * 4 + 4 + 1 + 4 + 4 + 4 + 4 * 4 + 4 + 4 * 4 + 3 * 4 + 4 + 3 * 4 + 2 * 8 + 2 * 4;
constexpr std::size_t kTypicalEntryBytes = 256;

std::uint64_t checksum(std::string_view bytes) {
    detail::Checksum sum;
    sum.add(bytes);
    return sum.value();
}

// How this build analyses text, as a hash of the tokens of a sample that
// exercises folding, apostrophes, compounds, ligatures and ideographs. A pack's
// terms can only be found by a build that would have made the same terms.
std::uint64_t analysis_fingerprint() {
    static const std::uint64_t fingerprint = [] {
        PackWriter tokens;
        for (const text::Token& token :
             text::tokenize("Amazon\u2019s re-invented A/B-testing: Stra\u00dfe, na\u00efve CAF\u00c9 \u2014 \ufb01nal "
                            "\u6771\u4eac\u30bf\u30ef\u30fc x86_64 O'Neil 2022\u00bd")) {
            tokens.string(token.term);
            tokens.u32(token.begin);
            tokens.u32(token.end);
            tokens.u32(token.position);
            tokens.u8(static_cast<std::uint8_t>(token.role));
        }
        return checksum(tokens.bytes());
    }();
    return fingerprint;
}

void write_strings(PackWriter& out, const std::vector<std::string>& values) {
    out.u32(static_cast<std::uint32_t>(values.size()));
    for (const std::string& value : values) out.string(value);
}

// Items are added as they are read, not allocated from their count up front,
// so that a damaged count cannot ask for more memory than the bytes that follow.
std::vector<std::string> read_strings(PackReader& in) {
    std::vector<std::string> values;
    for (std::uint32_t count = in.u32(); count > 0 && in.fits(count, sizeof(std::uint32_t)); --count)
        values.push_back(in.string());
    return values;
}

// A salary's amounts travel as their bits (std::bit_cast, which Emscripten's libc++ lacks).
std::uint64_t bits_of(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

double double_of(std::uint64_t bits) {
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

enum EntryFlags : std::uint8_t {
    kAbstractTruncated = 1, kHasRank = 2, kHasYear = 4, kFeatured = 8, kRemote = 16, kHasSalaryMin = 32, kHasSalaryMax = 64
};

void write_entry(PackWriter& out, const Entry& entry) {
    const JobDetails& job = entry.job();
    out.u8(static_cast<std::uint8_t>(entry.kind));
    for (const std::string* text : {&entry.id, &entry.title, &entry.body, &entry.url}) out.string(*text);
    write_strings(out, entry.tags);
    out.u8((entry.abstract_truncated ? kAbstractTruncated : 0) | (entry.rank ? kHasRank : 0) |
           (entry.year ? kHasYear : 0) | (entry.featured ? kFeatured : 0) | (job.remote ? kRemote : 0) |
           (job.salary.min ? kHasSalaryMin : 0) | (job.salary.max ? kHasSalaryMax : 0));
    out.i32(entry.rank.value_or(0));
    out.i32(entry.year.value_or(0));
    write_strings(out, entry.authors);
    for (const std::string* text : {&entry.venue, &entry.doi, &entry.arxiv, &entry.award}) out.string(*text);
    out.u32(static_cast<std::uint32_t>(entry.related.size()));
    for (const Related& related : entry.related) {
        out.string(related.title);
        out.string(related.summary);
        out.string(related.url);
    }
    for (const std::string* text : {&job.location.country, &job.location.region, &job.location.city, &job.team})
        out.string(*text);
    for (const std::string* text : {&entry.type, &entry.date, &entry.venue_short}) out.string(*text);
    out.u32(static_cast<std::uint32_t>(entry.links.size()));
    for (const Link& link : entry.links) {
        out.string(link.label);
        out.string(link.url);
        out.u8(static_cast<std::uint8_t>(link.kind));
    }
    for (const std::string* text : {&job.date_posted, &job.valid_through, &job.employment_type}) out.string(*text);
    out.u64(bits_of(job.salary.min.value_or(0)));
    out.u64(bits_of(job.salary.max.value_or(0)));
    out.string(job.salary.currency);
    out.string(job.salary.unit);
}

void read_entry(PackReader& in, Entry& entry) {
    const std::uint8_t kind = in.u8();
    if (kind > static_cast<std::uint8_t>(Kind::job)) in.fail("an entry has an unknown kind");
    entry.kind = static_cast<Kind>(std::min<std::uint8_t>(kind, static_cast<std::uint8_t>(Kind::job)));
    // Only a job keeps job fields, as in the JSON form (a publication's are read past).
    JobDetails not_kept;
    JobDetails& job = entry.kind == Kind::job ? entry.edit_job() : not_kept;
    for (std::string* text : {&entry.id, &entry.title, &entry.body, &entry.url}) *text = in.string();
    entry.tags = read_strings(in);
    const std::uint8_t flags = in.u8();
    const std::int32_t rank = in.i32();
    const std::int32_t year = in.i32();
    entry.abstract_truncated = flags & kAbstractTruncated;
    entry.featured = flags & kFeatured;
    job.remote = flags & kRemote;
    if (flags & kHasRank) entry.rank = rank;
    if (flags & kHasYear) entry.year = year;
    entry.authors = read_strings(in);
    for (std::string* text : {&entry.venue, &entry.doi, &entry.arxiv, &entry.award}) *text = in.string();
    for (std::uint32_t count = in.u32(); count > 0 && in.fits(count, 3 * sizeof(std::uint32_t)); --count) {
        Related& related = entry.related.emplace_back();
        related.title = in.string();
        related.summary = in.string();
        related.url = in.string();
    }
    for (std::string* text : {&job.location.country, &job.location.region, &job.location.city, &job.team})
        *text = in.string();
    for (std::string* text : {&entry.type, &entry.date, &entry.venue_short}) *text = in.string();
    for (std::uint32_t count = in.u32(); count > 0 && in.fits(count, 2 * sizeof(std::uint32_t) + 1); --count) {
        Link& link = entry.links.emplace_back();
        link.label = in.string();
        link.url = in.string();
        const std::uint8_t kind = in.u8();
        if (kind >= kLinkKindCount) in.fail("a link has an unknown kind");
        link.kind = static_cast<LinkKind>(std::min<std::size_t>(kind, kLinkKindCount - 1));
    }
    for (std::string* text : {&job.date_posted, &job.valid_through, &job.employment_type}) *text = in.string();
    const double salary_min = double_of(in.u64());
    const double salary_max = double_of(in.u64());
    if (flags & kHasSalaryMin) job.salary.min = salary_min;
    if (flags & kHasSalaryMax) job.salary.max = salary_max;
    job.salary.currency = in.string();
    job.salary.unit = in.string();
    if (!in.failed() && entry.title.empty()) in.fail("an entry has no title");
}

void write_bundle(PackWriter& out, const Bundle& bundle) {
    for (const std::string* text : {&bundle.title, &bundle.description, &bundle.source.name, &bundle.source.url})
        out.string(*text);
    out.u64(bundle.entries.size());
    for (const Entry& entry : bundle.entries) write_entry(out, entry);
}

void read_bundle(PackReader& in, Bundle& bundle) {
    in.section("bundle");
    for (std::string* text : {&bundle.title, &bundle.description, &bundle.source.name, &bundle.source.url})
        *text = in.string();
    const std::uint64_t count = in.u64();
    if (!in.fits(count, kSmallestEntryBytes)) return;
    bundle.entries.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(count, in.remaining() / kTypicalEntryBytes)));
    in.section("entries");
    for (std::size_t e = 0; e < count && !in.failed(); ++e) {
        read_entry(in, bundle.entries.emplace_back());
        // Publications come first, as load_bundle() orders them.
        if (e > 0 && bundle.entries[e - 1].kind > bundle.entries[e].kind) in.fail("its entries are out of order");
        if (e % 1024 == 1023) in.progress(e + 1, static_cast<std::size_t>(count));
    }
}

std::string count_of_bytes(std::uint64_t bytes) { return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes"); }

}  // namespace

std::string PackReader::string() {
    const std::uint32_t size = u32();
    if (!fits(size, 1)) return {};
    if (window_.empty() && size > 0) fetch();
    if (size <= window_.size()) {  // most strings: made straight from the piece at hand
        std::string text(window_.data(), size);
        consume(size);
        return text;
    }
    std::string text(size, '\0');
    take(text.data(), size);
    return text;
}

bool PackReader::fits(std::uint64_t count, std::size_t item_bytes) {
    if (!failed() && count <= remaining() / item_bytes) return true;
    fail("it ends early");
    return false;
}

void PackReader::fail(const char* reason) {
    if (failed()) return;
    failure_ = std::string(reason) + " (in its " + section_ + ", at byte " + std::to_string(consumed_) + ")";
}

void PackReader::drain() {
    while (remaining() > 0) {
        if (window_.empty() && !fetch()) return;
        consume(window_.size());
    }
}

bool PackReader::fetch() {
    sum_consumed();  // the piece is valid until the next one is asked for
    window_ = source_.next(static_cast<std::size_t>(std::min<std::uint64_t>(kPieceBytes, remaining())));
    if (window_.size() > remaining()) window_ = window_.substr(0, static_cast<std::size_t>(remaining()));
    unsummed_ = window_.data();
    return !window_.empty();
}

void PackReader::sum_consumed() {
    if (unsummed_) checksum_.add({unsummed_, static_cast<std::size_t>(window_.data() - unsummed_)});
    unsummed_ = window_.data();
}

void PackReader::take(char* out, std::size_t size) {
    if (!fits(size, 1)) return;
    while (size > 0) {
        if (window_.empty() && !fetch()) return fail("it ends early");
        const std::size_t piece = std::min(size, window_.size());
        std::memcpy(out, window_.data(), piece);
        consume(piece);
        out += piece;
        size -= piece;
    }
}

void detail::Checksum::add(std::string_view bytes) {
    length_ += bytes.size();
    if (carried_ > 0) {
        const std::size_t filled = std::min(bytes.size(), sizeof carry_ - carried_);
        std::memcpy(carry_ + carried_, bytes.data(), filled);
        carried_ += filled;
        bytes.remove_prefix(filled);
        if (carried_ < sizeof carry_) return;
        std::uint64_t word;
        std::memcpy(&word, carry_, sizeof word);
        mix(word);
        carried_ = 0;
    }
    for (; bytes.size() >= 8; bytes.remove_prefix(8)) {
        std::uint64_t word;
        std::memcpy(&word, bytes.data(), sizeof word);
        mix(word);
    }
    std::memcpy(carry_, bytes.data(), bytes.size());
    carried_ = bytes.size();
}

std::uint64_t detail::Checksum::value() const {
    std::uint64_t tail = 0;
    std::memcpy(&tail, carry_, carried_);
    std::uint64_t hash = (std::rotl(hash_, 23) ^ tail ^ length_) * 0xFF51AFD7ED558CCDull;
    hash ^= hash >> 33;
    return hash * 0xC4CEB9FE1A85EC53ull;
}

bool is_pack(std::string_view bytes) { return bytes.starts_with(kMagic); }

std::string write_pack(const Bundle& bundle, const SearchIndex& index) {
    PackWriter payload;
    write_bundle(payload, bundle);
    index.write(payload);
    PackWriter out;
    out.bytes().append(kMagic);
    out.u32(kFormatVersion);
    out.u64(analysis_fingerprint());
    out.u64(payload.bytes().size());
    out.u64(checksum(payload.bytes()));
    out.bytes().append(payload.bytes());
    return std::move(out.bytes());
}

IndexedBundle read_pack(ByteSource& source, std::uint64_t size, const ProgressHook& progress) {
    IndexedBundle out{std::make_unique<LoadResult>(), nullptr};
    auto refuse = [&](std::string message) {
        out.index.reset();
        out.loaded->bundle = {};
        out.loaded->problems.push_back({Severity::error, "", std::move(message), 0, 0});
        return std::move(out);
    };
    const std::string make_again = ": make it again with `pubview pack` from its JSON bundle";
    const std::string copy_again = "; copy or download it again";
    PackReader in(source, size, progress);
    bool signed_as_pack = true;
    for (char expected : kMagic) signed_as_pack = in.u8() == static_cast<std::uint8_t>(expected) && signed_as_pack;
    if (in.failed() || !signed_as_pack) return refuse("this is not a pubview pack: it does not start with a pack's signature");
    const std::uint32_t version = in.u32();
    if (!in.failed() && version != kFormatVersion)
        return refuse("this pack has format version " + std::to_string(version) + " and this pubview reads version " +
                      std::to_string(kFormatVersion) + make_again);
    const std::uint64_t fingerprint = in.u64();
    const std::uint64_t payload_size = in.u64();
    const std::uint64_t expected_checksum = in.u64();
    if (in.failed()) return refuse("this pack is cut short within its header" + copy_again);
    if (fingerprint != analysis_fingerprint()) return refuse("this pack was made by a pubview that analyses text differently" + make_again);
    if (payload_size != in.remaining())
        return refuse("this pack should hold " + count_of_bytes(payload_size) + " after its header but holds " +
                      count_of_bytes(in.remaining()) + (in.remaining() < payload_size ? ": it was cut short" : "") +
                      copy_again);

    in.restart_checksum();
    read_bundle(in, out.loaded->bundle);
    if (!in.failed()) out.index = SearchIndex::read(out.loaded->bundle, in);
    in.section("end");
    if (!in.failed() && in.remaining() != 0) in.fail("it has bytes after its index");
    in.drain();
    // Damage explains a failed read better than a faulty writer does.
    if (in.checksum() != expected_checksum) return refuse("this pack is damaged: its checksum does not match its contents" + copy_again);
    if (in.failed()) return refuse("this pack does not hold what its format says: " + in.failure() + make_again);
    out.loaded->usable = true;
    return out;
}

IndexedBundle read_pack(std::string_view bytes, const ProgressHook& progress) {
    MemorySource source(bytes);
    return read_pack(source, bytes.size(), progress);
}

std::uint64_t text_analysis_fingerprint() { return analysis_fingerprint(); }

}  // namespace pv
