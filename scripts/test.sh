#!/usr/bin/env bash
# Installs what is missing, builds GradScope (Release) and runs every test suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."

t0=$(date +%s)
scripts/install-deps.sh
t1=$(date +%s)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --parallel
t2=$(date +%s)
status=0
(cd build && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)") || status=$?
t3=$(date +%s)
echo "test.sh: set-up $((t1 - t0)) s, build $((t2 - t1)) s, tests $((t3 - t2)) s"
exit $status
