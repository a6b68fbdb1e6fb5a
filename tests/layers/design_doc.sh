#!/bin/bash
# design_doc.sh - docs/design.md's "Layout" names every source file of the layers, and names no
# file that is not there. A file "x.h" counts as named when "x.h" is, or when "x.c" is on a line
# that also says ".h" ("x.c / .h", "x.c, y.c (.h)").
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
layout=$(awk '/^## Layout$/{on=1; next} /^## /{on=0} on' docs/design.md)
[[ -n $layout ]] || { echo "FAIL: docs/design.md has no '## Layout' section"; exit 1; }
fail=0
while IFS= read -r f; do
    base=${f##*/}
    if grep -qF -- "$base" <<<"$layout"; then continue; fi
    if [[ $base == *.h ]] && grep -F -- "${base%.h}.c" <<<"$layout" | grep -qF '.h'; then continue; fi
    echo "FAIL: $f is not in docs/design.md's Layout"; fail=1
done < <(git ls-files -co --exclude-standard -- 'tender/*.[ch]' 'scoring/*.[ch]' 'forms/*.[ch]' | sort)
for name in $(grep -oE '\b[a-z_0-9]+\.[ch]\b' <<<"$layout" | sort -u); do
    if [[ -z $(git ls-files -co --exclude-standard -- "tender/$name" "tender/*/$name" "scoring/$name" \
               "forms/$name" "forms/*/$name" "tests/*/$name" "bench/$name") ]]; then
        echo "FAIL: docs/design.md's Layout names $name, which is not in the tree"; fail=1
    fi
done
[[ $fail == 0 ]] && echo "ok: docs/design.md's Layout matches the tree"
exit $fail
