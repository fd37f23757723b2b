package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// folio new, as an editor runs it, on a site of its own for each case: the
// file it makes (a bundle for news and notices), the name it gives
// Chinese, mixed and Latin titles, what it prints, and the next issue's
// number, total and columns. In the table, {Y} is this year, {P} the last.
func TestNew(t *testing.T) {
	t.Parallel()
	now := time.Now()
	y, p, mm := now.Format("2006"), now.AddDate(-1, 0, 0).Format("2006"), now.Format("01")
	issue := func(title string, number, total int, columns string) string {
		s := fmt.Sprintf("+++\ntitle = %q\ndate = %s-01-01\nnumber = %d\n", title, now.Format("2006"), number)
		if total > 0 {
			s += fmt.Sprintf("total = %d\n", total)
		}
		return s + "columns = " + columns + "\n+++\n"
	}
	tests := []struct {
		name  string
		files map[string]string // besides config.toml and the theme's archetypes
		args  []string
		code  int
		file  string   // the file made, relative to the site
		out   []string // in what it prints
		has   []string // in the file made
		hasnt []string // in what it prints
		lacks []string // in the file made
	}{
		{name: "news in Chinese is a bundle named in pinyin", args: []string{"news", "关于举办2026年技工院校师资培训班的通知"},
			file: "content/news/{Y}/ju-ban-2026-ji-gong/index.md",
			out:  []string{"content/news/{Y}/ju-ban-2026-ji-gong/index.md\n", "预览：http://127.0.0.1:1313/news/{Y}/{MM}/ju-ban-2026-ji-gong/", "folio serve 的预览里能看到它（带“草稿”标记）", "照片和附件：放在"},
			has:  []string{`title = "关于举办2026年技工院校师资培训班的通知"`, "draft = true"}},
		{name: "--lang en", args: []string{"news", "Skills Fair", "--lang", "en"},
			file: "content/news/{Y}/skills-fair/index.md",
			out:  []string{"preview: http://127.0.0.1:1313/news/{Y}/{MM}/skills-fair/", "draft: folio serve shows it with a 草稿 banner", "photos and attachments: put them in"}},
		{name: "notice, mixed title", args: []string{"notice", "关于 Summer Camp 的通知"},
			file: "content/notices/{Y}/summer-camp-tong-zhi/index.md", out: []string{"/notices/{Y}/summer-camp-tong-zhi/"}, has: []string{"各会员单位"}},
		{name: "Latin title, a few words", args: []string{"news", "Skills Fair: Day One, Two & Three!"},
			file: "content/news/{Y}/skills-fair-day-one-two/index.md"},
		{name: "one long word is cut", args: []string{"news", strings.Repeat("abcdefghij", 6)},
			file: "content/news/{Y}/" + strings.Repeat("abcdefghij", 4) + "/index.md"},
		{name: "full-width letters are Latin", args: []string{"event", "ＣＮＣ大赛"},
			file: "content/events/cnc-da-sai.md", out: []string{"预览：http://127.0.0.1:1313/events/cnc-da-sai/"}, hasnt: []string{"照片"}},
		{name: "a year-like title is not a bare number", args: []string{"event", "2027"},
			file: "content/events/event-2027.md", out: []string{"/events/event-2027/"}},
		{name: "a name folio uses gets the kind", args: []string{"news", "Page"}, file: "content/news/{Y}/news-page/index.md"},
		{name: "unique in its folder, bundle or file", args: []string{"news", "举办"},
			files: map[string]string{"content/news/{Y}/ju-ban/index.md": "+++\ntitle = \"a\"\ndate = 2026-01-01\n+++\n", "content/news/{Y}/ju-ban-2.md": "+++\ntitle = \"b\"\ndate = 2026-01-01\n+++\n"},
			file:  "content/news/{Y}/ju-ban-3/index.md"},
		{name: "--section", args: []string{"notice", "Skills Fair 2027 通知", "--section", "news"},
			files: map[string]string{"content/news/_index.md": "+++\ntitle = \"新闻\"\n+++\n"},
			file:  "content/news/{Y}/skills-fair-2027-tong-zhi/index.md"},
		{name: "--section a folder inside a section", args: []string{"notice", "政策", "--section", "news/policy"},
			files: map[string]string{"content/news/policy/old.md": "+++\ntitle = \"旧\"\ndate = 2026-01-01\n+++\n"},
			file:  "content/news/policy/{Y}/zheng-ce/index.md"},
		{name: "--section that is not there is refused, with the nearest", args: []string{"notice", "测试", "--section", "notice"},
			files: map[string]string{"content/notices/_index.md": "+++\ntitle = \"通知\"\n+++\n", "content/news/a.md": "+++\ntitle = \"a\"\ndate = 2026-01-01\n+++\n", "content/journal/{Y}/1/_index.md": issue("第1期", 1, 0, `["x"]`)},
			code:  2, out: []string{`folio new: [U27] 没有 content/notice 这个栏目（是不是想写 "notices"？）：--section 请写已有的栏目：news、notices；要开一个新栏目，先在 content/ 里建好这个文件夹`}},
		{name: "--section that is not there, --lang en", args: []string{"news", "x", "--section", "nwes", "--lang", "en"},
			files: map[string]string{"content/news/a.md": "+++\ntitle = \"a\"\ndate = 2026-01-01\n+++\n"},
			code:  2, out: []string{`folio new: [U27] there is no section content/nwes (did you mean "news"?); give --section an existing one: news; for a new section, make its folder in content/ first`}},
		{name: "--section on a site with no sections yet", args: []string{"notice", "测试", "--section", "notice"},
			code: 2, out: []string{"[U28] 没有 content/notice 这个栏目，content/ 里也还没有别的栏目：不写 --section"}},
		{name: "--section for an event", args: []string{"event", "测试", "--section", "news"},
			code: 2, out: []string{"folio new: [U29] --section 只用于 notice 和 news：event 放在 config.toml 指定的栏目里，不用写 --section"}},
		{name: "no title, its code", args: []string{"notice"},
			code: 2, out: []string{"folio new: [U"}},
		{name: "an empty title is refused", args: []string{"notice", ""}, code: 2,
			out: []string{`folio new: [U26] 标题是空的：请在类型后面写上标题，例如 folio new notice "关于举办技能竞赛的通知"`}},
		{name: "a blank title is refused", args: []string{"article", " 　 "}, code: 2,
			files: map[string]string{"content/journal/{Y}/3/_index.md": issue("第3期", 3, 303, `["卷首语"]`)},
			out:   []string{"[U26] 标题是空的"}},
		{name: "a blank title is refused, --lang en", args: []string{"event", "  ", "--lang", "en"}, code: 2,
			out: []string{`folio new: [U26] the title is empty; write it after the kind, for example folio new event "关于举办技能竞赛的通知"`}},
		{name: "a title's spaces are trimmed", args: []string{"news", "  技能大赛  "},
			file: "content/news/{Y}/ji-neng-da-sai/index.md", has: []string{`title = "技能大赛"`}},
		{name: "an issue's blank title is its number", args: []string{"issue", " "},
			file: "content/journal/{Y}/1/_index.md", has: []string{`title = "{Y}年第1期"`}},
		{name: "next issue: number, total and columns carried on", args: []string{"issue"},
			files: map[string]string{"content/journal/{Y}/14/_index.md": issue("第14期", 14, 214, `["卷首语", "教学研究"]`)},
			file:  "content/journal/{Y}/15/_index.md", out: []string{"/journal/{Y}/15/"},
			has: []string{`title = "{Y}年第15期（总第215期）"`, "number = 15", "total = 215", `columns = ["卷首语", "教学研究"]`, "volume = {Y}"}},
		{name: "an issue's title gives its number", args: []string{"issue", "{Y}年第30期"},
			files: map[string]string{"content/journal/{Y}/14/_index.md": issue("第14期", 14, 214, `["卷首语"]`)},
			file:  "content/journal/{Y}/30/_index.md", has: []string{`title = "{Y}年第30期"`, "number = 30", "total = 230", `columns = ["卷首语"]`}},
		{name: "an issue's title gives its year", args: []string{"issue", "{P}年第25期"},
			files: map[string]string{"content/journal/{P}/24/_index.md": issue("第24期", 24, 300, `["卷首语"]`)},
			file:  "content/journal/{P}/25/_index.md", has: []string{"volume = {P}", "number = 25", "total = 301"}},
		{name: "a new year's first issue", args: []string{"issue"},
			files: map[string]string{"content/journal/{P}/24/_index.md": issue("第24期", 24, 300, `["专题报道"]`), "content/journal/{P}/23/_index.md": issue("第23期", 23, 299, `["x"]`)},
			file:  "content/journal/{Y}/1/_index.md", has: []string{"volume = {Y}", "number = 1", "total = 301", `columns = ["专题报道"]`}},
		{name: "the first issue ever", args: []string{"issue"},
			file: "content/journal/{Y}/1/_index.md", out: []string{"预览：http://127.0.0.1:1313/journal/{Y}/1/"}, has: []string{"number = 1", "# total = 0", `columns = ["卷首语", "政策解读", "院校风采", "教学研究"]`}},
		{name: "an issue that exists is not overwritten", args: []string{"issue", "{Y}年第14期"},
			files: map[string]string{"content/journal/{Y}/14/_index.md": issue("第14期", 14, 214, `["卷首语"]`)},
			code:  1, out: []string{"已经存在；folio new 从不覆盖文件"}},
		{name: "an article goes into the newest issue, its column left to the editor", args: []string{"article", "校企合作的新路子"},
			files: map[string]string{"content/journal/{P}/24/_index.md": issue("第24期", 24, 300, `["x"]`), "content/journal/{Y}/3/_index.md": issue("第3期", 3, 303, `["卷首语", "教学研究"]`)},
			file:  "content/journal/{Y}/3/xiao-qi-he-zuo-xin.md",
			out:   []string{"/journal/{Y}/3/xiao-qi-he-zuo-xin/", "栏目：column 请写这一期的栏目之一：卷首语、教学研究"},
			has:   []string{`column = ""`, "卷首语、教学研究"}},
		{name: "an article of a published issue is a draft of its own", args: []string{"article", "已发布的一期"},
			files: map[string]string{"content/journal/{Y}/3/_index.md": issue("第3期", 3, 303, `["卷首语"]`)},
			file:  "content/journal/{Y}/3/yi-fa-bu-yi-qi.md",
			out:   []string{"草稿：folio serve 的预览里能看到它（带“草稿”标记）；删掉 draft = true 后"},
			has:   []string{"\ndraft = true\n"}},
		{name: "an article of a draft issue follows it, without a draft line", args: []string{"article", "第二篇草稿文章"},
			files: map[string]string{"content/journal/{Y}/3/_index.md": strings.Replace(issue("第3期", 3, 303, `["卷首语"]`), "+++\n", "+++\ndraft = true\n", 1)},
			file:  "content/journal/{Y}/3/di-er-pian-cao-gao.md",
			out:   []string{"草稿：这一期还是草稿，文章随本期一起发布，所以文件里没写 draft；folio serve 的预览里能看到它（带“草稿”标记）；删掉 content/journal/{Y}/3/_index.md 里的 draft = true 后，folio build 才会把本期和这篇文章一起发布"},
			has:   []string{"# 这里不写 draft：本期（content/journal/{Y}/3/_index.md）还是草稿，本文随本期一起发布\n"}, lacks: []string{"\ndraft = true"}},
		{name: "an article of a future issue follows it", args: []string{"article", "Next Year", "--lang", "en"},
			files: map[string]string{"content/journal/{Y}/3/_index.md": strings.Replace(issue("第3期", 3, 303, `["卷首语"]`), "date = "+y+"-01-01", "date = 2999-01-01", 1)},
			file:  "content/journal/{Y}/3/next-year.md",
			out:   []string{"scheduled: its issue is dated in the future and the article is published with it, so the file has no draft line; folio serve shows it with a 定时发布 banner; folio build publishes the issue and the article once the date in content/journal/{Y}/3/_index.md comes"},
			has:   []string{"还没到发布日期，本文随本期一起发布"}, lacks: []string{"\ndraft = true"}},
		{name: "an article needs an issue", args: []string{"article", "x"}, code: 1, out: []string{"还没有期刊", `folio new issue "2026年第1期"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{"config.toml": "title = \"测试\"\n[permalinks]\nnews = \"/news/:year/:month/:slug/\"\n"}
			for name, text := range tt.files {
				files[strings.NewReplacer("{Y}", y, "{P}", p).Replace(name)] = text
			}
			dir := newSite(t, files) // with the theme and its archetypes
			before := tree(t, dir)
			r := strings.NewReplacer("{Y}", y, "{P}", p, "{MM}", mm)
			args := []string{"new"}
			for _, a := range tt.args {
				args = append(args, r.Replace(a))
			}
			var out, errb bytes.Buffer
			code := run(append(args, "-s", dir), &out, &errb, nil)
			printed := strings.ReplaceAll(out.String()+errb.String(), dir+string(filepath.Separator), "")
			if code != tt.code {
				t.Fatalf("folio new %q: exit %d, want %d:\n%s", tt.args, code, tt.code, printed)
			}
			for _, o := range tt.out {
				if !strings.Contains(filepath.ToSlash(printed), r.Replace(o)) {
					t.Errorf("folio new %q printed\n%s\nwithout %q", tt.args, printed, r.Replace(o))
				}
			}
			var made []string
			for _, f := range tree(t, dir) {
				if !slices.Contains(before, f) {
					made = append(made, f)
				}
			}
			if tt.file == "" {
				if len(made) > 0 {
					t.Errorf("folio new %q made %q", tt.args, made)
				}
				return
			}
			if want := r.Replace(tt.file); len(made) != 1 || made[0] != want {
				t.Fatalf("folio new %q made %q, want %s", tt.args, made, want)
			}
			b, _ := os.ReadFile(filepath.Join(dir, made[0]))
			for _, h := range tt.has {
				if !strings.Contains(string(b), r.Replace(h)) {
					t.Errorf("%s lacks %q:\n%s", made[0], r.Replace(h), b)
				}
			}
			for _, h := range tt.lacks {
				if strings.Contains(string(b), r.Replace(h)) {
					t.Errorf("%s has %q:\n%s", made[0], r.Replace(h), b)
				}
			}
			for _, h := range tt.hasnt {
				if strings.Contains(printed, h) {
					t.Errorf("folio new %q printed %q:\n%s", tt.args, h, printed)
				}
			}
		})
	}
}

// folio new never overwrites: the file name gets a number instead, and a
// file that exists is refused.
func TestNewNeverOverwrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "taken.md"), []byte("keep"), 0o644)
	if got := pageName(dir, ".", "Taken", "news", fixedTime()); got != "taken-2" {
		t.Errorf("pageName beside an existing file = %s, want taken-2", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "taken.md")); string(b) != "keep" {
		t.Errorf("an existing file changed")
	}
}

func fixedTime() (t time.Time) { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) }

// --section names a folder inside content/: anything absolute or leading
// out of it is a usage error (exit 2), and nothing is written anywhere.
func TestNewSectionStaysInContent(t *testing.T) {
	t.Parallel()
	// The site is deep in a folder of the test's own, so that a path that
	// leads out of it (../../../x), had it been written, lands in outside.
	outside := t.TempDir()
	dir := filepath.Join(outside, "a", "b", "site")
	for name, text := range map[string]string{
		"config.toml":                         "title = \"测试\"\n",
		"themes/default/archetypes/notice.md": "+++\ntitle = {{quote .Title}}\ndate = {{.Date}}\ndraft = true\n+++\n",
		// The sections written into (folio new makes no new one).
		"content/news/policy/_index.md": "+++\ntitle = \"政策\"\n+++\n",
		"content/notices/_index.md":     "+++\ntitle = \"通知\"\n+++\n",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := tree(t, outside)
	tests := []struct {
		section string
		want    string // the folder below content/ written into; "" refused
	}{
		{"news", "news"},
		{"news/policy", "news/policy"},
		{"news/../notices", "notices"},
		{"./news/", "news"},
		{"../../../x", ""},
		{"..", ""},
		{".", ""},
		{"news/../..", ""},
		{"a/../../x", ""},
		{"../content/news", ""},
		{filepath.Join(outside, "abs"), ""},
		{"//server/share", ""},
		{"news\x00", ""},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run([]string{"new", "notice", "Section Test", "--section", tt.section, "-s", dir}, &out, &errb, nil)
		if tt.want == "" {
			if code != 2 || !strings.Contains(errb.String(), "--section") || !strings.Contains(errb.String(), "content/ 里一个文件夹") {
				t.Errorf("--section %q: exit %d, %q; want exit 2 and a message about --section", tt.section, code, errb.String())
			}
			if out.Len() > 0 {
				t.Errorf("--section %q wrote %s", tt.section, out.String())
			}
			continue
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "content"), strings.TrimSpace(out.String()))
		if code != 0 || !strings.HasPrefix(filepath.ToSlash(rel), tt.want+"/") {
			t.Errorf("--section %q: exit %d, wrote %s (%s); want a file in content/%s/", tt.section, code, rel, errb.String(), tt.want)
		}
	}
	// Only the refused sections' files are missing: nothing else was
	// written, inside the site or outside.
	after := tree(t, outside)
	for _, p := range after {
		if !slices.Contains(before, p) && !strings.HasPrefix(p, "a/b/site/content/") {
			t.Errorf("written outside content/: %s", p)
		}
	}
}

// tree lists the files below dir, slash-separated and relative to it.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	return out
}

// 年 right after a number is left out of a page's name (2026年 is 2026);
// a 年 of a word (年会) is not.
func TestTitleWordsYear(t *testing.T) {
	t.Parallel()
	for title, want := range map[string]string{
		"2027年年会":      "2027-nian-hui",
		"2027年年会召开":    "2027-nian-hui-zhao-kai",
		"关于2026年培训的通知": "2026-pei-xun-tong-zhi",
		"年度总结":         "nian-du-zong-jie",
	} {
		if got := strings.Join(titleWords(title), "-"); got != want {
			t.Errorf("titleWords(%q) = %s, want %s", title, got, want)
		}
	}
}
