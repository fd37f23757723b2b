package schema

import (
	"bytes"

	"github.com/BurntSushi/toml"
)

// ErrorOffset returns the byte offset in src of a TOML parse error. The
// parser skips a byte order mark (which Windows editors write) and counts
// Start and Col from after it, so they point too early in src; and its
// Col is computed from Start, wrongly when Start is at a line's first
// byte. Its Line is counted by the lexer and is right: the offset is kept
// on that line, from Start when Start lies on it, else from Col.
func ErrorOffset(src []byte, pe toml.ParseError) int {
	bom := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		bom = 3
	}
	off := pe.Position.Start + bom
	if pe.Position.Line < 1 {
		return min(max(off, 0), len(src))
	}
	start := 0 // of the error's line
	for line := 1; line < pe.Position.Line; line++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return len(src)
		}
		start += i + 1
	}
	end := len(src)
	if i := bytes.IndexByte(src[start:], '\n'); i >= 0 {
		end = start + i
	}
	if start <= off && off <= end {
		return off
	}
	col := pe.Position.Col - 1
	if pe.Position.Line == 1 {
		col += bom
	}
	if col >= 0 && start+col <= end {
		return start + col
	}
	return start
}
