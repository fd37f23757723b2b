package generator_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator"
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
		res.Diagnostics.Print(&b, 0)
		return strings.Contains(b.String(), drawing+":1: warning: the drawing is published without what could run script")
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
