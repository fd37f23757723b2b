package generator

import (
	"runtime"

	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/photos"
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
	photos   *photos.Later
}

// NewCache makes an empty cache.
func NewCache() *Cache {
	return &Cache{source: source.NewCache(), markdown: convert.NewCache(), render: render.NewCache(), photos: photos.NewLater(runtime.GOMAXPROCS(0))}
}

// PhotosReady receives a value when photos that builds published as
// stand-ins (Result.Photos.Pending) were made since: a build then
// publishes them (folio serve builds again, with PhotosMade as the
// changed files). At most one value waits.
func (c *Cache) PhotosReady() <-chan struct{} { return c.photos.Ready() }

// PhotosMade returns the files of the photos made since it was last called.
func (c *Cache) PhotosMade() []string { return c.photos.Finished() }

// WaitPhotos blocks until every photo builds asked for is made.
func (c *Cache) WaitPhotos() { c.photos.Wait() }

// Close stops making photos: call it when the site is no longer served.
func (c *Cache) Close() { c.photos.Stop() }

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
