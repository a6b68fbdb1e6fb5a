#!/usr/bin/env bash
# Speed and memory of `tender evaluate` against the physical floor (bench/README.md), paired in one
# run: for each size N, the same N synthetic bids (bench/gen_bids.py, deterministic) go through
#   floor        bench/floor.c: libxml2 parse of every bid + libxlsxwriter writing the same cells
#                as tender's workbook (bench/workbook_shape.py: per sheet, texts and numbers)
#   tender -j1   tender evaluate on one thread
#   tender -jC   tender evaluate on every core (C = nproc)
#   before       (optional, BEFORE=path/to/an/older/tender) the same run with another binary, up to
#                BEFORE_MAX_BIDS bids (default 10000: the binary of issue 9 needs 7.6 GiB at 100k),
#                with BEFORE_ARGS (default -j1; BEFORE_ARGS= for a binary without -j)
# and `tender check` of folders (-j1: memory flat in N), each with every bid in the page cache
# (bench/pagecache.py warm, before every run); then the floor and `tender evaluate -jC` once more
# with no bid in the cache ("cold": bench/pagecache.py cold before every run), as a folder read
# the next morning is. Then one bid: tender check vs xmllint --schema, process start included.
# Prints CPU time (user+sys), wall time and peak RSS.
# Never part of the test suite: figures are reported, not asserted.
# Each figure is the median of ROUNDS runs (peak RSS: the largest), the programs taking turns
# within a round, so that a machine whose speed drifts (shared hosts: 20-40 % between minutes
# here) moves them alike. Without ROUNDS: 21 rounds up to 2,000 bids, 7 up to 20,000, 3 above
# (three rounds of 1,000 bids, 0.2 s each, moved the ratios by 10 % between minutes).
# "wall / floor" is the -j target of issue 9: the program's wall time against the floor's.
#   bash bench/run.sh [BUILD_DIR] [N...]           (default: build-release 1000 10000 100000)
#   BEFORE=/path/to/old/tender bash bench/run.sh build-release 1000
#   ROUNDS=5 bash bench/run.sh build-release 10000
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
cores=$(nproc)

if [ ! -x "$build/tender" ] || [ ! -x "$build/bench_floor" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" -j"$cores" --target tender bench_floor >/dev/null
fi
tender="$build/tender"
floor="$build/bench_floor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other processes running make wall time noisy; CPU time is the steadier figure)"
echo "tender $("$tender" --version | cut -d' ' -f2) ($build), $(cc --version | head -1)"
echo

# Runs a command; prints "wall cpu rss_kib" (seconds, seconds, KiB) of that process, to the
# microsecond (bench/measure.py). Exit 0 and 1 are results (tender check: 1 = a bid not admitted
# everywhere); anything else stops.
measure() {
  local rc=0
  [ -z "${bids_dir:-}" ] || python3 bench/pagecache.py "$cache" "$bids_dir"
  python3 bench/measure.py /dev/null "$work/stderr" "$@" >"$work/time" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench: failed ($rc): $*" >&2
    tail -5 "$work/stderr" >&2
    exit 1
  fi
  cat "$work/time"
}

# The median of one column of numbers on stdin.
median_of() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = int((NR + 1) / 2)
    if (NR % 2) print v[m]; else printf "%.4f\n", (v[m] + v[m + 1]) / 2 }'
}

# The median wall and CPU time and the largest peak RSS of a file of "wall cpu rss" lines.
median() {
  echo "$(cut -d' ' -f1 "$1" | median_of) $(cut -d' ' -f2 "$1" | median_of)" \
       "$(cut -d' ' -f3 "$1" | sort -n | tail -1)"
}

row() { # label n wall cpu rss floor_cpu floor_wall (0 0: this is the floor)
  awk -v l="$1" -v n="$2" -v w="$3" -v c="$4" -v r="$5" -v f="$6" -v fw="$7" 'BEGIN {
    ratio = "-"; wall = "-"
    if (f + 0 > 0) ratio = sprintf("%.2f", c / f)
    if (fw + 0 > 0) wall = sprintf("%.2f", w / fw)
    printf "| %7d | %-26s | %8.3f | %8.3f | %9.4f | %9.0f | %6s | %6s |\n", n, l, w, c, 1000 * c / n, r / 1024, ratio, wall }'
}

# Rounds for n bids: ROUNDS when given, else more for the short runs.
rounds_for() {
  if [ -n "${ROUNDS:-}" ]; then echo "$ROUNDS"
  elif [ "$1" -le 2000 ]; then echo 21
  elif [ "$1" -le 20000 ]; then echo 7
  else echo 3; fi
}

echo "| bids | program | wall s | CPU s | CPU ms/bid | peak RSS MiB | CPU / floor | wall / floor |"
echo "|---|---|---|---|---|---|---|---|"
notes=()
for n in "${sizes[@]}"; do
  dir=$work/$n
  python3 bench/gen_bids.py "$n" "$dir"
  bids_dir=$dir/bids
  cache=warm
  eval_args=(--bids "$dir/bids" --scores "$dir/scores.csv" --date 2022-08-08
             -o "$dir/award.xlsx" --json "$dir/award.json")
  # tender first: the floor writes the same cells as the workbook tender wrote.
  measure "$tender" evaluate -j1 "${eval_args[@]}" >"$dir/t.j1"
  python3 bench/workbook_shape.py "$dir/award.xlsx" >"$dir/shape"
  measure "$floor" "$dir/bids" "$dir/floor.xlsx" "$dir/shape" >"$dir/t.floor"
  measure "$tender" evaluate -j"$cores" "${eval_args[@]}" >"$dir/t.jc"
  before=false
  if [ -n "${BEFORE:-}" ] && [ "$n" -le "${BEFORE_MAX_BIDS:-10000}" ]; then
    before=true
    measure "$BEFORE" evaluate ${BEFORE_ARGS--j1} "${eval_args[@]}" >"$dir/t.before"
  fi
  measure "$tender" check -j1 "$dir/bids" >"$dir/t.check"
  rounds=$(rounds_for "$n")
  for ((round = 2; round <= rounds; round++)); do
    measure "$tender" evaluate -j1 "${eval_args[@]}" >>"$dir/t.j1"
    measure "$floor" "$dir/bids" "$dir/floor.xlsx" "$dir/shape" >>"$dir/t.floor"
    measure "$tender" evaluate -j"$cores" "${eval_args[@]}" >>"$dir/t.jc"
    if $before; then
      measure "$BEFORE" evaluate ${BEFORE_ARGS--j1} "${eval_args[@]}" >>"$dir/t.before"
    fi
    measure "$tender" check -j1 "$dir/bids" >>"$dir/t.check"
  done
  cache=cold
  : >"$dir/t.floor.cold"
  : >"$dir/t.jc.cold"
  for ((round = 1; round <= rounds; round++)); do
    measure "$floor" "$dir/bids" "$dir/floor.xlsx" "$dir/shape" >>"$dir/t.floor.cold"
    measure "$tender" evaluate -j"$cores" "${eval_args[@]}" >>"$dir/t.jc.cold"
  done
  python3 bench/pagecache.py cold "$dir/bids"
  notes+=("$n bids, cold: $(python3 bench/pagecache.py count "$dir/bids") after dropping them")
  cache=warm
  read -r fw fc fr < <(median "$dir/t.floor")
  row "floor (1 core)" "$n" "$fw" "$fc" "$fr" 0 0
  read -r w c r < <(median "$dir/t.j1")
  row "tender evaluate -j1" "$n" "$w" "$c" "$r" "$fc" "$fw"
  read -r w c r < <(median "$dir/t.jc")
  row "tender evaluate -j$cores" "$n" "$w" "$c" "$r" "$fc" "$fw"
  if $before; then
    read -r w c r < <(median "$dir/t.before")
    row "before evaluate ${BEFORE_ARGS--j1}" "$n" "$w" "$c" "$r" "$fc" "$fw"
  fi
  read -r w c r < <(median "$dir/t.check")
  row "tender check -j1" "$n" "$w" "$c" "$r" "$fc" "$fw"
  read -r fw fc fr < <(median "$dir/t.floor.cold")
  row "floor (1 core), cold" "$n" "$fw" "$fc" "$fr" 0 0
  read -r w c r < <(median "$dir/t.jc.cold")
  row "tender evaluate -j$cores, cold" "$n" "$w" "$c" "$r" "$fc" "$fw"
  rm -rf "$dir"
done
bids_dir=
echo
for note in "${notes[@]}"; do echo "$note"; done

# One bid, process start included: rounds of 50 runs of each, taking turns; CPU per run (ms),
# the median of the rounds.
bid=fixtures/example/bids/01-p1-p6-granted-day-group-middel-bid.xml
: >"$work/one.tender"
: >"$work/one.xmllint"
for ((round = 1; round <= ${ONE_BID_ROUNDS:-5}; round++)); do
  python3 bench/measure.py --each 50 /dev/null /dev/null "$tender" check -j1 "$bid" |
    cut -d' ' -f2 >>"$work/one.tender" || true
  python3 bench/measure.py --each 50 /dev/null /dev/null \
    xmllint --noout --schema tender/schema/bid.xsd "$bid" | cut -d' ' -f2 >>"$work/one.xmllint"
done
t=$(median_of <"$work/one.tender")
x=$(median_of <"$work/one.xmllint")
echo
awk -v t="$t" -v x="$x" -v r="${ONE_BID_ROUNDS:-5}" 'BEGIN {
  printf "one bid, CPU per run, process start included (median of %d rounds of 50 runs): ", r
  printf "tender check %.2f ms, xmllint --noout --schema %.2f ms (%.2fx)\n", 1000 * t, 1000 * x, t / x }'
