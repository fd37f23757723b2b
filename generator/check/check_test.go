package check

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// build builds a small site with the repository's theme.
func build(t *testing.T, files map[string]string) *generator.Result {
	t.Helper()
	site := fstest.MapFS{}
	_ = filepath.WalkDir("../../themes/default", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel("../../themes/default", p)
			site["themes/default/"+filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	files["config.toml"] = "title = \"测试\"\n" + files["config.toml"]
	files["content/_index.md"] = "+++\ntitle = \"首页\"\n+++\n"
	for k, v := range files {
		site[k] = &fstest.MapFile{Data: []byte(v)}
	}
	res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: now})
	if err != nil {
		var b strings.Builder
		res.Diagnostics.Print(&b, diag.English, 0)
		t.Fatalf("build: %v\n%s", err, b.String())
	}
	return res
}

func TestInternal(t *testing.T) {
	t.Parallel()
	res := build(t, map[string]string{
		"content/a.md": "+++\ntitle = \"甲\"\n+++\n## 第一节\n\n" +
			"[好](b.md#结论) [好](#第一节) [好](/b/) [好](/b) [好](https://example.org/x)\n\n" +
			"[坏](/notices/no-such/) [坏](b.md#没有这一节)\n\n" +
			"![坏图](/images/missing.png)\n\n[回执](/files/回执(3).pdf)\n",
		"content/b.md": "+++\ntitle = \"乙\"\n+++\n## 结论\n\n正文。\n",
		// A layout of the site's own that links nowhere, on every page.
		"layouts/page.html": `{{define "main"}}<a href="/nowhere/">x</a>{{.Content}}{{end}}`,
	})
	var l diag.List
	New(res.Site, res.Model, res.Theme, res.Unpublished).Internal(&l)
	l.Sort()
	var b strings.Builder
	l.Print(&b, diag.English, 0)
	want := "content/a.md:8:1: [L02] link to /notices/no-such/: there is no such page in the site; check the address, or link to the page's file ([标题](../notices/plan.md)): folio works out its address, and the link never breaks when the page moves\n" +
		"content/a.md:8:24: [L02] link to /b/#没有这一节: the page has no part #没有这一节 (its headings' ids are shown in its table of contents)\n" +
		"content/a.md:10:1: [L02] link to /images/missing.png: there is no such file in the site; check the file name's spelling (upper and lower case count) and where the file is: a file of static/ has its path below static/ as its address (static/images/a.png is /images/a.png); for a photo or attachment beside the page, write its path from this file (![照片](photo.jpg)), and folio checks that it is there\n" +
		"content/a.md:12:1: [L02] link to /files/回执(3).pdf: there is no such file in the site; check the file name's spelling (upper and lower case count) and where the file is: a file of static/ has its path below static/ as its address (static/images/a.png is /images/a.png); for a photo or attachment beside the page, write its path from this file (![照片](photo.jpg)), and folio checks that it is there\n" +
		"layouts/page.html:1:27: [T08] the page a/index.html links to /nowhere/: there is no such page or file in the site\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// A menu item that leads nowhere is reported at its url in config.toml,
// where the editor fixes it, not at the layout that writes every item; an
// item or a link by address that leads to a page left out says why, as a
// link to its file does.
func TestMenuLinks(t *testing.T) {
	t.Parallel()
	res := build(t, map[string]string{
		"config.toml": "[[menu.main]]\nname = \"甲\"\nurl = \"/a/\"\n\n[[menu.main]]\nname = \"关于\"\nurl = \"/about/\"\nweight = 2\n\n" +
			"[[menu.main]]\nname = \"草稿\"\nurl = \"/draft/\"\n",
		"content/a.md":     "+++\ntitle = \"甲\"\n+++\n见[草稿](/draft/)。\n",
		"content/draft.md": "+++\ntitle = \"草稿\"\ndraft = true\n+++\n正文\n",
	})
	var l diag.List
	New(res.Site, res.Model, res.Theme, res.Unpublished).Internal(&l)
	l.Sort()
	var b strings.Builder
	l.Print(&b, diag.Chinese, 0)
	draft := "content/draft.md 在这次生成中不发布：它是草稿（draft = true；用 --drafts 生成才包括它）\n"
	want := "config.toml:8:1: [C07] 菜单项 \"关于\" 的链接 url = \"/about/\" 网站里没有这个页面：写好这一页，或把 url 改成已有页面的地址，或删去这一项\n" +
		"config.toml:13:1: [C07] 菜单项 \"草稿\" 的链接 url = \"/draft/\" " + draft +
		"content/a.md:4:2: [L02] 链接 /draft/：" + draft
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

// A page whose file name has a % (50%off.md) is checked, not a crash: its
// URL /50%off/ is a path, which url.Parse refuses as an address (issue 17).
// Links to it, as written and as the layouts encode them, lead somewhere.
func TestPercentInURL(t *testing.T) {
	t.Parallel()
	res := build(t, map[string]string{
		"content/50%off.md": "+++\ntitle = \"五折\"\n+++\n## 规则\n\n[自己](#规则) [甲](a.md) [坏](/nowhere/)\n",
		"content/a.md":      "+++\ntitle = \"甲\"\n+++\n[五折](50%off.md) [五折](/50%25off/#规则)\n",
	})
	var l diag.List
	New(res.Site, res.Model, res.Theme, res.Unpublished).Internal(&l)
	l.Sort()
	var b strings.Builder
	l.Print(&b, diag.English, 0)
	want := "content/50%off.md:6:21: [L02] link to /nowhere/: there is no such page in the site; check the address, or link to the page's file ([标题](../notices/plan.md)): folio works out its address, and the link never breaks when the page moves\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestExternal(t *testing.T) {
	t.Parallel()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/ok":
		case "/no-head":
			if r.Method == http.MethodHead {
				w.WriteHeader(http.StatusMethodNotAllowed)
			}
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	res := build(t, map[string]string{
		"content/a.md": "+++\ntitle = \"甲\"\n+++\n[一](" + srv.URL + "/ok) [二](" + srv.URL + "/no-head)\n\n[三](" + srv.URL + "/gone)\n",
	})
	var known Answers // kept from one check to the next, through their JSON
	run := func() diag.List {
		var l diag.List
		b, err := New(res.Site, res.Model, res.Theme, res.Unpublished).External(context.Background(), known, srv.Client(), now, &l).JSON()
		if err != nil {
			t.Fatal(err)
		}
		known = ParseAnswers(b)
		return l
	}
	l := run()
	if len(l) != 1 || l[0].Severity != diag.Warning || l[0].Pos.String() != "content/a.md:6:1" || !strings.Contains(l[0].Text(diag.English), "404") {
		t.Errorf("first check: %v", l)
	}
	before := hits.Load()
	if again := run(); len(again) != 1 || hits.Load() != before {
		t.Errorf("the second check did not use the cache: %d more requests, %v", hits.Load()-before, again)
	}
}
