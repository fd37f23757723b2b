package feeds

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"SUMMARY:short",
		"DESCRIPTION:" + strings.Repeat("职业技能", 40),
		"LOCATION:" + strings.Repeat("a", 200),
		"X:" + strings.Repeat("ab中", 50),
	} {
		folded := fold(s)
		if !strings.HasSuffix(folded, "\r\n") {
			t.Errorf("%q does not end in CRLF", folded)
		}
		lines := strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n")
		var joined strings.Builder
		for i, l := range lines {
			if len(l) > 75 {
				t.Errorf("line %d is %d octets: %q", i, len(l), l)
			}
			if !utf8.ValidString(l) {
				t.Errorf("line %d splits a character: %q", i, l)
			}
			if i > 0 {
				if !strings.HasPrefix(l, " ") {
					t.Errorf("continuation line %d does not start with a space", i)
				}
				l = l[1:]
			}
			joined.WriteString(l)
		}
		if joined.String() != s {
			t.Errorf("unfolding gives %q, want %q", joined.String(), s)
		}
	}
}

func TestEscape(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"广州，示例路；100号":    "广州，示例路；100号", // full-width punctuation is text, not syntax
		"a,b;c\\d":       `a\,b\;c\\d`,
		"line1\nline2":   `line1\nline2`,
		"line1\r\nline2": `line1\nline2`,
	}
	for in, want := range tests {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCalendarText: any text survives escaping and folding: no line over
// 75 octets, no split character, and unfolding and unescaping give it back.
func FuzzCalendarText(f *testing.F) {
	for _, s := range []string{"", "广州，示例路；100号", "a,b;c\\d", "line1\nline2", strings.Repeat("职业技能", 40), "\r\n\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		line := "DESCRIPTION:" + escape(s)
		folded := fold(line)
		for _, l := range strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n") {
			if len(l) > 75 || !utf8.ValidString(l) {
				t.Fatalf("bad line %q", l)
			}
		}
		unfolded := strings.ReplaceAll(strings.TrimSuffix(folded, "\r\n"), "\r\n ", "")
		if unfolded != line {
			t.Fatalf("unfolding gives %q, want %q", unfolded, line)
		}
		if strings.ContainsAny(escape(s), "\r\n") {
			t.Fatalf("escape(%q) keeps a line break", s)
		}
	})
}
