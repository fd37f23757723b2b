// Package generator builds a site: it runs the stages in order, config ->
// source -> markup -> site -> theme/render -> publish, and nothing else.
package generator

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/feeds"
	"folio.dev/folio/generator/photos"
	"folio.dev/folio/generator/publish"
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
	// would overwrite the project and to keep processed photos in its
	// .folio-cache/images (read back through Root); "" when Root is not on
	// disk (photos are then processed in memory, every build).
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
	// CheckPartials renders every partialCached call uncached as well and
	// warns where the two differ (folio check; the tests).
	CheckPartials bool
	// KeepGoing renders and assembles the site even when its content has
	// errors, so that folio check can look at its links as well and say
	// every problem in one run: Result.Site and Model are then set, and
	// the error still wraps ErrContent. Only for a build in memory
	// without a Preview: a build with errors never writes a destination.
	KeepGoing bool
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
	// Lang is the language of the site's editors (its languageCode), in
	// which to print Diagnostics unless told otherwise (--lang).
	Lang diag.Lang
	// Site is the built site in memory. A build that wrote to Destination
	// without a Cache wrote its pages as they were rendered: their paths
	// are in Site.Files, with nil bytes.
	Site *publish.Site
	// Model is the site model the pages were rendered from. Its pages'
	// Text is empty: the search index has it apart. A build that wrote to
	// Destination without a Cache let go of each page's HTML once it was
	// rendered, when the layouts show only their own page's (render.Render).
	Model *site.Site
	// Theme is the theme they were rendered with.
	Theme *theme.Theme
	// Unpublished says why the pages this build left out are not in the
	// site, keyed by the URL each would have: folio check's words for a
	// link by address to one.
	Unpublished map[string]diag.Message
	// Pages counts content pages by kind.
	Pages map[source.Kind]int
	// Written says what was written to Destination: files of the site,
	// files written anew (the others kept, with their times), bytes.
	Written publish.Stats
	// Photos says how many photos the build published and how many it
	// processed (the others were in the cache).
	Photos photos.Stats
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
// destination); nothing was read or written. Why is a diag.Message when
// folio can say it in the editor's language.
type UsageError struct{ Why error }

func (e *UsageError) Error() string { return e.Why.Error() }

func (e *UsageError) Unwrap() error { return e.Why }

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
	res.Diagnostics.Add(diag.Pos{File: describe(b.File)}, diag.InternalBug, fmt.Sprint(b.Value))
	res.Diagnostics.Sort()
	return errors.Join(ErrInternal, res.Diagnostics.Err())
}

// stages are a build's steps, in order; each is a method of builder
// (stages.go), and a stage that returns an error ends the build.
var stages = []struct {
	name string
	run  func(*builder) error
}{
	{"config", (*builder).loadConfig}, // config.toml
	{"model", (*builder).buildModel},  // content/ read, its Markdown converted, the model built (or derived, for a text edit)
	{"photos", (*builder).makePhotos}, // photos cleaned and resized, or taken from the cache (photos.go)
	{"theme", (*builder).loadTheme},   // layouts, i18n strings, static files
	{"search", (*builder).index},      // the search index, the only reader of the pages' texts, which it lets go of
	{"render", (*builder).render},     // every output, and meanwhile the feeds, calendars and sitemaps; robots.txt
	{"assemble", (*builder).assemble}, // rendered, generated and copied files: one site, every path claimed once
	{"minify", (*builder).minify},
	{"write", (*builder).write}, // into a staging folder swapped in whole, or kept in memory
}

func build(ctx context.Context, opts Options, res *Result) (*Result, error) {
	b, err := start(ctx, opts, res)
	if err != nil {
		return res, err
	}
	defer b.abort()
	return res, b.run("")
}

// run runs the stages in order, up to and including the one named upTo
// ("" for all).
func (b *builder) run(upTo string) error {
	for _, stage := range stages {
		if err := stage.run(b); err != nil {
			return err
		}
		if stage.name == upTo {
			break
		}
	}
	return nil
}

// describe names a file for a message, or the site for none.
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

// destinationPos is the destination as a diagnostic's position: relative
// to the site's folder like every other position ("public" for folio build
// -s site) when it is inside it, else its absolute path, which reads the
// same from any folder.
func destinationPos(opts Options) diag.Pos {
	dest, err := filepath.Abs(opts.Destination)
	if err != nil {
		return diag.Pos{File: opts.Destination}
	}
	if root, err := filepath.Abs(rootDir(opts.RootDir)); err == nil {
		if rel, err := filepath.Rel(root, dest); err == nil && filepath.IsLocal(rel) {
			return diag.Pos{File: filepath.ToSlash(rel)}
		}
	}
	return diag.Pos{File: dest}
}

// machineReadable makes the files that programs read: each event's and
// section's calendar, the RSS feeds, and the sitemaps. words is the
// theme's text for a key. After a text edit, kept holds the last build's
// files and edited tells the pages whose text changed: only the feeds and
// calendars that show one are made again. The sitemaps list URLs and
// dates, all from front matter, and are kept as they were.
func machineReadable(model *site.Site, words func(string) string, assets map[string]string, kept map[string][]byte, edited func(*site.Page) bool) map[string][]byte {
	files := maps.Clone(kept)
	if files == nil {
		files = feeds.Sitemaps(model)
	}
	maps.Copy(files, feeds.Calendars(model, words, edited))
	style := "/feed.css"
	if a, ok := assets[style]; ok {
		style = a
	}
	maps.Copy(files, feeds.RSS(model, style, words, edited))
	return files
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
