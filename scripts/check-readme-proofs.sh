#!/usr/bin/env bash
# Checks that the README's proofs still exist: every link to a .java file must name a file that
# exists, one written [Class.method](path) must point to Class.java declaring "void method(",
# and every link to a section (#anchor) must name a heading of the README. Run it after
# renaming or moving a test.
set -euo pipefail
cd "$(dirname "$0")/.."

status=0
proofs=0
while IFS=$'\t' read -r name path; do
    proofs=$((proofs + 1))
    class=${name%%.*}
    method=${name#*.}
    if [[ $(basename "$path") != "$class.java" ]]; then
        echo "README: [$name] links to $path, not to $class.java"
        status=1
    elif [[ ! -f $path ]]; then
        echo "README: [$name] links to $path, which does not exist"
        status=1
    elif ! grep -q "void $method(" "$path"; then
        echo "README: [$name] names a test $path does not declare"
        status=1
    fi
done < <(grep -o '\[[A-Za-z0-9_]*\.[A-Za-z0-9_]*\]([^)#]*\.java)' README.md \
    | sed -E 's/^\[([^]]*)\]\(([^)]*)\)$/\1\t\2/')

while read -r path; do
    if [[ ! -f $path ]]; then
        echo "README: a link points to $path, which does not exist"
        status=1
    fi
done < <(grep -o '\]([^)#]*\.java)' README.md | sed -E 's/^\]\((.*)\)$/\1/' | sort -u)

# GitHub's anchors: headings outside code blocks, lower case, without punctuation, spaces as '-'.
anchors=$(awk '/^```/ { code = !code; next } !code && /^#+ / { sub(/^#+ /, ""); print }' README.md \
    | tr '[:upper:]' '[:lower:]' | sed -E 's/[^a-z0-9 _-]//g; s/ /-/g')
while read -r anchor; do
    if ! grep -qxF "$anchor" <<< "$anchors"; then
        echo "README: (#$anchor) names no heading"
        status=1
    fi
done < <(grep -o '](#[^)]*)' README.md | sed -E 's/^\]\(#(.*)\)$/\1/' | sort -u)

if [[ $proofs -eq 0 ]]; then
    echo "README: no proof links found"
    status=1
fi
[[ $status -eq 0 ]] && echo "README: $proofs proof links and every section link checked"
exit $status
