package links

import (
	"path"
	"strings"

	"folio.dev/folio/generator/photos"
)

// ShowPhotos makes the resolver answer for the photos of content/ (their
// derivatives and upright sizes) from set.
func (r *Resolver) ShowPhotos(set *photos.Set) { r.photos = set }

// Photos returns the set the resolver answers from.
func (r *Resolver) Photos() *photos.Set { return r.photos }

// Photo returns the plan of a photo of content/ a page shows, and the URL
// of the folder it is published in (its derivatives' names are relative to
// it); nil when target is no published raster image (or photos are not
// shown).
func (r *Resolver) Photo(from, target string) (*photos.Photo, string) {
	file := path.Join(path.Dir(from), target)
	u, ok := r.files[file]
	if !ok || r.photos == nil || !photos.Raster(file) {
		return nil, ""
	}
	return r.photos.Show(file), u[:strings.LastIndex(u, "/")+1]
}

// photoKey marks a photo among the things a page's conversion used, so
// that a changed photo converts the page again.
const photoKey = "\x00photo:"

func (r *Recorder) Photo(from, target string) (*photos.Photo, string) {
	p, dir := r.inner.Photo(from, target)
	r.Seen[photoKey+target] = [2]string{photoState(p), dir}
	return p, dir
}

// photoState is what of a plan a page's HTML shows.
func photoState(p *photos.Photo) string {
	if p == nil {
		return ""
	}
	return p.Key + "\x00" + p.Problem.Error()
}
