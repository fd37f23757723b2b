package generator_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"folio.dev/folio/generator"
)

// Building a site again in the same process, as folio serve does after
// every save, does not make the heap grow: the previous build is let go.
// With -site DIR it uses that site (the 10,000-page corpus for the note);
// else it writes a 1,000-page one.
func TestMemoryStaysBounded(t *testing.T) {
	dir := *benchSite
	if dir == "" {
		dir = filepath.Join(t.TempDir(), "site")
		cmd := exec.Command("go", "run", "./cmd/corpus", "-n", "1000", "-o", dir, "-theme", "themes")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("corpus: %v\n%s", err, out)
		}
	}
	cache := generator.NewCache()
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	build := func() {
		res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), Now: fixedNow, Preview: &generator.Preview{Cache: cache}})
		if err != nil {
			t.Fatal(err)
		}
		runtime.KeepAlive(res)
	}
	build()
	first := heap()
	for i := 0; i < 3; i++ {
		os.Chtimes(filepath.Join(dir, "config.toml"), fixedNow, fixedNow)
		cache.Forget() // as a layout change does: the most work a rebuild does
		build()
	}
	last := heap()
	runtime.KeepAlive(cache) // what serve holds between builds
	t.Logf("heap after the first build %d KB, after the fourth %d KB", first>>10, last>>10)
	if float64(last) > 1.1*float64(first) {
		t.Errorf("the heap grew from %d to %d bytes over four builds", first, last)
	}
}
