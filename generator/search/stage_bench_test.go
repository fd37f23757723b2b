package search_test

import (
	"context"
	"testing"

	"folio.dev/folio/generator/search"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkStage makes the search index of the 1,000-page synthetic
// corpus: tokens of every public page, shards, result files, all encoded,
// on GOMAXPROCS workers. go test -run XXX -bench Stage -benchmem ./generator/search/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Model)
	for b.Loop() {
		if files := search.Index(context.Background(), c.Model, func(p *site.Page) string { return c.Texts[p.Page] }, c.Workers, nil); files[search.Dir+"index.json"] == nil {
			b.Fatalf("no %sindex.json among %d files", search.Dir, len(files))
		}
	}
	testkit.PerPage(b, len(c.Content.Pages))
}
