package theme

import (
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"sort"
	"strings"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/shortcode"
)

// Shortcodes are the templates of layouts/shortcodes/NAME.html, the
// site's over the theme's, file by file. They are loaded before the
// Markdown is converted, since the pages' text holds their output: apart
// from the layouts, which need the model.
type Shortcodes struct {
	templates map[string]*template.Template
	inner     map[string]bool // the template reads .Inner: its calls are pairs
	names     []string
	words     *Theme // the i18n strings, for T
}

// LoadShortcodes parses the shortcode templates of the theme named in cfg
// and of the site, each on its own with funcs.
func LoadShortcodes(fsys fs.FS, cfg *config.Config, funcs template.FuncMap, l *diag.List) *Shortcodes {
	dir := path.Join("themes", cfg.Theme)
	s := &Shortcodes{templates: map[string]*template.Template{}, inner: map[string]bool{}}
	files := map[string]string{} // shortcodes/NAME.html -> file, the site's over the theme's
	for _, root := range []string{path.Join(dir, "layouts"), "layouts"} {
		walkFiles(fsys, path.Join(root, "shortcodes"), l, func(p string) {
			if strings.HasSuffix(p, ".html") && !strings.Contains(strings.TrimPrefix(p, root+"/shortcodes/"), "/") {
				files[strings.TrimPrefix(p, root+"/")] = p
			}
		})
	}
	where := &Theme{Dir: dir, files: files} // for ErrorPos
	// T, as layouts have it; Load reports the i18n files' mistakes.
	s.words = &Theme{Dir: dir, strings: map[string]map[string]string{}, missing: map[string]bool{}}
	var quiet diag.List
	s.words.loadStrings(fsys, dir, &quiet)
	s.words.langs = languages(cfg.LanguageCode, s.words.strings)
	funcs = maps.Clone(funcs)
	funcs["T"] = s.t
	for name, file := range files {
		src, err := fs.ReadFile(fsys, file)
		if err != nil {
			l.Add(diag.Pos{File: file}, diag.ThemeShortcodeUnreadable, err)
			continue
		}
		t, err := template.New(name).Funcs(funcs).Parse(string(src))
		if err != nil {
			pos, msg := where.ErrorPos(err)
			l.Add(pos, diag.ThemeSyntax, msg)
			continue
		}
		short := strings.TrimSuffix(strings.TrimPrefix(name, "shortcodes/"), ".html")
		s.templates[short] = t
		s.inner[short] = strings.Contains(string(src), ".Inner")
		s.names = append(s.names, short)
	}
	sort.Strings(s.names)
	return s
}

// Lookup tells whether there is a shortcode name, and whether its
// template reads .Inner.
func (s *Shortcodes) Lookup(name string) (found, inner bool) {
	_, found = s.templates[name]
	return found, s.inner[name]
}

// t is T for shortcodes: a key no i18n file has fails the call, so that
// the page reports it wherever its conversion is kept (a shortcode runs
// when the Markdown is converted, which folio serve does not do again for
// a page that did not change).
func (s *Shortcodes) t(key string) (string, error) {
	if text, ok := s.words.text(key); ok {
		return text, nil
	}
	hint, _ := s.words.Suggest(key)
	return "", diag.Msg(diag.ShortcodeMissingWord, key, hint)
}

// Names lists the shortcodes, sorted.
func (s *Shortcodes) Names() []string { return s.names }

// Execute runs shortcode name's template with dot.
func (s *Shortcodes) Execute(w io.Writer, name string, dot *shortcode.Context) error {
	return s.templates[name].Execute(w, dot)
}
