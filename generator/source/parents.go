package source

import (
	"iter"
	"path"
	"strings"
)

// Parents yields the folders above a slash-separated path, nearest first,
// ending with "" for the root: "news/2024/a.md" gives "news/2024", "news",
// "". Leading and trailing slashes are ignored, so "/calendar.ics" gives
// "" alone, and "", "." and "/" give nothing. Every walk up a tree goes
// through it: path.Dir("/") is "/" and path.Dir("") is ".", so a loop that
// waits for one of them to become the other never ends.
func Parents(p string) iter.Seq[string] {
	return func(yield func(string) bool) {
		p = strings.Trim(path.Clean("/"+p), "/")
		for p != "" {
			p = p[:max(strings.LastIndexByte(p, '/'), 0)]
			if !yield(p) {
				return
			}
		}
	}
}
