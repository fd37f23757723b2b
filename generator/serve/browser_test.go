package serve

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"folio.dev/folio/generator/diag"
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
	if !strings.Contains(overlay, `[K04] folio 不认识设置 "titel"（是不是想写 "title"？）`) || !strings.Contains(overlay, "内容有错误") || !strings.Contains(overlay, "文件开头两行 +++ 之间的设置有误") {
		t.Errorf("overlay: %q", overlay)
	}

	os.WriteFile(about, text, 0o644)
	wait("the overlay goes", `!document.getElementById('folio-errors') && document.querySelector('h1').textContent.includes('协会概况')`)
}

// TestBrowserEnglish opens folio serve --lang en in headless Chromium: the
// overlay's heading, the kind of each mistake and the message are in
// English, and so is the warnings panel once the site is fixed.
func TestBrowserEnglish(t *testing.T) {
	t.Parallel()
	english := diag.English
	dir, url, _ := startSiteWith(t, workInProgress, Options{Log: io.Discard, Lang: &english})
	ctx := testkit.Browse(t, "", 1280)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"wip/")); err != nil {
		t.Fatal(err)
	}
	wait := func(what, js string) { t.Helper(); testkit.Poll(t, ctx, what, js) }
	const panel = `document.getElementById('folio-warnings')`
	wait("the warnings panel shows", panel+` && `+panel+`.textContent.includes('content/wip/index.md:9:1')`)
	text, _ := chromedp.Run(ctx, chromedp.Text("#folio-warnings"))
	if !strings.Contains(text, "1 warning(s)") || !strings.Contains(text, "[I01] image photo.svg has no description") {
		t.Errorf("panel: %q", text)
	}
	page := filepath.Join(dir, "content", "wip", "index.md")
	src, _ := os.ReadFile(page)
	os.WriteFile(page, []byte(strings.Replace(string(src), "date = 2024-06-01", "date = 2024-13-01", 1)), 0o644)
	wait("the error overlay shows", `document.getElementById('folio-errors') && document.getElementById('folio-errors').textContent.includes('content/wip/index.md:3:8')`)
	overlay, _ := chromedp.Run(ctx, chromedp.Text("#folio-errors"))
	for _, want := range []string{"The site was not updated", "The settings at the top of the file (front matter) are wrong", "[K01]", "month 13 does not exist"} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay has no %q: %q", want, overlay)
		}
	}
}

// TestBrowserWarningsPanel opens a draft in folio serve in headless
// Chromium: the page has its 草稿 banner and a small panel at the corner
// lists the build's warning with its file:line:col; the close button takes
// it away and it stays away on reload while the warnings are the same; a
// new warning brings it back, and Escape closes it.
func TestBrowserWarningsPanel(t *testing.T) {
	t.Parallel()
	dir, url, _ := startSiteWith(t, workInProgress, Options{Log: io.Discard})
	ctx := testkit.Browse(t, "", 1280)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"wip/")); err != nil {
		t.Fatal(err)
	}
	wait := func(what, js string) { t.Helper(); testkit.Poll(t, ctx, what, js) }
	if banner, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('.banner-unpublished') || {}).textContent || ''`)); err != nil || !strings.Contains(banner, "草稿") {
		t.Errorf("the draft's banner: %q, %v", banner, err)
	}
	const panel = `document.getElementById('folio-warnings')`
	wait("the warnings panel shows", panel+` && `+panel+`.textContent.includes('content/wip/index.md:9:1')`)
	text, _ := chromedp.Run(ctx, chromedp.Text("#folio-warnings"))
	if !strings.Contains(text, "有 1 条提醒") || !strings.Contains(text, wipWarning) {
		t.Errorf("panel: %q", text)
	}
	if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const p = `+panel+`, r = p.getBoundingClientRect();
		return p.getAttribute('role') === 'status' && r.bottom <= innerHeight && r.right <= innerWidth && r.width < innerWidth / 2 && !!p.querySelector('button[aria-label]'); })()`)); !ok {
		t.Errorf("the panel is not a small status box in the corner with a labelled close button")
	}
	if err := chromedp.Do(ctx, chromedp.Click("#folio-warnings button")); err != nil {
		t.Fatal(err)
	}
	wait("the close button closes the panel", `!`+panel)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	wait("the page reloads", `document.readyState === 'complete' && !!document.querySelector('h1')`)
	chromedp.Do(ctx, chromedp.Sleep(time.Second)) // the event stream has sent the warnings by now
	if shown, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!`+panel)); shown {
		t.Errorf("a closed panel came back on reload with the same warnings")
	}

	page := filepath.Join(dir, "content", "wip", "index.md")
	src, _ := os.ReadFile(page)
	os.WriteFile(page, append(src, "\n![](photo.svg)\n"...), 0o644)
	wait("a new warning brings the panel back", panel+` && `+panel+`.textContent.includes('有 2 条提醒')`)
	if err := chromedp.Do(ctx, chromedp.Focus("#folio-warnings button"), chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	wait("Escape closes the panel", `!`+panel)
}
