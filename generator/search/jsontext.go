package search

import (
	"encoding/json"
	"unicode/utf8"
)

// appendJSONString appends s as encoding/json writes a string, byte for
// byte (its HTML characters escaped too), for a page's text file: json
// decodes every rune of a Chinese text to look for the few it escapes,
// where here the bytes between them are copied as they are.
func appendJSONString(b []byte, s string) []byte {
	if !utf8.ValidString(s) { // json mends invalid bytes: rare enough to leave to it
		q, _ := json.Marshal(s)
		return append(b, q...)
	}
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !special[c] {
			continue
		}
		var esc string
		switch {
		case c == '"':
			esc = `\"`
		case c == '\\':
			esc = `\\`
		case c == '\n':
			esc = `\n`
		case c == '\r':
			esc = `\r`
		case c == '\t':
			esc = `\t`
		case c == '\b':
			esc = `\b`
		case c == '\f':
			esc = `\f`
		case c < 0x20 || c == '<' || c == '>' || c == '&':
			esc = `\u00` + string(hexDigits[c>>4]) + string(hexDigits[c&0xF])
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			// U+2028 and U+2029, which JavaScript reads as line ends.
			b = append(append(b, s[start:i]...), `\u202`...)
			b = append(b, hexDigits[s[i+2]&0xF])
			i += 2
			start = i + 1
			continue
		default:
			continue
		}
		b = append(append(b, s[start:i]...), esc...)
		start = i + 1
	}
	return append(append(b, s[start:]...), '"')
}

const hexDigits = "0123456789abcdef"

// special are the bytes appendJSONString looks at: those json escapes,
// and the first byte of U+2028 and U+2029.
var special = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range []byte{'"', '\\', '<', '>', '&', 0xE2} {
		t[c] = true
	}
	return t
}()
