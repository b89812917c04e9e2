#pragma once
// Fuzz targets for every file kind GradScope reads (issue 18): each takes arbitrary bytes, feeds
// them to the same core function the app and the CLI use, and may only fail with gs::Error, the
// one exception a reader is allowed to throw (its message names the field and goes to the user).
// Anything else escaping (a json type_error, std::out_of_range, bad_alloc from a size taken on
// trust, a crash under the sanitizers) is a finding.
//
// Built twice: into libFuzzer binaries by scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,
// undefined), and into tst_fuzz_corpus, which replays the committed corpus on every test run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gs::fuzz {

using Target = void (*)(const std::uint8_t* data, std::size_t size);

struct NamedTarget {
  const char* name;  ///< also the corpus folder: tests/fuzz/corpus/<name>/
  Target run;
};

/// Every target, in a fixed order.
const std::vector<NamedTarget>& targets();

/// Runs `run` on the bytes and reports an escape other than gs::Error as a std::string thrown
/// (tst_fuzz_corpus turns it into a failure); under libFuzzer it aborts instead.
void run_guarded(Target run, const std::uint8_t* data, std::size_t size);

}  // namespace gs::fuzz
