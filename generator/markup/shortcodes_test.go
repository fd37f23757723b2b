package markup

import (
	"html/template"
	"io"
	"sort"
	"strings"
	"testing"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/shortcode"
)

// templates is a Shortcodes of html/template sources, as theme loads them.
type templates map[string]string

func (ts templates) Lookup(name string) (bool, bool) {
	src, ok := ts[name]
	return ok, strings.Contains(src, ".Inner")
}

func (ts templates) Names() []string {
	var out []string
	for n := range ts {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

func (ts templates) Execute(w io.Writer, name string, dot *shortcode.Context) error {
	t, err := template.New(name).Parse(ts[name])
	if err != nil {
		return err
	}
	return t.Execute(w, dot)
}

var shortcodes = templates{
	"box":  `<aside>{{.Inner}}</aside>`,
	"em":   `<em>{{.Get 0}}</em>`,
	"pair": `<span title="{{.Get "t"}}">{{.Inner}}</span>`,
	"fig":  `{{$i := .Image "src"}}<figure id="{{.Get "id"}}"><img src="{{$i.URL}}" alt="{{.Get "alt"}}"><figcaption>图{{.Number}} {{.Get "caption"}}</figcaption></figure>`,
	"ref":  `{{with .Ref (.Need 0)}}<a href="#{{.ID}}">图{{.Number}}</a>{{end}}`,
	"who":  `{{.Page.Title}}/{{.Site.Title}}/{{.Ordinal}}/{{with .Parent}}{{.Name}}{{end}}`,
}

var withShortcodes = New(Options{SummaryLength: 120, ReadingSpeed: 400, Shortcodes: shortcodes, Site: &shortcode.Site{Title: "职协"}})

func renderShortcodes(t *testing.T, body string) (*Result, []string) {
	t.Helper()
	doc := Doc{File: "content/news/a.md", Src: []byte(frontMatter + body), BodyStart: len(frontMatter), Page: &shortcode.Page{Title: "标题"}}
	var l diag.List
	res := withShortcodes.Render(doc, links, &l)
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return res, out
}

func TestShortcodesHTML(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"block alone in its paragraph", "前文。\n\n{{% box %}}\n**注意**\n{{% /box %}}\n\n后文。",
			"<p>前文。</p>\n<aside><p><strong>注意</strong></p>\n</aside>\n<p>后文。</p>\n"},
		{"inline, escaped", `如{{< em "<b>" >}}所示`, "<p>如<em>&lt;b&gt;</em>所示</p>\n"},
		{"a {{< >}} pair's inner text is escaped, its calls expanded", `{{< pair t="x" >}}a<b>{{< em y >}}{{< /pair >}}`,
			"<span title=\"x\">a&lt;b&gt;<em>y</em></span>\n"}, // alone in its paragraph, as Hugo: no <p> around
		{"Chinese line breaks inside {{% %}}", "{{% box %}}\n第一行\n第二行\n{{% /box %}}", "<aside><p>第一行第二行</p>\n</aside>\n"},
		{"literal", "`{{</* em x */>}}` {{</* em y */>}}", "<p><code>{{&lt; em x &gt;}}</code> {{&lt; em y &gt;}}</p>\n"},
		{"numbers and a reference before its target", "见{{< ref b >}}。\n\n{{< fig src=\"a.png\" alt=\"甲\" caption=\"一\" id=\"a\" >}}\n\n{{< fig src=\"a.png\" alt=\"乙\" caption=\"二\" id=\"b\" >}}",
			"<p>见<a href=\"#b\">图2</a>。</p>\n<figure id=\"a\"><img src=\"/news/a/a.png\" alt=\"甲\"><figcaption>图1 一</figcaption></figure>\n<figure id=\"b\"><img src=\"/news/a/a.png\" alt=\"乙\"><figcaption>图2 二</figcaption></figure>\n"},
		{"page, site, ordinal, parent", "{{< em a >}} {{% box %}}{{< who >}}{{% /box %}}", "<p><em>a</em> <aside>标题/职协/0/box\n</aside></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, diags := renderShortcodes(t, tt.in)
			if res.HTML() != tt.want {
				t.Errorf("Markdown:\n%s\nHTML:\n%q\nwant:\n%q", tt.in, res.HTML(), tt.want)
			}
			if len(diags) > 0 {
				t.Errorf("diagnostics: %q", diags)
			}
		})
	}
}

// What reads the Markdown reads what the shortcodes render: the text for
// search and counts, the summary (without the figures and boxes) and the
// links for folio check.
func TestShortcodesText(t *testing.T) {
	t.Parallel()
	res, diags := renderShortcodes(t, "如{{< ref a >}}所示，{{< em 校园 >}}很大。\n\n{{< fig src=\"a.png\" alt=\"甲\" caption=\"校园一角\" id=\"a\" >}}\n\n{{% box %}}\n报名截止。\n{{% /box %}}")
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	for _, want := range []string{"如图1所示，校园很大。", "图1 校园一角", "报名截止。"} {
		if !strings.Contains(res.text, want) {
			t.Errorf("the text has no %q:\n%s", want, res.text)
		}
	}
	if strings.ContainsAny(res.text+res.Summary, tokenOpen+tokenClose) {
		t.Errorf("a token is left in the text or summary: %q / %q", res.text, res.Summary)
	}
	if res.Summary != "如图1所示，校园很大。" {
		t.Errorf("summary %q", res.Summary)
	}
	if got := countWords(res.text); res.WordCount != got || got < 15 {
		t.Errorf("word count %d, of the text %d", res.WordCount, got)
	}
	if len(LinksOf(res)) != 1 || LinksOf(res)[0].URL != "/news/a/a.png" || LinksOf(res)[0].Pos.Line != 7 {
		t.Errorf("links: %+v", LinksOf(res))
	}
}

// Positions: a shortcode's mistakes at the call, and the Markdown after a
// call spanning lines where it is in the file.
func TestShortcodesPositions(t *testing.T) {
	t.Parallel()
	_, diags := renderShortcodes(t, "{{% box %}}\n第一行\n[坏](x.md)\n{{% /box %}}\n{{< em\n  a >}} 再见[坏](y.md)\n\n{{< emm b >}}\n\n{{% box %}}\n\n{{< ref nowhere >}}\n{{< fig src=\"missing.png\" >}}")
	want := []string{
		"content/news/a.md:7:1: [L01] link to x.md: there is no such page",
		"content/news/a.md:10:11: [L01] link to y.md: there is no such page",
		`content/news/a.md:12:1: [G10] shortcode "emm" is unknown (did you mean "em"?); the shortcodes are the files of layouts/shortcodes/: box, em, fig, pair, ref, who`,
		"content/news/a.md:14:1: [G11] shortcode box is never closed: it wraps text, so end that text with {{% /box %}}",
		`content/news/a.md:16:1: [G14] no figure or table of this page has id "nowhere"; there is none: give the figure or table an id and a caption, like {{< figure src="campus.jpg" caption="校园" id="campus" >}}`,
		"content/news/a.md:17:1: [L01] link to missing.png: there is no such page",
	}
	sort.Slice(diags, func(i, j int) bool { return lineOf(diags[i]) < lineOf(diags[j]) })
	if strings.Join(diags, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
}

func FuzzShortcodes(f *testing.F) {
	for _, s := range []string{"{{% box %}}\n第一行\n{{% /box %}}", "{{< em a >}}[x](b.md)", "{{< pair >}}{{% box %}}x{{% /box %}}{{< /pair >}}",
		"{{< ref a >}}{{< fig src=\"a.png\" id=\"a\" caption=\"c\" >}}", "{{</* em */>}}", "- {{% box %}}\n  - 项\n  {{% /box %}}", "{{< who >}}", "\ue000\ue019\ue001{{< em a >}}\ue000\ue010\ue001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var l diag.List
		doc := Doc{File: "content/news/a.md", Src: []byte(frontMatter + in), BodyStart: len(frontMatter), Page: &shortcode.Page{}}
		res := withShortcodes.Render(doc, links, &l)
		if strings.ContainsAny(res.HTML()+res.text+res.Summary+res.TOC, tokenOpen+tokenClose) && !strings.ContainsAny(in, tokenOpen+tokenClose) {
			t.Fatalf("a token is left in the output of %q:\n%s", in, res.HTML())
		}
		for _, d := range l {
			if d.Pos.File != "content/news/a.md" || d.Pos.Line < 5 || d.Pos.Col < 1 {
				t.Fatalf("diagnostic outside the body: %v", d)
			}
		}
	})
}

// lineOf is the line of a printed diagnostic, for sorting.
func lineOf(d string) int {
	parts := strings.SplitN(d, ":", 3)
	n := 0
	for _, c := range parts[1] {
		n = n*10 + int(c-'0')
	}
	return n
}

// The table of contents has the headings of a shortcode's Markdown in
// their place, with IDs unique on the page.
func TestShortcodesTOC(t *testing.T) {
	t.Parallel()
	res, diags := renderShortcodes(t, "## 一\n\n{{% box %}}\n## 二 {{< em 乙 >}}\n\n### 一\n{{% /box %}}\n\n## 三")
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	// The shortcode's Markdown is converted first, so its heading has the
	// plain ID; the page's own second 一 gets -1.
	want := `<ul><li><a href="#一-1">一</a></li><li><a href="#二">二 乙</a><ul><li><a href="#一">一</a></li></ul></li><li><a href="#三">三</a></li></ul>`
	if res.TOC != want {
		t.Errorf("TOC:\n%s\nwant:\n%s", res.TOC, want)
	}
	for _, id := range []string{`id="一"`, `id="一-1"`, `id="三"`} {
		if strings.Count(res.HTML(), id) != 1 {
			t.Errorf("the HTML has %s %d times:\n%s", id, strings.Count(res.HTML(), id), res.HTML())
		}
	}
}

// Two figures with one id: the second is an error.
func TestShortcodesDuplicateID(t *testing.T) {
	t.Parallel()
	_, diags := renderShortcodes(t, "{{< fig src=\"a.png\" caption=\"一\" id=\"a\" >}}\n\n{{< fig src=\"a.png\" caption=\"二\" id=\"a\" >}}")
	want := `content/news/a.md:7:1: [G15] shortcode fig: id "a" is already fig 1's on this page; give each figure and table an id of its own`
	if strings.Join(diags, "\n") != want {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(diags, "\n"), want)
	}
}

// Private-use characters of the text (rare characters some Chinese
// documents write with them) stay as they are, even shaped like a token of
// a call the page does not have. (Shaped exactly like one of a call it has,
// U+E000, private-use digits, U+E001, they would be taken for it.)
func TestShortcodesPrivateUseText(t *testing.T) {
	t.Parallel()
	in := "造字\ue000\ue019\ue019\ue001与\ue000\ue001。{{< em a >}}"
	res, diags := renderShortcodes(t, in)
	want := "<p>造字\ue000\ue019\ue019\ue001与\ue000\ue001。<em>a</em></p>\n"
	if len(diags) > 0 || res.HTML() != want {
		t.Errorf("HTML %q, diagnostics %q", res.HTML(), diags)
	}
}

// Hugo's ref names a page; folio's a figure or table, and says so.
func TestShortcodesHugoRef(t *testing.T) {
	t.Parallel()
	_, diags := renderShortcodes(t, `见{{< ref "../notices/plan.md" >}}。`)
	want := `content/news/a.md:5:2: [G14] no figure or table of this page has id "../notices/plan.md"; ref numbers this page's figures and tables; to link to a page, write a link to its file, like [标题](../notices/plan.md)`
	if strings.Join(diags, "\n") != want {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(diags, "\n"), want)
	}
}
