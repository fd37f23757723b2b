// Package links resolves the relative links of content files (a page's
// Markdown linking ../b.md or photo.jpg) to the URLs of what they point to,
// says why a link leads nowhere, and records what each page's links
// resolved to, so that a page converted in an earlier build is trusted
// only while its links resolve the same.
//
// It answers from what source placed: it never reads a page's text,
// converts Markdown, decides a URL, or writes anything.
package links

import (
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"io/fs"
	"path"
	"sort"
	"strings"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/images"
	"folio.dev/folio/generator/photos"
	"folio.dev/folio/generator/source"
)

// Resolver finds the page or file a relative link points to, and the size
// of an image. It serves the markup stage (markup.Resolver); one is made
// for each build, and is safe for its workers.
type Resolver struct {
	pages  map[string]string       // Markdown file -> its page's URL
	files  map[string]string       // other file of content/ -> its URL
	left   map[string]diag.Message // unpublished Markdown file -> why
	broken map[string]diag.Pos     // Markdown file that is not a page -> its first error
	sizes  *images.Sizes
	photos *photos.Set // nil: photos are not shown with derivatives
}

// New makes the resolver of content: links resolve to URLs that start
// with basePath, so that they work for a site served below a folder
// (https://example.org/sub/); images are read from fsys for their sizes.
func New(c *source.Content, fsys fs.FS, basePath string) *Resolver {
	r := &Resolver{pages: map[string]string{}, files: map[string]string{}, left: c.Left, broken: c.Broken, sizes: images.NewSizes(fsys)}
	for _, p := range c.Pages {
		r.pages[p.File] = basePath + strings.TrimPrefix(p.URL, "/")
		for _, f := range p.Resources {
			r.files[f] = basePath + p.ResourcePath(f)
		}
	}
	for src, dst := range c.Files {
		r.files[src] = basePath + dst
	}
	return r
}

// Resolve returns the URL of target, a link written in file from, or, when
// it leads nowhere, why (a diag.Message).
func (r *Resolver) Resolve(from, target string) (string, error) {
	file := path.Join(path.Dir(from), target)
	if u, ok := r.pages[file]; ok {
		return u, nil
	}
	if u, ok := r.files[file]; ok {
		return u, nil
	}
	if why, ok := r.left[file]; ok {
		return "", diag.Msg(diag.WhyUnpublished, file, why)
	}
	if at, ok := r.broken[file]; ok {
		return "", diag.Msg(diag.WhyFrontMatterError, file, at.String())
	}
	// A link to a bundle's folder (../fair/) means its page: say which
	// file to link, as written from here.
	for _, index := range []string{"index.md", "_index.md"} {
		_, broken := r.broken[path.Join(file, index)]
		if _, ok := r.pages[path.Join(file, index)]; ok || broken {
			return "", diag.Msg(diag.WhyFolder, file, path.Join(target, index))
		}
	}
	return "", diag.Msg(diag.WhyNoFile, file)
}

// ImageSize tells the size of an image of content/ a page shows, or why
// an image file has none (images.Sizes.Size).
func (r *Resolver) ImageSize(from, target string) (int, int, error) {
	file := path.Join(path.Dir(from), target)
	if _, ok := r.files[file]; !ok {
		return 0, 0, nil
	}
	return r.sizes.Size(file)
}

// State sums every page's and file's URL and every unpublished file, in
// any order: when it is the same as in the last build (summed with the
// same seed), links resolve as they did.
func (r *Resolver) State(seed maphash.Seed) uint64 {
	var sum uint64
	for i, m := range []map[string]string{r.pages, r.files} {
		for k, v := range m {
			sum += spread((maphash.String(seed, k)*31+maphash.String(seed, v))*31 + uint64(i))
		}
	}
	for k, v := range r.left {
		sum += spread((maphash.String(seed, k)*31+maphash.String(seed, v.Error()))*31 + 2)
	}
	for k, at := range r.broken {
		sum += spread((maphash.String(seed, k)*31+maphash.String(seed, at.String()))*31 + 3)
	}
	return sum
}

// spread is splitmix64's finalizer: adding the entries' sums after it does
// not let two changes cancel out the way adding raw sums could.
func spread(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// Recorder resolves as its Resolver does and notes the answers, for one
// page's conversion: not safe for more than one goroutine.
type Recorder struct {
	inner *Resolver
	Seen  Resolved
}

// Record starts recording what one page's links resolve to.
func (r *Resolver) Record() *Recorder {
	return &Recorder{inner: r, Seen: Resolved{}}
}

func (r *Recorder) Resolve(from, target string) (string, error) {
	u, problem := r.inner.Resolve(from, target)
	r.Seen[target] = [2]string{u, text(problem)}
	return u, problem
}

// text is a problem as Resolved keeps it: "" for none.
func text(problem error) string {
	if problem == nil {
		return ""
	}
	return problem.Error()
}

// sizeKey marks an image's size among the things a page's conversion used,
// so that a resized image converts the page again.
const sizeKey = "\x00size:"

func (r *Recorder) ImageSize(from, target string) (int, int, error) {
	w, h, problem := r.inner.ImageSize(from, target)
	r.Seen[sizeKey+target] = [2]string{fmt.Sprint(w, "x", h), text(problem)}
	return w, h, problem
}

// Resolved is what one page's links resolved to: target -> URL, problem
// (and its images' sizes).
type Resolved map[string][2]string

// Hold tells whether every link of file from still resolves, with r, as
// recorded, and every image has the size it had.
func (s Resolved) Hold(r *Resolver, from string) bool {
	for target, was := range s {
		if img, ok := strings.CutPrefix(target, photoKey); ok {
			if p, dir := r.Photo(from, img); photoState(p) != was[0] || dir != was[1] {
				return false
			}
			continue
		}
		if img, ok := strings.CutPrefix(target, sizeKey); ok {
			if w, h, problem := r.ImageSize(from, img); fmt.Sprint(w, "x", h) != was[0] || text(problem) != was[1] {
				return false
			}
			continue
		}
		if u, problem := r.Resolve(from, target); u != was[0] || text(problem) != was[1] {
			return false
		}
	}
	return true
}

// Sum sums what links resolved to, in a fixed order; nil has a sum too.
func (s Resolved) Sum() uint64 {
	targets := make([]string, 0, len(s))
	for t := range s {
		targets = append(targets, t)
	}
	sort.Strings(targets)
	h := fnv.New64a()
	for _, t := range targets {
		h.Write([]byte(t + "\x00" + s[t][0] + "\x00" + s[t][1] + "\x00"))
	}
	return h.Sum64()
}
