#!/bin/bash
# check.sh - cmake/layers.cmake accepts the tree as it is and refuses each kind of back-edge.
# A scratch tree holds one file per case; the real tree must pass.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
fail=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cmake -DROOT="$root" -P "$root/cmake/layers.cmake" || { echo "FAIL: the tree breaks its layers"; fail=1; }

# case: file, include, expected fragment of the message
check_refused() {
    local file=$1 inc=$2 want=$3
    rm -rf "$scratch/t" && mkdir -p "$scratch/t/$(dirname "$file")"
    printf '#include "%s"\n' "$inc" > "$scratch/t/$file"
    local out
    if out=$(cmake -DROOT="$scratch/t" -P "$root/cmake/layers.cmake" 2>&1); then
        echo "FAIL: $file including $inc was accepted"; fail=1
    elif [[ $out != *"$want"* ]]; then
        echo "FAIL: $file including $inc: message lacks '$want':"; echo "$out"; fail=1
    else
        echo "ok: $file including $inc refused"
    fi
}
check_refused scoring/x.c tender/bid.h 'scoring/x.c: includes "tender/bid.h": layer scoring may include only scoring'
check_refused scoring/x.c tender/base/error.h 'layer scoring may include only scoring'
check_refused tender/base/x.c scoring/model.h 'layer base may include only base'
check_refused forms/x.c tender/bid.h 'forms/x.c: includes "tender/bid.h": layer forms may include only forms;layout;scoring;base'
check_refused forms/x.c tender/cli/cli.h 'layer forms may include only'
check_refused forms/layout/x.c forms/json.h 'layer layout may include only layout;scoring;base'
check_refused tender/x.c forms/award_xlsx.h 'tender/x.c: includes "forms/award_xlsx.h": layer io may include only'
check_refused tender/x.c tender/cli/cli.h 'layer io may include only'
check_refused tender/x.c other/thing.h 'which is in no layer'
check_refused tender/sub/x.c tender/bid.h 'tender/sub/x.c: in no layer'

# and what is allowed passes: the program may include every layer
rm -rf "$scratch/t" && mkdir -p "$scratch/t/tender/cli"
printf '#include "forms/json.h"\n#include "tender/bid.h"\n#include "tender/base/error.h"\n' \
    > "$scratch/t/tender/cli/x.c"
cmake -DROOT="$scratch/t" -P "$root/cmake/layers.cmake" || { echo "FAIL: cli including below refused"; fail=1; }
exit $fail
