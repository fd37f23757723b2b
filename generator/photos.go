package generator

import (
	"html/template"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/photos"
	"folio.dev/folio/generator/source"
)

// makePhotos makes the published files of every published photo of
// content/: its cleaned original and its derivatives, in the cache folder
// of a site on disk (so that the next build, and CI's with the cache
// restored, decodes nothing), else in memory. A preview's text edit keeps
// the last build's files, as it keeps every other copied file; a preview
// publishes stand-ins for the photos not made yet, and the cache's
// photos.Later makes them in the background (folio serve builds again
// when they are made).
func (b *builder) makePhotos() error {
	if b.last != nil {
		b.photoSet = b.last.links.Photos()
	}
	b.photoPaths = map[string]string{}
	for src, dst := range b.content.Files {
		if photos.Raster(src) {
			b.photoPaths["/"+dst] = src
		}
	}
	for _, p := range b.content.Pages {
		for _, r := range p.Resources {
			if photos.Raster(r) {
				b.photoPaths["/"+p.ResourcePath(r)] = r
			}
		}
	}
	if b.last != nil && b.last.copies != nil {
		return nil // a text edit: the same photos, published as they were
	}
	files := slices.Sorted(maps.Values(b.photoPaths))
	files = slices.Compact(files) // a file both beside a page and in its bundle's list
	plans := make([]*photos.Photo, len(files))
	for i, f := range files {
		plans[i] = b.photoSet.Plan(f)
		if p := plans[i]; p.Refused() && !b.photoSet.Shown(f) {
			b.l.Add(diag.Pos{File: f}, diag.ImageFileRefused, p.Problem) // a page that shows it said so at its place
		}
	}
	opts := photos.Options{FS: b.opts.Root, Workers: b.opts.Workers, Prune: !b.preview}
	if b.cache != nil {
		opts.Later = b.cache.photos // folio serve: a page never waits for its photos (their stand-ins until then)
	}
	if b.opts.RootDir != "" {
		opts.Dir = filepath.Join(b.opts.RootDir, filepath.FromSlash(photos.CacheDir))
	}
	made, stats := photos.Make(b.ctx, plans, b.photoSet.Settings(), opts, b.l)
	b.photoFiles = map[string][]photos.File{}
	for _, f := range files {
		b.photoFiles[f] = made[f] // nil for one refused or not made: published not at all, rather than with its metadata
	}
	b.res.Photos = stats
	b.stage("photos")
	if err := b.ctx.Err(); err != nil {
		return err
	}
	return nil
}

// withPhotos gives layouts the build's photos: {{with photo .Cover 150}}
// is the picture of the cover in a slot 150 CSS pixels wide (its
// Src and Srcset with the site's base path; Share a site path, for
// absURL), nil for a file that is no photo with copies.
func (b *builder) withPhotos(funcs template.FuncMap) template.FuncMap {
	set, paths, base := b.photoSet, b.photoPaths, b.cfg.BasePath()
	funcs["photo"] = func(u string, w int) *markup.Picture {
		src, ok := paths[u]
		if !ok || set == nil {
			return nil
		}
		dir := u[:strings.LastIndex(u, "/")+1]
		pic, ok := markup.PictureOf(set.Plan(src), base+strings.TrimPrefix(dir, "/"), markup.FixedSlot(w))
		if !ok {
			return nil
		}
		pic.Share = dir + path.Base(pic.Share)
		return &pic
	}
	return funcs
}

// keepMetadata tells the photo set which photos pages publish with their
// metadata (front matter keepMetadata), each warned of at the page's key,
// as the site-wide setting is; a name that is no photo of the page's
// folder is an error there.
func (b *builder) keepMetadata() {
	var keep []string
	for _, p := range b.content.Pages {
		for _, name := range p.FM.KeepMetadata {
			file, _, ok := p.Resource(name)
			if !ok || !photos.Raster(file) {
				b.l.Add(source.KeyPos(p, "keepMetadata"), diag.FMKeepNotPhoto, name, path.Join(source.ContentDir, p.Dir))
				continue
			}
			b.l.Add(source.KeyPos(p, "keepMetadata"), diag.FMKeepMetadata, name)
			keep = append(keep, file)
		}
	}
	b.photoSet.Keep(keep)
}

// checkImages reports a page's featured image (front matter image) that is
// not a photo of its folder, at the key: layouts would show none for it.
func (b *builder) checkImages() {
	for _, p := range b.content.Pages {
		if name := p.FM.Image; name != "" {
			if file, _, ok := p.Resource(name); !ok || !photos.Raster(file) { // a HEIC is one: its own error says how to export it
				b.l.Add(source.KeyPos(p, "image"), diag.FMImageNotPhoto, name, path.Join(source.ContentDir, p.Dir))
			}
		}
	}
}
