package source

import (
	"hash/fnv"
	"io/fs"
	"sync"
	"time"

	"folio.dev/folio/generator/diag"
)

// Cache keeps parsed files between builds of the same site (folio serve),
// so that a rebuild reads and parses again only files whose size or
// modification time changed.
type Cache struct {
	mu    sync.Mutex
	files map[string]parsed
}

type parsed struct {
	size    int64
	modTime time.Time
	page    *Page // as parse left it: never placed, never changed
	diags   diag.List
}

// NewCache makes an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]parsed{}} }

// load parses file, or takes it from the cache when its size and time match.
// The page returned is a copy the caller may change.
func (c *Cache) load(fsys fs.FS, file string, info fs.FileInfo, l *diag.List) *Page {
	if c != nil && info != nil {
		c.mu.Lock()
		hit, ok := c.files[file]
		c.mu.Unlock()
		if ok && hit.size == info.Size() && hit.modTime.Equal(info.ModTime()) {
			*l = append(*l, hit.diags...)
			return hit.page.clone()
		}
	}
	raw, err := fs.ReadFile(fsys, file)
	if err != nil {
		l.Errorf(diag.Pos{File: file}, "cannot read: %v", err)
		return nil
	}
	var diags diag.List
	p := parse(file, raw, &diags)
	if p != nil && c != nil {
		h := fnv.New64a()
		h.Write(p.Src)
		p.Version = h.Sum64()
	}
	*l = append(*l, diags...)
	if c != nil && info != nil {
		c.mu.Lock()
		c.files[file] = parsed{size: info.Size(), modTime: info.ModTime(), page: p, diags: diags}
		c.mu.Unlock()
	}
	return p.clone()
}

// clone copies a parsed page so that placing it leaves the cached one as
// it was. Front matter slices are shared: nothing changes them.
func (p *Page) clone() *Page {
	if p == nil {
		return nil
	}
	q := *p
	return &q
}
