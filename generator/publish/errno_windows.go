package publish

import "syscall"

// Windows' own codes for a full disk and a write-protected one: its
// syscall.ENOSPC and EROFS are made up, and no error is ever one.
var (
	diskFull = []error{syscall.Errno(112), syscall.Errno(39)} // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
	readOnly = []error{syscall.Errno(19)}                     // ERROR_WRITE_PROTECT
)
