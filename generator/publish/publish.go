// Package publish is the only package that writes to disk. It writes a
// whole site into a staging folder beside the destination and swaps it into
// place only when every file was written, so a failed build leaves the
// previous site exactly as it was.
package publish

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"folio.dev/folio/generator/work"
)

// Site is a built site in memory.
type Site struct {
	// Files are rendered files by path below the site root.
	Files map[string][]byte
	// Copies are files copied as they are: path below the site root ->
	// path in FS.
	Copies map[string]string
	FS     fs.FS
}

// Read returns the file at path p of the site: rendered, or read from FS.
func (s *Site) Read(p string) ([]byte, error) {
	if b, ok := s.Files[p]; ok {
		return b, nil
	}
	src, ok := s.Copies[p]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return fs.ReadFile(s.FS, src)
}

// Has tells whether the site has a file at path p.
func (s *Site) Has(p string) bool {
	_, rendered := s.Files[p]
	_, copied := s.Copies[p]
	return rendered || copied
}

// Paths returns every path of the site, sorted.
func (s *Site) Paths() []string {
	var out []string
	for p := range s.Files {
		out = append(out, p)
	}
	for p := range s.Copies {
		if _, ok := s.Files[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// CheckDestination refuses destinations that publishing would wreck: the
// file system root, a protected folder (the project, its content or themes,
// a home folder), anything that contains a protected folder or sits inside
// one of its sources, and an existing folder that is not a built site.
// project is the site's own folder; protect adds others (a home folder).
func CheckDestination(dest, project string, protect []string) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	proj, err := filepath.Abs(project)
	if err != nil {
		return err
	}
	if abs == filepath.Dir(abs) {
		return fmt.Errorf("destination %s is the root of the file system; choose a folder such as public", dest)
	}
	for _, p := range append([]string{proj}, protect...) {
		p, _ = filepath.Abs(p)
		if abs == p || within(p, abs) {
			return fmt.Errorf("destination %s would replace %s; choose a folder inside the project such as public", dest, p)
		}
	}
	for _, src := range []string{"content", "themes", "layouts", "static", "i18n"} {
		if within(abs, filepath.Join(proj, src)) || abs == filepath.Join(proj, src) {
			return fmt.Errorf("destination %s is inside the site's %s folder; choose a folder such as public", dest, src)
		}
	}
	if fi, err := os.Lstat(abs); err == nil {
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			return fmt.Errorf("destination %s is a symbolic link; folio replaces the folder it writes, so give it the real folder", dest)
		case !fi.IsDir():
			return fmt.Errorf("destination %s is a file, not a folder; choose a folder such as public", dest)
		}
	}
	entries, err := os.ReadDir(abs)
	if err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(abs, "index.html")); err != nil {
			return fmt.Errorf("destination %s already holds files and has no index.html, so it does not look like a site folio built; empty it or choose another folder", dest)
		}
	}
	return nil
}

// within reports whether path is strictly inside dir.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && filepath.IsLocal(rel)
}

// Stats says what Write did.
type Stats struct {
	Files   int   // files of the site
	Written int   // files whose bytes changed (or are new), written anew
	Bytes   int64 // bytes of the site
}

// Write writes the site to dest through a staging folder and swaps it in.
// A file whose bytes did not change is linked from the previous site, not
// written, so it keeps its modification time: rsync and object-storage
// uploads then send only what changed. Files no longer in the site are gone
// with the previous folder.
func Write(s *Site, dest string, workers int) (Stats, error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Stats{}, err
	}
	staging := filepath.Join(parent, "."+base+".folio-staging")
	old := filepath.Join(parent, "."+base+".folio-old")
	for _, leftover := range []string{staging, old} {
		if err := os.RemoveAll(leftover); err != nil {
			return Stats{}, err
		}
	}
	prev := ""
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		prev = dest
	}
	paths := s.Paths()
	stats, err := writeAll(s, staging, prev, paths, workers)
	if err != nil {
		os.RemoveAll(staging)
		return Stats{}, err
	}
	if prev != "" {
		if err := os.Rename(dest, old); err != nil {
			os.RemoveAll(staging)
			return Stats{}, err
		}
	}
	if err := os.Rename(staging, dest); err != nil {
		os.Rename(old, dest) // put the previous site back
		os.RemoveAll(staging)
		return Stats{}, err
	}
	// The new site is in place; a previous one that cannot be removed now
	// is removed by the next build, so it is no reason to fail this one.
	os.RemoveAll(old)
	return stats, nil
}

// writeAll writes every path below dir with a pool of workers and returns
// what it did, or the first error in path order.
func writeAll(s *Site, dir, prev string, paths []string, workers int) (Stats, error) {
	errs := make([]error, len(paths))
	written := make([]bool, len(paths))
	sizes := make([]int64, len(paths))
	work.Each(context.Background(), len(paths), workers, func(i int) {
		written[i], sizes[i], errs[i] = writeOne(s, dir, prev, paths[i])
	})
	stats := Stats{Files: len(paths)}
	for i, err := range errs {
		if err != nil {
			return Stats{}, err
		}
		if written[i] {
			stats.Written++
		}
		stats.Bytes += sizes[i]
	}
	return stats, nil
}

// writeOne puts one file in dir: linked from prev if its bytes are the
// same there, written otherwise. It reports whether it wrote.
func writeOne(s *Site, dir, prev, p string) (bool, int64, error) {
	if !filepath.IsLocal(filepath.FromSlash(p)) || strings.Contains(p, "\\") {
		return false, 0, fmt.Errorf("refusing to write %q: it is outside the destination", p)
	}
	target := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return false, 0, err
	}
	data, err := s.Read(p)
	if err != nil {
		return false, 0, err
	}
	if prev != "" {
		old := filepath.Join(prev, filepath.FromSlash(p))
		if fi, err := os.Lstat(old); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(data)) {
			if b, err := os.ReadFile(old); err == nil && bytes.Equal(b, data) && os.Link(old, target) == nil {
				return false, int64(len(data)), nil
			}
		}
	}
	return true, int64(len(data)), os.WriteFile(target, data, 0o644)
}
