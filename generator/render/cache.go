package render

import (
	"encoding/binary"
	"hash"
	"hash/fnv"
	"time"

	"folio.dev/folio/generator/site"
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

// alwaysRender tells layouts that read the whole site (the home page's
// latest news, the lists of terms, issues and archives): cheap, few, and
// rendered every time rather than tracked.
func alwaysRender(layout string) bool {
	switch layout {
	case "home", "taxonomy", "journal", "archives", "404":
		return true
	}
	return false
}

// fingerprint sums what an output shows: its page, the pages it lists or
// links to (breadcrumb, terms, neighbours), and an event's status, which
// changes with time. Outputs read from elsewhere are in alwaysRender.
func fingerprint(o site.Output) (uint64, bool) {
	if alwaysRender(o.Layout) {
		return 0, false
	}
	h := fnv.New64a()
	str := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	str(o.Path)
	str(o.Layout)
	str(o.RedirectTo)
	page(h, o.Page)
	for _, a := range o.Page.Ancestors() {
		ref(h, a) // breadcrumbs show only their titles and URLs
	}
	if o.Pager != nil {
		num(h, uint64(o.Pager.Number))
		for _, u := range o.Pager.URLs {
			str(u)
		}
		for _, p := range o.Pager.Items {
			page(h, p)
		}
	}
	for _, terms := range o.Page.Terms {
		for _, t := range terms {
			str(t.URL)
			str(t.Name)
		}
	}
	if e := o.Page.Event; e != nil {
		str(e.Status)
		str(e.State)
		str(map[bool]string{true: "open", false: "closed"}[e.RegistrationOpen])
	}
	page(h, o.Page.InIssue)
	ref(h, o.Page.PrevArticle)
	ref(h, o.Page.NextArticle)
	if i := o.Page.Issue; i != nil {
		ref(h, i.Prev)
		ref(h, i.Next)
	}
	if o.Page.Feed != nil {
		str(o.Page.Feed.URL)
	}
	return h.Sum64(), true
}

// page sums what identifies a page's look: its content version (which the
// generator mixes with its resolved links), URL, title and date.
func page(h hash.Hash64, p *site.Page) {
	if p == nil {
		h.Write([]byte{1})
		return
	}
	num(h, p.Version)
	h.Write([]byte(p.URL + "\x00" + p.Title() + "\x00" + p.File + "\x00"))
	num(h, uint64(p.Date.UnixNano()))
	num(h, uint64(p.Lastmod.Sub(time.Time{})))
}

// ref sums what a link to a page shows: its URL and title.
func ref(h hash.Hash64, p *site.Page) {
	if p == nil {
		h.Write([]byte{1})
		return
	}
	h.Write([]byte(p.URL + "\x00" + p.Title() + "\x00"))
}

func num(h hash.Hash64, n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}
