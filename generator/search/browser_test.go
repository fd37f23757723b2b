package search_test

import (
	"context"
	"flag"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/search"
)

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

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

// serveSite builds a site in memory and serves it over HTTP, as a static
// host would.
func serveSite(t *testing.T, root fs.FS) string {
	t.Helper()
	res, err := generator.Build(context.Background(), generator.Options{Root: root, Now: now, BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, ok := res.Site.Files[name]
		if !ok {
			if src, found := res.Site.Copies[name]; found {
				b, _ = fs.ReadFile(res.Site.FS, src)
				ok = true
			}
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// browse opens url in headless Chromium, fails the test on any JavaScript
// exception, and returns a context to run actions in.
func browse(t *testing.T, url string, width int) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(width, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
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
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func results(t *testing.T, ctx context.Context) []string {
	t.Helper()
	// A poll that starts while the page is still loading loses its
	// JavaScript context; it is tried again in the loaded page.
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#search-results li').length > 0 || document.getElementById('search-status').textContent !== ''`, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			break
		}
		if time.Now().After(deadline) || !strings.Contains(err.Error(), "context with specified id") {
			t.Fatalf("no results: %v", err)
		}
	}
	titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results .item-title')].map(a => a.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	return titles
}

// Typing 技工 on the real site's search page finds the plan's notice, at
// phone and desktop widths, and the query is kept in the URL.
func TestBrowserSearch(t *testing.T) {
	t.Parallel()
	url := serveSite(t, os.DirFS("../.."))
	for _, width := range []int{390, 1280} {
		ctx := browse(t, url+"/search/", width)
		if err := chromedp.Do(ctx, chromedp.SendKeys("#search-q", "发展规划")); err != nil {
			t.Fatal(err)
		}
		titles := results(t, ctx)
		found := false
		for _, title := range titles {
			found = found || strings.Contains(title, "发展规划")
		}
		if !found {
			t.Errorf("width %d: typing 发展规划 did not find the plan's notice: %q", width, titles)
		}
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		if !strings.Contains(loc, "q=%E5%8F%91%E5%B1%95%E8%A7%84%E5%88%92") {
			t.Errorf("the query is not in the URL: %s", loc)
		}
		marks, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#search-results mark').length`))
		if marks == 0 {
			t.Errorf("width %d: no highlighted words in the results", width)
		}
	}
	ctx := browse(t, url+"/search/?q=%E6%8A%80%E5%B7%A5", 390)
	if titles := results(t, ctx); len(titles) < 3 {
		t.Errorf("a shared link ?q=技工 found only %q", titles)
	}
}

// The browser's tokenizer and the index's agree on every kind of text.
func TestTokenizersAgree(t *testing.T) {
	t.Parallel()
	url := serveSite(t, os.DirFS("../.."))
	ctx := browse(t, url+"/search/", 800)
	for _, text := range []string{"技工院校 招生", "第15期", "Hello World", "２０２４年ＡＢＣ", "校长、培训！", "a1b2", "数控CNC加工", "“引号”与（括号）", "𠀀字", ""} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`folioTokens(`+jsString(text)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		want := search.Tokens(text)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: browser %q, index %q", text, got, want)
		}
	}
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// A title or text with HTML in it shows as text in the results: nothing of
// it runs.
func TestBrowserSearchIsSafe(t *testing.T) {
	t.Parallel()
	site := fstest.MapFS{
		"config.toml":       {Data: []byte("title = \"测试\"\n")},
		"content/_index.md": {Data: []byte("+++\ntitle = \"首页\"\n+++\n")},
		"content/news/x.md": {Data: []byte("+++\ntitle = \"<img src=x onerror=alert(1)>技工\"\ndate = 2024-01-01\nsummary = \"技工 <script>alert(2)</script> 摘要\"\n+++\n技工正文。\n")},
	}
	_ = fs.WalkDir(os.DirFS("../../themes/default"), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(os.DirFS("../../themes/default"), p)
			site["themes/default/"+p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	url := serveSite(t, site)
	ctx := browse(t, url+"/search/?q=%E6%8A%80%E5%B7%A5", 800)
	chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			t.Errorf("a dialog opened: content ran as script")
		}
	})
	titles := results(t, ctx)
	if len(titles) != 1 || titles[0] != "<img src=x onerror=alert(1)>技工" {
		t.Errorf("titles %q", titles)
	}
	n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('#search-results img, #search-results script').length`))
	if n != 0 {
		t.Errorf("%d elements made from the content's HTML", n)
	}
	text, _ := chromedp.Run(ctx, chromedp.Text("#search-results .item-summary"))
	if !strings.Contains(text, "<script>alert(2)</script>") {
		t.Errorf("summary %q: the HTML should show as text", text)
	}
}

var benchSite = flag.String("site", "", "a built site's public/ folder for BenchmarkBrowserQuery (folio build -s DIR)")

// BenchmarkBrowserQuery measures, in headless Chromium, the time from a
// keystroke (the input event) to the results on the page, for two-word
// Chinese queries, with the index files already fetched once (as after
// the first keystroke). Run with -site DIR/public.
func BenchmarkBrowserQuery(b *testing.B) {
	if *benchSite == "" {
		b.Skip("give -site DIR/public")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(*benchSite)))
	defer srv.Close()
	t := &testing.T{}
	ctx := browse(t, srv.URL+"/search/", 1280)
	queries := []string{"技工 培训", "职业 技能", "课程 改革", "质量 标准"}
	for _, q := range queries { // fetch the files once
		chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => { const i = document.getElementById('search-q'); i.value = '`+q+`'; i.dispatchEvent(new Event('input')); await new Promise(r => setTimeout(r, 500)); return true })()`, chromedp.EvalAwaitPromise))
	}
	var total float64
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`new Promise(done => {
			const out = document.getElementById('search-results'), i = document.getElementById('search-q');
			out.textContent = '';
			const start = performance.now();
			const obs = new MutationObserver(() => { if (out.children.length) { obs.disconnect(); done(performance.now() - start) } });
			obs.observe(out, {childList: true});
			i.value = '`+q+`'; i.dispatchEvent(new Event('input'));
		})`, chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatal(err)
		}
		total += ms
	}
	b.ReportMetric(total/float64(b.N), "ms/query")
}
