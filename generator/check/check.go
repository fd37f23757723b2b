// Package check finds what a build does not stop for but readers would
// trip on: links and images that lead nowhere inside the site, links to a
// #part a page does not have, and, when asked, external links that fail.
package check

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/theme"
)

// idAttr finds the ids of a page: the targets of its #links. Pages are
// html/template and goldmark output, which always quote with ".
var idAttr = regexp.MustCompile(` id="([^"]+)"`)

// urlAttr finds the links and images of a page.
var urlAttr = regexp.MustCompile(` (?:href|src)="([^"]*)"`)

// Checker checks the links of one built site.
type Checker struct {
	site     *publish.Site
	model    *site.Site
	theme    *theme.Theme // the layouts the pages were rendered with
	basePath string
	// unpublished says why a page is not in the site, by its output file
	unpublished map[string]diag.Message

	mu  sync.Mutex
	ids map[string]map[string]bool // output path -> its ids
}

// New prepares a checker for a built site, its model and theme;
// unpublished says why the pages the build left out are not there, by
// their URLs (generator.Result.Unpublished).
func New(s *publish.Site, model *site.Site, th *theme.Theme, unpublished map[string]diag.Message) *Checker {
	c := &Checker{site: s, model: model, theme: th, basePath: model.Config.BasePath(), ids: map[string]map[string]bool{}, unpublished: map[string]diag.Message{}}
	for u, why := range unpublished {
		c.unpublished[c.file(u)] = why
	}
	return c
}

// Internal reports every link and image of the content whose target is
// inside the site but is not there, or lacks the #part linked to; and, once
// for each, those that the layouts make.
//
// A link the build already reported an error at (L01: a file that is not
// there) is not reported again: folio check looks at a site built in
// spite of its errors, to report every problem in one run.
func (c *Checker) Internal(l *diag.List) {
	said := map[diag.Pos]bool{}
	for _, d := range *l {
		if d.Severity == diag.Error {
			said[d.Pos] = true
		}
	}
	for _, p := range c.model.Pages {
		for _, link := range markup.LinksOf(&p.Result) {
			if said[link.Pos] {
				continue
			}
			if problem, bad := c.target(p.URL, link.URL); bad {
				switch {
				case problem.Code != diag.WhyNoPageInSite:
				case isFile(link.URL):
					problem = diag.Msg(diag.WhyNoFileInSite) // a picture or attachment: where files go
				case strings.HasPrefix(link.URL, "/"):
					problem = diag.Msg(diag.WhyNoPageLinkFile) // an address typed in the text: a file's link cannot break so
				}
				l.Add(link.Pos, diag.LinkBrokenInSite, link.URL, problem)
			}
		}
	}
	// Links the layouts make: report each broken one once, with a page
	// that has it, at the layout that writes it.
	type brokenLink struct {
		problem diag.Message
		out     site.Output
	}
	broken := map[string]brokenLink{}
	for _, o := range c.model.Outputs {
		if o.Layout == "alias" {
			continue
		}
		html := string(c.site.Files[o.Path])
		for _, m := range urlAttr.FindAllStringSubmatch(html, -1) {
			u := strings.ReplaceAll(m[1], "&amp;", "&")
			if _, seen := broken[u]; seen || c.inContent(o, u) {
				continue
			}
			if problem, bad := c.target(o.Page.URL, u); bad {
				broken[u] = brokenLink{problem, o}
			}
		}
	}
	for _, u := range slices.Sorted(maps.Keys(broken)) {
		if c.inMenu(u, broken[u].problem, l) {
			continue
		}
		l.Add(c.layoutPos(broken[u].out, u), diag.ThemeLinkBroken, broken[u].out.Path, u, broken[u].problem)
	}
}

// inMenu reports a broken link of the layouts that is an item of the
// site's menu at that item in config.toml, where the editor fixes it, not
// at the layout that writes every item; it tells whether u was one.
func (c *Checker) inMenu(u string, problem diag.Message, l *diag.List) bool {
	cfg := c.model.Config
	for i, item := range cfg.Menu.Main {
		if cfg.RelURL(item.URL) != u && item.URL != u {
			continue
		}
		if problem.Code == diag.WhyNoPageInSite {
			problem = diag.Msg(diag.WhyNoPageForMenu)
		}
		name := item.Name
		if i := slices.IndexFunc(c.model.Menu, func(m site.MenuItem) bool { return m.URL == item.URL }); name == "" && i >= 0 {
			name = c.model.Menu[i].Name // the journal's item is named by the model
		}
		l.Add(config.KeyPos(cfg, fmt.Sprintf("menu.main[%d].url", i)), diag.ConfigMenuLink, name, item.URL, problem)
		return true
	}
	return false
}

// layoutPos finds where a layout writes a link: the first place the URL
// is written as it is (or without the site's base path) in the layout
// that rendered the page, else in another layout or partial; else the
// layout that rendered the page, the site's own or the theme's.
func (c *Checker) layoutPos(o site.Output, u string) diag.Pos {
	if c.theme == nil {
		return diag.Pos{File: "themes/" + c.model.Config.Theme + "/layouts"}
	}
	rendering := render.LayoutFile(c.theme, o)
	needles := []string{u}
	if rest, ok := strings.CutPrefix(u, c.basePath); ok && c.basePath != "/" {
		needles = append(needles, "/"+rest)
	}
	for _, file := range append([]string{rendering}, c.theme.Files()...) {
		src, err := fs.ReadFile(c.site.FS, file)
		if err != nil {
			continue
		}
		for _, n := range needles {
			if i := bytes.Index(src, []byte(n)); i >= 0 {
				return diag.At(file, src, i)
			}
		}
	}
	return diag.Pos{File: rendering}
}

// inContent tells whether a URL of an output came from its page's content,
// which Internal reports with its position instead.
func (c *Checker) inContent(o site.Output, u string) bool {
	for _, link := range markup.LinksOf(&o.Page.Result) {
		if canonical(link.URL) == canonical(u) {
			return true
		}
	}
	return false
}

// canonical writes a URL one way, whether its Chinese, parentheses and
// the like are escaped or not (goldmark writes 合影(3).jpg as
// %E5%90%88%E5%BD%B1(3).jpg): from its unescaped path and fragment.
func canonical(u string) string {
	if p, err := url.Parse(u); err == nil {
		p.RawPath, p.RawFragment = "", ""
		return p.String()
	}
	return u
}

// target checks one link of the page at pageURL: bad with why when it
// leads nowhere; not bad when it is fine, or leads outside the site.
func (c *Checker) target(pageURL, link string) (why diag.Message, bad bool) {
	if link == "" || strings.HasPrefix(link, "mailto:") || strings.HasPrefix(link, "tel:") {
		return why, false
	}
	// The page's URL is a path, not an address: /50%off/ does not parse
	// as one, so it is made a URL by fields, not by url.Parse.
	base := &url.URL{Scheme: "http", Host: "site", Path: c.basePath + strings.TrimPrefix(pageURL, "/")}
	ref, err := url.Parse(link)
	if err != nil {
		// A link the markup resolved to a page is the page's path, as it
		// is (/50%off/ for 50%off.md), which goldmark writes encoded
		// (/50%25off/): read it as a path too.
		p, frag, _ := strings.Cut(link, "#")
		if !strings.HasPrefix(p, "/") {
			return diag.Msg(diag.WhyNotAddress), true
		}
		ref = &url.URL{Path: p, Fragment: frag}
	}
	if ref.Scheme != "" || ref.Host != "" {
		return why, false // external: see External
	}
	abs := base.ResolveReference(ref)
	p, ok := strings.CutPrefix(abs.Path, c.basePath)
	if !ok {
		return diag.Msg(diag.WhyOutsideBase, c.basePath), true
	}
	file := c.file("/" + p)
	switch {
	case c.exists(file):
	case c.exists(file + "/index.html"): // /about for /about/: servers redirect
		file += "/index.html"
	default:
		if why, ok := c.unpublished[file]; ok {
			return why, true
		}
		return diag.Msg(diag.WhyNoPageInSite), true
	}
	if abs.Fragment != "" && strings.HasSuffix(file, ".html") && !c.hasID(file, abs.Fragment) {
		return diag.Msg(diag.WhyNoPart, abs.Fragment), true
	}
	return why, false
}

// file is the output file a site path is served from.
func (c *Checker) file(p string) string {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

func (c *Checker) exists(file string) bool { return c.site.Has(file) }

func (c *Checker) hasID(file, id string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids, ok := c.ids[file]
	if !ok {
		ids = map[string]bool{}
		for _, m := range idAttr.FindAllStringSubmatch(string(c.site.Files[file]), -1) {
			ids[m[1]] = true
		}
		c.ids[file] = ids
	}
	return ids[id]
}

// isFile tells a link to a file (a picture, a PDF), not a page: its path
// ends with an extension but .html's.
func isFile(u string) bool {
	p, _, _ := strings.Cut(u, "#")
	p, _, _ = strings.Cut(p, "?")
	switch ext := strings.ToLower(path.Ext(p)); ext {
	case "", ".html", ".htm":
		return false
	}
	return !strings.HasSuffix(p, "/")
}
