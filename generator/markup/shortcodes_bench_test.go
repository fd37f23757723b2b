package markup_test

import (
	"html/template"
	"os"
	"strings"
	"testing"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/shortcode"
	"folio.dev/folio/generator/theme"
)

// benchArticle is a journal article of about 3,000 characters; with
// shortcodes, its figures, table, note and video are the default theme's.
func benchArticle(shortcodes bool) string {
	para := strings.Repeat("职业技能培训是技工教育的重要组成部分，各院校应当加强校企合作，提升学生的实践能力。", 4) + "\n\n"
	var b strings.Builder
	for i := range 6 {
		b.WriteString("## 第" + string(rune('一'+i)) + "节\n\n" + para)
		if !shortcodes {
			b.WriteString("![实训场地](a.png)\n\n" + para)
			continue
		}
		switch i {
		case 0, 3:
			b.WriteString(`{{< figure src="a.png" alt="实训场地" caption="实训场地一角" id="f` + string(rune('0'+i)) + `" >}}` + "\n\n如{{< ref f" + string(rune('0'+i)) + " >}}所示。" + para)
		case 1:
			b.WriteString("{{% table caption=\"招生人数\" id=\"t\" %}}\n| 专业 | 人数 |\n|---|---|\n| 数控 | 120 |\n{{% /table %}}\n\n" + para)
		case 2:
			b.WriteString("{{% note warning %}}\n报名**截止**后不再受理。\n{{% /note %}}\n\n" + para)
		case 4:
			b.WriteString(`{{< video src="a.png" caption="开营仪式" >}}` + "\n\n" + para)
		default:
			b.WriteString("{{< bilibili BV1xx411c7mD >}}\n\n" + para)
		}
	}
	return b.String()
}

type sized map[string]string

func (sized) Resolve(from, target string) (string, error) { return "/news/a/" + target, nil }
func (sized) ImageSize(from, target string) (int, int, error) {
	return 800, 500, nil
}

// BenchmarkShortcodes converts one article with the default theme's
// shortcodes, and the same article with plain Markdown images instead, to
// show what expanding them costs:
// go test -run XXX -bench Shortcodes -benchmem ./generator/markup/
func BenchmarkShortcodes(b *testing.B) {
	cfg := &config.Config{Theme: "default"}
	var l diag.List
	sc := theme.LoadShortcodes(os.DirFS("../.."), cfg, template.FuncMap{}, &l)
	if len(l) > 0 || len(sc.Names()) < 7 {
		b.Fatalf("the default theme's shortcodes: %v %v", sc.Names(), l)
	}
	md := markup.New(markup.Options{Shortcodes: sc, Site: &shortcode.Site{Title: "职协"}})
	for _, with := range []bool{false, true} {
		name := "plain"
		if with {
			name = "shortcodes"
		}
		src := []byte(benchArticle(with))
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				var l diag.List
				md.Render(markup.Doc{File: "content/news/a.md", Src: src, Page: &shortcode.Page{Title: "标题"}}, sized{}, &l)
				if len(l) > 0 {
					b.Fatal(l)
				}
			}
		})
	}
}

// BenchmarkLoadShortcodes loads the default theme's shortcode templates,
// which every build does before converting the Markdown (folio serve's
// text edits too).
func BenchmarkLoadShortcodes(b *testing.B) {
	cfg := &config.Config{Theme: "default"}
	fsys := os.DirFS("../..")
	for b.Loop() {
		var l diag.List
		theme.LoadShortcodes(fsys, cfg, template.FuncMap{}, &l)
	}
}
