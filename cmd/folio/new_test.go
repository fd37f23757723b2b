package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// folio new writes a draft of each kind where it belongs, from the theme's
// archetypes, and never overwrites.
func TestNewCommand(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{
		"config.toml":                       "title = \"测试\"\n",
		"content/_index.md":                 "+++\ntitle = \"首页\"\n+++\n",
		"content/journal/2026/14/_index.md": "+++\ntitle = \"第14期\"\ndate = 2026-01-01\nnumber = 14\ncolumns = [\"教学研究\"]\n+++\n",
	})
	archetypes, _ := filepath.Glob("../../themes/default/archetypes/*.md")
	for _, a := range archetypes {
		b, _ := os.ReadFile(a)
		os.MkdirAll(filepath.Join(dir, "themes/default/archetypes"), 0o755)
		os.WriteFile(filepath.Join(dir, "themes/default/archetypes", filepath.Base(a)), b, 0o644)
	}
	run1 := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := run(append([]string{"new"}, append(args, "-s", dir)...), &out, &errb, nil)
		return code, strings.TrimSpace(out.String()), errb.String()
	}
	year := filepath.Base(filepath.Dir(mustOne(t, run1, "notice", "Skills Fair 2027 通知")))
	tests := []struct {
		args []string
		path string // relative to the site, with the year as YEAR
		has  []string
	}{
		{[]string{"news", "关于 Summer Camp 的新闻"}, "content/news/YEAR/summer-camp.md", []string{`title = "关于 Summer Camp 的新闻"`, "draft = true"}},
		{[]string{"notice", "关于举办培训班的通知"}, "content/notices/YEAR/YEAR-", []string{"各会员单位"}},
		{[]string{"notice", "Skills Fair 2027 通知", "--section", "news"}, "content/news/YEAR/skills-fair-2027.md", nil},
		{[]string{"event", "CNC Contest"}, "content/events/cnc-contest.md", []string{"start = ", "location = "}},
		{[]string{"issue"}, "content/journal/YEAR/", []string{"number = ", "columns = "}},
		{[]string{"article", "Worksheet Design"}, "worksheet-design.md", []string{`column = "教学研究"`, "authors = "}},
	}
	for _, tt := range tests {
		code, out, errs := run1(tt.args...)
		if code != 0 {
			t.Errorf("folio new %q: exit %d: %s", tt.args, code, errs)
			continue
		}
		want := strings.ReplaceAll(tt.path, "YEAR", year)
		rel, _ := filepath.Rel(dir, out)
		if !strings.Contains(filepath.ToSlash(rel), want) {
			t.Errorf("folio new %q wrote %s, want %s", tt.args, rel, want)
		}
		b, _ := os.ReadFile(out)
		for _, h := range tt.has {
			if !strings.Contains(string(b), h) {
				t.Errorf("folio new %q: %s lacks %q:\n%s", tt.args, rel, h, b)
			}
		}
	}
	// The issue is the next number of this year; the article goes into it.
	if _, err := os.Stat(filepath.Join(dir, "content/journal", year, "1", "_index.md")); year != "2026" && err != nil {
		t.Errorf("the first issue of %s is not number 1: %v", year, err)
	}
	code, _, errs := run1("event", "CNC Contest")
	if code != 0 {
		t.Errorf("a second event of the same title: exit %d: %s", code, errs)
	}
	code, _, errs = run1("bogus", "x")
	if code != 1 || !strings.Contains(errs, "unknown kind") {
		t.Errorf("an unknown kind: exit %d: %s", code, errs)
	}
}

func mustOne(t *testing.T, run1 func(...string) (int, string, string), args ...string) string {
	t.Helper()
	code, out, errs := run1(args...)
	if code != 0 {
		t.Fatalf("folio new %q: %d %s", args, code, errs)
	}
	return out
}

// folio new never overwrites: the file name gets a number instead, and a
// file that exists is refused.
func TestNewNeverOverwrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "taken.md"), []byte("keep"), 0o644)
	if got := fileName(dir, ".", "Taken", fixedTime()); got != "taken-2.md" {
		t.Errorf("fileName beside an existing file = %s, want taken-2.md", got)
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
			if code != 2 || !strings.Contains(errb.String(), "--section") || !strings.Contains(errb.String(), "inside content/") {
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
