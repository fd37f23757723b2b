package generator_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/testkit"
)

// A build that reuses the cache of the previous one gives exactly the files
// of a build from scratch, after every kind of edit an editor makes: text,
// a date that moves a page between list pages, a slug that other pages
// link to, a new page, a deleted page, an image's size, a renamed folder,
// a committee's title, an event's dates.
func TestIncrementalEqualsFull(t *testing.T) {
	t.Parallel()
	dir := testkit.Sample(t, "..")
	cache := generator.NewCache()
	var changed []string // what the edits touched, as a watcher reports it
	build := func(c *generator.Cache) *generator.Result {
		t.Helper()
		opts := generator.Options{Root: os.DirFS(dir), Now: fixedNow, Preview: &generator.Preview{Cache: c}}
		if c != nil {
			opts.Preview.Changed, changed = changed, []string{}
		}
		res, err := generator.Build(context.Background(), opts)
		if err == nil && c != nil {
			res, err = photosMade(c, opts, res)
		}
		if err != nil {
			var b bytes.Buffer
			res.Diagnostics.Print(&b, diag.English, 0)
			t.Fatalf("build: %v\n%s", err, b.String())
		}
		return res
	}
	defer cache.Close()
	build(cache)
	tick := time.Now()
	edit := func(name string, change func(string) string) {
		t.Helper()
		p := filepath.Join(dir, "content", name)
		changed = append(changed, "content/"+name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		after := change(string(b))
		if after == string(b) {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		if err := os.WriteFile(p, []byte(after), 0o644); err != nil {
			t.Fatal(err)
		}
		tick = tick.Add(time.Second) // a new modification time, as a later save has
		os.Chtimes(p, tick, tick)
	}
	steps := []struct {
		name string
		do   func()
		text bool // only text changed: the model is kept, not made again
	}{
		{"text of a post", func() {
			edit("news/2024/skills-fair.md", func(s string) string { return s + "\n新增的一段话。\n" })
		}, true},
		{"the text of two pages in one save", func() {
			edit("news/2024/skills-fair.md", func(s string) string { return strings.Replace(s, "新增的一段话。", "改过的一段话。", 1) })
			edit("journal/2024/15/policy-teacher-training.md", func(s string) string { return s + "\n补充说明。\n" })
		}, true},
		{"a link added to the text", func() {
			edit("news/2024/journal-editorial-meeting.md", func(s string) string {
				return s + "\n另见[《发展规划》](../../notices/2020/development-plan-2020-2024.md)。\n"
			})
		}, true},
		{"a date that reorders lists", func() {
			edit("news/2023/cnc-teaching-seminar.md", func(s string) string { return strings.Replace(s, "date = 2023-11-17", "date = 2026-11-20", 1) })
		}, false},
		{"a slug other pages link to", func() {
			edit("notices/2020/development-plan-2020-2024.md", func(s string) string {
				return strings.Replace(s, "+++\n", "+++\nslug = \"plan\"\n", 1)
			})
		}, false},
		{"a new page in a new folder", func() {
			os.MkdirAll(filepath.Join(dir, "content/news/2027"), 0o755)
			os.WriteFile(filepath.Join(dir, "content/news/2027/new.md"), []byte("+++\ntitle = \"新文章\"\ndate = 2026-11-01\ntags = [\"技工教育\"]\n+++\n新的正文。\n"), 0o644)
			changed = append(changed, "content/news/2027") // a watcher reports the new folder
		}, false},
		{"a deleted page", func() {
			os.Remove(filepath.Join(dir, "content/notices/2025/paper-call.md"))
			changed = append(changed, "content/notices/2025/paper-call.md")
		}, false},
		{"an image redrawn at another size", func() { // no URL moves: only the image's width and height in the page change
			edit("news/2025/summer-camp/photo.svg", func(s string) string {
				return strings.Replace(s, `width="800" height="500"`, `width="640" height="400"`, 1)
			})
		}, false},
		{"a renamed bundle folder", func() {
			os.Rename(filepath.Join(dir, "content/news/2025/summer-camp"), filepath.Join(dir, "content/news/2025/camp"))
			changed = append(changed, "content/news/2025/summer-camp", "content/news/2025/camp")
		}, false},
		{"a committee's title", func() {
			edit("committees/cnc/_index.md", func(s string) string {
				return strings.Replace(s, "title = \"数控委员会\"", "title = \"数控专业委员会\"", 1)
			})
		}, false},
		{"an event's dates", func() {
			edit("events/summer-camp-2026.md", func(s string) string { return strings.Replace(s, "2026-07", "2027-07", -1) })
		}, false},
	}
	for _, step := range steps {
		step.do()
		incremental := build(cache)
		full := build(nil)
		if kept := slices.ContainsFunc(incremental.Timings, func(t generator.Timing) bool { return t.Stage == "edit" }); kept != step.text {
			t.Errorf("%s: the cached build kept the model: %v, want %v", step.name, kept, step.text)
		}
		if step.text && incremental.Rendered >= full.Rendered { // any other edit renders everything
			t.Errorf("%s: the cached build rendered %d outputs, as many as a full one (%d)", step.name, incremental.Rendered, full.Rendered)
		}
		sameSite(t, step.name, incremental, full)
	}
}

// sameSite reports where a cached build's files differ from a full one's.
func sameSite(t *testing.T, name string, incremental, full *generator.Result) {
	t.Helper()
	a, b := incremental.Site.Paths(), full.Site.Paths()
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("%s: the cached build made %d files, a full one %d", name, len(a), len(b))
		return
	}
	for _, p := range a {
		x, _ := output(incremental, p)
		y, _ := output(full, p)
		if !bytes.Equal(x, y) {
			t.Errorf("%s: %s differs between the cached build and a full one", name, p)
		}
	}
}

// photosMade waits for the photos that a preview built with c showed as
// stand-ins (the sample's, on the first build), and builds again as folio
// serve does once they are made; res is the preview's result.
func photosMade(c *generator.Cache, opts generator.Options, res *generator.Result) (*generator.Result, error) {
	if res.Photos.Pending == 0 {
		return res, nil
	}
	c.WaitPhotos()
	<-c.PhotosReady()
	opts.Preview = &generator.Preview{Cache: c, Changed: c.PhotosMade()}
	return generator.Build(context.Background(), opts)
}

// A save that changes only text keeps the model, but not when the text has
// a problem to report (which a full build reports the same way), nor once
// the time of a change has come (an event starting changes lists), nor on
// the save that fixes the problem.
func TestTextEditFallsBack(t *testing.T) {
	t.Parallel()
	dir := testkit.Sample(t, "..")
	const post = "content/news/2024/skills-fair.md"
	original, err := os.ReadFile(filepath.Join(dir, post))
	if err != nil {
		t.Fatal(err)
	}
	cache := generator.NewCache()
	build := func(c *generator.Cache, now time.Time, text string) (*generator.Result, error) {
		t.Helper()
		if text != "" {
			os.WriteFile(filepath.Join(dir, post), []byte(text), 0o644)
		}
		opts := generator.Options{Root: os.DirFS(dir), Now: now, Preview: &generator.Preview{Cache: c}}
		if c != nil {
			opts.Preview.Changed = []string{post}
		}
		return generator.Build(context.Background(), opts)
	}
	kept := func(res *generator.Result) bool {
		return slices.ContainsFunc(res.Timings, func(t generator.Timing) bool { return t.Stage == "edit" })
	}
	defer cache.Close()
	first, err := build(cache, fixedNow, "")
	if err == nil {
		first, err = photosMade(cache, generator.Options{Root: os.DirFS(dir), Now: fixedNow}, first)
	}
	if err != nil || first.NextChange.IsZero() {
		t.Fatalf("first build: %v, next change %v", err, first.NextChange)
	}

	broken := string(original) + "\n见[附件](missing.pdf)。\n"
	res, err := build(cache, fixedNow, broken)
	full, fullErr := build(nil, fixedNow, "")
	if !errors.Is(err, generator.ErrContent) || !errors.Is(fullErr, generator.ErrContent) || kept(res) {
		t.Fatalf("a broken link: cached build %v (kept the model: %v), full build %v; want both to fail", err, kept(res), fullErr)
	}
	if got, want := fmt.Sprint(res.Diagnostics), fmt.Sprint(full.Diagnostics); got != want {
		t.Errorf("a broken link: the cached build reports\n%s\na full one\n%s", got, want)
	}

	fixed := string(original) + "\n新增的一段话。\n"
	res, err = build(cache, fixedNow, fixed)
	if err != nil || kept(res) {
		t.Fatalf("the fix: %v, kept the model: %v; want a full build that succeeds", err, kept(res))
	}
	full, _ = build(nil, fixedNow, "")
	sameSite(t, "the fix", res, full)

	later := first.NextChange.Add(time.Second)
	res, err = build(cache, later, fixed+"\n又一段。\n")
	if err != nil || kept(res) {
		t.Fatalf("a save after the next change: %v, kept the model: %v; want a full build", err, kept(res))
	}
	full, _ = build(nil, later, "")
	sameSite(t, "a save after the next change", res, full)

	res, err = build(cache, later, fixed+"\n再一段。\n")
	if err != nil || !kept(res) {
		t.Fatalf("a text edit after a full build: %v, kept the model: %v; want it kept", err, kept(res))
	}

	// folio new's prompt left in the text is an error Read reports, not
	// the conversion: the save is read again, as a full build reads it.
	res, err = build(cache, later, fixed+"\n（在这里写新闻正文。）\n")
	full, fullErr = build(nil, later, "")
	if !errors.Is(err, generator.ErrContent) || !errors.Is(fullErr, generator.ErrContent) || kept(res) {
		t.Fatalf("folio new's prompt: cached build %v (kept the model: %v), full build %v; want both to fail", err, kept(res), fullErr)
	}
	if got, want := fmt.Sprint(res.Diagnostics), fmt.Sprint(full.Diagnostics); got != want {
		t.Errorf("folio new's prompt: the cached build reports\n%s\na full one\n%s", got, want)
	}

	earlier := fixedNow.AddDate(0, -4, 0) // a clock set back: pages and events are as they were then
	res, err = build(cache, earlier, fixed+"\n第三段。\n")
	if err != nil || kept(res) {
		t.Fatalf("a save built at an earlier time: %v, kept the model: %v; want a full build", err, kept(res))
	}
	full, _ = build(nil, earlier, "")
	sameSite(t, "a save built at an earlier time", res, full)

	// A build stopped halfway read another page's new title; the next
	// text edit must not bring back the model that has the old one.
	const other = "content/about.md"
	about, _ := os.ReadFile(filepath.Join(dir, other))
	os.WriteFile(filepath.Join(dir, other), []byte(strings.Replace(string(about), "title = \"", "title = \"改：", 1)), 0o644)
	stopped, stop := context.WithCancel(context.Background())
	stop()
	if _, err := generator.Build(stopped, generator.Options{Root: os.DirFS(dir), Now: earlier, Preview: &generator.Preview{Cache: cache, Changed: []string{other}}}); err == nil {
		t.Fatalf("a stopped build succeeded")
	}
	res, err = build(cache, earlier, fixed+"\n第四段。\n")
	if err != nil {
		t.Fatal(err)
	}
	full, _ = build(nil, earlier, "")
	sameSite(t, "a text edit after a stopped build", res, full)
}

// An article shows its issue's neighbours (上一期, 下一期). A newer issue
// that is not yet published at the time of a build must not be linked from
// the articles of the issue before it, though a cached build made when it
// was published rendered them with the link. (Found when an editor added a
// 2026 issue to the real site.)
func TestCachedArticleShowsIssueNeighbours(t *testing.T) {
	t.Parallel()
	dir := testkit.Sample(t, "..")
	for name, text := range map[string]string{
		"content/journal/2026/17/_index.md":   "+++\ntitle = \"2026年第17期\"\ndate = 2026-10-01\nvolume = 2026\nnumber = 17\ncolumns = [\"卷首语\"]\n+++\n",
		"content/journal/2026/17/new-term.md": "+++\ntitle = \"新学年\"\ndate = 2026-10-01\ncolumn = \"卷首语\"\n+++\n新学年开始了。\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cache := generator.NewCache()
	build := func(c *generator.Cache, now time.Time) *generator.Result {
		t.Helper()
		res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), Now: now, Preview: &generator.Preview{Cache: c}})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	published := build(cache, fixedNow)
	const article = "journal/2024/16/editorial/index.html"
	if b, _ := output(published, article); !bytes.Contains(b, []byte(`href="/journal/2026/17/"`)) {
		t.Fatalf("at %s, %s does not link the next issue", fixedNow, article)
	}
	before := time.Date(2026, 9, 1, 0, 0, 0, 0, fixedNow.Location())
	res := build(cache, before)
	if b, _ := output(res, article); bytes.Contains(b, []byte(`/journal/2026/17/`)) {
		t.Errorf("at %s, before the issue 2026/17 is published, the cached build's %s links it", before, article)
	}
	sameSite(t, "a build before the next issue is published", res, build(nil, before))
}
