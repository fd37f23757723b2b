package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestWatch checks both ways of watching (fsnotify and polling) see every
// kind of change an editor or a checkout makes, and that a burst of saves
// gives one batch.
func TestWatch(t *testing.T) {
	t.Parallel()
	for _, mode := range []struct {
		name string
		poll time.Duration
	}{{"notify", 0}, {"poll", 20 * time.Millisecond}} {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			write := func(rel, text string) {
				p := filepath.Join(dir, rel)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			write("config.toml", "title = \"x\"\n")
			write("content/a.md", "a")
			write("content/b.md", "b")
			write("themes/default/layouts/single.html", "x")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			out := make(chan []string, 16)
			go watch(ctx, dir, mode.poll, out)
			time.Sleep(100 * time.Millisecond) // let the watcher start
			next := func(what string, want ...string) {
				t.Helper()
				select {
				case got := <-out:
					for _, w := range want {
						if !slices.Contains(got, w) {
							t.Errorf("%s: batch %q lacks %s", what, got, w)
						}
					}
				case <-time.After(3 * time.Second):
					t.Fatalf("%s: no batch within 3s", what)
				}
			}
			write("content/a.md", "a changed")
			next("a write", "content/a.md")
			write("content/new.md", "new")
			next("a new file", "content/new.md")
			os.Remove(filepath.Join(dir, "content/b.md"))
			next("a removal", "content/b.md")
			os.Rename(filepath.Join(dir, "content/new.md"), filepath.Join(dir, "content/renamed.md"))
			next("a rename", "content/renamed.md")
			write("content/news/2024/deep.md", "in a new folder")
			next("a file in a new folder", "content/news/2024/deep.md")
			write("content/news/2024/deep.md", "and written again")
			next("a file of a folder made after the start", "content/news/2024/deep.md")
			os.Rename(filepath.Join(dir, "content/news/2024"), filepath.Join(dir, "content/news/2023"))
			select { // the old folder, or its file (polling sees files only)
			case got := <-out:
				if !slices.Contains(got, "content/news/2024") && !slices.Contains(got, "content/news/2024/deep.md") {
					t.Errorf("a moved folder: batch %q has neither the old folder nor its file", got)
				}
			case <-time.After(3 * time.Second):
				t.Fatalf("a moved folder: no batch within 3s")
			}
			// An editor's atomic save: write a temporary file, rename it over.
			write("content/.a.md.tmp", "saved atomically")
			os.Rename(filepath.Join(dir, "content/.a.md.tmp"), filepath.Join(dir, "content/a.md"))
			next("an atomic save", "content/a.md")
			write("themes/default/layouts/single.html", "y")
			next("a layout", "themes/default/layouts/single.html")
			write("config.toml", "title = \"y\"\n")
			next("config.toml", "config.toml")
			for i := 0; i < 100; i++ {
				write("content/a.md", string(rune('a'+i%26)))
			}
			next("a burst of 100 saves", "content/a.md")
			// On a busy machine the burst may take longer than the
			// debounce and come in more batches: that is not wrong (and
			// how long it takes is not for a test to assert), but every
			// batch must be about the file that was saved.
			done := time.After(300 * time.Millisecond)
		drain:
			for {
				select {
				case extra := <-out:
					if len(extra) != 1 || extra[0] != "content/a.md" {
						t.Errorf("after a burst of saves of content/a.md, a batch of %q", extra)
					}
				case <-done:
					break drain
				}
			}
		})
	}
}

func TestRelevant(t *testing.T) {
	t.Parallel()
	for rel, want := range map[string]bool{
		"content/a.md": true, "config.toml": true, "themes/default/static/css/style.css": true, "layouts/x.html": true,
		"content/.a.md.swp": false, "content/a.md~": false, "public/index.html": false, "README.md": false, "content/#a.md#": false,
		"content/news/a/sedTOi1fH": false, "content/news/a/4913": false, "content/a.md___jb_tmp___": false, "content/news/a/sedan.jpg": true,
	} {
		if got := relevant(rel); got != want {
			t.Errorf("relevant(%q) = %v, want %v", rel, got, want)
		}
	}
}
