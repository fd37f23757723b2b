package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrBusy is Lock's answer when another build holds the destination.
var ErrBusy = errors.New("another folio build is writing this destination")

// A Lock holds a destination for one build, from before its staging
// folder is made until after it is swapped in or removed. Without it two
// builds of one destination remove each other's staging folder (NewStage
// clears a leftover one) and one of them swaps in a folder that the two
// half wrote: with two builds of a 2,000-page site at once, one build
// succeeded and published 3,586 of the site's 5,868 files.
//
// The lock is a file beside the destination, ".NAME.folio-lock", held with
// the system's advisory lock (flock; LockFileEx on Windows), which the
// system lets go of when the process ends, however it ends: a killed build
// never blocks the next one, and the file it leaves is taken over.
type Lock struct {
	f    *os.File
	path string
	made string // the outermost folder Lock made for the file, "" if none
}

// LockDestination takes dest's lock, without waiting: ErrBusy if another
// build (of this process or another) holds it. Whoever makes a Stage or
// calls Write for dest holds it; Release lets it go.
func LockDestination(dest string) (*Lock, error) {
	dest, err := filepath.Abs(dest) // one lock however the folder is named ("..", "./public")
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	l := &Lock{path: filepath.Join(parent, "."+base+".folio-lock"), made: outermostMissing(parent)}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		l.removeMade()
		return nil, err
	}
	f, err := lockFile(l.path)
	if err != nil {
		l.removeMade()
		return nil, err
	}
	l.f = f
	return l, nil
}

// Release removes the lock file and lets the lock go (in that order, so
// that a build that opened the file meanwhile finds it gone and makes
// another), and the folders LockDestination made if nothing was put in
// them. It may be called more than once.
func (l *Lock) Release() {
	if l == nil || l.f == nil {
		return
	}
	unlockFile(l.f, l.path)
	l.f = nil
	l.removeMade()
}

// removeMade removes the folders made for the lock file, innermost first,
// as long as they are empty: a build that failed leaves no folder behind.
func (l *Lock) removeMade() {
	if l.made == "" {
		return
	}
	for dir := filepath.Dir(l.path); ; dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil || dir == l.made {
			return
		}
	}
}

// outermostMissing is the outermost folder of dir's path that does not
// exist, "" if dir does.
func outermostMissing(dir string) string {
	missing := ""
	for {
		if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
			return missing
		}
		missing = dir
		up := filepath.Dir(dir)
		if up == dir {
			return missing
		}
		dir = up
	}
}
