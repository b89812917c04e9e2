#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer included;
# jemalloc off so the sanitizers see every allocation) and runs the test suites under them.
#
#   scripts/sanitize.sh [address|thread] [ctest -R regex]
#
# `thread` builds with ThreadSanitizer instead (run it on the worker-thread suites, e.g.
# scripts/sanitize.sh thread 'tst_(threads|lab_gpu|lab_playground|lab_cnn)'). Not part of .ci/run:
# the sanitized build and run take far longer than CI's budget.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-address}
extra=()
filter=${2:-}
scripts/install-deps.sh >/dev/null

case "$kind" in
  address) flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"; dir=build-asan ;;
  # ThreadSanitizer cannot see libgomp's barriers and would report every OpenMP loop as a race:
  # the thread build leaves OpenMP out (the kernels run on one thread) and checks GradScope's own
  # threads, the training worker and the background jobs against the UI thread.
  thread) flags="-fsanitize=thread -fno-omit-frame-pointer -Wno-unknown-pragmas"; dir=build-tsan; extra=(-DCMAKE_DISABLE_FIND_PACKAGE_OpenMP=TRUE) ;;
  *) echo "sanitize.sh: the kind is 'address' or 'thread', not '$kind'" >&2; exit 2 ;;
esac

# -g1: line tables for the sanitizers' stack traces, without the full debug information that
# doubles the build's time and size.
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGRADSCOPE_CUDA=OFF -DGRADSCOPE_JEMALLOC=OFF \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DGRADSCOPE_TEST_TIMEOUT=3600 \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" "${extra[@]}" >/dev/null
if [ -n "$filter" ]; then
  # Only the suites the filter names, and the two programs suites run.
  mapfile -t suites < <(cd "$dir" && ctest -N -R "$filter" | sed -n 's/^ *Test *#[0-9]*: //p')
  [ ${#suites[@]} -gt 0 ] || { echo "sanitize.sh: no test suite matches '$filter'" >&2; exit 2; }
  ninja -C "$dir" gradscope gradscope-cli "${suites[@]}"
else
  ninja -C "$dir"
fi

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
# Qt is not built with ThreadSanitizer, and its mutexes are futexes TSan cannot see: memory its
# thread pool, its queued calls (a slot object posted from a worker, run and freed on the UI
# thread) and Qt Test's watchdog hand between threads reads as races. Those are suppressed by
# Qt's own functions; a race in GradScope's code (kernel_thread_count, once) is still reported.
# die_after_fork=0: suites start gradscope-cli through QProcess, which forks a threaded process.
tsan_suppressions=$(mktemp)
cat >"$tsan_suppressions" <<'SUPP'
race:libQt6Gui.so
race:libQt6Test.so
race:QWaitCondition
race:QThreadPoolPrivate
race:QRunnable
race:QFunctorSlotObject
SUPP
export TSAN_OPTIONS=halt_on_error=1:die_after_fork=0:second_deadlock_stack=1:suppressions=$tsan_suppressions
# Sanitized code is slow: every suite may run an hour (GRADSCOPE_TEST_TIMEOUT above), and so may
# each test function under Qt Test's watchdog (300 s otherwise, which the layout check's twelve
# runs of the app pass under ASan).
export QTEST_FUNCTION_TIMEOUT=3600000
cd "$dir"
args=(--output-on-failure -j"$(nproc)")
[ -n "$filter" ] && args+=(-R "$filter")
ctest "${args[@]}"
