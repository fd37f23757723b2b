package generator_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

// A panic of folio in any stage's workers (a bug, injected here) fails the
// build with an error naming the file it worked on and saying it is a bug
// of folio, keeps the stack trace out of the diagnostics, and leaves
// public/ as it was.
func TestPanicIsReportedAsBug(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ stage, name, want string }{
		{"markdown", "content/ok.md", "content/ok.md: [B01] internal error: 坏了"},
		{"write", "ok/index.html", "content/ok.md: [B01] internal error: 坏了"},
		{"write", "404.html", "404.html: [B01] internal error: 坏了"},
		{"feeds", "", "the site: [B01] internal error: 坏了"},
	} {
		t.Run(tt.stage+" "+tt.name, func(t *testing.T) {
			t.Parallel()
			dir, dest, before := builtSite(t)
			write("content/ok.md", "+++\ntitle = \"好\"\n+++\n改过的正文。\n")(dir) // something to write
			fault := func(stage, name string) {
				if stage == tt.stage && name == tt.name {
					panic("坏了")
				}
			}
			res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow, Fault: fault, Workers: 4})
			var b strings.Builder
			res.Diagnostics.Print(&b, diag.English, 0)
			if !errors.Is(err, generator.ErrInternal) || !strings.Contains(b.String(), tt.want) || !strings.Contains(b.String(), "bug in folio") {
				t.Errorf("got %v:\n%s\nwant a message containing %q", err, b.String(), tt.want)
			}
			if strings.Contains(b.String(), "goroutine ") || strings.Contains(err.Error(), "goroutine ") {
				t.Errorf("a stack trace is in the diagnostics:\n%s", b.String())
			}
			if len(res.Bugs) != 1 || !strings.Contains(string(res.Bugs[0].Stack), "bug_test.go") {
				t.Errorf("Result.Bugs = %v, want the panic with its stack", res.Bugs)
			}
			sameTree(t, dest, before)
		})
	}
}
