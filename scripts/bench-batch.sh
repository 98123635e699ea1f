#!/usr/bin/env bash
# The batch CLI's throughput (`make bench-batch`): every corpus document
# 50 times over, as symbolic links in a temporary folder, parsed in one run
# of `gangmu --jsonl DIR > /dev/null` — reading, parsing and writing the
# JSON Lines included — on 1 thread and on every core; medians of RUNS (3).
#
#   scripts/bench-batch.sh [GANGMU] [COPIES]
set -euo pipefail
gangmu=${1:-target/release/gangmu}
copies=${2:-50}
runs=${RUNS:-3}
corpus="$(cd "$(dirname "$0")/.." && pwd)/tests/corpus"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for copy in $(seq -w 1 "$copies"); do
  mkdir "$dir/$copy"
  for file in "$corpus"/*.txt; do
    ln -s "$file" "$dir/$copy/$(basename "$file")"
  done
done
files=$(find -L "$dir" -type f | wc -l)
bytes=$(cat "$corpus"/*.txt | wc -c)
bytes=$((bytes * copies))
cores=$(nproc)
echo "bench-batch: $files files, $(awk "BEGIN { printf \"%.1f\", $bytes / 1e6 }") MB; $cores cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
for threads in 1 0; do
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    "$gangmu" --jsonl --threads "$threads" "$dir" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk "BEGIN { print $end - $start }")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
  label=$([ "$threads" = 1 ] && echo "1 thread" || echo "all $cores threads")
  printf 'bench-batch: %-14s %6.2f s  %6.1f MB/s  (runs: %s)\n' "$label" "$median" \
    "$(awk "BEGIN { print $bytes / 1e6 / $median }")" "${times[*]}"
done
