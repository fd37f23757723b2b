package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

const notice = "notices/2024/03/teacher-training-enrolment/"

// TestWeChatButtonOnlyInPreview: news, notices and articles get the
// button in the preview, other pages do not, and the built site has it
// nowhere.
func TestWeChatButtonOnlyInPreview(t *testing.T) {
	t.Parallel()
	_, url, _ := startSite(t)
	get := func(p string) string {
		t.Helper()
		resp, err := http.Get(url + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	const tag = `<script src="/__folio/wechat.js"></script>`
	for p, want := range map[string]bool{
		notice: true, "news/2025/07/summer-camp/": true, "journal/2024/15/editorial/": true,
		"about/": false, "news/": false, "": false, "events/summer-camp-2026/": false, "no/such/page/": false,
	} {
		if got := strings.Contains(get(p), tag); got != want {
			t.Errorf("/%s: button %v, want %v", p, got, want)
		}
	}
	var a copied
	if err := json.Unmarshal([]byte(get("__folio/wechat?path=/"+notice)), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "关于举办2024年技工院校教师专题研修班的通知" || !strings.Contains(a.HTML, "粤职协〔2024〕3号") {
		t.Errorf("the notice's article: %+v", a)
	}
	// The pictures and notes name the published site, not the preview.
	if !strings.Contains(a.HTML, "https://www.example.org/notices/2020/03/development-plan-2020-2024/") || strings.Contains(a.HTML, previewHost) {
		t.Errorf("the notes do not name the published site:\n%s", a.HTML)
	}

	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "../.."))})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Site.Paths() {
		b, _ := res.Site.Read(p)
		if bytes.Contains(b, []byte("wechat.js")) || bytes.Contains(b, []byte("复制到公众号")) {
			t.Errorf("the built site's %s has the 复制到公众号 button", p)
		}
	}
}

// TestBrowserWeChatButton clicks 复制到公众号 on a notice in headless
// Chromium: the one-line confirmation shows, and the clipboard holds, as
// rich text, the fragment folio wechat makes.
func TestBrowserWeChatButton(t *testing.T) {
	t.Parallel()
	_, url, _ := startSite(t)
	ctx := testkit.Browse(t, "", 390)
	origin := strings.TrimSuffix(url, "/")
	// Reading the clipboard needs the page's permission; writing it,
	// the button's click.
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true}, Setting: browser.PermissionSettingGranted, Origin: origin,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url+notice)); err != nil {
		t.Fatal(err)
	}
	testkit.Poll(t, ctx, "the button shows", `!!document.getElementById('folio-wechat')`)
	// Scrolled to the end, the page's last links and buttons (the
	// footer's) are not under the button.
	covered, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		window.scrollTo(0, document.documentElement.scrollHeight);
		const b = document.getElementById('folio-wechat').getBoundingClientRect();
		return [...document.querySelectorAll('footer a, footer button')].filter(e => {
			const r = e.getBoundingClientRect();
			return r.width > 0 && r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom;
		}).map(e => e.textContent);
	})()`))
	if err != nil || len(covered) > 0 {
		t.Errorf("the button covers the footer's %q (%v)", covered, err)
	}
	if err := chromedp.Do(ctx, chromedp.Click("#folio-wechat")); err != nil {
		t.Fatal(err)
	}
	testkit.Poll(t, ctx, "the confirmation shows", `(document.getElementById('folio-wechat-status') || {}).textContent.includes('已复制正文')`)
	if dir := os.Getenv("FOLIO_SCREENSHOTS"); dir != "" {
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err == nil {
			os.WriteFile(filepath.Join(dir, "wechat-button.png"), shot, 0o644)
		}
	}
	html := clipboardHTML(t, ctx)
	resp, err := http.Get(url + "__folio/wechat?path=/" + notice)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var a copied
	if err := json.NewDecoder(resp.Body).Decode(&a); err != nil {
		t.Fatal(err)
	}
	// Chromium wraps what it puts on the clipboard in a document of its own.
	if !strings.Contains(html, a.HTML) {
		t.Errorf("the clipboard's HTML is not the fragment:\nclipboard: %s\nfragment: %s", html, a.HTML)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil || !strings.Contains(text, "各会员单位：") || strings.Contains(text, "<p") {
		t.Errorf("the clipboard's plain text: %q, %v", text, err)
	}

	// Opened from another computer's address the page is not a secure
	// context, and has no Clipboard API: the button copies a selection.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`delete window.ClipboardItem; document.getElementById('folio-wechat-status').textContent = ''; navigator.clipboard.writeText('').then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click("#folio-wechat")); err != nil {
		t.Fatal(err)
	}
	testkit.Poll(t, ctx, "the confirmation shows again", `(document.getElementById('folio-wechat-status') || {}).textContent.includes('已复制正文')`)
	if html := clipboardHTML(t, ctx); !strings.Contains(html, "粤职协〔2024〕3号") || !strings.Contains(html, "text-align: right") && !strings.Contains(html, "text-align:right") {
		t.Errorf("copied through a selection, the clipboard's HTML lost the 文号 or the 落款's alignment:\n%s", html)
	}
}

// clipboardHTML reads the clipboard's text/html through the page.
func clipboardHTML(t *testing.T, ctx context.Context) string {
	t.Helper()
	html, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.read().then(async items => {
		for (const item of items) {
			if (item.types.includes('text/html')) { return await (await item.getType('text/html')).text(); }
		}
		return '';
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("reading the clipboard: %v", err)
	}
	return html
}

// TestWeChatDuringEdits asks for pages and the 公众号 version while saves
// rebuild the site, the notice's own text among them: each answer is
// whole (go test -race finds a read of the model that a build changes in
// place).
func TestWeChatDuringEdits(t *testing.T) {
	t.Parallel()
	dir, url, _ := startSite(t)
	file := filepath.Join(dir, "content", notice[:len("notices/2024/")]+"teacher-training-enrolment", "index.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 6 {
			os.WriteFile(file, bytes.Replace(src, []byte("各会员单位："), []byte(fmt.Sprintf("各会员单位（第%d稿）：", i)), 1), 0o644)
			time.Sleep(150 * time.Millisecond)
		}
	}()
	for {
		select {
		case <-done:
			return
		default:
		}
		for _, p := range []string{notice, "__folio/wechat?path=/" + notice} {
			resp, err := http.Get(url + p)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK || !bytes.Contains(b, []byte("各会员单位")) {
				t.Fatalf("/%s during edits: %d\n%s", p, resp.StatusCode, b)
			}
		}
	}
}
