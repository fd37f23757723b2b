package generator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
	"github.com/mmcdole/gofeed"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

// A title, summary, tag, author or location written to break out of where
// it goes comes out inert in every output: HTML text and attributes,
// JSON-LD, the feeds, iCalendar, the sitemap and the search index.
func TestEscapingEverywhere(t *testing.T) {
	t.Parallel()
	const evil = `</script><script>alert(1)</script>"'&]]><b>x,;\\`
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) } // a TOML basic string
	site := withDefaultTheme(t, map[string]string{
		"config.toml":                      "title = \"测试\"\nbaseURL = \"https://example.org/\"\n",
		"content/_index.md":                "+++\ntitle = \"首页\"\n+++\n",
		"content/news/a.md":                "+++\ntitle = " + q("新闻"+evil) + "\ndate = 2024-06-01\nsummary = " + q("摘要"+evil) + "\ntags = [" + q("标签"+evil) + "]\n+++\n正文。\n",
		"content/events/e.md":              "+++\ntitle = " + q("活动"+evil) + "\ndate = 2024-06-01\nstart = 2026-12-01\nlocation = " + q("地点"+evil) + "\norganizer = " + q("主办"+evil) + "\n+++\n",
		"content/journal/2024/1/_index.md": "+++\ntitle = \"第1期\"\ndate = 2024-06-01\nnumber = 1\ncolumns = [\"栏目\"]\n+++\n",
		"content/journal/2024/1/x.md":      "+++\ntitle = " + q("文章"+evil) + "\ncolumn = \"栏目\"\nauthors = [{name = " + q("作者"+evil) + ", affiliation = " + q("单位"+evil) + "}]\nabstract = " + q("摘要"+evil) + "\nkeywords = [" + q("词"+evil) + "]\n+++\n",
	})
	res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow})
	if err != nil {
		var b strings.Builder
		res.Diagnostics.Print(&b, diag.English, 0)
		t.Fatalf("%v\n%s", err, b.String())
	}
	for _, p := range res.Site.Paths() {
		b := string(res.Site.Files[p])
		switch {
		case strings.HasSuffix(p, ".html"):
			// Only the theme's own scripts, and no element made of the text.
			if strings.Contains(b, "<script>alert(1)") || strings.Contains(b, "<b>x") {
				t.Errorf("%s: the text became HTML", p)
			}
			for _, m := range ldScript.FindAllStringSubmatch(b, -1) {
				var v any
				if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
					t.Errorf("%s: JSON-LD broken by the text: %v", p, err)
				}
				if strings.Contains(m[1], "</script") {
					t.Errorf("%s: JSON-LD can end its script element", p)
				}
			}
		case strings.HasSuffix(p, "feed.xml"):
			feed, err := gofeed.NewParser().Parse(strings.NewReader(b))
			if err != nil {
				t.Errorf("%s: %v", p, err)
				continue
			}
			for _, item := range feed.Items {
				if !strings.HasSuffix(item.Title, evil) {
					t.Errorf("%s: title read back as %q", p, item.Title)
				}
			}
		case strings.HasSuffix(p, ".ics"):
			cal, err := ical.NewDecoder(strings.NewReader(b)).Decode()
			if err != nil {
				t.Errorf("%s: %v", p, err)
				continue
			}
			for _, ev := range cal.Events() {
				if s, _ := ev.Props.Text(ical.PropSummary); s != "活动"+evil {
					t.Errorf("%s: SUMMARY read back as %q", p, s)
				}
				if l, _ := ev.Props.Text(ical.PropLocation); l != "地点"+evil {
					t.Errorf("%s: LOCATION read back as %q", p, l)
				}
			}
		case p == "sitemap.xml":
			if err := xml.Unmarshal([]byte(b), new(struct{})); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		case strings.HasPrefix(p, "search/") && strings.HasSuffix(p, ".json"):
			var v any
			if err := json.Unmarshal([]byte(b), &v); err != nil {
				t.Errorf("%s: %v", p, err)
			}
		}
	}
	// The title reads back whole from the search results file.
	found := false
	for _, p := range res.Site.Paths() {
		if strings.HasPrefix(p, "search/d-") {
			found = found || bytes.Contains(res.Site.Files[p], []byte(`新闻\u003c/script\u003e`))
		}
	}
	if !found {
		t.Errorf("the search results do not hold the title, escaped for JSON")
	}
}
