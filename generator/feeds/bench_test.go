package feeds_test

import (
	"testing"

	"folio.dev/folio/generator/feeds"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkStage makes the machine-readable files of the 1,000-page
// synthetic corpus, as a build does beside the rendering: the calendars,
// the RSS feeds (site, sections, terms), the sitemap and robots.txt.
// go test -run XXX -bench Stage -benchmem ./generator/feeds/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Model)
	for b.Loop() {
		cals, rss := feeds.Calendars(c.Model, func(k string) string { return k }, nil), feeds.RSS(c.Model, "/feed.css", func(k string) string { return k }, nil)
		sitemap, robots := feeds.Sitemaps(c.Model)["sitemap.xml"], feeds.Robots(c.Model)
		if len(cals) == 0 || len(rss) == 0 || len(sitemap) == 0 || len(robots) == 0 {
			b.Fatalf("%d calendars, %d feeds, %d bytes of sitemap, %d of robots.txt", len(cals), len(rss), len(sitemap), len(robots))
		}
	}
	testkit.PerPage(b, len(c.Content.Pages))
}
