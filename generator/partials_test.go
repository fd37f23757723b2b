package generator_test

import (
	"folio.dev/folio/generator/diag"

	"context"
	"strings"
	"testing"

	"folio.dev/folio/generator"
)

// With CheckPartials (folio check), a partialCached key that does not
// capture what the partial reads is a warning at the call, naming the
// partial, the key, the two pages and what differs. (The default theme's
// keys capture everything: TestSampleSite and TestSites check with it on.)
func TestCheckPartials(t *testing.T) {
	t.Parallel()
	site := withDefaultTheme(t, map[string]string{
		"config.toml":               "title = \"t\"\n",
		"content/_index.md":         "+++\ntitle = \"首页\"\n+++\n",
		"content/a.md":              "+++\ntitle = \"甲\"\n+++\n",
		"content/b.md":              "+++\ntitle = \"乙\"\n+++\n",
		"layouts/page.html":         "{{define \"main\"}}\n<p>{{partialCached \"partials/who.html\" . \"same\"}}</p>{{end}}",
		"layouts/partials/who.html": "<b>{{.Page.Title}}</b>",
	})
	for _, check := range []bool{false, true} {
		res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow, Workers: 1, CheckPartials: check})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		res.Diagnostics.Print(&b, diag.English, 0)
		got := b.String()
		if !check {
			if got != "" {
				t.Errorf("without checking: %s", got)
			}
			continue
		}
		want := `layouts/page.html:2:6: warning [T13] partialCached "partials/who.html" with the key "same" gives /b/index.html a copy made for /a/index.html, which differs from what the partial renders for it: "<b>甲</b>" where it should be "<b>乙</b>"`
		if !strings.Contains(got, want) {
			t.Errorf("got:\n%s\nwant a message containing:\n%s", got, want)
		}
	}
}

// A site that overrides a partial the theme caches gets its own partial
// rendered for every page: the theme's keys (a breadcrumb's by parent, the
// footer's one for all) were chosen for the theme's partials, not for one
// that shows the page itself. The site's own partialCached calls keep the
// keys the site chose (TestCheckPartials).
func TestSitePartialOverridesThemeCache(t *testing.T) {
	t.Parallel()
	site := withDefaultTheme(t, map[string]string{
		"config.toml":                      "title = \"t\"\n",
		"content/_index.md":                "+++\ntitle = \"首页\"\n+++\n",
		"content/news/_index.md":           "+++\ntitle = \"新闻\"\n+++\n",
		"content/news/a.md":                "+++\ntitle = \"甲\"\ndate = 2026-01-02\n+++\n",
		"content/news/b.md":                "+++\ntitle = \"乙\"\ndate = 2026-01-03\n+++\n",
		"layouts/partials/breadcrumb.html": "<nav class=\"crumb\">{{.Page.Title}}</nav>",
		"layouts/partials/footer.html":     "<footer>{{.Page.URL}}</footer>",
	})
	res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	for path, title := range map[string]string{"news/a/index.html": "甲", "news/b/index.html": "乙"} {
		body := string(res.Site.Files[path])
		if want := `<nav class="crumb">` + title + `</nav>`; !strings.Contains(body, want) {
			t.Errorf("%s has no %s", path, want)
		}
		if want := "<footer>/" + strings.TrimSuffix(path, "index.html") + "</footer>"; !strings.Contains(body, want) {
			t.Errorf("%s has no %s", path, want)
		}
	}
}
