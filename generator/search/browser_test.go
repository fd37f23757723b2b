package search_test

import (
	"context"
	"flag"
	"fmt"
	"folio.dev/folio/generator/render"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/search"
	"folio.dev/folio/generator/testkit"
)

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// serveSite builds a site in memory and serves it over HTTP, as a static
// host would.
func serveSite(t *testing.T, root fs.FS) string {
	t.Helper()
	res, err := generator.Build(context.Background(), generator.Options{Root: root, Now: now, BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatal(err)
	}
	return testkit.Serve(t, res.Site)
}

func browse(t testing.TB, url string, width int) context.Context {
	return testkit.Browse(t, url, width)
}

func results(t *testing.T, ctx context.Context) []string {
	t.Helper()
	testkit.Poll(t, ctx, "results", `document.querySelectorAll('#search-results li').length > 0 || document.getElementById('search-status').textContent !== ''`)
	titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results .item-title')].map(a => a.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	return titles
}

// Typing 技工 on the sample site's search page finds the plan's notice, at
// phone and desktop widths, and the query is kept in the URL.
func TestBrowserSearch(t *testing.T) {
	t.Parallel()
	url := serveSite(t, os.DirFS(testkit.Sample(t, "../..")))
	for _, width := range []int{390, 1280} {
		ctx := browse(t, url+"/search/", width)
		if err := chromedp.Do(ctx, chromedp.SendKeys("#search-q", "发展规划")); err != nil {
			t.Fatal(err)
		}
		// The page searches as the reader types: the results and the URL of
		// the first letters come before the whole query's, so wait for both
		// (this fails after 15 s if they never come).
		testkit.Poll(t, ctx, fmt.Sprintf("width %d: typing 发展规划 finds the plan's notice and puts the query in the URL", width),
			`location.search.includes('q=%E5%8F%91%E5%B1%95%E8%A7%84%E5%88%92') && [...document.querySelectorAll('#search-results .item-title')].some(a => a.textContent.includes('发展规划'))`)
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
	// Dates as the site's pages show them, the ISO date for machines.
	dates, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-results time')].map(e => e.getAttribute('datetime') + '=' + e.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if len(dates) == 0 {
		t.Errorf("no result shows its date")
	}
	for _, d := range dates {
		iso, shown, _ := strings.Cut(d, "=")
		if when, err := time.Parse("2006-01-02", iso); err != nil || shown != render.FormatDate(when, "zh-CN") {
			t.Errorf("a result's date is shown %q for %q, want %q", shown, iso, render.FormatDate(when, "zh-CN"))
		}
	}
	// The section filter offers 全部 and the sections, each once: pages
	// outside any section (about) make no second, blank 全部.
	sections, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('#search-section option')].map(o => o.value + '=' + o.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range sections {
		if i > 0 && (strings.HasPrefix(o, "=") || strings.HasSuffix(o, "=")) {
			t.Errorf("the section filter has a blank option %q: %q", o, sections)
		}
	}
	if len(sections) < 3 {
		t.Errorf("the section filter offers only %q", sections)
	}
}

// The 2020 plan has 夏令营 far into its text, not in its summary: its
// result shows an excerpt around it, marked; every result shows the query
// marked; and the pages with 夏令营 in their title come first.
func TestBrowserSearchExcerpt(t *testing.T) {
	t.Parallel()
	url := serveSite(t, os.DirFS(testkit.Sample(t, "../..")))
	ctx := browse(t, url+"/search/?q=%E5%A4%8F%E4%BB%A4%E8%90%A5", 390)
	testkit.Poll(t, ctx, "searching 夏令营 finds the plan and shows the excerpt of its text around 夏令营",
		`[...document.querySelectorAll('#search-results li')].some(li => li.querySelector('a').getAttribute('href').includes('development-plan') && li.querySelector('.item-summary mark')?.textContent === '夏令营')`)
	type result struct {
		Title, Summary string
		TitleMarks     int
		SummaryMarks   []string
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]result](`[...document.querySelectorAll('#search-results li')].map(li => ({
		Title: li.querySelector('.item-title').textContent, Summary: li.querySelector('.item-summary').textContent,
		TitleMarks: li.querySelectorAll('.item-title mark').length,
		SummaryMarks: [...li.querySelectorAll('.item-summary mark')].map(m => m.textContent)}))`))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 3 {
		t.Fatalf("夏令营 found %d results: %+v", len(got), got)
	}
	seenBody := false
	for i, r := range got {
		if r.TitleMarks == 0 && len(r.SummaryMarks) == 0 {
			t.Errorf("result %d, %s: the query is marked nowhere (summary %q)", i+1, r.Title, r.Summary)
		}
		if strings.Contains(r.Title, "夏令营") && seenBody {
			t.Errorf("result %d, %s: a title match after a page that matched in its text only", i+1, r.Title)
		}
		if !strings.Contains(r.Title, "夏令营") {
			seenBody = true
		}
		if strings.Contains(r.Title, "发展规划") {
			if !strings.Contains(r.Summary, "…") || !strings.Contains(r.Summary, "夏令营") {
				t.Errorf("the plan's result shows %q, not an excerpt around 夏令营", r.Summary)
			}
		}
	}
}

// The browser's tokenizer and the index's agree on every kind of text.
func TestTokenizersAgree(t *testing.T) {
	t.Parallel()
	url := serveSite(t, os.DirFS(testkit.Sample(t, "../..")))
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
		"content/news/y.md": {Data: []byte("+++\ntitle = \"正文\"\ndate = 2023-01-01\nsummary = \"摘要\"\n+++\n正文 `<img src=y onerror=alert(3)>` 技工。\n")},
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
	if len(titles) != 2 || titles[0] != "<img src=x onerror=alert(1)>技工" {
		t.Errorf("titles %q", titles)
	}
	// The excerpt of a page's text, too, shows its HTML as text.
	testkit.Poll(t, ctx, "the excerpt of y.md's text", `[...document.querySelectorAll('#search-results .item-summary')].some(p => p.textContent.includes('<img src=y onerror=alert(3)>'))`)
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
	ctx := browse(b, srv.URL+"/search/", 1280)
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

// BenchmarkBrowserQueryPayload measures, in headless Chromium, the bytes
// (raw, before gzip) of the index files a query fetches on a fresh search
// page: index.json, token files, result files and the text files of the
// results that show an excerpt. Run with -site DIR/public.
func BenchmarkBrowserQueryPayload(b *testing.B) {
	if *benchSite == "" {
		b.Skip("give -site DIR/public")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(*benchSite)))
	defer srv.Close()
	ctx := browse(b, "", 1280)
	queries := []string{"技工 培训", "职业 技能", "课程 改革", "质量 标准", "技工院校", "实训基地"}
	var total, texts float64
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q="+q)); err != nil {
			b.Fatal(err)
		}
		testkit.Poll(b, ctx, q, `document.querySelectorAll('#search-results li').length > 0`)
		chromedp.Do(ctx, chromedp.Sleep(500*time.Millisecond)) // the text files of excerpts
		sizes, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { let all = 0, x = 0;
			for (const e of performance.getEntriesByType('resource')) if (e.name.includes('/search/')) { all += e.decodedBodySize; if (e.name.includes('/search/x.')) x += e.decodedBodySize }
			return [all, x] })()`))
		if err != nil {
			b.Fatal(err)
		}
		total += sizes[0]
		texts += sizes[1]
	}
	b.ReportMetric(total/1024/float64(b.N), "KB/query")
	b.ReportMetric(texts/1024/float64(b.N), "KB-texts/query")
}
