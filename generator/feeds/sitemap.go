package feeds

import (
	"bytes"
	"encoding/xml"
	"sort"
	"time"

	"folio.dev/folio/generator/site"
)

// Sitemap lists every public page for search engines, with the date it last
// changed: the first page of each list, no redirects, no 404, and nothing
// of an internal journal.
func Sitemap(s *site.Site) []byte {
	type entry struct{ loc, lastmod string }
	seen := make(map[string]bool, len(s.Outputs))
	entries := make([]entry, 0, len(s.Outputs))
	for _, o := range s.Outputs {
		if o.Layout == "alias" || o.Layout == "404" || (o.Pager != nil && o.Pager.Number > 1) || seen[o.Page.URL] {
			continue
		}
		if s.Config.Journal.Internal && o.Page.Section == s.Config.Journal.Section {
			continue
		}
		seen[o.Page.URL] = true
		e := entry{loc: s.Config.AbsURL(o.Page.URL)}
		if t := lastmod(o); !t.IsZero() {
			e.lastmod = t.In(s.Config.Location).Format(time.RFC3339)
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].loc < entries[j].loc })
	// Written by hand: encoding/xml's reflection costs more than the rest
	// of a rebuild on a large site.
	var b bytes.Buffer
	b.Grow(len(entries) * 128) // about one entry's size: growing by doubling copies the sitemap many times
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, e := range entries {
		b.WriteString("  <url>\n    <loc>")
		xml.EscapeText(&b, []byte(e.loc))
		b.WriteString("</loc>\n")
		if e.lastmod != "" {
			b.WriteString("    <lastmod>" + e.lastmod + "</lastmod>\n")
		}
		b.WriteString("  </url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// lastmod is a page's own date of change, or for a list the newest date of
// what it lists.
func lastmod(o site.Output) time.Time {
	t := o.Page.Lastmod
	if o.Pager != nil {
		for _, p := range o.Pager.Items {
			if p.Lastmod.After(t) {
				t = p.Lastmod
			}
		}
	}
	return t
}

// Robots is robots.txt: everything may be crawled, and here is the sitemap.
func Robots(s *site.Site) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.Config.AbsURL("/sitemap.xml") + "\n")
}
