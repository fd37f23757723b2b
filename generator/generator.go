// Package generator builds a site: it runs the stages in order, config ->
// source -> markup -> site -> theme/render -> publish, and nothing else.
package generator

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"maps"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"folio.dev/folio/generator/assets"
	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/feeds"
	"folio.dev/folio/generator/links"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/outputs"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/search"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/theme"
	"folio.dev/folio/generator/work"
)

// Options says what to build. Zero values are useful defaults.
type Options struct {
	// Root is the site's folder: config.toml, content/, themes/.
	Root fs.FS
	// RootDir is Root's path on disk, used to refuse destinations that
	// would overwrite the project; "" when Root is not on disk.
	RootDir string
	// Destination is the folder to write; "" builds in memory only.
	Destination string
	// Protect lists more folders a destination must never replace (a
	// home folder).
	Protect []string
	// BaseURL overrides config.toml's baseURL when set.
	BaseURL string
	// Drafts and Future publish drafts and pages dated after Now.
	Drafts, Future bool
	// Now is the build's time; zero means the current time.
	Now time.Time
	// NowLocal says Now was written without a zone: its wall clock is read
	// in the site's time zone (as --now 2024-06-21 means in Shanghai).
	NowLocal bool
	// Workers is the number of parallel workers; 0 means GOMAXPROCS.
	Workers int
	// Minify makes the output smaller (as config.toml's minify = true).
	Minify bool
	// Preview, if set, makes this one of folio serve's builds.
	Preview *Preview
	// Fault, if set, is called in the workers with the stage ("markdown",
	// "write", "feeds") and the file or output path worked on: tests make
	// it panic, to see a bug of folio reported as one. Leave it nil.
	Fault func(stage, name string)
}

// Preview is what folio serve adds to a build. A preview is never
// minified, keeps assets' names (so that a stylesheet can be swapped in the
// open page) and leaves the search index out (it is made from every page,
// and a save must show at once).
type Preview struct {
	// Cache, if set, keeps each build's work for the next build of the
	// same site: only what changed is done again.
	Cache *Cache
	// Changed, with a Cache, lists the files changed since the last build
	// (paths from the site's root, as a file watcher reports them), so that
	// the others are not even looked at. nil means not known.
	Changed []string
}

// cache returns the preview's cache and changed files; nil for a build.
func (p *Preview) cache() (*Cache, []string) {
	if p == nil {
		return nil, nil
	}
	return p.Cache, p.Changed
}

// Result is what a build did.
type Result struct {
	// Diagnostics are every error and warning, sorted.
	Diagnostics diag.List
	// Site is the built site in memory. A build that wrote to Destination
	// without a Cache wrote its pages as they were rendered: their paths
	// are in Site.Files, with nil bytes.
	Site *publish.Site
	// Model is the site model the pages were rendered from.
	Model *site.Site
	// Theme is the theme they were rendered with.
	Theme *theme.Theme
	// Pages counts content pages by kind.
	Pages map[source.Kind]int
	// Written says what was written to Destination: files of the site,
	// files written anew (the others kept, with their times), bytes.
	Written publish.Stats
	// Rendered is the number of outputs rendered (not taken from Cache).
	Rendered int
	// NextChange is the earliest time after the build's at which the site
	// would change without an edit: a page's publishDate or expiryDate, an
	// event starting or ending, a registration closing. Zero if none: CI can
	// schedule the next build for it.
	NextChange time.Time
	// Minified are the bytes of the minified files before and after, when
	// the build minified.
	Minified struct{ Before, After int64 }
	// Timings are the durations of the stages, in order.
	Timings []Timing
	// Bugs are the panics of folio the build stopped for (the error wraps
	// ErrInternal), with their stack traces for a bug report.
	Bugs []Bug
}

// Timing is how long one stage took.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// ErrContent is returned (wrapped with the diagnostics) when the input has
// errors; the caller prints Result.Diagnostics.
var ErrContent = errors.New("the site has errors")

// UsageError is returned when the options themselves are wrong (a refused
// destination); nothing was read or written.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// ErrInternal is returned (wrapped with the diagnostics) when folio itself
// failed: a panic, which Result.Bugs holds with its Go stack trace.
var ErrInternal = errors.New("internal error: a bug in folio")

// Bug is a panic of folio while it worked on a file: a bug of folio, not a
// mistake of the input. Its diagnostic says so in plain words; the Go stack
// trace is for the report, never for the editor's terminal.
type Bug struct {
	File  string // the file or output it worked on; "" if not known
	Value any    // what was passed to panic
	Stack []byte
}

// Build builds the site. On content errors it returns a Result with the
// diagnostics and an error wrapping ErrContent, and writes nothing. A
// panic in any stage, in any worker, is recovered: the build fails with a
// diagnostic naming the file and an error wrapping ErrInternal, and writes
// nothing either.
func Build(ctx context.Context, opts Options) (res *Result, err error) {
	res = &Result{}
	defer func() {
		if r := recover(); r != nil {
			err = res.bug(r)
		}
	}()
	return build(ctx, opts, res)
}

// bug turns a recovered panic into a diagnostic and a Bug.
func (res *Result) bug(r any) error {
	b := Bug{Value: r}
	for {
		p, ok := b.Value.(*work.Panic)
		if !ok {
			break
		}
		b.File, b.Value, b.Stack = cmp.Or(p.Name, b.File), p.Value, p.Stack // a pool within a pool's item: the innermost panic
	}
	if b.Stack == nil {
		b.Stack = debug.Stack()
	}
	res.Bugs = append(res.Bugs, b)
	res.Diagnostics.Errorf(diag.Pos{File: describe(b.File)}, "internal error: %v; this is a bug in folio, not a mistake in the file: please report it to folio's developers", b.Value)
	res.Diagnostics.Sort()
	return errors.Join(ErrInternal, res.Diagnostics.Err())
}

func build(ctx context.Context, opts Options, res *Result) (*Result, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	cache, changed := opts.Preview.cache()
	preview := opts.Preview != nil
	if opts.Destination != "" {
		if err := publish.CheckDestination(opts.Destination, rootDir(opts.RootDir), opts.Protect); err != nil {
			return res, &UsageError{Msg: err.Error()}
		}
	}
	l := &res.Diagnostics
	start := time.Now()
	stage := func(name string) {
		now := time.Now()
		res.Timings = append(res.Timings, Timing{name, now.Sub(start)})
		start = now
	}
	fail := func() (*Result, error) {
		l.Sort()
		if err := ctx.Err(); err != nil {
			return res, err
		}
		return res, errors.Join(ErrContent, l.Err())
	}

	cfg := config.Load(opts.Root, "config.toml", l)
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			l.Errorf(diag.Pos{File: "--baseURL"}, "%v", err)
		}
	}
	now := opts.Now.In(cfg.Location)
	if opts.NowLocal {
		u := opts.Now
		now = time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), cfg.Location)
	}
	if l.Errors() > 0 {
		return fail()
	}
	stage("config")

	sourceCache, markdownCache, renderCache := cache.parts()
	md := markup.New(markup.Options{Unsafe: cfg.Markup.Unsafe, SummaryLength: cfg.Markup.SummaryLength, ReadingSpeed: cfg.Markup.ReadingSpeed, BasePath: cfg.BasePath()})
	var content *source.Content
	var model *site.Site
	var claimed *outputs.Table                     // the model's outputs' paths
	mark := len(*l)                                // what reading, converting and modelling report starts here
	last := cache.textEdit(opts, changed, now, md) // nil unless the model is kept
	if last != nil {
		content, model = last.content, last.model
		*l = append(*l, last.diags...)
		res.NextChange = last.nextChange
		stage("edit")
	} else {
		content = source.Read(ctx, opts.Root, cfg, source.Options{Drafts: opts.Drafts, Future: opts.Future, Now: now, Workers: opts.Workers, Cache: sourceCache, Changed: changed}, l)
		stage("read")
		if ctx.Err() != nil {
			return res, ctx.Err() // what was not read would show as false errors
		}
		resolver := links.New(content, opts.Root, cfg.BasePath())
		results := convert.Pages(ctx, md, content, resolver, convert.Options{Workers: opts.Workers, Cache: markdownCache, OnlyText: onlyMarkdown(changed), Fault: opts.Fault}, l)
		stage("markdown")
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		model = site.Build(cfg, content.Pages, results, now, l)
		claimed = outputs.Claim(model, l)
		res.NextChange = source.Earliest(content.NextChange, now, model.NextChange())
		cache.remember(opts, content, model, resolver, (*l)[mark:], now, res.NextChange)
		stage("model")
	}
	res.Model = model
	res.Pages = render.Kinds(model)

	var th *theme.Theme
	assetURLs := map[string]string{}
	if last != nil && last.theme != nil {
		th, assetURLs = last.theme, last.assets // no layout, i18n or static file changed
	} else {
		before := len(*l)
		th = theme.Load(opts.Root, cfg, render.Funcs(cfg, assetURLs), l)
		if l.Errors() > 0 {
			return fail()
		}
		if !preview {
			maps.Copy(assetURLs, assets.Fingerprint(opts.Root, th.Static))
		}
		if len(*l) == before { // a theme with warnings is loaded again, to warn again
			cache.themed(th, assetURLs)
		}
	}
	res.Theme = th
	stage("theme")
	// Feeds, calendars and the sitemap only read the model, as the layouts
	// do: they are made while the layouts render, which on a rebuild in
	// folio serve takes as long as the rendering itself.
	machineFiles := make(chan [2]map[string][]byte, 1) // all of them, and the sitemaps
	feedsPanic := make(chan *work.Panic, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil { // handed to the build's goroutine, which recovers it
				feedsPanic <- &work.Panic{Value: r, Stack: debug.Stack()}
				machineFiles <- [2]map[string][]byte{nil, nil}
			}
		}()
		if opts.Fault != nil {
			opts.Fault("feeds", "")
		}
		var kept map[string][]byte
		if last != nil {
			kept = last.sitemaps
		}
		files, sitemaps := machineReadable(model, th.Word, assetURLs, kept)
		machineFiles <- [2]map[string][]byte{files, sitemaps}
	}()
	// folio build writes each page as soon as it is rendered, into a staging
	// folder that replaces the destination only if the whole build succeeds:
	// holding every page until the end would double the build's memory.
	minify := opts.Minify || (cfg.Minify && !preview)
	var staging *publish.Stage
	var put func(string, []byte)
	if opts.Destination != "" && cache == nil {
		var err error
		if staging, err = publish.NewStage(opts.Destination, minify); err != nil {
			return res, err
		}
		defer staging.Abort()
		put = staging.Put
		if opts.Fault != nil {
			put = func(p string, b []byte) { opts.Fault("write", p); staging.Put(p, b) }
		}
	}
	var edited map[*site.Page]bool // the pages whose text alone changed, in a kept model
	if last != nil {
		edited = map[*site.Page]bool{}
		for _, file := range changed {
			if p := last.modelPages[file]; p != nil { // not a file that is gone
				edited[p] = true
			}
		}
	}
	files, rendered := render.Render(ctx, model, th, opts.Workers, renderCache, edited, put, l)
	res.Rendered = rendered
	stage("render")
	made := <-machineFiles
	select {
	case p := <-feedsPanic:
		panic(p)
	default:
	}
	machine, sitemaps := made[0], made[1]
	stage("feeds") // what of them outlasted the rendering
	if !preview {
		// folio serve leaves search out: the index is made from every page,
		// and an editor's save must show in the browser at once.
		maps.Copy(machine, search.Index(ctx, model, opts.Workers))
	}
	machine["robots.txt"] = feeds.Robots(model)
	stage("search")
	if l.Errors() > 0 || ctx.Err() != nil {
		return fail()
	}

	var out *publish.Site
	if last != nil && last.copies != nil {
		// The same files as the last build's, at the same paths: checked.
		out = &publish.Site{Files: files, Copies: maps.Clone(last.copies), FS: opts.Root}
		maps.Copy(out.Files, machine)
	} else {
		out = outputs.Assemble(outputs.Build{Claimed: claimed, Rendered: files, Generated: machine, Model: model, Static: assets.Paths(th.Static, assetURLs), Content: content, FS: opts.Root}, l)
	}
	if l.Errors() > 0 {
		return fail()
	}
	cache.shaped(out, sitemaps)
	stage("assemble")
	if minify && staging == nil {
		before, after, err := publish.Minify(out)
		if err != nil {
			l.Errorf(diag.Pos{File: opts.Destination}, "%v", err)
			return fail()
		}
		res.Minified.Before, res.Minified.After = before, after
		stage("minify")
	}
	res.Site = out
	l.Sort()
	if opts.Destination == "" {
		return res, nil
	}
	var err error
	if staging != nil {
		res.Written, err = staging.Commit(out, opts.Workers)
		res.Minified.Before, res.Minified.After = staging.Minified()
	} else {
		res.Written, err = publish.Write(out, opts.Destination, opts.Workers)
	}
	stage("write")
	return res, err
}

func describe(file string) string {
	if file == "" {
		return "the site"
	}
	return file
}

func rootDir(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// machineReadable makes the files that programs read: each event's and
// section's calendar, the RSS feeds, and the sitemaps, which it also
// returns alone. words is the theme's text for a key. Sitemaps kept from the last build are used as they are.
func machineReadable(model *site.Site, words func(string) string, assets map[string]string, sitemaps map[string][]byte) (map[string][]byte, map[string][]byte) {
	files := feeds.Calendars(model, words)
	style := "/feed.css"
	if a, ok := assets[style]; ok {
		style = a
	}
	maps.Copy(files, feeds.RSS(model, style, words))
	if sitemaps == nil { // else the URLs and dates they list, all from front matter, are as they were
		sitemaps = feeds.Sitemaps(model)
	}
	maps.Copy(files, sitemaps)
	return files, sitemaps
}

// onlyMarkdown tells whether the changed paths are all Markdown files; nil
// (not known) is not.
func onlyMarkdown(changed []string) bool {
	if changed == nil {
		return false
	}
	for _, p := range changed {
		if !strings.HasSuffix(p, ".md") {
			return false
		}
	}
	return true
}
