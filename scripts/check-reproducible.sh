#!/usr/bin/env bash
# Shows that the build is reproducible: builds the project twice, from two fresh copies of the
# working tree in different directories and at different times, and compares the SHA-256 of
# every jar the reactor makes (classes, sources, javadoc, shaded). Exits 0 only if every jar
# is byte-identical; prints the checksums either way.
#
# Usage: scripts/check-reproducible.sh [extra mvn arguments, e.g. -pl otp-core -am]
# Needs the same JDK for both builds (the manifest records its version).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies the sources without any build output: in a git checkout the tracked and the
# untracked-but-not-ignored files, elsewhere everything but target/ directories.
copy_tree() {
  mkdir -p "$2"
  if git -C "$1" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$1" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) \
      | tar -xf - -C "$2"
  else
    tar -C "$1" --exclude=target --exclude=.git -cf - . | tar -xf - -C "$2"
  fi
}

build_and_hash() {
  local dir=$work/$1
  copy_tree "$root" "$dir"
  echo "building in $dir" >&2
  (cd "$dir" && mvn -B -q -DskipTests "${@:2}" package >&2)
  # Paths relative to the copy, so the two lists are comparable line by line.
  (cd "$dir" && find . -mindepth 3 -maxdepth 3 -path './*/target/*.jar' -print0 \
    | sort -z | xargs -0 -r sha256sum)
}

build_and_hash first "$@" > "$work/first.sha256"
sleep 2  # a different wall-clock second for every timestamp the build might leak
build_and_hash second "$@" > "$work/second.sha256"

if [[ ! -s $work/first.sha256 ]]; then
  echo "no jars were built: nothing to compare" >&2
  exit 1
fi
cat "$work/first.sha256"
if diff -u "$work/first.sha256" "$work/second.sha256"; then
  echo "reproducible: $(wc -l < "$work/first.sha256") jars identical in two clean builds"
else
  echo "NOT reproducible: the jars above differ between two clean builds" >&2
  exit 1
fi
