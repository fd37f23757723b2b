package source

import (
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"io/fs"
	"strings"
	"sync"
	"time"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
)

// Cache keeps parsed files between builds of the same site (folio serve),
// so that a rebuild reads and parses again only files whose size or
// modification time changed.
type Cache struct {
	mu    sync.Mutex
	files map[string]parsed
	list  map[string]fs.FileInfo // the last listing of content/
}

type parsed struct {
	size    int64
	modTime time.Time
	page    *Page // as parse left it: never placed, never changed
	diags   diag.List
}

// listing returns every file of content/ that makes the site, with its
// info. With a previous listing and the changed files known, only those are
// looked at; else the whole folder is walked. nil means content/ cannot be
// read (reported).
func (c *Cache) listing(fsys fs.FS, changed []string, l *diag.List) map[string]fs.FileInfo {
	if c != nil && c.list != nil && changed != nil {
		for _, p := range changed {
			if p != ContentDir && !strings.HasPrefix(p, ContentDir+"/") {
				continue
			}
			for q := range c.list { // a removed or renamed folder takes its files along
				if q == p || strings.HasPrefix(q, p+"/") {
					delete(c.list, q)
				}
			}
			walkContent(fsys, p, c.list, l)
		}
		return c.list
	}
	files := map[string]fs.FileInfo{}
	if !walkContent(fsys, ContentDir, files, l) {
		return nil
	}
	if c != nil {
		c.list = files
	}
	return files
}

// walkContent adds the files below root (a folder or a file) to files,
// leaving out editors' backup and swap files. It reports whether root could
// be read.
func walkContent(fsys fs.FS, root string, files map[string]fs.FileInfo, l *diag.List) bool {
	// The walk goes on past what it cannot read (reported), so it never
	// fails: a missing root shows only in the Stat below.
	_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != root {
				l.Add(diag.Pos{File: p}, diag.FileUnreadable, err)
			}
			return nil
		}
		name := d.Name()
		if p != ContentDir && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 { // Read warns of links
			if info, err := d.Info(); err == nil {
				files[p] = info
			}
		}
		return nil
	})
	if lfs, ok := fsys.(fs.ReadLinkFS); ok && root != ContentDir { // a link saved: WalkDir above followed it
		if info, err := lfs.Lstat(root); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			for q := range files {
				if strings.HasPrefix(q, root+"/") {
					delete(files, q)
				}
			}
			files[root] = info
		}
	}
	if _, statErr := fs.Stat(fsys, root); statErr != nil && root == ContentDir {
		l.Add(diag.Pos{File: ContentDir}, diag.FileNoContent, statErr)
		return false
	}
	return true
}

// NewCache makes an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]parsed{}} }

// load parses file, or takes it from the cache when its size and time match.
// The page returned is a copy the caller may change.
func (c *Cache) load(fsys fs.FS, file string, info fs.FileInfo, dec *schema.Decoder, later bool, l *diag.List) *Page {
	if c != nil && info != nil {
		c.mu.Lock()
		hit, ok := c.files[file]
		c.mu.Unlock()
		if ok && hit.size == info.Size() && hit.modTime.Equal(info.ModTime()) {
			*l = append(*l, hit.diags...)
			return hit.page.clone()
		}
	}
	if info != nil && info.Size() > MaxFileSize {
		tooBig(file, info.Size(), l)
		return nil
	}
	raw, err := fs.ReadFile(fsys, file)
	if err != nil {
		l.Add(diag.Pos{File: file}, diag.FileUnreadable, err)
		return nil
	}
	if len(raw) > MaxFileSize {
		tooBig(file, int64(len(raw)), l)
		return nil
	}
	var diags diag.List
	p := parse(file, raw, dec, &diags)
	if p != nil && later && c == nil {
		src := p.text.Src
		asRead := len(src) == len(raw) && (len(raw) == 0 || &src[0] == &raw[0]) // nothing was cleaned
		p.text = Text{BodyStart: p.text.BodyStart, sum: maphash.Bytes(textSeed, src), later: true, asRead: asRead}
	}
	if p != nil && c != nil {
		h := fnv.New64a()
		h.Write(p.text.Src)
		p.text.Version = h.Sum64()
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

// Reparse reads a saved file again, as the next Read would, and returns
// its page as parsed (not placed), with what parsing reported; nil if it
// cannot be read or is no longer in content/.
func (c *Cache) Reparse(fsys fs.FS, file string) (*Page, diag.List) {
	var l diag.List
	if c == nil || c.list == nil {
		return nil, l
	}
	c.listing(fsys, []string{file}, &l)
	info, ok := c.list[file]
	if !ok {
		return nil, l
	}
	return c.load(fsys, file, info, &schema.Decoder{MaxKeys: MaxKeys}, false, &l), l
}

// Gone tells whether a changed path is neither in the site now nor was in
// the last listing, as an editor's temporary file saved and removed again
// (vim's 4913): it changes nothing.
func (c *Cache) Gone(fsys fs.FS, p string) bool {
	if c == nil || c.list == nil {
		return false
	}
	if _, err := fs.Stat(fsys, p); err == nil {
		return false
	}
	for q := range c.list {
		if q == p || strings.HasPrefix(q, p+"/") {
			return false
		}
	}
	return true
}

// SameFrontMatter tells whether q's file starts with the same front
// matter as p's: then q would be placed, dated and checked as p was.
func SameFrontMatter(p, q *Page) bool {
	// What Read says of the text goes with the front matter: a save that
	// adds or removes folio new's prompt (checkFinished) is read again.
	return string(p.text.Src[:p.text.BodyStart]) == string(q.text.Src[:q.text.BodyStart]) &&
		(p.placeholder.File == "") == (q.placeholder.File == "")
}

// WithText returns p, as placed, with the text and version of q, a new
// parse of its file with the same front matter.
func WithText(p, q *Page) *Page {
	edited := *p
	edited.text = q.text
	return &edited
}

// tooBig reports a Markdown file above MaxFileSize.
func tooBig(file string, size int64, l *diag.List) {
	l.Add(diag.Pos{File: file, Line: 1, Col: 1}, diag.FileTooBig, fmt.Sprintf("%.1f", float64(size)/(1<<20)), MaxFileSize>>20)
}
