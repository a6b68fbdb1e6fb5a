#!/usr/bin/env bash
# tender letters on the shipped example (fixtures/example), end to end:
#   - a letter for each of the 40 bidders, named by KvK, plus index.html linking each;
#   - each letter names its KvK and, per lot, the outcome `tender evaluate --json` gives;
#   - two runs give the same bytes; a second run replaces the first folder whole;
#   - no temp folder is left behind.
# Usage: letters_example.sh path/to/tender   (run from the source directory)
set -euo pipefail
tender=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=(--bids fixtures/example/bids --scores fixtures/example/scores.csv --date 2022-08-08)
fail=0
say() { echo "FAIL [letters_example]: $*"; fail=1; }

"$tender" letters "${args[@]}" -o "$tmp/a" >/dev/null
"$tender" letters "${args[@]}" -o "$tmp/b/" >/dev/null
diff -r "$tmp/a" "$tmp/b" >/dev/null || say "two runs differ"
"$tender" letters "${args[@]}" -o "$tmp/a" >/dev/null || say "re-run into the same folder failed"
diff -r "$tmp/a" "$tmp/b" >/dev/null || say "re-run into the same folder differs"
[ -z "$(find "$tmp" -maxdepth 1 -name '*.tmp*')" ] || say "temp folder left behind"

"$tender" evaluate "${args[@]}" -o "$tmp/g.xlsx" --json "$tmp/g.json" >/dev/null
n_bidders=$(jq '.bidders | length' "$tmp/g.json")
[ "$n_bidders" -eq 40 ] || say "evaluate --json has $n_bidders bidders, expected 40"
n_letters=$(find "$tmp/a" -name 'gunningsbeslissing-*.html' | wc -l)
[ "$n_letters" -eq "$n_bidders" ] || say "$n_letters letters for $n_bidders bidders"
[ -f "$tmp/a/index.html" ] || say "no index.html"

# The outcome word a letter uses per status (the oracle, written out here).
word() {
  case $1 in
    GRANTED) echo "gegund" ;; ADMITTED) echo "toegelaten" ;; SET_ASIDE) echo "terzijde gelegd" ;;
    NOT_RANKED) echo "niet gegund" ;; EXCLUDED) echo "niet toegelaten" ;;
    TIE) echo "nog niet beslist (gelijke stand)" ;;
    REVISION_OPEN) echo "nog niet beslist (herziening plan van aanpak)" ;;
    PENDING) echo "nog niet beslist (beoordeling loopt)" ;;
    NO_SCORES) echo "nog niet beslist (score ontbreekt)" ;;
    *) echo "?" ;;
  esac
}
checked=0
while read -r kvk lot status; do
  f="$tmp/a/gunningsbeslissing-$kvk.html"
  [ -f "$f" ] || { say "no letter for KvK $kvk"; continue; }
  grep -qF "KvK-nummer $kvk</p>" "$f" || say "letter $kvk does not name its KvK"
  grep -qF "href=\"gunningsbeslissing-$kvk.html\"" "$tmp/a/index.html" || say "index lacks $kvk"
  w=$(word "$status")
  grep -qE "^<tr><td>$lot [^<]*</td><td>$(printf '%s' "$w" | sed 's/[()]/\\&/g')( \\(in perceel [0-9]+\\))?</td></tr>$" "$f" ||
    say "letter $kvk: perceel $lot is not '$w' ($status in evaluate --json)"
  checked=$((checked + 1))
done < <(jq -r '.bidders[] | .kvk as $k | .lots[] | "\($k) \(.applied) \(.status)"' "$tmp/g.json")
[ "$checked" -ge 40 ] || say "only $checked lots checked"
# A hostile bidder name (markup, &, quotes, U+202E RIGHT-TO-LEFT OVERRIDE) is text in its letter
# and in the index, never markup; the file name comes from the KvK number only.
mkdir -p "$tmp/hostile"
cp fixtures/example/bids/*.xml "$tmp/hostile/"
sed -i 's|<name>Jeugdhulp Het Anker Deventer B.V.</name>|<name>\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&amp; "Zorg" \x27BV\x27 \xe2\x80\xae evil</name>|' \
  "$tmp/hostile/03-p1-revision-set-aside-bid.xml"
grep -q "script" "$tmp/hostile/03-p1-revision-set-aside-bid.xml" || say "hostile name not planted"
"$tender" letters --bids "$tmp/hostile" --scores fixtures/example/scores.csv --date 2022-08-08 \
  -o "$tmp/h" >/dev/null || say "letters with a hostile name failed"
for f in "$tmp/h/gunningsbeslissing-60338215.html" "$tmp/h/index.html"; do
  grep -q "<script" "$f" && say "$(basename "$f"): raw <script> from a bidder name"
  grep -qF '<bdi>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zorg&quot; &#39;BV&#39; '$'\xef\xbf\xbd'' evil</bdi>' "$f" ||
    say "$(basename "$f"): hostile name not escaped as expected"
  grep -q $'\xe2\x80\xae' "$f" && say "$(basename "$f"): a bidi override survived"
done

[ "$fail" -eq 0 ] && echo "letters_example: $n_letters letters, $checked lots agree with evaluate --json"
exit "$fail"
