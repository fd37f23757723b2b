package generator

import (
	"context"
	"errors"
	"maps"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	"folio.dev/folio/generator/assets"
	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/feeds"
	"folio.dev/folio/generator/links"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/outputs"
	"folio.dev/folio/generator/photos"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/search"
	"folio.dev/folio/generator/shortcode"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/spill"
	"folio.dev/folio/generator/theme"
	"folio.dev/folio/generator/work"
)

// builder is one build in progress: what each stage made, for the stages
// after it. Data flows down the fields in the order build calls the
// stages; no stage changes what an earlier one made.
type builder struct {
	ctx     context.Context
	opts    Options
	res     *Result
	l       *diag.List
	started time.Time // of the stage running, for Result.Timings

	cache   *Cache   // folio serve's, or nil
	changed []string // the paths changed since the cache's last build
	preview bool

	cfg       *config.Config
	now       time.Time // the build's time, in the site's zone
	last      *shape    // the last build's shape, derived for a text edit; nil otherwise
	content   *source.Content
	links     *links.Resolver  // between content's pages
	markdown  *markup.Markdown // the converter
	results   []*markup.Result // content's pages converted (not kept for a text edit), without their texts
	texts     *search.Texts    // the pages' texts, gathered for the search index as they convert (not for a preview)
	htmlAside *spill.File      // the pages' HTML, for folio build (writesAsItGoes); nil otherwise
	model     *site.Site
	claimed   *outputs.Table // the model's outputs' paths (nil for a kept model)

	photoSet   *photos.Set              // the photos pages show, planned (photos.go)
	photoFiles map[string][]photos.File // photo -> its published files; nil for one refused
	photoPaths map[string]string        // a photo's site path -> its file

	th        *theme.Theme
	assetURLs map[string]string // a static file's URL -> its fingerprinted one

	lock        *publish.Lock                  // the destination's, held from start to abort
	staging     *publish.Stage                 // folio build's destination, written as pages render
	put         func(path string, body []byte) // into staging; nil without one
	minified    bool
	files       map[string][]byte // rendered
	machine     map[string][]byte // feeds, calendars, sitemaps, search, robots.txt
	searchFiles map[string][]byte
	out         *publish.Site
	// cleaned are content's SVG drawings, sanitized, in out.Files;
	// assembleWarned tells that assembling them had something to say.
	cleaned        map[string][]byte
	assembleWarned bool
}

// start sets the options' defaults and refuses a destination folio must
// not replace.
func start(ctx context.Context, opts Options, res *Result) (*builder, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Destination != "" {
		if err := publish.CheckDestination(opts.Destination, rootDir(opts.RootDir), opts.Protect); err != nil {
			return nil, &UsageError{Why: err}
		}
	}
	b := &builder{ctx: ctx, opts: opts, res: res, l: &res.Diagnostics, started: time.Now(), preview: opts.Preview != nil}
	b.cache, b.changed = opts.Preview.cache()
	return b, nil
}

// lockDestination holds folio build's destination until abort: a second
// build of it would remove this one's staging folder, or swap in a
// half-written one. Taken once the site's language is known, which R19 is
// said in.
func (b *builder) lockDestination() error {
	if b.opts.Destination == "" {
		return nil
	}
	lock, err := publish.LockDestination(b.opts.Destination)
	if errors.Is(err, publish.ErrBusy) {
		b.l.Add(destinationPos(b.opts), diag.FileDestBusy)
		return b.fail()
	}
	b.lock = lock
	return err
}

// stage records how long the stage that just ended took.
func (b *builder) stage(name string) {
	now := time.Now()
	b.res.Timings = append(b.res.Timings, Timing{name, now.Sub(b.started)})
	b.started = now
}

// fail ends the build on the errors reported (or on its context's end).
func (b *builder) fail() error {
	b.l.Sort()
	if err := b.ctx.Err(); err != nil {
		return err
	}
	return errors.Join(ErrContent, b.l.Err())
}

// abort removes the staging folder of a build that did not commit it.
func (b *builder) abort() {
	defer b.lock.Release()
	b.texts.Close()
	b.htmlAside.Close()
	if b.staging != nil {
		b.staging.Abort()
	}
}

func (b *builder) loadConfig() error {
	b.cfg = config.Load(b.opts.Root, "config.toml", b.l)
	b.res.Lang = diag.LangOf(b.cfg.LanguageCode)
	if b.opts.BaseURL != "" {
		if err := config.SetBaseURL(b.cfg, b.opts.BaseURL); err != nil {
			b.l.Add(diag.Pos{File: "--baseURL"}, diag.UsageBaseURL, b.opts.BaseURL)
		}
	}
	b.now = b.opts.Now.In(b.cfg.Location)
	if b.opts.NowLocal {
		u := b.opts.Now
		b.now = time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), b.cfg.Location)
	}
	if b.l.Errors() > 0 {
		return b.fail()
	}
	if err := b.lockDestination(); err != nil {
		return err
	}
	b.stage("config")
	return nil
}

// buildModel reads content/, converts its Markdown and builds the model,
// or, when a save changed only the text of pages, takes the last build's
// with those pages converted again. Errors do not stop it: the later
// stages report theirs too.
func (b *builder) buildModel() error {
	sourceCache, markdownCache, _ := b.cache.parts()
	cfg, opts := b.cfg, b.opts
	md := markup.New(markup.Options{Unsafe: cfg.Markup.Unsafe, SummaryLength: cfg.Markup.SummaryLength, ReadingSpeed: cfg.Markup.ReadingSpeed, BasePath: cfg.BasePath(),
		Shortcodes: b.shortcodes(), Site: &shortcode.Site{Title: cfg.Title, BaseURL: cfg.BaseURL, LanguageCode: cfg.LanguageCode, Params: cfg.Params}})
	b.markdown = md
	mark := len(*b.l) // what reading, converting and modelling report starts here
	if b.last = b.cache.textEdit(opts, b.changed, b.now, md); b.last != nil {
		b.content, b.model = b.last.content, b.last.model
		*b.l = append(*b.l, b.last.diags...)
		b.res.NextChange = b.last.nextChange
		b.stage("edit")
	} else {
		b.content = source.Read(b.ctx, opts.Root, cfg, source.Options{Drafts: opts.Drafts, Future: opts.Future, Now: b.now, Workers: opts.Workers, Cache: sourceCache, Changed: b.changed, ReadLater: b.writesAsItGoes()}, b.l)
		b.stage("read")
		if err := b.ctx.Err(); err != nil {
			return err // what was not read would show as false errors
		}
		b.links = links.New(b.content, opts.Root, cfg.BasePath())
		b.photoSet = photos.NewSet(opts.Root, photos.SettingsOf(cfg.Images))
		b.keepMetadata()
		b.checkImages()
		if opts.RootDir != "" {
			b.photoSet.UseIndex(filepath.Join(opts.RootDir, filepath.FromSlash(photos.CacheDir)))
		}
		b.links.ShowPhotos(b.photoSet)
		if !b.preview {
			b.texts = search.NewTexts(b.content.Pages)
		}
		if b.writesAsItGoes() {
			b.htmlAside = &spill.File{}
		}
		// The results do not hold the texts: only the search index reads
		// them, and the model would hold them to the end of the build.
		// folio build holds no HTML either, but reads each page's back as
		// it is rendered.
		b.results = convert.Pages(b.ctx, md, b.content, b.links, convert.Options{Workers: opts.Workers, Cache: markdownCache, OnlyText: onlyMarkdown(b.changed), Fault: opts.Fault,
			Text: b.texts.Add, Aside: b.htmlAside, Order: b.texts.Order()}, b.l)
		b.stage("markdown")
		if err := b.ctx.Err(); err != nil {
			return err
		}
		b.model = site.Build(cfg, b.content.Pages, b.results, b.now, b.l)
		if b.writesAsItGoes() {
			b.results = nil // the model has them
		}
		b.claimed = outputs.Claim(b.model, b.l)
		b.res.NextChange = source.Earliest(b.content.NextChange, b.now, site.NextChange(b.model))
		b.cache.remember(opts, b.content, b.model, b.links, (*b.l)[mark:], b.now, b.res.NextChange)
		b.stage("model")
	}
	b.res.Model = b.model
	b.res.Pages = render.Kinds(b.model)
	b.res.Unpublished = map[string]diag.Message{}
	for u, file := range b.content.LeftURLs {
		b.res.Unpublished[u] = diag.Msg(diag.WhyUnpublished, file, b.content.Left[file])
	}
	return nil
}

// shortcodes loads the shortcode templates, which the Markdown's
// conversion executes: with the layouts' functions but asset (whose names
// are made after) and partialCached.
func (b *builder) shortcodes() *theme.Shortcodes {
	funcs := render.Funcs(b.cfg, nil)
	delete(funcs, "asset")
	return theme.LoadShortcodes(b.opts.Root, b.cfg, funcs, b.l)
}

func (b *builder) loadTheme() error {
	b.assetURLs = map[string]string{}
	if b.last != nil && b.last.theme != nil {
		b.th, b.assetURLs = b.last.theme, b.last.assets // no layout, i18n or static file changed
	} else {
		before, errs := len(*b.l), b.l.Errors()
		b.th = theme.Load(b.opts.Root, b.cfg, b.withPhotos(render.Funcs(b.cfg, b.assetURLs)), b.l)
		if b.l.Errors() > errs || (errs > 0 && !b.keepsGoing()) {
			return b.fail()
		}
		if !b.preview {
			maps.Copy(b.assetURLs, assets.Fingerprint(b.opts.Root, b.th.Static))
		}
		if len(*b.l) == before { // a theme with warnings is loaded again, to warn again
			b.cache.themed(b.th, b.assetURLs)
		}
	}
	b.th.CheckPartials(b.opts.CheckPartials)
	b.res.Theme = b.th
	b.stage("theme")
	return nil
}

// render executes the layouts for every output. folio build writes each
// page as soon as it is rendered, into a staging folder that replaces the
// destination only if the whole build succeeds: holding every page until
// the end would double the build's memory. Feeds, calendars and sitemaps
// only read the model, as the layouts do: they are made meanwhile, which
// on a rebuild in folio serve takes as long as the rendering itself.
func (b *builder) render() error {
	if err := b.openStaging(); err != nil {
		return err
	}
	machine := make(chan map[string][]byte, 1)
	feedsPanic := make(chan *work.Panic, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil { // handed to the build's goroutine, which recovers it
				feedsPanic <- &work.Panic{Value: r, Stack: debug.Stack()}
				machine <- nil
			}
		}()
		if b.opts.Fault != nil {
			b.opts.Fault("feeds", "")
		}
		var kept map[string][]byte
		var edited func(*site.Page) bool
		if b.last != nil && b.last.machine != nil { // else the build that made the shape stopped before its feeds
			kept, edited = b.last.machine, func(p *site.Page) bool { return b.last.edited[p.File] }
		}
		files := machineReadable(b.model, b.th.Word, b.assetURLs, kept, edited)
		if b.put != nil { // folio build: written now rather than held to the end, as the pages are
			for p, body := range files {
				b.put(p, body)
				files[p] = nil
			}
		}
		machine <- files
	}()
	var edit *render.Edit
	if b.last != nil {
		edit = b.last.renderEdit()
	}
	_, _, renderCache := b.cache.parts()
	before, contentErrors := len(*b.l), b.l.Errors()
	b.files, b.res.Rendered = render.Render(b.ctx, b.model, b.th, b.opts.Workers, renderCache, edit, b.put, b.l)
	if contentErrors > 0 {
		// A build that kept going renders pages whose front matter did not
		// pass: what the layouts then say of them (an i18n string for a
		// status that is not one) is the content's mistake, said already,
		// not the theme's.
		kept := (*b.l)[:before]
		for _, d := range (*b.l)[before:] {
			if d.Kind != diag.KindTheme {
				kept = append(kept, d)
			}
		}
		*b.l = kept
	}
	b.stage("render")
	b.machine = <-machine
	select {
	case p := <-feedsPanic:
		panic(p)
	default:
	}
	b.cache.madeForMachines(b.machine)
	maps.Copy(b.machine, b.searchFiles)
	b.machine["robots.txt"] = feeds.Robots(b.model)
	b.stage("feeds") // what of them outlasted the rendering
	if (b.l.Errors() > 0 && !b.keepsGoing()) || b.ctx.Err() != nil {
		return b.fail()
	}
	return nil
}

// keepsGoing tells a build that goes on after content errors to render
// and assemble what it can (Options.KeepGoing): in memory only.
func (b *builder) keepsGoing() bool {
	return b.opts.KeepGoing && b.opts.Destination == "" && b.cache == nil
}

// writesAsItGoes tells a build that writes its files into a staging folder
// as they are made and keeps nothing for a next build (folio build): one
// that can let go of what it has used.
func (b *builder) writesAsItGoes() bool { return b.opts.Destination != "" && b.cache == nil }

// openStaging starts folio build's staging folder, which the search index
// and the rendered pages are written into as they are made; nothing for a
// build in memory or a preview. It is called by each stage that writes,
// and opens the folder once.
func (b *builder) openStaging() error {
	b.minified = b.opts.Minify || (b.cfg.Minify && !b.preview)
	if b.staging != nil || !b.writesAsItGoes() {
		return nil
	}
	var err error
	if b.staging, err = publish.NewStage(b.opts.Destination, b.minified); err != nil {
		return err
	}
	b.put = b.staging.Put
	if b.opts.Fault != nil {
		b.put = func(p string, body []byte) { b.opts.Fault("write", p); b.staging.Put(p, body) }
	}
	return nil
}

// index makes the search index (not for a preview: it is made from every
// page, and an editor's save must show in the browser at once). It runs
// before the rendering: it is the only reader of the pages' texts, which
// the build then lets go of.
func (b *builder) index() error {
	if !b.preview {
		if err := b.openStaging(); err != nil {
			return err
		}
		b.searchFiles = b.texts.Index(b.ctx, b.model, b.opts.Workers, b.put)
	}
	b.texts = nil
	b.stage("search")
	return nil
}

func (b *builder) assemble() error {
	if b.last != nil && b.last.copies != nil {
		// The same files as the last build's, at the same paths: checked.
		b.out = &publish.Site{Files: b.files, Copies: maps.Clone(b.last.copies), FS: b.opts.Root}
		maps.Copy(b.out.Files, b.machine)
		maps.Copy(b.out.Files, b.last.cleaned)
	} else {
		before := len(*b.l)
		b.out, b.cleaned = outputs.Assemble(outputs.Build{Claimed: b.claimed, Rendered: b.files, Generated: b.machine, Model: b.model, Static: assets.Paths(b.th.Static, b.assetURLs), Content: b.content, FS: b.opts.Root, Unsafe: b.cfg.Markup.Unsafe, Photos: b.photoFiles}, b.l)
		b.assembleWarned = len(*b.l) > before
	}
	if b.l.Errors() > 0 && !b.keepsGoing() {
		return b.fail()
	}
	if !b.assembleWarned { // a drawing that lost something is sanitized again, to warn again
		b.cache.shaped(b.out, b.cleaned)
	}
	b.stage("assemble")
	return nil
}

// minify makes an in-memory site smaller; a staging folder minifies as it
// writes.
func (b *builder) minify() error {
	if !b.minified || b.staging != nil {
		return nil
	}
	before, after, err := publish.Minify(b.out)
	if err != nil {
		b.l.Add(destinationPos(b.opts), diag.FileWriteFailed, err)
		return b.fail()
	}
	b.res.Minified.Before, b.res.Minified.After = before, after
	b.stage("minify")
	return nil
}

func (b *builder) write() error {
	b.res.Site = b.out
	b.l.Sort()
	if b.l.Errors() > 0 { // a build that kept going (KeepGoing) has its site to look at, and fails
		return b.fail()
	}
	if b.opts.Destination == "" {
		return nil
	}
	var err error
	if b.staging != nil {
		b.res.Written, err = b.staging.Commit(b.out, b.opts.Workers)
		b.res.Minified.Before, b.res.Minified.After = b.staging.Minified()
	} else {
		b.res.Written, err = publish.Write(b.out, b.opts.Destination, b.opts.Workers)
	}
	b.stage("write")
	return err
}
