#!/usr/bin/env bash
# Prints the bytes a visitor downloads from a built site, raw and gzipped
# (gzip -9), per file and in total.
#
#   scripts/size.sh [DIST] [--budget BYTES]
#
# With --budget, exits 1 when the gzipped total is over BYTES (make test
# checks the 250 KB budget this way).
set -euo pipefail
dist=dist
budget=
while [ $# -gt 0 ]; do
  case "$1" in
    --budget) budget=$2; shift 2 ;;
    *) dist=$1; shift ;;
  esac
done
cd "$dist"
mapfile -t files < <(find . -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \
  -o -name '*.html' -o -name '*.svg' \) | sed 's|^\./||' | sort)
printf '%-28s %10s %10s\n' file bytes gzipped
raw_total=0
gzip_total=0
for file in "${files[@]}"; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  raw_total=$((raw_total + raw))
  gzip_total=$((gzip_total + gz))
  printf '%-28s %10d %10d\n' "$file" "$raw" "$gz"
done
printf '%-28s %10d %10d\n' total "$raw_total" "$gzip_total"
if [ -n "$budget" ]; then
  if [ "$gzip_total" -gt "$budget" ]; then
    echo "size: over budget: $gzip_total bytes gzipped > $budget" >&2
    exit 1
  fi
  echo "size: within budget: $gzip_total of $budget bytes gzipped"
fi
