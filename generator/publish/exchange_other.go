//go:build !linux

package publish

import "errors"

// exchange has no atomic counterpart here: Commit renames twice, and the
// next NewStage recovers the previous site if a crash came between.
func exchange(a, b string) error { return errors.ErrUnsupported }
