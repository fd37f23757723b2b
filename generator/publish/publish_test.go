package publish

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/diag"
	"time"
)

func TestCheckDestination(t *testing.T) {
	t.Parallel()
	project := t.TempDir()
	home := filepath.Dir(project)
	for _, d := range []string{"content", "themes/default", "public", "old"} {
		if err := os.MkdirAll(filepath.Join(project, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(project, "public", "index.html"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(project, "old", "notes.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(project, "config.toml"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(project, "public"), filepath.Join(project, "link"))
	tests := []struct {
		dest string
		want string // "" means allowed
	}{
		{filepath.Join(project, "public"), ""},
		{filepath.Join(project, "new-folder"), ""},
		{filepath.Join(project, "public", "sub"), ""},
		{"/", "root of the file system"},
		{project, "would replace"},
		{home, "would replace"},
		{filepath.Join(project, "content"), "inside the site's content folder"},
		{filepath.Join(project, "content", "x"), "inside the site's content folder"},
		{filepath.Join(project, "themes"), "inside the site's themes folder"},
		{filepath.Join(project, "themes", "default"), "inside the site's themes folder"},
		{filepath.Join(project, "old"), "does not look like a site folio built"},
		{filepath.Join(project, "config.toml"), "is a file, not a folder"},
		{filepath.Join(project, "link"), "is a symbolic link"},
		// Where the staging folder cannot go (issue 21: these failed
		// halfway with the system's "mkdir config.toml: not a directory").
		{filepath.Join(project, "config.toml", "public"), "destination " + filepath.Join(project, "config.toml", "public") + " cannot be written: " + filepath.Join(project, "config.toml") + " is a file, not a folder"},
		{filepath.Join(project, "config.toml", "a", "b"), "cannot be written: " + filepath.Join(project, "config.toml") + " is a file, not a folder"},
	}
	if runtime.GOOS == "linux" {
		// /proc is a folder, but no file can be made in it, not even by root.
		tests = append(tests, struct{ dest, want string }{"/proc/site", "destination /proc/site cannot be written: folio cannot make files in the folder /proc;"})
	}
	for _, tt := range tests {
		err := CheckDestination(tt.dest, project, []string{home})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.dest, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: got %v, want an error saying %q", tt.dest, err, tt.want)
		}
	}
}

// The failures of writing an editor can fix are said in words, naming the
// folder; others are left as they are (the last resort).
func TestWhyNotWritten(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	inDir := filepath.Join(dir, "index.html")
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: inDir, Err: syscall.ENOSPC}, diag.Msg(diag.FileWhyDiskFull, dir).Text(diag.Chinese)},
		{&fs.PathError{Op: "write", Path: inDir, Err: syscall.EDQUOT}, dir + " 所在的磁盘已经满了：请删掉一些不用的文件，腾出空间后再运行一次"},
		{&fs.PathError{Op: "mkdir", Path: dir, Err: syscall.EROFS}, dir + " 所在的磁盘是只读的，不能写入：请换一个文件夹，例如网站文件夹里的 public"},
		{&fs.PathError{Op: "open", Path: inDir, Err: syscall.EACCES}, "folio 不能在文件夹 " + dir + " 里新建文件：请换一个你能写入的文件夹，或者请电脑的管理员允许你写入这个文件夹"},
		{&os.LinkError{Op: "rename", Old: inDir, New: filepath.Join(dir, "b"), Err: syscall.EPERM}, "folio 不能在文件夹 " + dir + " 里新建文件："},
		{&fs.PathError{Op: "mkdir", Path: file, Err: syscall.ENOTDIR}, file + " 是一个文件，不是文件夹，里面不能再放文件：请换一个位置"},
		{&fs.PathError{Op: "open", Path: filepath.Join(file, "a", "b"), Err: syscall.ENOTDIR}, file + " 是一个文件，不是文件夹"},
		{&fs.PathError{Op: "open", Path: inDir, Err: syscall.EIO}, "open " + inDir + ": input/output error"},
	} {
		if got := diag.Show(WhyNotWritten(tt.err), diag.Chinese); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%v: got %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestWriteSwapsWholeSite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	src := fstest.MapFS{"content/a/photo.svg": {Data: []byte("<svg/>")}}
	first := &Site{Files: map[string][]byte{"index.html": []byte("v1"), "old/index.html": []byte("old")}, FS: src}
	if n, err := Write(first, dest, 2); err != nil || n.Files != 2 || n.Written != 2 {
		t.Fatalf("first write: %d files, %v", n, err)
	}
	second := &Site{
		Files:  map[string][]byte{"index.html": []byte("v2"), "a/index.html": []byte("a")},
		Copies: map[string]string{"a/photo.svg": "content/a/photo.svg"},
		FS:     src,
	}
	if n, err := Write(second, dest, 2); err != nil || n.Files != 3 || n.Written != 3 {
		t.Fatalf("second write: %d files, %v", n, err)
	}
	for p, want := range map[string]string{"index.html": "v2", "a/index.html": "a", "a/photo.svg": "<svg/>"} {
		if b, err := os.ReadFile(filepath.Join(dest, p)); err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", p, b, err, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "old", "index.html")); err == nil {
		t.Errorf("a file that is no longer part of the site is still there")
	}

	broken := &Site{Files: map[string][]byte{"index.html": []byte("v3")}, Copies: map[string]string{"gone.svg": "content/gone.svg"}, FS: src}
	if _, err := Write(broken, dest, 2); err == nil {
		t.Fatal("a write with a missing file succeeded")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "v2" {
		t.Errorf("a failed write changed the site: index.html = %q", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".public.folio-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}

	escaping := &Site{Files: map[string][]byte{"../outside.html": []byte("x")}, FS: src}
	if _, err := Write(escaping, dest, 1); err == nil || !strings.Contains(err.Error(), "outside the destination") {
		t.Errorf("writing ../outside.html: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "outside.html")); err == nil {
		t.Errorf("a file was written outside the destination")
	}
}

// A file whose bytes did not change keeps its modification time (and
// inode); a changed one is written anew; a stale one is removed.
func TestUnchangedFilesKeepTheirTime(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	src := fstest.MapFS{"static/a.css": {Data: []byte("a{}")}}
	site := func(index string) *Site {
		return &Site{
			Files:  map[string][]byte{"index.html": []byte(index), "same/index.html": []byte("same"), "gone.html": []byte("x")},
			Copies: map[string]string{"a.css": "static/a.css"},
			FS:     src,
		}
	}
	if _, err := Write(site("v1"), dest, 2); err != nil {
		t.Fatal(err)
	}
	past := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range []string{"index.html", "same/index.html", "a.css"} {
		os.Chtimes(filepath.Join(dest, p), past, past)
	}
	next := site("v2")
	delete(next.Files, "gone.html")
	stats, err := Write(next, dest, 2)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Files != 3 || stats.Written != 1 {
		t.Errorf("stats %+v, want 3 files, 1 written", stats)
	}
	for p, kept := range map[string]bool{"index.html": false, "same/index.html": true, "a.css": true} {
		fi, err := os.Stat(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		if fi.ModTime().Equal(past) != kept {
			t.Errorf("%s: time %v, kept = %v, want %v", p, fi.ModTime(), !kept, kept)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "gone.html")); err == nil {
		t.Errorf("a file no longer in the site is still there")
	}
}

// Two outputs on one path fail the stage, and the second never writes
// through the first, which may be linked from the previous site.
func TestStagePutTwice(t *testing.T) {
	t.Parallel()
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Write(&Site{Files: map[string][]byte{"index.html": []byte("home"), "a/index.html": []byte("old")}}, dest, 1); err != nil {
		t.Fatal(err)
	}
	st, err := NewStage(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Abort()
	st.Put("a/index.html", []byte("old")) // linked from the previous site
	st.Put("a/index.html", []byte("new, and longer"))
	if _, err := st.Commit(&Site{Files: map[string][]byte{"index.html": []byte("home")}}, 1); err == nil {
		t.Errorf("a path written twice was committed")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "a/index.html")); string(b) != "old" {
		t.Errorf("the previous site's file became %q", b)
	}
}

// openCounter is a file system that counts the files opened for reading
// (fs.Stat, which it answers itself, is not counted).
type openCounter struct {
	fs.StatFS
	opened atomic.Int64
}

func (c *openCounter) Open(name string) (fs.File, error) {
	c.opened.Add(1)
	return c.StatFS.Open(name)
}

// A Stable copy (a photo's file in the cache, named by its content) that
// did not change is kept from the previous site without reading it: 200
// photos' 690 MB were read twice in every build that changed nothing.
// One whose source is another file, or whose published file was changed
// in place, is copied again.
func TestStableCopiesKeptWithoutReading(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cache := filepath.Join(dir, "cache")
	os.Mkdir(cache, 0o755)
	photo := bytes.Repeat([]byte("jpeg"), 1000)
	for _, name := range []string{"k1.800.jpg", "k2.800.jpg", "k1.original.jpg"} {
		if err := os.WriteFile(filepath.Join(cache, name), photo, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := &openCounter{StatFS: os.DirFS(dir).(fs.StatFS)}
	site := func(copies map[string]string) *Site {
		s := &Site{Files: map[string][]byte{"index.html": []byte("<p>x")}, Copies: copies, FS: src, Stable: map[string]bool{}}
		for p := range copies {
			s.Stable[p] = true
		}
		return s
	}
	dest := filepath.Join(dir, "public")
	copies := map[string]string{"news/a/a.x.800.jpg": "cache/k1.800.jpg", "news/a/a.jpg": "cache/k1.original.jpg"}
	if st, err := Write(site(copies), dest, 2); err != nil || st.Written != 3 {
		t.Fatalf("first build: %+v, %v; want 3 files written", st, err)
	}
	if src.opened.Load() != 2 {
		t.Fatalf("first build opened %d sources, want the 2 copies", src.opened.Load())
	}
	for p, c := range copies {
		got, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil || !bytes.Equal(got, photo) {
			t.Fatalf("%s: %d bytes, %v; want the cache's %s", p, len(got), err, c)
		}
	}

	src.opened.Store(0)
	if st, err := Write(site(copies), dest, 2); err != nil || st.Written != 0 || st.Files != 3 {
		t.Fatalf("build with nothing changed: %+v, %v; want 3 files, none written", st, err)
	}
	if n := src.opened.Load(); n != 0 {
		t.Errorf("build with nothing changed opened %d sources, want none", n)
	}

	// The photo at a.jpg is replaced by another (a new cache file, of the
	// same size), and someone changed a published copy in place.
	os.WriteFile(filepath.Join(dest, "news/a/a.x.800.jpg"), bytes.Repeat([]byte("evil"), 1000), 0o644)
	copies["news/a/a.jpg"] = "cache/k2.800.jpg"
	os.Chtimes(filepath.Join(cache, "k2.800.jpg"), time.Now().Add(time.Hour), time.Now().Add(time.Hour))
	if st, err := Write(site(copies), dest, 2); err != nil || st.Written != 2 {
		t.Fatalf("build with two copies changed: %+v, %v; want 2 written", st, err)
	}
	for p := range copies {
		got, err := os.ReadFile(filepath.Join(dest, p))
		if err != nil || !bytes.Equal(got, photo) {
			t.Errorf("%s: %q…, %v; want the cache's bytes again", p, got[:8], err)
		}
	}
}
