package render

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/theme"
)

// loadTheme loads the layouts given (name -> text) over a baseof.html that
// only calls main, or, with base set, the repository's default theme.
func loadTheme(t *testing.T, layouts map[string]string, base bool) *theme.Theme {
	t.Helper()
	fsys := fstest.MapFS{"config.toml": {Data: []byte("title = \"t\"\n")}}
	if base {
		err := filepath.WalkDir("../../themes/default", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel("../..", p)
			fsys[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	} else {
		fsys["themes/default/layouts/baseof.html"] = &fstest.MapFile{Data: []byte(`{{block "main" .}}{{end}}`)}
	}
	for name, text := range layouts {
		fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	var l diag.List
	cfg := config.Load(fsys, "config.toml", &l)
	th := theme.Load(fsys, cfg, Funcs(cfg, map[string]string{}), &l)
	if l.Errors() > 0 {
		t.Fatal(l.Err())
	}
	return th
}

// A layout's reach follows every way a template can get at a page's text:
// its own page, its pager's pages, and anything else (which counts as
// every page).
func TestLayoutReach(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, layout string
		want         reach
	}{
		{"title only", `{{define "main"}}{{.Page.Title}}{{.Site.Config.Title}}{{end}}`, reach{}},
		{"own content", `{{define "main"}}{{.Content}}{{end}}`, reach{own: true}},
		{"own summary", `{{define "main"}}{{with .Page}}{{.Summary}}{{end}}{{end}}`, reach{own: true}},
		{"own description", `{{define "main"}}{{.Description}}{{end}}`, reach{own: true}},
		{"own share photo", `{{define "main"}}{{range .Shares}}{{.}}{{end}}{{end}}`, reach{own: true}},
		{"own word count in a variable", `{{define "main"}}{{$p := .Page}}{{$p.WordCount}}{{end}}`, reach{own: true}},
		{"items' titles", `{{define "main"}}{{range .Pager.Items}}{{.Title}}{{end}}{{end}}`, reach{}},
		{"items' summaries", `{{define "main"}}{{range .Pager.Items}}{{.Summary}}{{end}}{{end}}`, reach{items: true}},
		{"items through a partial", `{{define "main"}}{{range .Pager.Items}}{{template "partials/x.html" .}}{{end}}{{end}}`, reach{items: true}},
		{"site titles", `{{define "main"}}{{range .Site.Recent "news" 5}}{{.Title}}{{end}}{{end}}`, reach{}},
		{"site summaries", `{{define "main"}}{{range .Site.Recent "news" 5}}{{.Summary}}{{end}}{{end}}`, reach{all: true}},
		{"parent's summary", `{{define "main"}}{{.Page.Parent.Summary}}{{end}}`, reach{all: true}},
		{"index of items", `{{define "main"}}{{(index .Pager.Items 0).HTML}}{{end}}`, reach{items: true}},
		{"index of site pages", `{{define "main"}}{{(index .Site.Pages 0).HTML}}{{end}}`, reach{all: true}},
		{"a page given to a function", `{{define "main"}}{{range .Page.Children}}{{jsonLD .}}{{end}}{{end}}`, reach{all: true}},
		{"an unknown variable", `{{define "main"}}{{$x := .Page}}{{range .Site.Pages}}{{$x = .}}{{end}}{{$x.Summary}}{{end}}`, reach{all: true}},
		{"with else keeps dot", `{{define "main"}}{{with .Page.Parent}}{{.Title}}{{else}}{{.Content}}{{end}}{{end}}`, reach{own: true}},
		{"range with two variables", `{{define "main"}}{{range $i, $p := .Pager.Items}}{{$p.Summary}}{{end}}{{end}}`, reach{items: true}},
		{"partialCached of a site page", `{{define "main"}}{{range .Site.Pages}}{{partialCached "partials/x.html" . .}}{{end}}{{end}}`, reach{all: true}},
		{"an unknown field", `{{define "main"}}{{.Page.Nope.Summary}}{{end}}`, reach{all: true}},
		{"a page printed whole", `{{define "main"}}{{.Page}}{{end}}`, reach{own: true}},
		{"an item printed whole", `{{define "main"}}{{range .Pager.Items}}{{.}}{{end}}{{end}}`, reach{items: true}},
		{"a site page printed by printf", `{{define "main"}}{{printf "%v" .Site.Home}}{{end}}`, reach{all: true}},
		{"a page given to html", `{{define "main"}}{{html .Page.Parent}}{{end}}`, reach{all: true}},
		{"a title printed", `{{define "main"}}{{printf "%s" .Page.Parent.Title}}{{end}}`, reach{}},
		// Found by a review that set out to fool the analysis:
		{"the source page printed", `{{define "main"}}{{.Page.Page}}{{end}}`, reach{own: true}},
		{"the source page in a script", `{{define "main"}}<script>var p = {{.Page.Page}};</script>{{end}}`, reach{own: true}},
		{"site pages in a script", `{{define "main"}}{{range .Site.Pages}}<script>{{.Page}}</script>{{end}}{{end}}`, reach{all: true}},
		{"a variable declared in a chained pipeline", `{{define "main"}}{{($y := .Site.Home).URL}}{{$y.Summary}}{{end}}`, reach{all: true}},
		{"a variable declared in with's argument", `{{define "main"}}{{with ($y := .Site.Home)}}{{$y.Summary}}{{end}}{{end}}`, reach{all: true}},
		{"an assignment in a chained pipeline", `{{define "main"}}{{$x := .Page}}{{($x = .Site.Home).URL}}{{$x.Summary}}{{end}}`, reach{all: true}},
		{"an assignment in an argument", `{{define "main"}}{{$x := .Page}}{{print ($x = .Site.Home).URL}}{{$x.Summary}}{{end}}`, reach{all: true}},
		{"$ assigned in an if", `{{define "main"}}{{if true}}{{$ = .Site.Home}}{{end}}{{$.Summary}}{{end}}`, reach{all: true}},
		{"$ assigned in a loop", `{{define "main"}}{{range .Site.Pages}}{{len $.Page.Summary}}{{$ = .}}{{end}}{{end}}`, reach{all: true}},
		{"an if's declaration shadows", `{{define "main"}}{{$x := .Site.Home}}{{if $x := .Page}}{{end}}{{$x.Summary}}{{end}}`, reach{all: true}},
		{"partialCached with a fixed key", `{{define "main"}}{{partialCached "partials/x.html" .Page "k"}}{{end}}`, reach{all: true}},
		{"partialCached keyed by its data", `{{define "main"}}{{partialCached "partials/x.html" .Page .Page}}{{end}}`, reach{own: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th := loadTheme(t, map[string]string{"single.html": tt.layout, "partials/x.html": `{{.Summary}}`}, false)
			if got := layoutReach(th.Lookup("", "single", "")); got.own != tt.want.own || got.items != tt.want.items || got.all != tt.want.all {
				t.Errorf("reach %+v, want %+v", got, tt.want)
			}
		})
	}
}

// The default theme's layouts, before and after html/template escaped them
// (a kept theme's trees are escaped), read what they show and no more.
func TestDefaultThemeReach(t *testing.T) {
	t.Parallel()
	th := loadTheme(t, nil, true)
	for _, name := range []string{"home", "list", "single", "article", "issue", "event", "taxonomy", "archive", "archives", "journal", "search", "404"} {
		set := th.Lookup("", name, "")
		if set == nil {
			t.Fatalf("no layout %s", name)
		}
		got := layoutReach(set)
		t.Logf("%s: %+v", name, got)
		// html/template escapes a set's trees when it first executes them
		// (this execution fails on the empty data, after escaping).
		_ = set.ExecuteTemplate(io.Discard, "baseof.html", Data{})
		if escaped := layoutReach(set); escaped != got {
			t.Errorf("%s: %+v escaped, %+v before", name, escaped, got)
		}
		if name == "list" && (!got.items || got.all) {
			t.Errorf("list: %+v; it shows its items' summaries and nothing else's", got)
		}
		if (name == "single" || name == "article") && (!got.own || got.all) { // related reading shows titles and dates only
			t.Errorf("%s: %+v; it shows its page's text and nothing else's", name, got)
		}
	}
}
