// Ranking quality of pubview's engine on a benchmark corpus, natively and
// fast enough to try a change in seconds: MRR@10, top-1 and recall@10 per
// query type, for the default ranking and, with --ablate, for the ranking
// with each part of the score switched off in turn (docs/DESIGN.md, "Ranking").
//
//   build/native/pubview_rank_eval CORPUS.json QUERIES.json [--ablate]
// RANK_EVAL_WEIGHTS="coverage whole prefix typo title_b" tries other weights (scoring.h, RankingWeights).
// RANK_EVAL_MISSES=TYPE also prints the queries of that type whose first hit is
// wrong, with the parts of the wanted entry's score and of the entries above it.
// RANK_EVAL_HITS=FILE writes each labelled query's first 10 hits (entry ids) to
// FILE as JSON lines, for bench/search/ceiling.mjs.
#include "core/formats/open_bundle.h"
#include "core/search/query.h"
#include "core/search/scoring.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

struct Quality {
    double reciprocal_ranks = 0, top1 = 0, recall = 0;
    int queries = 0;
};

std::string read_file(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Why an entry ranks where it does: each query word's BM25F score in it and the
// weight it matched the title with, the title's length and the title-fit factor.
class ScoreParts {
public:
    explicit ScoreParts(const pv::Bundle& bundle) : entries_(bundle), terms_(bundle, {}), scorer_(terms_, entries_) {}
    void print(const std::string& query, std::uint32_t entry, float score, const std::string& label) const {
        const pv::ParsedQuery parsed = pv::parse_query(query);
        std::string parts;
        float matched = 0;
        std::size_t words = 0, in_title = 0;
        for (const pv::QueryClause& clause : parsed.clauses) {
            if (clause.phrase() || clause.negated) continue;
            const pv::detail::WordMatcher word(terms_, clause.terms.front(), clause.prefix, !clause.exact);
            const pv::detail::EntryScore s = scorer_.score_from_text(clause, word, entry);
            char part[96];
            std::snprintf(part, sizeof part, " %s=%.1f%s", clause.terms.front().c_str(), s.score,
                          s.title > 0 ? ("(t" + std::to_string(s.title).substr(0, 4) + ")").c_str() : "");
            parts += part;
            matched += s.title;
            ++words;
            in_title += s.title > 0;
        }
        const std::uint32_t length = terms_.field_length(entry, pv::TextField::title);
        std::printf("  %s %.1f fit %.2f L=%u:%s | %s [%s]\n", label.c_str(), score,
                    pv::detail::title_fit(matched, in_title, words, length), length, parts.c_str(),
                    entries_.entry(entry).title.c_str(), entries_.entry(entry).authors.empty() ? "" : entries_.entry(entry).authors[0].c_str());
    }

private:
    struct Entries final : pv::EntrySource {
        explicit Entries(const pv::Bundle& b) : bundle(b) {}
        const pv::Entry& entry(std::uint32_t id) const override { return bundle.entries[id]; }
        const pv::Bundle& bundle;
    };
    Entries entries_;
    pv::detail::TermIndex terms_;
    pv::detail::Scorer scorer_;
};

void print_miss(const pv::SearchIndex& index, const ScoreParts& parts, const std::string& query, const std::set<std::uint32_t>& relevant,
                const pv::SearchResult& top) {
    pv::SearchRequest request;
    request.query = query;
    request.limit = 1000;
    request.facets = request.highlights = false;
    const pv::SearchResult deep = index.search(request);
    std::printf("%s\n", query.c_str());
    for (std::size_t rank = 0; rank < deep.hits.size(); ++rank)
        if (relevant.count(deep.hits[rank].entry)) {
            parts.print(query, deep.hits[rank].entry, deep.hits[rank].score, "wanted #" + std::to_string(rank + 1));
            break;
        }
    for (std::size_t rank = 0; rank < std::min<std::size_t>(3, top.hits.size()); ++rank)
        parts.print(query, top.hits[rank].entry, top.hits[rank].score, "#" + std::to_string(rank + 1));
}

std::map<std::string, Quality> evaluate(const pv::SearchIndex& index, const nlohmann::json& queries,
                                        const std::unordered_map<std::string, std::uint32_t>& entry_of,
                                        const ScoreParts* parts = nullptr, std::ostream* hits_out = nullptr) {
    std::map<std::string, Quality> by_type;
    for (const auto& q : queries) {
        if (q["relevant"].empty()) continue;
        std::set<std::uint32_t> relevant;
        for (const auto& id : q["relevant"])
            if (auto it = entry_of.find(id.get<std::string>()); it != entry_of.end()) relevant.insert(it->second);
        pv::SearchRequest request;
        request.query = q["query"].get<std::string>();
        request.limit = 10;
        request.facets = false;
        request.highlights = false;
        const pv::SearchResult result = index.search(request);
        if (hits_out) {
            nlohmann::json line = {{"type", q["type"]}, {"query", request.query}, {"hits", nlohmann::json::array()}};
            for (const pv::Hit& hit : result.hits) line["hits"].push_back(index.bundle().entries[hit.entry].id);
            *hits_out << line.dump() << '\n';
        }
        if (parts && q["type"] == std::getenv("RANK_EVAL_MISSES") && (result.hits.empty() || !relevant.count(result.hits[0].entry)))
            print_miss(index, *parts, request.query, relevant, result);
        Quality& quality = by_type[q["type"].get<std::string>()];
        ++quality.queries;
        std::size_t found = 0;
        for (std::size_t rank = 0; rank < result.hits.size(); ++rank) {
            if (!relevant.count(result.hits[rank].entry)) continue;
            if (found++ == 0) {
                quality.reciprocal_ranks += 1.0 / static_cast<double>(rank + 1);
                if (rank == 0) quality.top1 += 1;
            }
        }
        quality.recall += static_cast<double>(found) / static_cast<double>(std::min<std::size_t>(relevant.size(), 10));
    }
    return by_type;
}

void print_row(const std::string& label, const std::map<std::string, Quality>& by_type) {
    std::printf("| %s |", label.c_str());
    for (const auto& [type, q] : by_type)
        std::printf(" %.3f / %.3f / %.3f |", q.reciprocal_ranks / q.queries, q.top1 / q.queries, q.recall / q.queries);
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: pubview_rank_eval CORPUS.json QUERIES.json [--ablate]\n";
        return 2;
    }
    const std::string bundle_text = read_file(argv[1]);
    const nlohmann::json queries = nlohmann::json::parse(read_file(argv[2]), nullptr, false);
    if (queries.is_discarded()) { std::cerr << "pubview_rank_eval: " << argv[2] << " is not JSON\n"; return 2; }
    const auto start = std::chrono::steady_clock::now();
    const pv::IndexedBundle opened = pv::open_bundle(bundle_text);
    if (!opened.index) { std::cerr << "pubview_rank_eval: " << argv[1] << " is not a usable bundle\n"; return 2; }
    const double build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::unordered_map<std::string, std::uint32_t> entry_of;
    const auto& entries = opened.loaded->bundle.entries;
    for (std::uint32_t e = 0; e < entries.size(); ++e) entry_of[entries[e].id] = e;

    if (const char* tried = std::getenv("RANK_EVAL_WEIGHTS")) {
        pv::detail::RankingWeights& w = pv::detail::ranking_weights();
        std::istringstream(tried) >> w.title_coverage >> w.whole_title >> w.prefix >> w.typo >> w.title_length;
    }
    std::unique_ptr<ScoreParts> parts;
    if (std::getenv("RANK_EVAL_MISSES")) parts = std::make_unique<ScoreParts>(opened.loaded->bundle);
    std::unique_ptr<std::ofstream> hits_out;
    if (const char* path = std::getenv("RANK_EVAL_HITS")) hits_out = std::make_unique<std::ofstream>(path);
    const auto baseline = evaluate(*opened.index, queries, entry_of, parts.get(), hits_out.get());
    std::printf("%zu entries, index built in %.2f s. MRR@10 / top-1 / recall@10 per query type:\n\n| ranking |", entries.size(), build_s);
    for (const auto& [type, q] : baseline) std::printf(" %s (%d) |", type.c_str(), q.queries);
    std::printf("\n|");
    for (std::size_t column = 0; column <= baseline.size(); ++column) std::printf(" --- |");
    std::printf("\n");
    print_row("all parts", baseline);
    if (argc > 3 && std::string(argv[3]) == "--ablate") {
        pv::detail::RankingWeights& weights = pv::detail::ranking_weights();
        const pv::detail::RankingWeights defaults = weights;
        for (const auto& part : pv::detail::ranking_parts()) {
            weights = defaults;
            part.switch_off(weights);
            print_row(std::string("without ") + part.name, evaluate(*opened.index, queries, entry_of));
        }
        weights = defaults;
        weights.title_coverage = weights.whole_title = 0;
        print_row("BM25F alone (no title fit)", evaluate(*opened.index, queries, entry_of));
        weights = defaults;
    }
    return 0;
}
