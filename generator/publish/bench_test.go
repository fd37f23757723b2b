package publish_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/testkit"
)

// BenchmarkStage writes the whole built site of the 1,000-page synthetic
// corpus (pages, feeds, search index, copied files) into a new folder each
// time, on GOMAXPROCS workers. The folder is below $TMPDIR: its file system
// counts (TMPDIR=/dev/shm for memory).
// go test -run XXX -bench Stage -benchmem ./generator/publish/
func BenchmarkStage(b *testing.B) {
	c := testkit.Corpus(b, 1000, testkit.Assemble)
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		dest := filepath.Join(dir, fmt.Sprint(i))
		stats, err := publish.Write(c.Site, dest, c.Workers)
		if err != nil {
			b.Fatal(err)
		}
		if stats.Files == 0 {
			b.Fatal("no file written")
		}
		b.StopTimer()
		if err := os.RemoveAll(dest); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	testkit.PerPage(b, len(c.Content.Pages))
}
