package markup

import (
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/renderer/html"

	"folio.dev/folio/generator/diag"
)

// resolver is a fake Resolver: a link to a target it knows gives that URL,
// any other target the message "there is no such page".
type resolver map[string]string

func (r resolver) Resolve(from, target string) (string, error) {
	if u, ok := r[from+" -> "+target]; ok {
		return u, nil
	}
	return "", errors.New("there is no such page")
}

var links = resolver{
	"content/news/a.md -> ../notices/plan.md": "/notices/2024/plan/",
	"content/news/a.md -> b.md":               "/news/b/",
	"content/news/a.md -> a.png":              "/news/a/a.png",
	"content/news/a.md -> 图 1.png":            "/news/a/%E5%9B%BE%201.png",
}

var md = New(Options{SummaryLength: 120, ReadingSpeed: 400})

// frontMatter is put before the Markdown in the tests that check positions:
// they must count lines from the top of the file, not of the body.
const frontMatter = "+++\ntitle = \"标题\"\ndate = 2024-06-21\n+++\n"

// render renders body (after frontMatter when fm is set) and returns the
// result and its diagnostics as printed.
func render(t *testing.T, m *Markdown, body string, fm bool) (*Result, []string) {
	t.Helper()
	doc := Doc{File: "content/news/a.md", Src: []byte(body)}
	if fm {
		doc.Src = []byte(frontMatter + body)
		doc.BodyStart = len(frontMatter)
	}
	var l diag.List
	res := m.Render(doc, links, &l)
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return res, out
}

// htmlTest is a Markdown input and the HTML it must give.
type htmlTest struct {
	name, in, want string
}

func runHTML(t *testing.T, m *Markdown, tests []htmlTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, diags := render(t, m, tt.in, false)
			if res.HTML() != tt.want {
				t.Errorf("Markdown:\n%s\nHTML:\n%q\nwant:\n%q", tt.in, res.HTML(), tt.want)
			}
			if len(diags) > 0 {
				t.Errorf("diagnostics: %q", diags)
			}
		})
	}
}

func TestChineseLineBreaks(t *testing.T) {
	t.Parallel()
	runHTML(t, md, []htmlTest{
		{"between two Chinese characters", "第一行\n第二行", "<p>第一行第二行</p>\n"},
		{"trailing space", "中文 \n中文", "<p>中文中文</p>\n"},
		{"after ，", "你好，\nworld", "<p>你好，world</p>\n"},
		{"after 。", "第一句。\nSecond", "<p>第一句。Second</p>\n"},
		{"after ！", "好！\nOK", "<p>好！OK</p>\n"},
		{"after ？", "吗？\nOK", "<p>吗？OK</p>\n"},
		{"after ；", "甲；\nB", "<p>甲；B</p>\n"},
		{"after ：", "如下：\nA", "<p>如下：A</p>\n"},
		{"after 、", "甲、\nB", "<p>甲、B</p>\n"},
		{"before a full-width parenthesis", "word\n（注）", "<p>word（注）</p>\n"},
		{"after a full-width parenthesis", "（注）\n中文", "<p>（注）中文</p>\n"},
		{"before Chinese quotes", "他说\n“好”", "<p>他说“好”</p>\n"},
		{"Chinese then Latin", "中文\nEnglish", "<p>中文\nEnglish</p>\n"},
		{"Latin then Chinese", "English\n中文", "<p>English\n中文</p>\n"},
		{"Chinese then digits", "中文\n2024年", "<p>中文\n2024年</p>\n"},
		{"Latin lines", "one\ntwo", "<p>one\ntwo</p>\n"},
		{"Chinese then inline code", "中文\n`code` 后", "<p>中文\n<code>code</code> 后</p>\n"},
		{"inline code then Chinese", "`code`\n中文", "<p><code>code</code>\n中文</p>\n"},
		{"Chinese then Latin emphasis", "中文\n*English*", "<p>中文\n<em>English</em></p>\n"},
		{"Chinese then an autolink", "中文\n<https://example.org>", "<p>中文\n<a href=\"https://example.org\">https://example.org</a></p>\n"},
		{"a line ending in a link", "见[规划](https://example.org/)\n中文", "<p>见<a href=\"https://example.org/\">规划</a>中文</p>\n"},
		{"a line ending in a Latin link", "见[plan](https://example.org/)\n中文", "<p>见<a href=\"https://example.org/\">plan</a>\n中文</p>\n"},
		{"a line ending in emphasis", "**加粗**\n中文", "<p><strong>加粗</strong>中文</p>\n"},
		{"a line starting with emphasis", "中文\n**加粗**", "<p>中文<strong>加粗</strong></p>\n"},
		{"a line starting with an image", "文字\n![图](a.png)\n文字", "<p>文字<img src=\"/news/a/a.png\" alt=\"图\" decoding=\"async\">文字</p>\n"},
		{"list items", "- 第一项\n  续行\n- second\n  行", "<ul>\n<li>第一项续行</li>\n<li>second\n行</li>\n</ul>\n"},
		{"hard break with two spaces stays", "中文。  \n硬换行", "<p>中文。<br>\n硬换行</p>\n"},
		{"hard break with a backslash stays", "中文\\\n硬换行", "<p>中文<br>\n硬换行</p>\n"},
		{"three lines", "一\n二\n三", "<p>一二三</p>\n"},
	})
}

func TestEmphasis(t *testing.T) {
	t.Parallel()
	runHTML(t, md, []htmlTest{
		{"strong before 。", "**加粗**。", "<p><strong>加粗</strong>。</p>\n"},
		{"strong quotes before Chinese", "**“引号”**后面", "<p><strong>“引号”</strong>后面</p>\n"},
		{"strong quotes between Chinese", "中文**“引号”**中文", "<p>中文<strong>“引号”</strong>中文</p>\n"},
		{"em before ，", "*强调*，好", "<p><em>强调</em>，好</p>\n"},
		{"strong after Chinese", "文字**粗体**", "<p>文字<strong>粗体</strong></p>\n"},
		{"strong before Chinese", "**粗体**文字", "<p><strong>粗体</strong>文字</p>\n"},
		{"strong book title", "见**《规划》**。", "<p>见<strong>《规划》</strong>。</p>\n"},
		{"strong after ：", "注意：**重要**", "<p>注意：<strong>重要</strong></p>\n"},
		{"Latin emphasis", "an *emphasised* word", "<p>an <em>emphasised</em> word</p>\n"},
		{"Latin intraword star", "foo*bar*baz", "<p>foo<em>bar</em>baz</p>\n"},
		{"intraword underscores in Chinese", "文_件_名", "<p>文_件_名</p>\n"},
		{"intraword underscores in Latin", "snake_case_name", "<p>snake_case_name</p>\n"},
		{"double underscores between Chinese", "中文__粗体__中文", "<p>中文__粗体__中文</p>\n"},
		{"underscore emphasis at word edges", "_强调_ 与 __加粗__", "<p><em>强调</em> 与 <strong>加粗</strong></p>\n"},
		{"a lone star", "5 * 3 = 15", "<p>5 * 3 = 15</p>\n"},
		{"strikethrough before 。", "~~删除~~。", "<p><del>删除</del>。</p>\n"},
		{"strikethrough quotes between Chinese", "中文~~“删除”~~中文", "<p>中文<del>“删除”</del>中文</p>\n"},
		{"three tildes are not strikethrough", "a ~~~删除~~~ b", "<p>a ~~~删除~~~ b</p>\n"},
	})
}

func TestHeadingIDs(t *testing.T) {
	t.Parallel()
	runHTML(t, md, []htmlTest{
		{"Chinese", "## 发展回顾", "<h2 id=\"发展回顾\">发展回顾</h2>\n"},
		{"duplicates", "## 发展回顾\n\n## 发展回顾\n\n### 发展回顾", "<h2 id=\"发展回顾\">发展回顾</h2>\n<h2 id=\"发展回顾-1\">发展回顾</h2>\n<h3 id=\"发展回顾-2\">发展回顾</h3>\n"},
		{"full-width punctuation dropped", "### （一）指导思想", "<h3 id=\"一指导思想\">（一）指导思想</h3>\n"},
		{"Latin", "## Hello World Again", "<h2 id=\"hello-world-again\">Hello World Again</h2>\n"},
		{"mixed", "## 2024 年工作要点", "<h2 id=\"2024-年工作要点\">2024 年工作要点</h2>\n"},
		{"markup in the heading", "## **加粗**标题 & `code`", "<h2 id=\"加粗标题-code\"><strong>加粗</strong>标题 &amp; <code>code</code></h2>\n"},
		{"only punctuation", "## ？？", "<h2 id=\"section\">？？</h2>\n"},
		{"IDs are per document, not per converter", "## 发展回顾", "<h2 id=\"发展回顾\">发展回顾</h2>\n"},
	})
}

func TestSlug(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"发展回顾", "发展回顾"},
		{"（一）指导思想", "一指导思想"},
		{"一、总体要求", "一总体要求"},
		{"Hello World", "hello-world"},
		{"  Hello   World  ", "hello-world"},
		{"Hello-World", "hello-world"},
		{"snake_case", "snake-case"},
		{"a - b", "a-b"},
		{"2024 年工作要点", "2024-年工作要点"},
		{"第一章\u3000总则", "第一章-总则"},
		{"— 结语 —", "结语"},
		{"A&amp;B", "ab"},
		{"C++ & Go!", "c-go"},
		{"Ünïcödé", "ünïcödé"},
		{"café", "café"}, // e and a combining acute: the mark is kept
		{"", "section"},
		{"？！", "section"},
		{"   ", "section"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := Slug(tt.in); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTOC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{
			name: "h2 and h3 nest",
			in:   "## 一\n\n### 一点一\n\n### 一点二\n\n## 二\n\n正文。",
			want: `<ul><li><a href="#一">一</a><ul><li><a href="#一点一">一点一</a></li><li><a href="#一点二">一点二</a></li></ul></li><li><a href="#二">二</a></li></ul>`,
		},
		{
			name: "ends inside a nested list",
			in:   "## 一\n\n### 一点一",
			want: `<ul><li><a href="#一">一</a><ul><li><a href="#一点一">一点一</a></li></ul></li></ul>`,
		},
		{
			name: "h1 and h5 are left out",
			in:   "# 题目\n\n## 一\n\n##### 小\n\n## 二",
			want: `<ul><li><a href="#一">一</a></li><li><a href="#二">二</a></li></ul>`,
		},
		{
			name: "a skipped level gets an empty item",
			in:   "## 一\n\n#### 深\n\n## 二",
			want: `<ul><li><a href="#一">一</a><ul><li><ul><li><a href="#深">深</a></li></ul></li></ul></li><li><a href="#二">二</a></li></ul>`,
		},
		{
			name: "starting deeper than later",
			in:   "### 三级\n\n## 二级\n\n### 三级b",
			want: `<ul><li><ul><li><a href="#三级">三级</a></li></ul></li><li><a href="#二级">二级</a><ul><li><a href="#三级b">三级b</a></li></ul></li></ul>`,
		},
		{
			name: "only h3",
			in:   "### 甲\n\n### 乙",
			want: `<ul><li><a href="#甲">甲</a></li><li><a href="#乙">乙</a></li></ul>`,
		},
		{
			name: "duplicate IDs and escaped text",
			in:   "## A & B\n\n## A & B",
			want: `<ul><li><a href="#a-b">A &amp; B</a></li><li><a href="#a-b-1">A &amp; B</a></li></ul>`,
		},
		{
			name: "one heading: no TOC",
			in:   "## 只有一个\n\n正文。",
			want: "",
		},
		{
			name: "no heading: no TOC",
			in:   "正文。",
			want: "",
		},
		{
			name: "headings in a quote do not count",
			in:   "## 一\n\n> ## 引用",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, _ := render(t, md, tt.in, false)
			if res.TOC != tt.want {
				t.Errorf("TOC:\n%s\nwant:\n%s", res.TOC, tt.want)
			}
		})
	}
}

const longText = "为深入贯彻落实党中央、国务院关于职业教育和技能人才工作的决策部署，协会制定本规划。" +
	"规划明确了今后五年的发展目标、主要任务和保障措施。" +
	"协会将围绕技能人才培养、职业技能竞赛、校企合作和行业标准建设等重点工作，充分发挥桥梁纽带作用。" +
	"各会员单位要认真学习领会，结合实际抓好落实。"

func TestSummary(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, fm, want string
	}{
		{
			name: "front matter summary wins",
			in:   "第一段。\n\n<!--more-->\n\n第二段。",
			fm:   "  协会召开年会。\n",
			want: "协会召开年会。",
		},
		{
			name: "blank front matter summary is none",
			in:   "第一段。",
			fm:   " \n ",
			want: "第一段。",
		},
		{
			name: "before <!--more-->, prose only (no headings, quotes)",
			in:   "## 标题\n\n第一段。\n\n> 引用。\n\n<!--more-->\n\n第二段。",
			want: "第一段。",
		},
		{
			name: "<!-- more --> with spaces",
			in:   "第一段。\n\n<!-- more -->\n\n第二段。",
			want: "第一段。",
		},
		{
			name: "<!--more--> right after a paragraph line",
			in:   "第一段。\n<!--more-->\n第二段。",
			want: "第一段。",
		},
		{
			name: "before <!--more--> Latin paragraphs join with a space, Chinese ones without",
			in:   "One.\n\nTwo.\n\n中文。\n\n7月。\n\n<!--more-->\n\nThree.",
			want: "One. Two.中文。7月。",
		},
		{
			name: "automatic, cut at the last 。 within 120 characters",
			in:   longText,
			want: "为深入贯彻落实党中央、国务院关于职业教育和技能人才工作的决策部署，协会制定本规划。规划明确了今后五年的发展目标、主要任务和保障措施。协会将围绕技能人才培养、职业技能竞赛、校企合作和行业标准建设等重点工作，充分发挥桥梁纽带作用……",
		},
		{
			name: "automatic, a short text is not cut",
			in:   "协会召开年会。\n会议审议通过了工作报告。",
			want: "协会召开年会。会议审议通过了工作报告。",
		},
		{
			name: "automatic, no quotes, headings, code or tables",
			in:   "## 标题\n\n> 样稿说明：这是引用。\n\n导语。\n\n```go\ncode()\n```\n\n| a | b |\n|---|---|\n| 表 | 格 |\n\n- 列表一\n- 列表二\n\n结尾。",
			want: "导语。列表一 列表二结尾。",
		},
		{
			name: "automatic, markup removed",
			in:   "见**《规划》**和[通知](https://example.org/)，`code` 与 &amp; 符号。",
			want: "见《规划》和通知，code 与 & 符号。",
		},
		{
			name: "automatic, only a quote",
			in:   "> 样稿说明。",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var l diag.List
			res := md.Render(Doc{File: "content/news/a.md", Src: []byte(tt.in), Summary: tt.fm}, links, &l)
			if res.Summary != tt.want {
				t.Errorf("summary:\n%q\nwant:\n%q", res.Summary, tt.want)
			}
		})
	}
}

func TestMoreMarkerIsNotInTheHTML(t *testing.T) {
	t.Parallel()
	res, diags := render(t, md, "第一段。\n\n<!--more-->\n\n第二段。", false)
	if want := "<p>第一段。</p>\n<p>第二段。</p>\n"; res.HTML() != want {
		t.Errorf("HTML = %q, want %q", res.HTML(), want)
	}
	if len(diags) != 0 {
		t.Errorf("the marker was reported as raw HTML: %q", diags)
	}
}

func TestCut(t *testing.T) {
	t.Parallel()
	a10 := strings.Repeat("字", 10)
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short", "短文。", 10, "短文。"},
		{"exactly n", a10, 10, a10},
		{"at the last 。 in the second half", "一二三四五六。八九十一二三", 10, "一二三四五六……"},
		{"at ！", "一二三四五六！八九十一二三", 10, "一二三四五六……"},
		{"at ？", "一二三四五六？八九十一二三", 10, "一二三四五六……"},
		{"a 。 in the first half is too early", "一二。四五六七八九十一二三", 10, "一二。四五六七八九十……"},
		{"no sentence end: cut at n", a10 + "多", 10, a10 + "……"},
		{"a trailing ， is dropped", "一二三四五六七八九，十一", 10, "一二三四五六七八九……"},
		{"a trailing space is dropped", "one two three four", 8, "one two……"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := cut(tt.in, tt.n); got != tt.want {
				t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestCountWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"中文", 2},
		{"职业技能竞赛。", 6},
		{"hello world", 2},
		{"don't e-mail", 2},
		{"2024", 1},
		{"第15届", 3},
		{"1,200 人", 2},
		{"3.14 and 1.", 3},
		{"2024年6月", 4},
		{"The quick brown fox jumps. 我们在2024年举办了第15届大赛。", 5 + 3 + 1 + 5 + 1 + 3},
		{"かな カナ", 4},
		{"，。！？", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := countWords(tt.in); got != tt.want {
				t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestWordCountAndReadingTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		in          string
		words, time int
	}{
		{"empty", "", 0, 1},
		{"Chinese", "职业技能竞赛。", 6, 1},
		{"markup is not counted", "## 标题\n\n**加粗**的[链接](https://example.org/)。", 7, 1},
		{"code blocks are not counted", "正文。\n\n```\nfunc main() {}\n```", 2, 1},
		{"raw HTML is not counted", "正文。\n\n<div>不算</div>", 2, 1},
		{"400 characters: 1 minute", strings.Repeat("字", 400), 400, 1},
		{"401 characters: rounds up to 2", strings.Repeat("字", 401), 401, 2},
		{"800 characters", strings.Repeat("字", 800), 800, 2},
		{"801 characters", strings.Repeat("字", 801), 801, 3},
		{"Latin words", strings.Repeat("word ", 450), 450, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, _ := render(t, md, tt.in, false)
			if res.WordCount != tt.words || res.ReadingTime != tt.time {
				t.Errorf("WordCount, ReadingTime = %d, %d; want %d, %d", res.WordCount, res.ReadingTime, tt.words, tt.time)
			}
		})
	}
}

func TestLeadingSpaces(t *testing.T) {
	t.Parallel()
	runHTML(t, md, []htmlTest{
		{"full-width spaces", "\u3000\u3000段首全角空格。", "<p>段首全角空格。</p>\n"},
		{"no-break spaces", "\u00a0\u00a0不换行空格。", "<p>不换行空格。</p>\n"},
		{"&nbsp;", "&nbsp;&nbsp;实体。", "<p>实体。</p>\n"},
		{"mixed", "\u3000&nbsp;\u00a0\u3000混合。", "<p>混合。</p>\n"},
		{"alternating &nbsp; and spaces", "&nbsp; &nbsp; 正文。", "<p>正文。</p>\n"},
		{"every paragraph", "\u3000\u3000第一段。\n\n\u3000\u3000第二段。", "<p>第一段。</p>\n<p>第二段。</p>\n"},
		{"before emphasis", "\u3000\u3000**加粗**开头。", "<p><strong>加粗</strong>开头。</p>\n"},
		{"only at the start", "中\u3000文&nbsp;。", "<p>中\u3000文\u00a0。</p>\n"},
	})
}

// TestLeadingSpacesAfterASCIISpace: goldmark (GFM linkify) splits the text
// of "\u3000 \u3000混合" into "\u3000" and " \u3000混合", and trimIndent
// only looks at the first text node.
func TestLeadingSpacesAfterASCIISpace(t *testing.T) {
	t.Parallel()
	runHTML(t, md, []htmlTest{
		{"full-width, space, full-width", "\u3000 \u3000混合。", "<p>混合。</p>\n"},
		{"no-break, space, full-width", "\u00a0 \u3000混合。", "<p>混合。</p>\n"},
	})
}

func TestLinks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		in    string
		html  string
		diags []string
	}{
		{
			name: "to a Markdown file, fragment kept",
			in:   "见[规划](../notices/plan.md#part)。",
			html: "<p>见<a href=\"/notices/2024/plan/#part\">规划</a>。</p>\n",
		},
		{
			name: "to a Markdown file beside it",
			in:   "见[另一篇](b.md)。",
			html: "<p>见<a href=\"/news/b/\">另一篇</a>。</p>\n",
		},
		{
			name: "other links are left alone",
			in:   "[站外](https://example.org/a.md) [锚点](#part) [根](/a.md) [邮件](mailto:a@example.org)",
			html: "<p><a href=\"https://example.org/a.md\">站外</a> <a href=\"#part\">锚点</a> <a href=\"/a.md\">根</a> <a href=\"mailto:a@example.org\">邮件</a></p>\n",
		},
		{
			name: "links to files and images become their URLs",
			in:   "[文件](a.png) ![图](%E5%9B%BE%201.png)",
			html: "<p><a href=\"/news/a/a.png\">文件</a> <img src=\"/news/a/%E5%9B%BE%201.png\" alt=\"图\" decoding=\"async\"></p>\n",
		},
		{
			name:  "a missing image is an error at its !",
			in:    "文字![图](missing.png)",
			html:  "<p>文字<img src=\"missing.png\" alt=\"图\" decoding=\"async\"></p>\n",
			diags: []string{"content/news/a.md:5:3: [L01] link to missing.png: there is no such page"},
		},
		{
			name:  "a missing target, positions from the top of the file",
			in:    "第一行\n见[缺失](../notices/missing.md#x)。",
			html:  "<p>第一行见<a href=\"../notices/missing.md#x\">缺失</a>。</p>\n",
			diags: []string{"content/news/a.md:6:2: [L01] link to ../notices/missing.md: there is no such page"},
		},
		{
			name: "two missing targets",
			in:   "[甲](x.md)\n\n  [乙](y.md)",
			html: "<p><a href=\"x.md\">甲</a></p>\n<p><a href=\"y.md\">乙</a></p>\n",
			diags: []string{
				"content/news/a.md:5:1: [L01] link to x.md: there is no such page",
				"content/news/a.md:7:3: [L01] link to y.md: there is no such page",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, diags := render(t, md, tt.in, true)
			if res.HTML() != tt.html {
				t.Errorf("HTML:\n%q\nwant:\n%q", res.HTML(), tt.html)
			}
			if !slices.Equal(diags, tt.diags) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(tt.diags, "\n"))
			}
		})
	}
}

// TestLinkPositionWithMarkup: the position of a link with a problem is its
// "[", whatever the link's text starts with.
func TestLinkPositionWithMarkup(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"见[**缺失**](x.md)", "content/news/a.md:5:2: [L01] link to x.md: there is no such page"},
		{"见[`代码`](x.md)", "content/news/a.md:5:2: [L01] link to x.md: there is no such page"},
		{"第一行\n见[](x.md)", "content/news/a.md:6:2: [L01] link to x.md: there is no such page"},
	}
	for _, tt := range tests {
		_, diags := render(t, md, tt.in, true)
		if len(diags) != 1 || diags[0] != tt.want {
			t.Errorf("%q: diagnostics %q, want %s", tt.in, diags, tt.want)
		}
	}
}

const rawWarning = "warning [M03] raw HTML is left out of the page (for safety, the site does not publish HTML in a text); write it in Markdown, or with a shortcode such as {{< figure >}}, {{< table >}} or {{< video >}}; if it must be HTML, ask the site's maintainer (README: [markup] unsafe)"

func TestRawHTML(t *testing.T) {
	t.Parallel()
	in := "<div>原始</div>\n\n文字<span>行内</span>"
	res, diags := render(t, md, in, true)
	if want := "<!-- raw HTML omitted -->\n<p>文字<!-- raw HTML omitted -->行内<!-- raw HTML omitted --></p>\n"; res.HTML() != want {
		t.Errorf("HTML:\n%q\nwant:\n%q", res.HTML(), want)
	}
	want := []string{
		"content/news/a.md:5:1: " + rawWarning,
		"content/news/a.md:7:3: " + rawWarning,
		"content/news/a.md:7:11: " + rawWarning,
	}
	if !slices.Equal(diags, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
	if res.WordCount != 4 {
		t.Errorf("WordCount = %d, want 4", res.WordCount)
	}

	unsafe := New(Options{Unsafe: true, SummaryLength: 120, ReadingSpeed: 400})
	res, _ = render(t, unsafe, in, true)
	if want := "<div>原始</div>\n<p>文字<span>行内</span></p>\n"; res.HTML() != want {
		t.Errorf("unsafe HTML:\n%q\nwant:\n%q", res.HTML(), want)
	}
}

func TestScriptIsLeftOut(t *testing.T) {
	t.Parallel()
	runHTML(t, New(Options{SummaryLength: 120, ReadingSpeed: 400}), []htmlTest{
		{"javascript link", "[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n"},
		{"in code", "`<script>`", "<p><code>&lt;script&gt;</code></p>\n"},
	})
}

func TestRawHTMLUnsafeHasNoWarning(t *testing.T) {
	t.Parallel()
	unsafe := New(Options{Unsafe: true, SummaryLength: 120, ReadingSpeed: 400})
	_, diags := render(t, unsafe, "<div>原始</div>\n\n文字<span>行内</span>", true)
	if len(diags) != 0 {
		t.Errorf("diagnostics with Unsafe: %q", diags)
	}
}

func TestGFM(t *testing.T) {
	t.Parallel()
	runHTML(t, md, []htmlTest{
		{
			"table",
			"| 甲 | 乙 |\n|---|--:|\n| 1 | **2** |",
			"<table>\n<thead>\n<tr>\n<th>甲</th>\n<th style=\"text-align:right\">乙</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td style=\"text-align:right\"><strong>2</strong></td>\n</tr>\n</tbody>\n</table>\n",
		},
		{"strikethrough", "~~删除~~ and ~~gone~~", "<p><del>删除</del> and <del>gone</del></p>\n"},
		{
			"task list",
			"- [x] 完成\n- [ ] 未完成",
			"<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> 完成</li>\n<li><input disabled=\"\" type=\"checkbox\"> 未完成</li>\n</ul>\n",
		},
		{
			"footnote",
			"脚注[^1]。\n\n[^1]: 注释内容。",
			"<p>脚注<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>。</p>\n<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>注释内容。&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p>\n</li>\n</ol>\n</div>\n",
		},
		{"autolink", "见 https://example.org/ 。", "<p>见 <a href=\"https://example.org/\">https://example.org/</a> 。</p>\n"},
	})
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"第一行\n第二行", "你好，\nworld", "中文\n`code` 后", "见[规划](../notices/plan.md#part)\n中文",
		"**加粗**。", "**“引号”**后面", "中文**“引号”**中文", "*强调*，", "文_件_名", "~~删除~~。",
		"## 发展回顾\n\n## 发展回顾\n\n### （一）指导思想", "## 一\n\n#### 深\n\n## 二",
		"第一段。\n\n<!--more-->\n\n第二段。", longText, "> 样稿说明。\n\n正文。",
		"\u3000\u3000段首。", "&nbsp;实体。", "[缺失](missing.md)", "[**缺失**](x.md)", "[](x.md)",
		"<div>原始</div>\n\n文字<span>行内</span>", "<script>alert(1)</script>", "中文\n<script>alert(1)</script>",
		"[x](javascript:alert(1))", "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |", "- [x] 完成", "脚注[^1]。\n\n[^1]: 注释。",
		"## <script>x</script>\n\n## b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var l diag.List
		res := md.Render(Doc{File: "content/news/a.md", Src: []byte(frontMatter + in), BodyStart: len(frontMatter)}, links, &l)
		for _, out := range []string{res.HTML(), res.TOC} {
			if strings.Contains(strings.ToLower(out), "<script") {
				t.Fatalf("raw <script in the output of %q:\n%s", in, out)
			}
		}
		if res.ReadingTime < 1 || res.WordCount < 0 {
			t.Fatalf("WordCount %d, ReadingTime %d", res.WordCount, res.ReadingTime)
		}
		for _, d := range l {
			if d.Pos.File != "content/news/a.md" || d.Pos.Line < 5 || d.Pos.Col < 1 {
				t.Fatalf("diagnostic outside the body: %v", d)
			}
		}
	})
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{
		"发展回顾", "（一）指导思想", "Hello World", "  Hello   World  ", "snake_case", "2024 年工作要点",
		"第一章\u3000总则", "— 结语 —", "A&amp;B", "C++ & Go!", "Ünïcödé", "café", "", "？！", "&amp;lt;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got == "" {
			t.Fatalf("Slug(%q) is empty", s)
		}
		if strings.ContainsFunc(got, unicode.IsSpace) {
			t.Fatalf("Slug(%q) = %q has a space", s, got)
		}
		if again := Slug(got); again != got {
			t.Fatalf("Slug(Slug(%q)) = %q, Slug = %q", s, again, got)
		}
	})
}

// TestIsLetterOrDigit: the shortcuts for ASCII and Chinese punctuation
// answer as the Unicode tables do, for every character.
func TestIsLetterOrDigit(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isLetterOrDigit(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("isLetterOrDigit(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestCutValid: cutting by byte offsets gives what cutting the runes did,
// on generated text of Chinese, sentence ends, Latin, spaces, commas and
// broken bytes.
func TestCutValid(t *testing.T) {
	t.Parallel()
	byRunes := func(s string, n int) string { // cut as it was: by a slice of runes
		rs := []rune(s)
		if len(rs) <= n {
			return s
		}
		rs = rs[:n]
		end := n
		for i := n - 1; i >= n/2; i-- {
			if rs[i] == '。' || rs[i] == '！' || rs[i] == '？' {
				end = i
				break
			}
		}
		return strings.TrimRight(string(rs[:end]), " ，、；：,;:") + "……"
	}
	pieces := []string{"字", "。", "！", "？", "，", "a", " ", "、", "B2", "；", "\xff", "\xe4\xb8"}
	rng := rand.New(rand.NewPCG(21, 2026))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s, n := b.String(), 1+rng.IntN(30)
		if got, want := cut(s, n), byRunes(s, n); got != want {
			t.Fatalf("cut(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
	if got, want := cut("一二\xff四五六七八九十", 5), "一二\uFFFD四五……"; got != want {
		t.Errorf("with a broken byte: cut = %q, want %q", got, want)
	}
}

// TestPlainWriter: the shortcut writes what goldmark's writer writes, on
// generated text with every byte that writer treats apart.
func TestPlainWriter(t *testing.T) {
	t.Parallel()
	pieces := []string{"中文", "a", "\\", "&", "<", ">", "\"", "\x00", "#", ";", "x2F", "amp", "*", " "}
	rng := rand.New(rand.NewPCG(21, 9))
	fast, slow := plainWriter{html.NewWriter()}, html.NewWriter()
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := []byte(b.String())
		for _, raw := range []bool{false, true} {
			var got, want buffer
			if raw {
				fast.RawWrite(&got, src)
				slow.RawWrite(&want, src)
			} else {
				fast.Write(&got, src)
				slow.Write(&want, src)
			}
			if got.String() != want.String() {
				t.Fatalf("raw %v: %q written as %q, goldmark writes %q", raw, src, got.String(), want.String())
			}
		}
	}
}

// TestCountWordsFast: the loop that decodes Chinese itself counts as the
// loop over runes with the Unicode tables did, on generated text.
func TestCountWordsFast(t *testing.T) {
	t.Parallel()
	byTables := func(s string) int { // countWords as it was
		n, inWord, prev := 0, false, rune(-1)
		for i, r := range s {
			inNumber := (r == ',' || r == '.') && unicode.IsDigit(prev) && i+1 < len(s) && unicode.IsDigit(firstRune(s[i+1:]))
			prev = r
			switch {
			case unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana):
				n++
				inWord = false
			case unicode.IsLetter(r) || unicode.IsDigit(r) || (inWord && (r == '\'' || r == '-' || inNumber)):
				if !inWord {
					n++
				}
				inWord = true
			default:
				inWord = false
			}
		}
		return n
	}
	pieces := []string{"中", "一", "䷀", "䶿", "䀀", "鿿", "〇", "々", "。", "，", "「", "a", "Z", "9", "１", "Ａ", ",", ".", "'", "-", " ", "é", "かな", "ｶ", "\xff", "\xe4\xb8", "\xe4", "𠀀"}
	rng := rand.New(rand.NewPCG(21, 7))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if got, want := countWords(b.String()), byTables(b.String()); got != want {
			t.Fatalf("countWords(%q) = %d, want %d", b.String(), got, want)
		}
	}
}

func TestIsHanOrKana(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana)
		if got := isHanOrKana(r); got != want {
			t.Fatalf("isHanOrKana(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestTooDeep: lists and quotes nested deeper than MaxNesting are found
// by the line that goes too deep, in any of the ways Markdown nests.
func TestTooDeep(t *testing.T) {
	t.Parallel()
	indented := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	deep := MaxNesting + 1
	tests := []struct {
		body string
		want int
	}{
		{"正文\n\n- a\n  - b\n    1. c\n> d\n", -1},
		{indented(MaxNesting), -1},
		{indented(deep), len(indented(MaxNesting))},
		{"a\n" + strings.Repeat("> ", deep) + "x\n", 2},
		{strings.Repeat("- ", deep) + "x\n", 0},
		{strings.Repeat("1. ", deep/2) + strings.Repeat("> ", deep/2+1) + "x\n", 0},
		{strings.Repeat("\t", deep/2) + "- x\n", 0}, // tabs count four columns
		{strings.Repeat(" ", 4*deep) + "code, not a list\n", -1},
		{strings.Repeat("-", 4*deep) + "\n", -1}, // a rule
	}
	for _, tt := range tests {
		if got := tooDeep([]byte(tt.body)); got != tt.want {
			t.Errorf("tooDeep(%.40q...) = %d, want %d", tt.body, got, tt.want)
		}
	}
}

// What was meant as an image, a link or a heading and is printed as it is
// written gets a warning at its place; Markdown written as it is on
// purpose (code, an escape, angle brackets, a quoted title, a #topic#)
// gets none.
func TestLintMeantAsMarkup(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string // each diagnostic up to its code
	}{
		{"见![学员合影](学员 合影 2025.jpg)。", []string{"content/news/a.md:5:2: warning [M04]"}},
		{"- 列表里 [回执](回执 2024.csv)", []string{"content/news/a.md:5:7: warning [M04]"}},
		{"详见[报名回执]（回执.csv）。", []string{"content/news/a.md:5:3: warning [M05]"}},
		{"第一行\n！[合影](<合影 1.jpg>)", []string{"content/news/a.md:6:1: warning [M05]", "content/news/a.md:6:2: [L01]"}}, // a link, then
		{"##活动花絮", []string{"content/news/a.md:5:1: warning [M06]"}},
		{"#活动花絮", []string{"content/news/a.md:5:1: warning [M06]"}},
		{"#技能中国行# 是一个话题。", nil},
		{"`![代码](a b.jpg)` 与 \\![转义](a b.jpg)", nil},
		{"[尖括号](<https://example.org/a b>) [有标题](https://example.org/ \"标题 有空格\")", nil},
		{"## 活动花絮\n\n#1 号楼", nil},
	}
	for _, tt := range tests {
		_, diags := render(t, md, tt.in, true)
		var got []string
		for _, d := range diags {
			code, _, _ := strings.Cut(d, "] ")
			got = append(got, code+"]")
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: diagnostics %q, want %q", tt.in, diags, tt.want)
		}
	}
}
