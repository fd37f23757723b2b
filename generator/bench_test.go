package generator_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator"
)

// BenchmarkBuildRealSite builds the association's site in memory: every
// stage but writing. Run with go test -bench . -benchmem ./generator/.
func BenchmarkBuildRealSite(b *testing.B) {
	opts := generator.Options{Root: os.DirFS(".."), Now: fixedNow}
	for b.Loop() {
		if _, err := generator.Build(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
	}
}

var benchSite = flag.String("site", "", "a site folder for BenchmarkRebuildOneArticle (go run ./cmd/corpus -n 10000 -o DIR)")

// BenchmarkRebuildOneArticle measures what folio serve does after an editor
// saves one article's text: a build that reuses the previous one's cache.
// Run with -site DIR; the real site is used without it.
func BenchmarkRebuildOneArticle(b *testing.B) {
	benchmarkRebuild(b, func(original []byte, i int) []byte {
		return append(original, fmt.Sprintf("\n第%d次保存。\n", i)...)
	})
}

// BenchmarkRebuildTitle measures a save that changes one article's title:
// its lists and neighbours change, and every output is rendered again.
func BenchmarkRebuildTitle(b *testing.B) {
	benchmarkRebuild(b, func(original []byte, i int) []byte {
		return bytes.Replace(original, []byte("title = \""), fmt.Appendf(nil, "title = \"第%d次", i), 1)
	})
}

func benchmarkRebuild(b *testing.B, save func(original []byte, i int) []byte) {
	dir := *benchSite
	if dir == "" {
		dir = b.TempDir()
		if err := os.CopyFS(dir, os.DirFS("..")); err != nil {
			b.Fatal(err)
		}
	}
	var article string
	_ = filepath.WalkDir(filepath.Join(dir, "content", "news"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && article == "" && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			article = p
		}
		return nil
	})
	original, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(article, original, 0o644)
	cache := generator.NewCache()
	opts := generator.Options{Root: os.DirFS(dir), Now: fixedNow, Preview: &generator.Preview{Cache: cache}} // as folio serve builds
	if _, err := generator.Build(context.Background(), opts); err != nil {
		b.Fatal(err)
	}
	rel, _ := filepath.Rel(dir, article)
	opts.Preview.Changed = []string{filepath.ToSlash(rel)} // as folio serve's watcher reports it
	rendered := 0
	var cpu time.Duration // the process's CPU time in the builds: on a busy machine, steadier than the time they took
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		os.WriteFile(article, save(original, i), 0o644)
		before := cpuTime()
		b.StartTimer()
		res, err := generator.Build(context.Background(), opts)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuTime() - before
		b.StartTimer()
		rendered = res.Rendered
	}
	b.ReportMetric(float64(rendered), "outputs/op")
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkBuildSite builds -site DIR from nothing into a folder, as
// folio build does: go test -run XXX -bench BuildSite -site DIR
// -cpuprofile cpu.out ./generator/.
func BenchmarkBuildSite(b *testing.B) {
	if *benchSite == "" {
		b.Skip("needs -site DIR")
	}
	dest := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		os.RemoveAll(dest)
		if _, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(*benchSite), Destination: dest, Now: fixedNow}); err != nil {
			b.Fatal(err)
		}
	}
}
