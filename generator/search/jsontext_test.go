package search

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestAppendJSONString compares the text files' encoder with
// encoding/json's, on texts made of the characters either escapes and
// the Chinese and ASCII between them, and on invalid bytes.
func TestAppendJSONString(t *testing.T) {
	pieces := []string{"招生", "职业教育", "a", "Go 1.26", `"`, `\`, "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "<", ">", "&", "\u2028", "\u2029", "\u2027", "\u202a", "\xe2\x80", "\xff", "€", "😀", " ", "'", "/"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		s := ""
		for range r.IntN(12) {
			s += pieces[r.IntN(len(pieces))]
		}
		want, _ := json.Marshal(s)
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Fatalf("%q: got %s, want %s", s, got[1:], want)
		}
	}
}
