package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/check"
	"folio.dev/folio/generator/diag"
)

// checkCommand is folio check: it builds the site in memory, writes
// nothing, and reports every problem a reader would trip on.
func checkCommand(args []string, stdout, stderr io.Writer, gh *github) int {
	fs := flag.NewFlagSet("folio check", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var src, now string
	var drafts, future, external bool
	fs.StringVar(&src, "source", ".", "")
	fs.StringVar(&src, "s", ".", "")
	fs.StringVar(&now, "now", "", "")
	fs.BoolVar(&drafts, "drafts", false, "")
	fs.BoolVar(&future, "future", false, "")
	fs.BoolVar(&external, "external", false, "")
	langs := langFlag(fs)
	if !parseFlags(fs, args, stderr) {
		return 2
	}
	if err := siteProblem("folio check", src); err != nil {
		sayUsage(stderr, "folio check", err, langs.of(siteLang(src)))
		gh.failed(stdout, "folio check", diag.Show(err, langs.of(siteLang(src))))
		return 2
	}
	// KeepGoing: the links are checked even when the content has other
	// errors, so that CI learns every problem in one run, not in rounds.
	opts := generator.Options{Root: os.DirFS(src), RootDir: src, Drafts: drafts, Future: future, BaseURL: os.Getenv("FOLIO_BASEURL"), CheckPartials: true, KeepGoing: true}
	if !setNow(&opts, "folio check", now, langs.of(siteLang(src)), stderr) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := generator.Build(ctx, opts)
	lang := langs.of(res.Lang)
	l := res.Diagnostics
	if err == nil || (errors.Is(err, generator.ErrContent) && !errors.Is(err, generator.ErrInternal) && res.Site != nil) {
		c := check.New(res.Site, res.Model, res.Theme, res.Unpublished)
		c.Internal(&l)
		if external {
			client := &http.Client{Timeout: 15 * time.Second}
			// Answers are kept for a day, so that checks in a row do not
			// knock on the same doors; a file that cannot be read or
			// written only makes the next check slower.
			cacheFile := filepath.Join(src, ".folio-linkcache.json")
			var known check.Answers
			if b, err := os.ReadFile(cacheFile); err == nil {
				known = check.ParseAnswers(b)
			}
			answers := c.External(ctx, known, client, time.Now(), &l)
			if b, err := answers.JSON(); err == nil {
				_ = os.WriteFile(cacheFile, b, 0o644)
			}
		}
		l.Sort()
	} else if errors.Is(err, generator.ErrInternal) {
		l.Print(stderr, lang, 100)
		reportBugs(res.Bugs, append([]string{"check"}, args...), lang, stderr)
		return 1
	} else if !errors.Is(err, generator.ErrContent) {
		fmt.Fprintf(stderr, "folio check: %s\n", diag.Show(err, lang))
		gh.failed(stdout, "folio check", diag.Show(err, lang))
		return 1
	}
	l.Print(stderr, lang, 100)
	if n := l.Errors(); n > 0 {
		said := diag.Msg(diag.SaidCheckProblems, n).Text(lang)
		fmt.Fprintln(stderr, said)
		gh.problems(stdout, said, src, l, lang)
		return 1
	}
	if len(l) > 0 {
		gh.problems(stdout, "folio check"+diag.Msg(diag.SaidWarnings, len(l)).Text(lang), src, l, lang)
	}
	// No errors: "no problems" only if nothing at all was said, since the
	// line is read right under the warnings.
	said := diag.Msg(diag.SaidCheckClean, len(res.Model.Pages), len(res.Site.Paths())).Text(lang)
	if len(l) > 0 {
		said = diag.Msg(diag.SaidCheckWarnings, len(l), len(res.Model.Pages), len(res.Site.Paths())).Text(lang)
	}
	gh.appendSummary(stdout, "### "+escapeMarkdown(said)+"\n\n")
	fmt.Fprintln(stdout, said)
	return 0
}
