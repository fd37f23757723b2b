package generator_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/testkit"
)

var fixedNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))

// The sample site (a copy of the association's) builds with no error and
// no warning (none from checking partialCached either), into every kind of
// page.
func TestSampleSite(t *testing.T) {
	t.Parallel()
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "..")), Now: fixedNow, CheckPartials: true})
	if err != nil || len(res.Diagnostics) > 0 {
		var b bytes.Buffer
		res.Diagnostics.Print(&b, diag.English, 0)
		t.Fatalf("the sample site does not build cleanly: %v\n%s", err, b.String())
	}
	for _, p := range []string{"index.html", "about/index.html", "contact/index.html", "notices/index.html",
		"news/index.html", "journal/index.html", "events/index.html", "committees/index.html", "404.html",
		"notices/2020/03/development-plan-2020-2024/index.html"} {
		if _, ok := output(res, p); !ok {
			t.Errorf("the sample site has no %s", p)
		}
	}
	var style string
	for _, p := range res.Site.Paths() {
		if strings.HasPrefix(p, "css/style.") && strings.HasSuffix(p, ".css") {
			style = p
		}
	}
	if len(style) != len("css/style.0123456789.css") || !strings.Contains(string(res.Site.Files["index.html"]), `href="/`+style+`"`) {
		t.Errorf("the stylesheet %q is not fingerprinted, or the home page does not link it", style)
	}
	for _, committee := range []string{"academic", "psychology", "head-teachers", "cnc", "cantonese-cuisine", "early-childhood"} {
		if _, ok := output(res, "committees/"+committee+"/index.html"); !ok {
			t.Errorf("no page for the committee %s", committee)
		}
	}
}

// Two builds of the same site, with one worker and with many, give the
// same files byte for byte.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	root := os.DirFS(testkit.Sample(t, ".."))
	build := func(workers int) map[string][]byte {
		res, err := generator.Build(context.Background(), generator.Options{Root: root, Now: fixedNow, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		for _, p := range res.Site.Paths() {
			files[p], _ = output(res, p)
		}
		return files
	}
	one, many := build(1), build(16)
	if len(one) != len(many) || len(one) < 50 {
		t.Fatalf("one worker built %d files, sixteen built %d", len(one), len(many))
	}
	for p, b := range one {
		if !bytes.Equal(b, many[p]) {
			t.Errorf("%s differs between one worker and sixteen", p)
		}
	}
}

// A failed build leaves the previous public/ exactly as it was; a good
// one replaces it whole, leaving no staging folder behind.
func TestFailedBuildKeepsPublic(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyTheme(t, filepath.Join(dir, "themes", "default"))
	write("config.toml", "title = \"测试\"\n")
	write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n")
	write("content/a.md", "+++\ntitle = \"甲\"\n+++\n第一版。\n")
	dest := filepath.Join(dir, "public")
	opts := generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow}
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dest)
	if !strings.Contains(before["a/index.html"], "第一版") {
		t.Fatalf("first build did not write a/index.html: %v", keys(before))
	}

	write("content/a.md", "+++\ntitle = \"甲\"\ntitel = \"错\"\n+++\n第二版。\n")
	write("content/b.md", "+++\ntitle = \"乙\"\n+++\n新页面。\n")
	_, err := generator.Build(context.Background(), opts)
	if !errors.Is(err, generator.ErrContent) {
		t.Fatalf("a build with an unknown key returned %v, want ErrContent", err)
	}
	sameTree(t, dest, before)

	// A layout that fails on one page fails the build after the others were
	// rendered and written to the staging folder: it must not be published.
	write("content/a.md", "+++\ntitle = \"甲\"\n+++\n第二版。\n")
	write("content/b.md", "+++\ntitle = \"乙\"\nlayout = \"broken\"\n+++\n新页面。\n")
	write("layouts/broken.html", "{{define \"main\"}}{{.Nope}}{{end}}")
	res, err := generator.Build(context.Background(), opts)
	if !errors.Is(err, generator.ErrContent) || res.Diagnostics.Errors() != 1 {
		t.Fatalf("a build with a broken layout returned %v (%d errors), want ErrContent", err, res.Diagnostics.Errors())
	}
	sameTree(t, dest, before)

	write("content/b.md", "+++\ntitle = \"乙\"\n+++\n新页面。\n")
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	fixed := snapshot(t, dest)
	if !strings.Contains(fixed["a/index.html"], "第二版") || fixed["b/index.html"] == "" {
		t.Errorf("the fixed build did not publish the new pages")
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".public.folio-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging folders left behind: %v", leftovers)
	}
}

// Destinations that would wreck the project are refused before anything
// is read or written.
func TestRefusedDestinations(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	notSite := filepath.Join(dir, "notes")
	if err := os.MkdirAll(notSite, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(notSite, "todo.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{dir, filepath.Dir(dir), "/", filepath.Join(dir, "content"), filepath.Join(dir, "content", "public"), filepath.Join(dir, "themes"), notSite} {
		_, err := generator.Build(context.Background(), generator.Options{Root: fstest.MapFS{}, RootDir: dir, Destination: dest})
		var usage *generator.UsageError
		if !errors.As(err, &usage) {
			t.Errorf("destination %s: got %v, want it refused", dest, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(notSite, "todo.txt")); err != nil || string(b) != "keep me" {
		t.Errorf("a refused destination was touched")
	}
}

// Each stage imports only the stages before it (DESIGN.md: data flows one
// way), so a cycle or a shortcut shows up here.
func TestStagesImportOnlyEarlierStages(t *testing.T) {
	t.Parallel()
	order := []string{"work", "spill", "diag", "schema", "config", "source", "images", "photos", "links", "shortcode", "markup", "convert", "site", "feeds", "search", "theme", "assets", "render", "publish", "sanitize", "outputs", "check", "wechat", "serve"}
	rank := map[string]int{}
	for i, s := range order {
		rank["folio.dev/folio/generator/"+s] = i
	}
	for i, s := range order {
		out, err := exec.Command("go", "list", "-deps", "folio.dev/folio/generator/"+s).Output()
		if err != nil {
			t.Fatalf("go list: %v", err)
		}
		for _, dep := range strings.Fields(string(out)) {
			if r, ok := rank[dep]; ok && r > i {
				t.Errorf("%s imports %s, a later stage", s, dep)
			}
		}
	}
}

func copyTheme(t *testing.T, dest string) {
	t.Helper()
	for p, f := range readTree(t, "../themes/default", "") {
		target := filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(p, "/")))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot reads every file below dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// [journal] internal = true puts noindex on the journal's pages, and only
// on them.
func TestInternalJournal(t *testing.T) {
	t.Parallel()
	site := withDefaultTheme(t, map[string]string{
		"config.toml":                      "title = \"测试\"\n[journal]\ninternal = true\n",
		"content/_index.md":                "+++\ntitle = \"首页\"\n+++\n",
		"content/journal/_index.md":        "+++\ntitle = \"内刊\"\n+++\n",
		"content/journal/2024/1/_index.md": "+++\ntitle = \"第1期\"\ndate = 2024-01-01\nnumber = 1\n+++\n",
		"content/journal/2024/1/a.md":      "+++\ntitle = \"文章\"\n+++\n",
		"content/news/a.md":                "+++\ntitle = \"新闻\"\ndate = 2024-01-01\n+++\n",
	})
	res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"journal/index.html": true, "journal/2024/index.html": true, "journal/2024/1/index.html": true, "journal/2024/1/a/index.html": true,
		"news/a/index.html": false, "index.html": false,
	} {
		got := bytes.Contains(res.Site.Files[path], []byte(`<meta name="robots" content="noindex">`))
		if got != want {
			t.Errorf("%s: noindex = %v, want %v", path, got, want)
		}
	}
	if _, ok := res.Site.Files["journal/feed.xml"]; ok {
		t.Errorf("an internal journal has a feed")
	}
	for _, path := range []string{"feed.xml", "sitemap.xml"} {
		if b := res.Site.Files[path]; len(b) == 0 || bytes.Contains(b, []byte("/journal/")) {
			t.Errorf("%s is missing or lists the internal journal:\n%s", path, b)
		}
	}
}

// Built with --drafts and --future, drafts and future pages say so on the
// page; other pages do not.
func TestUnpublishedBanner(t *testing.T) {
	t.Parallel()
	site := withDefaultTheme(t, map[string]string{
		"config.toml":          "title = \"测试\"\n",
		"content/_index.md":    "+++\ntitle = \"首页\"\n+++\n",
		"content/draft.md":     "+++\ntitle = \"草稿页\"\ndraft = true\n+++\n",
		"content/future.md":    "+++\ntitle = \"未来页\"\ndate = 2030-01-01\n+++\n",
		"content/published.md": "+++\ntitle = \"已发布\"\ndate = 2020-01-01\n+++\n",
		// Articles of a draft issue and of a future one, without a
		// draft line or date of their own: the banner names the issue's
		// file, where the editor publishes them.
		"content/journal/2024/3/_index.md": "+++\ntitle = \"第3期\"\ndate = 2024-06-01\nnumber = 3\ndraft = true\n+++\n",
		"content/journal/2024/3/a.md":      "+++\ntitle = \"甲\"\ncolumn = \"\"\n+++\n",
		"content/journal/2024/3/b.md":      "+++\ntitle = \"乙\"\ncolumn = \"\"\ndraft = true\n+++\n",
		"content/journal/2030/1/_index.md": "+++\ntitle = \"第1期\"\ndate = 2030-01-01\nnumber = 1\n+++\n",
		"content/journal/2030/1/c.md":      "+++\ntitle = \"丙\"\ncolumn = \"\"\n+++\n",
	})
	res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow, Drafts: true, Future: true})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"draft/index.html": "草稿：本页尚未发布", "future/index.html": "定时发布：本页", "published/index.html": "",
		"journal/2024/3/index.html":   "草稿：本页尚未发布",
		"journal/2024/3/a/index.html": "草稿：本文所在的这一期还是草稿，本文随本期一起发布，现在只在预览中可见。发布前请删除本期 _index.md 里的 draft = true。",
		"journal/2024/3/b/index.html": "草稿：本页尚未发布", // its own draft line first
		"journal/2030/1/c/index.html": "定时发布：本文所在的这一期的发布日期（本期 _index.md 里的 date）还没到，本文随本期一起发布，现在只在预览中可见，到期后的下一次生成才会发布。",
	} {
		page := string(res.Site.Files[path])
		has := strings.Contains(page, `class="banner-unpublished"`)
		if has != (want != "") || (want != "" && !strings.Contains(page, want)) {
			t.Errorf("%s: banner %v, want %q", path, has, want)
		}
	}
}

// NextChange is the first moment after the build's when the site would
// change without an edit.
func TestNextChange(t *testing.T) {
	t.Parallel()
	base := map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // RFC 3339 in Shanghai, "" for none
	}{
		{"nothing due", map[string]string{"content/a.md": "+++\ntitle = \"a\"\ndate = 2026-01-01\n+++\n"}, ""},
		{"a page to be published", map[string]string{"content/a.md": "+++\ntitle = \"a\"\npublishDate = 2026-12-01T08:00:00\n+++\n"}, "2026-12-01T08:00:00+08:00"},
		{"a page to expire", map[string]string{"content/a.md": "+++\ntitle = \"a\"\nexpiryDate = 2026-11-30\n+++\n"}, "2026-11-30T00:00:00+08:00"},
		{"an event to start", map[string]string{"content/events/e.md": "+++\ntitle = \"e\"\nstart = 2026-12-10T09:00:00\nend = 2026-12-10T17:00:00\n+++\n"}, "2026-12-10T09:00:00+08:00"},
		{"an event under way ends", map[string]string{"content/events/e.md": "+++\ntitle = \"e\"\nstart = 2026-11-25\nend = 2026-11-27\n+++\n"}, "2026-11-28T00:00:00+08:00"},
		{"registration closes first", map[string]string{"content/events/e.md": "+++\ntitle = \"e\"\nstart = 2027-01-10\nregistration = \"https://example.org/\"\ndeadline = 2026-12-01\n+++\n"}, "2026-12-02T00:00:00+08:00"},
	}
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	for _, tt := range tests {
		site := fstest.MapFS{}
		for k, v := range base {
			site[k] = &fstest.MapFile{Data: []byte(v)}
		}
		for k, v := range tt.files {
			site[k] = &fstest.MapFile{Data: []byte(v)}
		}
		for k, v := range readTree(t, "testdata/theme-mini", "themes/default") {
			site[k] = v
		}
		res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := ""
		if !res.NextChange.IsZero() {
			got = res.NextChange.In(shanghai).Format(time.RFC3339)
		}
		if got != tt.want {
			t.Errorf("%s: NextChange = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// Two builds of the sample site in a row leave every file's modification
// time as it was: nothing changed, so nothing is written. A photo's files
// keep their own time, their cache file's, by which publish knows them
// unchanged without reading them (docs/images.md): the count of files
// written says they were not written again.
func TestRebuildKeepsTimes(t *testing.T) {
	t.Parallel()
	dir := testkit.Sample(t, "..")
	dest := filepath.Join(dir, "public")
	opts := generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow, Minify: true}
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	long := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	past := map[string]time.Time{}
	var files []string
	filepath.Walk(dest, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
			if strings.HasSuffix(p, ".jpg") {
				past[p] = info.ModTime()
			} else {
				os.Chtimes(p, long, long)
				past[p] = long
			}
		}
		return nil
	})
	res, err := generator.Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Written.Written != 0 || res.Written.Files != len(files) {
		t.Errorf("the second build wrote %d of %d files, want 0 of %d", res.Written.Written, res.Written.Files, len(files))
	}
	for _, p := range files {
		if fi, err := os.Stat(p); err != nil || !fi.ModTime().Equal(past[p]) {
			t.Errorf("%s: its time changed", p)
		}
	}
}

// KeepGoing (folio check) renders and assembles a site with content
// errors, for its links to be checked too, and still fails; with a
// destination it is ignored: a build with errors writes nothing.
func TestKeepGoing(t *testing.T) {
	t.Parallel()
	site := withDefaultTheme(t, map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/a.md":      "+++\ntitle = \"甲\"\ndat = 2026-01-01\n+++\n正文。\n",
		// A status that is not one, beside another mistake: its layout
		// would ask i18n for it (T06), the theme's fault in words.
		"content/events/_index.md": "+++\ntitle = \"活动\"\n+++\n",
		"content/events/b.md":      "+++\ntitle = \"乙\"\nstart = \"明天\"\nstatus = \"nosuch\"\n+++\n",
	})
	res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow, KeepGoing: true})
	if !errors.Is(err, generator.ErrContent) || res.Diagnostics.Errors() != 2 {
		t.Fatalf("err = %v, %d errors; want ErrContent, the unknown key and the date", err, res.Diagnostics.Errors())
	}
	for _, d := range res.Diagnostics {
		if d.Kind == diag.KindTheme {
			t.Errorf("the theme blamed for the content's mistake: %s", d.In(diag.Chinese))
		}
	}
	if res.Site == nil || !res.Site.Has("a/index.html") || res.Model == nil {
		t.Fatalf("KeepGoing gave no site to check")
	}
	dest := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(dest, 0o755)
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("before"), 0o644)
	res, err = generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow, KeepGoing: true, Destination: dest})
	if !errors.Is(err, generator.ErrContent) || res.Site != nil {
		t.Fatalf("a build into a destination with KeepGoing: err = %v, site %v", err, res.Site != nil)
	}
	if entries, _ := os.ReadDir(dest); len(entries) != 1 {
		t.Errorf("the destination holds %d files, want only the one it had", len(entries))
	} else if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "before" {
		t.Errorf("the destination's index.html changed: %q", b)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("beside the destination: %d entries (a staging folder left?)", len(entries))
	}
}
