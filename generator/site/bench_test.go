package site_test

import (
	"testing"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkStage makes the site model of the 1,000-page synthetic corpus
// from its pages and their converted Markdown: sections, terms, archives,
// journal, feeds and the list of outputs with their pagination.
// go test -run XXX -bench Stage -benchmem ./generator/site/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Markdown)
	for b.Loop() {
		var l diag.List
		if s := site.Build(c.Config, c.Content.Pages, c.Results, c.Now, &l); l.Errors() > 0 || len(s.Outputs) == 0 {
			b.Fatalf("%d outputs: %v", len(s.Outputs), l.Err())
		}
	}
	testkit.PerPage(b, len(c.Content.Pages))
}

// BenchmarkWithText derives the model of a 10,000-page corpus for a save
// that changed one page's text, as folio serve does on every such save.
// go test -run XXX -bench WithText -benchmem ./generator/site/
func BenchmarkWithText(b *testing.B) {
	c := testkit.Corpus(b, 10000, testkit.Model)
	p := c.Model.Pages[len(c.Model.Pages)/2]
	texts := map[string]site.Text{p.File: {Page: p.Page, Result: &p.Result}}
	for b.Loop() {
		site.WithText(c.Model, texts)
	}
	testkit.PerPage(b, len(c.Model.Pages))
}
