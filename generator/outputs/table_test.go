package outputs

import (
	"strings"
	"testing"

	"folio.dev/folio/generator/diag"
)

func TestTable(t *testing.T) {
	t.Parallel()
	page := func(file string, line int) Source {
		return Source{Pos: diag.Pos{File: file, Line: line, Col: 1}, Kind: Page}
	}
	alias := Source{Pos: diag.Pos{File: "content/c.md", Line: 4, Col: 1}, Kind: Alias}
	file := func(name string) Source { return Source{Pos: diag.Pos{File: name}, Kind: File} }
	feed := Source{Kind: Generated, Name: diag.Msg(diag.GeneratedFeed)}
	list := Source{Kind: Generated, Name: diag.Msg(diag.GeneratedListPage, 2, "/news/")}
	tests := []struct {
		name   string
		claims []Source // each claims "x/index.html", or "feed.xml" for the feed
		want   string
	}{
		{"page and page", []Source{page("content/a.md", 0), page("content/b.md", 3)},
			"content/b.md:3:1: [X01] content/a.md and content/b.md:3:1 both make x/index.html; give one of them another slug or url"},
		{"the key that set the path is blamed", []Source{page("content/a.md", 3), page("content/b.md", 0)},
			"content/a.md:3:1: [X01] content/a.md:3:1 and content/b.md both make x/index.html; give one of them another slug or url"},
		{"alias and page", []Source{page("content/a.md", 0), alias},
			"content/c.md:4:1: [X01] content/a.md and an alias in content/c.md:4:1 both make x/index.html; give content/a.md another slug or url, or change the alias in content/c.md"},
		{"file and page", []Source{page("content/a.md", 0), file("static/x/index.html")},
			"static/x/index.html: [X01] content/a.md and static/x/index.html both make x/index.html; give content/a.md another slug or url, or rename or move static/x/index.html"},
		{"file and file", []Source{file("static/x/index.html"), file("content/x/index.html")},
			"content/x/index.html: [X01] static/x/index.html and content/x/index.html both make x/index.html; rename or move one of them"},
		{"folio's own, then a page", []Source{list, page("content/a.md", 2)},
			"content/a.md:2:1: [X01] page 2 of the list /news/ and content/a.md:2:1 both make x/index.html; give content/a.md another slug or url"},
		{"a page, then folio's own", []Source{page("content/a.md", 2), list},
			"content/a.md:2:1: [X01] content/a.md:2:1 and page 2 of the list /news/ both make x/index.html; give content/a.md another slug or url"},
		{"folio's own twice", []Source{list, feed},
			"content: [X01] page 2 of the list /news/ and the feed both make x/index.html"},
	}
	for _, tt := range tests {
		var l diag.List
		tab := New(0, &l)
		for i, s := range tt.claims {
			if ok := tab.Claim("x/index.html", s); ok != (i == 0) {
				t.Errorf("%s: claim %d returned %v", tt.name, i, ok)
			}
		}
		if got := diagnostics(l); got != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestCheckFolders(t *testing.T) {
	t.Parallel()
	var l diag.List
	tab := New(0, &l)
	tab.Claim("feed.xml", Source{Kind: Generated, Name: diag.Msg(diag.GeneratedFeed)})
	page := Source{Pos: diag.Pos{File: "content/a.md", Line: 3, Col: 1}, Kind: Page}
	tab.Claim("feed.xml/index.html", page)
	tab.Claim("feed.xml/page/2/index.html", page) // the same maker: reported once
	tab.Claim("news/index.html", page)
	tab.CheckFolders()
	want := "content/a.md:3:1: [X02] content/a.md:3:1 makes feed.xml/index.html, but the feed makes feed.xml, a file of that name; give content/a.md another slug or url"
	if got := diagnostics(l); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func diagnostics(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(d.String())
	}
	return b.String()
}
