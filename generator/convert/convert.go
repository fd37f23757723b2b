// Package convert converts every page of a build's content from Markdown
// to HTML, with markup on a pool of workers, and keeps converted pages
// between builds (folio serve) for as long as their files and what their
// links resolve to stay the same.
//
// It only converts: it never reads files (source does), resolves links
// itself (links does), builds the model or renders layouts.
package convert

import (
	"context"
	"hash/maphash"
	"sync"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/links"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/shortcode"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/spill"
	"folio.dev/folio/generator/work"
)

// Options says how to convert. Zero values are useful defaults.
type Options struct {
	// Workers is the number of parallel workers (at least one is used).
	Workers int
	// Cache, if set, keeps converted pages for the next build: a page whose
	// file and link targets did not change is not converted again.
	Cache *Cache
	// OnlyText says that only Markdown files changed since the cache's
	// last build: with every page's URL as it was, no image changed, and
	// no link could resolve differently.
	OnlyText bool
	// Fault, if set, is called in the workers with "markdown" and the file
	// worked on (generator.Options.Fault).
	Fault func(stage, name string)
	// Text, if set, is handed each page's text as a reader reads it, as
	// soon as the page is converted (search.Texts.Add): the results do not
	// hold it. Called from the workers.
	Text func(p *source.Page, text string)
	// Aside, if set, is where each page's HTML is set aside as soon as the
	// page is converted (markup.SetAside), for a build that keeps nothing
	// for the next (folio build). Not with a Cache.
	Aside *spill.File
	// Order, if set, is the order to convert the pages in, as indexes of
	// the content's pages (search.Texts.Order).
	Order []int
}

// Pages converts every page of c, resolving links with r, and reports
// problems into l in the pages' order. Each page's Version becomes its
// file's version mixed with what its links resolved to, so that a page
// whose link target moved renders again.
func Pages(ctx context.Context, md *markup.Markdown, c *source.Content, r *links.Resolver, opts Options, l *diag.List) []*markup.Result {
	cache := opts.Cache
	recheck := cache.relink(r, opts.OnlyText)
	results := make([]*markup.Result, len(c.Pages))
	diags := make([]diag.List, len(c.Pages))
	page := func(k int) int { return k }
	if opts.Order != nil {
		page = func(k int) int { return opts.Order[k] }
	}
	work.Named(ctx, len(c.Pages), opts.Workers, func(k int) string { return c.Pages[page(k)].File }, func(k int) {
		i := page(k)
		p := c.Pages[i]
		if opts.Fault != nil {
			opts.Fault("markdown", p.File)
		}
		if hit, ok := cache.lookup(p, r, recheck); ok {
			results[i], diags[i] = hit.result, hit.diags
		} else {
			rec := r.Record()
			results[i] = md.Render(docOf(p, c.Text(p, &diags[i])), rec, &diags[i])
			cache.Store(p, rec.Seen, results[i], diags[i])
		}
		if opts.Text != nil {
			var text string
			text, results[i] = markup.TakeText(results[i])
			opts.Text(p, text)
		}
		if opts.Aside != nil && cache == nil {
			results[i] = markup.SetAside(results[i], opts.Aside)
		}
		t := source.TextOf(p)
		t.Version = Mix(t.Version, cache.LinkSum(p.File))
	})
	for i := range diags {
		*l = append(*l, diags[i]...)
		if results[i] == nil {
			results[i] = &markup.Result{}
		}
	}
	return results
}

// Doc is what markup converts of a page.
func Doc(p *source.Page) markup.Doc { return docOf(p, source.TextOf(p)) }

func docOf(p *source.Page, t *source.Text) markup.Doc {
	return markup.Doc{File: p.File, Src: t.Src, BodyStart: t.BodyStart, Summary: p.FM.Summary,
		Page: &shortcode.Page{Title: p.FM.Title, Kind: string(p.Kind), Section: p.Section, Date: p.Date, Params: p.FM.Params}}
}

// Mix mixes a page's version with another sum.
func Mix(a, b uint64) uint64 { return a*1099511628211 ^ b }

// Cache keeps converted pages between builds (folio serve). Safe for the
// workers of one build; it serves one build at a time.
type Cache struct {
	mu    sync.Mutex
	pages map[string]converted
	state uint64       // the link resolver's in the last build
	seed  maphash.Seed // of state: the same for every build of the cache
}

type converted struct {
	version uint64         // the file's, from source
	links   links.Resolved // what its links resolved to
	linkSum uint64         // of links, made once
	result  *markup.Result
	diags   diag.List
}

// NewCache makes an empty cache.
func NewCache() *Cache {
	return &Cache{pages: map[string]converted{}, seed: maphash.MakeSeed()}
}

// relink records the link resolver's state of this build and tells
// whether cached pages' links must be resolved again to be trusted: unless
// only Markdown changed and every URL is as it was.
func (c *Cache) relink(r *links.Resolver, onlyText bool) bool {
	if c == nil {
		return true
	}
	state := r.State(c.seed)
	same := onlyText && c.state == state
	c.state = state
	return !same
}

// lookup returns the page's conversion if its file is the same and, when
// recheck, every link still resolves as before.
func (c *Cache) lookup(p *source.Page, r *links.Resolver, recheck bool) (converted, bool) {
	if c == nil || source.TextOf(p).Version == 0 {
		return converted{}, false
	}
	c.mu.Lock()
	hit, ok := c.pages[p.File]
	c.mu.Unlock()
	if !ok || hit.version != source.TextOf(p).Version {
		return converted{}, false
	}
	if recheck && !hit.links.Hold(r, p.File) {
		return converted{}, false
	}
	return hit, true
}

// Store keeps page p's conversion r, with what its links resolved to and
// its diagnostics d. A nil Cache keeps nothing.
func (c *Cache) Store(p *source.Page, seen links.Resolved, r *markup.Result, d diag.List) {
	if c == nil || source.TextOf(p).Version == 0 {
		return
	}
	c.mu.Lock()
	c.pages[p.File] = converted{version: source.TextOf(p).Version, links: seen, linkSum: seen.Sum(), result: r, diags: d}
	c.mu.Unlock()
}

// LinkSum sums what a page's links resolved to in its last conversion; 0
// for a nil Cache.
func (c *Cache) LinkSum(file string) uint64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	hit, ok := c.pages[file]
	c.mu.Unlock()
	if !ok {
		return links.Resolved(nil).Sum()
	}
	return hit.linkSum
}
