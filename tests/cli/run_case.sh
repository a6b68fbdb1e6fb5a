#!/usr/bin/env bash
# Runs one end-to-end CLI case: tests/cli/run_case.sh path/to/tender path/to/NAME.case
#
# A case file is bash that sets:
#   ARGS=(check fixtures/bids/x.xml)     the command line after `tender`
#   EXIT=1                               the expected exit code
#   EXPECT_STDOUT=tests/cli/expected/NAME.txt   (optional) exact expected stdout
#   STDOUT_HAS=("text" ...)              (optional) lines/fragments stdout must contain
#   STDERR_HAS=("text" ...)              (optional) fragments stderr must contain
#   STDOUT_LACKS=("text" ...) / STDERR_LACKS=(...)  fragments that must not appear
#   STDOUT_IN_ORDER=("text" ...)         (optional) fragments stdout must contain in this order
#   STDOUT_EMPTY=1                       (optional) stdout must be empty
#   SETUP_ARGS=(evaluate ...)            (optional) a `tender` command run first; must exit 0
#   SETUP_SH='...'                       (optional) bash run after SETUP_ARGS (e.g. edit a copy)
#   AFTER_SH='...'                       (optional) bash run after the command; must exit 0; $CASE_TMP and $TENDER (the binary) are set
#                                        (e.g. a file or folder the run must not leave behind)
#   REQUIRES=(soffice)                   (optional) programs the case needs; when one is not on
#                                        PATH the case is skipped (exit 77, ctest SKIP_RETURN_CODE)
# $CASE_TMP is a fresh temporary directory for the case (removed afterwards); case files may use
# it in ARGS, SETUP_ARGS and SETUP_SH.
# Inputs named in ARGS that are files must be unchanged afterwards (hash before/after).
# UPDATE=1 rewrites EXPECT_STDOUT from the actual output (review the diff before committing).
set -uo pipefail
tender=$1
case_file=$2
ARGS=() EXIT=0 EXPECT_STDOUT="" STDOUT_HAS=() STDERR_HAS=() STDOUT_LACKS=() STDERR_LACKS=()
STDOUT_EMPTY=0 SETUP_ARGS=() SETUP_SH="" REQUIRES=() STDOUT_IN_ORDER=() AFTER_SH=""
tmp=$(mktemp -d)
CASE_TMP=$(mktemp -d)
export CASE_TMP
export TENDER="$tender"   # the binary under test, for SETUP_SH and AFTER_SH
trap 'rm -rf "$tmp" "$CASE_TMP"' EXIT
# shellcheck disable=SC1090
source "$case_file"
for prog in "${REQUIRES[@]}"; do
  command -v "$prog" >/dev/null 2>&1 || { echo "skip $(basename "$case_file"): $prog not installed"; exit 77; }
done
if [ ${#SETUP_ARGS[@]} -gt 0 ]; then
  "$tender" "${SETUP_ARGS[@]}" >"$tmp/setup.out" 2>&1 </dev/null ||
    { echo "FAIL [$(basename "$case_file")]: setup command failed"; cat "$tmp/setup.out"; exit 1; }
fi
if [ -n "$SETUP_SH" ]; then
  bash -c "$SETUP_SH" >"$tmp/setup.out" 2>&1 ||
    { echo "FAIL [$(basename "$case_file")]: setup script failed"; cat "$tmp/setup.out"; exit 1; }
fi
# Inputs: the files named in ARGS that exist before the run (an output the run creates is not one).
inputs=()
for a in "${ARGS[@]}"; do [ -f "$a" ] && inputs+=("$a"); done
hash_inputs() { for a in "${inputs[@]}"; do sha256sum "$a" 2>&1; done; }
hash_inputs > "$tmp/before"

"$tender" "${ARGS[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
rc=$?
fail=0
say() { echo "FAIL [$(basename "$case_file")]: $*"; fail=1; }

[ "$rc" -eq "$EXIT" ] || say "exit code $rc, expected $EXIT"
[ "$rc" -lt 128 ] || say "killed by a signal (crash)"
if [ -n "$EXPECT_STDOUT" ]; then
  if [ "${UPDATE:-0}" = 1 ]; then cp "$tmp/out" "$EXPECT_STDOUT"; fi
  diff -u "$EXPECT_STDOUT" "$tmp/out" > "$tmp/diff" || { say "stdout differs from $EXPECT_STDOUT"; head -60 "$tmp/diff"; }
fi
for s in "${STDOUT_HAS[@]}"; do grep -qF -- "$s" "$tmp/out" || say "stdout lacks: $s"; done
for s in "${STDERR_HAS[@]}"; do grep -qF -- "$s" "$tmp/err" || say "stderr lacks: $s"; done
for s in "${STDOUT_LACKS[@]}"; do ! grep -qF -- "$s" "$tmp/out" || say "stdout has: $s"; done
for s in "${STDERR_LACKS[@]}"; do ! grep -qF -- "$s" "$tmp/err" || say "stderr has: $s"; done
line=0
for s in "${STDOUT_IN_ORDER[@]}"; do
  at=$(tail -n +$((line + 1)) "$tmp/out" | grep -nF -m1 -- "$s" | cut -d: -f1)
  if [ -z "$at" ]; then say "stdout lacks, after line $line: $s"; break; fi
  line=$((line + at))
done
[ "$STDOUT_EMPTY" = 0 ] || [ ! -s "$tmp/out" ] || say "stdout not empty"
if [ -n "$AFTER_SH" ]; then
  bash -c "$AFTER_SH" >"$tmp/after.out" 2>&1 || { say "after script failed"; cat "$tmp/after.out"; }
fi
grep -q "AddressSanitizer\|runtime error:" "$tmp/err" && say "sanitizer report on stderr"
hash_inputs > "$tmp/after"
cmp -s "$tmp/before" "$tmp/after" || say "an input file was modified"

if [ $fail -ne 0 ]; then
  echo "--- stderr ---"; head -40 "$tmp/err"
  exit 1
fi
echo "ok $(basename "$case_file")"
