package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockFile opens the lock file at path, making it if needed, and locks it
// without waiting. Windows does not remove a file another build holds
// open, so the file locked is always the one at path.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|os.O_CREATE, 0o644) // read only: a lock file another user left behind is still taken
	if err != nil {
		return nil, err
	}
	var whole windows.Overlapped
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &whole)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		f.Close()
		return nil, ErrBusy
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// unlockFile lets the lock go, then removes the file unless another build
// opened it meanwhile (Windows then refuses, and that build has it).
func unlockFile(f *os.File, path string) {
	f.Close()
	os.Remove(path)
}
