package site

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/source"
)

// buildIn builds the model of pages for a site whose languageCode is lang.
func buildIn(t *testing.T, lang string, pages ...*source.Page) *Site {
	t.Helper()
	return buildWith(t, &config.Config{LanguageCode: lang, Paginate: 100, Location: time.UTC,
		Taxonomies: map[string]string{"tag": "tags", "committee": "committees"}, Feeds: config.Feeds{Limit: 10}}, pages...)
}

func termNames(t *Taxonomy) []string {
	var out []string
	for _, term := range t.Terms {
		out = append(out, term.Name)
	}
	return out
}

// TestTermsInReadersOrder: a Chinese reader looks for 安全 before 北京 (an
// before bei), which code point order puts the other way round (安 U+5B89,
// 北 U+5317).
func TestTermsInReadersOrder(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, lang string
		tags, want []string
	}{
		{"pinyin", "zh-CN", []string{"数控", "安全", "电工", "焊接", "汽车", "北京"}, []string{"安全", "北京", "电工", "焊接", "汽车", "数控"}},
		{"pinyin by syllable, then tone, then the next character", "zh-CN", []string{"师资培训", "师资队伍", "技能展示", "技工教育", "技能竞赛"}, []string{"技工教育", "技能竞赛", "技能展示", "师资队伍", "师资培训"}},
		{"digits, then Latin letters whatever their case, then Chinese", "zh-CN", []string{"数控", "Zebra", "2级", "安全", "apple", "10级", "CNC", "3D打印"}, []string{"10级", "2级", "3D打印", "apple", "CNC", "Zebra", "安全", "数控"}},
		{"zh without a region is pinyin too", "zh", []string{"数控", "安全", "北京"}, []string{"安全", "北京", "数控"}},
		{"zh-TW sorts by strokes", "zh-TW", []string{"数控", "安全", "电工", "焊接", "汽车", "北京"}, []string{"北京", "电工", "安全", "汽车", "焊接", "数控"}},
		{"English: letters without regard to case", "en", []string{"welding", "Safety", "CNC", "apple"}, []string{"apple", "CNC", "Safety", "welding"}},
		{"a code that is no language gets a fixed order", "??", []string{"b", "A", "安全", "1"}, []string{"1", "A", "b", "安全"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pages := []*source.Page{page("content/_index.md", "", "", source.KindHome, true, "首页", time.Time{})}
			for i, tag := range tc.tags { // one page each, newest first in the order given: the order of use is not the order of the list
				pages = append(pages, page("content/news/"+string(rune('a'+i))+".md", "news/"+string(rune('a'+i)), "news", source.KindPost, false, "第"+tag, day(28-i), tag))
			}
			s := buildIn(t, tc.lang, pages...)
			if got := termNames(s.Taxonomy("tags")); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("languageCode %q: tags %q, want %q", tc.lang, got, tc.want)
			}
		})
	}
}

// TestCommitteesByWeightThenPinyin: the association's order (weight) comes
// first; committees of one weight, and a committee's title shared by two
// folders, come in a fixed order.
func TestCommitteesByWeightThenPinyin(t *testing.T) {
	t.Parallel()
	committee := func(slug, title string, weight int) *source.Page {
		p := page("content/committees/"+slug+"/_index.md", "committees/"+slug, "committees", source.KindTerm, true, title, time.Time{})
		p.FM.Weight = weight
		return p
	}
	s := buildIn(t, "zh-CN",
		page("content/_index.md", "", "", source.KindHome, true, "首页", time.Time{}),
		page("content/committees/_index.md", "committees", "committees", source.KindSection, true, "专业委员会", time.Time{}),
		committee("cnc", "数控专业委员会", 1),
		committee("safety", "安全专业委员会", 1),
		committee("welding", "焊接专业委员会", 2),
		committee("beijing", "北京联络处", 2),
		committee("electric-b", "电工专业委员会", 2),
		committee("electric-a", "电工专业委员会", 2), // the same title: by folder
		committee("auto", "汽车专业委员会", 3),
	)
	var got []string
	for _, term := range s.Taxonomy("committees").Terms {
		got = append(got, term.Name+" "+term.Slug)
	}
	want := []string{"安全专业委员会 safety", "数控专业委员会 cnc", "北京联络处 beijing", "电工专业委员会 electric-a", "电工专业委员会 electric-b", "焊接专业委员会 welding", "汽车专业委员会 auto"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("committees:\n%q\nwant\n%q", got, want)
	}
}

// TestSameDayByPinyinTitle: pages of one date are listed, and fed, by
// title in pinyin order, then by file.
func TestSameDayByPinyinTitle(t *testing.T) {
	t.Parallel()
	s := buildIn(t, "zh-CN",
		page("content/_index.md", "", "", source.KindHome, true, "首页", time.Time{}),
		page("content/news/_index.md", "news", "news", source.KindSection, true, "新闻", time.Time{}),
		page("content/news/a.md", "news/a", "news", source.KindPost, false, "数控大赛", day(2)),
		page("content/news/b.md", "news/b", "news", source.KindPost, false, "北京交流", day(2)),
		page("content/news/c.md", "news/c", "news", source.KindPost, false, "安全培训", day(2)),
		page("content/news/e.md", "news/e", "news", source.KindPost, false, "电工考评", day(2)),
		page("content/news/d.md", "news/d", "news", source.KindPost, false, "电工考评", day(2)),
		page("content/news/f.md", "news/f", "news", source.KindPost, false, "最新", day(3)), // dates first
	)
	want := "最新 f; 安全培训 c; 北京交流 b; 电工考评 d; 电工考评 e; 数控大赛 a"
	list := func(ps []*Page) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Title()+" "+strings.TrimSuffix(strings.TrimPrefix(p.File, "content/news/"), ".md"))
		}
		return strings.Join(out, "; ")
	}
	if got := list(s.Section("news").Children); got != want {
		t.Errorf("news lists %s, want %s", got, want)
	}
	if got := list(s.Section("news").Feed.Items); got != want {
		t.Errorf("news feed has %s, want %s", got, want)
	}
}
