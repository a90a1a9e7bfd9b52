// strtod for every wasm build: the widget, the worker and Node modules, the
// CLI and the doctest suites (linked with -Wl,--wrap=strtod, cmake/web.cmake).
//
// The only caller is nlohmann's lexer, which hands over a JSON number it has
// already checked. libc's strtod reads through musl's __floatscan in 128-bit
// long double arithmetic, which WebAssembly does in software: about 7 KB of
// the gzipped wasm. Here a number of at most 19 significant digits whose
// value and power of ten are exact doubles is one correctly rounded multiply
// or divide (Clinger's fast path), which covers the numbers bundles hold; any
// other goes to JavaScript's Number(), which rounds correctly as well.
//
// Only decimal notation is read (optional white space and sign, digits with
// an optional point, an optional exponent), as JSON writes numbers; text
// without a digit (inf, nan) is no number, and hexadecimal floats are read up
// to their "x".
#include <emscripten.h>

#include <cerrno>
#include <cmath>
#include <cstdint>

EM_JS(double, js_decimal_to_double, (const char* text, int length), { return Number(UTF8ToString(text, length)); });

namespace {

constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr int kLastExactPower = 22;
constexpr std::uint64_t kExactIntegers = std::uint64_t{1} << 53;
constexpr int kMaxDigits = 19;  // 10^19 fits in 64 bits

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The value of `mantissa` × 10^`exponent` when both factors are exact doubles.
bool exact_product(std::uint64_t mantissa, int exponent, double& value) {
    if (mantissa > kExactIntegers) return false;
    if (exponent < 0) {
        if (exponent < -kLastExactPower) return false;
        value = static_cast<double>(mantissa) / kExactPowers[-exponent];
        return true;
    }
    // 123e25 is 123000 × 1e22: move the excess power into the integer while it stays exact.
    for (; exponent > kLastExactPower; --exponent) {
        if (mantissa > kExactIntegers / 10) return false;
        mantissa *= 10;
    }
    value = static_cast<double>(mantissa) * kExactPowers[exponent];
    return true;
}

}  // namespace

extern "C" double __wrap_strtod(const char* text, char** end) {
    const char* p = text;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r')) ++p;
    const bool negative = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    const char* number = p;
    std::uint64_t mantissa = 0;
    int digits = 0, exponent = 0;
    bool seen_digit = false, dropped = false;
    for (bool fraction = false;; ++p) {
        if (*p == '.' && !fraction) {
            fraction = true;
            continue;
        }
        if (!is_digit(*p)) break;
        seen_digit = true;
        const int digit = *p - '0';
        if (mantissa == 0 && digit == 0) {
            exponent -= fraction;  // a leading zero: only its place counts
        } else if (digits < kMaxDigits) {
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(digit);
            ++digits;
            exponent -= fraction;
        } else {
            dropped |= digit != 0;
            exponent += !fraction;
        }
    }
    if (!seen_digit) {
        if (end) *end = const_cast<char*>(text);
        return 0;
    }
    if (*p == 'e' || *p == 'E') {
        const char* e = p + 1;
        const bool below = *e == '-';
        if (*e == '-' || *e == '+') ++e;
        if (is_digit(*e)) {
            int written = 0;
            for (; is_digit(*e); ++e)
                if (written < 100000) written = written * 10 + (*e - '0');
            exponent += below ? -written : written;
            p = e;
        }
    }
    if (end) *end = const_cast<char*>(p);
    double value = 0;
    if (mantissa != 0 && (dropped || !exact_product(mantissa, exponent, value)))
        value = js_decimal_to_double(number, static_cast<int>(p - number));
    if (std::isinf(value) || (value == 0 && mantissa != 0)) errno = ERANGE;
    return negative ? -value : value;
}
