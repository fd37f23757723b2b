package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"folio.dev/folio/generator/publish"
)

// newSite writes a small site with the repository's theme into a new
// folder and returns it.
func newSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	theme := filepath.Join("..", "..", "themes", "default")
	err := filepath.WalkDir(theme, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(theme, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files["themes/default/"+filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuildCommand(t *testing.T) {
	t.Parallel()
	good := map[string]string{
		"config.toml":         "title = \"测试\"\n",
		"content/_index.md":   "+++\ntitle = \"首页\"\n+++\n",
		"content/news/a.md":   "+++\ntitle = \"甲\"\ndate = 2024-06-21\n+++\n正文。\n",
		"content/about.md":    "+++\ntitle = \"关于\"\n+++\n",
		"content/draft.md":    "+++\ntitle = \"草稿\"\ndraft = true\n+++\n",
		"content/future.md":   "+++\ntitle = \"未来\"\ndate = 2030-01-01\n+++\n",
		"content/news/b.md":   "+++\ntitle = \"乙\"\ndate = 2024-06-22\n+++\n",
		"content/news/c.md":   "+++\ntitle = \"丙\"\ndate = 2024-06-23T09:00:00+08:00\n+++\n",
		"content/events/e.md": "+++\ntitle = \"活动\"\nstart = 2024-07-15\n+++\n",
	}
	bad := map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/news/x.md": "+++\ntitle = \"甲\"\n\ndat = 2024-06-21\n+++\n",
		"content/news/y.md": "+++\ntitle = \"乙\"\ndate = \"昨天\"\n+++\n",
	}
	// Builds, with a warning (raw HTML left out of the page).
	warned := map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n正文。\n\n<div>原样的 HTML</div>\n",
	}
	tests := []struct {
		name     string
		files    map[string]string
		args     []string
		code     int
		stdout   string // a regular expression, "" for empty
		stderr   string
		built    []string
		notBuilt []string
	}{
		// The site's language (zh-CN, the default languageCode), or --lang.
		{name: "build", files: good, args: []string{"build", "--now", "2026-11-26"}, code: 0,
			stdout: `^folio：已生成 8 个页面（活动 1、首页 1、普通页面 1、新闻通知 3、栏目 2），共 \d+ 个文件（\d+ 个有变化），写入 .*public，用时 \d+m?s\n$`,
			built:  []string{"index.html", "news/a/index.html", "events/e/index.html", "feed.xml", "sitemap.xml"}, notBuilt: []string{"draft/index.html", "future/index.html"}},
		{name: "build --lang en", files: good, args: []string{"build", "--now", "2026-11-26", "--lang", "en"}, code: 0,
			stdout: `^folio: built 8 pages \(1 event\(s\), 1 home, 1 page\(s\), 3 post\(s\), 2 section\(s\)\) -> \d+ files \(\d+ changed\) in .*public in \d+m?s\n$`,
			built:  []string{"index.html", "news/a/index.html", "events/e/index.html", "feed.xml", "sitemap.xml"}, notBuilt: []string{"draft/index.html", "future/index.html"}},
		{name: "drafts and future", files: good, args: []string{"build", "--drafts", "--future", "--quiet", "--now", "2026-11-26"}, code: 0,
			built: []string{"draft/index.html", "future/index.html"}},
		{name: "content errors", files: bad, args: []string{"build"}, code: 1,
			stderr:   `^content/news/x.md:4:1: \[K04\] folio 不认识设置 "dat"（是不是想写 "date"？）\ncontent/news/y.md:3:1: \[K05\] 设置 date = "昨天" 不是日期：.*\nfolio build：2 个错误，网站没有更新\n$`,
			notBuilt: []string{"index.html"}},
		{name: "content errors, --lang en", files: bad, args: []string{"build", "--lang", "en"}, code: 1,
			stderr:   `^content/news/x.md:4:1: \[K04\] unknown key "dat" \(did you mean "date"\?\)\ncontent/news/y.md:3:1: \[K05\] date = "昨天" is not a date; .*\nfolio build: 2 error\(s\); nothing was published\n$`,
			notBuilt: []string{"index.html"}},
		{name: "content errors, a site in English", files: map[string]string{"config.toml": "title = \"Test\"\nlanguageCode = \"en-US\"\n", "content/_index.md": "+++\ntitle = \"Home\"\n+++\n", "content/a.md": "+++\n+++\n"}, args: []string{"build"}, code: 1,
			stderr: `^content/a.md:2:1: \[F04\] the page has no title`},
		// Flags written wrong: in words, in the editor's language, with a
		// pointer to folio help instead of the whole of it (issue 21).
		{name: "unknown flag", files: good, args: []string{"build", "--bogus"}, code: 2, stderr: `^folio build: \[U03\] 没有 --bogus 这个选项。运行 folio help 可以看到每个命令的选项\n$`},
		{name: "-h", files: good, args: []string{"build", "-h"}, code: 2, stderr: `^folio 把 Markdown 文章生成出版物网站。\n(?s:.*)build 的选项：`, notBuilt: []string{"index.html"}},
		{name: "--help, --lang en", files: good, args: []string{"check", "--lang", "en", "--help"}, code: 2, stderr: `^folio (?s:.*)--destination`},
		{name: "unknown flag, nearest", files: good, args: []string{"build", "--destnation", "x"}, code: 2, stderr: `^folio build: \[U03\] 没有 --destnation 这个选项（是不是想写 "--destination"？）。运行 folio help 可以看到每个命令的选项\n$`},
		{name: "unknown flag, nearest, --lang en", files: good, args: []string{"build", "--lang", "en", "-destnation=x"}, code: 2, stderr: `^folio build: \[U03\] unknown option -destnation=x \(did you mean "--destination"\?\); folio help lists each command's options\n$`},
		{name: "unknown --lang", files: good, args: []string{"build", "--lang", "fr"}, code: 2, stderr: `^folio build: \[U07\] --lang "fr"：folio 会说 zh-CN（中文）和 en（英文）\n$`},
		{name: "a flag without its value", files: good, args: []string{"new", "news", "甲", "--section"}, code: 2, stderr: `^folio new: \[U24\] 选项 --section 后面少了要写的值，例如 --section news。运行 folio help 可以看到每个选项的写法\n$`},
		{name: "a flag without its value, --lang en", files: good, args: []string{"serve", "--lang=en", "-p"}, code: 2, stderr: `^folio serve: \[U24\] option -p needs a value after it, like -p 1313; folio help shows how each option is written\n$`},
		{name: "a bad value", files: good, args: []string{"build", "--drafts=maybe"}, code: 2, stderr: `^folio build: \[U25\] 选项 --drafts 的值 "maybe" 写得不对，应当写成这样：--drafts=false。运行 folio help 可以看到每个选项的写法\n$`},
		{name: "a bad value, serve", files: good, args: []string{"serve", "--port", "abc", "--lang", "en"}, code: 2, stderr: `^folio serve: \[U25\] option --port cannot be "abc"; write it like --port 1313 \(folio help shows how each option is written\)\n$`},
		{name: "a bad --allow-host", files: good, args: []string{"serve", "--allow-host", "a/b"}, code: 2, stderr: `^folio serve: \[U25\] 选项 --allow-host 的值 "a/b" 写得不对，应当写成这样：--allow-host preview.example.org。`},
		{name: "an argument too many", files: good, args: []string{"build", "public"}, code: 2, stderr: `^folio build: \[U04\] 多余的参数 "public"：文件夹要写在选项后面，例如 -d public。运行 folio help 可以看到每个命令的写法\n$`},
		{name: "an unknown kind of page", files: good, args: []string{"new", "notcorrect", "x"}, code: 2, stderr: `^folio new: \[U12\] 没有 "notcorrect" 这种类型：请写 notice、news、event、issue 或 article\n$`},
		{name: "bad --now", files: good, args: []string{"build", "--now", "tomorrow"}, code: 2, stderr: `--now "tomorrow" 不是时间：写成 2024-06-21`},
		{name: "bad --now, --lang en", files: good, args: []string{"build", "--lang=en", "--now", "tomorrow"}, code: 2, stderr: `--now "tomorrow" is not a time`},
		{name: "unknown command", files: good, args: []string{"bulid"}, code: 2, stderr: `没有 "bulid" 这个命令（是不是想写 "build"？）`},
		{name: "unknown command, --lang en", files: good, args: []string{"bulid", "--lang", "en"}, code: 2, stderr: `unknown command "bulid" \(did you mean "build"\?\)`},
		{name: "check", files: good, args: []string{"check", "--now", "2026-11-26"}, code: 0, stdout: `^folio check：没有问题（8 个页面，\d+ 个文件）`},
		{name: "check with a warning", files: warned, args: []string{"check"}, code: 0,
			stdout: `^folio check：没有错误，1 个警告（1 个页面，\d+ 个文件）\n$`, stderr: `^content/_index.md:6:1: 警告 \[M03\] `},
		{name: "check with a warning, --lang en", files: warned, args: []string{"check", "--lang", "en"}, code: 0,
			stdout: `^folio check: no errors, 1 warning\(s\) \(1 pages, \d+ files\)\n$`, stderr: `^content/_index.md:6:1: warning \[M03\] `},
		{name: "check finds a broken link", files: map[string]string{"config.toml": "title = \"测试\"\n", "content/_index.md": "+++\ntitle = \"首页\"\n+++\n见[通知](/notices/none/)。\n"}, args: []string{"check"}, code: 1,
			stderr: `^content/_index.md:4:2: \[L02\] 链接 /notices/none/：网站里没有这个页面：请检查地址。链接站内文章时，最好写它的文件.*\nfolio check：1 个问题\n$`},
		{name: "check finds a broken link, --lang en", files: map[string]string{"config.toml": "title = \"测试\"\n", "content/_index.md": "+++\ntitle = \"首页\"\n+++\n见[通知](/notices/none/)。\n"}, args: []string{"check", "--lang", "en"}, code: 1,
			stderr: `^content/_index.md:4:2: \[L02\] link to /notices/none/: there is no such page in the site; check the address, or link to the page's file.*\nfolio check: 1 problem\(s\)\n$`},
		{name: "version", files: good, args: []string{"version"}, code: 0, stdout: `^folio `},
		{name: "help", files: good, args: []string{"help"}, code: 0, stdout: `folio build \[选项\]  +生成网站，写入 public/`},
		{name: "help, --lang en", files: good, args: []string{"help", "--lang", "en"}, code: 0, stdout: `folio build \[flags\]  +build the site into public/`},
		{name: "destination is the project", files: good, args: []string{"build", "-d", "."}, code: 2, stderr: `folio build: \[U01\] 目标文件夹 .* 会替换掉 `},
		{name: "destination is the project, --lang en", files: good, args: []string{"build", "-d", ".", "--lang", "en"}, code: 2, stderr: `would replace`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{}
			for k, v := range tt.files {
				files[k] = v
			}
			dir := newSite(t, files)
			args := append([]string(nil), tt.args...)
			if args[0] == "build" || args[0] == "check" {
				for i, a := range args {
					if a == "." {
						args[i] = dir
					}
				}
				args = append(args, "-s", dir)
			}
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr, nil)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			for _, c := range []struct{ name, got, want string }{{"stdout", stdout.String(), tt.stdout}, {"stderr", stderr.String(), tt.stderr}} {
				if c.want == "" {
					if c.name == "stderr" && c.got != "" {
						t.Errorf("unexpected stderr: %s", c.got)
					}
					continue
				}
				if !regexp.MustCompile(c.want).MatchString(c.got) {
					t.Errorf("%s does not match %q:\n%s", c.name, c.want, c.got)
				}
			}
			for _, p := range tt.built {
				if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
					t.Errorf("%s was not built", p)
				}
			}
			for _, p := range tt.notBuilt {
				if _, err := os.Stat(filepath.Join(dir, "public", p)); err == nil {
					t.Errorf("%s was built, but must not be", p)
				}
			}
			if strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("a stack trace reached the editor:\n%s", stderr.String())
			}
		})
	}
}

// --report writes JSON a CI job can read; FOLIO_BASEURL sets the address
// when --baseURL is not given. (Not parallel: it sets the environment.)
func TestReportAndEnvironment(t *testing.T) {
	t.Setenv("FOLIO_BASEURL", "https://preview.example.org/pr-7/")
	dir := newSite(t, map[string]string{
		"config.toml":       "title = \"测试\"\nbaseURL = \"https://www.example.org/\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/news/a.md": "+++\ntitle = \"甲\"\ndate = 2026-01-01\n+++\n",
		"content/news/b.md": "+++\ntitle = \"乙\"\npublishDate = 2026-12-24T10:00:00+08:00\n+++\n",
	})
	reportFile := filepath.Join(dir, "report.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-s", dir, "--now", "2026-11-26", "--report", reportFile, "--quiet"}, &stdout, &stderr, nil); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(reportFile)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Pages      map[string]int `json:"pages"`
		Files      int            `json:"files"`
		Written    int            `json:"written"`
		Stages     []struct{ Name string }
		Warnings   []string `json:"warnings"`
		NextChange string   `json:"next_change"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("the report is not JSON: %v\n%s", err, b)
	}
	if r.Pages["post"] != 1 || r.Files == 0 || r.Written != r.Files || len(r.Stages) < 5 || r.Warnings == nil || r.NextChange != "2026-12-24T10:00:00+08:00" {
		t.Errorf("report: %s", b)
	}
	home, _ := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if !bytes.Contains(home, []byte(`href="https://preview.example.org/pr-7/"`)) {
		t.Errorf("FOLIO_BASEURL did not set the address: the canonical link is not under it")
	}
}

// builtSite is a site of one page built once into dest, the only folder
// in parent.
func builtSite(t *testing.T) (dir, parent, dest string) {
	dir = newSite(t, map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
	})
	parent = t.TempDir()
	dest = filepath.Join(parent, "site")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build", "-s", dir, "-d", dest, "--quiet"}, &stdout, &stderr, nil); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	return dir, parent, dest
}

// A build that fails on a limit (issue 17, item 4: 1,000 tags on a page)
// says where, leaves the destination's previous site, and leaves nothing
// beside it: no staging folder.
func TestFailedBuildLeavesNoStaging(t *testing.T) {
	t.Parallel()
	dir, parent, dest := builtSite(t)
	var stdout, stderr bytes.Buffer
	var tags strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&tags, "\"标签%d\", ", i)
	}
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("+++\ntitle = \"甲\"\ntags = ["+tags.String()+"]\n+++\n"), 0o644)
	stderr.Reset()
	if code := run([]string{"build", "-s", dir, "-d", dest}, &stdout, &stderr, nil); code != 1 {
		t.Errorf("exit %d, want 1: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "content/a.md:3:1: [F25] 设置 tags 写了 1000 项，一页最多 200 项") {
		t.Errorf("stderr: %s", stderr.String())
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 || entries[0].Name() != "site" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the destination: %v, want only site", names)
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Errorf("the previous site is gone: %v", err)
	}
}

// folio build while another build holds the destination (two CI jobs at
// once) fails with R19 at the destination, in the editor's language, exit
// 1, and leaves the site and the folder beside it as they were.
func TestBuildWhileAnotherWrites(t *testing.T) {
	t.Parallel()
	dir, parent, dest := builtSite(t)
	var stdout, stderr bytes.Buffer
	before, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("+++\ntitle = \"甲\"\n+++\n"), 0o644)
	held, err := publish.LockDestination(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	for _, tt := range []struct{ lang, want string }{
		{"zh-CN", dest + ": [R19] 另一个 folio build 正在写入这个文件夹：等它结束后，再运行一次 folio build。"},
		{"en", dest + ": [R19] another folio build is writing this folder: run folio build again once it has ended"},
	} {
		stderr.Reset()
		if code := run([]string{"build", "-s", dir, "-d", dest, "--lang", tt.lang}, &stdout, &stderr, nil); code != 1 {
			t.Errorf("--lang %s: exit %d, want 1: %s", tt.lang, code, stderr.String())
		}
		if !strings.HasPrefix(stderr.String(), tt.want) {
			t.Errorf("--lang %s: stderr does not begin %q:\n%s", tt.lang, tt.want, stderr.String())
		}
	}
	// Without --lang, in the site's language: the lock is taken once
	// config.toml is read.
	os.WriteFile(filepath.Join(dir, "config.toml"), []byte("title = \"Test\"\nlanguageCode = \"en\"\n"), 0o644)
	stderr.Reset()
	if code := run([]string{"build", "-s", dir, "-d", dest}, &stdout, &stderr, nil); code != 1 || !strings.HasPrefix(stderr.String(), dest+": [R19] another folio build") {
		t.Errorf("an English site: exit %d, stderr:\n%s", code, stderr.String())
	}
	if after, _ := os.ReadFile(filepath.Join(dest, "index.html")); !bytes.Equal(after, before) {
		t.Error("the site changed")
	}
	if _, err := os.Stat(filepath.Join(dest, "a", "index.html")); err == nil {
		t.Error("the refused build published a page")
	}
	if left, _ := filepath.Glob(filepath.Join(parent, ".site.folio-staging")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
	held.Release()
	if code := run([]string{"build", "-s", dir, "-d", dest, "--quiet"}, &stdout, &stderr, nil); code != 0 {
		t.Errorf("once the other build let go: exit %d: %s", code, stderr.String())
	}
}
