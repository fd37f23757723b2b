package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

// reportBugs writes what folio's developers need to fix its panics (the
// files and the Go stack traces) to a file of the system's temporary
// folder, and tells the editor in one sentence where it is: a stack trace
// on the editor's terminal says nothing to them and hides their errors.
func reportBugs(bugs []generator.Bug, args []string, lang diag.Lang, stderr io.Writer) {
	if len(bugs) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "folio %s, %s %s/%s\ncommand: folio %s\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH, strings.Join(args, " "))
	for _, bug := range bugs {
		fmt.Fprintf(&b, "\nwhile working on %s: panic: %v\n\n%s", describeFile(bug.File), bug.Value, bug.Stack)
	}
	where := "(it could not be written)"
	if f, err := os.CreateTemp("", "folio-bug-*.txt"); err == nil {
		_, err = f.WriteString(b.String())
		if err = errors.Join(err, f.Close()); err == nil {
			where = f.Name()
		}
	}
	fmt.Fprintln(stderr, diag.Msg(diag.SaidBug, where).Text(lang))
}

func describeFile(f string) string {
	if f == "" {
		return "the site"
	}
	return f
}
