package a11y

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator"
)

// TestLighthouse runs Lighthouse on the home page, an article and a journal
// issue of the real site, built for production (minified) and served as
// docs/nginx.conf serves it (gzip, a year of caching for fingerprinted
// assets), and fails below 95 in accessibility, best practices and SEO or
// 90 in performance. Performance varies from run to run; the floor leaves
// room for a busy machine.
func TestLighthouse(t *testing.T) {
	lighthouse := needTool(t, "LIGHTHOUSE", "npm install lighthouse@12.2.3 and set LIGHTHOUSE to node_modules/.bin/lighthouse")
	browser := chromium(t)
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS("../.."), Now: now, Minify: true, BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatal(err)
	}
	fingerprinted := regexp.MustCompile(`\.[0-9a-f]{10}\.(css|js)$`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, ok := res.Site.Files[name]
		if src, found := res.Site.Copies[name]; !ok && found {
			b, _ = fs.ReadFile(res.Site.FS, src)
			ok = true
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if strings.HasPrefix(ctype, "text/") && !strings.Contains(ctype, "charset") {
			ctype += "; charset=utf-8"
		}
		w.Header().Set("Content-Type", ctype)
		if fingerprinted.MatchString(name) {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			gz := gzip.NewWriter(w)
			defer gz.Close()
			gz.Write(b)
			return
		}
		w.Write(b)
	}))
	defer srv.Close()
	floors := map[string]int{"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}
	for _, page := range []string{"/", "/journal/2024/16/feature-campus-star/", "/journal/2024/15/"} {
		out := filepath.Join(t.TempDir(), "report.json")
		cmd := exec.Command(lighthouse, srv.URL+page, "--chrome-path="+browser,
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
		for cat, floor := range floors {
			score := int(report.Categories[cat].Score*100 + 0.5)
			t.Logf("%s: %s %d", page, cat, score)
			if score < floor {
				t.Errorf("%s: %s scores %d, under %d", page, cat, score, floor)
			}
		}
		for id, a := range report.Audits {
			if a.Score != nil && *a.Score < 0.9 && a.ScoreDisplayMode == "binary" {
				t.Logf("%s: failed audit %s: %s", page, id, a.Title)
			}
		}
	}
}
