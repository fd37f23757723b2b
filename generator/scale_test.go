package generator_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator"
)

// scalePage is one news page that is big in one way only: n tags, n links,
// n levels of nested list, n keys of params or n keys folio does not know.
// The other pages of scaleSite are a normal site's.
func scalePage(kind string, n int) string {
	var fm, body strings.Builder
	fm.WriteString("+++\ntitle = \"大\"\ndate = 2026-11-01\n")
	switch kind {
	case "tags":
		fm.WriteString("tags = [")
		for i := range n {
			fmt.Fprintf(&fm, "%q, ", fmt.Sprintf("标签%d", i))
		}
		fm.WriteString("]\n")
	case "links":
		for i := range n {
			fmt.Fprintf(&body, "见[第%d项](https://example.org/%d/)。\n", i, i)
		}
	case "nesting":
		for i := range n {
			fmt.Fprintf(&body, "%s- 第%d层\n", strings.Repeat("  ", i), i)
		}
	case "unknown":
		for i := range n {
			fmt.Fprintf(&fm, "key%d = %d\n", i, i)
		}
	case "params":
		fm.WriteString("[params]\n")
		for i := range n {
			fmt.Fprintf(&fm, "key%d = %d\n", i, i)
		}
	default:
		panic(kind)
	}
	return fm.String() + "+++\n" + body.String() + "正文。\n"
}

// scaleSite is a small site with the default theme and scalePage as
// content/news/big.md.
func scaleSite(tb testing.TB, kind string, n int) fstest.MapFS {
	site := readTree(tb, "../themes/default", "themes/default")
	files := map[string]string{
		"config.toml":            "title = \"测试\"\n",
		"content/_index.md":      "+++\ntitle = \"首页\"\n+++\n",
		"content/news/_index.md": "+++\ntitle = \"新闻\"\n+++\n",
		"content/news/ok.md":     "+++\ntitle = \"好\"\ndate = 2026-10-01\ntags = [\"培训\"]\n+++\n正文。\n",
		"content/news/big.md":    scalePage(kind, n),
	}
	for name, text := range files {
		site[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return site
}

// BenchmarkScale builds a site whose one page is a normal page's size (×1),
// 10 times and 100 times it, in each way content grows: tags (a normal page
// has 2), links (20), levels of nested list (1), params keys (5) and keys
// folio does not know (5, an error). Every stage is linear in its input, so
// ns/op grows about tenfold a step (beyond the site's fixed cost):
//
//	go test -run XXX -bench Scale -benchmem ./generator/
func BenchmarkScale(b *testing.B) {
	normal := []struct {
		kind string
		n    int
	}{{"tags", 2}, {"links", 20}, {"nesting", 1}, {"params", 5}, {"unknown", 5}}
	for _, k := range normal {
		for _, times := range []int{1, 10, 100} {
			n := k.n * times
			b.Run(fmt.Sprintf("%s=%d", k.kind, n), func(b *testing.B) {
				site := scaleSite(b, k.kind, n)
				opts := generator.Options{Root: site, Now: fixedNow}
				for b.Loop() {
					_, err := generator.Build(context.Background(), opts)
					if (err != nil) != (k.kind == "unknown") {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
