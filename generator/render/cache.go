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
	bodies [][]byte     // what the last build rendered, by output (the model's Outputs)
	model  *site.Site   // the model they were rendered from
	theme  *theme.Theme // with this theme
	// reaches are the reach of each output's layout, by output, made at the
	// first text edit of a model and kept while text edits derive the next:
	// they have the same outputs with the same layouts.
	reaches []reach
	layouts map[*template.Template]reach // read once per theme
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
	if c.reaches == nil {
		c.reaches = make([]reach, len(s.Outputs))
		for i, o := range s.Outputs {
			if set := layoutFor(th, o); set != nil { // an alias shows no text
				r, ok := c.layouts[set]
				if !ok {
					r = layoutReach(set)
					c.layouts[set] = r
				}
				c.reaches[i] = r
			}
		}
	}
	edited := edit.Pages
	kept := make([][]byte, len(s.Outputs))
	for i, o := range s.Outputs {
		if r := c.reaches[i]; r.all || (r.own && edited[o.Page]) || (r.items && o.Pager != nil && anyOf(o.Pager.Items, edited)) {
			continue
		}
		kept[i] = c.bodies[i]
	}
	return kept
}

// store keeps this build's outputs, and only them. derived says the build
// rendered a model derived from the last one by a text edit.
func (c *Cache) store(s *site.Site, th *theme.Theme, bodies [][]byte, derived bool) {
	if c == nil {
		return
	}
	if c.theme != th {
		c.layouts = map[*template.Template]reach{}
	}
	if !derived {
		c.reaches = nil
	}
	c.model, c.theme, c.bodies = s, th, bodies
}

func anyOf(pages []*site.Page, set map[*site.Page]bool) bool {
	for _, p := range pages {
		if set[p] {
			return true
		}
	}
	return false
}
