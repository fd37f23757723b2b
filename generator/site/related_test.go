package site

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/source"
)

func titles(ps []*Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Title())
	}
	return out
}

func relatedSite(t *testing.T, reverse bool) *Site {
	t.Helper()
	post := func(name, title string, d int, tags []string, committees ...string) *source.Page {
		p := page("content/news/"+name+".md", "news/"+name, "news", source.KindPost, false, title, day(d), tags...)
		p.FM.Committees = committees
		return p
	}
	issue := func(n int) *source.Page {
		p := page(fmt.Sprintf("content/journal/2024/%d/_index.md", n), fmt.Sprintf("journal/2024/%d", n), "journal", source.KindIssue, true, fmt.Sprintf("第%d期", n), day(n))
		p.FM.Number, p.FM.Volume, p.FM.Columns = n, 2024, []string{"论坛", "校园"}
		return p
	}
	article := func(n int, name, title, column string) *source.Page {
		p := page(fmt.Sprintf("content/journal/2024/%d/%s.md", n, name), fmt.Sprintf("journal/2024/%d/%s", n, name), "journal", source.KindArticle, false, title, time.Time{})
		p.FM.Column = column
		return p
	}
	pages := []*source.Page{
		page("content/_index.md", "", "", source.KindHome, true, "首页", time.Time{}),
		page("content/news/_index.md", "news", "news", source.KindSection, true, "新闻", time.Time{}),
		post("a", "甲", 10, []string{"技能", "招生"}, "cnc"),
		post("b", "乙", 1, []string{"技能", "招生"}, "cnc"), // shares three things with 甲: first though oldest
		post("c", "丙", 5, []string{"技能"}),
		post("d", "丁", 7, []string{"招生"}), // shares one, as 丙 does, and is newer
		post("e", "戊", 8, nil),            // shares nothing: no related reading
		post("f", "己", 9, []string{"师资"}, "cnc"),
		page("content/journal/_index.md", "journal", "journal", source.KindSection, true, "内刊", time.Time{}),
		issue(15), issue(16),
		article(15, "x", "论坛一", "论坛"), article(16, "y", "论坛二", "论坛"), article(16, "z", "校园二", "校园"),
	}
	if reverse {
		slices.Reverse(pages)
	}
	cfg := &config.Config{Paginate: 10, Taxonomies: map[string]string{"tag": "tags", "committee": "committees"}, Location: time.UTC}
	cfg.Journal.Section = "journal"
	return buildWith(t, cfg, pages...)
}

// Related reading ranks the pages that share most first, newest first
// among equals, is the same whatever order the pages were read in, and is
// empty for a page that shares nothing.
func TestRelated(t *testing.T) {
	t.Parallel()
	want := map[string][]string{
		"甲":   {"乙", "己", "丁", "丙"},
		"乙":   {"甲", "己", "丁", "丙"},
		"丙":   {"甲", "乙"},
		"戊":   nil,
		"论坛一": {"论坛二"},
		"校园二": nil,
	}
	for _, reverse := range []bool{false, true} {
		s := relatedSite(t, reverse)
		for _, p := range s.Pages {
			w, ok := want[p.Title()]
			if !ok {
				continue
			}
			if got := titles(p.Related); !slices.Equal(got, w) {
				t.Errorf("read in reverse %v: %s: related %q, want %q", reverse, p.Title(), got, w)
			}
		}
	}
}

// A page gets at most five, and with a tag shared by many pages, the ones
// nearest to it in time.
func TestRelatedNearest(t *testing.T) {
	t.Parallel()
	pages := []*source.Page{page("content/_index.md", "", "", source.KindHome, true, "首页", time.Time{})}
	for d := 1; d <= 28; d++ {
		pages = append(pages, page(fmt.Sprintf("content/news/%02d.md", d), fmt.Sprintf("news/%02d", d), "news", source.KindPost, false, fmt.Sprintf("%02d", d), day(d), "技能"))
	}
	s := build(t, 10, pages...)
	for _, p := range s.Pages {
		if p.Title() == "03" {
			// Its neighbours in the tag's list (newest first) are 13 down
			// to 01; of them the five newest.
			if got := titles(p.Related); !slices.Equal(got, []string{"13", "12", "11", "10", "09"}) {
				t.Errorf("03: related %q", got)
			}
		}
		if len(p.Related) > maxRelated {
			t.Errorf("%s: %d related pages", p.Title(), len(p.Related))
		}
	}
}

// BenchmarkRelated computes related reading for 5,000 and 50,000 posts
// sharing 40 tags and 10 committees: the time per page stays about the
// same (linear), since a page's candidates are its neighbours in each list.
// go test -run XXX -bench Related -benchmem ./generator/site/
func BenchmarkRelated(b *testing.B) {
	for _, n := range []int{5000, 50000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			pages := []*source.Page{page("content/_index.md", "", "", source.KindHome, true, "首页", time.Time{})}
			for i := range n {
				p := page(fmt.Sprintf("content/news/%d.md", i), fmt.Sprintf("news/%d", i), "news", source.KindPost, false, fmt.Sprint("新闻", i),
					time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i)*time.Hour), fmt.Sprint("标签", i%40), fmt.Sprint("标签", i%7))
				p.FM.Committees = []string{fmt.Sprint("委员会", i%10)}
				pages = append(pages, p)
			}
			cfg := &config.Config{Paginate: 10, Taxonomies: map[string]string{"tag": "tags", "committee": "committees"}, Location: time.UTC}
			s := buildWith(b, cfg, pages...)
			s.collation = newCollation(cfg.LanguageCode)
			for b.Loop() {
				s.related()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/page")
		})
	}
}
