#!/usr/bin/env bash
# tender letters --pdf on the shipped example through LibreOffice's HTML import: every letter
# becomes a PDF of 1 or 2 A4 pages. Skipped (exit 77) where LibreOffice is not installed.
# Usage: letters_pdf.sh path/to/tender   (run from the source directory)
set -euo pipefail
tender=$1
command -v soffice >/dev/null 2>&1 || { echo "SKIP: soffice not installed"; exit 77; }
# the HTML import needs LibreOffice Writer (Debian: libreoffice-writer-nogui), not only Calc
[ -e "$(dirname "$(readlink -f "$(command -v soffice)")")/libswlo.so" ] ||
  { echo "SKIP: LibreOffice Writer not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
say() { echo "FAIL [letters_pdf]: $*"; fail=1; }
"$tender" letters --bids fixtures/example/bids --scores fixtures/example/scores.csv \
  --date 2022-08-08 -o "$tmp/brieven" --pdf >/dev/null
pages() {
  if command -v pdfinfo >/dev/null 2>&1; then pdfinfo "$1" | awk '/^Pages:/ {print $2}'
  else grep -ac '/Type */Page[^s]' "$1"; fi
}
n=0
for html in "$tmp"/brieven/gunningsbeslissing-*.html; do
  pdf=${html%.html}.pdf
  [ -f "$pdf" ] || { say "no PDF for $(basename "$html")"; continue; }
  p=$(pages "$pdf")
  { [ "$p" -ge 1 ] && [ "$p" -le 2 ]; } || say "$(basename "$pdf"): $p pages, expected 1-2"
  grep -aqE "/MediaBox ?\\[ ?0 0 595" "$pdf" || say "$(basename "$pdf"): not A4 portrait"
  n=$((n + 1))
done
[ "$n" -eq 40 ] || say "$n letters, expected 40"
[ -z "$(find "$tmp" -maxdepth 1 -name '*.tmp*' -o -maxdepth 1 -name '*.profile')" ] ||
  say "temp folder or LibreOffice profile left behind"
[ "$fail" -eq 0 ] && echo "letters_pdf: $n letters, each 1-2 A4 pages"
exit "$fail"
