// The engine's part of a keystroke, natively: the sequence that
// bench/browser/measure.mjs types into the panel (each query typed a letter
// at a time, then erased a letter at a time before the next), searched the
// way the panel's view model asks (every hit in order, the kind counts, no
// highlights) plus the highlights of the rows a list shows.
//
//   build/native/pubview_keystrokes CORPUS.json [ROUNDS] [--each] [--prepared]
//
// Prints the CPU time per keystroke (p50, p95, mean over ROUNDS passes) and a
// hash of every state's hits, scores, kind counts and highlights, so that a
// change that should answer the same can be checked to; --each also prints
// each keystroke's median time, slowest first; --prepared readies each
// round's index for first keystrokes before typing, as the page does while
// idle after a load (SearchIndex::prepare_first_letter; not counted).
#include "core/formats/open_bundle.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr const char* kTypedQueries[] = {"data model", "learning network", "training method"};  // measure.mjs's
constexpr std::size_t kRowsShown = 13;    // rows a 800 px panel draws
constexpr std::size_t kHashedRows = 500;  // as many as the page's mirror reads

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The query after each keystroke.
std::vector<std::string> keystroke_states() {
    std::vector<std::string> states;
    std::string typed;
    for (const char* query : kTypedQueries) {
        while (!typed.empty()) {
            typed.pop_back();
            states.push_back(typed);
        }
        for (const char* c = query; *c; ++c) states.push_back(typed += *c);
    }
    return states;
}

struct Hash {
    std::uint64_t value = 1469598103934665603ull;  // FNV-1a
    void add(const void* data, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) value = (value ^ static_cast<const unsigned char*>(data)[i]) * 1099511628211ull;
    }
    template <class T> void add(const T& v) { add(&v, sizeof v); }
};

void hash_answer(Hash& hash, const pv::SearchIndex& index, const pv::SearchResult& result) {
    hash.add(result.total);
    for (std::size_t i = 0; i < std::min(result.hits.size(), kHashedRows); ++i) {
        hash.add(result.hits[i].entry);
        hash.add(result.hits[i].score);
    }
    for (const pv::Facet& facet : result.facets)
        for (const pv::FacetValue& value : facet.values) hash.add(value.count);
    for (std::size_t i = 0; i < std::min(result.hits.size(), kRowsShown); ++i) {
        const pv::EntryHighlights marks = index.highlight(result, result.hits[i].entry);
        for (const auto* list : {&marks.title, &marks.body})
            for (const pv::Highlight& h : *list) hash.add(h);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS.json [ROUNDS] [--each] [--prepared]\n", argv[0]);
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string bytes = text.str();
    std::size_t entries = 0;
    const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    auto flag = [&](const char* name) { return std::any_of(argv + 3, argv + std::max(argc, 3), [&](const char* a) { return std::strcmp(a, name) == 0; }); };
    const bool each = flag("--each");
    const bool prepared = flag("--prepared");
    const std::vector<std::string> states = keystroke_states();
    std::vector<double> times;
    double readying = 0, longest_step = 0;  // --prepared's steps, all rounds
    std::size_t letters_kept = 0;           // the entry scores they kept
    Hash hash;
    for (int round = 0; round < rounds; ++round) {
        // A fresh index each round, as a visitor's page has: nothing kept from the round before.
        const pv::IndexedBundle bundle = pv::open_bundle(bytes);
        if (!bundle.index) {
            std::fprintf(stderr, "%s: not a usable bundle\n", argv[1]);
            return 1;
        }
        entries = bundle.loaded->bundle.entries.size();
        if (prepared) {
            const double start = cpu_ms();
            for (bool more = true; more;) {
                const double step = cpu_ms();
                more = bundle.index->prepare_first_letter();
                longest_step = std::max(longest_step, cpu_ms() - step);
            }
            readying += cpu_ms() - start;
            letters_kept = bundle.index->kept_word_scores();
        }
        for (const std::string& query : states) {
            pv::SearchRequest request;
            request.query = query;
            request.highlights = false;
            request.facet_fields = pv::facet_bit(pv::FacetField::kind);
            const double start = cpu_ms();
            const pv::SearchResult result = bundle.index->search(request);
            for (std::size_t i = 0; i < std::min(result.hits.size(), kRowsShown); ++i)
                (void)bundle.index->highlight(result, result.hits[i].entry);
            times.push_back(cpu_ms() - start);
            if (round == 0) hash_answer(hash, *bundle.index, result);
        }
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (double t : times) sum += t;
    auto at = [&](double q) { return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * static_cast<double>(sorted.size())))]; };
    if (each) {
        std::vector<std::pair<double, std::string>> by_state;
        for (std::size_t k = 0; k < states.size(); ++k) {
            std::vector<double> of_state;
            for (int round = 0; round < rounds; ++round) of_state.push_back(times[round * states.size() + k]);
            std::nth_element(of_state.begin(), of_state.begin() + rounds / 2, of_state.end());
            by_state.emplace_back(of_state[rounds / 2], (k > 0 && states[k].size() < states[k - 1].size() ? "erased to " : "") + ('"' + states[k] + '"'));
        }
        std::sort(by_state.rbegin(), by_state.rend());
        for (const auto& [ms, state] : by_state) std::printf("%8.3f ms  %s\n", ms, state.c_str());
    }
    std::printf("%zu entries, %zu keystrokes x %d rounds: CPU ms per keystroke p50 %.3f, p95 %.3f, mean %.3f; answers %016llx\n",
                entries, states.size(), rounds, at(0.5), at(0.95), sum / static_cast<double>(times.size()),
                static_cast<unsigned long long>(hash.value));
    if (prepared)
        std::printf("readied for first keystrokes in %.1f ms a round (CPU), the longest step %.2f ms, %zu entry scores kept\n",
                    readying / rounds, longest_step, letters_kept);
    return 0;
}
