#!/usr/bin/env bash
# Benchmarks `tender check` speed and memory on many bids (copies of the example bid with
# distinct KvK numbers). Reports wall time, bids per second and peak RSS, with the machine.
# Never part of the test suite: timings are reported, not asserted.
#   bash bench/run.sh [BUILD_DIR] [N_BIDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-1000}
tender="$build/tender"
[ -x "$tender" ] || { echo "build first: bash setup.sh --no-run" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=fixtures/bids/example-complete-bid.xml
for i in $(seq 1 "$n"); do
  printf -v kvk '%08d' $((50000000 + i))
  sed "0,/<kvk>[0-9]*<\/kvk>/s//<kvk>$kvk<\/kvk>/" "$src" > "$work/bid-$kvk.xml"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB"
echo "tender $("$tender" --version | cut -d' ' -f2), $n bids ($(du -sh "$work" | cut -f1))"
for mode in text json; do
  args=(check "$work")
  [ "$mode" = json ] && args+=(--json)
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$tender" "${args[@]}" > /dev/null || true
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  printf '%-5s %6.2f s  %8.0f bids/s  peak RSS %s KiB\n' "$mode" "$secs" \
    "$(echo "$n / $secs" | bc -l)" "$(cat "$work/rss")"
done
echo "intensity: $( { /usr/bin/time -f '%e s, peak RSS %M KiB' "$tender" intensity stay --youths 8 --occupancy 95% --staff-hours-week 220 > /dev/null; } 2>&1 )"
