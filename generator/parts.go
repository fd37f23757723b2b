package generator

import (
	"context"
	"fmt"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/links"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/theme"
)

// Parts are what the stages of one build made, each the input of the
// stages after it. They are for the benchmarks of a single stage
// (testkit.Corpus), which so measure it on inputs made exactly as a build
// makes them, by the build's own stages: there is no second pipeline to
// drift from the first.
type Parts struct {
	Config   *config.Config
	Now      time.Time // the build's time, in the site's zone
	Content  *source.Content
	Links    *links.Resolver
	Markdown *markup.Markdown // the converter the pages were converted with
	Results  []*markup.Result // of Content.Pages, in order, without their texts
	Model    *site.Site
	Theme    *theme.Theme
	Site     *publish.Site // after "assemble": rendered, generated and copied files
}

// BuildParts builds in memory as Build does, up to and including the stage
// named upTo ("config", "model", "theme", "search", "render", "assemble"),
// and returns what the stages made. It fails on any error a stage reports.
func BuildParts(ctx context.Context, opts Options, upTo string) (*Parts, *Result, error) {
	known := false
	for _, s := range stages {
		known = known || s.name == upTo
	}
	if !known || opts.Destination != "" || opts.Preview != nil {
		return nil, nil, fmt.Errorf("BuildParts builds in memory, without a preview, up to one of the stages: not %q", upTo)
	}
	res := &Result{}
	b, err := start(ctx, opts, res)
	if err != nil {
		return nil, res, err
	}
	if err := b.run(upTo); err != nil {
		return nil, res, err
	}
	if res.Diagnostics.Errors() > 0 { // the stages that go on after errors, to report more, end at the next check
		return nil, res, b.fail()
	}
	return &Parts{Config: b.cfg, Now: b.now, Content: b.content, Links: b.links, Markdown: b.markdown, Results: b.results,
		Model: b.model, Theme: b.th, Site: b.out}, res, nil
}
