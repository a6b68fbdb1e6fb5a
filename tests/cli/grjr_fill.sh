#!/usr/bin/env bash
# Writes to $1 a copy of fixtures/tenders/grjr-2021.xml whose open points are filled in, as a
# region would do it (docs/new-tender.md, "Open plekken"): every <placeholder> becomes one
# criterion "plan" (100%, minimum 6,0, no revision) and a score scale 0-10 is added. The numbers
# are FICTITIOUS, for the CLI cases of the award (minimum and maximum number of contractors,
# phases); the shipped definition keeps its placeholders.
set -euo pipefail
cd "$(dirname "$0")/../.."
sed -e 's|<placeholder id="OPEN-[^"]*"[^>]*/>|<criterion id="plan" label="Plan met doelstellingen (fictieve invulling)" weight="100%" minimum="6,0" revisions="0" source="tests/cli/grjr_fill.sh (fictief)"/>|' \
    -e 's|^  <awards>$|  <score-scale source="tests/cli/grjr_fill.sh (fictief)"><score value="0">Geen antwoord</score><score value="2">Zeer slecht</score><score value="4">Onvoldoende</score><score value="6">Voldoende</score><score value="8">Goed</score><score value="10">Uitmuntend</score></score-scale>\n  <awards>|' \
    fixtures/tenders/grjr-2021.xml > "$1"
! grep -q '<placeholder id=' "$1"
