package generator_test

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

var contentURL = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// A real feed parser reads every feed of the sample site: items have absolute
// links and dates within the content's range, and their content has no
// relative URL.
func TestFeedsParse(t *testing.T) {
	t.Parallel()
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "..")), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	var oldest, newest time.Time
	for _, p := range res.Model.Pages {
		if p.Date.IsZero() {
			continue
		}
		if oldest.IsZero() || p.Date.Before(oldest) {
			oldest = p.Date
		}
		if p.Date.After(newest) {
			newest = p.Date
		}
	}
	feeds := 0
	for _, path := range res.Site.Paths() {
		if !strings.HasSuffix(path, "feed.xml") {
			continue
		}
		feeds++
		feed, err := gofeed.NewParser().Parse(bytes.NewReader(res.Site.Files[path]))
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if feed.FeedType != "rss" || feed.Language != "zh-CN" || feed.Title == "" || len(feed.Items) == 0 {
			t.Errorf("%s: type %q, language %q, title %q, %d items", path, feed.FeedType, feed.Language, feed.Title, len(feed.Items))
		}
		for _, item := range feed.Items {
			if !strings.HasPrefix(item.Link, "https://www.example.org/") || item.GUID != item.Link {
				t.Errorf("%s: item %q has link %q and guid %q", path, item.Title, item.Link, item.GUID)
			}
			if item.PublishedParsed == nil || item.PublishedParsed.Before(oldest) || item.PublishedParsed.After(newest) {
				t.Errorf("%s: item %q is dated %v, outside %v–%v", path, item.Title, item.PublishedParsed, oldest, newest)
			}
			if !strings.HasSuffix(item.Published, " +0800") {
				t.Errorf("%s: item %q dated %q, want a numeric zone +0800 (not CST)", path, item.Title, item.Published)
			}
			if item.Content == "" {
				t.Errorf("%s: item %q has no content", path, item.Title)
			}
			for _, m := range contentURL.FindAllStringSubmatch(item.Content, -1) {
				if !strings.Contains(m[1], "://") && !strings.HasPrefix(m[1], "mailto:") {
					t.Errorf("%s: item %q has a relative URL %q", path, item.Title, m[1])
				}
			}
		}
		if !feed.UpdatedParsed.Equal(*feed.Items[0].PublishedParsed) {
			t.Errorf("%s: lastBuildDate %v is not the newest item's date %v", path, feed.UpdatedParsed, feed.Items[0].PublishedParsed)
		}
	}
	if feeds < 10 {
		t.Errorf("only %d feeds; the sample site has a site feed, section feeds and term feeds", feeds)
	}
}
