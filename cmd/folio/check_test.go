package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// folio check --external keeps the other sites' answers in the site's
// .folio-linkcache.json, which the command writes (package check writes no
// file), and the next check asks them again only after a day.
func TestCheckExternalKeepsAnswers(t *testing.T) {
	t.Parallel()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path != "/ok" {
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	dir := newSite(t, map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n[一](" + srv.URL + "/ok) [二](" + srv.URL + "/gone)\n",
	})
	check := func() {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"check", "-s", dir, "--external"}, &stdout, &stderr, nil); code != 0 {
			t.Fatalf("folio check --external: exit %d\n%s%s", code, stdout.String(), stderr.String())
		}
	}
	check()
	b, err := os.ReadFile(filepath.Join(dir, ".folio-linkcache.json"))
	if err != nil {
		t.Fatal(err)
	}
	var kept map[string]struct {
		Problem string `json:"problem"`
	}
	if err := json.Unmarshal(b, &kept); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if len(kept) != 2 || kept[srv.URL+"/ok"].Problem != "" || kept[srv.URL+"/gone"].Problem == "" {
		t.Errorf(".folio-linkcache.json:\n%s", b)
	}
	before := hits.Load()
	check()
	if n := hits.Load() - before; n != 0 {
		t.Errorf("the second check asked again %d times instead of using .folio-linkcache.json", n)
	}
}

// folio check says every problem in one run: the links are checked in
// spite of an unknown key in one file and a link to a missing file in
// another (which is not said twice), and a missing file's L02 says how to
// fix it. Before, CI learnt of the L02s only once the rest was fixed.
func TestCheckSaysEveryProblem(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/news/a.md": "+++\ntitle = \"甲\"\ndate = 2026-01-01\ndat = 2026-01-01\n+++\n正文。\n",
		"content/news/b.md": "+++\ntitle = \"乙\"\ndate = 2026-01-01\n+++\n[坏](nosuch.md)\n",
		"content/news/c.md": "+++\ntitle = \"丙\"\ndate = 2026-01-01\n+++\n![图](/images/nosuch.png) [页](/news/none/)\n",
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "-s", dir}, &stdout, &stderr, nil)
	want := `content/news/a.md:4:1: [K04] folio 不认识设置 "dat"（是不是想写 "date"？）
content/news/b.md:5:1: [L01] 链接 nosuch.md：没有文件 content/news/nosuch.md：请检查路径（大小写也要一致），路径是相对于本文件所在的文件夹
content/news/c.md:5:1: [L02] 链接 /images/nosuch.png：网站里没有这个文件：请检查文件名的拼写（大小写也要一致）和文件放的位置：static/ 里的文件，地址就是它在 static/ 下的路径（static/images/a.png 的地址是 /images/a.png）；和页面放在一起的照片和附件，请写相对于本文件的路径（如 ![照片](photo.jpg)），folio 会检查它在不在
content/news/c.md:5:26: [L02] 链接 /news/none/：网站里没有这个页面：请检查地址。链接站内文章时，最好写它的文件（如 [标题](../notices/plan.md)），folio 会算出它的地址，文章改名或移动后链接也不会断
folio check：4 个问题
`
	if code != 1 || stderr.String() != want {
		t.Errorf("folio check: exit %d, want 1\n%s\nwant:\n%s", code, stderr.String(), want)
	}
}

// A published issue with an article left out as a draft (issue 21): it
// builds, without the article, and build and check say which, where.
func TestDraftArticleInPublishedIssue(t *testing.T) {
	t.Parallel()
	files := func() map[string]string {
		return map[string]string{
			"config.toml":                      "title = \"测试\"\n",
			"content/_index.md":                "+++\ntitle = \"首页\"\n+++\n",
			"content/journal/2026/3/_index.md": "+++\ntitle = \"2026年第3期\"\ndate = 2026-11-28\nnumber = 3\ncolumns = [\"卷首语\"]\n+++\n",
			"content/journal/2026/3/a.md":      "+++\ntitle = \"第一篇\"\ncolumn = \"卷首语\"\n+++\n正文。\n",
			"content/journal/2026/3/b.md":      "+++\ntitle = \"第二篇草稿文章\"\ndraft = true\ncolumn = \"卷首语\"\n+++\n正文。\n",
		}
	}
	tests := []struct {
		args   []string
		stdout string
		stderr string
	}{
		{[]string{"build", "--now", "2026-12-01"}, "folio：已生成",
			"content/journal/2026/3/b.md:3:1: 警告 [S10] 这篇文章是草稿（draft = true），而它所在的这一期 content/journal/2026/3/_index.md 已经发布：folio build 不会发布这篇文章，网站上本期的目录里也没有它。要随本期一起发布，请删除这一行\n"},
		{[]string{"check", "--now", "2026-12-01", "--lang", "en"}, "folio check: no errors, 1 warning(s)",
			"content/journal/2026/3/b.md:3:1: warning [S10] this article is a draft (draft = true), but its issue content/journal/2026/3/_index.md is published: folio build leaves the article out, and the published issue's contents do not list it; delete this line to publish it with the issue\n"},
	}
	for _, tt := range tests {
		dir := newSite(t, files())
		var stdout, stderr bytes.Buffer
		code := run(append(tt.args, "-s", dir), &stdout, &stderr, nil)
		if code != 0 || !strings.HasPrefix(stdout.String(), tt.stdout) || stderr.String() != tt.stderr {
			t.Errorf("folio %q: exit %d\nstdout: %s\nstderr: %s\nwant exit 0, %q…, and\n%s", tt.args, code, stdout.String(), stderr.String(), tt.stdout, tt.stderr)
		}
		if tt.args[0] == "build" {
			if _, err := os.Stat(filepath.Join(dir, "public", "journal", "2026", "3", "a", "index.html")); err != nil {
				t.Errorf("the published article was not built: %v", err)
			}
			if _, err := os.Stat(filepath.Join(dir, "public", "journal", "2026", "3", "b", "index.html")); err == nil {
				t.Errorf("the draft article was built")
			}
		}
	}
}
