package diag

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAt(t *testing.T) {
	t.Parallel()
	src := []byte("+++\ntitle = \"发展回顾\"\ndat = 1\n")
	tests := []struct {
		off        int
		line, col  int
		wantString string
	}{
		{0, 1, 1, "a.md:1:1"},
		{4, 2, 1, "a.md:2:1"},
		{4 + len("title = \"发展"), 2, 12, "a.md:2:12"}, // columns count characters, not bytes
		{len(src), 4, 1, "a.md:4:1"},
		{len(src) + 10, 4, 1, "a.md:4:1"},
		{-1, 1, 1, "a.md:1:1"},
	}
	for _, tt := range tests {
		p := At("a.md", src, tt.off)
		if p.Line != tt.line || p.Col != tt.col || p.String() != tt.wantString {
			t.Errorf("At(%d) = %v, want %d:%d", tt.off, p, tt.line, tt.col)
		}
	}
}

// TestLines checks the line index against counting from the file's start,
// for offsets asked in order (as a page's links are), backwards and at random,
// including offsets inside a character.
func TestLines(t *testing.T) {
	t.Parallel()
	src := []byte("+++\ntitle = \"发展回顾\"\n\n\nab 职业 [链接](x) 技能\r\nend")
	naive := func(off int) Pos {
		off = min(max(off, 0), len(src))
		line, start := 1, 0
		for i := 0; i < off; i++ {
			if src[i] == '\n' {
				line, start = line+1, i+1
			}
		}
		return Pos{File: "a.md", Line: line, Col: utf8.RuneCount(src[start:off]) + 1}
	}
	ls := NewLines("a.md", src)
	offs := []int{}
	for off := -2; off <= len(src)+2; off++ {
		offs = append(offs, off)
	}
	for off := len(src) + 2; off >= -2; off-- {
		offs = append(offs, off)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		offs = append(offs, r.IntN(len(src)+4)-2)
	}
	for _, off := range offs {
		if got, want := ls.At(off), naive(off); got != want {
			t.Errorf("At(%d) = %v, want %v", off, got, want)
		}
	}
}

func TestSortPrintErr(t *testing.T) {
	t.Parallel()
	var l List
	l.Errorf(Pos{File: "b.md", Line: 1, Col: 1}, "second file")
	l.Warnf(Pos{File: "a.md", Line: 9, Col: 1}, "a warning")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 5}, "first")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 5}, "also first")
	l.Sort()
	var b strings.Builder
	l.Print(&b, 3)
	want := "a.md:2:5: also first\na.md:2:5: first\na.md:9:1: warning: a warning\n... and 1 more\n"
	if b.String() != want {
		t.Errorf("Print:\n%s\nwant:\n%s", b.String(), want)
	}
	if l.Errors() != 3 {
		t.Errorf("Errors() = %d, want 3", l.Errors())
	}
	if err := l.Err(); err == nil || strings.Contains(err.Error(), "warning") {
		t.Errorf("Err() = %v, want the errors without the warning", err)
	}
	var warnings List
	warnings.Warnf(Pos{File: "a.md"}, "only a warning")
	if warnings.Err() != nil {
		t.Errorf("a list of warnings is not an error")
	}
}
