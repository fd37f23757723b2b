// Package spill keeps what a build made and reads again only later in a
// temporary file, out of memory: the pages' HTML between their conversion
// and their rendering, and their text files until the search index knows
// which pages are public (issue 21: at 100,000 pages they are 700 MB).
package spill

import (
	"os"
	"sync"
	"unsafe"
)

// File is a temporary file that parts are put into and read back from. It
// is made by the first Put; where it cannot be made or written, the parts
// stay in memory. The zero File is ready to use; a nil File keeps every
// part in memory.
type File struct {
	mu   sync.Mutex
	f    *os.File
	end  int64
	fail bool // no file could be made
}

// Part is what Put returns to read a part back by.
type Part struct {
	off int64
	n   int
	mem []byte // the part itself, when it is not in the file
}

// Put keeps b, which must not change after: where it cannot go into the
// file, it is kept. Put may be called from many goroutines.
func (f *File) Put(b []byte) Part {
	if f == nil || len(b) == 0 {
		return Part{mem: b}
	}
	f.mu.Lock()
	if f.f == nil && !f.fail {
		f.open()
	}
	off := f.end
	f.end += int64(len(b))
	file := f.f
	f.mu.Unlock()
	// Each part is written at its own place (pwrite): the goroutines do
	// not wait for each other.
	if file == nil {
		return Part{mem: b}
	}
	if _, err := file.WriteAt(b, off); err != nil {
		return Part{mem: b}
	}
	return Part{off: off, n: len(b)}
}

// PutString keeps s, as Put.
func (f *File) PutString(s string) Part {
	if f == nil {
		return Part{mem: unsafe.Slice(unsafe.StringData(s), len(s))} // read back as the string it was
	}
	return f.Put(unsafe.Slice(unsafe.StringData(s), len(s)))
}

func (f *File) open() {
	file, err := os.CreateTemp("", "folio-spill-*")
	if err != nil {
		f.fail = true
		return
	}
	// Gone from its folder at once where the system lets an open file be
	// removed, so that nothing stays behind a build that is killed; else
	// Close removes it.
	os.Remove(file.Name())
	f.f = file
}

// Get returns part p, read into buf's room when it is in the file; nil
// once the file is closed.
func (f *File) Get(p Part, buf []byte) []byte {
	if p.n == 0 {
		return p.mem
	}
	f.mu.Lock()
	file := f.f
	f.mu.Unlock()
	if file == nil {
		return nil
	}
	if cap(buf) < p.n {
		buf = make([]byte, p.n)
	}
	buf = buf[:p.n]
	if _, err := file.ReadAt(buf, p.off); err != nil {
		panic(err) // the build's own file, written a moment ago
	}
	return buf
}

// String returns part p as a string of its own.
func (f *File) String(p Part) string {
	if p.n == 0 {
		return unsafe.String(unsafe.SliceData(p.mem), len(p.mem))
	}
	b := f.Get(p, nil)
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is new and never changed
}

// Close removes the file: what was put in it reads as nothing after.
func (f *File) Close() {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.f != nil {
		f.f.Close()
		os.Remove(f.f.Name())
		f.f = nil
	}
}
