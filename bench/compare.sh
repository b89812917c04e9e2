#!/usr/bin/env bash
# Runs GradScope's and PyTorch's (CPU) training workloads alternately in one run on this machine
# and prints the ratio per workload and thread count.
#   bench/compare.sh [SECONDS] [ROUNDS]      (default 3 s per workload, 2 rounds; best of the rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
rounds=${2:-2}
cli=build/gradscope-cli
[[ -x $cli ]] || { echo "build first: scripts/test.sh (or cmake --build build)"; exit 1; }
/usr/bin/python3 -c "import torch" 2>/dev/null || { echo "needs Debian's python3-torch: scripts/install-deps.sh --dev"; exit 1; }
# Old OpenBLAS workarounds slow down a current one; PyTorch gets its best kernels here.
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
declare -A ours theirs
for threads in 1 2; do
  for round in $(seq "$rounds"); do
    for w in W1 W2 W3; do
      o=$($cli bench --workload $w --threads $threads --seconds "$seconds" | sed -n 's/.*steps_per_s=\([0-9.]*\).*/\1/p')
      t=$(/usr/bin/python3 bench/peer_torch.py --workload $w --threads $threads --seconds "$seconds" | sed -n 's/.*steps_per_s=\([0-9.]*\).*/\1/p')
      k="$w/$threads"
      ours[$k]=$(python3 -c "print(max(${ours[$k]:-0}, $o))")
      theirs[$k]=$(python3 -c "print(max(${theirs[$k]:-0}, $t))")
    done
  done
done
printf "%-10s %8s %14s %14s %8s\n" workload threads gradscope torch ratio
for threads in 1 2; do
  for w in W1 W2 W3; do
    k="$w/$threads"
    printf "%-10s %8s %14.1f %14.1f %7.2fx\n" "$w" "$threads" "${ours[$k]}" "${theirs[$k]}" "$(python3 -c "print(${ours[$k]} / ${theirs[$k]})")"
  done
done
