package generator_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

// TestPreviewSanitizesDrawings: folio serve's caches never publish a
// drawing as it is. Saving a drawing is not a text edit of a page: it
// builds again and sanitizes it; a text edit afterwards keeps the
// sanitized bytes (not the file, through Copies) and the warning.
func TestPreviewSanitizesDrawings(t *testing.T) {
	t.Parallel()
	const drawing = "content/news/a/d.svg"
	site := withDefaultTheme(t, map[string]string{
		"config.toml":             "title = \"测试\"\n",
		"content/_index.md":       "+++\ntitle = \"首页\"\n+++\n",
		"content/news/a/index.md": "+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n![图](d.svg)\n",
		drawing:                   `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3"/></svg>`,
	})
	cache := generator.NewCache()
	build := func(changed ...string) *generator.Result {
		t.Helper()
		opts := generator.Options{Root: site, Now: fixedNow, Preview: &generator.Preview{Cache: cache, Changed: changed}}
		if changed == nil {
			opts.Preview.Changed = nil
		}
		res, err := generator.Build(context.Background(), opts)
		if err != nil {
			t.Fatalf("build: %v", err)
		}
		return res
	}
	published := func(res *generator.Result) string {
		t.Helper()
		if src, ok := res.Site.Copies["news/a/d.svg"]; ok {
			t.Fatalf("the drawing is copied as it is, from %s", src)
		}
		b, ok := res.Site.Files["news/a/d.svg"]
		if !ok {
			t.Fatalf("the drawing is not published")
		}
		return string(b)
	}
	warned := func(res *generator.Result) bool {
		var b bytes.Buffer
		res.Diagnostics.Print(&b, diag.English, 0)
		return strings.Contains(b.String(), drawing+":1: warning [R08] the drawing is published without what could run script")
	}
	if got := published(build()); !strings.Contains(got, "<rect") {
		t.Fatalf("first build: %s", got)
	}
	site[drawing] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="3"/></svg>`)}
	res := build(drawing)
	if got := published(res); strings.Contains(got, "alert") || !strings.Contains(got, "<rect") {
		t.Errorf("after the drawing's save: %s", got)
	}
	if !warned(res) {
		t.Errorf("no warning after the drawing's save: %v", res.Diagnostics)
	}
	site["content/news/a/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n![图](d.svg)\n\n新的一段。\n")}
	res = build("content/news/a/index.md")
	if got := published(res); strings.Contains(got, "alert") || !strings.Contains(got, "<rect") {
		t.Errorf("after a text edit: %s", got)
	}
	if !warned(res) {
		t.Errorf("the warning is gone after a text edit: %v", res.Diagnostics)
	}
	site["content/news/a/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n![图](d.svg)\n\n又一段。\n")}
	site[drawing] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>`)}
	build()
	site["content/news/a/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n![图](d.svg)\n\n第三段。\n")}
	res = build("content/news/a/index.md")
	if got := published(res); !strings.Contains(got, "<circle") {
		t.Errorf("a text edit after a clean drawing lost it: %s", got)
	}
	edit := false
	for _, tm := range res.Timings {
		edit = edit || tm.Stage == "edit"
	}
	if !edit {
		t.Errorf("the last save did not take the text-edit path: %v", res.Timings)
	}
}

// TestSymlinksWarned: a symbolic link in content/ or static/ is not
// followed (it could publish any file of the machine that builds), and the
// editor is told so, naming it, in a build and in a preview's save.
func TestSymlinksWarned(t *testing.T) {
	t.Parallel()
	dir, _, _ := builtSite(t)
	outside := t.TempDir()
	write("secret.txt", "私密")(outside)
	write("static/ok.txt", "ok")(dir)
	for link, target := range map[string]string{
		"content/files/report.pdf": filepath.Join(outside, "secret.txt"),
		"content/shared":           outside,
		"static/logo.png":          filepath.Join(outside, "secret.txt"),
	} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(link)), 0o755)
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	want := []string{
		"content/files/report.pdf: warning [R04] a symbolic link, which folio does not follow",
		"content/shared: warning [R04] a symbolic link, which folio does not follow",
		"static/logo.png: warning [T01] a symbolic link, which folio does not follow",
	}
	check := func(res *generator.Result, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		res.Diagnostics.Print(&b, diag.English, 0)
		for _, w := range want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("no %q in\n%s", w, b.String())
			}
		}
		for _, p := range []string{"files/report.pdf", "shared/secret.txt", "logo.png"} {
			if _, ok := res.Site.Copies[p]; ok {
				t.Errorf("%s is published", p)
			}
		}
	}
	check(generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), Now: fixedNow}))
	cache := generator.NewCache()
	opts := generator.Options{Root: os.DirFS(dir), Now: fixedNow, Preview: &generator.Preview{Cache: cache}}
	check(generator.Build(context.Background(), opts))
	opts.Preview = &generator.Preview{Cache: cache, Changed: []string{"content/shared"}}
	check(generator.Build(context.Background(), opts))
	write("content/ok.md", "+++\ntitle = \"好\"\n+++\n改过的正文。\n")(dir)
	opts.Preview = &generator.Preview{Cache: cache, Changed: []string{"content/ok.md"}}
	check(generator.Build(context.Background(), opts))
}
