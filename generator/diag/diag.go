// Package diag holds positions and diagnostics: what went wrong, where, and
// how to fix it. Diagnostics are data; they become text only when printed.
package diag

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
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

// At returns the position of byte offset off in src. It scans src from its
// start: for many positions in one file, use NewLines.
func At(file string, src []byte, off int) Pos {
	return NewLines(file, src).At(off)
}

// Lines finds positions in one file in time linear in the file, however
// many are asked for: where each line starts is found once, a position's
// line by binary search, and its column by counting from the line's start or,
// when asked in order along one long line, from the position asked before.
// It is safe for concurrent use.
type Lines struct {
	file   string
	src    []byte
	starts []int // the offset of each line's first byte; starts[0] == 0
	mu     sync.Mutex
	// the last position asked for, from which a later one on its line counts on
	lastOff, lastLine, lastCol int
}

// NewLines indexes src, the text of file.
func NewLines(file string, src []byte) *Lines {
	starts := make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	for i := 0; ; { // IndexByte, not a loop over every byte: each converted page with a link asks
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return &Lines{file: file, src: src, starts: starts, lastLine: 1, lastCol: 1}
}

// At returns the position of byte offset off in the file.
func (ls *Lines) At(off int) Pos {
	off = min(max(off, 0), len(ls.src))
	line := sort.Search(len(ls.starts), func(i int) bool { return ls.starts[i] > off }) // 1-based: starts[line-1] <= off
	ls.mu.Lock()
	defer ls.mu.Unlock()
	from, col := ls.starts[line-1], 1
	if line == ls.lastLine && ls.lastOff >= from && ls.lastOff <= off && (ls.lastOff == len(ls.src) || utf8.RuneStart(ls.src[ls.lastOff])) {
		from, col = ls.lastOff, ls.lastCol
	}
	col += utf8.RuneCount(ls.src[from:off])
	ls.lastOff, ls.lastLine, ls.lastCol = off, line, col
	return Pos{File: ls.file, Line: line, Col: col}
}

// Severity tells errors, which fail a build, from warnings, which do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Diagnostic is one problem found in the input: what sort of problem
// (Kind), which one (Code, whose words are in the catalog), the values its
// message names (Args, in the order the catalog lists them) and where.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Kind     Kind
	Code     Code
	Args     []any
}

// Text is the diagnostic's message in lang, without position or code.
func (d Diagnostic) Text(lang Lang) string {
	return Message{Code: d.Code, Args: d.Args}.Text(lang)
}

// In is the diagnostic as one line in lang: position, "warning" for a
// warning, the code in brackets and the message.
func (d Diagnostic) In(lang Lang) string {
	s := d.Pos.String() + ": "
	if d.Severity == Warning {
		s += lang.words().warning + " "
	}
	return s + "[" + string(d.Code) + "] " + d.Text(lang)
}

// String is the diagnostic in English, for logs and errors that have no
// reader's language.
func (d Diagnostic) String() string { return d.In(English) }

// List collects diagnostics. It is not safe for concurrent use: parallel
// stages give each worker its own List and Append them in a fixed order.
type List []Diagnostic

// Add adds the diagnostic code at pos, with the values its message names
// in the order the catalog lists them. Its severity and kind are the
// catalog's.
func (l *List) Add(pos Pos, code Code, args ...any) {
	e := lookup(code)
	*l = append(*l, Diagnostic{Pos: pos, Severity: e.severity, Kind: e.kind, Code: code, Args: args})
}

// AddAs is Add for a code whose kind depends on the document it is about:
// a TOML mistake is about the front matter or about config.toml.
func (l *List) AddAs(kind Kind, pos Pos, code Code, args ...any) {
	e := lookup(code)
	*l = append(*l, Diagnostic{Pos: pos, Severity: e.severity, Kind: kind, Code: code, Args: args})
}

// Sort orders the list by file, line, column, code and message, so that a build
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
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Text(English) < b.Text(English)
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

// Print writes the diagnostics in lang one per line, at most max of them
// (all when max <= 0), followed by "and N more" when some were left out.
func (l List) Print(w io.Writer, lang Lang, max int) {
	for i, d := range l {
		if max > 0 && i == max {
			fmt.Fprintln(w, Msg(More, len(l)-max).Text(lang))
			return
		}
		fmt.Fprintln(w, d.In(lang))
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
	only.Print(&b, English, 20)
	return strings.TrimRight(b.String(), "\n")
}
