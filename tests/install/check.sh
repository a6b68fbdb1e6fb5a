#!/usr/bin/env bash
# `cmake --install` puts the program and its manual page where a user finds them (issue 10 §5):
#   tests/install/check.sh BUILD_DIR
# installs into a fresh temporary prefix, then checks bin/tender runs from there (the default
# definition is built in, so it needs nothing beside it) and share/man/man1/tender.1 is the
# project's man page. The prefix is removed afterwards.
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
fail=0
say() { echo "FAIL [install]: $*"; fail=1; }
[ -x "$prefix/bin/tender" ] || say "bin/tender not installed"
[ -f "$prefix/share/man/man1/tender.1" ] || say "share/man/man1/tender.1 not installed"
if [ -x "$prefix/bin/tender" ]; then
  (cd "$prefix" && ./bin/tender rules >/dev/null) || say "installed bin/tender rules failed"
fi
if [ -f "$prefix/share/man/man1/tender.1" ]; then
  cmp -s "$prefix/share/man/man1/tender.1" "$(dirname "$0")/../../docs/tender.1" ||
    say "installed man page differs from docs/tender.1"
  head -c 4096 "$prefix/share/man/man1/tender.1" | grep -q '^\.TH TENDER 1' ||
    say "man page has no .TH TENDER 1 header"
fi
[ $fail -eq 0 ] && echo "ok install: bin/tender and share/man/man1/tender.1"
exit $fail
