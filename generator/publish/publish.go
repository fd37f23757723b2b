// Package publish is the only package that writes to disk. It writes a
// whole site into a staging folder beside the destination and swaps it into
// place only when every file was written, so a failed build leaves the
// previous site exactly as it was.
package publish

import (
	"context"
	"fmt"
	"io"
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

// Write writes the site to dest through a staging folder and swaps it in.
// It returns the number of files written.
func Write(s *Site, dest string, workers int) (int, error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	staging := filepath.Join(parent, "."+base+".folio-staging")
	old := filepath.Join(parent, "."+base+".folio-old")
	for _, leftover := range []string{staging, old} {
		if err := os.RemoveAll(leftover); err != nil {
			return 0, err
		}
	}
	paths := s.Paths()
	if err := writeAll(s, staging, paths, workers); err != nil {
		os.RemoveAll(staging)
		return 0, err
	}
	if _, err := os.Stat(dest); err == nil {
		if err := os.Rename(dest, old); err != nil {
			os.RemoveAll(staging)
			return 0, err
		}
	}
	if err := os.Rename(staging, dest); err != nil {
		os.Rename(old, dest) // put the previous site back
		os.RemoveAll(staging)
		return 0, err
	}
	// The new site is in place; a previous one that cannot be removed now
	// is removed by the next build, so it is no reason to fail this one.
	os.RemoveAll(old)
	return len(paths), nil
}

// writeAll writes every path below dir with a pool of workers and returns
// the first error, in path order.
func writeAll(s *Site, dir string, paths []string, workers int) error {
	errs := make([]error, len(paths))
	work.Each(context.Background(), len(paths), workers, func(i int) {
		errs[i] = writeOne(s, dir, paths[i])
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func writeOne(s *Site, dir, p string) error {
	if !filepath.IsLocal(filepath.FromSlash(p)) || strings.Contains(p, "\\") {
		return fmt.Errorf("refusing to write %q: it is outside the destination", p)
	}
	target := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		return err
	}
	if b, ok := s.Files[p]; ok {
		return os.WriteFile(target, b, 0o644)
	}
	in, err := s.FS.Open(s.Copies[p])
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(target)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
