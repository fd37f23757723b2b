// Package search builds the site's search index at build time, as static
// files: Chinese indexed as overlapping two-character tokens (so any two or
// more characters of a text find it), single characters of titles (so a
// one-character query still finds titles), Latin words lowercased and digit
// runs kept. The browser tokenizes the query with the same rules
// (themes/default/static/js/search.js); a test checks the two agree.
package search

import (
	"strings"
	"unicode"
)

// fold makes full-width Latin letters and digits (Ｗｏｒｄ, １５) ordinary
// and lowercases them, so that they match either way.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	return unicode.ToLower(r)
}

func isHan(r rune) bool {
	return unicode.Is(unicode.Han, r)
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
	var han []rune
	var word strings.Builder
	wordKind := 0 // 1 letters, 2 digits
	flushHan := func() {
		switch {
		case len(han) == 1:
			out = append(out, string(han))
		case len(han) > 1:
			for i := 0; i+1 < len(han); i++ {
				out = append(out, string(han[i:i+2]))
			}
		}
		han = han[:0]
	}
	flushWord := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
		wordKind = 0
	}
	for _, r := range text {
		r = fold(r)
		switch {
		case isHan(r):
			flushWord()
			han = append(han, r)
		case isWord(r):
			flushHan()
			kind := 1
			if r >= '0' && r <= '9' {
				kind = 2
			}
			if kind != wordKind {
				flushWord()
				wordKind = kind
			}
			word.WriteRune(r)
		default:
			flushHan()
			flushWord()
		}
	}
	flushHan()
	flushWord()
	return out
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
