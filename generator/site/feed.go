package site

import (
	"sort"

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
// the newest pages, at most [feeds] limit of them.
func (s *Site) feeds() {
	var all []*Page
	for _, p := range s.Pages {
		if s.inFeeds(p) {
			all = append(all, p)
		}
	}
	s.feed(s.Home, "/feed.xml", all)
	for _, section := range s.Home.Children {
		if !section.Branch || section.Dir != section.Section {
			continue
		}
		var items []*Page
		for _, p := range all {
			if p.Section == section.Section {
				items = append(items, p)
			}
		}
		s.feed(section, section.URL+"feed.xml", items)
	}
	for _, t := range s.Taxonomies {
		for _, term := range t.Terms {
			var items []*Page
			for _, p := range term.Pages {
				if s.inFeeds(p) {
					items = append(items, p)
				}
			}
			s.feed(term.Page, term.URL+"feed.xml", items)
		}
	}
}

func (s *Site) feed(list *Page, url string, items []*Page) {
	if len(items) == 0 {
		return
	}
	items = append([]*Page(nil), items...)
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Title() != b.Title() {
			return a.Title() < b.Title()
		}
		return a.File < b.File
	})
	if len(items) > s.Config.Feeds.Limit {
		items = items[:s.Config.Feeds.Limit]
	}
	list.Feed = &Feed{URL: url, Page: list, Items: items}
	s.Feeds = append(s.Feeds, list.Feed)
}
