package render

import (
	"context"
	"encoding/binary"
	"hash"
	"hash/fnv"
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
}

type cached struct {
	sum  uint64
	body []byte
}

// NewCache makes an empty cache.
func NewCache() *Cache { return &Cache{entries: map[string]cached{}} }

// Reset forgets every output.
func (c *Cache) Reset() { c.entries = map[string]cached{} }

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
func fingerprints(ctx context.Context, outs []site.Output, workers int) []uint64 {
	sums := make([]uint64, len(outs))
	workers = max(1, workers)
	chunk := (len(outs) + workers - 1) / workers
	work.Each(ctx, workers, workers, func(w int) {
		f := fingerprinter{pages: map[*site.Page]uint64{}, refs: map[*site.Page]uint64{}, owns: map[*site.Page]uint64{}}
		for i := w * chunk; i < min(len(outs), (w+1)*chunk); i++ {
			if !alwaysRender(outs[i].Layout) {
				sums[i] = f.output(outs[i])
			}
		}
	})
	return sums
}

type fingerprinter struct {
	pages, refs, owns map[*site.Page]uint64
}

func (f *fingerprinter) output(o site.Output) uint64 {
	h := fnv.New64a()
	h.Write([]byte(o.Path + "\x00" + o.Layout + "\x00" + o.RedirectTo + "\x00"))
	num(h, f.own(o.Page))
	if o.Pager != nil {
		// The pages of a list have URLs made from the first and their
		// number: summing all of them on every page would cost n² for a
		// list of n pages.
		num(h, uint64(o.Pager.Number))
		num(h, uint64(len(o.Pager.URLs)))
		h.Write([]byte(o.Pager.URLs[0]))
		for _, p := range o.Pager.Items {
			num(h, f.page(p))
		}
	}
	if t := o.Taxonomy; t != nil && o.Term == nil { // the list of terms shows how many pages each has
		for _, term := range t.Terms {
			num(h, f.ref(term.Page))
			num(h, uint64(len(term.Pages)))
		}
	}
	for _, y := range o.Years { // the archive index shows how many pages each period has
		num(h, f.ref(y.Page))
		num(h, uint64(len(y.Pages)))
		for _, m := range y.Months {
			num(h, f.ref(m.Page))
			num(h, uint64(len(m.Pages)))
		}
	}
	return h.Sum64() | 1 // never 0, which means "not tracked"
}

// own sums what a page's own output shows of it and around it: the page,
// its breadcrumb, terms, event status (which changes with time), issue and
// neighbours, and feed.
func (f *fingerprinter) own(p *site.Page) uint64 {
	if sum, ok := f.owns[p]; ok {
		return sum
	}
	h := fnv.New64a()
	num(h, f.page(p))
	for a := p.Parent; a != nil; a = a.Parent {
		num(h, f.ref(a)) // breadcrumbs show only titles and URLs
	}
	for _, name := range slices.Sorted(maps.Keys(p.Terms)) { // a fixed order, or the sum changes
		for _, t := range p.Terms[name] {
			h.Write([]byte(t.URL + "\x00" + t.Name + "\x00"))
		}
	}
	if e := p.Event; e != nil {
		h.Write([]byte(e.Status + "\x00" + e.State + "\x00"))
		if e.RegistrationOpen {
			h.Write([]byte("open"))
		}
	}
	num(h, f.page(p.InIssue))
	num(h, f.ref(p.PrevArticle))
	num(h, f.ref(p.NextArticle))
	if i := p.Issue; i != nil {
		num(h, f.ref(i.Prev))
		num(h, f.ref(i.Next))
	}
	if p.Feed != nil {
		h.Write([]byte(p.Feed.URL))
	}
	f.owns[p] = h.Sum64()
	return f.owns[p]
}

// page sums what identifies a page's look: its content version (which the
// generator mixes with its resolved links), URL, title and dates.
func (f *fingerprinter) page(p *site.Page) uint64 {
	if p == nil {
		return 0
	}
	if sum, ok := f.pages[p]; ok {
		return sum
	}
	h := fnv.New64a()
	num(h, p.Version)
	num(h, f.ref(p))
	h.Write([]byte(p.File))
	num(h, uint64(p.Date.UnixNano()))
	num(h, uint64(p.Lastmod.UnixNano()))
	f.pages[p] = h.Sum64()
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
	h := fnv.New64a()
	h.Write([]byte(p.URL + "\x00" + p.Title()))
	f.refs[p] = h.Sum64()
	return f.refs[p]
}

func num(h hash.Hash64, n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}
