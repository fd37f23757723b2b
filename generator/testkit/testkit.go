// Package testkit holds what the tests that use real tools share: finding
// the tools, serving a built site as a static host would, and opening it in
// headless Chromium. Only tests import it.
package testkit

import (
	"compress/gzip"
	"context"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator/publish"
)

// RequireTools is the variable .ci/run sets to 1: there a missing tool
// fails the test, since .ci/run installed them all. It is the project's own
// and not CI=true, which every CI host sets (GitHub Actions included),
// including a site's publish job that has none of these tools.
const RequireTools = "FOLIO_REQUIRE_TOOLS"

// Tool returns the value of env, the path of a tool a test needs. Without
// it the test fails when RequireTools is set, and skips elsewhere, saying
// how to get it.
func Tool(t testing.TB, env, how string) string {
	t.Helper()
	if v := os.Getenv(env); v != "" {
		return v
	}
	missing(t, env+" is not set: "+how)
	return ""
}

// Chromium finds Debian's Chromium, like Tool.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "no chromium: apt-get install chromium")
	return ""
}

// Nginx finds nginx, which Debian keeps in /usr/sbin, like Tool.
func Nginx(t testing.TB) string {
	t.Helper()
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	missing(t, "no nginx: apt-get install nginx")
	return ""
}

func missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(RequireTools) == "1" {
		t.Fatal(why + " (" + RequireTools + "=1, as .ci/run sets it, makes a missing tool a failure)")
	}
	t.Skip(why)
}

// Serve serves a built site over HTTP as docs/nginx.conf does: pretty
// URLs, text in UTF-8, gzip when asked, a year of caching for fingerprinted
// files and no-cache for the rest. It returns the site's URL.
func Serve(t testing.TB, site *publish.Site) string {
	t.Helper()
	fingerprinted := regexp.MustCompile(`\.[0-9a-f]{10}\.(css|js)$`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, err := site.Read(name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if strings.HasPrefix(ctype, "text/") && !strings.Contains(ctype, "charset") {
			ctype += "; charset=utf-8"
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-cache")
		if fingerprinted.MatchString(name) {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
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
	t.Cleanup(srv.Close)
	return srv.URL
}

// Browse opens url in headless Chromium width pixels wide, and fails the
// test on any JavaScript exception. The context runs actions in the page.
func Browse(t testing.TB, url string, width int) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Chromium(t)), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(width, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 120*time.Second)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			t.Errorf("JavaScript exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, msg)
		}
	})
	if url != "" {
		if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
			t.Fatal(err)
		}
	}
	return ctx
}

// Poll waits until js is true in the page, up to 15 seconds. A reload of
// the page cuts a poll short; it is then tried again in the new page.
func Poll(t testing.TB, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if time.Now().After(deadline) || !(strings.Contains(err.Error(), "navigated") || strings.Contains(err.Error(), "context with specified id")) {
			t.Fatalf("%s: %v", what, err)
		}
	}
}
