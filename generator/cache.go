package generator

import (
	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/source"
)

// Cache keeps what a build made for the next build of the same site, so
// that folio serve reads, converts and renders again only what changed. A
// Cache serves one build at a time.
type Cache struct {
	source   *source.Cache
	markdown *convert.Cache
	render   *render.Cache
	shape    *shape // of the last build, if it had no errors
}

// NewCache makes an empty cache.
func NewCache() *Cache {
	return &Cache{source: source.NewCache(), markdown: convert.NewCache(), render: render.NewCache()}
}

// Forget drops converted pages and rendered outputs, keeping parsed files:
// call it when the config, a layout, an i18n or a static file changed, since
// those reach every page.
func (c *Cache) Forget() {
	c.shape = nil
	c.markdown = convert.NewCache()
	c.render.Reset()
}

// parts returns the caches of the stages, all nil for a nil Cache.
func (c *Cache) parts() (*source.Cache, *convert.Cache, *render.Cache) {
	if c == nil {
		return nil, nil, nil
	}
	return c.source, c.markdown, c.render
}
