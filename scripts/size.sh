#!/usr/bin/env bash
# Prints the bytes a visitor downloads from a built site, raw and gzipped
# (gzip -9), per file: first the files of the first load, then the files
# loaded on first use (--lazy), each with its total, then everything; then
# files downloaded on their own (--apart: the offline single file), in no
# total.
#
#   scripts/size.sh [DIST] [--lazy FILE]... [--apart FILE]... [--budget BYTES] [--total-budget BYTES]
#
# With --budget, exits 1 when the first load's gzipped total is over
# BYTES; with --total-budget, when everything together is (make test
# checks 250 KB and 450 KB this way).
set -euo pipefail
dist=dist
budget=
total_budget=
lazy=()
apart=()
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) budget=$2; shift 2 ;;
    --total-budget) total_budget=$2; shift 2 ;;
    --lazy) lazy+=("$2"); shift 2 ;;
    --apart) apart+=("$2"); shift 2 ;;
    *) dist=$1; shift ;;
  esac
done
cd "$dist"
mapfile -t files < <(find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \
  -o -name '*.html' -o -name '*.svg' -o -name '*.webmanifest' \) | sed 's|^\./||' | sort)
is_lazy() {
  local name
  for name in "${lazy[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}
is_apart() {
  local name
  for name in "${apart[@]}"; do [ "$name" = "$1" ] && return 0; done
  return 1
}
first=()
later=()
for file in "${files[@]}"; do
  if is_apart "$file"; then continue; fi
  if is_lazy "$file"; then later+=("$file"); else first+=("$file"); fi
done
for name in "${lazy[@]}" "${apart[@]}"; do
  [ -f "$name" ] || { echo "size: $dist/$name (--lazy, --apart) is missing" >&2; exit 1; }
done
# Prints the rows of the files "$@" and their total under the title
# $title; leaves the totals in $raw_sum and $gzip_sum.
table() {
  raw_sum=0
  gzip_sum=0
  local file raw gz
  for file in "$@"; do
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    raw_sum=$((raw_sum + raw))
    gzip_sum=$((gzip_sum + gz))
    printf '%-28s %10d %10d\n' "$file" "$raw" "$gz"
  done
  printf '%-28s %10d %10d\n' "$title" "$raw_sum" "$gzip_sum"
}
printf '%-28s %10s %10s\n' file bytes gzipped
title='first load' table "${first[@]}"
first_raw=$raw_sum
first_gzip=$gzip_sum
lazy_raw=0
lazy_gzip=0
if [ ${#later[@]} -gt 0 ]; then
  echo '-- loaded on first use'
  title='on first use' table "${later[@]}"
  lazy_raw=$raw_sum
  lazy_gzip=$gzip_sum
fi
printf '%-28s %10d %10d\n' 'everything' "$((first_raw + lazy_raw))" "$((first_gzip + lazy_gzip))"
if [ ${#apart[@]} -gt 0 ]; then
  echo '-- downloaded on its own'
  for file in "${apart[@]}"; do
    printf '%-28s %10d %10d\n' "$file" "$(wc -c <"$file")" "$(gzip -9 -c "$file" | wc -c)"
  done
fi
status=0
if [ -n "$budget" ]; then
  if [ "$first_gzip" -gt "$budget" ]; then
    echo "size: first load over budget: $first_gzip bytes gzipped > $budget" >&2
    status=1
  else
    echo "size: first load within budget: $first_gzip of $budget bytes gzipped"
  fi
fi
if [ -n "$total_budget" ]; then
  total=$((first_gzip + lazy_gzip))
  if [ "$total" -gt "$total_budget" ]; then
    echo "size: everything over budget: $total bytes gzipped > $total_budget" >&2
    status=1
  else
    echo "size: everything within budget: $total of $total_budget bytes gzipped"
  fi
fi
exit $status
