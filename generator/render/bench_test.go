package render_test

import (
	"context"
	"testing"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkStage executes the theme's layouts for every output of the
// 1,000-page synthetic corpus (pages, paginated lists, terms, archives), in
// memory on GOMAXPROCS workers, without folio serve's cache.
// go test -run XXX -bench Stage -benchmem ./generator/render/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Theme)
	for b.Loop() {
		var l diag.List
		if files, _ := render.Render(context.Background(), c.Model, c.Theme, c.Workers, nil, nil, nil, &l); l.Errors() > 0 || len(files) == 0 {
			b.Fatalf("%d files: %v", len(files), l.Err())
		}
	}
	testkit.PerPage(b, len(c.Content.Pages))
}

// BenchmarkStageIssue21 is BenchmarkStage on issue 21's corpus (20 tags,
// 8 committees, 20 items a list page), where layouts weigh most.
// go test -run XXX -bench StageIssue21 -benchmem ./generator/render/
func BenchmarkStageIssue21(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Theme, testkit.Issue21...)
	start := cpuTime() // the machines are shared: CPU time varies less than wall time
	for b.Loop() {
		var l diag.List
		if files, _ := render.Render(context.Background(), c.Model, c.Theme, c.Workers, nil, nil, nil, &l); l.Errors() > 0 || len(files) == 0 {
			b.Fatalf("%d files: %v", len(files), l.Err())
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	testkit.PerPage(b, len(c.Content.Pages))
}

// BenchmarkInstructions is BenchmarkStageIssue21 on 300 pages and one
// worker, small enough to run under valgrind: docs/instructions.sh counts
// the instructions of an op, which a shared machine does not change as it
// changes the time.
func BenchmarkInstructions(b *testing.B) {
	c := testkit.Corpus(b, 300, testkit.Theme, testkit.Issue21...)
	for b.Loop() {
		var l diag.List
		if files, _ := render.Render(context.Background(), c.Model, c.Theme, 1, nil, nil, nil, &l); l.Errors() > 0 || len(files) == 0 {
			b.Fatalf("%d files: %v", len(files), l.Err())
		}
	}
}
