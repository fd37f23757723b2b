package markup_test

import (
	"context"
	"testing"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/testkit"
	"folio.dev/folio/generator/work"
)

// BenchmarkStage converts the Markdown of every page of the 1,000-page
// synthetic corpus, links resolved, as a build does on GOMAXPROCS workers
// (without folio serve's cache). go test -run XXX -bench Stage -benchmem ./generator/markup/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Read)
	cfg, pages := c.Config, c.Content.Pages
	for b.Loop() {
		md := markup.New(markup.Options{Unsafe: cfg.Markup.Unsafe, SummaryLength: cfg.Markup.SummaryLength, ReadingSpeed: cfg.Markup.ReadingSpeed, BasePath: cfg.BasePath()})
		diags := make([]diag.List, len(pages))
		work.Each(context.Background(), len(pages), c.Workers, func(i int) {
			p := pages[i]
			t := source.TextOf(p)
			md.Render(markup.Doc{File: p.File, Src: t.Src, BodyStart: t.BodyStart, Summary: p.FM.Summary}, c.Links, &diags[i])
		})
		for _, l := range diags {
			if l.Errors() > 0 {
				b.Fatal(l.Err())
			}
		}
	}
	testkit.PerPage(b, len(pages))
}
