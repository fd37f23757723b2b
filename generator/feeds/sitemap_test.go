package feeds

import (
	"encoding/xml"
	"fmt"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

// A site with more URLs than a sitemap may list gets an index of numbered
// sitemaps that list every URL once; a smaller one gets one sitemap.
func TestSitemapsSplit(t *testing.T) {
	var l diag.List
	cfg := config.Load(fstest.MapFS{"config.toml": {Data: []byte("title = \"t\"\nbaseURL = \"https://example.org/\"\n")}}, "config.toml", &l)
	if l.Errors() > 0 {
		t.Fatal(l.Err())
	}
	s := &site.Site{Config: cfg}
	for i := range 7 {
		p := site.NewPage(&source.Page{URL: fmt.Sprintf("/p/%d/", i)}, nil)
		s.Outputs = append(s.Outputs, site.Output{Path: fmt.Sprintf("p/%d/index.html", i), Layout: "post", Page: p})
	}
	type loc struct {
		Loc string `xml:"loc"`
	}
	var index struct {
		XMLName  xml.Name
		Sitemaps []loc `xml:"sitemap"`
		URLs     []loc `xml:"url"`
	}
	if files := sitemaps(s, 10); len(files) != 1 || xml.Unmarshal(files["sitemap.xml"], &index) != nil || len(index.URLs) != 7 {
		t.Fatalf("7 URLs, 10 a file: %d files, %d URLs in sitemap.xml", len(files), len(index.URLs))
	}

	files := sitemaps(s, 3)
	if err := xml.Unmarshal(files["sitemap.xml"], &index); err != nil || index.XMLName.Local != "sitemapindex" || len(index.Sitemaps) != 3 {
		t.Fatalf("7 URLs, 3 a file: sitemap.xml is %s with %d sitemaps (%v), want an index of 3", index.XMLName.Local, len(index.Sitemaps), err)
	}
	seen := map[string]int{}
	for _, sm := range index.Sitemaps {
		name := sm.Loc[len("https://example.org/"):]
		var set struct {
			URLs []loc `xml:"url"`
		}
		if err := xml.Unmarshal(files[name], &set); err != nil || len(set.URLs) == 0 || len(set.URLs) > 3 {
			t.Errorf("%s: %d URLs (%v)", name, len(set.URLs), err)
		}
		for _, u := range set.URLs {
			seen[u.Loc]++
		}
	}
	if len(seen) != 7 || len(files) != 4 {
		t.Errorf("the sitemaps list %d URLs in %d files, want 7 in 4: %v", len(seen), len(files), seen)
	}
	for u, n := range seen {
		if n != 1 {
			t.Errorf("%s is listed %d times", u, n)
		}
	}
}
