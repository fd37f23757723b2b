package generator_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/testkit"
)

// TestBadInput is the table of what editors and CI will feed folio. Each
// row either fails with a clear message at its position, leaving the
// previous public/ exactly as it was, or is accepted on purpose.
func TestBadInput(t *testing.T) {
	t.Parallel()
	big := "+++\ntitle = \"很长的文章\"\n+++\n" + strings.Repeat("职业技能培训和技工教育协会发展规划。\n\n", 20<<20/56)
	tests := []struct {
		name  string
		setup func(dir string)
		want  bad // zero: the build succeeds
	}{
		{"unclosed +++", write("content/a.md", "+++\ntitle = \"a\"\n"), bad{`content/a.md:1:1`, diag.FMUnclosed, `文件第 1 行的 +++ 没有结束：在最后一项设置之后加一行，只写 +++`, `the +++ on line 1 is never closed`}},
		{"malformed TOML", write("content/a.md", "+++\ntitle = \"a\n+++\n"), bad{`content/a.md:2:11`, diag.TOMLSyntax, `文字的引号没有成对：在这段文字的末尾补上英文引号 "`, `a text's quotes are not closed: add the closing "`}},
		{"a date that is not one", write("content/news/a.md", "+++\ntitle = \"a\"\ndate = \"昨天\"\n+++\n"), bad{`content/news/a.md:3:1`, diag.TOMLNotDate, `date = "昨天" 不是日期：日期写成 date = 2024-06-21`, `date = "昨天" is not a date`}},
		{"a list written as text", write("content/a.md", "+++\ntitle = \"a\"\ntags = \"a\"\n+++\n"), bad{`content/a.md:3:1`, diag.TOMLNotList, `tags 应当是列表，写成 tags = ["a"]（方括号）；现在写的是文字 "a"`, ""}},
		{"an empty file", write("content/a.md", ""), bad{`content/a.md:1:1`, diag.FMMissing, `文件开头没有设置：第一行写 +++`, ""}},
		{"a UTF-8 byte order mark", write("content/a.md", "\ufeff+++\ntitle = \"a\"\n+++\n正文\n"), bad{}},
		{"CRLF line ends", write("content/a.md", "+++\r\ntitle = \"a\"\r\n+++\r\n正文\r\n"), bad{}},
		{"invalid UTF-8 (GBK)", write("content/a.md", "+++\ntitle = \"a\"\n+++\n\xd6\xd0\xce\xc4\n"), bad{`content/a.md:4:1`, diag.EncodingNotUTF8, `文件不是 UTF-8 编码（可能是 GBK 等编码，或者根本不是文本）：请用 UTF-8 编码重新保存`, ""}},
		{"a 20 MB Markdown file", write("content/big.md", big), bad{}},
		{"a binary file in content/", write("content/files/data.bin", "\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"), bad{}},
		{"a binary file named .md", write("content/x.md", "\x00\x01\x02\xff\xfe"), bad{`content/x.md:1:4`, diag.EncodingNotUTF8, `文件不是 UTF-8 编码`, ""}},
		{"a symbolic link loop", func(dir string) { os.Symlink(filepath.Join(dir, "content"), filepath.Join(dir, "content", "loop")) }, bad{}},
		// Issue 19: photos. Each is refused at the Markdown that shows it,
		// before any pixel is decoded (and published not at all).
		{"a PNG cut short after its signature", write("content/files/photo.png", "\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"), bad{`content/files/photo.png`, diag.ImageFileRefused, `文件不完整（图片还没结束文件就结束了）`, `the file is cut short`}},
		{"a decompression bomb (100000×100000 PNG)", photoPage("bomb.png", testkit.Bomb(100_000, 100_000)), bad{`content/news/p/index.md:5:1`, diag.ImageRefused, `图片 bomb.png：图片自称有 100000×100000 像素，超过 folio 肯解码的 60 百万像素`, `image bomb.png: the image says it is 100000×100000 pixels, more than the 60 million folio decodes`}},
		{"a truncated phone photo", photoPage("cut.jpg", testkit.PhoneJPEG(640, 480, 6, 1)[:20000]), bad{`content/news/p/index.md:5:1`, diag.ImageRefused, `图片 cut.jpg：文件不完整`, `image cut.jpg: the file is cut short`}},
		{"a HEIC photo from an iPhone", photoPage("IMG_0001.HEIC", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")), bad{`content/news/p/index.md:5:1`, diag.ImageRefused, `图片 IMG_0001.HEIC：这是 HEIC 格式的照片，除 Safari 外的浏览器都显示不了：请导出为 JPEG`, `the photo is in HEIC format, which browsers other than Safari cannot show; export it as JPEG`}},
		{"a HEIC photo renamed .jpg", photoPage("IMG_0002.jpg", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")), bad{`content/news/p/index.md:5:1`, diag.ImageRefused, `图片 IMG_0002.jpg：这是 HEIC 格式的照片`, ""}},
		{"a HEIC photo no page shows", write("content/files/IMG_0003.heic", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), bad{`content/files/IMG_0003.heic`, diag.ImageFileRefused, `这是 HEIC 格式的照片`, ""}},
		{"two pages with one URL", func(dir string) {
			write("content/a.md", "+++\ntitle = \"a\"\n+++\n")(dir)
			write("content/b.md", "+++\ntitle = \"b\"\nurl = \"/a/\"\n+++\n")(dir)
		}, bad{`content/b.md:3:1`, diag.CollisionBoth, `content/a.md 和 content/b.md:3:1 生成了同一个文件 a/index.html：在其中一个文件开头的设置里写一个不同的 slug（网址的最后一段）或 url（整个网址）`, `content/a.md and content/b.md:3:1 both make a/index.html`}},
		{"a url that leaves the site", write("content/a.md", "+++\ntitle = \"a\"\nurl = \"../../etc/x\"\n+++\n"), bad{`content/a.md:3:1`, diag.FMURL, `网址 url = "../../etc/x" 必须是从网站根目录开始的路径，以 / 开头`, ""}},
		{"a slug that leaves the site", write("content/a.md", "+++\ntitle = \"a\"\nslug = \"../../x\"\n+++\n"), bad{`content/a.md:3:1`, diag.FMSlugNotOnePart, `slug = "../../x" 只能是网址中的一段`, ""}},
		// Issue 17: what a URL, slug or file name may hold. They are written
		// into calendars, feeds and the sitemap, where a line break starts a
		// new property and " or < ends an attribute or a tag.
		{"a line break in a slug", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nslug = \"e\\r\\nATTENDEE:mailto:x@example.org\"\n+++\n"), bad{`content/events/e.md:4:1`, diag.FMSlugChar, `slug = "e\r\nATTENDEE:mailto:x@example.org" 含有换行，网址里不能有`, ""}},
		{"a line break in a url", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nurl = \"/e/\\nATTENDEE:x/\"\n+++\n"), bad{`content/events/e.md:4:1`, diag.FMURL, `网址 url = "/e/\nATTENDEE:x/" 含有换行，网址里不能有`, ""}},
		{"a line break in a file name", write("content/events/e\nATTENDEE:x.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\n+++\n"), bad{"content/events/e\nATTENDEE:x.md:1:1", diag.FilePathChar, `文件路径 "events/e\nATTENDEE:x" 含有换行，网址里不能有：给文件或文件夹改名，或者在开头设置里写 url`, ""}},
		{"a line break in a folder's name", write("content/a\rb/_index.md", "+++\ntitle = \"a\"\n+++\n"), bad{``, diag.FilePathChar, `文件路径 "a\rb" 含有换行`, ""}},
		{"a space in a url", write("content/a.md", "+++\ntitle = \"a\"\nurl = \"/a b/\"\n+++\n"), bad{`content/a.md:3:1`, diag.FMURL, `网址 url = "/a b/" 含有空格，网址里不能有：写成 "/news/skills-fair/" 这样（词之间用 -）`, `url "/a b/" has a space, which cannot be in a URL`}},
		{"a < in a slug", write("content/a.md", "+++\ntitle = \"a\"\nslug = \"<b>\"\n+++\n"), bad{`content/a.md:3:1`, diag.FMSlugChar, `slug = "<b>" 含有字符 <`, ""}},
		{"a quote in a url", write("content/a.md", "+++\ntitle = \"a\"\nurl = '/a\"onload=\"x/'\n+++\n"), bad{`content/a.md:3:1`, diag.FMURL, `网址 url = "/a\"onload=\"x/" 含有字符 "`, ""}},
		{"a NUL in a slug", write("content/a.md", "+++\ntitle = \"a\"\nslug = \"a\\u0000b\"\n+++\n"), bad{`content/a.md:3:1`, diag.FMSlugChar, `slug = "a\x00b" 含有空字符（U+0000）`, ""}},
		{"a control character in an alias", write("content/a.md", "+++\ntitle = \"a\"\naliases = [\"/old\\u001b/\"]\n+++\n"), bad{`content/a.md:3:1`, diag.FMAlias, `旧网址 aliases 中的 "/old\x1b/" 含有看不见的控制字符 U+001B`, ""}},
		{"an escape in a url", write("content/a.md", "+++\ntitle = \"a\"\nurl = \"/%E6%96%B0/\"\n+++\n"), bad{`content/a.md:3:1`, diag.FMURL, `网址 url = "/%E6%96%B0/" 含有编码 "%E6"（请直接写字符本身：写“新闻”，不要写 %E6%96%B0…），网址里不能有`, `has "%E6", an encoded character`}},
		{"a % in a file name (50%off.md)", write("content/50%off.md", "+++\ntitle = \"五折\"\n+++\n"), bad{}},
		{"a registration link that runs script", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nregistration = \"javascript:alert(document.cookie)\"\n+++\n"), bad{`content/events/e.md:4:1`, diag.FMRegistration, `报名链接 registration = "javascript:alert(document.cookie)" 是 javascript: 链接，可能在读者的浏览器里运行脚本`, ""}},
		{"a data: registration link", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nregistration = \"DATA:text/html,<script>x</script>\"\n+++\n"), bad{`content/events/e.md:4:1`, diag.FMRegistration, `报名链接 registration = "DATA:text/html,<script>x</script>" 含有字符 <，链接里不能有`, ""}},
		{"an icpLink that runs script", write("config.toml", "title = \"测试\"\n[footer]\nicp = \"粤ICP备00000000号\"\nicpLink = \"javascript:alert(1)\"\n"), bad{`config.toml:4:1`, diag.ConfigFooterLink, `页脚的 icpLink = "javascript:alert(1)" 是 javascript: 链接`, ""}},
		{"a vbscript: menu link", write("config.toml", "title = \"测试\"\n[[menu.main]]\nname = \"首页\"\nurl = \"/\"\n[[menu.main]]\nname = \"坏\"\nurl = \"vbscript:msgbox(1)\"\n"), bad{`config.toml:7:1`, diag.ConfigMenuLink, `菜单项 "坏" 的链接 url = "vbscript:msgbox(1)" 是 vbscript: 链接`, ""}},
		{"a tag of punctuation only", write("content/a.md", "+++\ntitle = \"a\"\ntags = [\"!!!\"]\n+++\n"), bad{`content/a.md:3:1`, diag.FMTermNoLetter, `设置 tags 里的 "!!!" 没有文字或数字，无法生成它的网址`, ""}},
		{"two spellings of one tag", func(dir string) {
			write("content/a.md", "+++\ntitle = \"a\"\ntags = [\"Section\"]\n+++\n")(dir)
			write("content/b.md", "+++\ntitle = \"b\"\ntags = [\"section\"]\n+++\n")(dir)
		}, bad{`content/b.md:3:1`, diag.FMTermSpellings, `设置 tags 里的 "section" 和 "Section"（在 content/a.md）生成了同一个页面 /tags/section/：两个页面里请用同一种写法`, ""}},
		{"an event ending before it starts", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nend = 2024-07-14\n+++\n"), bad{`content/events/e.md:4:1`, diag.FMEventEndsEarly, `活动的结束时间（end = 2024-07-14 00:00）早于开始时间（start = 2024-07-15 00:00）`, ""}},
		{"a journal article outside an issue", write("content/journal/a.md", "+++\ntitle = \"a\"\n+++\n"), bad{`content/journal/a.md:1:1`, diag.FMArticleNoIssue, `期刊文章要放在某一期的文件夹里，即 content/journal/<年>/<期号>/`, ""}},
		// Issue 17: with unsafe = false, script reaches readers through no
		// file of content/ (drawings: testdata/sites/svg-sanitized.txtar).
		{"an HTML file in content/", write("content/notices/2024/raw.html", "<p>通知</p><script>alert(document.cookie)</script>"), bad{`content/notices/2024/raw.html`, diag.FileHTML, `content/ 里的 HTML 文件（.html）会原样发布，其中的脚本会在网站上运行：请改写成 Markdown`, `a file of HTML (.html) in content/ would be published as it is`}},
		{"an HTML file in a bundle", func(dir string) {
			write("content/news/a/index.md", "+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n")(dir)
			write("content/news/a/form.HTM", "<script>x</script>")(dir)
		}, bad{`content/news/a/form.HTM`, diag.FileHTML, `content/ 里的 HTML 文件（.htm）`, ""}},
		{"an XHTML file in content/", write("content/x.xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><script>x</script></html>`), bad{`content/x.xhtml`, diag.FileHTML, `content/ 里的 HTML 文件（.xhtml）`, ""}},
		{"a drawing that is not well-formed", write("content/files/broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>\n</svg>\n"), bad{`content/files/broken.svg:3:7`, diag.FileSVGBroken, `这个矢量图无法按 SVG 读取：XML 写法有误（element <g> closed by </svg>）。请在绘图软件里重新导出为普通 SVG`, ""}},
		{"a drawing with entities (billion laughs)", write("content/files/lol.svg", "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<svg><text>&b;</text></svg>"), bad{`content/files/lol.svg:2:15`, diag.FileSVGBroken, `除 &amp; &lt; &gt; &quot; &apos; 之外不能用实体`, ""}},
		{"a compressed drawing", write("content/files/map.svgz", "\x1f\x8b\x08\x00"), bad{`content/files/map.svgz`, diag.FileSVGZ, `压缩的矢量图（.svgz）无法检查其中有没有脚本：请另存为普通的 .svg`, ""}},
		{"a layout the theme does not have", write("content/a.md", "+++\ntitle = \"a\"\nlayout = \"singel\"\n+++\n"), bad{`content/a.md:3:1`, diag.FMLayoutUnknown, `模板里没有 layout = "singel" 这个版式（是不是想写 "single"？）。可用的版式有 "404"、"archive"`, `layout "singel" is not a layout of the theme (did you mean "single"?); the layouts are "404", "archive"`}},
		{"a template error in the theme", write("themes/default/layouts/single.html", "{{define \"main\"}}{{.Page.Nope}}{{end}}"), bad{`themes/default/layouts/single.html:1:24`, diag.ThemeTemplateFailed, `版式运行出错：executing "main" at <.Page.Nope>`, ""}},
		// Issue 20: shortcodes, each mistake at the call in the Markdown.
		{"an unknown shortcode", write("content/a.md", "+++\ntitle = \"a\"\n+++\n正文\n\n{{< figur src=\"a.jpg\" >}}\n"), bad{`content/a.md:6:1`, diag.ShortcodeUnknown, `没有名为 "figur" 的短代码（是不是想写 "figure"？）`, `shortcode "figur" is unknown (did you mean "figure"?)`}},
		{"a shortcode without its required parameter", write("content/a.md", "+++\ntitle = \"a\"\n+++\n正文 {{< figure alt=\"校园\" >}}\n"), bad{`content/a.md:4:4`, diag.ShortcodeNeedsKey, `短代码 figure 缺少 src：请写成 {{< figure src="..." >}}`, `shortcode figure needs src; write it like {{< figure src="..." >}}`}},
		{"an unclosed pair", write("content/a.md", "+++\ntitle = \"a\"\n+++\n{{% note warning %}}\n报名截止后不再受理。\n"), bad{`content/a.md:4:1`, diag.ShortcodeNeverClosed, `短代码 note 包着一段文字，但没有结束：请在那段文字后面写上 {{% /note %}}`, ""}},
		{"a closing tag without its opening", write("content/a.md", "+++\ntitle = \"a\"\n+++\n报名截止。\n{{% /note %}}\n"), bad{`content/a.md:5:1`, diag.ShortcodeCloserNotOpen, `{{% /note %}} 要结束 note，但这里前面没有打开的 note`, ""}},
		{"a shortcode never closed with >}}", write("content/a.md", "+++\ntitle = \"a\"\n+++\n正文 {{< figure src=\"a.jpg\"\n"), bad{`content/a.md:4:4`, diag.ShortcodeTagOpen, `短代码 figure 的 {{< 没有用 >}} 结束`, `shortcode figure: {{< is never closed with >}}`}},
		{"a figure whose image does not exist", write("content/a.md", "+++\ntitle = \"a\"\n+++\n{{< figure src=\"campus.jpg\" caption=\"校园\" >}}\n"), bad{`content/a.md:4:1`, diag.LinkBroken, `链接 campus.jpg：`, ""}},
		{"a reference to no figure", write("content/a.md", "+++\ntitle = \"a\"\n+++\n如{{< ref campus >}}所示。\n"), bad{`content/a.md:4:2`, diag.ShortcodeNoTarget, `本页没有 id 为 "campus" 的图或表`, `no figure or table of this page has id "campus"`}},
		// Issue 17, item 4: input whose work grows with the square of its
		// size. Every stage is linear, and limits no real site reaches are
		// errors at their place instead of minutes of CPU.
		{"1,000 tags on one page", write("content/a.md", "+++\ntitle = \"a\"\ntags = ["+terms(1000)+"]\n+++\n"), bad{`content/a.md:3:1`, diag.FMTooManyTerms, `设置 tags 写了 1000 项，一页最多 200 项`, ""}},
		{"100,000 links on one page", write("content/a.md", "+++\ntitle = \"a\"\n+++\n"+strings.Repeat("见[链接](https://example.org/x/)。\n", 100000)), bad{}},
		{"100,000 unknown keys", write("content/a.md", "+++\ntitle = \"a\"\n"+numbered("key%d = 1\n", 100000)+"+++\n"), bad{`content/a.md:1002:1`, diag.TOMLTooManyKeys, `写了 100001 项设置，一个文件最多 1000 项`, ""}},
		{"1,000 levels of nested list", write("content/a.md", "+++\ntitle = \"a\"\n+++\n"+nestedList(1000)), bad{`content/a.md:104:1`, diag.MarkupTooDeep, `列表或引用嵌套超过了 100 层`, ""}},
		{"4,000 levels of quote in one line", write("content/a.md", "+++\ntitle = \"a\"\n+++\n正文\n"+strings.Repeat("> ", 4000)+"x\n"), bad{`content/a.md:5:1`, diag.MarkupTooDeep, `列表或引用嵌套超过了 100 层`, ""}},
		{"a 40 MB Markdown file", func(dir string) {
			write("content/big.md", "")(dir)
			os.Truncate(filepath.Join(dir, "content", "big.md"), 40<<20) // sparse: never read
		}, bad{`content/big.md:1:1`, diag.FileTooBig, `文件有 40.0 MB，超过了 Markdown 文件最多 32 MB 的限制`, ""}},
		// Issue 18: what an editor would have written, told in their words.
		{"month 13", write("content/news/a.md", "+++\ntitle = \"a\"\ndate = 2024-13-01\n+++\n"), bad{"content/news/a.md:3:8", diag.TOMLSyntax, "月份写成了 13，月份只有 1 到 12；日期写成 2024-06-21", "month 13 does not exist"}},
		{"30 February", write("content/news/a.md", "+++\ntitle = \"a\"\ndate = 2025-02-30\n+++\n"), bad{"content/news/a.md:3:8", diag.TOMLSyntax, "2025 年 2 月只有 28 天，没有 30 日", "month 2 of 2025 has 28 days"}},
		{"a link to a bundle's folder", func(dir string) {
			write("content/news/fair/index.md", "+++\ntitle = \"展会\"\ndate = 2024-01-01\n+++\n")(dir)
			write("content/news/a.md", "+++\ntitle = \"a\"\ndate = 2024-01-02\n+++\n见[展会](fair/)。\n")(dir)
		}, bad{"content/news/a.md:5:2", diag.LinkBroken, "链接 fair/：content/news/fair 是一个文件夹：请链接到其中的 fair/index.md", "content/news/fair is a folder: link to its fair/index.md"}},
		{"a link to a page whose front matter has an error", func(dir string) {
			write("content/news/b.md", "+++\ntitle = \"b\"\ndate = 2024-13-01\n+++\n")(dir)
			write("content/news/a.md", "+++\ntitle = \"a\"\ndate = 2024-01-02\n+++\n见[b](b.md)。\n")(dir)
		}, bad{"content/news/a.md:5:2", diag.LinkBroken, "文件 content/news/b.md 存在，但其开头的设置有错误，见 content/news/b.md:3:8 那一条", "its front matter has an error, reported at content/news/b.md:3:8"}},
		{"photo widths largest first", write("config.toml", "title = \"测试\"\n[images]\nwidths = [1600, 480]\n"), bad{`config.toml:2:1`, diag.ConfigImageWidths, `[images] 的 widths = [1600 480] 有误：宽度以像素为单位，从 16 到 8192，由小到大`, ""}},
		{"photo widths written as text", write("config.toml", "title = \"测试\"\n[images]\nwidths = [\"480\", 800]\n"), bad{`config.toml:3:1`, diag.TOMLItemNotWhole, `设置 widths 应当是整数的列表，例如 widths = [480, 800]；第 1 项是`, ""}},
		{"a JPEG quality over 100", write("config.toml", "title = \"测试\"\n[images]\nquality = 150\n"), bad{`config.toml:2:1`, diag.ConfigImageQuality, `quality = 150 有误`, ""}},
		{"a missing theme", write("config.toml", "title = \"测试\"\ntheme = \"nope\"\n"), bad{`config.toml:2:1`, diag.ConfigThemeMissing, `找不到主题 theme = "nope"：没有文件夹 themes/nope`, `theme "nope" not found`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir, dest, before := builtSite(t)
			tt.setup(dir)
			res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow})
			var b strings.Builder
			res.Diagnostics.Print(&b, diag.Chinese, 0)
			if tt.want.code == "" {
				if err != nil {
					t.Fatalf("rejected: %v\n%s", err, b.String())
				}
				return
			}
			if !errors.Is(err, generator.ErrContent) || !tt.want.in(res.Diagnostics) {
				t.Errorf("got %v:\n%s\nwant at %q [%s] a message saying %q (and in English %q)", err, b.String(), tt.want.where, tt.want.code, tt.want.zh, tt.want.en)
			}
			if strings.Contains(b.String(), "goroutine ") || strings.Contains(b.String(), "panic") {
				t.Errorf("a stack trace reached the editor")
			}
			sameTree(t, dest, before)
			if _, err := os.Stat(filepath.Join(dir, ".public.folio-staging")); err == nil {
				t.Errorf("the failed build left its staging folder")
			}
		})
	}
}

// bad is what a row of bad input must be told: at where (any position
// when ""), the code, and a message saying zh in Chinese (the site's
// language) and, when given, en in English (--lang en).
type bad struct {
	where  string
	code   diag.Code
	zh, en string
}

func (w bad) in(l diag.List) bool {
	for _, d := range l {
		if (w.where == "" || d.Pos.String() == w.where) && d.Code == w.code && strings.Contains(d.Text(diag.Chinese), w.zh) && strings.Contains(d.Text(diag.English), w.en) {
			return true
		}
	}
	return false
}

// photoPage writes a news post in a bundle that shows the photo name
// (on line 5), with the photo's bytes beside it.
func photoPage(name string, photo []byte) func(dir string) {
	return func(dir string) {
		write("content/news/p/index.md", "+++\ntitle = \"照片\"\ndate = 2024-06-01\n+++\n![合影]("+name+")\n")(dir)
		write("content/news/p/"+name, string(photo))(dir)
	}
}

// refusing is a file system that lists name but refuses to open it, as a
// file without read permission is refused to any user but root.
type refusing struct {
	fs.FS
	name string
}

func (r refusing) Open(name string) (fs.File, error) {
	if name == r.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return r.FS.Open(name)
}

// terms returns n different tags, written as a TOML array's items.
func terms(n int) string {
	return numbered(`"标签%d", `, n)
}

// numbered repeats format with 0, 1, ... n-1.
func numbered(format string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// nestedList is a list nested n levels deep by indentation.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- 第一层之下\n")
	}
	return b.String()
}

// The destination cases and Ctrl-C: refused or stopped before public/ is
// touched.
func TestBadDestinationsAndInterrupts(t *testing.T) {
	t.Parallel()
	dir, dest, before := builtSite(t)
	for _, d := range []string{dir, filepath.Join(dir, "content"), filepath.Join(dir, "content", "public")} {
		_, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: d, Now: fixedNow})
		var usage *generator.UsageError
		if !errors.As(err, &usage) {
			t.Errorf("destination %s: %v, want it refused", d, err)
		}
	}
	// A destination that cannot be written: its parent is a file.
	_, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: filepath.Join(dir, "config.toml", "public"), Now: fixedNow})
	if err == nil {
		t.Errorf("writing below a file succeeded")
	}
	// Ctrl-C before the build: it stops, and nothing is written.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	write("content/new.md", "+++\ntitle = \"新\"\n+++\n")(dir)
	if _, err := generator.Build(ctx, generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow}); !errors.Is(err, context.Canceled) {
		t.Errorf("an interrupted build returned %v", err)
	}
	sameTree(t, dest, before)
}

func write(name, text string) func(dir string) {
	return func(dir string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
}

// builtSite makes a small site with the repository's theme, builds it, and
// returns its folder, its public/ and what public/ holds.
func builtSite(t *testing.T) (string, string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	copyTheme(t, filepath.Join(dir, "themes", "default"))
	write("config.toml", "title = \"测试\"\n")(dir)
	write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n")(dir)
	write("content/ok.md", "+++\ntitle = \"好\"\n+++\n正文。\n")(dir)
	dest := filepath.Join(dir, "public")
	if _, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	return dir, dest, snapshot(t, dest)
}

func sameTree(t *testing.T, dest string, before map[string]string) {
	t.Helper()
	after := snapshot(t, dest)
	if len(after) != len(before) {
		t.Errorf("public/ changed: %d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if after[p] != b {
			t.Errorf("public/%s changed", p)
		}
	}
}

// An unreadable file is an error naming it. Root reads any file whatever
// its mode, and CI runs as root, so the file system refuses it instead.
func TestUnreadableFile(t *testing.T) {
	t.Parallel()
	dir, dest, before := builtSite(t)
	write("content/secret.md", "+++\ntitle = \"s\"\n+++\n")(dir)
	root := refusing{FS: os.DirFS(dir), name: "content/secret.md"}
	res, err := generator.Build(context.Background(), generator.Options{Root: root, RootDir: dir, Destination: dest, Now: fixedNow})
	var b strings.Builder
	res.Diagnostics.Print(&b, diag.English, 0)
	if err == nil || !strings.Contains(b.String(), "content/secret.md: [R01] cannot read") {
		t.Errorf("got %v: %s", err, b.String())
	}
	sameTree(t, dest, before)
}
