package generator

import (
	"context"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/work"
)

// renderMarkdown converts every page's Markdown with a pool of workers.
// Links resolve to URLs that start with basePath, so that they work for a
// site served below a folder (https://example.org/sub/). With a cache, a
// page whose file and link targets did not change is not converted again.
// Each page's Version becomes its file's version mixed with what its links
// resolved to, so that a page whose link target moved renders again.
// onlyText says that only Markdown files changed since the cache's last
// build: with every page's URL as it was, no image changed, and no link
// could resolve differently.
func renderMarkdown(ctx context.Context, md *markup.Markdown, c *source.Content, fsys fs.FS, basePath string, workers int, cache *markdownCache, onlyText bool, fault func(stage, name string), l *diag.List) ([]*markup.Result, linkResolver) {
	links := newLinks(c, fsys, basePath)
	recheck := cache.relink(links.state(), onlyText)
	results := make([]*markup.Result, len(c.Pages))
	diags := make([]diag.List, len(c.Pages))
	work.Named(ctx, len(c.Pages), workers, func(i int) string { return c.Pages[i].File }, func(i int) {
		p := c.Pages[i]
		if fault != nil {
			fault("markdown", p.File)
		}
		if hit, ok := cache.lookup(p, links, recheck); ok {
			results[i], diags[i] = hit.result, hit.diags
		} else {
			rec := &recorder{inner: links, seen: map[string][2]string{}}
			results[i] = md.Render(markup.Doc{File: p.File, Src: p.Src, BodyStart: p.BodyStart, Summary: p.FM.Summary}, rec, &diags[i])
			cache.store(p, rec.seen, results[i], diags[i])
		}
		p.Version = mix(p.Version, cache.linkSum(p.File))
	})
	for i := range diags {
		*l = append(*l, diags[i]...)
		if results[i] == nil {
			results[i] = &markup.Result{}
		}
	}
	return results, links
}

// Links resolves relative links between the content's pages and files to
// their URLs below basePath, with the reason when the target is left out
// of the build, and tells content images' sizes: what a build converts
// pages with (the stage benchmarks convert with it too).
func Links(c *source.Content, fsys fs.FS, basePath string) markup.Resolver {
	return newLinks(c, fsys, basePath)
}

func newLinks(c *source.Content, fsys fs.FS, basePath string) linkResolver {
	links := linkResolver{pages: map[string]string{}, files: map[string]string{}, left: c.Left, sizes: &imageSizes{fsys: fsys, seen: map[string][2]int{}}}
	for _, p := range c.Pages {
		links.pages[p.File] = basePath + strings.TrimPrefix(p.URL, "/")
		for _, r := range p.Resources {
			links.files[r] = basePath + p.ResourcePath(r)
		}
	}
	for src, dst := range c.Files {
		links.files[src] = basePath + dst
	}
	return links
}

// linkResolver finds the page or file a relative link points to.
type linkResolver struct {
	pages map[string]string // Markdown file -> its page's URL
	files map[string]string // other file of content/ -> its URL
	left  map[string]string // unpublished Markdown file -> why
	sizes *imageSizes
}

// ImageSize tells the size of an image of content/ a page shows.
func (r linkResolver) ImageSize(from, target string) (int, int, bool) {
	file := path.Join(path.Dir(from), target)
	if _, ok := r.files[file]; !ok {
		return 0, 0, false
	}
	return r.sizes.size(file)
}

// state sums every page's and file's URL and every unpublished file, in
// any order: when it is the same as in the last build, links resolve as
// they did.
func (r linkResolver) state() uint64 {
	var sum uint64
	for i, m := range []map[string]string{r.pages, r.files, r.left} {
		for k, v := range m {
			sum += spread((maphash.String(stateSeed, k)*31+maphash.String(stateSeed, v))*31 + uint64(i))
		}
	}
	return sum
}

// stateSeed is the same for every build of a process, as it must be for
// states to compare.
var stateSeed = maphash.MakeSeed()

// spread is splitmix64's finalizer: adding the entries' sums after it does
// not let two changes cancel out the way adding raw sums could.
func spread(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

func (r linkResolver) Resolve(from, target string) (string, string) {
	file := path.Join(path.Dir(from), target)
	if u, ok := r.pages[file]; ok {
		return u, ""
	}
	if u, ok := r.files[file]; ok {
		return u, ""
	}
	if why, ok := r.left[file]; ok {
		return "", file + " is not published in this build: " + why
	}
	return "", "there is no file " + file + "; check the path (upper and lower case must match), relative to this file's folder"
}

// recorder notes what each link of one page resolved to.
type recorder struct {
	inner linkResolver
	seen  map[string][2]string // target -> URL, problem
}

func (r *recorder) Resolve(from, target string) (string, string) {
	u, problem := r.inner.Resolve(from, target)
	r.seen[target] = [2]string{u, problem}
	return u, problem
}

// sizeKey marks an image's size among the things a page's conversion used,
// so that a resized image converts the page again.
const sizeKey = "\x00size:"

func (r *recorder) ImageSize(from, target string) (int, int, bool) {
	w, h, ok := r.inner.ImageSize(from, target)
	r.seen[sizeKey+target] = [2]string{fmt.Sprint(w, "x", h), ""}
	return w, h, ok
}

// markdownCache keeps converted pages between builds (folio serve). Safe
// for the workers of one build.
type markdownCache struct {
	mu    sync.Mutex
	pages map[string]converted
	state uint64 // the link resolver's in the last build
}

type converted struct {
	version uint64               // the file's, from source
	links   map[string][2]string // what its links resolved to
	linkSum uint64               // of links, made once
	result  *markup.Result
	diags   diag.List
}

// relink records the link resolver's state of this build and tells
// whether cached pages' links must be resolved again to be trusted: unless
// only Markdown changed and every URL is as it was.
func (c *markdownCache) relink(state uint64, onlyText bool) bool {
	if c == nil {
		return true
	}
	same := onlyText && c.state == state
	c.state = state
	return !same
}

// lookup returns the page's conversion if its file is the same and, when
// recheck, every link still resolves as before.
func (c *markdownCache) lookup(p *source.Page, links linkResolver, recheck bool) (converted, bool) {
	if c == nil || p.Version == 0 {
		return converted{}, false
	}
	c.mu.Lock()
	hit, ok := c.pages[p.File]
	c.mu.Unlock()
	if !ok || hit.version != p.Version {
		return converted{}, false
	}
	if !recheck {
		return hit, true
	}
	for target, was := range hit.links {
		if img, ok := strings.CutPrefix(target, sizeKey); ok {
			if w, h, _ := links.ImageSize(p.File, img); fmt.Sprint(w, "x", h) != was[0] {
				return converted{}, false
			}
			continue
		}
		if u, problem := links.Resolve(p.File, target); u != was[0] || problem != was[1] {
			return converted{}, false
		}
	}
	return hit, true
}

func (c *markdownCache) store(p *source.Page, links map[string][2]string, r *markup.Result, d diag.List) {
	if c == nil || p.Version == 0 {
		return
	}
	c.mu.Lock()
	c.pages[p.File] = converted{version: p.Version, links: links, linkSum: sumLinks(links), result: r, diags: d}
	c.mu.Unlock()
}

// linkSum sums what a page's links resolved to in its last conversion.
func (c *markdownCache) linkSum(file string) uint64 {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	hit, ok := c.pages[file]
	c.mu.Unlock()
	if !ok {
		return sumLinks(nil)
	}
	return hit.linkSum
}

// sumLinks sums what links resolved to, in a fixed order.
func sumLinks(links map[string][2]string) uint64 {
	targets := make([]string, 0, len(links))
	for t := range links {
		targets = append(targets, t)
	}
	sort.Strings(targets)
	h := fnv.New64a()
	for _, t := range targets {
		h.Write([]byte(t + "\x00" + links[t][0] + "\x00" + links[t][1] + "\x00"))
	}
	return h.Sum64()
}

func mix(a, b uint64) uint64 { return a*1099511628211 ^ b }
