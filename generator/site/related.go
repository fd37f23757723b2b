package site

import (
	"folio.dev/folio/generator/source"
)

// Related reading (相关阅读) at the end of a post or an article: the pages
// that share most with it (a tag, a committee, an article's journal
// column), newest first among equals.
const (
	maxRelated = 5
	// neighbours is how many pages on each side of a page, in a shared
	// term's list (newest first), are its candidates: the pages nearest
	// in time. A tag of 10,000 pages then costs each of its pages twenty
	// candidates, not 10,000, and the model stays linear in the pages.
	neighbours = 10
)

// hasRelated tells the kinds of page that end with related reading, and
// that it offers.
func hasRelated(p *Page) bool {
	return !p.Branch && (p.Kind == source.KindPost || p.Kind == source.KindArticle)
}

// related gives each post and article its Related pages. It runs after
// taxonomies and journal, whose lists it reads: each list is one shared
// thing, each page gets a point from each list it shares with another.
func (s *Site) related() {
	var groups [][]*Page // each list of pages that share one thing, in listing order
	for _, t := range s.Taxonomies {
		for _, term := range t.Terms {
			groups = append(groups, term.Pages)
		}
	}
	byColumn := map[string][]*Page{} // a column's articles across issues
	var columns []string
	for _, p := range s.listed {
		if p.Kind == source.KindArticle && p.InIssue != nil && p.FM.Column != "" {
			if _, ok := byColumn[p.FM.Column]; !ok {
				columns = append(columns, p.FM.Column)
			}
			byColumn[p.FM.Column] = append(byColumn[p.FM.Column], p)
		}
	}
	for _, c := range columns {
		groups = append(groups, byColumn[c])
	}

	// Where each page is in each list it shares: its candidates are its
	// neighbours there.
	type place struct {
		list []*Page
		at   int
	}
	places := map[*Page][]place{}
	for _, g := range groups {
		var list []*Page
		for _, p := range g {
			if hasRelated(p) {
				list = append(list, p)
			}
		}
		for i, p := range list {
			places[p] = append(places[p], place{list, i})
		}
	}
	shared := map[*Page]int{} // candidate -> lists it shares with the page
	var cands []scored
	for _, p := range s.listed {
		clear(shared)
		for _, pl := range places[p] {
			for _, q := range pl.list[max(0, pl.at-neighbours):min(len(pl.list), pl.at+neighbours+1)] {
				if q != p {
					shared[q]++
				}
			}
		}
		if len(shared) == 0 {
			continue
		}
		// The best few by insertion: a page has tens of candidates and
		// keeps five, so sorting them all would be wasted.
		cands = cands[:0]
		for q, n := range shared {
			c := scored{q, n}
			if len(cands) == maxRelated && !s.better(c, cands[maxRelated-1]) {
				continue
			}
			if len(cands) < maxRelated {
				cands = append(cands, c)
			}
			i := len(cands) - 1
			for ; i > 0 && s.better(c, cands[i-1]); i-- {
				cands[i] = cands[i-1]
			}
			cands[i] = c
		}
		p.Related = make([]*Page, len(cands))
		for i, c := range cands {
			p.Related[i] = c.page
		}
	}
}

// scored is a candidate for related reading and how many lists it shares.
type scored struct {
	page   *Page
	shared int
}

// better orders candidates: more shared first, then newest first.
func (s *Site) better(a, b scored) bool {
	if a.shared != b.shared {
		return a.shared > b.shared
	}
	return s.newestFirst(a.page, b.page) < 0
}
