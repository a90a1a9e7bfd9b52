// Fuzzes the bundle loader: any bytes load without a crash, hang or sanitizer
// report, and a usable bundle survives a round trip: load_bundle(to_json(b))
// is clean and gives back b.
#include "core/model/bundle.h"
#include "fuzz_check.h"

#include <cstdint>
#include <cstdio>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    pv::LoadOptions options;
    options.max_string_bytes = 256;  // small inputs still reach the truncation path
    options.max_nesting = 16;
    const pv::LoadResult first = pv::load_bundle(text, options);
    FUZZ_CHECK(first.usable || first.fatal() != nullptr, "an unusable bundle names its fatal error");
    for (const pv::Problem& p : first.problems) FUZZ_CHECK(!p.message.empty(), "every problem has a message");
    if (!first.usable) return 0;

    const std::string json = pv::to_json(first.bundle);
    const pv::LoadResult second = pv::load_bundle(json);
    if (!second.clean()) {
        for (const pv::Problem& p : second.problems) std::fprintf(stderr, "%s\n", pv::format_problem("round trip", p).c_str());
        FUZZ_CHECK(false, "to_json gives a bundle that loads cleanly");
    }
    const long diff = pv::fuzz::first_difference(first.bundle, second.bundle);
    if (diff != -1) std::fprintf(stderr, "first difference at entry %ld\n%s\n", diff, json.c_str());
    FUZZ_CHECK(diff == -1, "load_bundle(to_json(b)) gives back b");
    FUZZ_CHECK(pv::to_json(second.bundle) == json, "to_json is stable");
    return 0;
}
