package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator/testkit"
)

// TestBrowserLiveReload opens a page of folio serve in real headless
// Chromium and edits the site as an editor would: the new text shows up
// without reloading by hand; a broken save shows the error overlay with the
// file and line; the fix takes it away; a stylesheet change is applied
// without reloading the page.
func TestBrowserLiveReload(t *testing.T) {
	t.Parallel()
	dir, url, _ := startSite(t)
	ctx := testkit.Browse(t, "", 1280)
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
	wait := func(what, js string) { t.Helper(); testkit.Poll(t, ctx, what, js) }
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
	if !strings.Contains(overlay, `unknown key "titel"`) || !strings.Contains(overlay, "内容有错误") || !strings.Contains(overlay, "（前置信息）有误") {
		t.Errorf("overlay: %q", overlay)
	}

	os.WriteFile(about, text, 0o644)
	wait("the overlay goes", `!document.getElementById('folio-errors') && document.querySelector('h1').textContent.includes('协会概况')`)
}
