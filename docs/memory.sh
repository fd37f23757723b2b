#!/usr/bin/env bash
# Memory (issue 21): builds the synthetic corpus (cmd/corpus) with folio of
# two commits, alternating (each run starts with the other one), and prints
# each run's wall time, CPU time (user+sys) and peak memory (GNU time's
# maximum resident set size), then the medians. Both commits' folio are
# built from `git archive`, so the work tree is left alone; the corpus is
# this work tree's cmd/corpus, written once for each commit with that
# commit's theme (a theme may call what only its own folio has). The
# output of the two is compared with diff -r at each size (the same files,
# byte for byte, or it stops).
#
#   bash docs/memory.sh 4f0e19f HEAD                  # 1,000 and 10,000 pages, 3 runs each
#   SIZES="50000 100000" RUNS=1 bash docs/memory.sh 4f0e19f HEAD
#   OUT=/dev/shm/memory bash docs/memory.sh 4f0e19f HEAD
#   CORPUS="-tags 20 -categories 8 -paginate 20 -feed 50" bash docs/memory.sh 3f97ccf HEAD   # issue 21's shape
#
# OUT is where the sites are written and built (default: a new folder under
# $TMPDIR or /tmp); /dev/shm keeps the disk out of the times, as in
# docs/bench.sh. The machine is shared: peak memory hardly depends on how
# busy it is, wall time does.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
[ $# -eq 2 ] || { echo "usage: bash docs/memory.sh BEFORE AFTER (two commits)" >&2; exit 2; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/memory.XXXXXX")}
mkdir -p "$out"
work=$(mktemp -d "$out/work.XXXXXX")
if [ -n "${OUT:-}" ]; then trap 'rm -rf "$work"' EXIT; else trap 'rm -rf "$out"' EXIT; fi
read -r -a corpus <<< "${CORPUS:-}" # passed to cmd/corpus, as in docs/bench.sh
names=()
for rev in "$1" "$2"; do
  name=$(git rev-parse --short "$rev")
  mkdir -p "$work/src-$name"
  git archive "$rev" | tar -x -C "$work/src-$name"
  (cd "$work/src-$name" && go build -o "$work/folio-$name" ./cmd/folio)
  names+=("$name")
done
sizes=${SIZES:-"1000 10000"}
runs=${RUNS:-3}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "| pages | folio | run | wall (s) | CPU (s) | peak (MB) |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
  for name in "${names[@]}"; do
    go run ./cmd/corpus -n "$n" ${corpus[@]+"${corpus[@]}"} -theme "$work/src-$name/themes" -o "$work/site-$n-$name" >/dev/null
    : > "$work/$name-$n.txt"
  done
  for i in $(seq "$runs"); do
    order=("${names[@]}")
    [ $((i % 2)) -eq 0 ] && order=("${names[1]}" "${names[0]}")
    for name in "${order[@]}"; do
      rm -rf "$work/public-$name"
      /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$work/folio-$name" build -s "$work/site-$n-$name" -d "$work/public-$name" --now 2026-11-27 --quiet
      read -r wall user sys kb < "$work/time.txt"
      awk -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" 'BEGIN { printf "%.2f %.2f %d\n", w, u + s, k / 1024 }' >> "$work/$name-$n.txt"
      echo "| $n | $name | $i | $(tail -1 "$work/$name-$n.txt" | tr ' ' '|' | sed 's/|/ | /g') |"
    done
    if [ "$i" -eq 1 ]; then
      diff -r "$work/public-${names[0]}" "$work/public-${names[1]}" >/dev/null || { echo "the two builds of $n pages differ" >&2; exit 1; }
    fi
  done
  rm -rf "$work"/site-* "$work"/public-*
done
echo
echo "medians:"
echo "| pages | ${names[0]} wall (s) | ${names[1]} wall (s) | ${names[0]} CPU (s) | ${names[1]} CPU (s) | ${names[0]} peak (MB) | ${names[1]} peak (MB) | peak after/before |"
echo "|---|---|---|---|---|---|---|---|"
for n in $sizes; do
  a="$work/${names[0]}-$n.txt" b="$work/${names[1]}-$n.txt"
  aw=$(cut -d' ' -f1 "$a" | median) bw=$(cut -d' ' -f1 "$b" | median)
  ac=$(cut -d' ' -f2 "$a" | median) bc=$(cut -d' ' -f2 "$b" | median)
  am=$(cut -d' ' -f3 "$a" | median) bm=$(cut -d' ' -f3 "$b" | median)
  awk -v n="$n" -v aw="$aw" -v bw="$bw" -v ac="$ac" -v bc="$bc" -v am="$am" -v bm="$bm" 'BEGIN {
    printf "| %d | %.2f | %.2f | %.2f | %.2f | %d | %d | %.2f |\n", n, aw, bw, ac, bc, am, bm, bm / am }'
done
echo
echo "$(nproc) cores; $(go version | cut -d' ' -f3); sites written to $out: $(stat -f -c %T "$out")"
