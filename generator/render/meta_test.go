package render_test

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

// metaTemplate is what Data.Meta replaced in baseof.html, as it was but
// og:url, now percent-encoded (absURI).
const metaTemplate = `
{{- with .Page.Feed}}{{if ne .Page $.Site.Home}}
<link rel="alternate" type="application/rss+xml" title="{{.Page.Title}} - {{$.Site.Config.Title}}" href="{{absURL .URL}}">
{{- end}}{{end}}
<meta property="og:site_name" content="{{.Site.Config.Title}}">
<meta property="og:title" content="{{if .Page.Title}}{{.Page.Title}}{{else}}{{.Site.Config.Title}}{{end}}">
<meta property="og:type" content="{{if isLeaf .Page}}article{{else}}website{{end}}">
<meta property="og:url" content="{{absURI .Page.URL}}">
<meta property="og:locale" content="{{replace .Site.Config.LanguageCode "-" "_"}}">
{{- with .Description}}
<meta property="og:description" content="{{.}}">
{{- end}}`

// headMetaTemplate is what Data.HeadMeta replaced in baseof.html: the
// description and canonical link before Meta, the noindex after.
const headMetaTemplate = `
{{- with .Description}}
<meta name="description" content="{{.}}">
{{- end}}
{{- if ne .Layout "404"}}
<link rel="canonical" href="{{.Permalink}}">
{{- end}}` + metaTemplate + `
{{- if and .Site.Config.Journal.Internal (eq .Page.Section .Site.Config.Journal.Section)}}
<meta name="robots" content="noindex">
{{- end}}`

// Data.Meta and Data.HeadMeta write what their templates wrote, byte for byte, for titles,
// descriptions and URLs made of every character html/template escapes in
// an attribute or a URL, Chinese, and invalid bytes; with and without a
// feed of the output's own list.
func TestMetaAsTheTemplate(t *testing.T) {
	pieces := []string{"招生", "职业教育 2026", "a", " ", `"`, "'", "&", "<", ">", "+", "=", "`", "\x00", "\x01", "%", "%2F", "%e6%8b", "%zz", "#", "?a=b&c=d", "/", ":", "javascript:", "JavaScript:alert(1)", "mailto:", "http://", "https://例子.中国/", "\xff", "\xe6\x8b", "\u2028", "~", "[x]", "(", "）", "\\", "\t", "\n"}
	r := rand.New(rand.NewPCG(5, 6))
	text := func() string {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 3000 {
		cfg := &config.Config{Title: text(), LanguageCode: []string{"zh-CN", "en", "zh-Hant-TW", ""}[r.IntN(4)]}
		cfg.Journal.Section, cfg.Journal.Internal = "journal", r.IntN(2) == 0
		if err := config.SetBaseURL(cfg, []string{"https://www.example.org/", "http://example.org/sub/"}[r.IntN(2)]); err != nil {
			t.Fatal(err)
		}
		home := site.NewPage(&source.Page{Kind: source.KindHome, URL: "/", Branch: true}, nil)
		list := site.NewPage(&source.Page{Kind: source.KindSection, URL: "/" + text() + "/", Branch: true}, home)
		list.FM.Title = text()
		p := site.NewPage(&source.Page{Kind: source.KindPost, URL: "/" + text() + "/", Branch: r.IntN(3) == 0, Section: []string{"journal", "news", ""}[r.IntN(3)]}, list)
		p.FM.Title = text()
		switch r.IntN(3) {
		case 0:
			p.Feed = &site.Feed{URL: list.URL + text() + "feed.xml", Page: list}
		case 1:
			p.Feed = &site.Feed{URL: "/feed.xml", Page: home}
		}
		d := render.Data{Site: &site.Site{Config: cfg, Home: home}, Page: p, Permalink: cfg.AbsURL(p.URL) + text(), Description: text(), Layout: []string{"single", "list", "404"}[r.IntN(3)]}
		for _, c := range []struct {
			name, template string
			got            template.HTML
		}{{"Meta", metaTemplate, d.Meta()}, {"HeadMeta", headMetaTemplate, d.HeadMeta()}} {
			tmpl := template.Must(template.New("meta").Funcs(template.FuncMap{"absURL": cfg.AbsURL, "absURI": cfg.AbsURI, "isLeaf": func(p *site.Page) bool { return !p.Branch }, "replace": strings.ReplaceAll}).Parse("<head>" + c.template + "\n</head>"))
			var want strings.Builder
			if err := tmpl.Execute(&want, d); err != nil {
				t.Fatal(err)
			}
			if got := "<head>" + string(c.got) + "\n</head>"; got != want.String() {
				t.Fatalf("%s wrote\n%s\nwhere the template wrote\n%s", c.name, got, want.String())
			}
		}
	}
}
