// JSON numbers read as the nearest double. Natively they go through libc's
// strtod; in the wasm suites, as in the widget, through
// src/platform/decimal_to_double.cpp. The expected values are C++ literals,
// which the compiler converts, so they do not depend on either.
#include "core/formats/json_text_stream.h"

#include <doctest/doctest.h>

#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

namespace {

double read_number(const std::string& text) {
    const nlohmann::json value = pv::parse_json("[" + text + "]");
    REQUIRE_MESSAGE(value.is_array(), text);
    REQUIRE_MESSAGE(value.at(0).is_number_float(), text);
    return value.at(0).get<double>();
}

std::uint64_t bits_of(double value) {
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

void check_reads_as(const std::string& text, double expected) {
    INFO(text);
    CHECK(bits_of(read_number(text)) == bits_of(expected));
}

}  // namespace

TEST_SUITE("JSON numbers") {

TEST_CASE("a number reads as the double nearest to it, in few digits or many") {
    check_reads_as("0.1", 0.1);
    check_reads_as("3.14", 3.14);
    check_reads_as("-2.5", -2.5);
    check_reads_as("-0.0", -0.0);
    check_reads_as("0.0", 0.0);
    check_reads_as("150000.75", 150000.75);
    check_reads_as("1e22", 1e22);
    check_reads_as("1e23", 1e23);  // not 1 × 10^23 rounded twice
    check_reads_as("123e25", 123e25);
    check_reads_as("1.5E-7", 1.5e-7);
    check_reads_as("2e+3", 2e3);
    check_reads_as("0.000000000000000000000000000001", 1e-30);
    check_reads_as("9007199254740993.0", 9007199254740993.0);  // halfway: to even
    check_reads_as("123456789012345678901234567890.0", 123456789012345678901234567890.0);
    check_reads_as("1.00000000000000011102230246251565404236316680908203125", 1.00000000000000011102230246251565404236316680908203125);
    check_reads_as("1.00000000000000000000000000001", 1.00000000000000000000000000001);
    check_reads_as("0.30000000000000004", 0.30000000000000004);
    check_reads_as("1.7976931348623157e308", 1.7976931348623157e308);
    check_reads_as("2.2250738585072011e-308", 2.2250738585072011e-308);
    check_reads_as("4.9e-324", 4.9e-324);
    check_reads_as("1e-400", 0.0);
}

TEST_CASE("any double written with 17 digits, or as few as it needs, reads back as itself") {
    std::mt19937_64 random(20261202);
    char text[40];
    for (int i = 0; i < 20000; ++i) {
        double value;
        if (i % 2) {
            const std::uint64_t bits = (random() & ~(std::uint64_t{0x7ff} << 52)) | (std::uint64_t{random() % 2046} << 52);
            std::memcpy(&value, &bits, sizeof value);
        } else {
            value = static_cast<double>(static_cast<std::int64_t>(random() % 2000001) - 1000000) / static_cast<double>(1 << (random() % 12));
        }
        std::snprintf(text, sizeof text, "%.17g", value);
        INFO(text);
        const std::string json = std::strpbrk(text, ".e") ? text : std::string(text) + ".0";
        CHECK(bits_of(read_number(json)) == bits_of(value));
    }
}

TEST_CASE("a number beyond the largest double is refused with its text") {
    const nlohmann::json value = pv::parse_json("[1e400]");
    CHECK(value.is_discarded());
}

}  // TEST_SUITE
