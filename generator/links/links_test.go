package links

import (
	"errors"
	"hash/maphash"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/source"
)

func content(url string) *source.Content {
	return &source.Content{
		Pages:  []*source.Page{{File: "content/news/a.md", URL: "/news/a/"}, {File: "content/news/b.md", URL: url}, {File: "content/news/fair/index.md", URL: "/news/fair/"}},
		Files:  map[string]string{"content/images/x.svg": "images/x.svg"}, // output paths, as source gives them,
		Left:   map[string]diag.Message{"content/news/draft.md": diag.Msg(diag.WhyDraft)},
		Broken: map[string]diag.Pos{"content/news/bad.md": {File: "content/news/bad.md", Line: 3, Col: 8}},
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	r := New(content("/news/b/"), fstest.MapFS{}, "/sub/")
	for _, tt := range []struct {
		target, url string
		problem     diag.Code
		says        string // in Chinese
	}{
		{"b.md", "/sub/news/b/", "", ""},
		{"../images/x.svg", "/sub/images/x.svg", "", ""},
		{"draft.md", "", diag.WhyUnpublished, "content/news/draft.md 在这次生成中不发布：它是草稿"},
		{"B.md", "", diag.WhyNoFile, "没有文件 content/news/B.md"},
		{"fair", "", diag.WhyFolder, "content/news/fair 是一个文件夹：请链接到其中的 fair/index.md"},
		{"fair/", "", diag.WhyFolder, "请链接到其中的 fair/index.md"},
		{"bad.md", "", diag.WhyFrontMatterError, "文件 content/news/bad.md 存在，但其开头的设置有错误，见 content/news/bad.md:3:8 那一条"},
	} {
		u, problem := r.Resolve("content/news/a.md", tt.target)
		var m diag.Message
		errors.As(problem, &m)
		if u != tt.url || m.Code != tt.problem || !strings.Contains(diag.Show(problem, diag.Chinese), tt.says) {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %s saying %q", tt.target, u, problem, tt.url, tt.problem, tt.says)
		}
	}
}

// What a page's links resolved to holds until a target moves or an image
// changes size, and the state of the resolver tells when anything moved.
func TestRecordHolds(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"content/images/x.svg": {Data: []byte(`<svg width="4" height="3">`)}}
	r := New(content("/news/b/"), fsys, "/")
	rec := r.Record()
	rec.Resolve("content/news/a.md", "b.md")
	if w, h, problem := rec.ImageSize("content/news/a.md", "../images/x.svg"); w != 4 || h != 3 || problem != nil {
		t.Fatalf("ImageSize = %d, %d, %q", w, h, problem)
	}
	if !rec.Seen.Hold(New(content("/news/b/"), fsys, "/"), "content/news/a.md") {
		t.Error("links resolved as before do not hold")
	}
	if rec.Seen.Hold(New(content("/news/bb/"), fsys, "/"), "content/news/a.md") {
		t.Error("a moved page's link holds")
	}
	resized := fstest.MapFS{"content/images/x.svg": {Data: []byte(`<svg width="8" height="3">`)}}
	if rec.Seen.Hold(New(content("/news/b/"), resized, "/"), "content/news/a.md") {
		t.Error("a resized image holds")
	}
	if rec.Seen.Sum() == (Resolved{}).Sum() {
		t.Error("the sum of links is the sum of none")
	}
	seed := maphash.MakeSeed()
	if New(content("/news/b/"), fsys, "/").State(seed) != r.State(seed) || New(content("/news/bb/"), fsys, "/").State(seed) == r.State(seed) {
		t.Error("State does not follow the URLs")
	}
}
