// Package publish is the only package that writes to disk. It writes a
// whole site into a staging folder beside the destination and swaps it into
// place only when every file was written, so a failed build leaves the
// previous site exactly as it was.
package publish

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/work"
	"github.com/tdewolff/minify/v2"
)

// Site is a built site in memory.
type Site struct {
	// Files are rendered files by path below the site root; nil bytes for
	// a file already written to a Stage.
	Files map[string][]byte
	// Copies are files copied as they are: path below the site root ->
	// path in FS.
	Copies map[string]string
	FS     fs.FS
	// Stable marks the Copies whose source file is never changed in
	// place, only replaced by a file of another name (the photo cache's,
	// named by the hash of their content and written by rename). Such a
	// file is copied with its source's modification time, and kept from
	// the previous site when its size and time are the source's, without
	// reading either: an unchanged site of 200 phone photos would
	// otherwise read 690 MB twice to find nothing changed. Other copies
	// are compared byte for byte.
	Stable map[string]bool
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
		return diag.Msg(diag.DestRoot, dest)
	}
	for _, p := range append([]string{proj}, protect...) {
		p, _ = filepath.Abs(p)
		if abs == p || within(p, abs) {
			return diag.Msg(diag.DestReplaces, dest, p)
		}
	}
	for _, src := range []string{"content", "themes", "layouts", "static", "i18n"} {
		if within(abs, filepath.Join(proj, src)) || abs == filepath.Join(proj, src) {
			return diag.Msg(diag.DestInSource, dest, src)
		}
	}
	if fi, err := os.Lstat(abs); err == nil {
		switch {
		case fi.Mode()&os.ModeSymlink != 0:
			return diag.Msg(diag.DestSymlink, dest)
		case !fi.IsDir():
			return diag.Msg(diag.DestFile, dest)
		}
	}
	entries, err := os.ReadDir(abs)
	if err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(abs, "index.html")); err != nil {
			return diag.Msg(diag.DestNotSite, dest)
		}
	}
	// The staging folder and the lock go beside the destination, in its
	// parent, made if need be: that parent, or the nearest of its folders
	// that exists, must be a folder folio can make files in. Found out now,
	// not as the lock's "mkdir /etc/passwd: not a directory" halfway.
	if why := Writable(filepath.Dir(abs)); why != nil {
		return diag.Msg(diag.UsageDestUnwritable, dest, why)
	}
	return nil
}

// Writable says why folio cannot make files in the folder dir, which need
// not exist yet (it would be made): the nearest of its folders that exists
// is a file (WhyNotFolder), or a file cannot be made in it (a read-only or
// full disk, no permission, a system folder such as /proc); nil when a file
// can be made there. It finds out by making an empty file and removing it.
func Writable(dir string) error {
	for {
		fi, err := os.Stat(dir)
		if err == nil {
			if !fi.IsDir() {
				return diag.Msg(diag.WhyNotFolder, dir)
			}
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			return nil // nothing of the path exists: MkdirAll says why
		}
		dir = up
	}
	f, err := os.CreateTemp(dir, ".folio-probe-*")
	if err != nil {
		if why := WhyNotWritten(err); why != err {
			return why
		}
		return diag.Msg(diag.FileWhyCannotWrite, dir)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// WhyNotWritten is an error of writing a site (or any file) in words, for
// the failures an editor can fix, naming the folder: no permission (a
// folder it cannot make files in), a full or read-only disk, a path through
// a file. Any other error is returned as it is.
func WhyNotWritten(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	var path string
	switch {
	case errors.As(err, &pe):
		path = pe.Path
	case errors.As(err, &le):
		path = le.New
	default:
		return err
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		dir = path
	}
	switch {
	case isAny(err, diskFull):
		return diag.Msg(diag.FileWhyDiskFull, dir)
	case isAny(err, readOnly):
		return diag.Msg(diag.FileWhyReadOnly, dir)
	case errors.Is(err, fs.ErrPermission):
		return diag.Msg(diag.FileWhyCannotWrite, dir)
	case errors.Is(err, syscall.ENOTDIR):
		// The file in the way is the nearest part of the path that exists.
		for p := path; filepath.Dir(p) != p; p = filepath.Dir(p) {
			if fi, statErr := os.Stat(p); statErr == nil {
				if !fi.IsDir() {
					return diag.Msg(diag.WhyNotFolder, p)
				}
				break
			}
		}
	}
	return err
}

// isAny tells whether err is one of targets.
func isAny(err error, targets []error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
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
// with the previous folder. The caller holds dest's lock, as for NewStage.
func Write(s *Site, dest string, workers int) (Stats, error) {
	st, err := NewStage(dest, false)
	if err != nil {
		return Stats{}, err
	}
	defer st.Abort()
	return st.Commit(s, workers)
}

// A Stage is a site being written: files go into a staging folder beside
// the destination as soon as they are made (Put), so a build need not hold
// every page in memory, and Commit swaps the folder into place. Until then
// the previous site stays as it was; Abort removes the staging folder.
type Stage struct {
	dest, dir, old string
	prev           string // the previous site, "" if none
	minify         *minify.M
	// exchange swaps two folders in one step (renameat2 RENAME_EXCHANGE
	// on Linux); it returns errors.ErrUnsupported where the OS or the file
	// system has no such call, and Commit then renames twice. rename is
	// os.Rename. Both are fields so that a test can stop Commit between
	// its steps, as a crash would.
	exchange func(a, b string) error
	rename   func(from, to string) error

	mu      sync.Mutex
	err     error           // the first error of Put
	done    map[string]bool // paths Put
	dirs    map[string]bool // folders made
	stats   Stats
	minSize [2]int64 // bytes before and after minifying
	closed  bool

	compared sync.Pool // buffers for the previous site's files (sameBytes)
}

// NewStage starts writing a site that will replace dest, minified or not.
// The caller holds dest's lock (LockDestination) until Commit or Abort:
// NewStage removes a staging folder it finds as a leftover.
func NewStage(dest string, minified bool) (*Stage, error) {
	dest, err := filepath.Abs(dest) // beside the folder however it is named: ".." has no name of its own
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Split(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	st := &Stage{
		dest:     dest,
		dir:      filepath.Join(parent, "."+base+".folio-staging"),
		old:      filepath.Join(parent, "."+base+".folio-old"),
		done:     map[string]bool{},
		dirs:     map[string]bool{},
		exchange: exchange,
		rename:   os.Rename,
	}
	if minified {
		st.minify = minifier()
	}
	if err := st.restore(); err != nil {
		return nil, err
	}
	for _, leftover := range []string{st.dir, st.old} {
		if err := os.RemoveAll(leftover); err != nil {
			return nil, err
		}
	}
	if fi, err := os.Stat(dest); err == nil && fi.IsDir() {
		st.prev = dest
	}
	if err := os.Mkdir(st.dir, 0o755); err != nil {
		return nil, err
	}
	return st, nil
}

// Put writes one file of the site. It may be called from many goroutines;
// data is not kept. An error is kept for Commit to return. A path is
// written once: a second Put of it (two outputs on one path, which the
// build reports) fails the stage rather than write through a file linked
// from the previous site.
func (st *Stage) Put(p string, data []byte) {
	st.mu.Lock()
	if st.done[p] {
		if st.err == nil {
			st.err = fmt.Errorf("two files were written to %s", p)
		}
		st.mu.Unlock()
		return
	}
	st.done[p] = true
	st.mu.Unlock()
	written, err := st.write(p, data)
	st.mu.Lock()
	defer st.mu.Unlock()
	if err != nil && st.err == nil {
		st.err = err
	}
	st.stats.Files++
	st.stats.Bytes += written.size
	if written.changed {
		st.stats.Written++
	}
}

// Minified returns the bytes of the minified files before and after.
func (st *Stage) Minified() (before, after int64) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.minSize[0], st.minSize[1]
}

// Commit writes the files of s not Put yet and swaps the staging folder
// into place. It returns the first error of any write, and then leaves the
// previous site as it was.
func (st *Stage) Commit(s *Site, workers int) (Stats, error) {
	var rest []string
	for _, p := range s.Paths() {
		if !st.done[p] {
			rest = append(rest, p)
		}
	}
	errs := make([]error, len(rest))
	work.Named(context.Background(), len(rest), workers, func(i int) string { return rest[i] }, func(i int) {
		if s.Stable[rest[i]] && s.Copies[rest[i]] != "" {
			errs[i] = st.putStable(rest[i], s.FS, s.Copies[rest[i]])
			return
		}
		data, err := s.Read(rest[i])
		if err != nil {
			errs[i] = err
			return
		}
		st.Put(rest[i], data)
	})
	// Said in words here, while what failed is still there to name (the
	// caller's Abort then removes the staging folder).
	if err := cmp.Or(errors.Join(errs...), st.err); err != nil {
		return Stats{}, WhyNotWritten(err)
	}
	if err := st.swap(); err != nil {
		return Stats{}, WhyNotWritten(err)
	}
	st.closed = true
	return st.stats, nil
}

// swap puts the staging folder in the destination's place. With a
// previous site it exchanges the two folders in one step where the OS can,
// so that there is no moment without a site; the staging folder then holds
// the previous site, which is removed. Elsewhere it renames the previous
// site away and the new one in: a crash between the two leaves no
// destination, and the next NewStage puts the previous site back.
func (st *Stage) swap() error {
	if st.prev == "" {
		return st.rename(st.dir, st.dest)
	}
	err := errors.ErrUnsupported
	if st.exchange != nil {
		err = st.exchange(st.dir, st.dest)
	}
	if err == nil {
		// A previous site that cannot be removed now is removed by the
		// next build (it is a leftover staging folder then), so it is no
		// reason to fail this one.
		os.RemoveAll(st.dir)
		return nil
	}
	if !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	if err := st.rename(st.dest, st.old); err != nil {
		return err
	}
	if err := st.rename(st.dir, st.dest); err != nil {
		st.rename(st.old, st.dest) // put the previous site back
		return err
	}
	os.RemoveAll(st.old)
	return nil
}

// restore puts the previous site back if a crash stopped a swap between
// its two renames: the destination is gone, and the previous site is
// still beside it. The staging folder of that build is not used even
// though it was complete: only the previous site is known to be whole.
// restore never removes anything, so the only copy of a site survives.
func (st *Stage) restore() error {
	if _, err := os.Lstat(st.dest); !errors.Is(err, fs.ErrNotExist) {
		return nil // there is a destination (or it cannot be looked at: leave it to the checks)
	}
	if fi, err := os.Lstat(st.old); err != nil || !fi.IsDir() {
		return nil
	}
	if err := st.rename(st.old, st.dest); err != nil {
		return fmt.Errorf("the previous site is in %s, but putting it back to %s failed: %w; rename it by hand, then build again", st.old, st.dest, err)
	}
	return nil
}

// Abort removes the staging folder unless Commit swapped it in.
func (st *Stage) Abort() {
	if st != nil && !st.closed {
		os.RemoveAll(st.dir)
	}
}

type written struct {
	size    int64
	changed bool
}

// write puts one file in the staging folder: linked from the previous site
// if its bytes are the same there, written otherwise.
func (st *Stage) write(p string, data []byte) (written, error) {
	if !filepath.IsLocal(filepath.FromSlash(p)) || strings.Contains(p, "\\") {
		return written{}, fmt.Errorf("refusing to write %q: it is outside the destination", p)
	}
	if st.minify != nil {
		if mt := mediaType(p); mt != "" {
			small, err := minifyOne(st.minify, mt, p, data)
			if err != nil {
				return written{}, err
			}
			st.mu.Lock()
			st.minSize[0] += int64(len(data))
			st.minSize[1] += int64(len(small))
			st.mu.Unlock()
			data = small
		}
	}
	target := filepath.Join(st.dir, filepath.FromSlash(p))
	if err := st.mkdir(filepath.Dir(target)); err != nil {
		return written{}, err
	}
	w := written{size: int64(len(data))}
	if st.prev != "" {
		old := filepath.Join(st.prev, filepath.FromSlash(p))
		if fi, err := os.Lstat(old); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(data)) {
			if st.sameBytes(old, data) && os.Link(old, target) == nil {
				return w, nil
			}
		}
	}
	w.changed = true
	return w, os.WriteFile(target, data, 0o644)
}

// sameBytes tells whether the file at path holds exactly data. It reads
// the file once into a buffer of the stage's pool, one byte longer than
// data, so that a file that grew since its size was taken reads longer: a
// rebuild reads as many bytes as it writes, and a new buffer for each file
// was as much garbage.
func (st *Stage) sameBytes(path string, data []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	bp, _ := st.compared.Get().(*[]byte)
	if bp == nil || cap(*bp) < len(data)+1 {
		bp = new([]byte)
		*bp = make([]byte, len(data)+1)
	}
	buf := (*bp)[:len(data)+1]
	n, err := io.ReadFull(f, buf)
	same := (err == nil || err == io.EOF || err == io.ErrUnexpectedEOF) && n == len(data) && bytes.Equal(buf[:n], data)
	if cap(*bp) <= 1<<20 { // a search index's buffer is let go
		st.compared.Put(bp)
	}
	return same
}

// putStable publishes a Stable copy: the previous site's file when its
// size and modification time are those of src in fsys, else src's bytes,
// streamed, with src's modification time (so that the next build finds
// them equal). A source whose time is unknown (zero, as in memory) is
// always copied.
func (st *Stage) putStable(p string, fsys fs.FS, src string) error {
	st.mu.Lock()
	if st.done[p] {
		st.mu.Unlock()
		return fmt.Errorf("two files were written to %s", p)
	}
	st.done[p] = true
	st.mu.Unlock()
	w, err := st.copyStable(p, fsys, src)
	st.mu.Lock()
	defer st.mu.Unlock()
	st.stats.Files++
	st.stats.Bytes += w.size
	if w.changed {
		st.stats.Written++
	}
	return err
}

func (st *Stage) copyStable(p string, fsys fs.FS, src string) (written, error) {
	if !filepath.IsLocal(filepath.FromSlash(p)) || strings.Contains(p, "\\") {
		return written{}, fmt.Errorf("refusing to write %q: it is outside the destination", p)
	}
	info, err := fs.Stat(fsys, src)
	if err != nil {
		return written{}, err
	}
	target := filepath.Join(st.dir, filepath.FromSlash(p))
	if err := st.mkdir(filepath.Dir(target)); err != nil {
		return written{}, err
	}
	w := written{size: info.Size()}
	mtime := info.ModTime()
	if st.prev != "" && !mtime.IsZero() {
		old := filepath.Join(st.prev, filepath.FromSlash(p))
		if fi, err := os.Lstat(old); err == nil && fi.Mode().IsRegular() && fi.Size() == info.Size() && fi.ModTime().Equal(mtime) && os.Link(old, target) == nil {
			return w, nil
		}
	}
	w.changed = true
	in, err := fsys.Open(src)
	if err != nil {
		return w, err
	}
	defer in.Close()
	out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return w, err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return w, err
	}
	if err := out.Close(); err != nil {
		return w, err
	}
	if mtime.IsZero() {
		return w, nil
	}
	return w, os.Chtimes(target, mtime, mtime)
}

// mkdir makes a folder of the staging folder once: most files of a site
// are the only file of their folder, and asking again costs a system call.
func (st *Stage) mkdir(dir string) error {
	st.mu.Lock()
	made := st.dirs[dir]
	st.mu.Unlock()
	if made {
		return nil
	}
	// Most folders' parents are made already: one system call, where
	// MkdirAll makes three (a site of 10,000 pages has as many folders).
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	st.mu.Lock()
	st.dirs[dir] = true
	st.mu.Unlock()
	return nil
}
