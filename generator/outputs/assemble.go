package outputs

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/photos"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/search"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

// Build is what a build made, to be published together.
type Build struct {
	// Claimed is Claim's table of the model's outputs; nil claims them
	// here.
	Claimed *Table
	// Rendered are the model's outputs, rendered (nil bytes for those
	// already written).
	Rendered map[string][]byte
	// Generated are the files folio makes for programs: feeds, calendars,
	// sitemaps, robots.txt, search files.
	Generated map[string][]byte
	Model     *site.Site
	// Static maps the theme's static files to their published paths
	// (assets.Paths).
	Static  map[string]string
	Content *source.Content
	// FS is the site's root, which copied files are read from.
	FS fs.FS
	// Unsafe is [markup] unsafe: when false, content's HTML files are
	// refused and its SVG drawings sanitized (Cleaned).
	Unsafe bool
	// Photos are the published files of content's photos (photos.Make),
	// by source: the cleaned original at the source's path and the
	// derivatives beside it, never the source itself. A photo with nil
	// files was refused: nothing of it is published.
	Photos map[string][]photos.File
}

// Assemble puts the rendered and generated files and the files copied as
// they are (the theme's static files, content files, pages' resources) into
// one site, claiming every path in one table: each collision is reported
// with both makers, and the first maker keeps the path. Unless b.Unsafe,
// content files a browser would run are not copied as they are (Cleaned):
// cleaned holds the sanitized drawings it put in the site's Files.
func Assemble(b Build, l *diag.List) (site *publish.Site, cleaned map[string][]byte) {
	t := b.Claimed
	if t == nil {
		t = Claim(b.Model, l)
	}
	out := &publish.Site{Files: b.Rendered, Copies: map[string]string{}, FS: b.FS, Stable: map[string]bool{}}
	for _, p := range slices.Sorted(maps.Keys(b.Generated)) {
		if t.Claim(p, Source{Kind: Generated, Name: generatedName(p)}) {
			out.Files[p] = b.Generated[p]
		}
	}
	copyFile := func(dst, src string) {
		if t.Claim(dst, Source{Pos: diag.Pos{File: src}, Kind: File}) {
			out.Copies[dst] = src
		}
	}
	for _, src := range slices.Sorted(maps.Keys(b.Static)) {
		copyFile(b.Static[src], src)
	}
	cleaned = map[string][]byte{}
	copyContent := func(dst, src string) {
		if files, ok := b.Photos[src]; ok {
			for _, f := range files {
				p := dst
				if f.Name != path.Base(src) {
					p = path.Join(path.Dir(dst), f.Name)
				}
				switch {
				case !t.Claim(p, Source{Pos: diag.Pos{File: src}, Kind: File}):
				case f.Cached != "":
					out.Copies[p] = f.Cached
					out.Stable[p] = true // named by its content's hash, written once by rename
				default:
					out.Files[p], cleaned[p] = f.Data, f.Data
				}
			}
			return
		}
		if b.Unsafe {
			copyFile(dst, src)
			return
		}
		body, ok := Cleaned(b.FS, src, l)
		switch {
		case !ok:
		case body == nil:
			copyFile(dst, src)
		case t.Claim(dst, Source{Pos: diag.Pos{File: src}, Kind: File}):
			out.Files[dst], cleaned[dst] = body, body
		}
	}
	for _, src := range slices.Sorted(maps.Keys(b.Content.Files)) {
		copyContent(b.Content.Files[src], src)
	}
	for _, p := range b.Content.Pages {
		for _, r := range p.Resources {
			copyContent(p.ResourcePath(r), r)
		}
	}
	t.CheckFolders()
	return out, cleaned
}

// Of is the source of one of the model's outputs: a page's own output is at
// the key that set its URL (url, slug, or the file's name), an alias at
// aliases; lists' later pages, and pages of no file, are folio's.
func Of(o site.Output) Source {
	p := o.Page
	own := strings.TrimPrefix(p.URL, "/")
	if !strings.HasSuffix(own, ".html") {
		own += "index.html"
	}
	switch {
	case p.File == "":
		if o.Layout == "404" {
			return Source{Kind: Generated, Name: diag.Msg(diag.Generated404)}
		}
		return Source{Kind: Generated, Name: diag.Msg(diag.GeneratedPage, o.Layout, p.URL)}
	case o.Path == own && o.Layout != "alias":
		switch {
		case p.FM.URL != "":
			return Source{Pos: source.KeyPos(p.Page, "url"), Kind: Page}
		case p.FM.Slug != "":
			return Source{Pos: source.KeyPos(p.Page, "slug"), Kind: Page}
		}
		return Source{Pos: diag.Pos{File: p.File}, Kind: Page}
	case o.Pager != nil && o.Pager.Number > 1:
		return Source{Pos: diag.Pos{File: p.File}, Kind: Generated, Name: diag.Msg(diag.GeneratedListPage, o.Pager.Number, p.URL)}
	case o.Layout == "alias" && o.Path == strings.TrimPrefix(p.URL, "/")+"page/1/index.html":
		return Source{Pos: diag.Pos{File: p.File}, Kind: Generated, Name: diag.Msg(diag.GeneratedRedirect, p.URL)}
	case o.Layout == "alias":
		return Source{Pos: source.KeyPos(p.Page, "aliases"), Kind: Alias}
	}
	return Source{Pos: diag.Pos{File: p.File}, Kind: Generated, Name: diag.Msg(diag.GeneratedPageOf, o.Layout, p.File)}
}

// generatedName names a file folio makes for programs, from its path.
func generatedName(p string) diag.Message {
	base := path.Base(p)
	switch {
	case strings.HasPrefix(p, search.Dir):
		return diag.Msg(diag.GeneratedSearch)
	case p == "robots.txt":
		return diag.Msg(diag.GeneratedRobots)
	case strings.HasPrefix(base, "sitemap"):
		return diag.Msg(diag.GeneratedSitemap)
	case path.Ext(p) == ".ics":
		return diag.Msg(diag.GeneratedCalendar)
	case path.Ext(p) == ".xml":
		return diag.Msg(diag.GeneratedFeed)
	}
	return diag.Msg(diag.GeneratedOther)
}
