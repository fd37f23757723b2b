package serve

import (
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watched returns the folders of a site whose files make the site;
// config.toml is watched in the site's own folder. A function, not a
// variable: nothing can change the list for every server of the process.
func watched() []string {
	return []string{"content", "themes", "layouts", "static", "i18n", "archetypes"}
}

// debounce is how long watch waits after a change for more: an editor's
// save is often several events, and a checkout is hundreds.
const debounce = 80 * time.Millisecond

// watch sends the site's changed files (paths relative to dir, with /) on
// out, a batch per burst of changes, until ctx is done. With poll > 0 it
// compares modification times every poll instead of asking the system.
func watch(ctx context.Context, dir string, poll time.Duration, out chan<- []string) {
	raw := make(chan string, 256)
	if poll > 0 {
		go pollFiles(ctx, dir, poll, raw)
	} else if err := notify(ctx, dir, raw); err != nil {
		go pollFiles(ctx, dir, time.Second, raw) // no inotify (rare): poll instead
	}
	pending := map[string]bool{}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case p := <-raw:
			pending[p] = true
			timer = time.After(debounce)
		case <-timer:
			// A path that is gone is kept: it may be a folder moved or
			// removed with its files, which the build must forget. An
			// editor's temporary file gone again changes nothing there.
			batch := slices.Sorted(maps.Keys(pending))
			if len(batch) == 0 {
				timer = nil
				continue
			}
			pending = map[string]bool{}
			timer = nil
			select {
			case out <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}

// relevant tells whether a changed path can change the site: files below
// the watched folders and config.toml, not editors' swap and backup files.
func relevant(rel string) bool {
	base := filepath.Base(rel)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") || strings.HasPrefix(base, "#") ||
		base == "4913" || strings.HasSuffix(base, "___jb_tmp___") || strings.HasSuffix(base, "___jb_old___") || sedTemp(base) {
		return false
	}
	if rel == "config.toml" {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	return slices.Contains(watched(), top)
}

// sedTemp tells sed -i's temporary file (sed and six letters or digits),
// which it renames over the file it edits: the save is the rename.
func sedTemp(base string) bool {
	if len(base) != 9 || !strings.HasPrefix(base, "sed") {
		return false
	}
	for _, r := range base[3:] {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// notify watches with fsnotify: every folder below the watched ones (new
// folders as they appear) and the site's folder for config.toml.
func notify(ctx context.Context, dir string, raw chan<- string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	if err := w.Add(dir); err != nil {
		w.Close()
		return err
	}
	addTree := func(root string) {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				w.Add(p)
			}
			return nil
		})
	}
	for _, top := range watched() {
		addTree(filepath.Join(dir, top))
	}
	go func() {
		defer w.Close()
		for {
			select {
			case <-ctx.Done():
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				rel, err := filepath.Rel(dir, ev.Name)
				if err != nil {
					continue
				}
				rel = filepath.ToSlash(rel)
				if !relevant(rel) {
					continue
				}
				if ev.Has(fsnotify.Create) {
					if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
						addTree(ev.Name) // a new folder: watch it and what is already in it
						filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
							if err == nil && !d.IsDir() {
								if r, err := filepath.Rel(dir, p); err == nil {
									raw <- filepath.ToSlash(r)
								}
							}
							return nil
						})
					}
				}
				raw <- rel
			case <-w.Errors:
				// An overflowed queue loses events; the next change rebuilds.
			}
		}
	}()
	return nil
}

// pollFiles compares the size and modification time of every watched file
// every interval, for file systems that send no events (Docker bind mounts,
// WSL, network shares).
func pollFiles(ctx context.Context, dir string, interval time.Duration, raw chan<- string) {
	seen := scan(dir)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			now := scan(dir)
			for p, st := range now {
				if old, ok := seen[p]; !ok || old != st {
					raw <- p
				}
			}
			for p := range seen {
				if _, ok := now[p]; !ok {
					raw <- p
				}
			}
			seen = now
		}
	}
}

type stamp struct {
	size int64
	mod  time.Time
}

func scan(dir string) map[string]stamp {
	out := map[string]stamp{}
	if fi, err := os.Stat(filepath.Join(dir, "config.toml")); err == nil {
		out["config.toml"] = stamp{fi.Size(), fi.ModTime()}
	}
	for _, top := range watched() {
		filepath.WalkDir(filepath.Join(dir, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(rel)
			if fi, err := d.Info(); err == nil && relevant(rel) {
				out[rel] = stamp{fi.Size(), fi.ModTime()}
			}
			return nil
		})
	}
	return out
}
