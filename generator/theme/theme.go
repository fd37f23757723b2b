// Package theme loads a theme: its layouts (html/template), partials, i18n
// strings and static files. A site's own layouts/ and static/ override the
// theme's file by file.
//
// Layout lookup, for an output whose layout is L (the page's kind, or list,
// taxonomy, term, 404, alias) and whose front matter may name a layout F:
//
//	layouts/F.html   (site, then theme)   only when front matter sets layout
//	layouts/L.html   (site, then theme)
//	layouts/single.html or layouts/list.html (site, then theme)
//
// Every layout is parsed together with layouts/baseof.html, which it fills
// by defining "main" (and optionally "title" and "head"), and with every
// layouts/partials/*.html, called as {{template "partials/name.html" .}}.
// A partial whose output depends on one value only (a list item on its
// page, the footer on nothing) can be called as {{partialCached
// "partials/name.html" . KEY}} in a page's body: it is rendered once per
// build, layout and KEY, and reused on every page that asks for it again,
// as Hugo's partialCached. Layouts that define the partial, and all it
// calls, alike share its outputs (sharing.go).
package theme

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
)

// Theme is a loaded theme, ready to render.
type Theme struct {
	// Dir is the theme's folder in the site's file system.
	Dir     string
	layouts map[string]*template.Template
	files   map[string]string            // template name -> file, for messages
	strings map[string]map[string]string // language -> key -> text
	langs   []string                     // the i18n files T reads, in order

	mu      sync.Mutex
	missing map[string]bool // keys T found no text for

	cached partials // what partialCached rendered in this build
	// check, when set, renders every partialCached call uncached too
	// (CheckPartials); callPos is where each partial is called.
	check   *checker
	callPos map[string]diag.Pos

	// Static maps each static file's path in the site's file system to
	// its path below the site root, the site's own overriding the theme's.
	Static map[string]string
}

// Load reads the theme named in cfg, and the site's own layouts/ and static/.
func Load(fsys fs.FS, cfg *config.Config, funcs template.FuncMap, l *diag.List) *Theme {
	dir := path.Join("themes", cfg.Theme)
	t := &Theme{Dir: dir, layouts: map[string]*template.Template{}, strings: map[string]map[string]string{}, Static: map[string]string{}, missing: map[string]bool{}, callPos: map[string]diag.Pos{}}
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		l.Add(config.KeyPos(cfg, "theme"), diag.ConfigThemeMissing, cfg.Theme, dir)
		return t
	}
	files := map[string]string{} // layout name -> file, the site's over the theme's
	for _, root := range []string{path.Join(dir, "layouts"), "layouts"} {
		walkFiles(fsys, root, l, func(p string) {
			if strings.HasSuffix(p, ".html") {
				files[strings.TrimPrefix(p, root+"/")] = p
			}
		})
	}
	static := map[string]string{} // path below the site root -> file
	for _, root := range []string{path.Join(dir, "static"), "static"} {
		walkFiles(fsys, root, l, func(p string) { static[strings.TrimPrefix(p, root+"/")] = p })
	}
	for dst, src := range static {
		t.Static[src] = dst
	}
	t.loadStrings(fsys, dir, l)
	t.langs = languages(cfg.LanguageCode, t.strings)
	funcs = maps.Clone(funcs)
	funcs["T"] = t.T
	funcs["partialCached"] = func(string, any, any) (template.HTML, error) { return "", nil } // bound to each layout's set in parse
	t.files = files
	t.parse(fsys, files, funcs, l)
	return t
}

// languages lists the i18n files to read strings from: the site's language,
// then others of the same language (zh-TW, zh-Hans and zh fall back to
// zh-CN), then English.
func languages(code string, have map[string]map[string]string) []string {
	out := []string{code}
	primary, _, _ := strings.Cut(code, "-")
	var same []string
	for lang := range have {
		if p, _, _ := strings.Cut(lang, "-"); p == primary && lang != code {
			same = append(same, lang)
		}
	}
	sort.Strings(same)
	return append(append(out, same...), "en")
}

// File returns the file a template name was read from ("single.html" ->
// "themes/default/layouts/single.html").
func (t *Theme) File(name string) string {
	if f, ok := t.files[name]; ok {
		return f
	}
	return path.Join(t.Dir, "layouts", name)
}

// ErrorPos finds where in a layout a template error is. The template
// packages say it only at the start of their messages ("template:
// single.html:5:15: ..." and "html/template:home.html:2:5: ..."); the
// fields of html/template.Error name the outermost template instead.
//
// The detail is the error's diag.Message when it is one (folio's own, in
// the editor's language), else Go's words for it.
func (t *Theme) ErrorPos(err error) (pos diag.Pos, detail any) {
	var m diag.Message
	if errors.As(err, &m) {
		return diag.Pos{File: path.Join(t.Dir, "layouts")}, m
	}
	msg := err.Error()
	if _, inner, ok := strings.Cut(msg, "error calling partialCached: "); ok {
		msg = inner // where in the partial, not where it was called
	}
	rest, ok := strings.CutPrefix(msg, "template: ")
	if !ok {
		rest, ok = strings.CutPrefix(msg, "html/template:")
	}
	where, text, found := strings.Cut(rest, ": ")
	if !ok || !found {
		return diag.Pos{File: path.Join(t.Dir, "layouts")}, msg
	}
	parts := strings.Split(where, ":")
	pos = diag.Pos{File: t.File(parts[0])}
	if len(parts) > 1 {
		pos.Line, _ = strconv.Atoi(parts[1])
	}
	if len(parts) > 2 {
		pos.Col, _ = strconv.Atoi(parts[2])
	}
	return pos, text
}

// Suggest says how to fix a T key no i18n file has: the nearest key that
// exists, if one is near, and the i18n file to add it to.
func (t *Theme) Suggest(key string) (hint diag.Message, file string) {
	var keys []string
	for _, lang := range t.langs {
		for k := range t.strings[lang] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return diag.DidYouMean(schema.Nearest(key, keys)), "i18n/" + t.langs[0] + ".toml"
}

// Missing returns the keys T was asked for and had no text for, sorted.
func (t *Theme) Missing() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	for k := range t.missing {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// walkFiles calls fn for each file below root, and warns of symbolic
// links, which it does not follow.
func walkFiles(fsys fs.FS, root string, l *diag.List, fn func(p string)) {
	_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			l.Add(diag.Pos{File: p}, diag.ThemeSymlink)
		}
		if d.Type().IsRegular() {
			fn(p)
		}
		return nil
	})
}

// parse builds one template set per layout: base + partials + the layout.
func (t *Theme) parse(fsys fs.FS, files map[string]string, funcs template.FuncMap, l *diag.List) {
	if _, ok := files["baseof.html"]; !ok {
		l.Add(diag.Pos{File: path.Join(t.Dir, "layouts", "baseof.html")}, diag.ThemeNoBaseof)
		return
	}
	read := func(name string) (string, bool) {
		b, err := fs.ReadFile(fsys, files[name])
		if err != nil {
			l.Add(diag.Pos{File: t.Dir + "/layouts/" + name}, diag.ThemeUnreadable, err)
			return "", false
		}
		t.findCalls(files[name], string(b))
		return string(b), true
	}
	baseSrc, ok := read("baseof.html")
	if !ok {
		return
	}
	base, err := template.New("baseof.html").Funcs(funcs).Parse(baseSrc)
	if err != nil {
		pos, msg := t.ErrorPos(err)
		l.Add(pos, diag.ThemeSyntax, msg)
		return
	}
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasPrefix(name, "partials/") {
			src, ok := read(name)
			if !ok {
				continue
			}
			if _, err := base.New(name).Parse(src); err != nil {
				pos, msg := t.ErrorPos(err)
				l.Add(pos, diag.ThemeSyntax, msg)
			}
		}
	}
	defs := definitions{}
	for _, name := range names {
		if name == "baseof.html" || strings.Contains(name, "/") {
			continue
		}
		src, ok := read(name)
		if !ok {
			continue
		}
		set, err := base.Clone()
		if err == nil {
			_, err = set.New(name).Parse(src)
		}
		if err != nil {
			pos, msg := t.ErrorPos(err)
			l.Add(pos, diag.ThemeSyntax, msg)
			continue
		}
		// partialCached renders in the set of the layout that calls it, as
		// {{template}} does: a layout may redefine what a partial calls.
		fromSite := func(file string) bool { return !strings.HasPrefix(files[file], t.Dir+"/") }
		set.Funcs(template.FuncMap{"partialCached": t.partialCached(set, defs.of(set, fromSite))})
		t.layouts[strings.TrimSuffix(name, ".html")] = set
	}
}

// Lookup returns the template set for an output, following the table in
// the package comment, or nil when the theme has none.
func (t *Theme) Lookup(frontMatterLayout, layout, fallback string) *template.Template {
	set, _ := t.lookup(frontMatterLayout, layout, fallback)
	return set
}

// LayoutFile is the file of the layout Lookup finds, the site's own
// (layouts/post.html) or the theme's; "" when there is none.
func (t *Theme) LayoutFile(frontMatterLayout, layout, fallback string) string {
	_, name := t.lookup(frontMatterLayout, layout, fallback)
	if name == "" {
		return ""
	}
	return t.File(name + ".html")
}

func (t *Theme) lookup(frontMatterLayout, layout, fallback string) (*template.Template, string) {
	for _, name := range []string{frontMatterLayout, layout, fallback} {
		if name == "" {
			continue
		}
		if set := t.layouts[name]; set != nil {
			return set, name
		}
	}
	return nil, ""
}

// Layouts lists the names of the layouts front matter can choose (layout
// = "single"), the site's and the theme's, sorted: every layout file but
// baseof.html and the partials, whether or not it parsed (a layout that
// did not is reported already).
func (t *Theme) Layouts() []string {
	var out []string
	for name := range t.files {
		if name != "baseof.html" && !strings.Contains(name, "/") {
			out = append(out, strings.TrimSuffix(name, ".html"))
		}
	}
	sort.Strings(out)
	return out
}

// Files lists the files of every layout and partial, sorted.
func (t *Theme) Files() []string {
	return slices.Sorted(maps.Values(t.files))
}

// loadStrings reads i18n/<lang>.toml files of the theme, then of the site.
func (t *Theme) loadStrings(fsys fs.FS, dir string, l *diag.List) {
	for _, root := range []string{path.Join(dir, "i18n"), "i18n"} {
		walkFiles(fsys, root, l, func(p string) {
			if !strings.HasSuffix(p, ".toml") {
				return
			}
			src, err := fs.ReadFile(fsys, p)
			if err != nil {
				l.Add(diag.Pos{File: p}, diag.FileUnreadable, err)
				return
			}
			var m map[string]string
			if _, err := toml.Decode(string(src), &m); err != nil {
				pos := diag.Pos{File: p}
				var pe toml.ParseError
				if errors.As(err, &pe) {
					pos = diag.At(p, src, schema.ErrorOffset(src, pe))
				}
				l.Add(pos, diag.ThemeI18nSyntax, err)
				return
			}
			lang := strings.TrimSuffix(path.Base(p), ".toml")
			if t.strings[lang] == nil {
				t.strings[lang] = map[string]string{}
			}
			for k, v := range m {
				t.strings[lang][k] = v
			}
		})
	}
}

// T returns the text for key in the site's language, or in the languages
// it falls back to. A key with no text anywhere is recorded (Missing), and
// shows as itself.
func (t *Theme) T(key string) string {
	if s, ok := t.text(key); ok {
		return s
	}
	t.mu.Lock()
	t.missing[key] = true
	t.mu.Unlock()
	return key
}

// Word is T for Go code, not layouts (a feed's "已取消"): a key with no
// text shows as itself, and is not a layout's mistake to report.
func (t *Theme) Word(key string) string {
	if s, ok := t.text(key); ok {
		return s
	}
	return key
}

func (t *Theme) text(key string) (string, bool) {
	for _, lang := range t.langs {
		if s, ok := t.strings[lang][key]; ok {
			return s, true
		}
	}
	return "", false
}

type cacheKey struct {
	def  int // which definition of the partial (sharing.go)
	name string
	key  any
}

// partials are the outputs of partialCached in one build, by definition
// and key (the definition tells the name). A map under a lock: a
// sync.Map, hashing the name and the key's interface in a trie, cost more
// than the lock on the few cores a build has, at twenty lookups an output.
type partials struct {
	mu sync.RWMutex
	m  map[partialKey]template.HTML
}

type partialKey struct {
	def int
	key any
}

func (p *partials) load(k cacheKey) (template.HTML, bool) {
	p.mu.RLock()
	html, ok := p.m[partialKey{k.def, k.key}]
	p.mu.RUnlock()
	return html, ok
}

// loadOrStore keeps html for k unless a worker kept one first, and
// returns the one kept, and whether it was there already.
func (p *partials) loadOrStore(k cacheKey, html template.HTML) (template.HTML, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if had, ok := p.m[partialKey{k.def, k.key}]; ok {
		return had, true
	}
	if p.m == nil {
		p.m = map[partialKey]template.HTML{}
	}
	p.m[partialKey{k.def, k.key}] = html
	return html, false
}

func (p *partials) clear() {
	p.mu.Lock()
	p.m = nil
	p.mu.Unlock()
}

// partialCached returns the layout set's partialCached: it renders a
// partial as {{template}} does in the page's body, once per build, key and
// definition of the partial (defs: a list item is the same in a list and
// in an archive); the data of the first call is the one used.
func (t *Theme) partialCached(set *template.Template, defs map[string]int) func(name string, data, key any) (template.HTML, error) {
	return func(name string, data, key any) (template.HTML, error) {
		if key != nil && !reflect.TypeOf(key).Comparable() {
			return "", fmt.Errorf("partialCached %s: the key must be a page, a string or a number, not %T", name, key)
		}
		k := cacheKey{defs[name], name, key}
		if k.def == 0 { // the site's own, or unknown: rendered every time (sharing.go)
			var b strings.Builder
			err := set.ExecuteTemplate(&b, name, data)
			return template.HTML(b.String()), err
		}
		if html, ok := t.cached.load(k); ok {
			if c := t.check; c != nil {
				return html, c.compare(set, k, html, data, false)
			}
			return html, nil
		}
		var b strings.Builder
		if err := set.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		// Kept to the end of the build: without the builder's spare room
		// (a third of it, for 100,000 pages' list items).
		html, loaded := t.cached.loadOrStore(k, template.HTML(strings.Clone(b.String())))
		if c := t.check; c != nil {
			return html, c.compare(set, k, html, data, !loaded)
		}
		return html, nil
	}
}

// StartBuild forgets what partialCached rendered: a theme kept for the
// next build (folio serve) renders changed pages.
func (t *Theme) StartBuild() {
	t.cached.clear()
	if t.check != nil {
		t.check = &checker{made: map[cacheKey]string{}, found: map[cacheKey]Mismatch{}, callPos: t.callPos}
	}
}
