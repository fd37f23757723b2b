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
			for _, page := range []string{"index.html", "events/index.html"} {
				if html := string(res.Site.Files[page]); strings.Contains(html, "calendar.ics") != tt.calendar {
					t.Errorf("%s links calendar.ics: %v, want %v", page, !tt.calendar, tt.calendar)
				}
			}
			var l diag.List
			check.New(res.Site, res.Model, res.Theme, res.Unpublished).Internal(&l)
			l.Sort()
			var b strings.Builder
			l.Print(&b, diag.English, 0)
			if b.Len() > 0 {
				t.Errorf("folio check finds broken links:\n%s", b.String())
			}
		})
	}
}

// An issue with one article, the only issue: its pages show no empty
// previous/next bar (a bordered box with nothing in it on a phone).
func TestNoEmptyPrevNext(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"config.toml":                      "title = \"测试\"\n",
		"content/_index.md":                "+++\ntitle = \"首页\"\n+++\n",
		"content/journal/_index.md":        "+++\ntitle = \"内刊\"\n+++\n",
		"content/journal/2024/1/_index.md": "+++\ntitle = \"2024年第1期\"\nvolume = 2024\nnumber = 1\ndate = 2024-05-01\n+++\n",
		"content/journal/2024/1/only.md":   "+++\ntitle = \"唯一一篇\"\n+++\n正文。\n",
	}
	res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, files), Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		var b strings.Builder
		res.Diagnostics.Print(&b, diag.English, 0)
		t.Fatalf("%v\n%s", err, b.String())
	}
	for _, page := range []string{"journal/2024/1/index.html", "journal/2024/1/only/index.html"} {
		html, ok := res.Site.Files[page]
		if !ok {
			t.Fatalf("no %s among %d files", page, len(res.Site.Files))
		}
		if strings.Contains(string(html), `class="prev-next"`) {
			t.Errorf("%s has a previous/next bar with nothing in it", page)
		}
	}
}
