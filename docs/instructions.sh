#!/usr/bin/env bash
# Counts the instructions of one op of a stage's BenchmarkInstructions
# (generator/render: the layouts; generator/markup: the Markdown) with
# valgrind's cachegrind. On a machine shared with other builds the CPU time
# of a change of a few percent is lost in the noise; the count is the same
# run after run to about 1%, and to 0.2% with GOGC=off (which leaves the
# garbage collector's work out).
#
#   bash docs/instructions.sh render
#   GOGC=off bash docs/instructions.sh markup
#
# It counts a run of one op and a run of five and prints the difference
# over four, so that writing and building the corpus cancel out. The
# corpus links this tree's theme: to compare two commits, run the script
# in a checkout of each. GODEBUG=asyncpreemptoff=1: valgrind cannot follow
# the signals Go preempts goroutines with.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=${1:?which package: render or markup}
command -v valgrind >/dev/null || { echo "instructions.sh needs valgrind (apt-get install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/bench.test" "./generator/$pkg"
count() {
  (cd "generator/$pkg" && GOGC=${GOGC:-100} GODEBUG=asyncpreemptoff=1 valgrind --tool=cachegrind --cache-sim=no \
    --cachegrind-out-file=/dev/null "$work/bench.test" -test.run XXX -test.bench 'Instructions$' \
    -test.benchtime "$1x" -test.cpu 1 2>&1) | awk '/I +refs/ { gsub(",", "", $NF); print $NF }'
}
one=$(count 1)
five=$(count 5)
echo "$pkg: $(((five - one) / 4)) instructions an op (GOGC=${GOGC:-100}, $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
