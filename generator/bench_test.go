package generator_test

import (
	"context"
	"os"
	"testing"

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
