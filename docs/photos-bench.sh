#!/usr/bin/env bash
# Photos (issue 19): builds a site of N generated phone photos (cmd/photosite:
# 4032×3024 JPEGs of about 3.3 MB with EXIF Orientation and GPS, three to a
# news post) with folio and with Debian's Hugo making the same widths (480,
# 680, 800, 1200, 1600) at the same JPEG quality (78), and prints for each: a
# cold build (no cache), a warm build (nothing changed), wall and CPU time,
# peak memory (GNU time -v). Then the bytes a 412 px wide phone at DPR 1.75
# downloads for one post's three photos (the derivative its srcset and
# sizes pick: the slot is 412 - 32 = 380 CSS px, 665 device px, so 680w).
#
#   bash docs/photos-bench.sh            # N=200
#   N=30 bash docs/photos-bench.sh
#   HUGO=no bash docs/photos-bench.sh    # folio only (Hugo's cold build takes minutes)
#
# With LIGHTHOUSE set (node_modules/.bin/lighthouse) and Chromium at
# /usr/bin/chromium, it also runs Lighthouse (mobile, its default) on that
# post, served by python3's http.server, and prints the performance score.
#
# The machine is shared: CPU seconds (user+sys) say more than wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
hugo=${HUGO:-yes}
[ "$hugo" = no ] || command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null; }
n=${N:-200}
work=$(mktemp -d "${TMPDIR:-/tmp}/photos-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
go build -o "$work/folio-bin" ./cmd/folio
go run ./cmd/photosite -n "$n" -out "$work"
cp -r themes "$work/folio/"

# run NAME DIR CMD...: one build, timed.
run() {
  local name=$1 dir=$2
  shift 2
  (cd "$dir" && /usr/bin/time -f "%e %U %S %M" "$@" >"$work/out.txt" 2>"$work/time.txt") || { cat "$work/out.txt" "$work/time.txt" >&2; exit 1; }
  tail -1 "$work/time.txt" | awk -v name="$name" '{ printf "%-12s wall %6.2f s  cpu %6.2f s  peak %5.0f MB\n", name, $1, $2 + $3, $4 / 1024 }'
}

echo "$n photos, $(nproc) cores, $(go version | cut -d' ' -f3)$([ "$hugo" = no ] || echo ", $(hugo version | cut -d' ' -f2)")"
run "folio cold" "$work/folio" "$work/folio-bin" build -d "$work/folio-public"
run "folio warm" "$work/folio" "$work/folio-bin" build -d "$work/folio-public"
run "folio warm" "$work/folio" "$work/folio-bin" build -d "$work/folio-public" --report "$work/report.json"
# What the photos add to a warm build: the stage that plans and finds them
# in the cache, and publish (write), which keeps their files.
python3 -c 'import json,sys; s={x["name"]: x["ms"] for x in json.load(open(sys.argv[1]))["stages"]}; print("folio warm stages: photos %.1f ms, write %.1f ms, all %.1f ms" % (s["photos"], s["write"], sum(s.values())))' "$work/report.json"
if [ "$hugo" != no ]; then
  run "hugo cold" "$work/hugo" hugo --quiet -d "$work/hugo-public"
  run "hugo warm" "$work/hugo" hugo --quiet -d "$work/hugo-public"
fi

post="$work/folio-public/news/post000"
bytes=0
for f in $(grep -o 'src="[^"]*\.680\.jpg"' "$post/index.html" | sed 's/src="//; s/"$//'); do
  bytes=$((bytes + $(stat -c %s "$work/folio-public$f")))
done
orig=$(cat "$work/folio/content/news/post000/"*.jpg | wc -c)
echo "one post's three photos: $((orig / 1024)) KB as taken; a 412 px phone at DPR 1.75 downloads $((bytes / 1024)) KB (the 680w copies)"
echo "folio's derivatives: $(find "$work/folio-public" -name '*.[0-9]*.jpg' | wc -l) files, $(du -sk --apparent-size "$work/folio/.folio-cache/images" | cut -f1) KB in the cache (the cleaned originals included)"
[ "$hugo" = no ] || echo "hugo's: $(find "$work/hugo-public" -name '*_resize_*' | wc -l) files"

if [ -n "${LIGHTHOUSE:-}" ]; then
  port=18419
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/folio-public" >/dev/null 2>&1 &
  server=$!
  sleep 1
  "$LIGHTHOUSE" "http://127.0.0.1:$port/news/post000/" --chrome-path=/usr/bin/chromium \
    --chrome-flags="--headless --no-sandbox --disable-gpu" --only-categories=performance \
    --output=json --output-path="$work/lh.json" --quiet || true
  kill "$server"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); a=r["audits"]; print("lighthouse mobile performance:", round(r["categories"]["performance"]["score"]*100), "| LCP", a["largest-contentful-paint"]["displayValue"], "| total bytes", a["total-byte-weight"]["displayValue"])' "$work/lh.json"
fi
