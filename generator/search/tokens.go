// Package search builds the site's search index at build time, as static
// files: Chinese indexed as overlapping two-character tokens (so any two or
// more characters of a text find it), single characters of titles (so a
// one-character query still finds titles), Latin words lowercased and digit
// runs kept. The browser tokenizes the query with the same rules
// (themes/default/static/js/search.js); a test checks the two agree.
package search

import (
	"unicode"
	"unicode/utf8"
)

// fold makes full-width Latin letters and digits (Ｗｏｒｄ, １５) ordinary
// and lowercases them, so that they match either way.
func fold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case isCommonHan(r): // most of a Chinese text: nothing to fold
		return r
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	}
	return unicode.ToLower(r)
}

// isCommonHan tells the CJK Unified Ideographs block, all Han, without
// searching Unicode's tables.
func isCommonHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

func isHan(r rune) bool {
	return isCommonHan(r) || (r >= 0x2E80 && unicode.Is(unicode.Han, r))
}

func isWord(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// Tokens splits text into search tokens: each run of Han characters into its
// overlapping pairs (a lone character stays one token), each run of Latin
// letters into a lowercase word, each run of digits into a number. Letters
// and digits are split apart, so "15期" gives "15" and "期".
func Tokens(text string) []string {
	var out []string
	eachToken(text, func(t []byte) { out = append(out, string(t)) })
	return out
}

// eachToken calls yield with each token of text, as Tokens splits it. The
// bytes are only valid during the call: the index counts tokens without
// making a string of each (a page has thousands).
func eachToken(text string, yield func([]byte)) {
	var buf []byte // the current word, or the current Han run
	prev := 0      // where the last Han character starts in buf
	hans := 0      // Han characters in buf
	wordKind := 0  // 1 letters, 2 digits
	flush := func() {
		if len(buf) > 0 && (wordKind != 0 || hans == 1) {
			yield(buf) // a word, or a lone Han character
		}
		buf, hans, wordKind = buf[:0], 0, 0
	}
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		switch c := text[i]; {
		case c < utf8.RuneSelf:
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			// U+4000 to U+9FFF, most of a Chinese text, decoded here
			// rather than by a call for each character.
			r, size = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		r = fold(r)
		switch {
		case isHan(r):
			if wordKind != 0 {
				flush()
			}
			n := len(buf)
			if r >= 0x800 && r < 0x10000 {
				buf = append(buf, byte(0xE0|r>>12), byte(0x80|r>>6&0x3F), byte(0x80|r&0x3F))
			} else {
				buf = utf8.AppendRune(buf, r)
			}
			if hans++; hans > 1 {
				yield(buf[prev:]) // the pair of the last two characters
			}
			prev = n
		case isWord(r):
			kind := 1
			if r >= '0' && r <= '9' {
				kind = 2
			}
			if kind != wordKind {
				flush()
				wordKind = kind
			}
			buf = append(buf, byte(r))
		default:
			flush()
		}
	}
	flush()
}

// Chars are the single Han characters of a title, indexed so that a query
// of one character finds titles that have it.
func Chars(title string) []string {
	var out []string
	for _, r := range title {
		if isHan(r) {
			out = append(out, string(r))
		}
	}
	return out
}
