package search

import (
	"testing"
	"unicode"
)

// The fast paths of fold and isHan agree with Unicode's tables on every rune.
func TestFastPathsAgree(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		old := r
		if old >= 0xFF01 && old <= 0xFF5E {
			old -= 0xFEE0
		}
		old = unicode.ToLower(old)
		if fold(r) != old {
			t.Fatalf("fold %U", r)
		}
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan %U", r)
		}
	}
}
