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
	l.Add(Pos{File: "b.md", Line: 1, Col: 1}, FMNoTitle)
	l.Add(Pos{File: "a.md", Line: 9, Col: 1}, ImageNoAlt, "a.png")
	l.Add(Pos{File: "a.md", Line: 2, Col: 5}, FMStatusUnknown, "b")
	l.Add(Pos{File: "a.md", Line: 2, Col: 5}, FMStatusUnknown, "a")
	l.Sort()
	var b strings.Builder
	l.Print(&b, English, 3)
	want := "a.md:2:5: [F10] status \"a\" is not known; write status = \"cancelled\" (取消) or \"postponed\" (延期), or leave it out for a scheduled event\n" +
		"a.md:2:5: [F10] status \"b\" is not known; write status = \"cancelled\" (取消) or \"postponed\" (延期), or leave it out for a scheduled event\n" +
		"a.md:9:1: warning [I01] image a.png has no description; write what it shows between the brackets: ![夏令营合影](a.png)\n... and 1 more\n"
	if b.String() != want {
		t.Errorf("Print:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	l.Print(&b, Chinese, 0)
	if !strings.Contains(b.String(), "a.md:9:1: 警告 [I01] 图片 a.png 没有说明") || !strings.Contains(b.String(), "b.md:1:1: [F04] 页面没有标题") {
		t.Errorf("Print in Chinese:\n%s", b.String())
	}
	if l.Errors() != 3 {
		t.Errorf("Errors() = %d, want 3", l.Errors())
	}
	if err := l.Err(); err == nil || strings.Contains(err.Error(), "warning") {
		t.Errorf("Err() = %v, want the errors without the warning", err)
	}
	var warnings List
	warnings.Add(Pos{File: "a.md"}, ImageNoAlt, "a.png")
	if warnings.Err() != nil {
		t.Errorf("a list of warnings is not an error")
	}
}
