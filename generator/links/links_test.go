package links

import (
	"hash/maphash"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/source"
)

func content(url string) *source.Content {
	return &source.Content{
		Pages: []*source.Page{{File: "content/news/a.md", URL: "/news/a/"}, {File: "content/news/b.md", URL: url}},
		Files: map[string]string{"content/images/x.svg": "images/x.svg"}, // output paths, as source gives them,
		Left:  map[string]string{"content/news/draft.md": "it is a draft"},
	}
}

func TestResolve(t *testing.T) {
	t.Parallel()
	r := New(content("/news/b/"), fstest.MapFS{}, "/sub/")
	for _, tt := range []struct{ target, url, problem string }{
		{"b.md", "/sub/news/b/", ""},
		{"../images/x.svg", "/sub/images/x.svg", ""},
		{"draft.md", "", "content/news/draft.md is not published in this build: it is a draft"},
		{"B.md", "", "there is no file content/news/B.md"},
	} {
		u, problem := r.Resolve("content/news/a.md", tt.target)
		if u != tt.url || !strings.HasPrefix(problem, tt.problem) || (tt.problem == "") != (problem == "") {
			t.Errorf("Resolve(%q) = %q, %q; want %q, %q...", tt.target, u, problem, tt.url, tt.problem)
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
	if w, h, problem := rec.ImageSize("content/news/a.md", "../images/x.svg"); w != 4 || h != 3 || problem != "" {
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
