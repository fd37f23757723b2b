package search

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

func TestTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"", ""},
		{"技工院校", "技工|工院|院校"},
		{"技工 招生", "技工|招生"},
		{"校", "校"},
		{"第15期", "第|15|期"},
		{"Hello World", "hello|world"},
		{"２０２４年ＡＢＣ", "2024|年|abc"},
		{"校长、培训！", "校长|培训"},
		{"a1b2", "a|1|b|2"},
		{"数控CNC加工", "数控|cnc|加工"},
		{"“引号”与（括号）", "引号|与|括号"},
		{"it's", "it|s"},
		{"Ｗｏｒｄ", "word"},
	}
	for _, tt := range tests {
		if got := strings.Join(Tokens(tt.in), "|"); got != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := strings.Join(Chars("第15期技工"), "|"); got != "第|期|技|工" {
		t.Errorf("Chars = %q", got)
	}
}

// model makes a site model of pages with the given titles and texts.
func model(t *testing.T, internal bool, pages map[string][2]string) *site.Site {
	t.Helper()
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte("title = \"t\"\n")}}, "config.toml", &diag.List{})
	cfg.Journal.Internal = internal
	var sps []*source.Page
	var results []*markup.Result
	home := &source.Page{File: "content/_index.md", Kind: source.KindHome, Branch: true, URL: "/"}
	sps = append(sps, home)
	results = append(results, &markup.Result{})
	for file, tt := range pages {
		section := strings.Split(strings.TrimPrefix(file, "content/"), "/")[0]
		kind := source.KindPost
		if section == "journal" {
			kind = source.KindArticle
		}
		p := &source.Page{File: file, Kind: kind, Section: section, Dir: strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md"), Date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
		p.URL = "/" + p.Dir + "/"
		p.FM.Title = tt[0]
		sps = append(sps, p)
		results = append(results, &markup.Result{Summary: tt[1]})
	}
	var l diag.List
	return site.Build(cfg, sps, results, time.Now(), &l)
}

// pageText is the text of a page of model, which gives each page its text
// as its summary.
func pageText(p *site.Page) string { return p.Summary }

func TestIndex(t *testing.T) {
	t.Parallel()
	for _, internal := range []bool{false, true} {
		s := model(t, internal, map[string][2]string{
			"content/news/a.md":           {"技工院校招生", "今年技工院校招生工作开始。"},
			"content/news/b.md":           {"校长培训", "校长培训班开班。技工。"},
			"content/journal/2024/1/c.md": {"期刊文章", "技工教育研究。"},
		})
		files := Index(context.Background(), s, pageText, 2, nil)
		var m meta
		if err := json.Unmarshal(files[Dir+"index.json"], &m); err != nil {
			t.Fatal(err)
		}
		wantDocs := 3
		if internal {
			wantDocs = 2 // an internal journal stays out of the index
		}
		if m.Docs != wantDocs || len(m.Len) != wantDocs || len(m.Terms) != 8 {
			t.Errorf("internal=%v: %d pages, %d lengths, %d token files", internal, m.Docs, len(m.Len), len(m.Terms))
		}
		// The postings of 技工: in the bodies of all pages, in one title.
		var shard map[string][2][]int
		json.Unmarshal(files[Dir+m.Terms[Shard("技工", len(m.Terms))]], &shard)
		p := shard["技工"]
		if len(p[0]) != wantDocs {
			t.Errorf("internal=%v: 技工 is in %d pages, want %d", internal, len(p[0]), wantDocs)
		}
		titles := 0
		for _, v := range p[1] {
			titles += v & 1
		}
		if titles != 1 {
			t.Errorf("技工 is in %d titles, want 1", titles)
		}
		// A single character finds the titles that have it.
		json.Unmarshal(files[Dir+m.Terms[Shard("培", len(m.Terms))]], &shard)
		if got := shard["培"]; len(got[0]) != 1 || got[1][0]&1 != 1 {
			t.Errorf("培 in titles: %v", got)
		}
	}
}

// FuzzTokens: tokens are never empty, never hold a space, and are the same
// for full-width and ordinary forms of the text.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"技工院校 招生", "第15期", "Hello World", "２０２４年ＡＢＣ", "𠀀字", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokens(s) {
			if tok == "" || strings.ContainsAny(tok, " \t\n") {
				t.Fatalf("Tokens(%q) has %q", s, tok)
			}
			if again := Tokens(tok); len(again) == 0 {
				t.Fatalf("token %q of %q gives no tokens again", tok, s)
			}
		}
	})
}

// Each result names its page's text file, which holds the text for the
// excerpt (cut on a character's boundary when huge); pages without text
// name none.
func TestTextFiles(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("技工院校", maxText/12+10)
	s := model(t, false, map[string][2]string{
		"content/news/a.md": {"甲", "今年技工院校招生工作开始。"},
		"content/news/b.md": {"乙", long},
		"content/news/c.md": {"丙", ""},
	})
	files := Index(context.Background(), s, pageText, 2, nil)
	var m meta
	json.Unmarshal(files[Dir+"index.json"], &m)
	var results [][5]string
	if err := json.Unmarshal(files[Dir+m.Results[0]], &results); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, r := range results {
		if r[4] == "" {
			texts[r[0]] = ""
			continue
		}
		var text string
		if err := json.Unmarshal(files[Dir+r[4]], &text); err != nil {
			t.Fatalf("%s: text file %s: %v", r[0], r[4], err)
		}
		texts[r[0]] = text
	}
	if texts["甲"] != "今年技工院校招生工作开始。" || texts["丙"] != "" {
		t.Errorf("texts %q", texts)
	}
	if b := texts["乙"]; len(b) > maxText || len(b) < maxText-3 || !strings.HasPrefix(long, b) {
		t.Errorf("a long text gives %d bytes, want the first %d cut on a character", len(b), maxText)
	}
}

// TestGatheredUnpublished gathers the text of a page the model then leaves
// out (an article of an unpublished issue, say) among the texts of public
// pages, in the order a build's workers may: nothing of it is in the
// index, not a token of its body, title or tags, nor its text file, and
// the index is the one made from the public pages alone.
func TestGatheredUnpublished(t *testing.T) {
	t.Parallel()
	s := model(t, false, map[string][2]string{
		"content/news/a.md": {"技工院校招生", "今年技工院校招生工作开始。"},
		"content/news/b.md": {"校长培训", "校长培训班开班。技工。"},
	})
	hidden := &source.Page{File: "content/news/hidden.md", Kind: source.KindPost, Section: "news", URL: "/news/hidden/"}
	hidden.FM.Title = "未发布"
	hidden.FM.Tags = []string{"秘密"}
	var pages []*source.Page
	for _, p := range s.Pages {
		pages = append(pages, p.Page)
	}
	pages = append([]*source.Page{hidden}, pages...)
	texts := NewTexts(pages)
	texts.Add(hidden, "保密内容不可检索。技工院校")
	for i := len(s.Pages) - 1; i >= 0; i-- { // the other way round
		texts.Add(s.Pages[i].Page, pageText(s.Pages[i]))
	}
	got := texts.Index(context.Background(), s, 2, nil)
	want := Index(context.Background(), s, pageText, 2, nil)
	if len(got) != len(want) {
		t.Errorf("%d files, want %d", len(got), len(want))
	}
	for path, b := range want {
		if string(got[path]) != string(b) {
			t.Errorf("%s differs from the index of the public pages alone:\n%s\nwant\n%s", path, got[path], b)
		}
	}
	for path, b := range got {
		for _, secret := range []string{"保密", "秘密", "检索", "未发", "发布"} {
			if strings.Contains(string(b), secret) {
				t.Errorf("%s has %q, of a page not published", path, secret)
			}
		}
	}
}

// The pages' texts gathered in any order (workers' turns, a page that takes
// long) make the same index as in the index's own order.
func TestGatheredInAnyOrder(t *testing.T) {
	t.Parallel()
	pages := map[string][2]string{}
	for i := range 60 {
		pages[fmt.Sprintf("content/news/n%02d.md", i)] = [2]string{fmt.Sprintf("第%d则技工新闻", i), strings.Repeat("技工院校招生培训。", i%7+1)}
	}
	s := model(t, false, pages)
	var sources []*source.Page
	for _, p := range s.Pages {
		sources = append(sources, p.Page)
	}
	index := func(order []int) map[string][]byte {
		texts := NewTexts(sources)
		for _, i := range order {
			p := sources[i]
			for _, sp := range s.Pages {
				if sp.Page == p {
					texts.Add(p, pageText(sp))
				}
			}
		}
		return texts.Index(context.Background(), s, 2, nil)
	}
	want := index(NewTexts(sources).Order())
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5 {
		got := index(rng.Perm(len(sources)))
		for path, b := range want {
			if string(got[path]) != string(b) {
				t.Fatalf("%s differs when the texts come in another order:\n%s\nwant\n%s", path, got[path], b)
			}
		}
	}
}
