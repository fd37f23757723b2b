package theme

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
)

func load(t *testing.T, fsys fstest.MapFS) (*Theme, diag.List) {
	t.Helper()
	var l diag.List
	cfg := &config.Config{Theme: "default", LanguageCode: "zh-CN"}
	return Load(fsys, cfg, template.FuncMap{}, &l), l
}

func execute(t *testing.T, set *template.Template) string {
	t.Helper()
	if set == nil {
		return "<nil>"
	}
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, "baseof.html", nil); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLookupAndOverrides(t *testing.T) {
	t.Parallel()
	th, l := load(t, fstest.MapFS{
		"themes/default/layouts/baseof.html":     {Data: []byte(`[{{block "main" .}}{{end}}]`)},
		"themes/default/layouts/single.html":     {Data: []byte(`{{define "main"}}theme single {{template "partials/x.html"}}{{end}}`)},
		"themes/default/layouts/list.html":       {Data: []byte(`{{define "main"}}theme list{{end}}`)},
		"themes/default/layouts/event.html":      {Data: []byte(`{{define "main"}}theme event{{end}}`)},
		"themes/default/layouts/partials/x.html": {Data: []byte(`theme partial`)},
		"layouts/event.html":                     {Data: []byte(`{{define "main"}}site event {{T "hello"}} {{T "bye"}} {{T "missing"}}{{end}}`)},
		"layouts/partials/x.html":                {Data: []byte(`site partial`)},
		"themes/default/i18n/zh-CN.toml":         {Data: []byte(`hello = "你好"`)},
		"themes/default/i18n/en.toml":            {Data: []byte("hello = \"hello\"\nbye = \"bye\"")},
		"themes/default/static/css/style.css":    {Data: []byte(`theme`)},
		"static/css/style.css":                   {Data: []byte(`site`)},
		"themes/default/static/js/a.js":          {Data: []byte(`a`)},
	})
	if len(l) > 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	tests := []struct{ fm, layout, fallback, want string }{
		{"", "event", "single", "[site event 你好 bye missing]"},
		{"", "post", "single", "[theme single site partial]"},
		{"", "list", "list", "[theme list]"},
		{"event", "post", "single", "[site event 你好 bye missing]"},
		{"nosuch", "post", "single", "[theme single site partial]"},
	}
	for _, tt := range tests {
		if got := execute(t, th.Lookup(tt.fm, tt.layout, tt.fallback)); got != tt.want {
			t.Errorf("Lookup(%q, %q, %q) = %s, want %s", tt.fm, tt.layout, tt.fallback, got, tt.want)
		}
	}
	if th.Lookup("", "nothing", "") != nil {
		t.Errorf("a layout that does not exist was found")
	}
	wantStatic := map[string]string{"static/css/style.css": "css/style.css", "themes/default/static/js/a.js": "js/a.js"}
	if len(th.Static) != len(wantStatic) {
		t.Errorf("static: %v, want %v", th.Static, wantStatic)
	}
	for src, dst := range wantStatic {
		if th.Static[src] != dst {
			t.Errorf("static: %v, want %v", th.Static, wantStatic)
		}
	}
}

func TestErrorsNameTheFile(t *testing.T) {
	t.Parallel()
	_, l := load(t, fstest.MapFS{
		"themes/default/layouts/baseof.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
		"themes/default/layouts/single.html": {Data: []byte("{{define \"main\"}}\n{{if}}{{end}}")},
	})
	if len(l) != 1 || l[0].Pos.String() != "themes/default/layouts/single.html:2" || !strings.Contains(l[0].Text(diag.English), "missing value for if") {
		t.Errorf("a template error: %v", l)
	}
	_, l = load(t, fstest.MapFS{"config.toml": {Data: []byte("")}})
	if len(l) != 1 || !strings.Contains(l[0].Text(diag.English), `theme "default" not found`) {
		t.Errorf("a missing theme: %v", l)
	}
}

// partialCached renders what {{template}} renders in the same layout,
// escaped the same way, once per layout and key until the next build.
func TestPartialCached(t *testing.T) {
	t.Parallel()
	var l diag.List
	cfg := &config.Config{Theme: "default", LanguageCode: "zh-CN"}
	calls := 0
	funcs := template.FuncMap{"count": func() int { calls++; return calls }}
	th := Load(fstest.MapFS{
		"themes/default/layouts/baseof.html":         {Data: []byte(`{{block "main" .}}{{end}}`)},
		"themes/default/layouts/single.html":         {Data: []byte(`{{define "main"}}{{range .}}{{template "partials/item.html" .}}‖{{partialCached "partials/item.html" . .}}¶{{end}}{{end}}`)},
		"themes/default/layouts/list.html":           {Data: []byte(`{{define "main"}}{{partialCached "partials/item.html" . .}}{{end}}`)},
		"themes/default/layouts/bad.html":            {Data: []byte(`{{define "main"}}{{partialCached "partials/item.html" . .}}{{end}}`)},
		"themes/default/layouts/partials/item.html":  {Data: []byte(`<a href="/{{.}}">{{.}}</a>{{if eq . "a<b"}}#{{count}}{{end}}`)},
		"themes/default/layouts/partials/label.html": {Data: []byte(`{{define "label"}}base{{end}}[{{template "label"}}]`)},
		"themes/default/layouts/event.html":          {Data: []byte(`{{define "label"}}event's own{{end}}{{define "main"}}{{template "partials/label.html"}}{{partialCached "partials/label.html" . 1}}{{end}}`)},
		"themes/default/layouts/home.html":           {Data: []byte(`{{define "main"}}{{template "partials/label.html"}}{{partialCached "partials/label.html" . 1}}{{end}}`)},
		"themes/default/layouts/partials/outer.html": {Data: []byte(`({{partialCached "partials/label.html" . 2}})`)},
		"themes/default/layouts/nested.html":         {Data: []byte(`{{define "main"}}{{partialCached "partials/outer.html" . 3}}{{end}}`)},
		"themes/default/layouts/nestedown.html":      {Data: []byte(`{{define "label"}}own{{end}}{{define "main"}}{{partialCached "partials/outer.html" . 3}}{{end}}`)},
		"themes/default/layouts/broken.html":         {Data: []byte(`{{define "main"}}{{partialCached "partials/fails.html" . 1}}{{end}}`)},
		"themes/default/layouts/partials/fails.html": {Data: []byte("ok\n{{index . 5}}")},
	}, cfg, funcs, &l)
	if len(l) > 0 {
		t.Fatalf("diagnostics: %v", l)
	}
	run := func(layout string, data any) (string, error) {
		var b bytes.Buffer
		err := th.Lookup("", layout, "").ExecuteTemplate(&b, "baseof.html", data)
		return b.String(), err
	}
	got, err := run("single", []string{"a<b", "c d"})
	if err != nil {
		t.Fatal(err)
	}
	items := strings.Split(strings.TrimSuffix(got, "¶"), "¶")
	for _, item := range items {
		plain, cached, _ := strings.Cut(item, "‖")
		if plain != strings.Replace(cached, "#2", "#1", 1) || !strings.Contains(plain, "a&lt;b") && !strings.Contains(plain, "c%20d") {
			t.Errorf("{{template}} gives %q, partialCached %q", plain, cached)
		}
	}
	if len(items) != 2 {
		t.Errorf("%d items: %q", len(items), got)
	}
	// list defines the partial as single does: it takes single's output.
	if first, _ := run("list", "a<b"); calls != 2 || first != `<a href="/a%3cb">a&lt;b</a>#2` {
		t.Errorf("another layout with the same partial rendered it again (%d calls): %q", calls, first)
	}
	if again, _ := run("list", "a<b"); calls != 2 || again != `<a href="/a%3cb">a&lt;b</a>#2` {
		t.Errorf("a key asked for again rendered again (%d calls): %q", calls, again)
	}
	th.StartBuild()
	if again, _ := run("list", "a<b"); calls != 3 || !strings.HasSuffix(again, "#3") {
		t.Errorf("a new build reused the last one's partial (%d calls): %q", calls, again)
	}
	if _, err := run("bad", []string{"x"}); err == nil || !strings.Contains(err.Error(), "the key must be") {
		t.Errorf("a key that cannot be compared: %v", err)
	}
	// event redefines what the partial calls: it never shares with home.
	if got, _ := run("home", nil); got != "[base][base]" {
		t.Errorf("a layout that keeps what a partial calls: %q", got)
	}
	if got, _ := run("event", nil); got != "[event's own][event's own]" {
		t.Errorf("a layout that redefines what a partial calls: %q", got)
	}
	// The same through a partial that calls the redefined one cached.
	if a, b := must(run("nested", nil)), must(run("nestedown", nil)); a != "([base])" || b != "([own])" {
		t.Errorf("a layout that redefines what a partial's partial calls: %q and %q", a, b)
	}
	_, err = run("broken", []string{"x"})
	if pos, _ := th.ErrorPos(err); err == nil || pos.File != "themes/default/layouts/partials/fails.html" || pos.Line != 2 {
		t.Errorf("an error in a cached partial is reported at %v (%v), want the partial's line 2", pos, err)
	}
}

// An i18n file saved with a byte order mark (as Windows editors do) has its
// syntax error reported on the line and at the character the message names.
func TestI18nErrorPosition(t *testing.T) {
	t.Parallel()
	_, l := load(t, fstest.MapFS{
		"themes/default/layouts/baseof.html": {Data: []byte(`x`)},
		"themes/default/i18n/zh-CN.toml":     {Data: []byte("\ufeffmore=\"更多\"\nbye\n")},
	})
	if len(l) != 1 || l[0].Pos.String() != "themes/default/i18n/zh-CN.toml:2:4" || !strings.Contains(l[0].Text(diag.English), "line 2") {
		t.Errorf("got %v, want one error at themes/default/i18n/zh-CN.toml:2:4", l)
	}
}

func must(s string, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	return s
}
