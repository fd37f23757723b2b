package generator_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

// A build that fails half-way through writing (a bug in folio, or Ctrl-C
// and SIGTERM, which cancel the build's context) leaves the previous site
// as it was and no staging folder beside it.
func TestFailedBuildLeavesNoStaging(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"panic", "cancel"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			dir, dest, before := builtSite(t)
			write("content/ok.md", "+++\ntitle = \"好\"\n+++\n改过的正文。\n")(dir)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			fault := func(stage, name string) {
				if stage == "write" {
					if how == "panic" {
						panic("坏了")
					}
					cancel()
				}
			}
			if _, err := generator.Build(ctx, generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow, Fault: fault, Workers: 2}); err == nil {
				t.Fatal("the build succeeded")
			}
			sameTree(t, dest, before)
			if left, _ := filepath.Glob(filepath.Join(dir, ".public.folio-*")); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// A second build of one destination while the first is writing it (two
// CI jobs, or an editor's build beside a script's) fails at once with R19
// at the destination and writes nothing: it once removed the first one's
// staging folder, and one of the two swapped in a folder both had half
// written. The first build publishes its whole site, and nothing is left
// beside the destination.
func TestSecondBuildOfOneDestination(t *testing.T) {
	t.Parallel()
	dir, dest, _ := builtSite(t)
	write("content/ok.md", "+++\ntitle = \"好\"\n+++\n改过的正文。\n")(dir)
	write("content/news/a.md", "+++\ntitle = \"甲\"\ndate = 2026-01-01\n+++\n新的一篇。\n")(dir)
	want := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: want, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}

	var once sync.Once
	var second *generator.Result
	var secondErr error
	fault := func(stage, name string) {
		if stage == "write" {
			once.Do(func() {
				// Another address: a site it mixed into the first's would show.
				second, secondErr = generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow, Workers: 2, BaseURL: "https://second.example.org/"})
			})
		}
	}
	if _, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow, Fault: fault, Workers: 2}); err != nil {
		t.Fatalf("the first build: %v", err)
	}
	if second == nil {
		t.Fatal("the first build wrote nothing: the second was never started")
	}
	if !errors.Is(secondErr, generator.ErrContent) || !slices.ContainsFunc(second.Diagnostics, func(d diag.Diagnostic) bool {
		return d.Code == diag.FileDestBusy && d.Pos.File == "public" // the site's folder's, as every position
	}) {
		var b strings.Builder
		second.Diagnostics.Print(&b, diag.Chinese, 0)
		t.Errorf("the second build, while the first wrote: %v, and no R19 at the destination\n%s", secondErr, b.String())
	}
	if got := snapshot(t, dest); !maps.Equal(got, snapshot(t, want)) {
		t.Errorf("public/ is not the first build's site: %d files, %d expected", len(got), len(snapshot(t, want)))
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.folio-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
	// The lock went with the first build: the next one builds.
	if _, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow}); err != nil {
		t.Errorf("a build after both: %v", err)
	}
}
