package source

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	_ "time/tzdata" // Asia/Shanghai without the system's zoneinfo

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
)

// md is a Markdown file with the given front matter lines and a short body.
func md(lines ...string) string {
	return "+++\n" + strings.Join(lines, "\n") + "\n+++\n正文。\n"
}

// shanghai is the site's default time zone.
func shanghai(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// now is the build's time in the tests: 2024-07-01 12:00 in Shanghai.
func now(t *testing.T) time.Time {
	return time.Date(2024, 7, 1, 12, 0, 0, 0, shanghai(t))
}

// site is a small site: config.toml (toml) and content files.
func site(toml string, files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"config.toml": {Data: []byte(toml)}}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// read loads config.toml and reads content/ from fsys; it returns what Read
// found and the diagnostics as an editor sees them, sorted.
func read(t *testing.T, fsys fstest.MapFS, opts Options) (*Content, []string) {
	t.Helper()
	var cl diag.List
	cfg := config.Load(fsys, "config.toml", &cl)
	if len(cl) > 0 {
		t.Fatalf("config: %v", cl)
	}
	if opts.Now.IsZero() {
		opts.Now = now(t)
	}
	var l diag.List
	c := Read(context.Background(), fsys, cfg, opts, &l)
	l.Sort()
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return c, out
}

func diagsEqual(t *testing.T, got, want []string) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// names are the files of the pages Read found, leaving out the section
// pages it made for folders without _index.md (TestMissingSections).
func names(c *Content) []string {
	var out []string
	for _, p := range c.Pages {
		if p.File != "" {
			out = append(out, p.File)
		}
	}
	return out
}

func byFile(c *Content) map[string]*Page {
	m := map[string]*Page{}
	for _, p := range c.Pages {
		m[p.File] = p
	}
	return m
}

func fullWidth(line int) string {
	return fmt.Sprintf("content/a.md:%d:1: [F34] this line's ＋＋＋ are full-width plus signs, which folio does not read as front matter's +++; type them again with an English input method (both the first and the closing line are +++)", line)
}

func TestSplitFrontMatter(t *testing.T) {
	t.Parallel()
	const unclosed = "content/a.md:1:1: [F01] the +++ on line 1 is never closed; add a line with only +++ after the last key"
	const yaml = `content/a.md:1:1: [F02] folio reads the settings between +++ lines (TOML), not YAML between --- lines; change both --- lines to +++ and write keys as key = "value"`
	tests := []struct {
		name      string
		src       string
		fm        string
		hasFM     bool
		fmStart   int
		bodyStart int
		ok        bool
		diags     []string
	}{
		{
			name: "front matter and body",
			src:  "+++\ntitle = \"a\"\n+++\n正文\n",
			fm:   "title = \"a\"\n", hasFM: true, fmStart: 4, bodyStart: 20, ok: true,
		},
		{
			// a file pasted with an empty first line
			name: "blank lines before the first +++",
			src:  "\n \n+++\ntitle = \"a\"\n+++\n正文\n",
			fm:   "title = \"a\"\n", hasFM: true, fmStart: 7, bodyStart: 23, ok: true,
		},
		{
			name: "blank lines before text that is not front matter",
			src:  "\n正文\n",
			fm:   "", hasFM: false, fmStart: 0, bodyStart: 0, ok: true,
		},
		{
			name: "trailing spaces on the +++ lines",
			src:  "+++ \t\ntitle = \"a\"\n+++  \n正文\n",
			fm:   "title = \"a\"\n", hasFM: true, fmStart: 6, bodyStart: 24, ok: true,
		},
		{
			name: "nothing after the closing +++",
			src:  "+++\ntitle = \"a\"\n+++",
			fm:   "title = \"a\"\n", hasFM: true, fmStart: 4, bodyStart: 19, ok: true,
		},
		{
			name: "empty front matter",
			src:  "+++\n+++\n正文\n",
			fm:   "", hasFM: true, fmStart: 4, bodyStart: 8, ok: true,
		},
		{
			name: "+++ inside a value is not the end",
			src:  "+++\nsummary = \"\"\"\n+++ a\n\"\"\"\n+++\n",
			fm:   "summary = \"\"\"\n+++ a\n\"\"\"\n", hasFM: true, fmStart: 4, bodyStart: 32, ok: true,
		},
		{
			name:  "full-width +++ typed with a Chinese input method",
			src:   "＋＋＋\ntitle = \"a\"\n＋＋＋\n正文\n",
			diags: []string{fullWidth(1)},
		},
		{
			name:  "a full-width closing line",
			src:   "+++\ntitle = \"a\"\n＋+＋　\n正文\n",
			diags: []string{fullWidth(3)},
		},
		{
			name: "no front matter",
			src:  "# 标题\n\n正文\n",
			ok:   true,
		},
		{
			name: "a line of plus signs in a text without front matter",
			src:  "# 标题\n\n＋＋＋＋\n",
			ok:   true,
		},
		{
			name: "empty file",
			src:  "",
			ok:   true,
		},
		{
			name: "four pluses are not front matter",
			src:  "++++\ntitle = \"a\"\n",
			ok:   true,
		},
		{
			name:  "unclosed",
			src:   "+++\ntitle = \"a\"\n\n正文\n",
			diags: []string{unclosed},
		},
		{
			name:  "only the opening line",
			src:   "+++",
			diags: []string{unclosed},
		},
		{
			name:  "YAML",
			src:   "---\ntitle: a\n---\n正文\n",
			diags: []string{yaml},
		},
		{
			name:  "YAML with trailing space",
			src:   "--- \ntitle: a\n",
			diags: []string{yaml},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var l diag.List
			fm, fmStart, bodyStart, ok := splitFrontMatter("content/a.md", []byte(tt.src), &l)
			if string(fm) != tt.fm || (fm != nil) != tt.hasFM || fmStart != tt.fmStart || bodyStart != tt.bodyStart || ok != tt.ok {
				t.Errorf("splitFrontMatter = %q (nil %v), %d, %d, %v; want %q (nil %v), %d, %d, %v",
					fm, fm == nil, fmStart, bodyStart, ok, tt.fm, !tt.hasFM, tt.fmStart, tt.bodyStart, tt.ok)
			}
			var got []string
			for _, d := range l {
				got = append(got, d.String())
			}
			diagsEqual(t, got, tt.diags)
		})
	}
}

func TestNormalizeAndUTF8(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		raw   string
		diags []string
		body  string // the page's body, when it is read
	}{
		{
			name: "BOM",
			raw:  "\ufeff+++\ntitle = \"a\"\ndate = 2024-06-21\n+++\n正文\n",
			body: "正文\n",
		},
		{
			name: "CRLF",
			raw:  "+++\r\ntitle = \"a\"\r\ndate = 2024-06-21\r\n+++\r\n正文\r\n第二行\r\n",
			body: "正文\n第二行\n",
		},
		{
			name:  "BOM and CRLF: positions count lines as the editor shows them",
			raw:   "\ufeff+++\r\ntitle = \"a\"\r\ndate = 2024-06-21\r\ndraft = \"no\"\r\n+++\r\n正文\r\n",
			diags: []string{`content/news/a.md:4:1: [K07] draft must be true or false; it is "no"`},
		},
		{
			name:  "CRLF unknown key",
			raw:   "+++\r\ntitle = \"a\"\r\n\r\n  dat = 2024-06-21\r\n+++\r\n",
			diags: []string{`content/news/a.md:4:3: [K04] unknown key "dat" (did you mean "date"?)`},
		},
		{
			name:  "CRLF unclosed",
			raw:   "+++\r\ntitle = \"a\"\r\n",
			diags: []string{"content/news/a.md:1:1: [F01] the +++ on line 1 is never closed; add a line with only +++ after the last key"},
		},
		{
			name:  "GBK text",
			raw:   "+++\ntitle = \"a\"\ndate = 2024-06-21\n+++\n中文\xd6\xd0\xce\xc4\n",
			diags: []string{"content/news/a.md:5:3: [E01] the file is not valid UTF-8 text (it may be in GBK or another encoding, or not text at all); save it as UTF-8"},
		},
		{
			name:  "bad byte in front matter of a CRLF file",
			raw:   "+++\r\ntitle = \"技能\xff\"\r\n+++\r\n",
			diags: []string{"content/news/a.md:2:12: [E01] the file is not valid UTF-8 text (it may be in GBK or another encoding, or not text at all); save it as UTF-8"},
		},
		{
			name:  "first byte",
			raw:   "\xff\xfe+++\n",
			diags: []string{"content/news/a.md:1:1: [E01] the file is not valid UTF-8 text (it may be in GBK or another encoding, or not text at all); save it as UTF-8"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, diags := read(t, site("", map[string]string{"content/news/a.md": tt.raw}), Options{})
			diagsEqual(t, diags, tt.diags)
			if tt.body == "" {
				return
			}
			p := byFile(c)["content/news/a.md"]
			if p == nil {
				t.Fatalf("the page was not read")
			}
			if got := string(p.text.Body()); got != tt.body {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
			if strings.ContainsAny(string(p.text.Src), "\r\ufeff") {
				t.Errorf("Src keeps a CR or the BOM: %q", p.text.Src)
			}
			if p.Title() != "a" {
				t.Errorf("title = %q, want a", p.Title())
			}
		})
	}
}

const permalinks = `
[permalinks]
news = "/news/:year/:month/:slug/"
notices = "/:section/:year/:slug/"
`

func TestKindsAndURLs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		config string
		files  map[string]string
		want   map[string]string // file -> "kind section URL"
	}{
		{
			name:  "home",
			files: map[string]string{"content/_index.md": md(`title = "首页"`)},
			want:  map[string]string{"content/_index.md": "home  /"},
		},
		{
			name:  "home without front matter",
			files: map[string]string{"content/_index.md": "欢迎。\n"},
			want:  map[string]string{"content/_index.md": "home  /"},
		},
		{
			name:  "page",
			files: map[string]string{"content/about.md": md(`title = "关于"`)},
			want:  map[string]string{"content/about.md": "page  /about/"},
		},
		{
			name:  "page bundle named by its folder",
			files: map[string]string{"content/about/index.md": md(`title = "关于"`)},
			want:  map[string]string{"content/about/index.md": "page  /about/"},
		},
		{
			name: "section and post",
			files: map[string]string{
				"content/news/_index.md": md(`title = "新闻"`),
				"content/news/x.md":      md(`title = "x"`, "date = 2024-06-21"),
			},
			want: map[string]string{
				"content/news/_index.md": "section news /news/",
				"content/news/x.md":      "post news /news/x/",
			},
		},
		{
			name:  "post in a Chinese file name",
			files: map[string]string{"content/news/技能大赛.md": md(`title = "x"`, "date = 2024-06-21")},
			want:  map[string]string{"content/news/技能大赛.md": "post news /news/技能大赛/"},
		},
		{
			name:  "event",
			files: map[string]string{"content/events/x.md": md(`title = "x"`, "start = 2024-07-15")},
			want:  map[string]string{"content/events/x.md": "event events /events/x/"},
		},
		{
			name: "journal issue and article",
			files: map[string]string{
				"content/journal/2024/15/_index.md":  md(`title = "2024年第15期"`, "date = 2024-06-01", "number = 15"),
				"content/journal/2024/15/a.md":       md(`title = "论文"`),
				"content/journal/2024/15/b/index.md": md(`title = "论文二"`),
			},
			want: map[string]string{
				"content/journal/2024/15/_index.md":  "issue journal /journal/2024/15/",
				"content/journal/2024/15/a.md":       "article journal /journal/2024/15/a/",
				"content/journal/2024/15/b/index.md": "article journal /journal/2024/15/b/",
			},
		},
		{
			name:   "journal in another section",
			config: "[journal]\nsection = \"kan\"\n",
			files: map[string]string{
				"content/kan/2024/15/_index.md": md(`title = "第15期"`, "date = 2024-06-01", "number = 15"),
				"content/kan/2024/15/a.md":      md(`title = "论文"`),
				"content/journal/x.md":          md(`title = "x"`, "date = 2024-06-01"),
			},
			want: map[string]string{
				"content/kan/2024/15/_index.md": "issue kan /kan/2024/15/",
				"content/kan/2024/15/a.md":      "article kan /kan/2024/15/a/",
				"content/journal/x.md":          "post journal /journal/x/",
			},
		},
		{
			name: "taxonomy terms with the default taxonomies",
			files: map[string]string{
				"content/committees/_index.md":     md(`title = "专业委员会"`),
				"content/committees/cnc/_index.md": md(`title = "数控专业委员会"`),
				"content/tags/技能/_index.md":        md(`title = "技能"`),
				"content/news/2024/_index.md":      md(`title = "2024"`),
			},
			want: map[string]string{
				"content/committees/_index.md":     "section committees /committees/",
				"content/committees/cnc/_index.md": "term committees /committees/cnc/",
				"content/tags/技能/_index.md":        "term tags /tags/技能/",
				"content/news/2024/_index.md":      "section news /news/2024/",
			},
		},
		{
			name:   "terms of configured taxonomies only",
			config: "[taxonomies]\ntag = \"tags\"\n",
			files:  map[string]string{"content/committees/cnc/_index.md": md(`title = "数控"`)},
			want:   map[string]string{"content/committees/cnc/_index.md": "section committees /committees/cnc/"},
		},
		{
			name: "type overrides the place",
			files: map[string]string{
				"content/news/x.md":   md(`title = "x"`, `type = "page"`),
				"content/about.md":    md(`title = "关于"`, `type = "post"`, "date = 2024-06-21"),
				"content/news/e.md":   md(`title = "e"`, `type = "event"`, "start = 2024-07-15"),
				"content/events/p.md": md(`title = "p"`, `type = "page"`),
			},
			want: map[string]string{
				"content/news/x.md":   "page news /news/x/",
				"content/about.md":    "post  /about/",
				"content/news/e.md":   "event news /news/e/",
				"content/events/p.md": "page events /events/p/",
			},
		},
		{
			name:  "slug",
			files: map[string]string{"content/news/x.md": md(`title = "x"`, "date = 2024-06-21", `slug = "skills-fair"`)},
			want:  map[string]string{"content/news/x.md": "post news /news/skills-fair/"},
		},
		{
			name:  "slug of a top-level page",
			files: map[string]string{"content/about.md": md(`title = "关于"`, `slug = "us"`)},
			want:  map[string]string{"content/about.md": "page  /us/"},
		},
		{
			name:  "url",
			files: map[string]string{"content/news/x.md": md(`title = "x"`, "date = 2024-06-21", `url = "/about-us"`, `slug = "ignored"`)},
			want:  map[string]string{"content/news/x.md": "post news /about-us/"},
		},
		{
			name:  "url is cleaned",
			files: map[string]string{"content/about.md": md(`title = "关于"`, `url = "/a/b"`)},
			want:  map[string]string{"content/about.md": "page  /a/b/"},
		},
		{
			name:   "permalinks with :year :month :slug",
			config: permalinks,
			files: map[string]string{
				"content/news/x.md": md(`title = "x"`, "date = 2024-06-21T23:30:00"),
				"content/news/y.md": md(`title = "y"`, "date = 2024-06-30T20:00:00Z", `slug = "fair"`),
			},
			want: map[string]string{
				"content/news/x.md": "post news /news/2024/06/x/",
				// 20:00 UTC is 04:00 on 1 July in Shanghai.
				"content/news/y.md": "post news /news/2024/07/fair/",
			},
		},
		{
			name:   "permalinks with :section",
			config: permalinks,
			files:  map[string]string{"content/notices/plan.md": md(`title = "规划"`, "date = 2024-01-05")},
			want:   map[string]string{"content/notices/plan.md": "post notices /notices/2024/plan/"},
		},
		{
			name:   "permalinks name a bundle by its folder",
			config: permalinks,
			files:  map[string]string{"content/news/camp/index.md": md(`title = "夏令营"`, "date = 2024-06-21")},
			want:   map[string]string{"content/news/camp/index.md": "post news /news/2024/06/camp/"},
		},
		{
			name:   "url wins over permalinks",
			config: permalinks,
			files:  map[string]string{"content/news/x.md": md(`title = "x"`, "date = 2024-06-21", `url = "/special/"`)},
			want:   map[string]string{"content/news/x.md": "post news /special/"},
		},
		{
			name:   "permalinks do not apply to the section page",
			config: permalinks,
			files:  map[string]string{"content/news/_index.md": md(`title = "新闻"`)},
			want:   map[string]string{"content/news/_index.md": "section news /news/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, diags := read(t, site(tt.config, tt.files), Options{})
			diagsEqual(t, diags, nil)
			got := map[string]string{}
			for _, p := range c.Pages {
				if p.File != "" {
					got[p.File] = string(p.Kind) + " " + p.Section + " " + p.URL
				}
			}
			if !maps.Equal(got, tt.want) {
				t.Errorf("pages:\n%v\nwant:\n%v", got, tt.want)
			}
		})
	}
}

func TestPageDates(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/news/a.md": md(`title = "a"`, "date = 2024-06-21"),
		"content/news/b.md": md(`title = "b"`, "date = 2024-06-21T09:30:00", "lastmod = 2024-06-22T01:00:00Z"),
	}
	c, diags := read(t, site("", files), Options{})
	diagsEqual(t, diags, nil)
	pages := byFile(c)
	tests := []struct {
		file, date, lastmod string
	}{
		{"content/news/a.md", "2024-06-21T00:00:00+08:00", "2024-06-21T00:00:00+08:00"},
		{"content/news/b.md", "2024-06-21T09:30:00+08:00", "2024-06-22T09:00:00+08:00"},
	}
	for _, tt := range tests {
		p := pages[tt.file]
		if got := p.Date.Format(time.RFC3339); got != tt.date {
			t.Errorf("%s: Date = %s, want %s", tt.file, got, tt.date)
		}
		if got := p.Lastmod.Format(time.RFC3339); got != tt.lastmod {
			t.Errorf("%s: Lastmod = %s, want %s", tt.file, got, tt.lastmod)
		}
	}
}

func TestPageKeyPosAndBody(t *testing.T) {
	t.Parallel()
	src := "+++\ntitle = \"a\"\ndate = 2024-06-21\n\n[params]\ncolor = \"red\"\n+++\n# 标题\n"
	c, diags := read(t, site("", map[string]string{"content/news/a.md": src}), Options{})
	diagsEqual(t, diags, nil)
	var p *Page
	for _, q := range c.Pages {
		if q.File == "content/news/a.md" {
			p = q
		}
	}
	if got := string(p.text.Body()); got != "# 标题\n" {
		t.Errorf("Body = %q", got)
	}
	if p.text.BodyStart != strings.Index(src, "# 标题") {
		t.Errorf("BodyStart = %d, want %d", p.text.BodyStart, strings.Index(src, "# 标题"))
	}
	for key, want := range map[string]string{
		"title":        "content/news/a.md:2:1",
		"date":         "content/news/a.md:3:1",
		"params.color": "content/news/a.md:6:1",
		"slug":         "content/news/a.md:2:1",
	} {
		if got := KeyPos(p, key).String(); got != want {
			t.Errorf("KeyPos(%q) = %s, want %s", key, got, want)
		}
	}
	if got := KeyPos((&Page{File: "content/x.md"}), "title").String(); got != "content/x.md:1:1" {
		t.Errorf("KeyPos of a page without front matter positions = %s, want content/x.md:1:1", got)
	}
}

func TestReadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		config string
		files  map[string]string
		diags  []string
		pages  []string // files of the pages that are still read
	}{
		{
			name:  "journal article outside an issue folder",
			files: map[string]string{"content/journal/a.md": md(`title = "论文"`)},
			diags: []string{"content/journal/a.md:1:1: [F29] a journal article must be in an issue's folder, content/journal/<year>/<number>/, beside the issue's _index.md; move the file there"},
			pages: []string{"content/journal/a.md"},
		},
		{
			name: "journal article in a year folder",
			files: map[string]string{
				"content/journal/2024/_index.md": md(`title = "2024"`),
				"content/journal/2024/a.md":      md(`title = "论文"`),
			},
			diags: []string{"content/journal/2024/a.md:1:1: [F29] a journal article must be in an issue's folder, content/journal/<year>/<number>/, beside the issue's _index.md; move the file there"},
			pages: []string{"content/journal/2024/_index.md", "content/journal/2024/a.md"},
		},
		{
			// A line added just above the closing +++ lands in [params]:
			// draft = true there would publish a draft.
			name:  "folio's own keys under [params]",
			files: map[string]string{"content/a.md": md(`title = "a"`, "[params]", "sample = true", "Draft = true", `title = "b"`)},
			diags: []string{
				"content/a.md:5:1: [F35] Draft is below the [params] line, where it is extra data for the layouts: folio does not read it to decide whether or when the page is published; move the line above [params]",
				"content/a.md:6:1: warning [F36] title is below the [params] line, where it is extra data for the layouts: folio does not read it as the page's title; move the line above [params]",
			},
			pages: []string{"content/a.md"},
		},
		{
			name:  "url that leaves the site",
			files: map[string]string{"content/about.md": md(`title = "关于"`, `url = "../../x"`)},
			diags: []string{`content/about.md:3:1: [F14] url "../../x" must be a path from the site root, starting with /, like "/about/"`},
			pages: []string{"content/about.md"},
		},
		{
			name:  "url with .. parts",
			files: map[string]string{"content/about.md": md(`title = "关于"`, `  url = "/a/../../x/"`)},
			diags: []string{`content/about.md:3:3: [F14] url "/a/../../x/" must not contain . or .. parts: it would leave the site's folder; write a path from the site root like "/about/"`},
			pages: []string{"content/about.md"},
		},
		{
			name:  "url with a query",
			files: map[string]string{"content/about.md": md(`title = "关于"`, `url = "/a?b"`)},
			diags: []string{`content/about.md:3:1: [F14] url "/a?b" must be a plain path, without \ ? # or //`},
			pages: []string{"content/about.md"},
		},
		{
			name:  "slug with a slash",
			files: map[string]string{"content/news/x.md": md(`title = "x"`, "date = 2024-06-21", `slug = "2024/fair"`)},
			diags: []string{`content/news/x.md:4:1: [F15] slug "2024/fair" must be one part of a URL, without / \ ? # and not . or ..; write it like slug = "skills-fair"`},
			pages: []string{"content/news/x.md"},
		},
		{
			name:  "slug ..",
			files: map[string]string{"content/news/x.md": md(`title = "x"`, "date = 2024-06-21", `slug = ".."`)},
			diags: []string{`content/news/x.md:4:1: [F15] slug ".." must be one part of a URL, without / \ ? # and not . or ..; write it like slug = "skills-fair"`},
			pages: []string{"content/news/x.md"},
		},
		{
			name:  "bad alias",
			files: map[string]string{"content/a.md": md(`title = "a"`, `aliases = ["old/"]`)},
			diags: []string{`content/a.md:3:1: [F18] alias "old/" must be a path from the site root, starting with /, like "/about/"`},
			pages: []string{"content/a.md"},
		},
		{
			name:  "missing title",
			files: map[string]string{"content/about.md": md(`weight = 1`)},
			diags: []string{`content/about.md:2:1: [F04] the page has no title; add a line like title = "页面标题" between the +++ lines`},
			pages: []string{"content/about.md"},
		},
		{
			name:  "no front matter",
			files: map[string]string{"content/about.md": "正文\n", "content/news/empty.md": ""},
			diags: []string{
				`content/about.md:1:1: [F03] the file has no front matter; start it with a line +++, then title = "页面标题" (and date = 2024-06-21 for news and notices), then another line +++`,
				`content/news/empty.md:1:1: [F03] the file has no front matter; start it with a line +++, then title = "页面标题" (and date = 2024-06-21 for news and notices), then another line +++`,
			},
			pages: []string{"content/about.md", "content/news/empty.md"},
		},
		{
			name:  "values that make no sense",
			files: map[string]string{"content/events/e.md": md(`title = "活动"`, "start = 2024-07-15", "end = 2024-07-14", `status = "已取消"`, `tags = ["技能", ""]`)},
			diags: []string{
				`content/events/e.md:4:1: [F09] the event ends (end = 2024-07-14 00:00) before it starts (start = 2024-07-15 00:00); check the two dates`,
				`content/events/e.md:5:1: [F10] status "已取消" is not known; write status = "cancelled" (取消) or "postponed" (延期), or leave it out for a scheduled event`,
				`content/events/e.md:6:1: [F12] tags has an empty item; remove the "" from the list`,
			},
			pages: []string{"content/events/e.md"},
		},
		{
			name:  "a section page needs no title",
			files: map[string]string{"content/news/_index.md": "正文\n"},
			pages: []string{"content/news/_index.md"},
		},
		{
			name:  "missing date on a post",
			files: map[string]string{"content/news/x.md": md(`title = "x"`)},
			diags: []string{"content/news/x.md:2:1: [F05] a post (news, notice) needs a date; add a line like date = 2024-06-21"},
			pages: []string{"content/news/x.md"},
		},
		{
			name:  "missing start on an event",
			files: map[string]string{"content/events/x.md": md(`title = "x"`, `location = "广州"`)},
			diags: []string{"content/events/x.md:2:1: [F08] an event needs a start; add a line like start = 2024-07-15 or start = 2024-07-15T09:00:00"},
			pages: []string{"content/events/x.md"},
		},
		{
			name:  "unknown type",
			files: map[string]string{"content/news/x.md": md(`title = "x"`, "date = 2024-06-21", `type = "news"`)},
			diags: []string{`content/news/x.md:4:1: [F11] unknown type "news" (use "page", "post" or "event", or leave type out)`},
			pages: []string{"content/news/x.md"},
		},
		{
			name: "pages that cannot be read are left out, the others read",
			files: map[string]string{
				"content/a.md": "---\ntitle: a\n---\n",
				"content/b.md": "+++\ntitle = \"b\"\n",
				"content/c.md": md(`title = c`),
				"content/d.md": md(`title = "d"`),
			},
			diags: []string{
				`content/a.md:1:1: [F02] folio reads the settings between +++ lines (TOML), not YAML between --- lines; change both --- lines to +++ and write keys as key = "value"`,
				"content/b.md:1:1: [F01] the +++ on line 1 is never closed; add a line with only +++ after the last key",
				`content/c.md:2:9: [K01] text is written in quotes: title = "c"`,
			},
			pages: []string{"content/d.md"},
		},
		{
			// Missing keys are not reported when the front matter has
			// errors: the key may be there, misspelt.
			name: "every error of every file",
			files: map[string]string{
				"content/news/x.md": md(`titel = "x"`),
				"content/news/y.md": md(`title = "y"`, `draft = "no"`, "date = 2024-06-21"),
			},
			diags: []string{
				`content/news/x.md:2:1: [K04] unknown key "titel" (did you mean "title"?)`,
				`content/news/y.md:3:1: [K07] draft must be true or false; it is "no"`,
			},
			pages: []string{"content/news/x.md", "content/news/y.md"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, diags := read(t, site(tt.config, tt.files), Options{})
			diagsEqual(t, diags, tt.diags)
			if pages := names(c); !slices.Equal(pages, tt.pages) {
				t.Errorf("pages = %q, want %q", pages, tt.pages)
			}
		})
	}
}

func TestIssueNeedsADate(t *testing.T) {
	t.Parallel()
	_, diags := read(t, site("", map[string]string{"content/journal/2024/15/_index.md": md(`title = "第15期"`, "number = 15")}), Options{})
	diagsEqual(t, diags, []string{"content/journal/2024/15/_index.md:2:1: [F06] an issue needs a date; add a line like date = 2024-06-21 to its _index.md"})
}

func TestLeftOut(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/news/draft.md":     md(`title = "草稿"`, "date = 2024-06-21", "draft = true"),
		"content/news/future.md":    md(`title = "预告"`, "date = 2024-08-01"),
		"content/news/later.md":     md(`title = "稍后"`, "date = 2024-06-01", "publishDate = 2024-07-01T12:30:00"),
		"content/news/published.md": md(`title = "已发布"`, "date = 2024-08-01", "publishDate = 2024-07-01T12:00:00"),
		"content/news/expired.md":   md(`title = "过期"`, "date = 2024-06-01", "expiryDate = 2024-06-30"),
		"content/news/expires.md":   md(`title = "将过期"`, "date = 2024-06-01", "expiryDate = 2024-07-01T12:00:01+08:00"),
		"content/news/now.md":       md(`title = "此刻"`, "date = 2024-07-01T12:00:00"),
		"content/about.md":          md(`title = "关于"`),
	}
	const (
		draft   = "it is a draft (draft = true; build with --drafts to include it)"
		future  = "it is to be published on 2024-08-01 00:00 (build with --future to include it)"
		later   = "it is to be published on 2024-07-01 12:30 (build with --future to include it)"
		expired = "it expired on 2024-06-30 00:00 (expiryDate)"
	)
	tests := []struct {
		name  string
		opts  Options
		pages []string
		left  map[string]string
	}{
		{
			name:  "default",
			pages: []string{"content/about.md", "content/news/expires.md", "content/news/now.md", "content/news/published.md"},
			left: map[string]string{
				"content/news/draft.md":   draft,
				"content/news/future.md":  future,
				"content/news/later.md":   later,
				"content/news/expired.md": expired,
			},
		},
		{
			name:  "drafts",
			opts:  Options{Drafts: true},
			pages: []string{"content/about.md", "content/news/draft.md", "content/news/expires.md", "content/news/now.md", "content/news/published.md"},
			left: map[string]string{
				"content/news/future.md":  future,
				"content/news/later.md":   later,
				"content/news/expired.md": expired,
			},
		},
		{
			name:  "future",
			opts:  Options{Future: true},
			pages: []string{"content/about.md", "content/news/expires.md", "content/news/future.md", "content/news/later.md", "content/news/now.md", "content/news/published.md"},
			left: map[string]string{
				"content/news/draft.md":   draft,
				"content/news/expired.md": expired,
			},
		},
		{
			name:  "drafts and future never bring back an expired page",
			opts:  Options{Drafts: true, Future: true},
			pages: []string{"content/about.md", "content/news/draft.md", "content/news/expires.md", "content/news/future.md", "content/news/later.md", "content/news/now.md", "content/news/published.md"},
			left:  map[string]string{"content/news/expired.md": expired},
		},
		{
			name:  "a second later",
			opts:  Options{Now: now(t).Add(time.Second)},
			pages: []string{"content/about.md", "content/news/now.md", "content/news/published.md"},
			left: map[string]string{
				"content/news/draft.md":   draft,
				"content/news/future.md":  future,
				"content/news/later.md":   later,
				"content/news/expired.md": expired,
				"content/news/expires.md": "it expired on 2024-07-01 12:00 (expiryDate)",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, diags := read(t, site("", files), tt.opts)
			diagsEqual(t, diags, nil)
			if pages := names(c); !slices.Equal(pages, tt.pages) {
				t.Errorf("pages = %q\nwant %q", pages, tt.pages)
			}
			left := map[string]string{}
			for f, why := range c.Left {
				left[f] = why.Text(diag.English)
			}
			if !maps.Equal(left, tt.left) {
				t.Errorf("left = %q\nwant %q", left, tt.left)
			}
		})
	}
}

// TestLeftOutNowInUTC: a date written without a zone is in the site's time
// zone (DESIGN.md), whatever zone the caller's Now is in.
func TestLeftOutNowInUTC(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/news/a.md": md(`title = "a"`, "date = 2024-06-01", "publishDate = 2024-07-01T11:00:00"),
	}
	c, _ := read(t, site("", files), Options{Now: time.Date(2024, 7, 1, 4, 0, 0, 0, time.UTC)})
	if got := names(c); !slices.Equal(got, []string{"content/news/a.md"}) {
		t.Errorf("pages = %q, want content/news/a.md; left: %q", got, c.Left)
	}
}

// TestMissingSections: a top-level folder with pages but no _index.md gets
// a section page of its own, titled with the folder's name.
func TestMissingSections(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/news/a.md":                 md(`title = "a"`, "date = 2024-06-21"),
		"content/news/b.md":                 md(`title = "b"`, "date = 2024-06-22"),
		"content/news/a.png":                "png",
		"content/notices/_index.md":         md(`title = "通知公告"`),
		"content/notices/x.md":              md(`title = "x"`, "date = 2024-06-21"),
		"content/journal/2024/15/_index.md": md(`title = "第15期"`, "date = 2024-06-01", "number = 15"),
		"content/about.md":                  md(`title = "关于"`),
	}
	c, diags := read(t, site("", files), Options{})
	diagsEqual(t, diags, nil)
	var got []string
	for _, p := range c.Pages {
		if p.File == "" {
			got = append(got, p.Dir+" "+string(p.Kind)+" "+p.Section+" "+p.URL+" "+p.Title()+" "+strings.Join(p.Resources, ","))
		}
	}
	want := []string{"journal section journal /journal/ journal ", "news section news /news/ news content/news/a.png"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("made sections:\n%q\nwant:\n%q", got, want)
	}
}

// TestMissingSectionURLTaken: when a page takes the URL a made section page
// would have, the page wins and no section page is made.
func TestMissingSectionURLTaken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
	}{
		{"a page beside the folder", map[string]string{
			"content/news.md":   md(`title = "新闻"`),
			"content/news/a.md": md(`title = "a"`, "date = 2024-06-21"),
		}},
		{"an alias", map[string]string{
			"content/about.md":  md(`title = "关于"`, `aliases = ["/news/"]`),
			"content/news/a.md": md(`title = "a"`, "date = 2024-06-21"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, diags := read(t, site("", tt.files), Options{})
			if len(diags) != 0 {
				t.Errorf("diagnostics = %q, want none", diags)
			}
			for _, p := range c.Pages {
				if p.File == "" {
					t.Errorf("a section page was made for %s, whose URL a page takes", p.URL)
				}
			}
		})
	}
}

func TestResources(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/news/_index.md":            md(`title = "新闻"`),
		"content/news/banner.png":           "png",
		"content/news/camp/index.md":        md(`title = "夏令营"`, "date = 2024-06-21"),
		"content/news/camp/photo.jpg":       "jpg",
		"content/news/camp/docs/plan.pdf":   "pdf",
		"content/news/camp/.DS_Store":       "mac",
		"content/news/camp/photo.jpg~":      "backup",
		"content/news/camp/.git/config":     "hidden folder",
		"content/news/.notes.md":            "not a page",
		"content/news/x.md":                 md(`title = "x"`, "date = 2024-06-20"),
		"content/news/x.png":                "png of the section",
		"content/news/draft/index.md":       md(`title = "草稿"`, "date = 2024-06-21", "draft = true"),
		"content/news/draft/secret.png":     "left out with its page",
		"content/files/会议通知.pdf":            "pdf",
		"content/robots-extra.txt":          "txt",
		"content/about.md":                  md(`title = "关于"`),
		"content/about.png":                 "png beside a page that is not a bundle",
		"content/journal/2024/15/_index.md": md(`title = "第15期"`, "date = 2024-06-01", "number = 15"),
		"content/journal/2024/15/cover.jpg": "jpg",
	}
	c, diags := read(t, site(permalinks, files), Options{})
	diagsEqual(t, diags, nil)
	pages := byFile(c)

	wantResources := map[string][]string{
		"content/news/_index.md":            {"content/news/banner.png", "content/news/x.png"},
		"content/news/camp/index.md":        {"content/news/camp/docs/plan.pdf", "content/news/camp/photo.jpg"},
		"content/journal/2024/15/_index.md": {"content/journal/2024/15/cover.jpg"},
	}
	gotResources := map[string][]string{}
	for _, p := range c.Pages {
		if len(p.Resources) > 0 {
			gotResources[p.File] = p.Resources
		}
	}
	if !reflect.DeepEqual(gotResources, wantResources) {
		t.Errorf("resources:\n%q\nwant:\n%q", gotResources, wantResources)
	}

	wantFiles := map[string]string{
		"content/files/会议通知.pdf":   "files/会议通知.pdf",
		"content/robots-extra.txt": "robots-extra.txt",
		"content/about.png":        "about.png",
	}
	if !maps.Equal(c.Files, wantFiles) {
		t.Errorf("files:\n%q\nwant:\n%q", c.Files, wantFiles)
	}

	paths := []struct {
		page, file, want string
	}{
		{"content/news/camp/index.md", "content/news/camp/photo.jpg", "news/2024/06/camp/photo.jpg"},
		{"content/news/camp/index.md", "content/news/camp/docs/plan.pdf", "news/2024/06/camp/docs/plan.pdf"},
		{"content/news/_index.md", "content/news/banner.png", "news/banner.png"},
		{"content/journal/2024/15/_index.md", "content/journal/2024/15/cover.jpg", "journal/2024/15/cover.jpg"},
	}
	for _, tt := range paths {
		p := pages[tt.page]
		if p == nil {
			t.Fatalf("no page %s", tt.page)
		}
		if got := p.ResourcePath(tt.file); got != tt.want {
			t.Errorf("%s: ResourcePath(%s) = %s, want %s", tt.page, tt.file, got, tt.want)
		}
	}
	for _, p := range c.Pages {
		if p.File == "content/news/.notes.md" {
			t.Errorf("a dotfile was read as a page")
		}
	}
}

func TestResourcesOfTheHomePage(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/_index.md":       md(`title = "首页"`),
		"content/images/logo.png": "png",
		"content/about.md":        md(`title = "关于"`, `url = "/us/"`),
	}
	c, diags := read(t, site("", files), Options{})
	diagsEqual(t, diags, nil)
	home := byFile(c)["content/_index.md"]
	if !slices.Equal(home.Resources, []string{"content/images/logo.png"}) || len(c.Files) != 0 {
		t.Fatalf("home resources = %q, files = %q", home.Resources, c.Files)
	}
	if got := home.ResourcePath("content/images/logo.png"); got != "images/logo.png" {
		t.Errorf("ResourcePath = %s, want images/logo.png", got)
	}
}

func TestAliases(t *testing.T) {
	t.Parallel()
	p := &Page{FM: FrontMatter{Aliases: []string{"/z", "/a/b/", "bad", "/../x/"}}}
	if got, want := p.Aliases(), []string{"/a/b/", "/z/"}; !slices.Equal(got, want) {
		t.Errorf("Aliases = %q, want %q", got, want)
	}
}

func TestCleanURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/", "/", true},
		{"/about", "/about/", true},
		{"/about/", "/about/", true},
		{"/a/./b", "", false},
		{"/新闻/", "/新闻/", true},
		{"about/", "", false},
		{"../../x", "", false},
		{"/a/../b/", "", false},
		{"/a//b/", "", false},
		{`/a\b/`, "", false},
		{"/a#b", "", false},
		{"/a?b=1", "", false},
		{"https://example.org/", "", false},
	}
	for _, tt := range tests {
		got, err := cleanURL(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("cleanURL(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestReadWorkers checks that the diagnostics and pages do not depend on the
// number of workers.
func TestReadWorkers(t *testing.T) {
	t.Parallel()
	files := map[string]string{}
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		files["content/news/"+name+".md"] = md(`titel = "`+name+`"`, "date = 2024-06-21")
	}
	c1, d1 := read(t, site("", files), Options{Workers: 1})
	c8, d8 := read(t, site("", files), Options{Workers: 8})
	if !slices.Equal(d1, d8) || len(d1) != 8 {
		t.Errorf("diagnostics with 1 and 8 workers differ or are not 8:\n%s\n--\n%s", strings.Join(d1, "\n"), strings.Join(d8, "\n"))
	}
	if p1, p8 := names(c1), names(c8); !slices.Equal(p1, p8) || len(p1) != 8 {
		t.Errorf("pages with 1 and 8 workers:\n%q\n%q", p1, p8)
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"a\"\n+++\n正文\n",
		"+++ \t\ntitle = \"a\"\n+++  \n正文\n",
		"+++\ntitle = \"a\"\n+++",
		"+++\n+++\n",
		"+++\nsummary = \"\"\"\n+++ a\n\"\"\"\n+++\n",
		"# 标题\n\n正文\n",
		"",
		"++++\n",
		"+++\ntitle = \"a\"\n",
		"+++",
		"---\ntitle: a\n---\n",
		"\ufeff+++\r\ntitle = \"a\"\r\n+++\r\n",
		"+++\ntitle = \"中文\xd6\xd0\"\n+++\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		src := normalize(raw)
		var l diag.List
		fm, fmStart, bodyStart, ok := splitFrontMatter("content/a.md", src, &l)
		if !ok {
			if len(l) != 1 || l[0].Pos.Line != 1 || l[0].Pos.Col != 1 || fm != nil {
				t.Fatalf("failed split: fm %q, diagnostics %v; want one error at 1:1", fm, l)
			}
			return
		}
		if len(l) != 0 {
			t.Fatalf("ok, but diagnostics %v", l)
		}
		if fm == nil {
			if fmStart != 0 || bodyStart != 0 {
				t.Fatalf("no front matter, but fmStart %d, bodyStart %d", fmStart, bodyStart)
			}
			return
		}
		end := fmStart + len(fm)
		if fmStart < 0 || end > bodyStart || bodyStart > len(src) {
			t.Fatalf("fmStart %d, end %d, bodyStart %d, len %d", fmStart, end, bodyStart, len(src))
		}
		if string(src[fmStart:end]) != string(fm) {
			t.Fatalf("fm %q is not src[%d:%d] = %q", fm, fmStart, end, src[fmStart:end])
		}
		if !strings.HasPrefix(strings.TrimRight(string(src[end:bodyStart]), " \t\n"), "+++") {
			t.Fatalf("front matter does not end at a +++ line: %q", src[end:bodyStart])
		}
		// The whole file parses the same way: parse must not panic either.
		parse("content/a.md", raw, new(schema.Decoder), &l)
	})
}

// FuzzCleanURL: whatever an editor writes as url, the result is a path
// inside the site, or an error.
func FuzzCleanURL(f *testing.F) {
	for _, s := range []string{"/about/", "../../x", "/a/../../b", "/old/page.html", "//evil", `/a\b`, "/%2e%2e/", "/新闻/", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		got, err := cleanURL(u)
		if err != nil {
			return
		}
		if !strings.HasPrefix(got, "/") || strings.Contains(got, "/../") || strings.HasSuffix(got, "/..") || strings.Contains(got, "\\") || strings.HasPrefix(got, "//") {
			t.Fatalf("cleanURL(%q) = %q, which may leave the site", u, got)
		}
		if again, err := cleanURL(got); err != nil || again != got {
			t.Fatalf("cleanURL is not stable: %q -> %q -> %q (%v)", u, got, again, err)
		}
	})
}

// indexControl finds what decoding every character would find.
func TestIndexControl(t *testing.T) {
	bad := func(r rune) bool {
		return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
	}
	inputs := []string{"", "中文\t\r\n", "a\x00", "标题\x1f", "\uFFFE", "x\uFFFF", "\uFFFD", "\xEF\xBF", "\xEF\xBF\xBE", "\xEF\xBE\xBF", "\x7f"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = []byte{0, 0x1f, '\t', 'a', 0xEF, 0xBF, 0xBE, 0xE4, 0xB8, 0xAD}[rng.IntN(10)]
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		if got, want := indexControl([]byte(in)), bytes.IndexFunc([]byte(in), bad); got != want {
			t.Errorf("indexControl(%q) = %d, want %d", in, got, want)
		}
	}
}

// ReadLater holds no file's text between Read and the conversion: Text
// reads it again, the same as it was read first (a BOM, CRLF and a control
// character cleaned alike); a file changed in between is an error at the
// file, and its text is not used.
func TestReadLater(t *testing.T) {
	t.Parallel()
	fsys := site("title = \"t\"\n", map[string]string{
		"content/_index.md":  "+++\ntitle = \"首页\"\n+++\n欢迎。\n",
		"content/news/a.md":  "\xef\xbb\xbf+++\r\ntitle = \"甲\"\r\n+++\r\n正文\x07甲。\r\n",
		"content/news/b.md":  "+++\ntitle = \"乙\"\n+++\n正文乙。\n",
		"content/news/c.md":  "---\ntitle: 丙\n---\n",
		"content/notices.md": "正文，没有开头设置。\n",
	})
	held, _ := read(t, fsys, Options{})
	later, _ := read(t, fsys, Options{ReadLater: true})
	if len(held.Pages) != len(later.Pages) || len(later.Pages) < 5 {
		t.Fatalf("%d pages read, %d read later", len(held.Pages), len(later.Pages))
	}
	for i, p := range later.Pages {
		if p.text.Src != nil && p.File != "" {
			t.Errorf("%s: its text is held after Read", p.File)
		}
		var l diag.List
		got, want := later.Text(p, &l), held.Text(held.Pages[i], &l)
		if string(got.Src) != string(want.Src) || got.BodyStart != want.BodyStart || len(l) > 0 {
			t.Errorf("%s read again: %q at %d, want %q at %d (%v)", p.File, got.Src, got.BodyStart, want.Src, want.BodyStart, l)
		}
	}

	fsys["content/news/b.md"].Data = []byte("+++\ntitle = \"乙\"\n+++\n改过的正文。\n")
	var l diag.List
	for _, p := range later.Pages {
		if p.File == "content/news/b.md" {
			if got := later.Text(p, &l); len(got.Src) != 0 {
				t.Errorf("a changed file's text is used: %q", got.Src)
			}
		}
	}
	if len(l) != 1 || l[0].Code != diag.FileChanged || l[0].Pos.File != "content/news/b.md" || l[0].Severity != diag.Error {
		t.Errorf("a file changed after Read: %v, want one R13 error at content/news/b.md", l)
	}
}

// An article follows its issue (issue 21): a published issue with an
// article its own draft line or date keeps out is warned of at that line,
// in every build, since folio build leaves the article out; an article
// brought in only with its issue says so in its state (issueDraft,
// issueFuture), for the banner that names the issue's file.
func TestArticlesLeftOutOfIssue(t *testing.T) {
	t.Parallel()
	issue := func(lines ...string) string {
		return md(append([]string{`title = "第3期"`, "date = 2024-06-01", "number = 3"}, lines...)...)
	}
	const (
		draftWarn  = "content/journal/2024/3/draft.md:4:1: warning [S10] this article is a draft (draft = true), but its issue content/journal/2024/3/_index.md is published: folio build leaves the article out, and the published issue's contents do not list it; delete this line to publish it with the issue"
		futureWarn = "content/journal/2024/3/later.md:4:1: warning [S11] this article is to be published on 2024-08-01 00:00, but its issue content/journal/2024/3/_index.md is published: until then folio build leaves the article out, and the published issue's contents do not list it; delete this line, or make the date earlier, to publish it with the issue"
	)
	articles := map[string]string{
		"content/journal/2024/3/a.md":     md(`title = "甲"`),
		"content/journal/2024/3/draft.md": md(`title = "乙"`, `column = ""`, "draft = true"),
		"content/journal/2024/3/later.md": md(`title = "丙"`, `column = ""`, "date = 2024-08-01"),
	}
	tests := []struct {
		name   string
		issue  string
		opts   Options
		diags  []string
		states map[string]string // file -> Unpublished of the pages in the build
	}{
		{name: "a published issue", issue: issue(), diags: []string{draftWarn, futureWarn},
			states: map[string]string{"content/journal/2024/3/_index.md": "", "content/journal/2024/3/a.md": ""}},
		{name: "a published issue in a preview", issue: issue(), opts: Options{Drafts: true, Future: true}, diags: []string{draftWarn, futureWarn},
			states: map[string]string{"content/journal/2024/3/_index.md": "", "content/journal/2024/3/a.md": "", "content/journal/2024/3/draft.md": "draft", "content/journal/2024/3/later.md": "future"}},
		{name: "a draft issue takes its articles with it", issue: issue("draft = true"), states: map[string]string{}},
		{name: "a draft issue in a preview", issue: issue("draft = true"), opts: Options{Drafts: true, Future: true},
			states: map[string]string{"content/journal/2024/3/_index.md": "draft", "content/journal/2024/3/a.md": "issueDraft", "content/journal/2024/3/draft.md": "draft", "content/journal/2024/3/later.md": "future"}},
		{name: "a future issue in a preview", issue: md(`title = "第3期"`, "date = 2024-09-01", "number = 3"), opts: Options{Future: true},
			states: map[string]string{"content/journal/2024/3/_index.md": "future", "content/journal/2024/3/a.md": "issueFuture", "content/journal/2024/3/later.md": "future"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := maps.Clone(articles)
			files["content/journal/2024/3/_index.md"] = tt.issue
			c, diags := read(t, site("", files), tt.opts)
			diagsEqual(t, diags, tt.diags)
			states := map[string]string{}
			for _, p := range c.Pages {
				if strings.HasPrefix(p.File, "content/journal/2024/3/") {
					states[p.File] = p.Unpublished
				}
			}
			if !maps.Equal(states, tt.states) {
				t.Errorf("states = %q\nwant %q", states, tt.states)
			}
		})
	}
}

// A page without a title stops the build only if the build publishes it:
// a draft's (folio new "" made them) is a warning, so that CI publishes
// the rest of the site, and an error once it is published.
func TestNoTitleLeftOut(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/news/draft.md":  md(`title = ""`, "date = 2024-06-01", "draft = true"),
		"content/news/future.md": md("date = 2024-08-01"),
	}
	_, diags := read(t, site("", files), Options{})
	diagsEqual(t, diags, []string{
		`content/news/draft.md:2:1: warning [F33] the page has no title; it is not published in this build (a draft, or dated later), so the site still builds, but before publishing it add a line like title = "页面标题" between the +++ lines`,
		`content/news/future.md:2:1: warning [F33] the page has no title; it is not published in this build (a draft, or dated later), so the site still builds, but before publishing it add a line like title = "页面标题" between the +++ lines`,
	})
	_, diags = read(t, site("", files), Options{Drafts: true, Future: true})
	diagsEqual(t, diags, []string{
		`content/news/draft.md:2:1: [F04] the page has no title; add a line like title = "页面标题" between the +++ lines`,
		`content/news/future.md:2:1: [F04] the page has no title; add a line like title = "页面标题" between the +++ lines`,
	})
}

// A date to come that is likely a slip is warned of: an event published
// only on its own day (date set to the day that start says), a year
// mistyped. An event announced ahead, or a page dated next month, is not.
func TestLateDate(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/events/on-the-day.md": md(`title = "培训"`, "date = 2024-07-05", "start = 2024-07-05T09:00:00"),
		"content/events/after.md":      md(`title = "竞赛"`, "publishDate = 2024-07-06", "date = 2024-06-01", "start = 2024-07-05T09:00:00"),
		"content/events/ahead.md":      md(`title = "大会"`, "date = 2024-06-25", "start = 2024-07-05T09:00:00"),
		"content/news/mistyped.md":     md(`title = "年会"`, "date = 2207-01-05"),
		"content/news/next-month.md":   md(`title = "通知"`, "date = 2024-07-20"),
	}
	_, diags := read(t, site("", files), Options{Now: time.Date(2024, 6, 20, 12, 0, 0, 0, time.UTC)})
	diagsEqual(t, diags, []string{
		"content/events/after.md:3:1: warning [S16] publishDate = 2024-07-06 00:00 is on or after the event's day (start = 2024-07-05 09:00): publishDate is when the event is published on the site, and readers do not see it before then; write today's date, and the event's time only in start",
		"content/events/on-the-day.md:3:1: warning [S16] date = 2024-07-05 00:00 is on or after the event's day (start = 2024-07-05 09:00): date is when the event is published on the site, and readers do not see it before then; write today's date, and the event's time only in start",
		"content/news/mistyped.md:3:1: warning [S17] date = 2207-01-05 00:00 is more than five years ahead, and the page is published only then: is the year mistyped?",
	})
}

// What folio new leaves to be filled in is an error on a page to be
// published, and nothing on a draft, which is being written.
func TestUnfinished(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"content/notices/a.md":             md(`title = "通知"`, "date = 2024-06-01") + "（在这里写通知正文。写好后删除上面的 draft = true 一行，通知才会发布。）\n",
		"content/notices/b.md":             md(`title = "草稿"`, "date = 2024-06-01", "draft = true") + "（在这里写通知正文。）\n",
		"content/notices/c.md":             md(`title = "引用"`, "date = 2024-06-01") + "他说：“（在这里写”不是提示。\n",
		"content/journal/2024/1/_index.md": md(`title = "第1期"`, "date = 2024-06-01", "number = 1", `columns = ["论文"]`),
		"content/journal/2024/1/x.md":      md(`title = "论文"`, `column = "论文"`, `authors = [{name = "张三"}, {name = "", affiliation = ""}]`),
	}
	_, diags := read(t, site("", files), Options{})
	diagsEqual(t, diags, []string{
		"content/journal/2024/1/x.md:4:1: [F38] author 2 has an empty name (the article's citation would start with a full stop); write the author's name, or remove the item",
		"content/notices/a.md:6:1: [F37] the text still has folio new's prompt （在这里写…: write the text over it before publishing, or add a line draft = true between the +++ lines to keep the page back until it is written",
	})
}
