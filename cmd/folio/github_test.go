package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"folio.dev/folio/generator/diag"
)

func TestAnnotation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		d    diag.Diagnostic
		src  string
		want string
	}{
		{"an error at a line and column",
			diag.Diagnostic{Pos: diag.Pos{File: "content/news/a.md", Line: 3, Col: 7}, Kind: diag.KindLink, Code: diag.LinkBroken, Args: []any{"b.md", diag.Msg(diag.WhyNoFile, "content/news/b.md")}},
			".", `::error file=content/news/a.md,line=3,col=7,title=链接找不到目标::[L01] 链接 b.md：没有文件 content/news/b.md：请检查路径（大小写也要一致），路径是相对于本文件所在的文件夹`},
		{"a warning, and the site in a folder",
			diag.Diagnostic{Pos: diag.Pos{File: "content/a.md", Line: 2, Col: 1}, Severity: diag.Warning, Kind: diag.KindImage, Code: diag.ImageBroken, Args: []any{"a.png", diag.Msg(diag.ImageSizeOdd, "content/a.png", 0, 0)}},
			"site", `::warning file=site/content/a.md,line=2,col=1,title=图片有问题::[I02] 图片 a.png：content/a.png 标明的尺寸是 0×0 像素。读者会看到一张破损的图片，页面也无法给出它的尺寸：请重新导出或上传这张图片`},
		{"no line: no line or col",
			diag.Diagnostic{Pos: diag.Pos{File: "content/x.md"}, Kind: diag.KindFile, Code: diag.FileUnreadable, Args: []any{"permission denied"}},
			"", `::error file=content/x.md,title=文件无法读取或发布::[R01] 无法读取：permission denied`},
		{"% and line breaks in the message are escaped, and : and , in properties",
			diag.Diagnostic{Pos: diag.Pos{File: "content/a,b:c%.md", Line: 1, Col: 2}, Code: diag.FileUnreadable, Args: []any{"100% wrong\r\nsecond line: a, b"}},
			".", `::error file=content/a%2Cb%3Ac%25.md,line=1,col=2,title=内容有误::[R01] 无法读取：100%25 wrong%0D%0Asecond line: a, b`},
		{"the title is escaped as a property",
			diag.Diagnostic{Pos: diag.Pos{File: "config.toml", Line: 1, Col: 1}, Kind: diag.KindConfig, Code: diag.ConfigPaginate, Args: []any{0}},
			".", `::error file=config.toml,line=1,col=1,title=网站配置文件 config.toml 有误::[C02] paginate = 0：它是列表每页显示的条数，请写一个大于 0 的数，或者不写（默认 10）`},
		{"in English with --lang en",
			diag.Diagnostic{Pos: diag.Pos{File: "config.toml", Line: 1, Col: 1}, Kind: diag.KindConfig, Code: diag.ConfigPaginate, Args: []any{0}},
			".", `::error file=config.toml,line=1,col=1,title=The site's configuration%2C config.toml%2C is wrong::[C02] paginate = 0: it is the number of items on a page of a list; write a number above 0, or leave it out for 10`},
	}
	for i, tt := range tests {
		lang := diag.Chinese
		if i == len(tests)-1 {
			lang = diag.English
		}
		if got := annotation(tt.d, tt.src, lang); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"content/news/a.md:3:7: plain":  "content/news/a.md:3:7: plain",
		"my_file *x* <script> [a](b) `": `my\_file \*x\* \<script\> \[a\](b) \` + "`",
		"two\nlines":                    "two lines",
		"发展规划":                          "发展规划",
	} {
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// On GitHub Actions, a check that finds a broken link and a build that
// finds an unknown key print annotations and list the problems, with
// file:line:col and the Chinese kind, in the job's summary; a good build
// says its next_change there.
func TestGitHubOutput(t *testing.T) {
	t.Parallel()
	summaryFile := filepath.Join(t.TempDir(), "summary.md")
	gh := &github{summary: summaryFile}
	bad := newSite(t, map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/news/a.md": "+++\ntitle = \"甲\"\ndate = 2026-01-01\n+++\n见[附件](missing.md)。\n",
	})
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-s", bad}, &stdout, &stderr, gh); code != 1 {
		t.Fatalf("check: exit %d, want 1\n%s", code, stderr.String())
	}
	annotation := regexp.MustCompile(`(?m)^::error file=` + regexp.QuoteMeta(filepath.ToSlash(bad)) + `/content/news/a\.md,line=5,col=\d+,title=链接找不到目标[^:]*::.*missing\.md`)
	if !annotation.MatchString(stdout.String()) {
		t.Errorf("check printed no annotation for the broken link:\n%s", stdout.String())
	}

	if err := os.WriteFile(filepath.Join(bad, "content/news/b.md"), []byte("+++\ntitle = \"乙\"\ndat = 2026-01-01\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout.Reset()
	if code := run([]string{"build", "-s", bad}, &stdout, &stderr, gh); code != 1 {
		t.Fatalf("build: exit %d, want 1", code)
	}
	if !strings.Contains(stdout.String(), "/content/news/b.md,line=3,col=1,title=") {
		t.Errorf("build printed no annotation for the unknown key:\n%s", stdout.String())
	}

	good := newSite(t, map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/news/a.md": "+++\ntitle = \"甲\"\ndate = 2026-01-01\n+++\n",
		"content/news/b.md": "+++\ntitle = \"乙\"\npublishDate = 2026-12-24T10:00:00+08:00\n+++\n",
	})
	stdout.Reset()
	if code := run([]string{"build", "-s", good, "--now", "2026-11-26", "--quiet"}, &stdout, &stderr, gh); code != 0 || stdout.Len() > 0 {
		t.Fatalf("good build: exit %d, printed %q", code, stdout.String())
	}

	b, err := os.ReadFile(summaryFile)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{
		"### folio check：1 个问题\n\n- " + escapeMarkdown(filepath.ToSlash(bad)) + "/content/news/a.md:5:",
		": **链接找不到目标** \\[L01\\] 链接 missing.md：没有文件 content/news/missing.md",
		"### folio build：2 个错误，网站没有更新\n\n- ",
		"/content/news/b.md:3:1: **文件开头两行 +++ 之间的设置有误** \\[K04\\] folio 不认识设置 \"dat\"（是不是想写 \"date\"？）",
		"### folio build：网站已生成",
		"next_change: 2026-12-24T10:00:00+08:00\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the summary has no %q:\n%s", want, got)
		}
	}
}
