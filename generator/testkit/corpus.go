package testkit

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator"
)

// Stage is how far Corpus builds: the stages a benchmark's stage takes its
// inputs from.
type Stage int

const (
	Config   Stage = iota // config.toml loaded
	Read                  // content read
	Markdown              // and converted
	Model                 // the site model
	Theme                 // the theme loaded
	Search                // the search index made
	Render                // every output rendered, feeds and calendars made
	Assemble              // the site to publish: every file made, and the files to copy
)

// through is the stage of generator.BuildParts that makes what s needs:
// reading, converting and modelling are one stage of a build.
var through = [...]string{Config: "config", Read: "model", Markdown: "model", Model: "model", Theme: "theme", Render: "render", Search: "search", Assemble: "assemble"}

// Issue21 shapes the corpus like issue 21's: many terms, long lists, long
// feeds (docs/benchmarks.md, "Time (issue 21)").
var Issue21 = []string{"-tags", "20", "-categories", "8", "-paginate", "20", "-feed", "50"}

// Build is a build of a synthetic site (cmd/corpus) up to a stage, for
// the benchmarks of the next: what the build's stages made is the input of
// the stage benchmarked.
type Build struct {
	generator.Parts
	Dir     string // the site on disk
	FS      fs.FS  // os.DirFS(Dir)
	Workers int    // GOMAXPROCS, as a build has
}

// Corpus writes a site of n pages with cmd/corpus into a temporary folder
// (removed when tb ends) and builds it, with generator.BuildParts, up to
// what stage upTo needs. Any error, and any diagnostic that is an error,
// fails tb. Call it before b.Loop. shape is more flags of cmd/corpus
// (Issue21 for that issue's corpus).
func Corpus(tb testing.TB, n int, upTo Stage, shape ...string) *Build {
	tb.Helper()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(gomod)) == "" {
		tb.Fatalf("cannot find the module's root with go env GOMOD: %v", err)
	}
	dir := filepath.Join(tb.TempDir(), "site")
	args := append([]string{"run", "./cmd/corpus", "-n", fmt.Sprint(n), "-o", dir}, shape...)
	cmd := exec.Command("go", args...)
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go run ./cmd/corpus: %v\n%s", err, out)
	}
	c := &Build{Dir: dir, FS: os.DirFS(dir), Workers: runtime.GOMAXPROCS(0)}
	opts := generator.Options{Root: c.FS, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.FixedZone("CST", 8*3600)), Workers: c.Workers}
	parts, _, err := generator.BuildParts(context.Background(), opts, through[upTo])
	if err != nil {
		tb.Fatalf("building %s up to %s: %v", dir, through[upTo], err)
	}
	c.Parts = *parts
	return c
}

// PerPage reports the time of one op divided among pages, in
// microseconds, to set beside docs/bench.sh's milliseconds a page. Call it
// after b.Loop.
func PerPage(b *testing.B, pages int) {
	if pages > 0 && b.N > 0 {
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(pages), "us/page")
	}
}
