package site

import (
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/source"
)

// Text is what a save that changes only a page's text changes: the page
// as read and its Markdown converted.
type Text struct {
	Page   *source.Page
	Result *markup.Result
}

// WithText returns a model like s in which the pages of the files in texts
// have that text. It is for folio serve, after a save that changed only the
// text of pages: front matter, and with it every list, term, archive,
// feed and output, stays as it was, so the model need not be built again.
// s is not changed (a model is read-only once built). The new model shares
// with s only what nobody changes (source pages, converted Markdown,
// config, strings, events' schedules); every value that points at a page
// is copied, so that no pointer of one model leads into the other
// (TestWithTextSharesNoPage).
// It is a function, not a method, so that no layout can reach it.
func WithText(s *Site, texts map[string]Text) *Site {
	d := &derivation{texts: texts, copies: make([]Page, len(s.all)), made: make([]bool, len(s.all)), others: map[*Page]*Page{},
		terms: map[*Term]*Term{}, taxonomies: map[*Taxonomy]*Taxonomy{}, archives: map[*Archive]*Archive{}, feeds: map[*Feed]*Feed{}, calendars: map[*Calendar]*Calendar{}}
	n := &Site{Config: s.Config, Now: s.Now, Home: d.page(s.Home), Pages: d.list(s.Pages), Menu: s.Menu, all: d.list(s.all),
		listed: d.list(s.listed), journalYears: d.archiveList(s.journalYears), bySection: make(map[string][]*Page, len(s.bySection))}
	for _, t := range s.Taxonomies {
		n.Taxonomies = append(n.Taxonomies, d.taxonomy(t))
	}
	for _, f := range s.Feeds {
		n.Feeds = append(n.Feeds, d.feed(f))
	}
	for _, c := range s.Calendars {
		n.Calendars = append(n.Calendars, d.calendar(c))
	}
	for section, ps := range s.bySection {
		n.bySection[section] = d.list(ps)
	}
	n.Outputs = make([]Output, len(s.Outputs))
	for i, o := range s.Outputs {
		o.Page, o.Taxonomy, o.Term, o.Archive, o.Years = d.page(o.Page), d.taxonomy(o.Taxonomy), d.term(o.Term), d.archive(o.Archive), d.archiveList(o.Years)
		if o.Pager != nil {
			pager := *o.Pager
			pager.Items = d.list(o.Pager.Items)
			o.Pager = &pager
		}
		n.Outputs[i] = o
	}
	for len(d.unlinked) > 0 {
		old := d.unlinked[len(d.unlinked)-1]
		d.unlinked = d.unlinked[:len(d.unlinked)-1]
		d.links(old, d.page(old))
	}
	return n
}

// numberPages gives every page of the model a number, to find its copy
// by in WithText without hashing pointers: the pages of Pages and those
// made up for lists, all of which are the page of an output.
func (s *Site) numberPages() {
	s.all = make([]*Page, 0, len(s.Pages)+len(s.Outputs)/4)
	add := func(p *Page) {
		if p != nil && p.number == 0 {
			s.all = append(s.all, p)
			p.number = len(s.all)
		}
	}
	add(s.Home)
	for _, p := range s.Pages {
		add(p)
	}
	for _, o := range s.Outputs {
		add(o.Page)
	}
}

// derivation maps each value of the old model that points at pages to its
// copy in the new one, each copied once.
type derivation struct {
	texts      map[string]Text
	copies     []Page          // of the pages of the old model, by number - 1
	made       []bool          // by number - 1: copied
	others     map[*Page]*Page // pages without a number (none, in a model made by Build)
	unlinked   []*Page         // old pages whose copies do not point at copies yet
	block      []*Page         // room for lists (pageSlice)
	termBlock  []*Term         // and for lists of terms
	terms      map[*Term]*Term
	taxonomies map[*Taxonomy]*Taxonomy
	archives   map[*Archive]*Archive
	feeds      map[*Feed]*Feed
	calendars  map[*Calendar]*Calendar
}

// links points the copy p of old at the copies of what old points at.
func (d *derivation) links(old, p *Page) {
	p.Parent, p.InIssue = d.page(old.Parent), d.page(old.InIssue)
	p.PrevArticle, p.NextArticle = d.page(old.PrevArticle), d.page(old.NextArticle)
	p.Children, p.Related, p.Archive = d.list(old.Children), d.list(old.Related), d.archive(old.Archive)
	if len(old.Terms) > 0 { // an empty map is shared: nobody writes to a built model
		p.Terms = make(map[string][]*Term, len(old.Terms))
	}
	for name, ts := range old.Terms {
		p.Terms[name] = d.termList(ts)
	}
	if old.Issue != nil {
		is := *old.Issue
		is.Prev, is.Next = d.page(old.Issue.Prev), d.page(old.Issue.Next)
		is.Columns = make([]Column, len(old.Issue.Columns))
		for i, c := range old.Issue.Columns {
			is.Columns[i] = Column{Name: c.Name, Articles: d.list(c.Articles)}
		}
		p.Issue = &is
	}
	p.Feed, p.Calendar = d.feed(old.Feed), d.calendar(old.Calendar)
}

// page returns the copy of old, made at the first call and linked later
// (a list of pages, each leading to its neighbours, would otherwise
// recurse through the whole site).
func (d *derivation) page(old *Page) *Page {
	if old == nil {
		return nil
	}
	var p *Page
	if i := old.number - 1; i >= 0 {
		p = &d.copies[i]
		if d.made[i] {
			return p
		}
		d.made[i] = true
	} else if p = d.others[old]; p != nil {
		return p
	} else {
		p = new(Page)
		d.others[old] = p
	}
	*p = *old
	if t, ok := d.texts[p.File]; ok && p.File != "" {
		p.Page, p.Result = t.Page, *t.Result
		p.spell()
	}
	d.unlinked = append(d.unlinked, old)
	return p
}

func (d *derivation) list(ps []*Page) []*Page {
	if ps == nil {
		return nil
	}
	out := d.pageSlice(len(ps))
	for i, p := range ps {
		out[i] = d.page(p)
	}
	return out
}

// pageSlice returns room for n pages, carved from larger blocks: a model
// has tens of thousands of short lists (children, related reading, terms'
// pages), and one allocation each made most of WithText's cost.
func (d *derivation) pageSlice(n int) []*Page {
	if n > len(d.block) {
		if n > 1024 {
			return make([]*Page, n)
		}
		d.block = make([]*Page, 16384)
	}
	out := d.block[:n:n]
	d.block = d.block[n:]
	return out
}

func (d *derivation) termList(ts []*Term) []*Term {
	if ts == nil {
		return nil
	}
	if len(ts) > len(d.termBlock) {
		d.termBlock = make([]*Term, max(len(ts), 4096))
	}
	out := d.termBlock[:len(ts):len(ts)]
	d.termBlock = d.termBlock[len(ts):]
	for i, t := range ts {
		out[i] = d.term(t)
	}
	return out
}

func (d *derivation) archiveList(as []*Archive) []*Archive {
	if as == nil {
		return nil
	}
	out := make([]*Archive, len(as))
	for i, a := range as {
		out[i] = d.archive(a)
	}
	return out
}

// copyOnce returns the copy of old made by fill from a shallow copy, made
// at the first call for old and kept in made; nil for nil. The copy is
// kept before fill runs, so that values pointing back find it.
func copyOnce[T any](made map[*T]*T, old *T, fill func(n, old *T)) *T {
	if old == nil {
		return nil
	}
	if n, ok := made[old]; ok {
		return n
	}
	n := new(T)
	*n = *old
	made[old] = n
	fill(n, old)
	return n
}

func (d *derivation) term(t *Term) *Term {
	return copyOnce(d.terms, t, func(n, t *Term) { n.Page, n.Pages = d.page(t.Page), d.list(t.Pages) })
}

func (d *derivation) taxonomy(t *Taxonomy) *Taxonomy {
	return copyOnce(d.taxonomies, t, func(n, t *Taxonomy) { n.Page, n.Terms = d.page(t.Page), d.termList(t.Terms) })
}

func (d *derivation) archive(a *Archive) *Archive {
	return copyOnce(d.archives, a, func(n, a *Archive) {
		n.Section, n.Page, n.Pages, n.Months = d.page(a.Section), d.page(a.Page), d.list(a.Pages), d.archiveList(a.Months)
	})
}

func (d *derivation) feed(f *Feed) *Feed {
	return copyOnce(d.feeds, f, func(n, f *Feed) { n.Page, n.Items = d.page(f.Page), d.list(f.Items) })
}

func (d *derivation) calendar(c *Calendar) *Calendar {
	return copyOnce(d.calendars, c, func(n, c *Calendar) { n.Page, n.Events = d.page(c.Page), d.list(c.Events) })
}
