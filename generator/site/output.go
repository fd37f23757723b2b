package site

import (
	"fmt"
	"strings"

	"folio.dev/folio/generator/source"
)

// Output is one file to render: a page, one page of a paginated list, or a
// redirect left at an old URL.
type Output struct {
	// Path is the file below the site root: "news/page/2/index.html".
	Path string
	// Layout names the template: the page's kind, or "list", "taxonomy",
	// "alias", "404".
	Layout   string
	Page     *Page
	Pager    *Pager     // for lists
	Taxonomy *Taxonomy  // for taxonomy and term lists
	Term     *Term      // for term lists
	Archive  *Archive   // for the list of a year or a month
	Years    []*Archive // for a section's archive index
	// RedirectTo is the URL an alias page sends the reader to.
	RedirectTo string
}

// Pager is one page of a paginated list.
type Pager struct {
	Number int     // from 1
	Items  []*Page // the pages on this page of the list
	URLs   []string
}

// Total is the number of pages of the list.
func (p *Pager) Total() int { return len(p.URLs) }

// Prev is the URL of the previous page of the list, or "".
func (p *Pager) Prev() string {
	if p.Number <= 1 {
		return ""
	}
	return p.URLs[p.Number-2]
}

// Next is the URL of the next page of the list, or "".
func (p *Pager) Next() string {
	if p.Number >= len(p.URLs) {
		return ""
	}
	return p.URLs[p.Number]
}

// PageLink is one entry of a list's page navigation. A Gap stands for the
// pages left out between two links.
type PageLink struct {
	Number int
	URL    string
	Gap    bool
}

// Window returns the page links to show: the first and the last page and
// the two either side of this one, with gaps for the rest. Linking every
// page would put 750 links on each of a 7,500-post section's 750 pages
// (and render them: the work grows with the square of the list).
func (p *Pager) Window() []PageLink {
	const side = 2
	var links []PageLink
	for n := 1; n <= len(p.URLs); n++ {
		if n == 1 || n == len(p.URLs) || (n >= p.Number-side && n <= p.Number+side) {
			links = append(links, PageLink{Number: n, URL: p.URLs[n-1]})
			continue
		}
		if !links[len(links)-1].Gap {
			links = append(links, PageLink{Gap: true})
		}
		if n < p.Number {
			n = p.Number - side - 1 // skip to the window
		} else {
			n = len(p.URLs) - 1 // skip to the last page
		}
	}
	return links
}

// outPath is the file a URL is served from: /a/ from a/index.html, and an
// old address /a.html from a.html.
func outPath(url string) string {
	if strings.HasSuffix(url, ".html") {
		return strings.TrimPrefix(url, "/")
	}
	return strings.TrimPrefix(url, "/") + "index.html"
}

// outputs lists every file to render, in a fixed order.
func (s *Site) outputs() {
	taxonomyPage := map[*Page]*Taxonomy{}
	termOf := map[*Page]*Term{}
	for _, t := range s.Taxonomies {
		taxonomyPage[t.Page] = t
		for _, term := range t.Terms {
			if term.Page.File == "" { // a term without a page of its own
				s.add(Output{Path: outPath(term.URL), Layout: "term", Page: term.Page, Taxonomy: t, Term: term}, term.Pages)
			}
			termOf[term.Page] = term
		}
		if t.Page.File == "" {
			s.Outputs = append(s.Outputs, taxonomyOutput(t))
		}
	}
	for _, p := range s.Pages {
		switch {
		case taxonomyPage[p] != nil:
			if p.File != "" { // else listed above: a section folio made for the terms' folders
				s.Outputs = append(s.Outputs, taxonomyOutput(taxonomyPage[p]))
			}
		case termOf[p] != nil:
			term := termOf[p]
			s.add(Output{Path: outPath(p.URL), Layout: "term", Page: p, Taxonomy: s.Taxonomy(term.Taxonomy), Term: term}, term.Pages)
		case p.Kind == source.KindHome || p.Kind == source.KindIssue:
			s.Outputs = append(s.Outputs, Output{Path: outPath(p.URL), Layout: string(p.Kind), Page: p, Pager: &Pager{Number: 1, Items: p.Children, URLs: []string{p.URL}}})
		case p.Branch && p.Dir == s.Config.Journal.Section: // all issues by year, on one page
			s.Outputs = append(s.Outputs, Output{Path: outPath(p.URL), Layout: "journal", Page: p, Pager: &Pager{Number: 1, Items: p.Children, URLs: []string{p.URL}}})
		case p.Branch:
			s.add(Output{Path: outPath(p.URL), Layout: "list", Page: p}, p.Children)
		default:
			s.Outputs = append(s.Outputs, Output{Path: outPath(p.URL), Layout: string(p.Kind), Page: p})
		}
		for _, a := range p.Aliases() {
			s.Outputs = append(s.Outputs, Output{Path: outPath(a), Layout: "alias", Page: p, RedirectTo: p.URL})
		}
	}
	s.Outputs = append(s.Outputs, Output{Path: "404.html", Layout: "404", Page: s.Home})
	search := NewPage(&source.Page{Kind: source.KindPage, URL: "/search/", Section: "search"}, s.Home)
	s.Outputs = append(s.Outputs, Output{Path: "search/index.html", Layout: "search", Page: search})
}

// taxonomyOutput is the page listing a taxonomy's terms. Its pager lists
// the terms' pages, so that a theme without taxonomy.html can use list.html.
func taxonomyOutput(t *Taxonomy) Output {
	var terms []*Page
	for _, term := range t.Terms {
		terms = append(terms, term.Page)
	}
	return Output{Path: outPath(t.URL), Layout: "taxonomy", Page: t.Page, Taxonomy: t,
		Pager: &Pager{Number: 1, Items: terms, URLs: []string{t.URL}}}
}

// add appends a list output paginated over items: page 1 at the list's URL,
// page n at URL/page/n/, and URL/page/1/ sending readers back to page 1.
func (s *Site) add(o Output, items []*Page) {
	size := s.Config.Paginate
	n := max(1, (len(items)+size-1)/size)
	urls := make([]string, n)
	for i := range urls {
		urls[i] = o.Page.URL
		if i > 0 {
			urls[i] = fmt.Sprintf("%spage/%d/", o.Page.URL, i+1)
		}
	}
	for i := 0; i < n; i++ {
		page := o
		lo, hi := i*size, min(len(items), (i+1)*size)
		page.Pager = &Pager{Number: i + 1, Items: items[lo:hi], URLs: urls}
		page.Path = outPath(urls[i])
		s.Outputs = append(s.Outputs, page)
	}
	if n > 1 {
		s.Outputs = append(s.Outputs, Output{Path: outPath(o.Page.URL + "page/1/"), Layout: "alias", Page: o.Page, RedirectTo: o.Page.URL})
	}
}
