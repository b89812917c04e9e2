#!/usr/bin/env bash
# Compares the training throughput of two builds of GradScope on this machine: the standard
# workloads (W1, W2, W3) alternately in one run, best of the rounds, and the ratio B/A. Made for
# a native build against a portable one (what the .deb costs, see CMakeLists.txt):
#   cmake -S . -B build-portable -G Ninja -DCMAKE_BUILD_TYPE=Release -DGRADSCOPE_NATIVE=OFF
#   cmake --build build-portable --target gradscope-cli
#   bench/compare_builds.sh build/gradscope-cli build-portable/gradscope-cli [SECONDS] [ROUNDS] [THREADS]
# (defaults: 3 s per workload, 2 rounds, 1 thread).
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n '2,8p' "$0"; exit 2; }
a=$1 b=$2 seconds=${3:-3} rounds=${4:-2} threads=${5:-1}
for cli in "$a" "$b"; do [[ -x $cli ]] || { echo "not an executable: $cli"; exit 1; }; done
declare -A best
for round in $(seq "$rounds"); do
  for w in W1 W2 W3; do
    for side in a b; do
      cli=${!side}
      v=$("$cli" bench --workload "$w" --threads "$threads" --seconds "$seconds" | sed -n 's/.*steps_per_s=\([0-9.]*\).*/\1/p')
      k="$w/$side"
      best[$k]=$(python3 -c "print(max(${best[$k]:-0}, $v))")
    done
  done
done
echo "A = $a"
echo "B = $b"
printf "%-9s %8s %14s %14s %8s\n" workload threads "A steps/s" "B steps/s" "B/A"
for w in W1 W2 W3; do
  printf "%-9s %8s %14.1f %14.1f %7.2fx\n" "$w" "$threads" "${best[$w/a]}" "${best[$w/b]}" \
    "$(python3 -c "print(${best[$w/b]} / ${best[$w/a]})")"
done
