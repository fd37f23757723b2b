package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"time"

	"folio.dev/folio/generator/site"
)

// maxURLs is how many URLs one sitemap file may list (sitemaps.org): a
// larger site gets an index, sitemap.xml, of numbered files.
const maxURLs = 50000

// Sitemaps list every public page for search engines, with the date it
// last changed: the first page of each list, no redirects, no 404, and
// nothing of an internal journal. The files are by path below the site
// root; sitemap.xml is the one to give search engines.
func Sitemaps(s *site.Site) map[string][]byte { return sitemaps(s, maxURLs) }

func sitemaps(s *site.Site, perFile int) map[string][]byte {
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
		e := entry{loc: s.Config.AbsURI(o.Page.URL)}
		if t := lastmod(o); !t.IsZero() {
			e.lastmod = t.In(s.Config.Location).Format(time.RFC3339)
		}
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].loc < entries[j].loc })
	// Written by hand: encoding/xml's reflection costs more than the rest
	// of a rebuild on a large site.
	write := func(root, item string, entries []entry) []byte {
		var b bytes.Buffer
		b.Grow(len(entries) * 128) // about one entry's size: growing by doubling copies the sitemap many times
		b.WriteString(xml.Header)
		b.WriteString("<" + root + ` xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, e := range entries {
			b.WriteString("  <" + item + ">\n    <loc>")
			xml.EscapeText(&b, []byte(e.loc))
			b.WriteString("</loc>\n")
			if e.lastmod != "" {
				b.WriteString("    <lastmod>" + e.lastmod + "</lastmod>\n")
			}
			b.WriteString("  </" + item + ">\n")
		}
		b.WriteString("</" + root + ">\n")
		return b.Bytes()
	}
	if len(entries) <= perFile {
		return map[string][]byte{"sitemap.xml": write("urlset", "url", entries)}
	}
	files := map[string][]byte{}
	var index []entry
	for n := 1; len(entries) > 0; n++ {
		part := entries[:min(perFile, len(entries))]
		entries = entries[len(part):]
		name := fmt.Sprintf("sitemap-%d.xml", n)
		files[name] = write("urlset", "url", part)
		index = append(index, entry{loc: s.Config.AbsURI("/" + name)})
	}
	files["sitemap.xml"] = write("sitemapindex", "sitemap", index)
	return files
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
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.Config.AbsURI("/sitemap.xml") + "\n")
}
