package config

import (
	"fmt"
	"strings"
	"unicode"
)

// BadChar describes the first character of s that a URL, slug or file name
// must not hold because it would be read as something else where the URL
// is written (a line break starts a new iCalendar property, " and < end an
// attribute or a tag, a space ends a URL in plain text, NUL ends a file
// name), or "" if there is none.
func BadChar(s string) string {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000':
			return "a space"
		case r == '\n' || r == '\r':
			return "a line break"
		case r == '\t':
			return "a tab"
		case r == 0:
			return "a NUL character (U+0000)"
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff':
			return fmt.Sprintf("the invisible control character U+%04X", r)
		case r == '<' || r == '>' || r == '"':
			return fmt.Sprintf("the character %c", r)
		case r == unicode.ReplacementChar:
			return "a character that is not valid UTF-8"
		}
	}
	return ""
}

// CheckLink tells why a link an editor wrote (a menu entry, icpLink,
// psbLink, an event's registration) cannot be published, or returns nil.
// It accepts what html/template keeps in an href: a path, or an address
// with http, https or mailto; anything else (javascript:, data:, vbscript:,
// tel:) the template would replace with #ZgotmplZ, without a word.
func CheckLink(u string) error {
	if u == "" {
		return nil
	}
	if c := BadChar(u); c != "" {
		return fmt.Errorf("has %s, which cannot be in a link; remove it (write a space as %%20)", c)
	}
	if i := strings.IndexByte(u, ':'); i >= 0 && !strings.ContainsRune(u[:i], '/') {
		switch strings.ToLower(u[:i]) {
		case "http", "https", "mailto":
		default:
			return fmt.Errorf("is a %s: link, which could run script in readers' browsers, so the theme would print #ZgotmplZ instead; write an address starting with https:// (or http://, mailto:), or a path like /about/", strings.ToLower(u[:i]))
		}
	}
	return nil
}
