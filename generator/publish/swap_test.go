package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// crash stands for the process dying: Commit's step panics with it, and
// nothing of Commit runs after it (a test does not call Abort either).
type crash struct{}

// commitCrashing commits site to dest and crashes at the crashAt-th
// rename of Commit (0: never); exchange false is an OS without an atomic
// exchange.
func commitCrashing(t *testing.T, dest string, site *Site, exchange bool, crashAt int) (crashed bool) {
	t.Helper()
	st, err := NewStage(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	if !exchange {
		st.exchange = nil
	}
	renames := 0
	st.rename = func(from, to string) error {
		renames++
		if renames == crashAt {
			panic(crash{})
		}
		return os.Rename(from, to)
	}
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(crash); !ok {
				panic(r)
			}
			crashed = true
		}
	}()
	if _, err := st.Commit(site, 1); err != nil {
		t.Fatal(err)
	}
	return false
}

func index(t *testing.T, dest string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatalf("no site: %v", err)
	}
	return string(b)
}

// A crash between the two renames of a swap (where the OS has no atomic
// exchange) leaves no destination; the next build puts the previous site
// back before anything else, and never deletes it.
func TestCrashBetweenRenames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	v := func(s string) *Site { return &Site{Files: map[string][]byte{"index.html": []byte(s)}} }
	if commitCrashing(t, dest, v("v1"), false, 0) {
		t.Fatal("crashed without a crash")
	}
	if !commitCrashing(t, dest, v("v2"), false, 2) {
		t.Fatal("the second commit did not reach its second rename")
	}
	if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("after the crash the destination is there (%v): the test crashed at the wrong step", err)
	}
	// The next start: the previous site is back even if this build fails.
	st, err := NewStage(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := index(t, dest); got != "v1" {
		t.Errorf("after recovery index.html = %q, want the previous site's v1", got)
	}
	st.Abort()
	if got := index(t, dest); got != "v1" {
		t.Errorf("after a failed build index.html = %q, want v1", got)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.folio-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
	if commitCrashing(t, dest, v("v3"), false, 0) || index(t, dest) != "v3" {
		t.Errorf("the build after the recovery did not publish v3")
	}
}

// With an atomic exchange there is no moment without a site: Commit
// renames nothing, and a crash before it leaves the previous site in place.
func TestSwapExchanges(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	v1 := &Site{Files: map[string][]byte{"index.html": []byte("v1"), "a.html": []byte("a")}}
	if commitCrashing(t, dest, v1, true, 0) {
		t.Fatal("crashed without a crash")
	}
	st, err := NewStage(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	if st.exchange == nil || st.exchange(st.dir, st.dest) != nil {
		st.Abort()
		t.Skip("no atomic exchange on this OS or file system")
	}
	st.exchange(st.dir, st.dest) // back as they were
	st.Abort()
	// Any rename is a crash.
	if commitCrashing(t, dest, &Site{Files: map[string][]byte{"index.html": []byte("v2")}}, true, 1) {
		t.Fatal("a commit with an atomic exchange renamed the previous site away")
	}
	if got := index(t, dest); got != "v2" {
		t.Errorf("index.html = %q, want v2", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "a.html")); err == nil {
		t.Errorf("a file of the previous site is still there")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.folio-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
