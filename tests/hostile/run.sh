#!/usr/bin/env bash
# The hostile battery (issue 7): special files for every input option, every output collision, an
# output where nothing can be written, and kill -9 during a write.
#   bash tests/hostile/run.sh path/to/tender [battery|kill]     (from the source tree)
# Every case asserts the exit code (2), a fragment of the message, that no output and no temp file
# ("*.tnd-tmp-*", or the old "*.tmpXXXXXX") exists afterwards, that a special file is still the
# same special file, and that the bytes of every input are unchanged (sha256 before and after).
# A case that hangs is ended after 20 s and fails. Prints "N cases, M failed"; exit 1 on a failure.
set -uo pipefail
tender=$(realpath "$1")
part=${2:-battery}
cd "$(dirname "$0")/../.."
W=$(mktemp -d /tmp/tnd-hostile.XXXXXX)
trap 'rm -rf "$W"' EXIT
n=0 failed=0

# ---------------------------------------------------------------- the inputs, copied
IN=$W/in
mkdir -p "$IN/bids" "$IN/bids70" "$IN/special"
cp fixtures/example/bids/*.xml "$IN/bids/"
cp fixtures/example/scores.csv "$IN/scores.csv"
cp fixtures/tenders/ijsselland-2023.xml "$IN/def.xml"
first=$(ls "$IN/bids" | head -1)
cp "$IN/bids/$first" "$IN/bid.xml"
# 70 bids: the 40 of the example and 30 copies of the first under other KvK numbers
cp "$IN/bids/"*.xml "$IN/bids70/"
for i in $(seq 1 30); do
  sed "s|<kvk>[0-9]*</kvk>|<kvk>$((70000000 + i))</kvk>|" "$IN/bids/$first" \
    >"$IN/bids70/z$(printf %02d "$i")-copy-bid.xml"
done
last70="$IN/bids70/$(ls "$IN/bids70" | sort | tail -1)"
# a prices file: the header of the documented format is enough to be read as one
printf 'perceel;inschrijver;prijs\n' >"$IN/prices.csv"
"$tender" forms -o "$IN" >/dev/null 2>&1
fillin=$(ls "$IN"/inschrijving-*.xlsx)
committee=$(ls "$IN"/commissie-*.xlsx)
DATE=(--date 2022-10-03)
EV=(evaluate --bids "$IN/bids" --scores "$IN/scores.csv" "${DATE[@]}")

# Special files: FIFO, character device, directory, symlink to a FIFO. The character devices are
# private nodes of null, zero and full (mknod; tests run as root): a tender that wrongly renamed
# over an output would replace these, never the system's /dev/null or /dev/full.
DEV=$W/dev
mkdir -p "$DEV"
mknod "$DEV/null" c 1 3 && mknod "$DEV/zero" c 1 5 && mknod "$DEV/full" c 1 7 ||
  { echo "hostile: cannot mknod (not root?): the battery needs character devices" >&2; exit 1; }
mkfifo "$IN/special/fifo.xml" "$IN/special/fifo.xlsx" "$IN/special/fifo.csv"
mkdir "$IN/special/dir.xml"
ln -s "$IN/special/fifo.xml" "$IN/special/link-to-fifo.xml"
ln -s "$IN/special/fifo.xlsx" "$IN/special/link-to-fifo.xlsx"
special_kinds=(fifo chardev dir link)
special() { # kind ext -> a path of that kind
  case $1 in
    fifo) echo "$IN/special/fifo.$2" ;;
    chardev) echo "$DEV/zero" ;;
    dir) echo "$IN/special/dir.xml" ;;
    link) if [ "$2" = xlsx ]; then echo "$IN/special/link-to-fifo.xlsx"; else echo "$IN/special/link-to-fifo.xml"; fi ;;
  esac
}
state_of_inputs() {
  (cd "$IN" && find . -type f -print0 | sort -z | xargs -0 sha256sum
   find . \( -type p -o -type d -o -type l \) -printf '%y %p\n' | sort
   stat -c '%F %n' "$DEV/zero" "$DEV/full" "$DEV/null")
}
OUT=$W/out
fail() { echo "FAIL [$name]: $*"; bad=1; }

# run NAME EXIT "MESSAGE" OUTPUTS... -- tender ARGS...
# OUTPUTS: paths that must not exist afterwards as regular files written by this run.
run() {
  name=$1 want=$2 msg=$3
  shift 3
  local outs=()
  while [ "$1" != -- ]; do outs+=("$1"); shift; done
  shift
  n=$((n + 1)) bad=0
  mkdir -p "$OUT"
  local before after rc
  before=$(state_of_inputs)
  timeout 20 "$tender" "$@" >"$W/stdout" 2>"$W/stderr" </dev/null
  rc=$?
  [ "$rc" -eq 124 ] && fail "hangs (ended after 20 s)"
  [ "$rc" -eq "$want" ] || fail "exit $rc, expected $want"
  grep -qF -- "$msg" "$W/stderr" || fail "stderr lacks: $msg"
  grep -q "AddressSanitizer\|runtime error:" "$W/stderr" && fail "sanitizer report"
  for o in "${outs[@]}"; do
    [ -f "$o" ] && ! [ -L "$o" ] && [ "$o" != "${PRESERVE:-}" ] && fail "output written: $o"
  done
  local debris
  debris=$(find "$W" \( -name '*.tnd-tmp-*' -o -name '*.tmp??????' \) 2>/dev/null)
  [ -z "$debris" ] || fail "temp file left: $debris"
  after=$(state_of_inputs)
  [ "$before" = "$after" ] || fail "an input changed: $(diff <(echo "$before") <(echo "$after") | head -4)"
  [ "${VERBOSE:-0}" = 1 ] && echo "[$name] exit $rc: $(head -1 "$W/stderr")"
  if [ $bad -ne 0 ]; then
    failed=$((failed + 1))
    sed 's/^/  stderr: /' "$W/stderr" | head -4
  fi
  PRESERVE=
}

battery() {
  # ------------------------------------------------------------ 1. special files as inputs
  local k p px
  for k in "${special_kinds[@]}"; do
    p=$(special "$k" xml)
    px=$(special "$k" xlsx)
    local m="geen gewoon bestand"
    [ "$k" = dir ] && m="map"
    run "check bid is $k" 2 "$m" -- check "$p"
    run "check bid.xlsx is $k" 2 "$( [ "$k" = dir ] && echo map || echo "geen gewoon" )" -- check "$px"
    run "check --tender is $k" 2 "$m" -- check --tender "$p" "$IN/bid.xml"
    run "check --espd is $k" 2 "$m" -- check --espd "$p" "$IN/bid.xml"
    run "check --xbrl is $k" 2 "$m" -- check --xbrl "$p" "$IN/bid.xml"
    run "evaluate --scores is $k" 2 "$m" "$OUT/g.xlsx" -- \
      evaluate --bids "$IN/bids" --scores "$p" -o "$OUT/g.xlsx" "${DATE[@]}"
    run "evaluate --scores .xlsx is $k" 2 "$( [ "$k" = dir ] && echo map || echo "geen gewoon" )" "$OUT/g.xlsx" -- \
      evaluate --bids "$IN/bids" --scores "$px" -o "$OUT/g.xlsx" "${DATE[@]}"
    run "evaluate --tender is $k" 2 "$m" "$OUT/g.xlsx" -- "${EV[@]}" --tender "$p" -o "$OUT/g.xlsx"
    run "evaluate --prices is $k" 2 "$m" "$OUT/g.xlsx" -- "${EV[@]}" --prices "$p" -o "$OUT/g.xlsx"
    run "verify workbook is $k" 2 "$( [ "$k" = dir ] && echo map || echo "geen gewoon" )" -- \
      verify "$px" --bids "$IN/bids" --scores "$IN/scores.csv"
    run "forms --tender is $k" 2 "$m" "$OUT/$(basename "$fillin")" "$OUT/$(basename "$committee")" -- \
      forms -o "$OUT" --tender "$p"
    run "forms --prefill is $k" 2 "$m" "$OUT/$(basename "$fillin")" "$OUT/$(basename "$committee")" -- \
      forms -o "$OUT" --prefill "$p"
  done
  # a FIFO, a symlink to a FIFO and a character device inside a bids folder
  local b
  for k in fifo link chardev; do
    b=$W/bids-$k
    rm -rf "$b"; mkdir "$b"; cp "$IN/bids/"*.xml "$b/"
    case $k in
      fifo) mkfifo "$b/zz.xml" ;;
      link) ln -s "$IN/special/fifo.xml" "$b/zz.xml" ;;
      chardev) ln -s "$DEV/zero" "$b/zz.xml" ;;
    esac
    run "check folder holds a $k" 2 "zz.xml' niet lezen: het is geen gewoon bestand" -- check "$b"
    run "evaluate folder holds a $k" 2 "zz.xml' niet lezen: het is geen gewoon bestand" "$OUT/g.xlsx" -- \
      evaluate --bids "$b" --scores "$IN/scores.csv" -o "$OUT/g.xlsx" "${DATE[@]}"
    rm -rf "$b"
  done
  run "evaluate --bids is a FIFO" 2 "geen gewoon bestand" "$OUT/g.xlsx" -- \
    evaluate --bids "$IN/special/fifo.xml" --scores "$IN/scores.csv" -o "$OUT/g.xlsx" "${DATE[@]}"
  run "verify --json is a FIFO" 2 "geen gewoon bestand" -- \
    verify "$W/ok.xlsx" --bids "$IN/bids" --scores "$IN/scores.csv" --json "$IN/special/fifo.csv"

  # ------------------------------------------------------------ 2. an output that is an input
  local refuse="weigert een invoerbestand te overschrijven"
  run "-o is the scores file" 2 "$refuse" -- "${EV[@]}" -o "$IN/scores.csv"
  run "-o is the definition" 2 "$refuse" -- "${EV[@]}" --tender "$IN/def.xml" -o "$IN/def.xml"
  run "-o is the prices file" 2 "$refuse" -- "${EV[@]}" --prices "$IN/prices.csv" -o "$IN/prices.csv"
  run "-o is the first bid" 2 "$refuse" -- "${EV[@]}" -o "$IN/bids/$first"
  run "-o is the 70th of 70 bids" 2 "$refuse" -- \
    evaluate --bids "$IN/bids70" --scores "$IN/scores.csv" "${DATE[@]}" -o "$last70"
  run "--json is the 70th of 70 bids" 2 "$refuse" "$OUT/g.xlsx" -- \
    evaluate --bids "$IN/bids70" --scores "$IN/scores.csv" "${DATE[@]}" -o "$OUT/g.xlsx" --json "$last70"
  run "-o is a bid, other spelling" 2 "$refuse" -- "${EV[@]}" -o "$IN/bids/./../bids/$first"
  ln -f "$IN/scores.csv" "$IN/scores-hardlink.csv"
  run "-o is a hard link to the scores" 2 "$refuse" -- "${EV[@]}" -o "$IN/scores-hardlink.csv"
  rm -f "$IN/scores-hardlink.csv"
  ln -s "$IN/scores.csv" "$OUT.link.csv" 2>/dev/null
  run "-o is a symlink to the scores" 2 "$refuse" -- "${EV[@]}" -o "$OUT.link.csv"
  rm -f "$OUT.link.csv"
  # a bid is known by the file its reader read (issue 9): a second name for it is still that bid
  ln -f "$IN/bids/$first" "$W/bid-hardlink.xlsx"
  run "-o is a hard link to a bid" 2 "$refuse" -- "${EV[@]}" -o "$W/bid-hardlink.xlsx"
  rm -f "$W/bid-hardlink.xlsx"
  ln -s "$IN/bids/$first" "$W/bid-symlink.xlsx"
  run "--json is a symlink to a bid" 2 "$refuse" "$OUT/g.xlsx" -- \
    "${EV[@]}" -o "$OUT/g.xlsx" --json "$W/bid-symlink.xlsx"
  rm -f "$W/bid-symlink.xlsx"
  run "--json is the scores file" 2 "$refuse" "$OUT/g.xlsx" -- "${EV[@]}" -o "$OUT/g.xlsx" --json "$IN/scores.csv"
  run "--json is the definition" 2 "$refuse" "$OUT/g.xlsx" -- \
    "${EV[@]}" --tender "$IN/def.xml" -o "$OUT/g.xlsx" --json "$IN/def.xml"
  run "--json is the prices file" 2 "$refuse" "$OUT/g.xlsx" -- \
    "${EV[@]}" --prices "$IN/prices.csv" -o "$OUT/g.xlsx" --json "$IN/prices.csv"
  run "--json is a bid" 2 "$refuse" "$OUT/g.xlsx" -- "${EV[@]}" -o "$OUT/g.xlsx" --json "$IN/bids/$first"
  # bids on lots 6-8 only: they need no score, so the unfilled committee workbook is a valid
  # scores input (issue 8 §5) and only the output collision can refuse the run
  mkdir -p "$W/bids678"
  cp fixtures/bids/lot6-alone-day-group-middel-bid.xml \
     fixtures/bids/lot8-gezinshuis-alone-keurmerk-in-progress-bid.xml "$W/bids678/"
  run "-o is a scores workbook" 2 "$refuse" -- \
    evaluate --bids "$W/bids678" --scores "$committee" "${DATE[@]}" -o "$committee"
  cp "$fillin" "$OUT.prefill.xlsx"
  mkdir -p "$W/formsout"
  cp "$fillin" "$W/formsout/$(basename "$fillin")"
  PRESERVE="$W/formsout/$(basename "$fillin")"
  run "forms: the fill-in output is the --prefill input" 2 "$refuse" "$W/formsout/$(basename "$committee")" -- \
    forms -o "$W/formsout" --prefill "$W/formsout/$(basename "$fillin")"
  rm -rf "$W/formsout" "$OUT.prefill.xlsx"
  mkdir -p "$W/formsout"
  cp "$IN/def.xml" "$W/formsout/$(basename "$committee")"
  PRESERVE="$W/formsout/$(basename "$committee")"
  run "forms: the committee output is the --tender input" 2 "$refuse" "$W/formsout/$(basename "$fillin")" -- \
    forms -o "$W/formsout" --tender "$W/formsout/$(basename "$committee")"
  rm -rf "$W/formsout"

  # ------------------------------------------------------------ 3. an output named twice
  run "-o X --json X" 2 "-o en --json noemen hetzelfde bestand" "$OUT/g.xlsx" -- \
    "${EV[@]}" -o "$OUT/g.xlsx" --json "$OUT/g.xlsx"
  run "-o X --json ./X" 2 "-o en --json noemen hetzelfde bestand" "$OUT/g.xlsx" -- \
    "${EV[@]}" -o "$OUT/g.xlsx" --json "$OUT/./g.xlsx"
  rm -rf "$OUT"; mkdir -p "$OUT"
  cp "$IN/bid.xml" "$OUT/old.xlsx"; ln -f "$OUT/old.xlsx" "$OUT/hard.json"
  PRESERVE="$OUT/old.xlsx"
  run "-o and --json are hard links of one file" 2 "-o en --json noemen hetzelfde bestand" -- \
    "${EV[@]}" -o "$OUT/old.xlsx" --json "$OUT/hard.json"
  rm -rf "$OUT"; mkdir -p "$OUT"

  # ------------------------------------------------------------ 4. outputs that are not regular files
  for k in fifo chardev dir link; do
    local target
    case $k in
      fifo) target=$IN/special/fifo.xlsx ;;
      chardev) target=$DEV/null ;;
      dir) target=$IN/special/dir.xml ;;
      link) target=$IN/special/link-to-fifo.xlsx ;;
    esac
    run "-o is a $k" 2 "is een" -- "${EV[@]}" -o "$target"
    run "--json is a $k" 2 "is een" "$OUT/g.xlsx" -- "${EV[@]}" -o "$OUT/g.xlsx" --json "$target"
  done
  run "-o is /dev/full" 2 "-o is een apparaat" -- "${EV[@]}" -o "$DEV/full"
  run "--json is /dev/full: neither written" 2 "--json is een apparaat" "$OUT/g.xlsx" -- \
    "${EV[@]}" -o "$OUT/g.xlsx" --json "$DEV/full"
  mkdir -p "$W/formsout/$(basename "$committee")"
  run "forms: the committee workbook is a folder: neither written" 2 "commissiewerkmap is een map" \
    "$W/formsout/$(basename "$fillin")" -- forms -o "$W/formsout"
  rm -rf "$W/formsout"
  mkdir -p "$W/formsout"; mkfifo "$W/formsout/$(basename "$fillin")"
  run "forms: the fill-in workbook is a FIFO: neither written" 2 "invulwerkmap is een FIFO" \
    "$W/formsout/$(basename "$committee")" -- forms -o "$W/formsout"
  rm -rf "$W/formsout"

  # ------------------------------------------------------------ 5. nowhere to write
  run "-o in a missing folder" 2 "bestaat niet" "$OUT/nope/g.xlsx" -- "${EV[@]}" -o "$OUT/nope/g.xlsx"
  run "--json in a missing folder: neither written" 2 "bestaat niet" "$OUT/g.xlsx" -- \
    "${EV[@]}" -o "$OUT/g.xlsx" --json "$OUT/nope/g.json"
  run "-o under /proc (root cannot write)" 2 "kan geen tijdelijk bestand aanmaken" -- "${EV[@]}" -o /proc/tnd-hostile.xlsx
  run "--json under /proc: neither written" 2 "kan geen tijdelijk bestand aanmaken" "$OUT/g.xlsx" -- \
    "${EV[@]}" -o "$OUT/g.xlsx" --json /proc/tnd-hostile.json
  run "forms -o /proc: neither written" 2 "kan geen tijdelijk bestand aanmaken" -- forms -o /proc
  # a write that fails half way (file size limit, as a full disk): a limit between the sizes of
  # the workbook and the (larger) JSON, measured first, lets the workbook fit and the JSON not;
  # neither may appear
  n=$((n + 1)) bad=0 name="--json fails half way (EFBIG): neither written"
  rm -rf "$OUT"; mkdir -p "$OUT"
  "$tender" "${EV[@]}" -o "$OUT/g.xlsx" --json "$OUT/g.json" >/dev/null 2>&1
  local book_kib json_kib limit
  book_kib=$(( ($(stat -c %s "$OUT/g.xlsx") + 1023) / 1024 ))
  json_kib=$(( $(stat -c %s "$OUT/g.json") / 1024 ))
  limit=$(( (book_kib + json_kib) / 2 ))
  [ "$book_kib" -lt "$json_kib" ] || fail "the workbook ($book_kib KiB) is not smaller than the JSON ($json_kib KiB): the case needs another input"
  rm -rf "$OUT"; mkdir -p "$OUT"
  (trap '' XFSZ; ulimit -f "$limit"; exec "$tender" "${EV[@]}" -o "$OUT/g.xlsx" --json "$OUT/g.json") \
    >/dev/null 2>"$W/stderr"
  rc=$?
  [ "$rc" -eq 2 ] || fail "exit $rc, expected 2"
  grep -qF "g.json: error: schrijven mislukt: File too large" "$W/stderr" || fail "stderr lacks the EFBIG message"
  [ -z "$(ls -A "$OUT")" ] || fail "left: $(ls -A "$OUT")"
  [ $bad -eq 0 ] || failed=$((failed + 1))
  n=$((n + 1)) bad=0 name="the workbook fails half way (EFBIG): neither written, the old pair kept"
  rm -rf "$OUT"; mkdir -p "$OUT"
  "$tender" "${EV[@]}" -o "$OUT/g.xlsx" --json "$OUT/g.json" >/dev/null 2>&1
  local old
  old=$(sha256sum "$OUT/g.xlsx" "$OUT/g.json")
  (trap '' XFSZ; ulimit -f 20; exec "$tender" evaluate --bids "$IN/bids" --scores "$IN/scores.csv" \
     --date 2022-10-04 -o "$OUT/g.xlsx" --json "$OUT/g.json") >/dev/null 2>"$W/stderr"
  rc=$?
  [ "$rc" -eq 2 ] || fail "exit $rc, expected 2"
  grep -qF "gunningswerkmap niet geschreven" "$W/stderr" || fail "stderr lacks the message"
  [ "$old" = "$(sha256sum "$OUT/g.xlsx" "$OUT/g.json")" ] || fail "the earlier pair was changed"
  [ "$(ls -A "$OUT" | wc -l)" -eq 2 ] || fail "left: $(ls -A "$OUT")"
  [ $bad -eq 0 ] || failed=$((failed + 1))

  # ------------------------------------------------------------ 6. a mixed pair is refused
  n=$((n + 1)) bad=0 name="verify --json of another run is refused"
  rm -rf "$OUT"; mkdir -p "$OUT"
  "$tender" "${EV[@]}" -o "$OUT/a.xlsx" --json "$OUT/a.json" >/dev/null 2>&1
  "$tender" evaluate --bids "$IN/bids" --scores "$IN/scores.csv" --date 2022-10-04 \
    -o "$OUT/b.xlsx" --json "$OUT/b.json" >/dev/null 2>&1
  "$tender" verify "$OUT/a.xlsx" --bids "$IN/bids" --scores "$IN/scores.csv" --json "$OUT/a.json" \
    >/dev/null 2>&1 || fail "the pair of one run is not identical"
  "$tender" verify "$OUT/a.xlsx" --bids "$IN/bids" --scores "$IN/scores.csv" --json "$OUT/b.json" \
    >/dev/null 2>"$W/stderr"
  rc=$?
  [ "$rc" -eq 2 ] || fail "exit $rc, expected 2"
  grep -qF "de JSON hoort niet bij de werkmap" "$W/stderr" || fail "stderr lacks the message"
  [ $bad -eq 0 ] || failed=$((failed + 1))

  # ------------------------------------------------------------ 7. a bid that overflowed (UB)
  python3 - fixtures/example/bids/50-p5-granted-bid.xml "$W/huge.xml" <<'EOF'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s, k = re.subn(r"<ggz-verblijf-jeugdigen-regio>[^<]*</ggz-verblijf-jeugdigen-regio>",
               "<ggz-verblijf-jeugdigen-regio>99999999999999</ggz-verblijf-jeugdigen-regio>", s)
if k == 0:
    s = s.replace("<facts>", "<facts>\n    <ggz-verblijf-jeugdigen-regio>99999999999999</ggz-verblijf-jeugdigen-regio>", 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
  run "a count fact of 99999999999999 youths" 2 "'99999999999999' ligt buiten het toegestane bereik" -- \
    check "$W/huge.xml"
}

# kill -9 at random moments of `evaluate -o g.xlsx --json g.json`, alternating two evaluation
# dates so that a mixed pair would show. A kill while an output is written leaves no file (the
# temp file is unnamed). Replacing an existing output names the finished file for the moment
# between linkat and rename (linkat cannot replace, docs/design.md "Outputs"): a kill that lands
# in that instant (about 0.1 ms of a 50 ms run) leaves `<target>.tnd-tmp-XXXXXX`, which must be
# the complete file, and the next write to that target removes it. A workbook and JSON that
# both exist carry the same run id (the JSON's run_id in the workbook's Audit), or verify --json
# refuses the pair.
kill_loop() {
  local K=$W/kill i pid delay id t0 t1 span killed=0 st mixed=0 window=0 d
  mkdir -p "$K"
  # one undisturbed run gives the duration; the kills land in its last 40 %, where the
  # workbook and the JSON are written
  t0=$(date +%s%N)
  "$tender" evaluate --bids "$IN/bids" --scores "$IN/scores.csv" --date 2022-10-03 \
    -o "$K/g.xlsx" --json "$K/g.json" >/dev/null 2>&1
  t1=$(date +%s%N)
  span=$(((t1 - t0) / 1000000)) # ms
  for i in $(seq 1 20); do
    n=$((n + 1)) bad=0 name="kill -9 #$i"
    local day=$((3 + i % 2))
    "$tender" evaluate --bids "$IN/bids" --scores "$IN/scores.csv" --date "2022-10-0$day" \
      -o "$K/g.xlsx" --json "$K/g.json" >/dev/null 2>&1 &
    pid=$!
    delay=$((span * 6 / 10 + RANDOM % (span * 5 / 10 + 1)))
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    st=$?
    [ "$st" -eq 137 ] && killed=$((killed + 1))
    local debris
    debris=$(find "$K" -name '*.tnd-tmp-*' -o -name '*.tmp??????')
    for d in $debris; do
      # only the finished file, caught between linkat and rename, may be left
      case "$d" in
        "$K"/g.json.tnd-tmp-??????)
          [ "$(tail -c 2 "$d" | od -An -c | tr -d ' ')" = '}\n' ] &&
            grep -q '"run_id": "[0-9a-f]\{64\}"' "$d" ||
            fail "incomplete JSON temp file left after a kill at ${delay} ms: $d" ;;
        "$K"/g.xlsx.tnd-tmp-??????)
          unzip -tq "$d" >/dev/null 2>&1 ||
            fail "incomplete workbook temp file left after a kill at ${delay} ms: $d" ;;
        *) fail "temp file left after a kill at ${delay} ms: $d" ;;
      esac
    done
    [ -z "$debris" ] || window=$((window + 1))
    if [ -f "$K/g.xlsx" ] && [ -f "$K/g.json" ]; then
      id=$(grep -o '"run_id": "[0-9a-f]*"' "$K/g.json" | grep -o '[0-9a-f]\{64\}')
      [ -n "$id" ] || fail "JSON without run_id (incomplete?)"
      # The two files are renamed into place one after the other: a kill between the two
      # renames leaves a new workbook beside the old JSON. That pair must be detectable:
      # verify --json refuses it (exit 2), by the run id (docs/design.md, "Outputs").
      if ! unzip -p "$K/g.xlsx" xl/sharedStrings.xml | grep -qF "$id"; then
        mixed=$((mixed + 1))
        "$tender" verify "$K/g.xlsx" --bids "$IN/bids" --scores "$IN/scores.csv" \
          --json "$K/g.json" >/dev/null 2>"$W/stderr"
        st=$?
        [ "$st" -eq 2 ] && grep -qF "de JSON hoort niet bij de werkmap" "$W/stderr" ||
          fail "mixed pair after a kill at ${delay} ms not refused by verify --json (exit $st)"
      fi
    else
      fail "the earlier pair is gone after a kill at ${delay} ms: $(ls "$K")"
    fi
    [ $bad -eq 0 ] || failed=$((failed + 1))
  done
  # the next write to the targets removes what a kill left between linkat and rename
  n=$((n + 1)) bad=0 name="kill -9: the next write cleans up"
  "$tender" evaluate --bids "$IN/bids" --scores "$IN/scores.csv" --date 2022-10-03 \
    -o "$K/g.xlsx" --json "$K/g.json" >/dev/null 2>&1 || fail "the run after the kills failed"
  debris=$(find "$K" -name '*.tnd-tmp-*' -o -name '*.tmp??????')
  [ -z "$debris" ] || fail "temp files left after an undisturbed run: $debris"
  [ $bad -eq 0 ] || failed=$((failed + 1))
  echo "kill loop: a run takes ${span} ms; $killed of 20 runs were killed before they ended;" \
       "$mixed mixed pair(s), each refused by verify --json; $window kill(s) landed between" \
       "linkat and rename (complete file left, removed by the next write)"
}

"$tender" "${EV[@]}" -o "$W/ok.xlsx" >/dev/null 2>&1
case $part in
  battery) battery ;;
  kill) kill_loop ;;
  all) battery; kill_loop ;;
esac
echo "hostile $part: $n cases, $failed failed"
[ "$failed" -eq 0 ]
