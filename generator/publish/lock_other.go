//go:build !(darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd || solaris || windows)

package publish

import "os"

// lockFile makes the lock file where the system has no advisory lock (aix,
// plan9, wasm): it names the folder being written, but does not keep a
// second build out.
func lockFile(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o644) // read only: a lock file another user left behind is still taken
}

func unlockFile(f *os.File, path string) {
	os.Remove(path)
	f.Close()
}
