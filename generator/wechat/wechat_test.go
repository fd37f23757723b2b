package wechat_test

import (
	"bytes"
	"context"
	"flag"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/testkit"
	"folio.dev/folio/generator/wechat"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	_ "image/gif"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var now = time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)

// picture encodes a w×h picture in the format its name ends with, so that
// the built site holds real images and the test can decode what it chose.
func picture(t testing.TB, name string, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 120, 255})
		}
	}
	var b bytes.Buffer
	var err error
	if strings.HasSuffix(name, ".png") {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// newSite writes a site with the repository's theme, a notice with its
// 文号, attachments and 落款, a news post with photos (plain and with a
// srcset), links of every sort, footnotes, a table, lists, a video and a
// map, and a journal article with figures, a table and footnotes.
func newSite(t testing.TB) string {
	t.Helper()
	files := map[string]string{
		"config.toml": `title = "广东省职业培训和技工教育协会"
baseURL = "https://www.example.org/"
languageCode = "zh-CN"
theme = "default"
[permalinks]
news = "/news/:year/:month/:slug/"
notices = "/notices/:year/:month/:slug/"
[journal]
name = "广东职业技能"
label = "内刊《广东职业技能》"
section = "journal"
[markup]
unsafe = true
`,
		"content/_index.md":         "+++\ntitle = \"首页\"\n+++\n",
		"content/news/_index.md":    "+++\ntitle = \"协会动态\"\n+++\n",
		"content/notices/_index.md": "+++\ntitle = \"通知公告\"\n+++\n",
		"content/journal/_index.md": "+++\ntitle = \"内刊\"\n+++\n",
		"content/notices/2026/training/index.md": `+++
title = "关于举办2026年技工院校师资培训班的通知"
date = 2026-03-05T10:00:00+08:00
description = "2026年技工院校师资培训班分两期举办，现开始报名。"
docno = "粤职协〔2026〕3号"
issuer = "广东省职业培训和技工教育协会"
attachments = [{title = "报名回执", file = "报名回执.docx"}, {file = "日程.pdf"}]
+++

各会员单位：

为提升全省技工院校师资水平，协会定于2026年4月举办师资培训班。详见[上一期通知](../../2025/training.md)。

## 一、培训安排

| 期次 | 日期 | 地点 |
| :---: | --- | --- |
| 第一期 | 4月18日 | 广州 |
| 第二期 | 5月16日 | 佛山 |

## 二、报名方式

请将回执发送至 [training@example.org](mailto:training@example.org)，或致电 [020-0000-0000](tel:020-0000-0000)。
`,
		"content/notices/2026/training/报名回执.docx": "PK\x03\x04 a reply form",
		"content/notices/2026/training/日程.pdf":    "%PDF-1.4 a schedule",
		"content/notices/2025/training.md":        "+++\ntitle = \"2025年培训班通知\"\ndate = 2025-03-01\n+++\n正文。\n",
		"content/news/2026/camp/index.md": `+++
title = "2026年全省技工院校夏令营圆满结束"
date = 2026-07-25T17:30:00+08:00
summary = "来自全省技工院校的一百余名学生参加了为期五天的夏令营。"
+++

7月21日至25日，夏令营在[肇庆营地](https://camp.example.com/zhaoqing)举行[^1]，[省厅公众号](https://mp.weixin.qq.com/s/abc123)也作了报道。
营地介绍见[营地网站](https://camp.example.com/zhaoqing)，日程见[下文](#日程)。

![营员合影](group.jpg)

<p><img src="/news/2026/07/camp/stage-640.jpg" srcset="/news/2026/07/camp/stage-640.jpg 640w, /news/2026/07/camp/stage-1280.jpg 1280w, /news/2026/07/camp/stage-1920.webp 1920w" alt="才艺展示晚会"></p>

## 日程

1. 第一天：报到
2. 第二天：技能体验
   - 数控加工
   - 粤菜烹饪
3. 第三天：团体辅导[^2]

- [x] 已完成总结
- [ ] 待发简报

| 项目 | 人数 | 说明 |
| --- | ---: | --- |
| 技能体验 | 60 | 数控、烹饪、电工三个项目轮换进行，每个项目一个半小时，由各校指导教师带领 |
| 素质拓展 | 45 | 团队协作与沟通训练，分八个小组，在营地草坪和室内场馆进行，雨天改为室内 |

<video src="/news/2026/07/camp/highlights.mp4" poster="/news/2026/07/camp/poster.png" title="夏令营精彩回顾"></video>

<iframe src="https://map.example.com/embed?q=zhaoqing" title="营地地图"></iframe>

![营地示意图](plan.svg)

[![合影大图](group.jpg)](group.jpg)

[^1]: 营地由[肇庆示例青少年营地](https://camp.example.com/)提供。
[^2]: 由心理教育咨询委员会的老师带领。
`,
		"content/news/2026/camp/highlights.mp4": "not really a video",
		"content/news/2026/camp/plan.svg":       `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`,
		"content/journal/2026/3/_index.md": `+++
title = "2026年第3期"
date = 2026-06-01
volume = 2026
number = 3
total = 30
columns = ["教学研究"]
+++
`,
		"content/journal/2026/3/cnc.md": `+++
title = "数控专业一体化课程的项目设计"
date = 2026-06-01
column = "教学研究"
authors = [{name = "李明", affiliation = "广州示例技师学院"}, {name = "王芳"}]
abstract = "本文以数控专业为例，讨论一体化课程中项目的选取与设计。"
keywords = ["一体化课程", "项目教学"]
+++

一体化课程的项目应来自企业真实任务[^a]。

<figure><img src="/journal/2026/3/cnc/part.png" alt="零件图"><figcaption>图1　典型零件</figcaption></figure>

表1列出了项目的分配。

| 项目 | 学时 |
| --- | ---: |
| 轴类零件 | 24 |
| 盘类零件 | 18 |

> 项目设计要兼顾技能与素养。

{{% note warning %}}操作机床前必须穿戴防护用品。{{% /note %}}

程序段示例（` + "`G01`" + ` 为直线插补）：

` + "```" + `
G00 X0 Z0
	G01 X10 F0.2
  M30 ; 结束 <程序>
` + "```" + `

[^a]: 见《国家职业技能标准·数控车工》。
`,
	}
	dir := t.TempDir()
	theme := filepath.Join("..", "..", "themes", "default")
	if err := os.CopyFS(filepath.Join(dir, "themes", "default"), os.DirFS(theme)); err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		write(t, dir, name, text)
	}
	write(t, dir, "content/news/2026/camp/group.jpg", picture(t, "group.jpg", 120, 80))
	write(t, dir, "content/news/2026/camp/stage-640.jpg", picture(t, "stage.jpg", 64, 40))
	write(t, dir, "content/news/2026/camp/stage-1280.jpg", picture(t, "stage.jpg", 128, 80))
	write(t, dir, "content/news/2026/camp/stage-1920.webp", "RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00") // a 1×1 WebP
	write(t, dir, "content/news/2026/camp/poster.png", picture(t, "poster.png", 64, 36))
	// The journal's pages are bundles only through their issue's folder.
	write(t, dir, "content/journal/2026/3/cnc/part.png", picture(t, "part.png", 50, 50))
	return dir
}

func write(t testing.TB, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func build(t *testing.T, dir string) *generator.Result {
	t.Helper()
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), Now: now})
	if err != nil {
		t.Fatalf("build: %v\n%v", err, res.Diagnostics)
	}
	return res
}

func export(t *testing.T, res *generator.Result, target string) (*wechat.Article, diag.List) {
	t.Helper()
	p := wechat.Find(res.Model, target)
	if p == nil {
		t.Fatalf("no page %s", target)
	}
	var all, l diag.List
	a := wechat.Export(p, res.Model, res.Site, res.Model.Config.BaseURL, &all)
	for _, d := range all {
		if d.Code != diag.WeChatBaseURLExample { // the test site's address is an example's (TestExampleAddress)
			l = append(l, d)
		}
	}
	l.Sort()
	return a, l
}

// baseURLLine is where newSite's config.toml has baseURL.
const baseURLLine = 2

// TestExampleAddress: a site still at an example address (the sample's
// www.example.org) is told that readers and the 公众号 cannot reach it.
func TestExampleAddress(t *testing.T) {
	t.Parallel()
	res := build(t, newSite(t))
	for base, want := range map[string]bool{"https://www.example.org/": true, "https://news.example.com/": true, "http://localhost:1313/": true, "https://www.gdzjxh.org.cn/": false} {
		var l diag.List
		wechat.Export(wechat.Find(res.Model, "content/notices/2026/training/index.md"), res.Model, res.Site, base, &l)
		got := false
		for _, d := range l {
			if d.Code == diag.WeChatBaseURLExample {
				got = true
				if d.Pos.Line != baseURLLine {
					t.Errorf("%s: warned at %v, not at baseURL's line %d of config.toml", base, d.Pos, baseURLLine)
				}
			}
		}
		if got != want {
			t.Errorf("%s: warned %v, want %v", base, got, want)
		}
	}
}

// TestExportGolden compares each kind's fragment with its golden file
// (go test ./generator/wechat -update rewrites them), and checks what the
// 公众号 needs of every fragment.
func TestExportGolden(t *testing.T) {
	t.Parallel()
	res := build(t, newSite(t))
	for _, c := range []struct{ name, target string }{
		{"notice", "content/notices/2026/training/index.md"},
		{"news", "/news/2026/07/camp/"},
		{"article", "journal/2026/3/cnc.md"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, l := export(t, res, c.target)
			var b strings.Builder
			b.WriteString("标题：" + a.Title + "\n摘要：" + a.Summary + "\n封面：" + a.Cover + "\n")
			for _, d := range l {
				b.WriteString(d.In(diag.Chinese) + "\n")
			}
			b.WriteString(strings.ReplaceAll(a.HTML, "><", ">\n<") + "\n")
			golden := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if b.String() != string(want) {
				t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", c.name, golden, b.String())
			}
			checkFragment(t, a.HTML, res.Site)
		})
	}
}

// checkFragment checks what the 公众号 editor needs of a fragment: every
// element styled inline, nothing it strips or refuses (<style>, <link>,
// <script>, frames, classes, ids), no link but to mp.weixin.qq.com, every
// picture a JPEG, PNG or GIF of the published site that decodes, and
// every note number listed at the end.
func checkFragment(t *testing.T, fragment string, built *publish.Site) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 1 || nodes[0].DataAtom != atom.Section {
		t.Fatalf("the fragment is not one <section>: %d nodes", len(nodes))
	}
	for n := range nodes[0].Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Style, atom.Link, atom.Script, atom.Iframe, atom.Video, atom.Audio, atom.Object, atom.Embed, atom.Svg, atom.Input:
			t.Errorf("<%s> in the fragment", n.Data)
		}
		style := ""
		for _, a := range n.Attr {
			switch a.Key {
			case "style":
				style = a.Val
			case "class", "id":
				t.Errorf("<%s %s=%q>: the editor drops it", n.Data, a.Key, a.Val)
			case "href":
				if !strings.HasPrefix(a.Val, "https://mp.weixin.qq.com/") {
					t.Errorf("<a href=%q>: the 公众号 allows only links to its articles", a.Val)
				}
			case "src":
				checkPicture(t, a.Val, built)
			}
			if strings.Contains(a.Val, "var(--") {
				t.Errorf("<%s %s=%q>: a custom property the editor cannot resolve", n.Data, a.Key, a.Val)
			}
		}
		if n.DataAtom != atom.Br && strings.TrimSpace(style) == "" {
			t.Errorf("<%s> has no inline style", n.Data)
		}
	}
	refs := map[string]bool{}
	for _, m := range regexp.MustCompile(`>\[(\d+)\]</sup>`).FindAllStringSubmatch(fragment, -1) {
		refs[m[1]] = true
	}
	for n := range refs {
		if !strings.Contains(fragment, `">[`+n+`] `) {
			t.Errorf("note [%s] is cited but not listed", n)
		}
	}
	listed := regexp.MustCompile(`">\[(\d+)\] `).FindAllStringSubmatch(fragment, -1)
	if len(listed) != len(refs) {
		t.Errorf("%d notes listed, %d cited", len(listed), len(refs))
	}
}

// checkPicture checks that a picture's address is on the published site,
// and that its file there is a picture the 公众号 takes.
func checkPicture(t *testing.T, src string, built *publish.Site) {
	t.Helper()
	const base = "https://www.example.org/"
	if !strings.HasPrefix(src, base) {
		t.Errorf("picture %s is not on the published site", src)
		return
	}
	b, err := built.Read(strings.TrimPrefix(src, base))
	if err != nil {
		t.Errorf("picture %s: %v", src, err)
		return
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "jpeg" && format != "png" && format != "gif") {
		t.Errorf("picture %s: %q, %v: the 公众号 takes JPEG, PNG and GIF", src, format, err)
	}
	if len(b) > wechat.ImageMax {
		t.Errorf("picture %s has %d bytes, over the 公众号's %d", src, len(b), wechat.ImageMax)
	}
}

// TestExportNews checks the news post's conversions one by one, so that a
// golden file rewritten by mistake cannot hide one.
func TestExportNews(t *testing.T) {
	t.Parallel()
	res := build(t, newSite(t))
	a, l := export(t, res, "content/news/2026/camp/index.md")
	h := a.HTML
	has := func(what, s string) {
		t.Helper()
		if !strings.Contains(h, s) {
			t.Errorf("%s: no %q in\n%s", what, s, h)
		}
	}
	has("an external link is its text and a note", `>肇庆营地</span><sup style="color:#a4161a;font-size:.75em;line-height:0;vertical-align:super">[1]</sup>`)
	has("a footnote is the next note", `举行<sup style="color:#a4161a;font-size:.75em;line-height:0;vertical-align:super">[2]</sup>`)
	has("a link inside a footnote gets its own note", `>[2] 营地由<span style="color:#a4161a">肇庆示例青少年营地</span><sup style="color:#a4161a;font-size:.75em;line-height:0;vertical-align:super">[3]</sup>提供。</p>`)
	has("a link met again has its first number", `>营地网站</span><sup style="color:#a4161a;font-size:.75em;line-height:0;vertical-align:super">[1]</sup>`)
	has("the notes list full addresses", `[1] 肇庆营地：https://camp.example.com/zhaoqing</p>`)
	has("a 公众号 article stays a link", `<a href="https://mp.weixin.qq.com/s/abc123" style="color:#a4161a;text-decoration:underline">省厅公众号</a>`)
	has("an in-page anchor is its text", `日程见下文。`)
	has("the notes' heading", `>注释与参考链接</p>`)
	has("a Markdown picture, published", `<img src="https://www.example.org/news/2026/07/camp/group.jpg" alt="营员合影"`)
	has("the largest version WeChat takes (not WebP)", `<img src="https://www.example.org/news/2026/07/camp/stage-1280.jpg" alt="才艺展示晚会"`)
	has("ordered markers as text", `>1.&nbsp;第一天：报到</p>`)
	has("nested markers as text, indented", `padding-left:3.0em">◦&nbsp;数控加工</p>`)
	has("numbering goes on after a nested list", `>3.&nbsp;第三天：团体辅导`)
	has("task boxes as text", `>•&nbsp;☑ 已完成总结</p>`)
	has("tables scroll sideways", `<section style="margin:1em 0;overflow-x:auto"><table`)
	has("a column's alignment is kept", `text-align:right;white-space:nowrap">60</td>`)
	has("a video is its poster", `<img src="https://www.example.org/news/2026/07/camp/poster.png" alt="夏令营精彩回顾"`)
	has("and a note to it", `［视频：夏令营精彩回顾，请到网站上查看］`)
	has("a map is a note", `https://map.example.com/embed?q=zhaoqing</p>`)
	has("an SVG drawing is its description and a note", `［图：营地示意图］`)
	if strings.Count(h, `<img src="https://www.example.org/news/2026/07/camp/group.jpg"`) != 2 || strings.Contains(h, "https://www.example.org/news/2026/07/camp/group.jpg</p>") {
		t.Errorf("a photo linking to itself is not the photo alone, without a note")
	}
	if !strings.Contains(h, "日程</h2>") {
		t.Errorf("the heading 日程 is gone")
	}
	if a.Cover != "https://www.example.org/news/2026/07/camp/group.jpg" {
		t.Errorf("cover = %q, want the first picture", a.Cover)
	}
	if a.Summary != "来自全省技工院校的一百余名学生参加了为期五天的夏令营。" {
		t.Errorf("summary = %q", a.Summary)
	}
	// Each warning is where the Markdown has what WeChat loses.
	warned := func(what, s, at string) {
		t.Helper()
		for _, d := range l {
			if strings.Contains(d.Text(diag.Chinese), s) && d.Severity == diag.Warning {
				if d.Pos.String() != at {
					t.Errorf("the warning about %s is at %s, want %s", what, d.Pos, at)
				}
				return
			}
		}
		t.Errorf("no warning about %s (%q) in %v", what, s, l)
	}
	const file = "content/news/2026/camp/index.md"
	warned("the video", "公众号不能播放网站上的视频", file+":30:13")
	warned("the map", "公众号不能显示内嵌的网页", file+":32:14")
	warned("the SVG drawing", "是 SVG 格式", file+":34:1")
	warned("the wide table", "的表格有 3 列", file+":25:1")
	if len(l) != 4 {
		t.Errorf("%d warnings, want 4: %v", len(l), l)
	}
}

// TestExportArticle checks a journal article's code: lines and
// indentation kept as the editor would not keep them, inline code styled.
func TestExportArticle(t *testing.T) {
	t.Parallel()
	res := build(t, newSite(t))
	a, _ := export(t, res, "content/journal/2026/3/cnc.md")
	for what, s := range map[string]string{
		"lines and indents":      `G00 X0 Z0<br>&nbsp;&nbsp;&nbsp;&nbsp;G01 X10 F0.2<br>&nbsp;&nbsp;M30 ; 结束 &lt;程序&gt;</code></pre>`,
		"inline code":            `<code style="font-family:Menlo,Consolas,monospace;font-size:.9em;background:#f6f8fa;padding:.1em .3em;border-radius:3px">G01</code>`,
		"authors":                `>李明（广州示例技师学院）　王芳</p>`,
		"a figure's caption":     `<p style="margin:.5em 0 0;font-size:14px;color:#59636e;text-align:center;text-indent:0">图1　典型零件</p>`,
		"a note's box and label": `<section style="margin:1em 0;padding:.6em 1em;border:1px solid #d8dee4;border-left:4px solid #a4161a;background:#f6f8fa"><p style="margin:0 0 .3em;font-weight:700;text-indent:0;color:#1f2328">警告</p>`,
	} {
		if !strings.Contains(a.HTML, s) {
			t.Errorf("%s: no %q in\n%s", what, s, a.HTML)
		}
	}
}

// TestExportNotice checks what a notice keeps: its 文号 first, its
// attachments as addresses, its 落款 on the right.
func TestExportNotice(t *testing.T) {
	t.Parallel()
	res := build(t, newSite(t))
	a, l := export(t, res, "/notices/2026/03/training/")
	h := a.HTML
	for what, s := range map[string]string{
		"the 文号 first, centred":         `;text-align:left"><p style="margin:0 0 1em;text-align:center;color:#59636e">粤职协〔2026〕3号</p>`,
		"attachments as addresses":      `1. 报名回执（DOCX，17 B）：https://www.example.org/notices/2026/03/training/%E6%8A%A5%E5%90%8D%E5%9B%9E%E6%89%A7.docx</p>`,
		"an attachment without a title": `2. 日程.pdf（PDF，19 B）：https://www.example.org/notices/2026/03/training/%E6%97%A5%E7%A8%8B.pdf</p>`,
		"the 落款 on the right":           `<p style="margin:2em 0 1em;text-align:right;line-height:2">广东省职业培训和技工教育协会<br>2026年3月5日</p>`,
		"a mail address as text":        `请将回执发送至 training@example.org，或致电 020-0000-0000。`,
		"a link to the site is a note":  `[1] 上一期通知：https://www.example.org/notices/2025/03/training/</p>`,
		"paragraphs indented":           `<p style="margin:0 0 1em;text-align:justify;text-indent:2em">各会员单位：</p>`,
	} {
		if !strings.Contains(h, s) {
			t.Errorf("%s: no %q in\n%s", what, s, h)
		}
	}
	if i, j := strings.Index(h, "附件："), strings.Index(h, "text-align:right"); i < 0 || j < i {
		t.Errorf("the attachments do not come before the 落款")
	}
	if len(l) != 0 {
		t.Errorf("warnings for a notice WeChat takes whole: %v", l)
	}
	if a.Cover != "" {
		t.Errorf("cover = %q for a notice without pictures", a.Cover)
	}
}

// TestExportUnpublished warns that a draft's or a future page's pictures
// are not on the site yet, at the key that holds the page back.
func TestExportUnpublished(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	p := filepath.Join(dir, "content", "news", "2026", "camp", "index.md")
	src, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(src, []byte("date ="), []byte("draft = true\ndate ="), 1), 0o644)
	write(t, dir, "content/news/2026/later.md", "+++\ntitle = \"明年的新闻\"\ndate = 2027-01-05\n+++\n正文。\n")
	// An article held back by its draft issue: the draft line is the issue's.
	issue := filepath.Join(dir, "content", "journal", "2026", "3", "_index.md")
	src, _ = os.ReadFile(issue)
	os.WriteFile(issue, bytes.Replace(src, []byte("volume ="), []byte("draft = true\nvolume ="), 1), 0o644)
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), Now: now, Drafts: true, Future: true})
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"content/news/2026/camp/index.md": "content/news/2026/camp/index.md:3:1: 警告 [W02] 公众号：本页是草稿，",
		"content/news/2026/later.md":      "content/news/2026/later.md:3:1: 警告 [W02] 公众号：本页是定时发布、还未到发布时间，",
		"content/journal/2026/3/cnc.md":   "content/journal/2026/3/_index.md:4:1: 警告 [W02] 公众号：本页是草稿，",
	} {
		_, l := export(t, res, file)
		found := false
		for _, d := range l {
			found = found || strings.HasPrefix(d.In(diag.Chinese), want)
		}
		if !found {
			t.Errorf("%s: no warning %q… in %v", file, want, l)
		}
	}
}

// TestExportLimits warns where the 公众号's fields are shorter than the
// page's, and where the site has no address to fetch pictures from.
func TestExportLimits(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	title, description := strings.Repeat("技", 70), strings.Repeat("能", 130)
	write(t, dir, "config.toml", "title = \"协会\"\n")
	write(t, dir, "content/news/2026/long.md", "+++\ntitle = \""+title+"\"\ndate = 2026-05-01\ndescription = \""+description+"\"\n+++\n正文。\n")
	res := build(t, dir)
	a, l := export(t, res, "content/news/2026/long.md")
	if a.Title != title || a.Summary != strings.Repeat("能", 119)+"…" {
		t.Errorf("title %q, summary %q: the title is the editor's to shorten, the summary is cut to 120", a.Title, a.Summary)
	}
	var got []string
	for _, d := range l {
		got = append(got, d.In(diag.Chinese))
	}
	want := []string{
		`config.toml:1:1: 警告 [W01] 公众号：baseURL "/" 不是完整网址，公众号取不到图片，参考链接也打不开；请在 config.toml 写上网站的网址，如 baseURL = "https://www.example.org/"`,
		"content/news/2026/long.md:2:1: 警告 [W03] 公众号：标题有 70 个字，公众号标题最多 64 个字；请在公众号编辑器里缩短",
		"content/news/2026/long.md:4:1: 警告 [W04] 公众号：description 有 130 个字，公众号摘要最多 120 个字，已截断；可在文件开头的设置里写一个较短的 summary",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFind finds a page by each name an editor may give it.
func TestFind(t *testing.T) {
	t.Parallel()
	res := build(t, newSite(t))
	for _, target := range []string{
		"content/news/2026/camp/index.md", "news/2026/camp/index.md", "content/news/2026/camp", "news/2026/camp/",
		"/news/2026/07/camp/", "news/2026/07/camp", "https://www.example.org/news/2026/07/camp/",
	} {
		if p := wechat.Find(res.Model, target); p == nil || p.File != "content/news/2026/camp/index.md" {
			t.Errorf("Find(%q) = %v", target, p)
		}
	}
	for _, target := range []string{"/news/2026/07/", "content/news/2026/nothing.md", "/"} {
		if p := wechat.Find(res.Model, target); p != nil && wechat.Exportable(p) {
			t.Errorf("Find(%q) = %s, exportable", target, p.File)
		}
	}
}

// BenchmarkExport is one export of the news post, which has every kind of
// element: what the button costs on a click, besides the build.
func BenchmarkExport(b *testing.B) {
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(newSite(b)), Now: now})
	if err != nil {
		b.Fatal(err)
	}
	p := wechat.Find(res.Model, "/news/2026/07/camp/")
	b.ReportAllocs()
	for b.Loop() {
		var l diag.List
		wechat.Export(p, res.Model, res.Site, res.Model.Config.BaseURL, &l)
	}
}

// TestCoverIsFeaturedImage: a page's featured image (front matter image)
// is its 公众号 cover, as its widest copy rather than its 4 MB original,
// before the first picture of its text.
func TestCoverIsFeaturedImage(t *testing.T) {
	t.Parallel()
	dir := newSite(t)
	page := filepath.Join(dir, "content", "news", "2026", "camp", "index.md")
	text, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "content/news/2026/camp/index.md", strings.Replace(string(text), "+++\n", "+++\nimage = \"封面.jpg\"\n", 1))
	write(t, dir, "content/news/2026/camp/封面.jpg", string(testkit.PhoneJPEG(1700, 1000, 1, 7)))
	res := build(t, dir)
	a, _ := export(t, res, "content/news/2026/camp/index.md")
	if !regexp.MustCompile(`^https://www\.example\.org/news/2026/07/camp/(封面|%E5%B0%81%E9%9D%A2)\.[0-9a-f]{10}\.1600\.jpg$`).MatchString(a.Cover) {
		t.Errorf("cover = %q, want the featured image's 1600 px copy", a.Cover)
	}
}
