package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWeChatCommand runs folio wechat as an editor would: by file or by
// address, printing or writing the 正文, and the mistakes they may make.
func TestWeChatCommand(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"config.toml":       "title = \"测试协会\"\nbaseURL = \"https://www.example.org/\"\n[markup]\nunsafe = true\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/notices/a.md": "+++\ntitle = \"关于开展培训的通知\"\ndate = 2024-06-21\ndocno = \"测协〔2024〕1号\"\n+++\n" +
			"各单位：\n\n详见[网站](https://other.example.com/)。\n\n<iframe src=\"https://map.example.com/\"></iframe>\n",
		"content/notices/draft.md": "+++\ntitle = \"草稿\"\ndate = 2024-06-21\ndraft = true\n+++\n正文。\n",
		"content/about.md":         "+++\ntitle = \"关于\"\n+++\n",
	}
	dir := newSite(t, files)
	out := filepath.Join(t.TempDir(), "a.html")
	broken := newSite(t, map[string]string{"config.toml": "title = \"测试\"\n", "content/_index.md": "+++\ntitle = \"首页\"\n+++\n", "content/notices/b.md": "+++\ntitel = \"乙\"\n+++\n"})
	for _, c := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string // regular expressions; "" for empty
	}{
		{"by file", []string{"wechat", "content/notices/a.md", "-s", dir}, 0,
			`^标题：关于开展培训的通知\n摘要：各单位：.*\n封面：（本页没有公众号可用的图片，请在公众号编辑器里选择封面）\n正文：\n<section style="[^"]+"><p style="[^"]+">测协〔2024〕1号</p>.*网站</span><sup[^>]*>\[1\]</sup>.*［嵌入内容，请到网站上查看］.*\[1\] 网站：https://other.example.com/</p>.*</section></section>\n$`,
			`^config.toml:2:1: 警告 \[W11\] 公众号：config.toml 的 baseURL "https://www.example.org/" 还是示例地址.*\ncontent/notices/a.md:10:14: 警告 \[W08\] 公众号：公众号不能显示内嵌的网页`},
		{"by address, flags first", []string{"wechat", "-s", dir, "/notices/a/"}, 0, `^标题：关于开展培训的通知\n`, `警告`},
		{"into a file", []string{"wechat", "-s", dir, "notices/a.md", "-o", out}, 0, `^标题：关于开展培训的通知\n摘要：.*\n封面：.*\n正文：` + regexp.QuoteMeta(out) + `\n$`, `警告`},
		{"a draft", []string{"wechat", "-s", dir, "content/notices/draft.md"}, 1, "", `^folio wechat: content/notices/draft.md：网站里没有这一页；它还没有发布：草稿要加 --drafts`},
		{"a draft with --drafts", []string{"wechat", "-s", dir, "--drafts", "content/notices/draft.md"}, 0, `^标题：草稿\n`, `本页是草稿`},
		{"a page that is not news", []string{"wechat", "-s", dir, "content/about.md"}, 1, "", `^folio wechat: content/about.md 不是新闻、通知或内刊文章：只有这几种能复制到公众号\n$`},
		{"in English", []string{"wechat", "--lang", "en", "-s", dir, "content/about.md"}, 1, "", `^folio wechat: content/about.md is not a news post, notice or journal article; only those go to the 公众号\n$`},
		{"no such page", []string{"wechat", "-s", dir, "/nothing/"}, 1, "", `^folio wechat: /nothing/：网站里没有这一页；请写内容文件`},
		{"a section's folder", []string{"wechat", "-s", dir, "content/notices"}, 1, "", `^folio wechat: content/notices：网站里没有这一页；这是一个文件夹，不是一篇文章：请写其中一篇的文件`},
		{"no page named", []string{"wechat", "-s", dir}, 2, "", `^folio wechat: 请指明一篇文章`},
		{"a site with errors", []string{"wechat", "-s", broken, "content/notices/b.md"}, 1, "", `^content/notices/b.md:2:1: \[K04\] folio 不认识设置 "titel".*\nfolio wechat: 网站有 1 个错误：改正后再运行 folio wechat\n$`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(c.args, &stdout, &stderr, nil)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, stdout.String(), stderr.String())
			}
			for _, o := range []struct{ name, got, want string }{{"stdout", stdout.String(), c.stdout}, {"stderr", stderr.String(), c.stderr}} {
				if o.want == "" && o.got != "" || o.want != "" && !regexp.MustCompile(o.want).MatchString(o.got) {
					t.Errorf("%s:\n%s\nwant it to match %s", o.name, o.got, o.want)
				}
			}
			if strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("a stack trace: %s", stderr.String())
			}
		})
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("<meta charset=\"utf-8\">\n<section style=\"")) || !bytes.Contains(b, []byte("测协〔2024〕1号")) {
		t.Errorf("-o wrote %q, %v", b, err)
	}
}
