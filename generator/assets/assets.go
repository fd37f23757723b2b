// Package assets names the theme's static files as they are published:
// stylesheets and scripts get a name after their content, so that hosts
// can let browsers cache them for a year (a changed file gets a new name).
// It reads the files and returns names; it changes neither the theme nor
// the files.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
)

// Fingerprint returns the URLs the layouts write for the theme's
// stylesheets and scripts, each with the URL it is published at, named
// after its content: "/css/style.css" -> "/css/style.1a2b3c4d5e.css".
// static maps each static file (from the site's root) to its path in the
// site, as theme.Theme.Static does. A file that cannot be read keeps its
// name: copying it reports the error.
func Fingerprint(fsys fs.FS, static map[string]string) map[string]string {
	urls := map[string]string{}
	for _, src := range slices.Sorted(maps.Keys(static)) {
		dst := static[src]
		ext := path.Ext(dst)
		if ext != ".css" && ext != ".js" {
			continue
		}
		b, err := fs.ReadFile(fsys, src)
		if err != nil {
			continue
		}
		sum := sha256.Sum256(b)
		urls["/"+dst] = "/" + strings.TrimSuffix(dst, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	}
	return urls
}

// Paths returns where each static file is published: source file -> path
// in the site, renamed as urls (Fingerprint's result, or nil) says.
func Paths(static, urls map[string]string) map[string]string {
	out := make(map[string]string, len(static))
	for src, dst := range static {
		if u, ok := urls["/"+dst]; ok {
			dst = strings.TrimPrefix(u, "/")
		}
		out[src] = dst
	}
	return out
}
