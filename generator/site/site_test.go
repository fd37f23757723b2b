package site

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/source"
)

func page(file, dir, section string, kind source.Kind, branch bool, title string, date time.Time, tags ...string) *source.Page {
	p := &source.Page{File: file, Dir: dir, Section: section, Kind: kind, Branch: branch, Date: date}
	p.FM.Title = title
	p.FM.Tags = tags
	p.URL = "/" + dir + "/"
	if dir == "" {
		p.URL = "/"
	}
	return p
}

func build(t *testing.T, paginate int, pages ...*source.Page) *Site {
	t.Helper()
	return buildWith(t, &config.Config{Paginate: paginate, Taxonomies: map[string]string{"tag": "tags"}, Location: time.UTC}, pages...)
}

// buildWith builds the model of pages, which must give no diagnostic.
func buildWith(t testing.TB, cfg *config.Config, pages ...*source.Page) *Site {
	t.Helper()
	results := make([]*markup.Result, len(pages))
	for i := range results {
		results[i] = &markup.Result{}
	}
	var l diag.List
	s := Build(cfg, pages, results, time.Time{}, &l)
	if len(l) > 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	return s
}

func day(d int) time.Time { return time.Date(2024, 6, d, 0, 0, 0, 0, time.UTC) }

func TestListsAndPagination(t *testing.T) {
	t.Parallel()
	s := build(t, 2,
		page("content/_index.md", "", "", source.KindHome, true, "首页", time.Time{}),
		page("content/news/_index.md", "news", "news", source.KindSection, true, "新闻", time.Time{}),
		page("content/news/a.md", "news/a", "news", source.KindPost, false, "甲", day(1), "技工教育"),
		page("content/news/b.md", "news/b", "news", source.KindPost, false, "乙", day(3)),
		page("content/news/c.md", "news/c", "news", source.KindPost, false, "丙", day(3), "技工教育"), // same day as 乙: by title
		page("content/news/d.md", "news/d", "news", source.KindPost, false, "丁", day(2)),
		page("content/news/2024/e.md", "news/2024/e", "news", source.KindPost, false, "戊", day(4)),
		page("content/about.md", "about", "", source.KindPage, false, "关于", time.Time{}),
	)
	var paths []string
	lists := map[string][]string{}
	for _, o := range s.Outputs {
		paths = append(paths, o.Path+" "+o.Layout)
		if o.Pager != nil && o.Layout == "list" {
			for _, p := range o.Pager.Items {
				lists[o.Path] = append(lists[o.Path], p.Title())
			}
		}
	}
	want := []string{
		"news/2024/index.html archive", "news/2024/page/2/index.html archive", "news/2024/page/3/index.html archive", "news/2024/page/1/index.html alias",
		"news/2024/06/index.html archive", "news/2024/06/page/2/index.html archive", "news/2024/06/page/3/index.html archive", "news/2024/06/page/1/index.html alias",
		"news/archive/index.html archives",
		"tags/技工教育/index.html term", "tags/index.html taxonomy",
		"index.html home", "about/index.html page",
		"news/index.html list", "news/page/2/index.html list", "news/page/3/index.html list", "news/page/1/index.html alias",
		"news/2024/e/index.html post", "news/a/index.html post", "news/b/index.html post", "news/c/index.html post", "news/d/index.html post",
		"404.html 404", "search/index.html search",
	}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("outputs:\n%q\nwant:\n%q", paths, want)
	}
	wantLists := map[string][]string{
		"news/index.html":        {"戊", "丙"},
		"news/page/2/index.html": {"乙", "丁"},
		"news/page/3/index.html": {"甲"},
	}
	if !reflect.DeepEqual(lists, wantLists) {
		t.Errorf("lists: %v, want %v", lists, wantLists)
	}
	if got := s.Recent("news", 2); len(got) != 2 || got[0].Title() != "戊" || got[1].Title() != "丙" {
		t.Errorf("Recent: %v", got)
	}
	about := s.Pages[1] // pages are sorted by URL: /, /about/, ...
	if about.Title() != "关于" || about.Parent != s.Home {
		t.Errorf("a top-level page's parent is the home page: %v", about.Parent)
	}
	for _, c := range s.Home.Children {
		if !c.Branch {
			t.Errorf("the home page lists the page %s; it should list sections only", c.Title())
		}
	}
	tags := s.Taxonomy("tags")
	if tags == nil || len(tags.Terms) != 1 || len(tags.Terms[0].Pages) != 2 || tags.Terms[0].URL != "/tags/技工教育/" {
		t.Errorf("tags: %+v", tags)
	}
}

func TestPagerWindow(t *testing.T) {
	show := func(total, number int) string {
		p := &Pager{Number: number}
		for n := 1; n <= total; n++ {
			p.URLs = append(p.URLs, fmt.Sprintf("/p/%d/", n))
		}
		var parts []string
		for _, l := range p.Window() {
			switch {
			case l.Gap:
				parts = append(parts, "…")
			case l.URL != p.URLs[l.Number-1]:
				t.Errorf("page %d links %s", l.Number, l.URL)
			default:
				parts = append(parts, strconv.Itoa(l.Number))
			}
		}
		return strings.Join(parts, " ")
	}
	for _, c := range []struct {
		total, number int
		want          string
	}{
		{1, 1, "1"},
		{5, 3, "1 2 3 4 5"},
		{7, 1, "1 2 3 … 7"},
		{7, 4, "1 2 3 4 5 6 7"},
		{750, 1, "1 2 3 … 750"},
		{750, 5, "1 … 3 4 5 6 7 … 750"},
		{750, 4, "1 2 3 4 5 6 … 750"},
		{750, 750, "1 … 748 749 750"},
		{750, 747, "1 … 745 746 747 748 749 750"},
	} {
		if got := show(c.total, c.number); got != c.want {
			t.Errorf("page %d of %d: %q, want %q", c.number, c.total, got, c.want)
		}
	}
}

// A journal article without a date of its own is published with its
// issue, and is filed by that date everywhere pages are listed by date:
// among its tags' pages and in Recent, not last among the undated.
func TestArticleDatedByItsIssue(t *testing.T) {
	issue := page("content/journal/2024/15/_index.md", "journal/2024/15", "journal", source.KindIssue, true, "第15期", day(16))
	article := page("content/journal/2024/15/a.md", "journal/2024/15/a", "journal", source.KindArticle, false, "文章", time.Time{}, "技能")
	older := page("content/news/old.md", "news/old", "news", source.KindPost, false, "旧新闻", day(1), "技能")
	s := build(t, 10,
		page("content/_index.md", "", "", source.KindHome, true, "首页", time.Time{}),
		page("content/journal/_index.md", "journal", "journal", source.KindSection, true, "内刊", time.Time{}),
		page("content/news/_index.md", "news", "news", source.KindSection, true, "新闻", time.Time{}),
		issue, article, older)
	var got *Page
	for _, p := range s.Pages {
		if p.File == article.File {
			got = p
		}
	}
	if got == nil || !got.Date.Equal(day(16)) || got.InIssue == nil {
		t.Fatalf("the article: %+v", got)
	}
	if recent := s.Recent("journal", 6); !slices.Contains(recent, got) {
		t.Errorf("Recent(journal) = %v, without the article", titles(recent))
	}
	tag := s.Taxonomy("tags").Terms[0]
	if names := titles(tag.Pages); !slices.Equal(names, []string{"文章", "旧新闻"}) {
		t.Errorf("the tag's pages: %v, want the article (16 June) before the news (1 June)", names)
	}
}
