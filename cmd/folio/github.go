package main

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

// github is how folio tells GitHub Actions about the problems it found, so
// that an editor sees them on the commit's page without reading a log: an
// annotation per problem (a workflow command on stdout, shown on the line
// of the file in the commit) and a list in the job's summary. It is nil
// outside GitHub Actions, and in tests unless a test asks for it.
type github struct {
	// summary is the file named by GITHUB_STEP_SUMMARY, which GitHub shows
	// as the job's summary (Markdown, appended to); "" for none.
	summary string
}

// githubFromEnv returns the GitHub output for folio's environment, nil
// when not on GitHub Actions. Only main calls it: the tests of the
// commands, which may themselves run on GitHub Actions, pass their own.
func githubFromEnv() *github {
	if os.Getenv("GITHUB_ACTIONS") != "true" {
		return nil
	}
	return &github{summary: os.Getenv("GITHUB_STEP_SUMMARY")}
}

// problems prints an annotation per diagnostic to w and appends the list to
// the summary under heading. src is the site's folder: GitHub wants paths
// from the repository's root, which a workflow runs in.
func (g *github) problems(w io.Writer, heading, src string, l diag.List, lang diag.Lang) {
	if g == nil {
		return
	}
	for _, d := range l {
		fmt.Fprintln(w, annotation(d, src, lang))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n", escapeMarkdown(heading))
	for _, d := range l {
		b.WriteString("- " + summaryLine(d, src, lang) + "\n")
	}
	g.appendSummary(w, b.String()+"\n")
}

// failed reports an error that is not about a line of content (a folder
// that cannot be written, a bad flag) as an annotation without a file;
// message is in the editor's language.
func (g *github) failed(w io.Writer, command string, message string) {
	if g == nil {
		return
	}
	fmt.Fprintln(w, "::error title="+escapeProperty(command)+"::"+escapeData(message))
	g.appendSummary(w, "### "+escapeMarkdown(command)+"\n\n"+escapeMarkdown(message)+"\n\n")
}

// built says in the summary what a good build did, and when the site
// changes next without a commit, the moment to schedule a build for.
func (g *github) built(w io.Writer, res *generator.Result, lang diag.Lang) {
	if g == nil {
		return
	}
	next := diag.Msg(diag.SaidNoNextChange).Text(lang)
	if !res.NextChange.IsZero() {
		next = res.NextChange.Format(time.RFC3339)
	}
	g.appendSummary(w, "### "+escapeMarkdown(diag.Msg(diag.SaidSiteBuilt).Text(lang))+"\n\n"+
		"- "+escapeMarkdown(diag.Msg(diag.SaidFiles, summary(res.Pages), res.Written.Files, res.Written.Written).Text(lang))+"\n"+
		"- next_change: "+next+"\n\n")
}

// appendSummary adds Markdown to the job's summary. A summary that cannot
// be written is said in the log, and does not fail the command: the
// annotations and the log still say everything.
func (g *github) appendSummary(w io.Writer, md string) {
	if g == nil || g.summary == "" {
		return
	}
	f, err := os.OpenFile(g.summary, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		_, err = f.WriteString(md)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(w, "folio: cannot write the job summary: %v\n", err)
	}
}

// annotation is d as a GitHub workflow command: ::error or ::warning, the
// file, line and column, a title that says what sort of mistake it is (its
// kind, as serve's overlay says it), and the message with its code, in lang.
func annotation(d diag.Diagnostic, src string, lang diag.Lang) string {
	cmd := "error"
	if d.Severity == diag.Warning {
		cmd = "warning"
	}
	props := []string{"file=" + escapeProperty(repoPath(src, d.Pos.File))}
	if d.Pos.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
		if d.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
		}
	}
	props = append(props, "title="+escapeProperty(d.Kind.Title(lang)))
	return "::" + cmd + " " + strings.Join(props, ",") + "::" + escapeData("["+string(d.Code)+"] "+d.Text(lang))
}

// summaryLine is d for the job's summary, as file:line:col: message, with
// the words for its kind, in lang, in Markdown.
func summaryLine(d diag.Diagnostic, src string, lang diag.Lang) string {
	pos := d.Pos
	pos.File = repoPath(src, pos.File)
	d.Pos = pos
	line, _ := strings.CutPrefix(d.In(lang), pos.String()+": ") // warning, [code], message
	return escapeMarkdown(pos.String()+": ") + "**" + escapeMarkdown(d.Kind.Title(lang)) + "** " + escapeMarkdown(line)
}

// repoPath is a diagnostic's file, which is relative to the site's folder
// (or absolute: a destination outside it), relative to the folder folio
// runs in.
func repoPath(src, file string) string {
	if file == "" || src == "" || src == "." || filepath.IsAbs(file) {
		return file
	}
	return path.Join(filepath.ToSlash(src), file)
}

// escapeData escapes a workflow command's message as GitHub's runner
// unescapes it: a newline would end the command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, where : and
// , also separate.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// escapeMarkdown keeps a file name or message literal in the summary:
// an underscore or star in a path must not start emphasis, and a <
// must not start HTML. A line break would end the list item.
func escapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '&', '!':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\r', '\n':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
