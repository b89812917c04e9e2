// One libFuzzer binary per target (scripts/fuzz.sh builds it with -DGS_FUZZ_TARGET=name): an
// escape other than gs::Error aborts, which libFuzzer records as a crash with its input.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "targets.h"

namespace {
gs::fuzz::Target target() {
  static gs::fuzz::Target chosen = [] {
    for (const auto& t : gs::fuzz::targets())
      if (std::strcmp(t.name, GS_FUZZ_TARGET) == 0) return t.run;
    std::fprintf(stderr, "no fuzz target named %s\n", GS_FUZZ_TARGET);
    std::abort();
  }();
  return chosen;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    gs::fuzz::run_guarded(target(), data, size);
  } catch (const std::string& escape) {
    std::fprintf(stderr, "escaped: %s\n", escape.c_str());
    std::abort();
  }
  return 0;
}
