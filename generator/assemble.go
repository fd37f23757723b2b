package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/theme"
)

// assemble puts the rendered files and the files copied as they are (the
// theme's static files, content files, pages' resources) into one site,
// reporting two sources of one path, and a file where another output needs
// a folder of that name, with what made each.
func assemble(files map[string][]byte, model *site.Site, th *theme.Theme, c *source.Content, fsys fs.FS, l *diag.List) *publish.Site {
	out := &publish.Site{Files: files, Copies: map[string]string{}, FS: fsys}
	made := map[string]string{}      // path -> the file that made it
	pages := map[string]*site.Page{} // path -> the page that made it
	for _, o := range model.Outputs {
		if _, ok := made[o.Path]; !ok {
			made[o.Path] = describe(o.Page.File)
			pages[o.Path] = o.Page
		}
	}
	type copied struct{ dst, src string }
	var copies []copied
	for _, src := range slices.Sorted(maps.Keys(th.Static)) {
		copies = append(copies, copied{th.Static[src], src})
	}
	for _, src := range slices.Sorted(maps.Keys(c.Files)) {
		copies = append(copies, copied{c.Files[src], src})
	}
	for _, p := range c.Pages {
		for _, r := range p.Resources {
			copies = append(copies, copied{p.ResourcePath(r), r})
		}
	}
	for _, cp := range copies {
		if who, ok := made[cp.dst]; ok {
			l.Errorf(diag.Pos{File: cp.src}, "%s and %s both make %s; rename or move one of them", who, cp.src, cp.dst)
			continue
		}
		out.Copies[cp.dst] = cp.src
		made[cp.dst] = cp.src
	}
	for _, p := range out.Paths() {
		for dir := range source.Parents(p) {
			if _, isFile := made[dir]; isFile && dir != "" {
				pos := diag.Pos{File: made[p]}
				if page := pages[p]; page != nil {
					pos = page.KeyPos("url")
				}
				l.Errorf(pos, "%s makes %s, but %s (from %s) is a file of that name; give the page another url or slug, or rename the file", made[p], p, dir, made[dir])
			}
		}
	}
	return out
}

func describe(file string) string {
	if file == "" {
		return "the site"
	}
	return file
}

// fingerprint renames the theme's stylesheets and scripts after their
// content (css/style.css -> css/style.1a2b3c4d5e.css) and records the new
// names in assets for the layouts, so that hosts can let browsers cache
// them for a year: a changed file gets a new name.
func fingerprint(fsys fs.FS, th *theme.Theme, assets map[string]string) {
	for _, src := range slices.Sorted(maps.Keys(th.Static)) {
		dst := th.Static[src]
		ext := path.Ext(dst)
		if ext != ".css" && ext != ".js" {
			continue
		}
		b, err := fs.ReadFile(fsys, src)
		if err != nil {
			continue // the copy reports it
		}
		sum := sha256.Sum256(b)
		named := strings.TrimSuffix(dst, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		th.Static[src] = named
		assets["/"+dst] = "/" + named
	}
}
