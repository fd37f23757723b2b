//go:build !windows

package publish

import "syscall"

// The system's codes for a full disk (or quota) and a read-only one.
var (
	diskFull = []error{syscall.ENOSPC, syscall.EDQUOT}
	readOnly = []error{syscall.EROFS}
)
