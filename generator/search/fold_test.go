package search

import (
	"fmt"
	"folio.dev/folio/generator/source"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
	"unsafe"
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

// pieces of random texts: Chinese of every block, full-width and Latin
// letters, digits, marks and invalid bytes.
var pieces = []string{"招生", "职业教育", "䶿", "㐀", "鿿", "一", "𠀀", "⺀", "々", "Go", "ＡＢＣ", "１５", "2026", "年", "Skills", "TVET", "internationalization", " ", "，", "。", "-", "é", "Ω", "\xe4\xb8", "\xe9\xbf", "\xff", "\xe4\x41\x42", "\xed\xa0\x80", "😀"}

// countBody counts random texts' tokens as eachToken splits them, with
// count: the same tokens, values and number, in the same order, a worker's
// maps reused from text to text as a build reuses them from page to page.
func TestCountBodyAsEachToken(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	fast, slow := NewTexts(nil).tokenMaps(), NewTexts(nil).tokenMaps()
	for range 20000 {
		s := ""
		for range r.IntN(12) {
			s += pieces[r.IntN(len(pieces))]
		}
		for _, text := range []string{s, s[:r.IntN(len(s)+1)]} {
			n := fast.countBody(text)
			want := 0
			eachToken(text, func(b []byte) { slow.count(b, 2); want++ })
			got, wanted := fast.tokens(), slow.tokens()
			if n != want || !slices.Equal(got, wanted) {
				t.Fatalf("%q: counted %d %q, want %d %q", text, n, got, want, wanted)
			}
			fast.reset()
			slow.reset()
		}
	}
}

// tokens are the tokens m counted for the page, each with its value, in the
// order the page has them.
func (m *tokenMaps) tokens() []string {
	var out []string
	for _, c := range m.counted {
		bk := &m.texts.buckets[c.ref.bucket]
		out = append(out, fmt.Sprintf("%s=%d", bk.tokens[c.ref.slot], c.value))
	}
	return out
}

// eachToken splits random texts as the loop over runes it replaced did:
// Chinese of every block, full-width and Latin letters, digits, marks and
// invalid bytes, and every one of them cut short at the end.
func TestEachTokenAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		s := ""
		for range r.IntN(10) {
			s += pieces[r.IntN(len(pieces))]
		}
		for _, text := range []string{s, s[:r.IntN(len(s)+1)]} {
			var got, want []string
			eachToken(text, func(b []byte) { got = append(got, string(b)) })
			eachTokenByRune(text, func(b []byte) { want = append(want, string(b)) })
			if !slices.Equal(got, want) {
				t.Fatalf("%q: got %q, want %q", text, got, want)
			}
		}
	}
}

// eachTokenByRune is eachToken as it was, ranging over the text's runes.
func eachTokenByRune(text string, yield func([]byte)) {
	var buf []byte
	prev, hans, wordKind := 0, 0, 0
	flush := func() {
		if len(buf) > 0 && (wordKind != 0 || hans == 1) {
			yield(buf)
		}
		buf, hans, wordKind = buf[:0], 0, 0
	}
	for _, r := range text {
		r = fold(r)
		switch {
		case isHan(r):
			if wordKind != 0 {
				flush()
			}
			n := len(buf)
			buf = utf8.AppendRune(buf, r)
			if hans++; hans > 1 {
				yield(buf[prev:])
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

// The tokens gathered are strings of their own, not slices of the page's
// text that would keep the whole text (up to 16 KB a page, more before it
// is cut) until the index is made: a Han pair, a lone character, a short
// word and a long one.
func TestTokensHoldNoText(t *testing.T) {
	p := &source.Page{File: "content/news/a.md"}
	texts := NewTexts([]*source.Page{p})
	text := strings.Repeat("　", 1000) + "职业 技 go internationalization 𠀀𠀁 " + strings.Repeat("　", 1000)
	texts.Add(p, text)
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	n := 0
	for k := range texts.buckets {
		for _, tok := range texts.buckets[k].tokens {
			n++
			if at := uintptr(unsafe.Pointer(unsafe.StringData(tok))); at >= start && at < start+uintptr(len(text)) {
				t.Errorf("token %q is a slice of the page's text", tok)
			}
		}
	}
	if n != 5 {
		t.Errorf("%d tokens gathered, want 5 (职业, 技, go, internationalization, 𠀀𠀁)", n)
	}
}
