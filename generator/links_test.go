package generator_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/check"
	"folio.dev/folio/generator/diag"
)

// The default theme links a feed or a calendar only when the build makes
// it: with every event a draft or still to come, /events/calendar.ics is
// not made, and no page may link it (folio check would fail on the site).
func TestLinksOnlyToOutputsThatExist(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	base := map[string]string{
		"config.toml":              "title = \"测试\"\n",
		"content/_index.md":        "+++\ntitle = \"首页\"\n+++\n",
		"content/events/_index.md": "+++\ntitle = \"活动\"\n+++\n",
		"content/events/draft.md":  "+++\ntitle = \"草稿\"\ndraft = true\nstart = 2024-07-01\n+++\n",
		"content/events/later.md":  "+++\ntitle = \"以后\"\npublishDate = 2024-09-01\nstart = 2024-10-01\n+++\n",
		"content/news/_index.md":   "+++\ntitle = \"新闻\"\n+++\n",
		"content/news/draft.md":    "+++\ntitle = \"草稿\"\ndraft = true\ndate = 2024-05-01\n+++\n",
	}
	for _, tt := range []struct {
		name     string
		add      map[string]string
		calendar bool
	}{
		{"no published events", nil, false},
		{"one published event", map[string]string{"content/events/now.md": "+++\ntitle = \"现在\"\nstart = 2024-06-20\n+++\n"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{}
			for k, v := range base {
				files[k] = v
			}
			for k, v := range tt.add {
				files[k] = v
			}
			res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, files), Now: now})
			if err != nil {
				var b strings.Builder
				res.Diagnostics.Print(&b, diag.English, 0)
				t.Fatalf("%v\n%s", err, b.String())
			}
			if _, ok := res.Site.Files["events/calendar.ics"]; ok != tt.calendar {
				t.Errorf("events/calendar.ics made: %v, want %v", ok, tt.calendar)
			}
			if home := string(res.Site.Files["index.html"]); strings.Contains(home, "calendar.ics") != tt.calendar {
				t.Errorf("the home page links calendar.ics: %v, want %v", !tt.calendar, tt.calendar)
			}
			var l diag.List
			check.New(res.Site, res.Model, res.Theme).Internal(&l)
			l.Sort()
			var b strings.Builder
			l.Print(&b, diag.English, 0)
			if b.Len() > 0 {
				t.Errorf("folio check finds broken links:\n%s", b.String())
			}
		})
	}
}
