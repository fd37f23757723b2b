package generator

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/links"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/theme"
)

// shape is what a build made of the site before its theme: the pages, as
// read and converted, and the model. folio serve keeps it between builds,
// since most saves change only the text of a page: its front matter, and
// with it the page's place, URL, dates and lists, stay as they were, and
// so does every other page. Such a save converts that page again and
// derives a new shape whose model has the new text (site.WithText); the
// last build's model is not changed, and nothing else is read, placed or
// modelled.
//
// The build that makes a shape fills it as it goes: remember after the
// model, themed after the theme, shaped once the site is assembled. A
// build that stops before the end leaves the later fields nil, and the
// next text edit makes those parts again.
type shape struct {
	options    string // the build options that shape a site
	content    *source.Content
	model      *site.Site
	links      *links.Resolver
	diags      diag.List // of reading, converting and modelling
	builtAt    time.Time // the model's time; it holds until nextChange
	nextChange time.Time
	pages      map[string]int // file -> index in content.Pages
	// For a shape derived by a text edit: the model it was derived from,
	// and the files edited.
	from   *site.Site
	edited map[string]bool
	// What later stages made that text edits leave alone.
	theme   *theme.Theme
	assets  map[string]string // for theme's layouts
	machine map[string][]byte // feeds, calendars and sitemaps of the last build (machineReadable)
	copies  map[string]string // publish.Site.Copies
	cleaned map[string][]byte // content's drawings, sanitized (outputs.Assemble)
}

func shapeOptions(opts Options) string {
	return fmt.Sprint(opts.BaseURL, opts.Drafts, opts.Future)
}

// remember keeps a build's shape for the next build; a build with errors
// leaves nothing to build on.
func (c *Cache) remember(opts Options, content *source.Content, model *site.Site, links *links.Resolver, l diag.List, now, nextChange time.Time) {
	if c == nil || l.Errors() > 0 {
		return
	}
	s := &shape{options: shapeOptions(opts), content: content, model: model, links: links, builtAt: now, nextChange: nextChange,
		diags: append(diag.List(nil), l...), pages: map[string]int{}}
	for i, p := range content.Pages {
		s.pages[p.File] = i
	}
	c.shape = s
}

// themed keeps the theme loaded for the shape.
func (c *Cache) themed(th *theme.Theme, assets map[string]string) {
	if c != nil && c.shape != nil {
		c.shape.theme, c.shape.assets = th, assets
	}
}

// madeForMachines keeps the feeds, calendars and sitemaps a build made,
// for the next text edit to make again only those it changes.
func (c *Cache) madeForMachines(files map[string][]byte) {
	if c != nil && c.shape != nil {
		c.shape.machine = maps.Clone(files) // the build adds robots.txt to files
	}
}

// shaped keeps what the build that made the shape assembled, to use again
// while text edits keep it.
func (c *Cache) shaped(out *publish.Site, cleaned map[string][]byte) {
	if c != nil && c.shape != nil && c.shape.copies == nil {
		c.shape.copies = maps.Clone(out.Copies) // minifying changes out.Copies
		c.shape.cleaned = maps.Clone(cleaned)
	}
}

// textEdit returns a shape like the last build's with the changed pages
// converted again, when every change is to the text of a published
// page, nothing is reported about it before or after, and the build's time
// is between that build's and the next time a page's state changes (a
// publish date, an event's start). Otherwise it forgets the shape and
// returns nil, and the build reads everything as usual: whatever that
// build reads, until it remembers a new shape, the old one no longer is.
func (c *Cache) textEdit(opts Options, changedFiles []string, now time.Time, md *markup.Markdown) *shape {
	if c == nil {
		return nil
	}
	s := c.shape
	c.shape = nil
	if s == nil || len(changedFiles) == 0 || s.options != shapeOptions(opts) || now.Before(s.builtAt) ||
		(!s.nextChange.IsZero() && !now.Before(s.nextChange)) {
		return nil
	}
	var changed []string
	for _, file := range changedFiles {
		if c.source.Gone(opts.Root, file) {
			continue
		}
		if _, ok := s.pages[file]; !ok || !strings.HasSuffix(file, ".md") || mentions(s.diags, file) {
			return nil
		}
		changed = append(changed, file)
	}
	if len(changed) == 0 {
		return nil
	}
	type edit struct {
		page   *source.Page
		result *markup.Result
	}
	edits := make([]edit, len(changed))
	for k, file := range changed {
		old := s.content.Pages[s.pages[file]]
		parsed, parseDiags := c.source.Reparse(opts.Root, file)
		if parsed == nil || len(parseDiags) > 0 || !source.SameFrontMatter(old, parsed) {
			return nil
		}
		p := source.WithText(old, parsed)
		rec := s.links.Record()
		var l diag.List
		t := source.TextOf(p)
		r := md.Render(convert.Doc(p), rec, &l)
		if len(l) > 0 {
			return nil
		}
		c.markdown.Store(p, rec.Seen, r, l)
		t.Version = convert.Mix(t.Version, c.markdown.LinkSum(p.File))
		edits[k] = edit{p, r}
	}
	next := *s
	content := *s.content
	content.Pages = slices.Clone(content.Pages)
	texts := make(map[string]site.Text, len(changed))
	next.edited = make(map[string]bool, len(changed))
	for k, file := range changed {
		content.Pages[s.pages[file]] = edits[k].page
		texts[file] = site.Text{Page: edits[k].page, Result: edits[k].result}
		next.edited[file] = true
	}
	next.content, next.model, next.from = &content, site.WithText(s.model, texts), s.model
	c.shape = &next
	return &next
}

// renderEdit says what the text edit that made the shape changed, for the
// render cache.
func (s *shape) renderEdit() *render.Edit {
	e := &render.Edit{From: s.from, Pages: map[*site.Page]bool{}}
	for _, p := range s.model.Pages {
		if s.edited[p.File] {
			e.Pages[p] = true
		}
	}
	return e
}

// mentions tells whether a diagnostic is about file.
func mentions(l diag.List, file string) bool {
	for _, d := range l {
		if d.Pos.File == file {
			return true
		}
	}
	return false
}
