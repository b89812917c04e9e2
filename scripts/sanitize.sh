#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included;
# jemalloc off so the sanitizers see every allocation) and runs the test suites under them.
#
#   scripts/sanitize.sh [address|thread] [ctest -R regex]
#
# `thread` builds with ThreadSanitizer instead (run it on the worker-thread suites, e.g.
# scripts/sanitize.sh thread 'tst_(training_session|lab_gpu|background)'). Not part of .ci/run:
# the sanitized build and run take far longer than CI's budget.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-address}
filter=${2:-}
scripts/install-deps.sh >/dev/null

case "$kind" in
  address) flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"; dir=build-asan ;;
  thread) flags="-fsanitize=thread -fno-omit-frame-pointer"; dir=build-tsan ;;
  *) echo "sanitize.sh: the kind is 'address' or 'thread', not '$kind'" >&2; exit 2 ;;
esac

cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGRADSCOPE_CUDA=OFF -DGRADSCOPE_JEMALLOC=OFF \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
ninja -C "$dir"

# Qt's own one-time allocations (fonts, the platform plugin) are not the project's leaks.
suppressions=$(mktemp)
cat >"$suppressions" <<'SUPP'
leak:libfontconfig
leak:libQt6Gui
leak:libQt6Core
leak:libQt6Widgets
leak:libdbus
leak:libglib
SUPP
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export LSAN_OPTIONS=suppressions=$suppressions:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
# Sanitized code is slow: every suite gets three times its usual time.
cd "$dir"
args=(--output-on-failure -j"$(nproc)" --timeout 3600)
[ -n "$filter" ] && args+=(-R "$filter")
ctest "${args[@]}"
