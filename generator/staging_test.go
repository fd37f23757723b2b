package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"folio.dev/folio/generator"
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
