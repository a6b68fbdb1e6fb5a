#!/usr/bin/env bash
# Collects the seed corpora and dictionaries of the fuzz harnesses (tests/fuzz/CMakeLists.txt,
# target fuzz_corpus) into OUT, from the fixtures in the source tree and from workbooks the
# program writes itself (there are no .xlsx fixtures). Regressions (tests/fuzz/regressions/<h>/,
# inputs that once crashed a harness) are seeds too, so every smoke run replays them.
#   collect-corpus.sh SOURCE_DIR OUT TENDER_BINARY
set -euo pipefail
src=$1 out=$2 tender=$3
fz="$src/tests/fuzz"
rm -rf "$out.new"
mkdir -p "$out.new"

seed() { # seed HARNESS FILE...: copies files that exist (a glob that matched nothing is skipped)
  local h=$1; shift
  mkdir -p "$out.new/$h"
  local f
  for f in "$@"; do
    [ -f "$f" ] || continue
    cp "$f" "$out.new/$h/$(basename "$(dirname "$f")")--$(basename "$f")"
  done
}

seed fuzz_bid_xml "$src"/fixtures/bids/*.xml "$src"/fixtures/bids/*/*.xml \
  "$src"/fixtures/example/bids/*.xml "$src"/fixtures/hostile/*.xml \
  "$src"/fixtures/hostile/*/*.xml "$src"/fixtures/xbrl/*.xml "$src"/fixtures/espd/bid-*.xml
seed fuzz_definition "$src"/fixtures/tenders/*.xml
seed fuzz_scores_csv "$src"/fixtures/scores/*.csv "$src"/fixtures/example/scores.csv
seed fuzz_prices_csv "$src"/fixtures/scores/prices-*.csv "$src"/fixtures/scores/scores-example.csv
seed fuzz_espd "$src"/fixtures/espd/*.xml
seed fuzz_xbrl "$src"/fixtures/xbrl/*.xbrl

# Workbooks: the two forms of `tender forms` (blank and prefilled) and the award workbook of the
# shipped example. The raw harness gets them whole, the parts harness split into its parts.
work=$(mktemp -d "${TMPDIR:-/tmp}/tnd-fuzz-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/blank" "$work/prefilled" "$work/award"
"$tender" forms -o "$work/blank" >/dev/null
"$tender" forms -o "$work/prefilled" --prefill "$src/fixtures/bids/example-complete-bid.xml" >/dev/null
(cd "$src" && "$tender" evaluate --bids fixtures/example/bids --scores fixtures/example/scores.csv \
   -o "$work/award/award.xlsx" --date 2022-10-03 >/dev/null) || [ -f "$work/award/award.xlsx" ]
mkdir -p "$out.new/fuzz_xlsx_raw" "$out.new/fuzz_xlsx_parts"
for x in "$work"/blank/*.xlsx "$work"/prefilled/*.xlsx "$work"/award/award.xlsx; do
  name="$(basename "$(dirname "$x")")--$(basename "$x")"
  cp "$x" "$out.new/fuzz_xlsx_raw/$name"
  python3 "$fz/split-xlsx.py" "$x" "$out.new/fuzz_xlsx_parts/$name.parts"
done

# Notation: the first byte chooses the parser (fuzz_notation.c), the rest is text.
mkdir -p "$out.new/fuzz_notation"
i=0
note() { # note SELECTOR TEXT
  printf "\\x$(printf %02x "$1")%s" "$2" >"$out.new/fuzz_notation/seed-$(printf %03d $i)"
  i=$((i + 1))
}
for t in "2000000" "€ 2.000.000,00" "EUR 2.000.000,-" "2,000,000.00" "-€ 1.000,00" "1.234,5"; do note 0 "$t"; done
for t in "4,1" "1.234,5" "-0,5" "+2" "0.950"; do note 1 "$t"; done
for t in "95%" "0,95" "95,0 %"; do note 2 "$t"; done
for t in "20,5%" "20.5 %" "100%"; do note 3 "$t"; done
for t in "10" "1.000"; do note 4 "$t"; done
for t in "18-07-2022" "18/07/2022" "2022-07-18" "18 juli 2022" "29 feb 2024"; do note 5 "$t"; done
for t in "18-07-2022 11:00" "2022-07-18T11:00:00" "18-07-2022 11.00 uur"; do note 6 "$t"; done
for t in "1234 5678" "12.34.56.78"; do note 7 "$t"; done
for t in "12345678" "1234 5678"; do note 8 "$t"; done
for t in "ja" "Nee" "waar" "0"; do note 9 "$t"; done
for t in "B4" "XFD1048576" "AA10"; do note 10 "$t"; done
for t in "gt" "le" "eq"; do note 11 "$t"; done

for d in "$fz"/regressions/*/; do
  [ -d "$d" ] || continue
  seed "$(basename "$d")" "$d"*
done

# Dictionaries: element and attribute names of the XSDs and of the fixtures (ESPD and XBRL have
# no XSD here), CSV column names, Dutch notation tokens (tests/fuzz/notation.dict).
python3 - "$src" "$out.new" <<'PY'
import glob, os, re, sys
src, out = sys.argv[1], sys.argv[2]

def names_of(paths, xsd):
    found = set()
    for p in paths:
        text = open(p, encoding="utf-8", errors="replace").read()
        if xsd:
            found.update(re.findall(r'\bname="([A-Za-z_][\w.-]*)"', text))
            found.update(re.findall(r'\bvalue="([^"<>]{1,40})"', text))
        else:
            found.update(re.findall(r'</?([A-Za-z_][\w.:-]*)', text))
    return found

def write(name, words, extra=()):
    lines = []
    for w in sorted(words):
        if not w or '"' in w or "\\" in w:
            continue
        if re.fullmatch(r'[A-Za-z_][\w.:-]*', w):
            lines.append('"<%s>"' % w)
            lines.append('"</%s>"' % w)
            lines.append('"%s=\\""' % w)
        else:
            lines.append('"%s"' % w)
    lines.extend(extra)
    with open(os.path.join(out, name + ".dict"), "w") as f:
        f.write("\n".join(sorted(set(lines))) + "\n")

xml_extra = ['"<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>"', '"<!DOCTYPE"', '"<!ENTITY"',
             '"&amp;"', '"&#x202E;"', '"<![CDATA["', '"]]>"', '"xmlns=\\""']
schema = os.path.join(src, "tender", "schema")
write("fuzz_bid_xml", names_of([os.path.join(schema, "bid.xsd")], True), xml_extra)
write("fuzz_definition", names_of([os.path.join(schema, "definition.xsd")], True), xml_extra)
write("fuzz_espd", names_of(glob.glob(os.path.join(src, "fixtures/espd/*.xml")), False), xml_extra)
write("fuzz_xbrl", names_of(glob.glob(os.path.join(src, "fixtures/xbrl/*.xbrl")), False), xml_extra)
sheet = {"worksheet", "sheetData", "row", "c", "v", "f", "is", "t", "si", "sst", "workbook",
         "sheets", "sheet", "Relationship", "Relationships", "Types", "Override", "Default",
         "workbookPr", "date1904", "r", "s", "Target", "Id", "Type", "TargetMode", "state",
         "r:id", "sheetId", "name", "count", "uniqueCount", "hidden", "veryHidden", "inlineStr",
         "str", "b", "e", "n", "si", "ref", "shared"}
write("fuzz_xlsx_parts", sheet, xml_extra + ['"\\x0a--part--\\x0a"', '"_x000D_"', '"#DIV/0!"'])
csv = ['"perceel"', '"criterium"', '"inschrijver"', '"ronde"', '"beoordelaar"', '"score"',
       '"prijs"', '"consensus"', '";"', '","', '"\\x0d\\x0a"', '"\\xef\\xbb\\xbf"', '"\\"\\""',
       '"normaliseren"', '"# "', '"12345678"', '"\\xe2\\x82\\xac "']
for h in ("fuzz_scores_csv", "fuzz_prices_csv"):
    with open(os.path.join(out, h + ".dict"), "w") as f:
        f.write("\n".join(csv) + "\n")
PY
cp "$fz/notation.dict" "$out.new/fuzz_notation.dict"

rm -rf "$out"
mv "$out.new" "$out"
for h in "$out"/*/; do
  printf 'fuzz corpus: %-16s %3d seeds\n' "$(basename "$h")" "$(ls -A "$h" | wc -l)"
done
