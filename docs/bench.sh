#!/usr/bin/env bash
# Builds the synthetic corpus with folio, with Hugo and with the floor
# (cmd/floor: front matter and Markdown only, what any build must do),
# alternating, and prints the median wall time and peak memory (GNU time)
# of each, with the ratios. Same machine, same run: the machines are shared
# and noisy. At HUGE pages only folio and the floor are built.
#
#   bash docs/bench.sh                  # 1,000, 10,000 and 50,000 pages, then 100,000; 3 runs each
#   SIZES="1000 10000" HUGE= RUNS=5 bash docs/bench.sh
#   OUT=/dev/shm/bench bash docs/bench.sh
#   CORPUS="-tags 20 -categories 8 -paginate 20 -feed 50" bash docs/bench.sh   # issue 21's shape
#
# OUT is where the three write their sites (default: a fresh folder under
# $TMPDIR or /tmp, removed at the end). On this VM's ext4 disk, creating
# the ~17,000 files and folders of 10,000 pages costs seconds of kernel time
# for every program alike; OUT=/dev/shm/bench (tmpfs, in memory) measures
# the generators' own work. The script says which file system it wrote to.
# CORPUS is passed to cmd/corpus (its flags shape both sites alike); empty,
# the corpus of the earlier results in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
need=""
command -v hugo >/dev/null || need="$need hugo"
[ -x /usr/bin/time ] || need="$need time"
# shellcheck disable=SC2086 # $need is a list of package names
if [ -n "$need" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null; fi

work=$(mktemp -d)
if [ -n "${OUT:-}" ]; then
  out=$OUT
  mkdir -p "$out"
  trap 'rm -rf "$work" "$out/folio" "$out/hugo" "$out/floor"' EXIT
else
  out=$(mktemp -d "${TMPDIR:-/tmp}/bench-out.XXXXXX")
  trap 'rm -rf "$work" "$out"' EXIT
fi
go build -o "$work/folio" ./cmd/folio
go build -o "$work/floor" ./cmd/floor
sizes=${SIZES:-"1000 10000 50000"}
huge=${HUGE-100000}
runs=${RUNS:-3}
read -r -a corpus <<< "${CORPUS:-}"

# measure NAME CMD...: appends "seconds kilobytes" of one run to
# $work/NAME.txt; the wall time is the shell's (microseconds), the peak
# memory GNU time's.
measure() {
  local name=$1 start end
  shift
  start=${EPOCHREALTIME/[.,]/}
  if ! /usr/bin/time -v "$@" >/dev/null 2>"$work/time.txt"; then
    echo "$name failed:" >&2; cat "$work/time.txt" >&2; exit 1
  fi
  end=${EPOCHREALTIME/[.,]/}
  awk -v us=$((end - start)) '/Maximum resident set size/ { rss = $NF }
              END { printf "%.4f %d\n", us / 1e6, rss }' "$work/time.txt" >> "$work/$name.txt"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
col() { cut -d' ' -f"$2" "$work/$1.txt" | median; }

echo "| pages | folio (s) | Hugo (s) | floor (s) | folio/Hugo time | folio/floor time | folio (MB) | Hugo (MB) | floor (MB) | folio/Hugo memory | folio ms/page |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for n in $sizes ${huge:+"$huge"}; do
  progs="folio hugo floor"
  [ "$n" = "$huge" ] && progs="folio floor"
  site="$work/site-$n"
  go run ./cmd/corpus -n "$n" ${corpus[@]+"${corpus[@]}"} -o "$site" >/dev/null
  for p in folio hugo floor; do : > "$work/$p.txt"; done
  for i in $(seq "$runs"); do
    # Each run starts with a different program, so none is always first.
    # shellcheck disable=SC2086 # $progs is a list of names
    set -- $progs
    for _ in $(seq $(( (i - 1) % $# ))); do set -- "${@:2}" "$1"; done
    for p in "$@"; do
      rm -rf "${out:?}/$p"
      case $p in
        folio) measure folio "$work/folio" build -s "$site" -d "$out/folio" --quiet ;;
        hugo) (cd "$site" && measure hugo hugo --config hugo.toml -d "$out/hugo" --quiet) ;;
        floor) measure floor "$work/floor" -s "$site" -d "$out/floor" ;;
      esac
      rm -rf "${out:?}/$p" # the next program starts with OUT as empty (and memory as free) as this one did
    done
  done
  fw=$(col folio 1); fm=$(col folio 2); lw=$(col floor 1); lm=$(col floor 2)
  hw=$(col hugo 1); hm=$(col hugo 2)
  awk -v n="$n" -v fw="$fw" -v hw="$hw" -v lw="$lw" -v fm="$fm" -v hm="$hm" -v lm="$lm" 'BEGIN {
    if (hw == "") { h = "–"; hr = "–"; hmb = "–"; hmr = "–" }
    else { h = sprintf("%.2f", hw); hr = sprintf("%.2f", fw / hw); hmb = sprintf("%d", hm / 1024); hmr = sprintf("%.2f", fm / hm) }
    printf "| %d | %.2f | %s | %.2f | %s | %.2f | %d | %s | %d | %s | %.2f |\n",
      n, fw, h, lw, hr, fw / lw, fm / 1024, hmb, lm / 1024, hmr, fw * 1000 / n }'
  rm -rf "$site"
done
echo
echo "$(nproc) cores; $(go version | cut -d' ' -f3); $(hugo version | cut -d' ' -f1-2); folio $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' with uncommitted changes')"
echo "corpus: cmd/corpus -n N ${CORPUS:-(defaults)}"
echo "sites written to $out: $(stat -f -c %T "$out") ($(df -T "$out" | awk 'NR == 2 { print $2 " on " $1 }'))"
