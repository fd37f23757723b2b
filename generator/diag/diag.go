// Package diag holds positions and diagnostics: what went wrong, where, and
// how to fix it. Diagnostics are data; they become text only when printed.
package diag

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// Pos is a place in a source file. Line and Col start at 1; Col counts
// characters (runes), not bytes, so that editors land on the right Chinese
// character. A zero Line means "the whole file".
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// At returns the position of byte offset off in src.
func At(file string, src []byte, off int) Pos {
	if off > len(src) {
		off = len(src)
	}
	if off < 0 {
		off = 0
	}
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return Pos{File: file, Line: line, Col: utf8.RuneCount(src[start:off]) + 1}
}

// Severity tells errors, which fail a build, from warnings, which do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Msg      string
}

func (d Diagnostic) String() string {
	s := d.Pos.String() + ": "
	if d.Severity == Warning {
		s += "warning: "
	}
	return s + d.Msg
}

// List collects diagnostics. It is not safe for concurrent use: parallel
// stages give each worker its own List and Append them in a fixed order.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders the list by file, line, column and message, so that a build
// prints the same list whatever order its workers finished in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Msg < b.Msg
	})
}

// Errors returns the number of errors (not warnings) in the list.
func (l List) Errors() int {
	n := 0
	for _, d := range l {
		if d.Severity == Error {
			n++
		}
	}
	return n
}

// Err returns the list as an error if it holds any error, else nil.
func (l List) Err() error {
	if l.Errors() == 0 {
		return nil
	}
	return &ListError{List: l}
}

// Print writes the diagnostics one per line, at most max of them (all when
// max <= 0), followed by "and N more" when some were left out.
func (l List) Print(w io.Writer, max int) {
	for i, d := range l {
		if max > 0 && i == max {
			fmt.Fprintf(w, "... and %d more\n", len(l)-max)
			return
		}
		fmt.Fprintln(w, d.String())
	}
}

// ListError is the error a failed build returns: every error it found.
type ListError struct {
	List List
}

func (e *ListError) Error() string {
	var b strings.Builder
	only := List{}
	for _, d := range e.List {
		if d.Severity == Error {
			only = append(only, d)
		}
	}
	only.Print(&b, 20)
	return strings.TrimRight(b.String(), "\n")
}
