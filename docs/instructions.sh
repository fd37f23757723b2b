#!/usr/bin/env bash
# Counts instructions with valgrind's cachegrind. On a machine shared with
# other builds the CPU time of a change of a few percent is lost in the
# noise; the count is the same run after run to about 1%, and to 0.3% with
# GOGC=off (which leaves the garbage collector's work out).
#
#   bash docs/instructions.sh render      # one op of render's BenchmarkInstructions (the layouts)
#   GOGC=off bash docs/instructions.sh markup   # one op of markup's (the Markdown)
#   GOGC=off bash docs/instructions.sh build    # one whole folio build of a 2,000-page corpus
#
# For a package it counts a run of one op and a run of five and prints the
# difference over four, so that writing and building the corpus cancel
# out; the corpus links this tree's theme. For build, it writes a corpus
# of issue 21's shape (cmd/corpus -n ${N:-2000} -tags 20 -categories 8
# -paginate 20 -feed 50) into a temporary folder and counts one folio build
# of it into tmpfs where there is one: SHA-256, which real CPUs do in one
# instruction a block, counts for more here than it costs. To compare two
# commits, run the script in a checkout of each. GODEBUG=asyncpreemptoff=1:
# valgrind cannot follow the signals Go preempts goroutines with.
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=${1:?what to count: render, markup or build}
command -v valgrind >/dev/null || { echo "instructions.sh needs valgrind (apt-get install valgrind)" >&2; exit 1; }
tmp=${TMPDIR:-/tmp}
[ -d /dev/shm ] && tmp=/dev/shm
work=$(mktemp -d "$tmp/instructions.XXXXXX")
trap 'rm -rf "$work"' EXIT
grind() {
  GOGC=${GOGC:-100} GODEBUG=asyncpreemptoff=1 valgrind --tool=cachegrind --cache-sim=no \
    --cachegrind-out-file=/dev/null "$@" 2>&1 | awk '/I +refs/ { gsub(",", "", $NF); print $NF }'
}
if [ "$pkg" = build ]; then
  go build -o "$work/folio" ./cmd/folio
  go run ./cmd/corpus -n "${N:-2000}" -tags 20 -categories 8 -paginate 20 -feed 50 -o "$work/site" >/dev/null
  n=$(grind "$work/folio" build -s "$work/site" -d "$work/public" --quiet)
  echo "build: $n instructions, ${N:-2000} pages (GOGC=${GOGC:-100}, $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
  exit
fi
go test -c -o "$work/bench.test" "./generator/$pkg"
count() {
  (cd "generator/$pkg" && grind "$work/bench.test" -test.run XXX -test.bench 'Instructions$' -test.benchtime "$1x" -test.cpu 1)
}
one=$(count 1)
five=$(count 5)
echo "$pkg: $(((five - one) / 4)) instructions an op (GOGC=${GOGC:-100}, $(git rev-parse --short HEAD 2>/dev/null || echo unknown))"
