package spill

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestPutGet puts parts from many goroutines and reads each back, with a
// temporary file, without one (its folder cannot be made), and with a nil
// File; the file is gone after Close.
func TestPutGet(t *testing.T) {
	for _, where := range []string{"file", "no folder", "nil"} {
		t.Run(where, func(t *testing.T) {
			dir := t.TempDir()
			t.Setenv("TMPDIR", dir)
			if where == "no folder" {
				t.Setenv("TMPDIR", filepath.Join(dir, "missing"))
			}
			f := &File{}
			if where == "nil" {
				f = nil
			}
			parts := make([]Part, 200)
			var wg sync.WaitGroup
			for i := range parts {
				wg.Go(func() {
					if i%2 == 0 {
						parts[i] = f.Put(bytes.Repeat([]byte(fmt.Sprint(i)), i))
					} else {
						parts[i] = f.PutString(fmt.Sprintf("第%d页", i))
					}
				})
			}
			wg.Wait()
			if where == "file" && (f.f == nil || parts[2].n == 0) {
				t.Fatal("the parts are not in a file")
			}
			if where == "no folder" && parts[2].mem == nil {
				t.Fatal("a part without a file is not in memory")
			}
			for i, p := range parts {
				want := string(bytes.Repeat([]byte(fmt.Sprint(i)), i))
				if i%2 == 1 {
					want = fmt.Sprintf("第%d页", i)
				}
				if got := f.String(p); got != want {
					t.Errorf("part %d is %q, want %q", i, got, want)
				}
				if got := f.Get(p, make([]byte, 3)); string(got) != want {
					t.Errorf("part %d read into a buffer is %q, want %q", i, got, want)
				}
			}
			f.Close()
			if left, _ := os.ReadDir(dir); len(left) != 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}
