package generator_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator"
)

// tomlString writes s as a TOML basic string, control characters escaped,
// so that the fuzzer's bytes reach folio as front matter values.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// FuzzPageURL follows what an editor writes into a URL end to end: a file
// name, slug, url and tag go into front matter, the site is built in
// memory, and either the build reports errors with their files, or every
// feed, sitemap, calendar and search index is read by its real client
// (XML well formed, no property injected into a calendar, every URL a URI
// of a page; checkOutputs). Seeded from the bad-input table's rows.
func FuzzPageURL(f *testing.F) {
	for _, seed := range [][4]string{
		{"e", "", "", "技能"},
		{"50%off", "", "", "50%"},
		{"春,秋;冬", "", "", "技能 大赛"},
		{"e", "e\r\nATTENDEE:mailto:x@example.org", "", "a"},
		{"e", "", "/e/\nATTENDEE:x/", "a"},
		{"e\nATTENDEE:x", "", "", "a"},
		{"a", "", "/a b/", "a"},
		{"a", "<b>", "", "a"},
		{"a", "", `/a"onload="x/`, "a"},
		{"a", "a\x00b", "", "a"},
		{"a", "", "/%E6%96%B0/", "a"},
		{"a", "a&b'(1)+=2", "", "Section"},
		{"a", "", "/events/50%off-营/", "!!!"},
		{"100%ab", "", "", "section"},
		{"x", "", "/old/page.html", "\u3000"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	theme := readTree(f, "testdata/theme-mini", "themes/default")
	f.Fuzz(func(t *testing.T, file, slug, url, tag string) {
		name := "content/events/" + file + ".md"
		if !fs.ValidPath(name) || strings.Contains(file, "/") {
			return // not a file name fs.FS can hold
		}
		site := fstest.MapFS{
			"config.toml":       {Data: []byte("title = \"测试\"\nbaseURL = \"https://www.example.org/协会/\"\n")},
			"content/_index.md": {Data: []byte("+++\ntitle = \"首页\"\n+++\n")},
			"content/news/a.md": {Data: []byte("+++\ntitle = \"甲\"\ndate = 2026-06-01\ntags = [\"技能\"]\n+++\n正文。\n")},
		}
		for k, v := range theme {
			site[k] = v
		}
		fm := "+++\ntitle = \"活动\"\nstart = 2026-12-15\ntags = [" + tomlString(tag) + "]\n"
		if slug != "" {
			fm += "slug = " + tomlString(slug) + "\n"
		}
		if url != "" {
			fm += "url = " + tomlString(url) + "\n"
		}
		site[name] = &fstest.MapFile{Data: []byte(fm + "+++\n正文。\n")}
		res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow, Workers: 1})
		if err != nil {
			if !errors.Is(err, generator.ErrContent) || len(res.Diagnostics) == 0 {
				t.Fatalf("build: %v, %d diagnostics", err, len(res.Diagnostics))
			}
			for _, d := range res.Diagnostics {
				if d.Pos.File == "" {
					t.Errorf("a diagnostic without a file: %s", d.String())
				}
			}
			return
		}
		events := 0 // a hidden file (..md) is no page
		for _, p := range res.Model.Pages {
			if p.Event != nil {
				events++
			}
		}
		if res.Site.Files["sitemap.xml"] == nil || (events > 0) != (res.Site.Files["events/calendar.ics"] != nil) {
			t.Fatalf("built without a sitemap, or %d events and no calendar: %v", events, res.Site.Paths())
		}
		for _, err := range checkOutputs(res) {
			t.Error(err)
		}
	})
}
