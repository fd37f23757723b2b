package site

import (
	"maps"
	"slices"
	"strings"

	"folio.dev/folio/generator/source"
)

// Feed is an RSS feed of a list: the site, a section or a term.
type Feed struct {
	URL   string // "/news/feed.xml"
	Page  *Page  // the list the feed follows; the home page for the site's
	Items []*Page
}

// inFeeds reports whether a page is something readers subscribe to: a
// dated post, event or journal article, unless the journal is internal.
func (s *Site) inFeeds(p *Page) bool {
	switch {
	case p.Branch || p.Date.IsZero():
		return false
	case p.Kind == source.KindArticle:
		return !s.Config.Journal.Internal
	}
	return p.Kind == source.KindPost || p.Kind == source.KindEvent
}

// feeds makes the site's feed, one per section and one per term, each of
// the newest pages, at most [feeds] limit of them: one pass over the pages
// sorted newest first, each page going to every feed it belongs to.
func (s *Site) feeds() {
	var all []*Page
	for _, p := range s.Pages {
		if s.inFeeds(p) {
			all = append(all, p)
		}
	}
	slices.SortFunc(all, s.newestFirst)
	items := map[*Page][]*Page{} // list page -> its feed's items
	var order []*Page            // list pages in a fixed order
	add := func(list *Page, p *Page) {
		if list == nil || len(items[list]) >= s.Config.Feeds.Limit {
			return
		}
		if _, ok := items[list]; !ok {
			order = append(order, list)
		}
		items[list] = append(items[list], p)
	}
	for _, p := range all {
		add(s.Home, p)
		add(s.Section(p.Section), p)
		for _, name := range slices.Sorted(maps.Keys(p.Terms)) {
			for _, t := range p.Terms[name] {
				add(t.Page, p)
			}
		}
	}
	slices.SortFunc(order, func(a, b *Page) int { return strings.Compare(a.URL, b.URL) })
	for _, list := range order {
		list.Feed = &Feed{URL: list.URL + "feed.xml", Page: list, Items: items[list]}
		s.Feeds = append(s.Feeds, list.Feed)
	}
}
