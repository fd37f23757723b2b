package generator_test

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"folio.dev/folio/generator"
)

// unpublishedSite has an issue that is a draft and one dated after the
// build, each with an article, a draft bundle with an attachment, and a
// cancelled event.
func unpublishedSite(t *testing.T) map[string]string {
	return map[string]string{
		"config.toml":                                 "title = \"测试\"\nbaseURL = \"https://example.org/\"\n",
		"content/_index.md":                           "+++\ntitle = \"首页\"\n+++\n",
		"content/journal/2024/1/_index.md":            "+++\ntitle = \"2024年第1期\"\ndate = 2024-01-10\nnumber = 1\n+++\n",
		"content/journal/2024/1/ok.md":                "+++\ntitle = \"已出版的文章\"\n+++\n正文\n",
		"content/journal/2024/90/_index.md":           "+++\ntitle = \"第90期\"\ndate = 2024-06-01\nnumber = 90\ndraft = true\n+++\n",
		"content/journal/2024/90/a.md":                "+++\ntitle = \"草稿期的文章\"\n+++\n草稿期的正文\n",
		"content/journal/2024/91/_index.md":           "+++\ntitle = \"第91期\"\ndate = 2030-01-01\nnumber = 91\n+++\n",
		"content/journal/2024/91/b.md":                "+++\ntitle = \"未来期的文章\"\n+++\n未来期的正文\n",
		"content/notices/2024/x/index.md":             "+++\ntitle = \"草稿通知\"\ndate = 2024-06-01\ndraft = true\n+++\n[名单](files/embargoed.xlsx)\n",
		"content/notices/2024/x/files/embargoed.xlsx": "名单",
		"content/events/c.md":                         "+++\ntitle = \"取消的培训\"\nstart = 2030-07-10\nstatus = \"cancelled\"\ntags = [\"培训\"]\n+++\n",
	}
}

// Nothing of an unpublished issue or bundle reaches any file of the site:
// pages, lists, the home page, feeds, the sitemap, the search index.
func TestNothingUnpublishedLeaks(t *testing.T) {
	t.Parallel()
	res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, unpublishedSite(t)), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Site.Files["journal/2024/1/ok/index.html"]; !ok {
		t.Fatal("the published article was not built: the test proves nothing")
	}
	secrets := []string{"草稿期的文章", "草稿期的正文", "未来期的文章", "未来期的正文", "/journal/2024/90/", "/journal/2024/91/", "embargoed", "名单"}
	for _, p := range res.Site.Paths() {
		b, err := res.Site.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if strings.Contains(p, strings.Trim(s, "/")) || bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds %q", p, s)
			}
		}
	}
}

// With --drafts and --future, the articles of such issues are built and
// say what their issue is.
func TestArticleOfDraftIssueInPreview(t *testing.T) {
	t.Parallel()
	res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, unpublishedSite(t)), Now: fixedNow, Drafts: true, Future: true})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"journal/2024/90/a/index.html": "草稿：", "journal/2024/91/b/index.html": "定时发布：", "notices/2024/x/files/embargoed.xlsx": "名单"} {
		b, err := res.Site.Read(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s does not say %q", path, want)
		}
	}
}

// A cancelled event says so wherever it is listed: the home page, its
// section and tag lists, the tag's feed and the calendars.
func TestCancelledEventSaysSoEverywhere(t *testing.T) {
	t.Parallel()
	res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, unpublishedSite(t)), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, p := range res.Site.Paths() {
		b, err := res.Site.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		// Each entry of a list, feed or calendar that names the event.
		for _, entry := range regexp.MustCompile(`<li[ >]|<item>|BEGIN:VEVENT`).Split(string(b), -1)[1:] {
			if !strings.Contains(entry, "取消的培训") {
				continue
			}
			seen++
			if !strings.Contains(entry, "已取消") {
				t.Errorf("%s lists the cancelled event without saying so: %.300s", p, entry)
			}
		}
	}
	if seen < 6 {
		t.Errorf("the event is listed in %d places; want the home page, /events/, the tag's page and feed, and two calendars at least", seen)
	}
}
