package convert_test

import (
	"context"
	"testing"

	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkStage converts the Markdown of every page of the 1,000-page
// synthetic corpus, links resolved, as a build does on GOMAXPROCS workers
// (without folio serve's cache). go test -run XXX -bench Stage -benchmem ./generator/convert/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Read)
	for b.Loop() {
		var l diag.List
		if results := convert.Pages(context.Background(), c.Markdown, c.Content, c.Links, convert.Options{Workers: c.Workers}, &l); l.Errors() > 0 || len(results) != len(c.Content.Pages) {
			b.Fatal(l.Err())
		}
	}
	testkit.PerPage(b, len(c.Content.Pages))
}
