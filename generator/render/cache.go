package render

import (
	"html/template"

	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/theme"
)

// Cache keeps the outputs of the last build of a site (folio serve), for a
// build that changed only the text of some pages: its model is derived from
// the last one (site.WithText), with the same outputs in the same order. Such a build renders again every output whose
// layout can show the text of a changed page (layoutReach), and takes the
// others from here. Any other build renders everything: what a layout
// reads of a changed model cannot be told without tracking every read, and
// a preview that can be wrong is worse than a slow one.
type Cache struct {
	bodies  map[string][]byte // output path -> what the last build rendered
	model   *site.Site        // the model they were rendered from
	theme   *theme.Theme      // with this theme
	reaches map[*template.Template]reach
}

// Edit says what a text edit changed: the model it was derived from, and
// the pages, in the derived model, whose text changed.
type Edit struct {
	From  *site.Site
	Pages map[*site.Page]bool
}

// NewCache makes an empty cache.
func NewCache() *Cache { return &Cache{} }

// Reset forgets every output.
func (c *Cache) Reset() { *c = Cache{} }

// reusable tells which outputs of a build can be taken from the cache:
// none unless the build renders a model derived from the last one by a
// text edit, with the same theme, and then those that cannot show the
// edited text. It returns nil when nothing can be reused.
func (c *Cache) reusable(s *site.Site, th *theme.Theme, edit *Edit) [][]byte {
	if c == nil || edit == nil || c.model != edit.From || c.theme != th || len(s.Outputs) != len(edit.From.Outputs) {
		return nil
	}
	edited := edit.Pages
	kept := make([][]byte, len(s.Outputs))
	for i, o := range s.Outputs {
		body, ok := c.bodies[o.Path]
		if !ok {
			continue
		}
		set := layoutFor(th, o)
		if set != nil {
			r, ok := c.reaches[set]
			if !ok {
				r = layoutReach(set)
				c.reaches[set] = r
			}
			if r.all || (r.own && edited[o.Page]) || (r.items && o.Pager != nil && anyOf(o.Pager.Items, edited)) {
				continue
			}
		}
		kept[i] = body
	}
	return kept
}

// store keeps this build's outputs, and only them.
func (c *Cache) store(s *site.Site, th *theme.Theme, bodies [][]byte) {
	if c == nil {
		return
	}
	if c.theme != th {
		c.reaches = map[*template.Template]reach{}
	}
	c.model, c.theme = s, th
	c.bodies = make(map[string][]byte, len(bodies))
	for i, o := range s.Outputs {
		if bodies[i] != nil {
			c.bodies[o.Path] = bodies[i]
		}
	}
}

func anyOf(pages []*site.Page, set map[*site.Page]bool) bool {
	for _, p := range pages {
		if set[p] {
			return true
		}
	}
	return false
}
