#!/usr/bin/env bash
# Sets up everything `tender` needs on a fresh Debian machine, builds it, and runs the main job
# on the shipped IJsselland 2023 example. Safe to run again: installs only what is missing.
#   bash setup.sh            set up, build, run the example
#   bash setup.sh --no-run   set up and build only
set -euo pipefail
cd "$(dirname "$0")"

packages=(build-essential cmake pkg-config libxml2-dev libxml2-utils libpcre2-dev
          libxlsxwriter-dev libcmocka-dev libzip-dev libssl-dev unzip bc time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
echo "setup: built build/tender" >&2

[ "${1:-}" = "--no-run" ] && exit 0

# The main job: steps 1-2 (tender check) on the example bids of IJsselland 2023.
echo "setup: tender check fixtures/bids/ (IJsselland 2023, ingebouwde definitie)" >&2
set +e
build/tender check fixtures/bids/
rc=$?
set -e
case $rc in
  0|1) echo "setup: klaar (exitcode $rc: 0 = alle inschrijvingen toegelaten, 1 = niet alle)" >&2 ;;
  *)   echo "setup: tender check faalde met exitcode $rc" >&2; exit "$rc" ;;
esac
