// Command folio builds the site in the current folder (or --source) into
// public/ (or --destination).
//
// Exit status: 0 built, 1 content errors (all printed, public/ untouched),
// 2 usage errors.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/schema"
	"folio.dev/folio/generator/source"
)

const usage = `folio builds a publication website from Markdown.

Usage:
  folio build [flags]           build the site into public/
  folio serve [flags]           serve the site at http://127.0.0.1:1313/, rebuilding on every save
  folio new KIND TITLE [flags]  write a new page: KIND is notice, news, event, issue or article
  folio check [flags]           build in memory and report broken links, images and #parts
  folio wechat PAGE [flags]     print a news post, notice or article for the 公众号 editor
  folio version                 print the version
  folio help                    print this help

Flags of build:
  -s, --source DIR        the site's folder (default: the current folder)
  -d, --destination DIR   where to write the site (default: DIR/public)
      --baseURL URL       the site's address, overriding config.toml (and FOLIO_BASEURL)
      --drafts            include pages with draft = true
      --future            include pages dated in the future
      --now TIME          build as if it were TIME (2024-06-21 or 2024-06-21T09:00:00+08:00)
      --minify            write smaller HTML, CSS, JS, JSON, SVG and XML
                          (also: minify = true in config.toml)
      --quiet             print errors only
      --report FILE       write what the build did as JSON, with next_change: when
                          the site changes next without a commit (schedule a build then)

Flags of serve:
  -s, --source DIR        the site's folder (default: the current folder)
  -p, --port PORT         the port (default 1313)
      --bind ADDRESS      the address to listen on (default 127.0.0.1: this computer only;
                          0.0.0.0: other computers too, at the addresses printed)
      --allow-host NAMES  host names besides localhost and the --bind address under which
                          the preview may be opened (comma-separated, or the flag again)
      --drafts=false      hide drafts (shown by default, with a 草稿 banner)
      --future=false      hide pages dated in the future (shown by default, with a
                          定时发布 banner)
      --poll DURATION     look for changes every DURATION (e.g. 1s) instead of
                          being told by the system: for Docker, WSL and network folders
      --open              open the site in the browser

Flags of check:
  -s, --source DIR        the site's folder (default: the current folder)
      --external          also try every link to another site (failures are warnings;
                          answers are kept for a day in .folio-linkcache.json)
      --drafts, --future, --now   as for build

Every command also takes --lang zh-CN or --lang en: the language of its
messages (default: the site's languageCode). Each message carries a code,
the same in both languages; docs/diagnostics.md lists them.

On GitHub Actions (GITHUB_ACTIONS=true), build and check also print each
problem as an annotation (::error file=...,line=...,col=...::...) and list it
in the job summary ($GITHUB_STEP_SUMMARY); a good build writes its next_change
there.

Flags of wechat (PAGE: its content file, or its address such as /news/2024/06/a/):
  -s, --source DIR        the site's folder (default: the current folder)
  -o FILE                 write the 正文 (the HTML to paste) into FILE; the title, summary
                          and cover are printed
      --baseURL URL, --drafts, --future, --now   as for build

Flags of new:
  -s, --source DIR        the site's folder (default: the current folder)
      --section NAME      the section for notice and news, a folder inside content/
                          (default notices, news)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, githubFromEnv()))
}

// run runs the command args. gh, when not nil, also tells GitHub Actions
// about the problems build and check find.
func run(args []string, stdout, stderr io.Writer, gh *github) (code int) {
	defer func() {
		// A bug in folio must not show an editor a stack trace: say what
		// happened in a sentence, and fail.
		if r := recover(); r != nil {
			lang := langOfArgs(args)
			fmt.Fprintf(stderr, "folio: %s\n", diag.Msg(diag.InternalBug, fmt.Sprint(r)).Text(lang))
			reportBugs([]generator.Bug{{Value: r, Stack: debug.Stack()}}, args, lang, stderr)
			code = 1
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usageOf(langOfArgs(args)))
		return 2
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr, gh, nil)
	case "serve", "server":
		return serveCommand(args[1:], stdout, stderr)
	case "new":
		return newCommand(args[1:], stdout, stderr)
	case "check":
		return checkCommand(args[1:], stdout, stderr, gh)
	case "wechat":
		return wechatCommand(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "folio", version())
		return 0
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usageOf(langOfArgs(args)))
		return 0
	}
	near := schema.Nearest(args[0], []string{"build", "serve", "new", "check", "wechat", "version", "help"})
	fmt.Fprintf(stderr, "folio: %s\n\n%s", diag.Msg(diag.UsageCommand, args[0], diag.DidYouMean(near)).Text(langOfArgs(args)), usageOf(langOfArgs(args)))
	return 2
}

// parseFlags parses a command's flags, which take no arguments after them,
// and says what is wrong if they do not parse.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) bool {
	if !parseCommandFlags(fs, args, stderr) {
		return false
	}
	if fs.NArg() > 0 {
		sayUsage(stderr, fs.Name(), diag.Msg(diag.UsageArgument, fs.Arg(0)), langOfArgs(args))
		return false
	}
	return true
}

// setNow sets the build's time from --now: a date or time without a zone
// is in the site's own time zone.
func setNow(opts *generator.Options, command, now string, lang diag.Lang, stderr io.Writer) bool {
	if now == "" {
		return true
	}
	t, ok := schema.ParseTime(now)
	if !ok {
		fmt.Fprintf(stderr, "%s: %s\n", command, diag.Msg(diag.UsageNow, now).Text(lang))
		return false
	}
	opts.Now, opts.NowLocal = t.In(time.UTC), !t.Zoned()
	return true
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// build runs folio build; gh reports to GitHub Actions when set; fault is
// Options.Fault, for tests.
func build(args []string, stdout, stderr io.Writer, gh *github, fault func(stage, name string)) int {
	fs := flag.NewFlagSet("folio build", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var src, dest, baseURL, now, reportFile string
	var drafts, future, quiet, minify bool
	fs.StringVar(&src, "source", ".", "")
	fs.StringVar(&src, "s", ".", "")
	fs.StringVar(&dest, "destination", "", "")
	fs.StringVar(&dest, "d", "", "")
	fs.StringVar(&baseURL, "baseURL", "", "")
	fs.StringVar(&now, "now", "", "")
	fs.StringVar(&reportFile, "report", "", "")
	fs.BoolVar(&drafts, "drafts", false, "")
	fs.BoolVar(&future, "future", false, "")
	fs.BoolVar(&quiet, "quiet", false, "")
	fs.BoolVar(&minify, "minify", false, "")
	langs := langFlag(fs)
	if !parseFlags(fs, args, stderr) {
		return 2
	}
	if !checkSite("folio build", src, langs.of(siteLang(src)), stderr) {
		gh.failed(stdout, "folio build", diag.Show(siteProblem("folio build", src), langs.of(siteLang(src))))
		return 2
	}
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	if err := destProblem(dest); err != nil {
		sayUsage(stderr, "folio build", err, langs.of(siteLang(src)))
		gh.failed(stdout, "folio build", diag.Show(err, langs.of(siteLang(src))))
		return 2
	}
	// A failed build leaves the destination as it was: said only of one
	// that is there.
	destExisted := exists(dest)
	if baseURL == "" {
		baseURL = os.Getenv("FOLIO_BASEURL") // preview deployments set it
	}
	opts := generator.Options{
		Root: os.DirFS(src), RootDir: src, Destination: dest, BaseURL: baseURL,
		Drafts: drafts, Future: future, Minify: minify, Fault: fault,
	}
	if home, err := os.UserHomeDir(); err == nil {
		opts.Protect = append(opts.Protect, home)
	}
	if !setNow(&opts, "folio build", now, langs.of(siteLang(src)), stderr) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Go's default, but for more room that spares a mid-sized build most
	// of its collections and a cap on a big build's peak
	// (docs/benchmarks.md, "Memory (issue 21, second pass)"). 256 MB of
	// room, not 64: about 8% less CPU at 10,000 and 50,000 pages, for a
	// peak of 258 MB at 10,000 (Hugo's is 1,100) and 7% more at 50,000,
	// where the heap outgrows the room before the end ("Time (issue 21,
	// fourth pass)").
	defer tuneGC(100, 256<<20, 512<<20)()
	start := time.Now()
	res, err := generator.Build(ctx, opts)
	lang := langs.of(res.Lang)
	if err == nil || errors.Is(err, generator.ErrContent) || errors.Is(err, generator.ErrInternal) {
		res.Diagnostics.Print(stderr, lang, 50)
	}
	var usageErr *generator.UsageError
	failed := func(n int) diag.Message {
		if destExisted {
			return diag.Msg(diag.SaidBuildFailed, n, dest)
		}
		return diag.Msg(diag.SaidBuildErrors, n)
	}
	switch {
	case errors.Is(err, generator.ErrInternal):
		reportBugs(res.Bugs, append([]string{"build"}, args...), lang, stderr)
		fmt.Fprintln(stderr, failed(res.Diagnostics.Errors()).Text(lang))
		return 1
	case errors.As(err, &usageErr):
		// The refusal's own code when it has one (U22), else U01's.
		code := diag.UsageDestination
		if m := (diag.Message{}); errors.As(usageErr.Why, &m) && strings.HasPrefix(string(m.Code), "U") {
			code = m.Code
		}
		fmt.Fprintf(stderr, "folio build: [%s] %s\n", code, diag.Show(usageErr.Why, lang))
		gh.failed(stdout, "folio build", diag.Show(usageErr.Why, lang))
		return 2
	case errors.Is(err, generator.ErrContent):
		n := res.Diagnostics.Errors()
		fmt.Fprintln(stderr, failed(n).Text(lang))
		gh.problems(stdout, diag.Msg(diag.SaidBuildErrors, n).Text(lang), src, res.Diagnostics, lang)
		return 1
	case err != nil:
		// Writing failed: a full disk, a folder it may not write in, are
		// said in words; anything else as the system said it.
		why := publish.WhyNotWritten(err)
		if errors.Is(err, context.Canceled) {
			why = diag.Msg(diag.WhyStopped)
		}
		if destExisted {
			fmt.Fprintln(stderr, diag.Msg(diag.SaidCannotBuild, why, dest).Text(lang))
		} else {
			fmt.Fprintf(stderr, "folio build: %s\n", diag.Show(why, lang))
		}
		gh.failed(stdout, "folio build", diag.Show(why, lang))
		return 1
	}
	if len(res.Diagnostics) > 0 {
		gh.problems(stdout, "folio build"+diag.Msg(diag.SaidWarnings, len(res.Diagnostics)).Text(lang), src, res.Diagnostics, lang)
	}
	gh.built(stdout, res, lang)
	if reportFile != "" {
		if err := writeReport(reportFile, res); err != nil {
			fmt.Fprintf(stderr, "folio build: %s\n", diag.Msg(diag.SaidNoReport, publish.WhyNotWritten(err)).Text(lang))
			return 1
		}
	}
	if !quiet {
		line := diag.Msg(diag.SaidBuilt, summary(res.Pages), res.Written.Files, res.Written.Written, dest, time.Since(start).Round(time.Millisecond)).Text(lang)
		if m := res.Minified; m.Before > 0 {
			line += diag.Msg(diag.SaidMinified, m.Before/1024, m.After/1024).Text(lang)
		}
		fmt.Fprintln(stdout, line)
	}
	return 0
}

// summary says how many pages of each kind were built: "42 pages (12
// post(s), 4 event(s), ...)".
func summary(kinds map[source.Kind]int) diag.Message {
	names := make([]source.Kind, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	slices.Sort(names)
	total := 0
	var parts []diag.Message
	for _, k := range names {
		n := kinds[k]
		total += n
		parts = append(parts, diag.Msg(diag.SaidKindCount, n, kindName(k)))
	}
	return diag.Msg(diag.SaidPages, total, parts)
}

// kindName is a kind of page as the build's summary names it.
func kindName(k source.Kind) any {
	code, ok := map[source.Kind]diag.Code{
		source.KindHome: diag.NameHome, source.KindSection: diag.NameSection, source.KindPage: diag.NamePage,
		source.KindPost: diag.NamePost, source.KindEvent: diag.NameEvent, source.KindIssue: diag.NameIssue,
		source.KindArticle: diag.NameArticle, source.KindTerm: diag.NameTerm,
	}[k]
	if !ok {
		return string(k)
	}
	return diag.Msg(code)
}
