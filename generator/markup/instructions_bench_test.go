package markup_test

import (
	"context"
	"testing"

	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkInstructions converts the Markdown of every page of a 300-page
// corpus of issue 21's shape on one worker, as a build does: small enough
// to run under valgrind, where docs/instructions.sh counts the
// instructions of an op, which a shared machine does not change as it
// changes the time.
func BenchmarkInstructions(b *testing.B) {
	c := testkit.Corpus(b, 300, testkit.Read, testkit.Issue21...)
	for b.Loop() {
		var l diag.List
		if results := convert.Pages(context.Background(), c.Markdown, c.Content, c.Links, convert.Options{Workers: 1}, &l); l.Errors() > 0 || len(results) != len(c.Content.Pages) {
			b.Fatal(l.Err())
		}
	}
}
