package render

import (
	"context"
	"maps"
	"slices"

	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/work"
)

// Cache keeps rendered outputs between builds of the same site (folio
// serve): an output whose inputs did not change is not rendered again. It
// must be dropped (Reset) when a layout, an i18n file or the config changes,
// since those reach every output.
type Cache struct {
	entries map[string]cached
	// model and sums are the last build's model and the sums of its pages
	// and of links to them. A build of the same model (folio serve keeps it
	// when a save changed only text) takes a page's sums from there if its
	// version is the same: nothing else of a page changes in a kept model.
	model *site.Site
	sums  map[*site.Page]pageSums
}

type pageSums struct{ version, page, ref, around uint64 }

type cached struct {
	sum  uint64
	body []byte
}

// NewCache makes an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cached{}} }

// Reset forgets every output.
func (c *Cache) Reset() { c.entries, c.model, c.sums = map[string]cached{}, nil, nil }

func (c *Cache) lookup(path string, sum uint64) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	hit, ok := c.entries[path]
	return hit.body, ok && hit.sum == sum
}

// store keeps this build's outputs, and only them.
func (c *Cache) store(outs []site.Output, sums []uint64, bodies [][]byte) {
	if c == nil {
		return
	}
	c.entries = make(map[string]cached, len(outs))
	for i, o := range outs {
		if bodies[i] != nil && sums[i] != 0 {
			c.entries[o.Path] = cached{sum: sums[i], body: bodies[i]}
		}
	}
}

// alwaysRender tells layouts that read from all over the site (the home
// page's latest news and events): few, and rendered every time rather than
// tracked.
func alwaysRender(layout string) bool {
	return layout == "home" || layout == "404"
}

// fingerprints sums what each output shows: its page, the pages it lists
// or links to (breadcrumb, terms, neighbours), and an event's status, which
// changes with time. Outputs that read from elsewhere are alwaysRender, and
// get no sum (0). The outputs are shared out to the workers; each sums a
// page once, however many of its outputs show it.
func (c *Cache) fingerprints(ctx context.Context, s *site.Site, workers int) []uint64 {
	outs := s.Outputs
	sums := make([]uint64, len(outs))
	workers = max(1, workers)
	chunk := (len(outs) + workers - 1) / workers
	var last map[*site.Page]pageSums
	if c.model == s {
		last = c.sums
	}
	fs := make([]fingerprinter, workers)
	work.Each(ctx, workers, workers, func(w int) {
		f := &fs[w]
		*f = fingerprinter{last: last, pages: map[*site.Page]uint64{}, refs: map[*site.Page]uint64{}, owns: map[*site.Page]uint64{}, arounds: map[*site.Page]uint64{}}
		for i := w * chunk; i < min(len(outs), (w+1)*chunk); i++ {
			if !alwaysRender(outs[i].Layout) {
				sums[i] = f.output(outs[i])
			}
		}
	})
	if c.model != s {
		c.model, c.sums = s, make(map[*site.Page]pageSums, len(s.Pages))
	}
	for _, f := range fs {
		for p, sum := range f.pages {
			if last, ok := c.sums[p]; !ok || last.version != p.Version {
				c.sums[p] = pageSums{version: p.Version, page: sum, ref: f.ref(p), around: f.around(p)}
			}
		}
	}
	return sums
}

type fingerprinter struct {
	last                       map[*site.Page]pageSums // read only: shared by the workers
	pages, refs, owns, arounds map[*site.Page]uint64
}

func (f *fingerprinter) output(o site.Output) uint64 {
	h := newHash64()
	h.str(o.Path)
	h.str(o.Layout)
	h.str(o.RedirectTo)
	h.num(f.own(o.Page))
	if o.Pager != nil {
		// The pages of a list have URLs made from the first and their
		// number: summing all of them on every page would cost n² for a
		// list of n pages.
		h.num(uint64(o.Pager.Number))
		h.num(uint64(len(o.Pager.URLs)))
		h.str(o.Pager.URLs[0])
		for _, p := range o.Pager.Items {
			h.num(f.page(p))
		}
	}
	if t := o.Taxonomy; t != nil && o.Term == nil { // the list of terms shows how many pages each has
		for _, term := range t.Terms {
			h.num(f.ref(term.Page))
			h.num(uint64(len(term.Pages)))
		}
	}
	for _, y := range o.Years { // the archive index shows how many pages each period has
		h.num(f.ref(y.Page))
		h.num(uint64(len(y.Pages)))
		for _, m := range y.Months {
			h.num(f.ref(m.Page))
			h.num(uint64(len(m.Pages)))
		}
	}
	return uint64(h) | 1 // never 0, which means "not tracked"
}

// own sums what a page's own output shows of it and around it: the page,
// its issue, and around.
func (f *fingerprinter) own(p *site.Page) uint64 {
	if sum, ok := f.owns[p]; ok {
		return sum
	}
	h := newHash64()
	h.num(f.page(p))
	h.num(f.page(p.InIssue))
	h.num(f.around(p))
	f.owns[p] = uint64(h)
	return f.owns[p]
}

// around sums the links a page's output shows around it, which only the
// model changes: its breadcrumb, terms, neighbours and feed.
func (f *fingerprinter) around(p *site.Page) uint64 {
	if sum, ok := f.arounds[p]; ok {
		return sum
	}
	if last, ok := f.last[p]; ok {
		f.arounds[p] = last.around
		return last.around
	}
	h := newHash64()
	for a := p.Parent; a != nil; a = a.Parent {
		h.num(f.ref(a)) // breadcrumbs show only titles and URLs
	}
	var names [8]string // on the stack: pages have a few taxonomies
	sorted := slices.AppendSeq(names[:0], maps.Keys(p.Terms))
	slices.Sort(sorted)
	for _, name := range sorted { // a fixed order, or the sum changes
		for _, t := range p.Terms[name] {
			h.str(t.URL)
			h.str(t.Name)
		}
	}
	h.num(f.ref(p.PrevArticle))
	h.num(f.ref(p.NextArticle))
	issue := p.Issue
	if p.InIssue != nil { // an article shows its issue's neighbours too
		issue = p.InIssue.Issue
	}
	if issue != nil {
		h.num(f.ref(issue.Prev))
		h.num(f.ref(issue.Next))
	}
	if p.Feed != nil {
		h.str(p.Feed.URL)
	}
	f.arounds[p] = uint64(h)
	return f.arounds[p]
}

// page sums what identifies a page's look: its content version (which the
// generator mixes with its resolved links), URL, title and dates, and an
// event's status (which changes with time).
func (f *fingerprinter) page(p *site.Page) uint64 {
	if p == nil {
		return 0
	}
	if sum, ok := f.pages[p]; ok {
		return sum
	}
	if last, ok := f.last[p]; ok && last.version == p.Version {
		f.pages[p] = last.page
		return last.page
	}
	h := newHash64()
	h.num(p.Version)
	h.num(f.ref(p))
	h.str(p.File)
	h.num(uint64(p.Date.UnixNano()))
	h.num(uint64(p.Lastmod.UnixNano()))
	if e := p.Event; e != nil { // which changes with time, and lists show
		h.str(e.Status)
		h.str(e.State)
		if e.RegistrationOpen {
			h.str("open")
		}
	}
	f.pages[p] = uint64(h)
	return f.pages[p]
}

// ref sums what a link to a page shows: its URL and title.
func (f *fingerprinter) ref(p *site.Page) uint64 {
	if p == nil {
		return 0
	}
	if sum, ok := f.refs[p]; ok {
		return sum
	}
	if last, ok := f.last[p]; ok {
		f.refs[p] = last.ref
		return last.ref
	}
	h := newHash64()
	h.str(p.URL)
	h.str(p.Title())
	f.refs[p] = uint64(h)
	return f.refs[p]
}

// hash64 is FNV-1a, 64 bits, kept in a value: hash/fnv's interface would
// allocate for every string written, and this runs for every output of
// every rebuild.
type hash64 uint64

func newHash64() hash64 { return 14695981039346656037 }

const fnvPrime = 1099511628211

// str writes s and a 0 after it, so that "ab","c" and "a","bc" differ.
func (h *hash64) str(s string) {
	x := *h // a local, which the loop keeps in a register
	for i := 0; i < len(s); i++ {
		x = (x ^ hash64(s[i])) * fnvPrime
	}
	*h = x * fnvPrime // the 0: x ^ 0 is x
}

func (h *hash64) num(n uint64) {
	x := *h
	for range 8 {
		x = (x ^ hash64(n&0xff)) * fnvPrime
		n >>= 8
	}
	*h = x
}
