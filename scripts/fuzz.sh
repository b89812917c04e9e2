#!/usr/bin/env bash
# Fuzzes every file kind GradScope reads (issue 18) with libFuzzer, ASan and UBSan.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default: 60 s, every target)
#
# Targets run side by side, one per core (FUZZ_JOBS=N for another number).
#
# Builds core and tests/fuzz/targets.cpp with clang into build-fuzz/, then runs each target on
# its corpus (tests/fuzz/corpus/<target>/, which it grows in build-fuzz/corpus/<target>/). A
# crash leaves its input in build-fuzz/findings/<target>/: fix the reader, then copy the input
# into tests/fuzz/corpus/<target>/ so tst_fuzz_corpus replays it on every test run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true

if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz.sh: installing clang and libFuzzer (clang, libclang-rt-dev)"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq clang libclang-rt-dev >/dev/null
fi
scripts/install-deps.sh >/dev/null

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGRADSCOPE_CUDA=OFF -DGRADSCOPE_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(ls tests/fuzz/corpus)
fi
ninja -C build-fuzz "${targets[@]/#/fuzz_}" >/dev/null

# One target per core at a time (FUZZ_JOBS to change): each libFuzzer run is single-threaded.
jobs=${FUZZ_JOBS:-$(nproc)}
fuzz_one() {
  local t=$1 bin=build-fuzz/tests/fuzz_$1
  mkdir -p "build-fuzz/corpus/$t" "build-fuzz/findings/$t"
  if ! ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$bin" -max_total_time="$seconds" -rss_limit_mb=3072 \
      -timeout=20 -max_len=65536 -artifact_prefix="build-fuzz/findings/$t/" \
      "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" 2>"build-fuzz/fuzz_$t.log"; then
    { echo "== $t: ${seconds}s"
      echo "   FOUND: $(ls "build-fuzz/findings/$t" | head -3 | tr '\n' ' ') (log: build-fuzz/fuzz_$t.log)"
      grep -m3 -E "escaped:|ERROR: |SUMMARY" "build-fuzz/fuzz_$t.log" | sed 's/^/   /'; } >"build-fuzz/fuzz_$t.summary"
    return 1
  fi
  { echo "== $t: ${seconds}s"; grep -m1 -E "^Done [0-9]+ runs" "build-fuzz/fuzz_$t.log" | sed 's/^/   /'; } >"build-fuzz/fuzz_$t.summary"
}
status=0
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || status=1
    running=$((running - 1))
  fi
  fuzz_one "$t" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || status=1
  running=$((running - 1))
done
for t in "${targets[@]}"; do cat "build-fuzz/fuzz_$t.summary"; done
exit $status
