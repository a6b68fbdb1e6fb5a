#!/usr/bin/env bash
# The workbooks print (issue 10 item 2): the award workbook of the example, the fill-in form and
# the committee form (pre-filled with the example's bidders) converted to PDF by LibreOffice;
# every page's footer names its sheet ("<blad> ... Pagina N van M", set by the writers), so the
# pages are counted per sheet and compared with the counts below. Before the print setup the
# three were 64, 63 and 69 pages. Skipped (exit 77) without LibreOffice or poppler-utils.
# Usage: workbooks_print.sh path/to/tender   (run from the source directory)
set -euo pipefail
tender=$1
for tool in soffice pdftotext pdfinfo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not installed"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
say() { echo "FAIL [workbooks_print]: $*"; fail=1; }
ex=fixtures/example
"$tender" evaluate --bids $ex/bids --scores $ex/scores.csv --date 2022-08-08 \
  -o "$tmp/gunning.xlsx" >/dev/null
"$tender" forms -o "$tmp" --bids $ex/bids >/dev/null
(cd "$tmp" && soffice -env:UserInstallation="file://$tmp/profile" --headless \
   --convert-to pdf gunning.xlsx inschrijving-ijsselland-2023.xlsx \
   commissie-ijsselland-2023.xlsx >/dev/null 2>&1)

# "<count> <sheet>" per sheet, sorted by sheet name
per_sheet() {
  local pdf=$1 n
  n=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for i in $(seq 1 "$n"); do
    pdftotext -layout -f "$i" -l "$i" "$pdf" - | grep -E "Pagina [0-9]+ van [0-9]+" | tail -1 |
      sed -E 's/^ *//; s/ +Pagina.*//'
  done | sort | uniq -c | sed -E 's/^ *//'
}
check() {
  local pdf=$1 expected=$2 got
  [ -f "$pdf" ] || { say "no $(basename "$pdf")"; return; }
  got=$(per_sheet "$pdf")
  [ "$got" = "$expected" ] || { say "$(basename "$pdf") pages per sheet:"; diff <(echo "$expected") <(echo "$got") || true; }
  # every page A4 landscape (842 x 595 pt)
  pdfinfo -f 1 -l 999 "$pdf" | grep -E "^Page +[0-9]+ size" | grep -vqE "841\.[0-9]+ x 595\.[0-9]+" &&
    say "$(basename "$pdf"): a page that is not A4 landscape"
  return 0
}
check "$tmp/gunning.pdf" "2 Audit
2 Inschrijvers
1 Knock-outs
1 Perceel 1
1 Perceel 2
1 Perceel 3
1 Perceel 4
1 Perceel 5
1 Perceel 6
1 Perceel 7
1 Perceel 8
1 Perceel 9
1 Procedure
1 Samenvatting
1 Tarieven"
check "$tmp/inschrijving-ijsselland-2023.pdf" "2 Controle
1 FTE
1 Financieel
1 Groepen
1 Identiteit
1 Locaties
2 Percelen
1 Referenties
1 Tariefgroep
1 Toelichting
1 Verzekering en kwaliteit"
check "$tmp/commissie-ijsselland-2023.pdf" "2 Perceel 1
2 Perceel 2
2 Perceel 3
2 Perceel 4
2 Perceel 5
2 Perceel 9
1 Toelichting"
[ "$fail" -eq 0 ] && echo "workbooks_print: award 15, fill-in 13, committee 13 pages (were 64, 63, 69)"
exit "$fail"
