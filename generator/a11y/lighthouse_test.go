package a11y

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// TestLighthouse runs Lighthouse on the home page, an article and a journal
// issue of the sample site, built for production (minified) and served as
// docs/nginx.conf serves it (gzip, a year of caching for fingerprinted
// assets), and fails below 95 in accessibility, best practices and SEO,
// or when an audit of what the page sends fails: its bytes, compression,
// caching, image sizes, layout shift. The performance score itself is
// logged, not asserted: it is timed, and a busy machine scored 78 where an
// idle one scores 100 (docs/benchmarks.md reports it).
func TestLighthouse(t *testing.T) {
	lighthouse := testkit.Tool(t, "LIGHTHOUSE", "npm install lighthouse@12.2.3 and set LIGHTHOUSE to node_modules/.bin/lighthouse")
	browser := testkit.Chromium(t)
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "../..")), Now: now, Minify: true, BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatal(err)
	}
	url := testkit.Serve(t, res.Site)
	floors := map[string]int{"accessibility": 95, "best-practices": 95, "seo": 95}
	// Audits of what the page is, not of how fast this machine was.
	sent := []string{"total-byte-weight", "uses-text-compression", "uses-long-cache-ttl", "unminified-css", "unminified-javascript",
		"unsized-images", "uses-responsive-images", "uses-optimized-images", "cumulative-layout-shift", "offscreen-images", "lcp-lazy-loaded"}
	for _, page := range []string{"/", "/journal/2024/16/feature-campus-star/", "/journal/2024/15/", "/news/2026/10/open-day/"} { // the last with three phone photos
		out := filepath.Join(t.TempDir(), "report.json")
		cmd := exec.Command(lighthouse, url+page, "--chrome-path="+browser,
			"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update --disable-sync",
			"--only-categories=performance,accessibility,best-practices,seo", "--output=json", "--output-path="+out, "--quiet")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: lighthouse: %v\n%s", page, err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var report struct {
			Categories map[string]struct{ Score float64 } `json:"categories"`
			Audits     map[string]struct {
				Score            *float64 `json:"score"`
				Title            string   `json:"title"`
				ScoreDisplayMode string   `json:"scoreDisplayMode"`
			} `json:"audits"`
		}
		if err := json.Unmarshal(b, &report); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: performance %d (timed: not asserted)", page, int(report.Categories["performance"].Score*100+0.5))
		for cat, floor := range floors {
			score := int(report.Categories[cat].Score*100 + 0.5)
			t.Logf("%s: %s %d", page, cat, score)
			if score < floor {
				t.Errorf("%s: %s scores %d, under %d", page, cat, score, floor)
			}
		}
		for _, id := range sent {
			a, ok := report.Audits[id]
			if !ok {
				t.Errorf("%s: the report has no audit %s", page, id)
			} else if a.Score != nil && *a.Score < 0.9 {
				t.Errorf("%s: audit %s (%s) scores %.2f", page, id, a.Title, *a.Score)
			}
		}
		for id, a := range report.Audits {
			if a.Score != nil && *a.Score < 0.9 && a.ScoreDisplayMode == "binary" {
				t.Logf("%s: failed audit %s: %s", page, id, a.Title)
			}
		}
	}
}
