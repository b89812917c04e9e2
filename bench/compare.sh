#!/usr/bin/env bash
# Runs GradScope's and PyTorch's (CPU) training workloads alternately in one run on this machine
# and prints the ratio per workload and thread count (best of the rounds: other processes on the
# machine only ever slow a run down).
#   bench/compare.sh [SECONDS] [ROUNDS] [WORKLOAD...]
#     SECONDS   per workload and round (default 3); ROUNDS (default 2)
#     WORKLOAD  W1, W2, W3, W4 (default: all four) or a model spec SPEC.json (with its own
#               "input_shape"; trained with Adam 1e-3 on random labels), either with @B for
#               batch B: bench/compare.sh 3 2 W4 W4@16 W4@256 bench/specs/cnn_3x3_64ch.json
#   GRADSCOPE_CLI=build-x/gradscope-cli bench/compare.sh   (another build; default build/)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-3}
rounds=${2:-2}
shift $(($# < 2 ? $# : 2))
workloads=("$@")
[[ ${#workloads[@]} -gt 0 ]] || workloads=(W1 W2 W3 W4)
cli=${GRADSCOPE_CLI:-build/gradscope-cli}
[[ -x $cli ]] || { echo "build first: scripts/test.sh (or cmake --build build)"; exit 1; }
/usr/bin/python3 -c "import torch" 2>/dev/null || { echo "needs Debian's python3-torch: scripts/install-deps.sh --dev"; exit 1; }
# Old OpenBLAS workarounds slow down a current one; PyTorch gets its best kernels here.
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE

# The arguments both benchmarks take for one workload: W4@16 → --workload W4 --batch 16.
workload_args() {
  local name=${1%@*} batch=
  [[ $1 == *@* ]] && batch=${1##*@}
  if [[ $name == *.json ]]; then echo "--model $name"; else echo "--workload $name"; fi
  [[ -z $batch ]] || echo "--batch $batch"
}
steps_per_s() { sed -n 's/.*steps_per_s=\([0-9.]*\).*/\1/p'; }

declare -A ours theirs
for threads in 1 2; do
  for round in $(seq "$rounds"); do
    for w in "${workloads[@]}"; do
      # shellcheck disable=SC2046 # the arguments are words by design
      o=$($cli bench $(workload_args "$w") --threads $threads --seconds "$seconds" | steps_per_s)
      # shellcheck disable=SC2046
      t=$(/usr/bin/python3 bench/peer_torch.py $(workload_args "$w") --threads $threads --seconds "$seconds" | steps_per_s)
      k="$w/$threads"
      ours[$k]=$(python3 -c "print(max(${ours[$k]:-0}, $o))")
      theirs[$k]=$(python3 -c "print(max(${theirs[$k]:-0}, $t))")
    done
  done
done
printf "%-32s %8s %14s %14s %8s\n" workload threads gradscope torch ratio
for threads in 1 2; do
  for w in "${workloads[@]}"; do
    k="$w/$threads"
    printf "%-32s %8s %14.1f %14.1f %7.2fx\n" "$w" "$threads" "${ours[$k]}" "${theirs[$k]}" "$(python3 -c "print(${ours[$k]} / ${theirs[$k]})")"
  done
done
