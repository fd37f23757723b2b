// Package render executes the theme's templates for every output of the
// site model, in parallel, into in-memory files.
package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"sync"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/schema"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/theme"
	"folio.dev/folio/generator/work"
)

// Data is what a layout sees as dot. Its values are fields, not methods:
// a template finds a field by a short scan of the struct, a method only
// after building its signature by reflection, on every evaluation.
type Data struct {
	Site *site.Site
	Page *site.Page
	// The output's fields (site.Output), spelled out: a template looks up
	// a field of an embedded struct with a slow search, on every use.
	Path, Layout string
	Pager        *site.Pager
	Taxonomy     *site.Taxonomy
	Term         *site.Term
	Archive      *site.Archive
	Years        []*site.Archive

	// Content is the page's rendered Markdown, trusted: markup escaped it.
	Content template.HTML
	// TOC is the page's table of contents, trusted like Content.
	TOC template.HTML
	// Permalink is the page's absolute URL (absURL .Page.URL), which a
	// page's head and header show three times.
	Permalink string
	// HeadTitle is what the page's <title> says: its title and the site's
	// ("招生简章 - 协会"), the site's alone for the home page or a page
	// without a title.
	HeadTitle string
	// Description is what the page says of itself to search engines and
	// link previews: its front matter's description, else its summary.
	// Worked out here once, not with two withs in the head of every output.
	Description string
	// TermsKey names the page's terms, in the order of the site's
	// taxonomies, as one string: the key under which the default theme
	// caches partials/terms.html (partialCached), which shows nothing else
	// of the page, so that the pages with the same terms share one
	// rendering.
	TermsKey string
	// Shares are the site paths of the photos that may stand for the page
	// in link previews, best first: its front matter's image, then the
	// first photo of its text, else its issue's cover. A layout takes the
	// first that has copies (photo): a GIF or an icon has none.
	Shares []string
}

// dataFor is what the layout of output o sees. The page's HTML is read
// back here, once an output, where folio build set it aside.
func dataFor(s *site.Site, o site.Output) Data {
	p := o.Page
	return Data{Site: s, Page: p, Path: o.Path, Layout: o.Layout, Pager: o.Pager, Taxonomy: o.Taxonomy, Term: o.Term, Archive: o.Archive, Years: o.Years,
		Permalink: s.Config.AbsURL(p.URL), HeadTitle: headTitle(s, p), Content: template.HTML(p.HTML()), TOC: template.HTML(p.TOC), Description: description(p), TermsKey: termsKey(s, p), Shares: shares(p)}
}

func headTitle(s *site.Site, p *site.Page) string {
	if t := p.Title(); t != "" && p.Kind != source.KindHome {
		return t + " - " + s.Config.Title
	}
	return s.Config.Title
}

func description(p *site.Page) string {
	if p.FM.Description != "" {
		return p.FM.Description
	}
	return p.Summary
}

func termsKey(s *site.Site, p *site.Page) string {
	if len(p.Terms) == 0 {
		return ""
	}
	var b strings.Builder
	for _, tax := range s.Taxonomies {
		for _, t := range p.Terms[tax.Name] {
			b.WriteString(t.URL)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func shares(p *site.Page) []string {
	var shares []string
	if p.FM.Image != "" {
		shares = append(shares, p.ResourceURL(p.FM.Image))
	}
	switch {
	case p.Photo != "":
		shares = append(shares, p.Photo)
	case p.Issue != nil && p.Issue.Cover != "":
		shares = append(shares, p.Issue.Cover)
	}
	return shares
}

// Funcs are the template functions of every layout. The theme adds T.
// assets maps a static file's path to its fingerprinted one
// (/css/style.css -> /css/style.1a2b3c4d5e.css), which asset writes.
func Funcs(cfg *config.Config, assets map[string]string) template.FuncMap {
	return template.FuncMap{
		"relURL": cfg.RelURL,
		// photo is the picture of a photo of content/ (by its site path) in
		// a slot w CSS pixels wide; nil here, where no photos are planned
		// (the generator gives the build's: generator/photos.go).
		"photo": func(string, int) *markup.Picture { return nil },
		"asset": func(u string) string {
			if a, ok := assets[u]; ok {
				u = a
			}
			return cfg.RelURL(u)
		},
		"absURL": cfg.AbsURL,
		// absURI is absURL percent-encoded, for an address in an attribute
		// that is not a link (og:image's content), which html/template
		// does not encode: WeChat's share card loses a picture whose
		// address has a space or Chinese.
		"absURI": cfg.AbsURI,
		"date":   func(t time.Time) string { return FormatDate(t.In(cfg.Location), cfg.LanguageCode) },
		// when shows a front matter date with its time of day, if it has one.
		"when": func(t schema.Time) string {
			s := FormatDate(t.In(cfg.Location), cfg.LanguageCode)
			if !t.DateOnly() {
				s += t.In(cfg.Location).Format(" 15:04")
			}
			return s
		},
		"jsonLD":   func(p *site.Page) template.JS { return jsonLD(cfg, p) },
		"citation": func(p *site.Page) string { return Citation(cfg, p) },
		"highwire": func(p *site.Page) []Meta { return Highwire(cfg, p) },
		"size":     FormatSize,
		"dates":    func(e *site.Event) string { return FormatRange(e.Start, e.End, e.AllDay, cfg.LanguageCode) },
		"isoDate": func(t time.Time) string {
			return t.In(cfg.Location).Format(time.RFC3339)
		},
		"inSection": site.InSection,
		// currentMenu names the menu items a page is in: the key that
		// tells apart the few different headers of a site (partialCached).
		"currentMenu": func(menu []site.MenuItem, pageURL string) string {
			var in []string
			for _, item := range menu {
				if site.InSection(pageURL, item.URL) {
					in = append(in, item.URL)
				}
			}
			return strings.Join(in, " ")
		},
		"isLeaf":  func(p *site.Page) bool { return !p.Branch },
		"kindIs":  func(p *site.Page, k string) bool { return string(p.Kind) == k },
		"list":    func(xs ...string) []string { return xs },
		"replace": strings.ReplaceAll,
	}
}

// aliasPage is the page left at an old address: it sends the reader (and
// search engines, by the canonical link) to the page's URL.
const aliasPage = `<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.URL}}</title><link rel="canonical" href="{{.URL}}"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={{.URL}}"></head><body><p><a href="{{.URL}}">{{.URL}}</a></p></body></html>
`

// Render executes the layouts for all outputs with the given number of
// workers and returns the files by path below the site root, and how many
// it rendered. With a cache, a build of a model derived from the cache's
// last one by a text edit takes the outputs that cannot show the edited
// text from the cache; edit is nil for any other build.
// With put, each output is handed to put as soon as it is rendered and not
// kept: its path maps to nil.
func Render(ctx context.Context, s *site.Site, th *theme.Theme, workers int, cache *Cache, edit *Edit, put func(path string, body []byte), l *diag.List) (map[string][]byte, int) {
	outs := s.Outputs
	bodies := make([][]byte, len(outs))
	errs := make([]error, len(outs))
	kept := cache.reusable(s, th, edit)
	var todo []int
	for i := range outs {
		if kept != nil && kept[i] != nil {
			bodies[i] = kept[i]
			continue
		}
		todo = append(todo, i)
	}
	checkLayouts(s, th, l)
	th.StartBuild()
	alias := template.Must(template.New("alias").Parse(aliasPage))
	sent := make([]bool, len(outs)) // put, not kept
	var buffers sync.Pool           // for outputs that are put
	work.Named(ctx, len(todo), workers, func(k int) string { return madeFrom(outs[todo[k]]) }, func(k int) {
		i := todo[k]
		if put == nil {
			var buf bytes.Buffer
			if errs[i] = execute(&buf, s, th, alias, outs[i]); errs[i] == nil {
				bodies[i] = buf.Bytes()
			}
			return
		}
		buf, _ := buffers.Get().(*bytes.Buffer)
		if buf == nil {
			buf = new(bytes.Buffer)
		}
		buf.Reset()
		if errs[i] = execute(buf, s, th, alias, outs[i]); errs[i] == nil {
			put(outs[i].Path, buf.Bytes())
			sent[i] = true
		}
		buffers.Put(buf)
	})
	reportTemplateErrors(outs, errs, th, l)
	for _, m := range th.Mismatches() {
		l.Add(m.Pos, diag.ThemePartialCachedDiffers, m.Partial, m.Key, m.FreshFor, m.CachedFor, m.Cached, m.Fresh)
	}
	for _, key := range th.Missing() {
		hint, file := th.Suggest(key)
		l.Add(diag.Pos{File: th.Dir + "/i18n"}, diag.ThemeMissingT, key, hint, file)
	}
	files := make(map[string][]byte, len(outs))
	for i, o := range outs { // two outputs of one path: outputs.Assemble reports them
		if bodies[i] != nil || sent[i] {
			files[o.Path] = bodies[i]
		}
	}
	cache.store(s, th, bodies, kept != nil)
	return files, len(todo)
}

// checkLayouts reports a layout chosen in front matter that the theme (and
// the site's layouts/) does not have: it would be passed over without a
// word, for the page's usual layout.
func checkLayouts(s *site.Site, th *theme.Theme, l *diag.List) {
	var have []string
	for _, p := range s.Pages {
		name := p.FM.Layout
		if name == "" || p.File == "" {
			continue
		}
		if have == nil {
			have = th.Layouts()
		}
		if slices.Contains(have, name) {
			continue
		}
		l.Add(source.KeyPos(p.Page, "layout"), diag.FMLayoutUnknown, name, diag.DidYouMean(schema.Nearest(name, have)), have)
	}
}

// reportTemplateErrors reports each distinct template error once, at its
// layout's file and line, with how many outputs it broke: a mistake in a
// layout breaks every page that uses it.
func reportTemplateErrors(outs []site.Output, errs []error, th *theme.Theme, l *diag.List) {
	type failure struct {
		pos   diag.Pos
		msg   any // the error, in the editor's language when it is folio's
		first string
		count int
	}
	var order []string
	seen := map[string]*failure{}
	for i, err := range errs {
		if err == nil {
			continue
		}
		pos, msg := th.ErrorPos(err)
		key := pos.String() + fmt.Sprint(msg)
		if f, ok := seen[key]; ok {
			f.count++
			continue
		}
		seen[key] = &failure{pos: pos, msg: msg, first: outs[i].Path, count: 1}
		order = append(order, key)
	}
	for _, key := range order {
		f := seen[key]
		if f.count > 1 {
			l.Add(f.pos, diag.ThemeExec, f.msg, f.first, f.count-1)
		} else {
			l.Add(f.pos, diag.ThemeTemplateFailed, f.msg, f.first)
		}
	}
}

// madeFrom names what an output is made from, for an internal error: its
// page's file if it is the page itself, else its path (a list's second
// page, the 404 page, an alias).
func madeFrom(o site.Output) string {
	if o.Page.File != "" && o.Layout != "alias" && o.Path == strings.TrimPrefix(o.Page.URL, "/")+"index.html" {
		return o.Page.File
	}
	return o.Path
}

func execute(buf *bytes.Buffer, s *site.Site, th *theme.Theme, alias *template.Template, o site.Output) error {
	if o.Layout == "alias" {
		return alias.Execute(buf, struct{ Lang, URL string }{s.Config.LanguageCode, s.Config.RelURL(o.RedirectTo)})
	}
	set := layoutFor(th, o)
	if set == nil {
		fallback := fallbackLayout(o)
		if fallback == "" || fallback == o.Layout {
			return diag.Msg(diag.ThemeNoLayout, o.Layout)
		}
		return diag.Msg(diag.ThemeNoLayouts, o.Layout, fallback)
	}
	return set.ExecuteTemplate(buf, "baseof.html", dataFor(s, o))
}

// layoutFor is the layout set that renders an output, nil for an alias
// page (a fixed template) or when the theme has none.
func layoutFor(th *theme.Theme, o site.Output) *template.Template {
	if o.Layout == "alias" {
		return nil
	}
	return th.Lookup(o.Page.FM.Layout, o.Layout, fallbackLayout(o))
}

// LayoutFile is the file of the layout that renders an output, "" for an
// alias page or when the theme has none.
func LayoutFile(th *theme.Theme, o site.Output) string {
	if o.Layout == "alias" {
		return ""
	}
	return th.LayoutFile(o.Page.FM.Layout, o.Layout, fallbackLayout(o))
}

func fallbackLayout(o site.Output) string {
	switch {
	case o.Layout == "404":
		return ""
	case o.Pager != nil:
		return "list"
	}
	return "single"
}

// Kinds counts pages by kind, for the build's summary line.
func Kinds(s *site.Site) map[source.Kind]int {
	n := map[source.Kind]int{}
	for _, p := range s.Pages {
		n[p.Kind]++
	}
	return n
}
