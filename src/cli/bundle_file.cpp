#include "cli/bundle_file.h"

#include "core/formats/open_bundle.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace pv::cli {

namespace {

// Prints "pubview: cannot read PATH: why" (errno's reason).
void say_cannot_read(const std::string& path) {
    std::cerr << "pubview: cannot read " << path << ": " << std::strerror(errno) << '\n';
}

}  // namespace

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        say_cannot_read(path);
        return std::nullopt;
    }
    // A file of known size is read into one block of that size (a stream that
    // grows would hold up to twice a large bundle while it copies).
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (!error && std::filesystem::is_regular_file(path, error)) {
        std::string content(size, '\0');
        in.read(content.data(), static_cast<std::streamsize>(size));
        content.resize(static_cast<std::size_t>(in.gcount()));
        if (!in.bad()) return content;
        say_cannot_read(path);
        return std::nullopt;
    }
    std::ostringstream content;
    content << in.rdbuf();
    return std::move(content).str();
}

std::optional<Kind> kind_option(const std::string& value) {
    const std::optional<Kind> kind = kind_from_name(value);
    if (!kind) std::cerr << "pubview: --kind takes publication or job\n";
    return kind;
}

namespace {

// A file's bytes, piece by piece: a bundle is read as it is parsed, never held whole.
class FileSource final : public ByteSource {
public:
    explicit FileSource(std::FILE* file) : file_(file) {}
    ~FileSource() override { std::fclose(file_); }
    FileSource(const FileSource&) = delete;
    FileSource& operator=(const FileSource&) = delete;

    std::string_view next(std::size_t most) override {
        piece_.resize(std::min(most, kPieceBytes));
        return {piece_.data(), read_into(piece_.data(), piece_.size())};
    }
    std::size_t read_into(char* destination, std::size_t most) override {
        const std::size_t read = std::fread(destination, 1, most, file_);
        failed_ = failed_ || std::ferror(file_);
        return read;
    }
    bool failed() const { return failed_; }

private:
    static constexpr std::size_t kPieceBytes = 1u << 20;
    std::FILE* file_;
    std::string piece_;
    bool failed_ = false;
};

// Opens a bundle file, refused before reading when it is larger than a bundle
// may be; a file of unknown size (a pipe) is read whole first.
std::optional<IndexedBundle> open_file(const std::string& path, const OpenOptions& options) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || !std::filesystem::is_regular_file(path, error)) {
        std::optional<std::string> bytes = read_file(path);
        if (!bytes) return std::nullopt;
        return open_bundle(*bytes, options);
    }
    if (size > options.load.max_document_bytes) {
        const Problem too_big{Severity::error, "", "bundle is " + std::to_string(size >> 20) + " MiB; the limit is " +
                                                       std::to_string(options.load.max_document_bytes >> 20) + " MiB"};
        std::cerr << format_problem(path, too_big) << '\n';
        return std::nullopt;
    }
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        say_cannot_read(path);
        return std::nullopt;
    }
    FileSource source(file);
    IndexedBundle opened = open_bundle(source, size, options);
    if (source.failed()) {
        say_cannot_read(path);
        return std::nullopt;
    }
    return opened;
}

// Prints the problems; whether the bundle is usable.
bool usable_after_report(const std::string& path, const LoadResult& result) {
    for (const Problem& p : result.problems) std::cerr << format_problem(path, p) << '\n';
    return result.usable;
}

}  // namespace

std::optional<LoadResult> load_bundle_file(const std::string& path) {
    OpenOptions model_only;
    model_only.index = false;
    std::optional<IndexedBundle> opened = open_bundle_file(path, model_only);
    if (!opened) return std::nullopt;
    return std::move(*opened->loaded);
}

std::optional<IndexedBundle> open_bundle_file(const std::string& path, const OpenOptions& options) {
    std::optional<IndexedBundle> opened = open_file(path, options);
    if (!opened || !usable_after_report(path, *opened->loaded)) return std::nullopt;
    return opened;
}

bool write_file(const std::string& path, const std::string& text) {
    if (path == "-") {
        std::cout << text;
        return static_cast<bool>(std::cout);
    }
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) {
        std::cerr << "pubview: cannot write " << path << ": " << std::strerror(errno) << '\n';
        return false;
    }
    return true;
}

}  // namespace pv::cli
