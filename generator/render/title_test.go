package render

import (
	"html/template"
	"math/rand/v2"
	"strings"
	"testing"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

// The <title> the default theme writes from Data.HeadTitle is the one it
// wrote with actions, for titles of every character the title escapes,
// the home page, and pages without a title.
func TestHeadTitleAsTheTemplate(t *testing.T) {
	before := template.Must(template.New("t").Funcs(template.FuncMap{"kindIs": func(p *site.Page, k string) bool { return string(p.Kind) == k }}).
		Parse(`<title>{{with .Page.Title}}{{if not (kindIs $.Page "home")}}{{.}} - {{end}}{{end}}{{.Site.Config.Title}}</title>`))
	after := template.Must(template.New("t").Parse(`<title>{{.HeadTitle}}</title>`))
	pieces := []string{"招生", "协会", "", " ", "-", `"`, "'", "&", "<", ">", "+", "\x00", "\xff", "</title>"}
	r := rand.New(rand.NewPCG(7, 8))
	text := func() string {
		var b strings.Builder
		for range r.IntN(4) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	kinds := []source.Kind{source.KindHome, source.KindSection, source.KindPost, source.KindPage}
	for range 2000 {
		s := &site.Site{Config: &config.Config{Title: text()}}
		p := site.NewPage(&source.Page{Kind: kinds[r.IntN(len(kinds))], URL: "/a/"}, nil)
		p.FM.Title = text()
		d := dataFor(s, site.Output{Page: p})
		var want, got strings.Builder
		if err := before.Execute(&want, d); err != nil {
			t.Fatal(err)
		}
		if err := after.Execute(&got, d); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("%q of a %s: %s, where the template wrote %s", p.FM.Title, p.Kind, got.String(), want.String())
		}
	}
}
