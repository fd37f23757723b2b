//go:build darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd || solaris

package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lockFile opens the lock file at path, making it if needed, and locks it
// without waiting. Release removes the file before letting the lock go, so
// the file locked here may have been removed meanwhile (by the build that
// held it): then it is not the lock any more, and the one at path is tried.
func lockFile(path string) (*os.File, error) {
	for {
		f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o644) // read only: a lock file another user left behind is still taken
		if err != nil {
			return nil, err
		}
		err = unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if errors.Is(err, unix.EWOULDBLOCK) {
			f.Close()
			return nil, ErrBusy
		}
		if err != nil {
			f.Close()
			return nil, err
		}
		held, err1 := f.Stat()
		named, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return f, nil
		}
		f.Close()
		if err1 != nil {
			return nil, err1
		}
	}
}

// unlockFile removes the lock file, then lets the lock go.
func unlockFile(f *os.File, path string) {
	os.Remove(path)
	f.Close()
}
