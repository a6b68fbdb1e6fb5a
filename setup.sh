#!/usr/bin/env bash
# Sets up everything `tender` needs on a fresh Debian machine, builds it, and runs the main job
# on the shipped IJsselland 2023 example. Safe to run again: installs only what is missing.
#   bash setup.sh            set up, build, run the example
#   bash setup.sh --no-run   set up and build only
set -euo pipefail
cd "$(dirname "$0")"

packages=(build-essential cmake pkg-config libxml2-dev libxml2-utils libpcre2-dev
          libxlsxwriter-dev libcmocka-dev libzip-dev libssl-dev unzip bc time jq poppler-utils
          clang libclang-rt-dev gcovr python3)  # fuzzing (tests/fuzz), coverage, test scripts
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

# The main job: steps 1-3 (tender evaluate) on the shipped IJsselland 2023 example, in the two
# rounds of the procedure (fixtures/example/README.md): round 1 on 08-08-2022 (40 bids, the
# committee's scores; failures on lots other than 4 are still voorlopig), then the final round on
# 03-10-2022 (the re-submissions of round2/bids, the officer's decisions, the scores after round
# 2). Writes both award workbooks (and their JSON) into build/.
echo "setup: tender evaluate on fixtures/example (IJsselland 2023, ingebouwde definitie)" >&2
echo "setup: ronde 1 (inschrijving, 08-08-2022)" >&2
build/tender evaluate --bids fixtures/example/bids --scores fixtures/example/scores.csv \
  --decisions fixtures/example/round2/decisions.csv --date 2022-08-08 \
  -o build/gunning-ijsselland-2023-ronde1.xlsx --json build/gunning-ijsselland-2023-ronde1.json
echo "setup: ronde 2 (herinschrijving en besluiten, 03-10-2022): de gunning" >&2
build/tender evaluate --bids fixtures/example/bids --resubmissions fixtures/example/round2/bids \
  --decisions fixtures/example/round2/decisions.csv --scores fixtures/example/round2/scores.csv \
  --date 2022-10-03 -o build/gunning-ijsselland-2023.xlsx --json build/gunning-ijsselland-2023.json
echo "setup: klaar: build/gunning-ijsselland-2023.xlsx (gunningswerkmap na ronde 2, blad Procedure), build/gunning-ijsselland-2023-ronde1.xlsx (ronde 1), en hun .json" >&2
