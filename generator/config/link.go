package config

import (
	"fmt"
	"strings"
	"unicode"

	"folio.dev/folio/generator/diag"
)

// BadChar describes the first character of s that a URL, slug or file name
// must not hold because it would be read as something else where the URL
// is written (a line break starts a new iCalendar property, " and < end an
// attribute or a tag, a space ends a URL in plain text, NUL ends a file
// name), and ok when there is one.
func BadChar(s string) (what diag.Message, ok bool) {
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000':
			return diag.Msg(diag.BadSpace), true
		case r == '\n' || r == '\r':
			return diag.Msg(diag.BadLineBreak), true
		case r == '\t':
			return diag.Msg(diag.BadTab), true
		case r == 0:
			return diag.Msg(diag.BadNUL), true
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff':
			return diag.Msg(diag.BadControl, fmt.Sprintf("U+%04X", r)), true
		case r == '<' || r == '>' || r == '"':
			return diag.Msg(diag.BadChar, string(r)), true
		case r == unicode.ReplacementChar:
			return diag.Msg(diag.BadUTF8), true
		}
	}
	return diag.Message{}, false
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
	if c, bad := BadChar(u); bad {
		return diag.Msg(diag.LinkHasBadChar, c)
	}
	if looksLikeHost(u) {
		return diag.Msg(diag.LinkNoScheme, "https://"+u)
	}
	if i := strings.IndexByte(u, ':'); i >= 0 && !strings.ContainsRune(u[:i], '/') {
		switch strings.ToLower(u[:i]) {
		case "http", "https", "mailto":
		default:
			return diag.Msg(diag.LinkRunsScript, strings.ToLower(u[:i]))
		}
	}
	return nil
}

// looksLikeHost tells a link written without its https:// (www.example.org/
// register, wj.qq.com/s/1), which browsers read as a path of this site: it
// starts with a host name that begins with www. or ends with a common top
// domain, not with a file's name (form.pdf).
func looksLikeHost(u string) bool {
	host, _, _ := strings.Cut(u, "/")
	labels := strings.Split(strings.ToLower(host), ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
			return false
		}
	}
	switch labels[len(labels)-1] {
	case "cn", "com", "net", "org", "gov", "edu", "info", "top", "cc", "io":
		return true
	}
	return labels[0] == "www"
}
