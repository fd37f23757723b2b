package serve

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds Debian's Chromium. Without it the test fails under CI
// (CI=true: .ci/run installs it) and skips elsewhere.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium: apt-get install chromium (.ci/run does)")
	}
	t.Skip("no chromium: apt-get install chromium to run the browser test")
	return ""
}

// TestBrowserLiveReload opens a page of folio serve in real headless
// Chromium and edits the site as an editor would: the new text shows up
// without reloading by hand; a broken save shows the error overlay with the
// file and line; the fix takes it away; a stylesheet change is applied
// without reloading the page.
func TestBrowserLiveReload(t *testing.T) {
	t.Parallel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	dir, url, _ := startSite(t)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	if err := chromedp.Do(ctx, chromedp.Navigate(url+"about/")); err != nil {
		t.Fatal(err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text("h1"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h1, "协会概况") {
		t.Fatalf("h1 = %q", h1)
	}
	// wait polls js until it is true; a reload of the page cuts a poll
	// short, and then it polls again in the new page.
	wait := func(what, js string) {
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
	about := filepath.Join(dir, "content", "about.md")
	text, _ := os.ReadFile(about)
	// Mark the page: a reload clears the mark, a stylesheet refresh does not.
	chromedp.Run(ctx, chromedp.Evaluate[int](`window.folioMark = 1`))
	css := filepath.Join(dir, "themes", "default", "static", "css", "style.css")
	style, _ := os.ReadFile(css)
	os.WriteFile(css, append(style, "\nh1 { letter-spacing: .1em; }\n"...), 0o644)
	wait("the stylesheet is refreshed", `[...document.querySelectorAll('link[rel=stylesheet]')].some(l => l.href.includes('folio='))`)
	if mark, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.folioMark === 1`)); !mark {
		t.Errorf("a stylesheet change reloaded the whole page")
	}

	os.WriteFile(about, []byte(strings.Replace(string(text), `title = "协会概况"`, `title = "协会概况（已更新）"`, 1)), 0o644)
	wait("the new title shows", `document.querySelector('h1') && document.querySelector('h1').textContent.includes('已更新')`)

	os.WriteFile(about, []byte(strings.Replace(string(text), "title =", "titel =", 1)), 0o644)
	wait("the error overlay shows", `document.getElementById('folio-errors') && document.getElementById('folio-errors').textContent.includes('content/about.md:2:1')`)
	overlay, _ := chromedp.Run(ctx, chromedp.Text("#folio-errors"))
	if !strings.Contains(overlay, `unknown key "titel"`) || !strings.Contains(overlay, "内容有错误") {
		t.Errorf("overlay: %q", overlay)
	}

	os.WriteFile(about, text, 0o644)
	wait("the overlay goes", `!document.getElementById('folio-errors') && document.querySelector('h1').textContent.includes('协会概况')`)
}
