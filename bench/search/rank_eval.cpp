// Ranking quality of pubview's engine on a benchmark corpus, natively and
// fast enough to try a change in seconds: MRR@10, top-1 and recall@10 per
// query type, for the default ranking and, with --ablate, for the ranking
// with each part of the score switched off in turn (docs/DESIGN.md, "Ranking").
//
//   build/native/pubview_rank_eval CORPUS.json QUERIES.json [--ablate]
// RANK_EVAL_WEIGHTS="coverage whole prefix typo title_b" tries other weights (scoring.h, RankingWeights).
// RANK_EVAL_MISSES=TYPE also prints the queries of that type whose first hit is wrong.
#include "core/formats/open_bundle.h"
#include "core/search/scoring.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
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

std::map<std::string, Quality> evaluate(const pv::SearchIndex& index, const nlohmann::json& queries,
                                        const std::unordered_map<std::string, std::uint32_t>& entry_of) {
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
        if (std::getenv("RANK_EVAL_MISSES") && q["type"] == std::getenv("RANK_EVAL_MISSES") &&
            (result.hits.empty() || !relevant.count(result.hits[0].entry))) {
            std::printf("%s\n  wanted: %s\n", request.query.c_str(), index.bundle().entries[*relevant.begin()].title.c_str());
            for (std::size_t rank = 0; rank < std::min<std::size_t>(3, result.hits.size()); ++rank)
                std::printf("  %zu %.1f: %s\n", rank + 1, result.hits[rank].score, index.bundle().entries[result.hits[rank].entry].title.c_str());
        }
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
    const auto baseline = evaluate(*opened.index, queries, entry_of);
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
