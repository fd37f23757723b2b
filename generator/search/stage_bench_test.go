package search_test

import (
	"context"
	"testing"

	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/search"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkStage makes the search index of the 1,000-page synthetic
// corpus: tokens of every public page, shards, result files, all encoded,
// on GOMAXPROCS workers. A build gathers the texts as its pages convert
// (search.Texts.Add); this does it all at once.
// go test -run XXX -bench Stage -benchmem ./generator/search/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Model)
	texts := map[*source.Page]string{}
	for _, p := range c.Content.Pages {
		var l diag.List
		texts[p], _ = markup.TakeText(c.Markdown.Render(convert.Doc(p), c.Links.Record(), &l))
	}
	for b.Loop() {
		if files := search.Index(context.Background(), c.Model, func(p *site.Page) string { return texts[p.Page] }, c.Workers, nil); files[search.Dir+"index.json"] == nil {
			b.Fatalf("no %sindex.json among %d files", search.Dir, len(files))
		}
	}
	testkit.PerPage(b, len(c.Content.Pages))
}
