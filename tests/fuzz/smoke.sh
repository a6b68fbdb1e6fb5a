#!/usr/bin/env bash
# One harness, a fixed number of executions from its seed corpus (ctest fuzz.<harness>).
#   smoke.sh HARNESS CORPUS_ROOT RUNS
# Fails when the harness finds a crash, a leak, a sanitizer report or a timeout, or when it has no
# seeds (a harness without seeds would fuzz next to nothing and still pass).
set -euo pipefail
harness=$1 root=$2 runs=$3
name=$(basename "$harness")
seeds="$root/$name"
dict="$root/$name.dict"
if [ -z "$(ls -A "$seeds" 2>/dev/null)" ]; then
  echo "fuzz: no seeds in $seeds (build the target fuzz_corpus)" >&2
  exit 1
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/tnd-fuzz-smoke.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
args=(-runs="$runs" -seed=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536
      -artifact_prefix="$root/artifacts/$name-" -print_final_stats=1)
mkdir -p "$root/artifacts"
[ -f "$dict" ] && args+=(-dict="$dict")
rc=0
"$harness" "${args[@]}" "$scratch" "$seeds" >"$scratch/log" 2>&1 || rc=$?
grep -E '^stat::number_of_executed_units|^Done|^INFO: seed corpus' "$scratch/log" || true
if [ "$rc" != 0 ]; then
  tail -60 "$scratch/log" >&2
  ls "$root/artifacts" | grep -F "$name-" >&2 || true
  echo "fuzz: $name failed (exit $rc); the input is in the log above" >&2
  exit 1
fi
