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
