package main

import (
	"bytes"
	"os"
	"path/filepath"
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
