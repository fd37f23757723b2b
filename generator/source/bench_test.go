package source_test

import (
	"context"
	"testing"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkStage reads the 1,000-page synthetic corpus as a build does:
// lists content/, reads every file and decodes its front matter, on
// GOMAXPROCS workers. go test -run XXX -bench Stage -benchmem ./generator/source/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Config)
	var content *source.Content
	for b.Loop() {
		var l diag.List
		content = source.Read(context.Background(), c.FS, c.Config, source.Options{Now: c.Now, Workers: c.Workers}, &l)
		if l.Errors() > 0 {
			b.Fatal(l.Err())
		}
	}
	testkit.PerPage(b, len(content.Pages))
}
