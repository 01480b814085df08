#!/usr/bin/env bash
# Times two commands in pairs, A then B, N times, and prints each wall time and the medians: this machine's speed
# drifts by a third within half an hour, so a change is judged only against its baseline run beside it.
#
#   jobs/paired-timing.sh [--runs N] "COMMAND A" "COMMAND B"
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") [--runs N] \"COMMAND A\" \"COMMAND B\"" >&2
  exit 2
}
runs=5
if [[ "${1-}" == "--runs" ]]; then
  [[ $# -ge 2 && "$2" =~ ^[1-9][0-9]*$ ]] || usage
  runs="$2"
  shift 2
fi
[[ $# -eq 2 ]] || usage

seconds() { # runs a command quietly, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  bash -c "$1" >/dev/null 2>&1 || { echo "failed: $1" >&2; exit 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN {print e - s}'
}

median() {
  sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

a=()
b=()
for ((i = 1; i <= runs; i++)); do
  a+=("$(seconds "$1")")
  b+=("$(seconds "$2")")
  printf 'pair %d: A %.2f s, B %.2f s\n' "$i" "${a[-1]}" "${b[-1]}"
done
ma=$(printf '%s\n' "${a[@]}" | median)
mb=$(printf '%s\n' "${b[@]}" | median)
printf 'median of %d: A %.2f s, B %.2f s, B/A %.3f\n' "$runs" "$ma" "$mb" "$(awk -v a="$ma" -v b="$mb" 'BEGIN {print b / a}')"
