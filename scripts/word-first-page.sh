#!/usr/bin/env bash
# Writes docs/word-first-page.png: the first page of the sample's Word
# export (`gangmu --format docx`, the bytes 导出 → Word 文档 saves),
# converted by LibreOffice to PDF and by pdftoppm to a PNG at 80 dpi.
# Needs soffice and pdftoppm (make test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --quiet --bin gangmu
"${CARGO_TARGET_DIR:-target}/debug/gangmu" --format docx -o "$work/sample.docx" \
  tests/corpus/00_seed_city-mobilisation-speech.txt
HOME=$work soffice --headless --convert-to pdf --outdir "$work" "$work/sample.docx" >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/sample.pdf" "$work/page"
cp "$work/page.png" docs/word-first-page.png
echo "wrote docs/word-first-page.png ($(wc -c <docs/word-first-page.png) bytes)"
