#!/usr/bin/env bash
# Builds the synthetic corpus with folio and with Hugo, alternating, and
# prints the median wall time and peak memory (GNU time) of each, with the
# ratio. Same machine, same run: the machines are shared and noisy.
#
#   bash docs/bench.sh                 # 1,000 and 10,000 pages, 3 runs each
#   SIZES="1000 10000 50000" RUNS=5 bash docs/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
need=""
command -v hugo >/dev/null || need="$need hugo"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/folio" ./cmd/folio
sizes=${SIZES:-"1000 10000"}
runs=${RUNS:-3}

# measure CMD...: prints "seconds kilobytes" of one run.
measure() {
  /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
              /Maximum resident set size/ { rss = $2 }
              END { printf "%.2f %d\n", wall, rss }' "$work/time.txt"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "| pages | folio (s) | Hugo (s) | folio/Hugo time | folio (MB) | Hugo (MB) | folio/Hugo memory |"
echo "|---|---|---|---|---|---|---|"
for n in $sizes; do
  site="$work/site-$n"
  go run ./cmd/corpus -n "$n" -o "$site" >/dev/null
  : > "$work/folio.txt"; : > "$work/hugo.txt"
  for i in $(seq "$runs"); do
    rm -rf "$site/public" "$site/public-hugo"
    measure "$work/folio" build -s "$site" --quiet >> "$work/folio.txt"
    (cd "$site" && measure hugo --config hugo.toml --quiet) >> "$work/hugo.txt"
  done
  fw=$(cut -d' ' -f1 "$work/folio.txt" | median); fm=$(cut -d' ' -f2 "$work/folio.txt" | median)
  hw=$(cut -d' ' -f1 "$work/hugo.txt" | median); hm=$(cut -d' ' -f2 "$work/hugo.txt" | median)
  awk -v n="$n" -v fw="$fw" -v hw="$hw" -v fm="$fm" -v hm="$hm" 'BEGIN {
    printf "| %d | %.2f | %.2f | %.2f | %d | %d | %.2f |\n", n, fw, hw, fw / hw, fm / 1024, hm / 1024, fm / hm }'
  rm -rf "$site"
done
echo
echo "$(nproc) cores; $(go version | cut -d' ' -f3); $(hugo version | cut -d' ' -f1-2); folio $(git rev-parse --short HEAD)"
