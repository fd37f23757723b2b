// Package wechat turns one built page into what the WeChat official
// account's (公众号) editor takes: an HTML fragment whose every style is
// inline, and the title, summary (摘要) and cover, which the editor asks
// for in fields of their own.
//
// The editor keeps inline styles only, allows links only to
// mp.weixin.qq.com articles, and drops footnotes, in-page anchors and list
// markers. So other links become text with a numbered note, listed at the
// end with the full address; footnotes become notes too; list markers are
// written as text; images point at the published site, which the editor
// fetches them from. What WeChat will lose anyway (an embedded map, a
// video, an SVG drawing) is said in a warning, in Chinese, at its place.
//
// It reads the model and the built site, never the disk (a copied file's
// size comes through the built site's file system).
package wechat

import (
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	xhtml "golang.org/x/net/html"
)

// Article is a page ready for the 公众号 editor.
type Article struct {
	Title   string // the 标题 field
	Summary string // the 摘要 field: at most SummaryMax characters
	Cover   string // the 封面's absolute URL; "" when the page has no picture WeChat takes
	HTML    string // the 正文, to paste
}

// Limits of the 公众号 editor's fields and uploads, as its help pages
// state them.
const (
	TitleMax   = 64       // characters of 标题
	SummaryMax = 120      // characters of 摘要
	ImageMax   = 10 << 20 // bytes of a picture in the 正文 or the cover
)

// Exportable tells whether a page is one that is published twice, on the
// site and the 公众号: a news post or notice, or a journal article.
func Exportable(p *site.Page) bool {
	return !p.Branch && (p.Kind == source.KindPost || p.Kind == source.KindArticle)
}

// Find finds the page a command line names: its content file ("content/
// news/a.md", "news/a.md", a bundle's folder) or its URL path ("/news/
// 2024/06/a/"), or its full address on the site.
func Find(model *site.Site, target string) *site.Page {
	t := strings.Trim(path.Clean("/"+strings.ReplaceAll(target, "\\", "/")), "/")
	if u, err := url.Parse(target); err == nil && u.Scheme != "" && u.Host != "" {
		t = strings.Trim(u.Path, "/")
	} else if u, err := url.PathUnescape(t); err == nil {
		t = u
	}
	for _, p := range model.Pages {
		file := p.File
		switch {
		case t == file, t == strings.TrimPrefix(file, source.ContentDir+"/"),
			p.Bundle && (t == path.Dir(file) || t == strings.TrimPrefix(path.Dir(file), source.ContentDir+"/")),
			t == strings.Trim(p.URL, "/") && p.URL != "/":
			return p
		}
	}
	return nil
}

// Export makes the article of page p of model, whose built files are in
// built. base is the published site's address ("https://www.example.org/"),
// which may differ from the model's (folio serve builds for its own
// address): the 公众号 fetches images from it, and readers follow notes to
// it. What WeChat will lose is warned about in l.
func Export(p *site.Page, model *site.Site, built *publish.Site, base string, l *diag.List) *Article {
	e := &exporter{page: p, model: model, built: built, base: base, l: l, noteOf: map[string]int{}}
	if !strings.HasPrefix(base, "http://") && !strings.HasPrefix(base, "https://") {
		l.Add(config.KeyPos(model.Config, "baseURL"), diag.WeChatBaseURL, base)
	} else if u, err := url.Parse(base); err == nil && placeholder(u.Hostname()) {
		l.Add(config.KeyPos(model.Config, "baseURL"), diag.WeChatBaseURLExample, base)
	}
	if p.Unpublished != "" {
		// An article held back by its issue: the key is in the issue's file.
		held := p.Page
		if (p.Unpublished == "issueDraft" || p.Unpublished == "issueFuture") && p.InIssue != nil {
			held = p.InIssue.Page
		}
		what, key := map[string]string{"draft": "草稿", "future": "定时发布、还未到发布时间", "issueDraft": "草稿", "issueFuture": "定时发布、还未到发布时间"}[p.Unpublished], "draft"
		if p.Unpublished == "future" || p.Unpublished == "issueFuture" {
			key = "date"
			if !held.FM.PublishDate.IsZero() {
				key = "publishDate"
			}
		}
		l.Add(source.KeyPos(held, key), diag.WeChatUnpublished, cmpOr(what, p.Unpublished))
	}
	nodes, footnotes := parse(p.HTML())
	a := &Article{Title: p.Title(), Summary: e.summary(), Cover: e.cover(nodes)}
	if n := utf8.RuneCountInString(a.Title); n > TitleMax {
		l.Add(source.KeyPos(p.Page, "title"), diag.WeChatTitleLong, n, TitleMax)
	}
	a.HTML = e.article(nodes, footnotes)
	return a
}

// exporter holds what one export has found so far.
type exporter struct {
	page  *site.Page
	model *site.Site
	built *publish.Site
	base  string
	l     *diag.List

	notes  []note
	noteOf map[string]int // a link's address or a footnote's id -> its number
}

// note is one entry of the list at the end: a link's text and address, or
// a footnote's text (HTML, already styled).
type note struct {
	text, url string
	footnote  bool
}

// addNote numbers a note, giving a link or footnote met before the number
// it already has.
func (e *exporter) addNote(key string, n note) int {
	if i, ok := e.noteOf[key]; ok {
		return i
	}
	e.notes = append(e.notes, n)
	e.noteOf[key] = len(e.notes)
	return len(e.notes)
}

func (e *exporter) summary() string {
	p := e.page
	s, key := p.FM.Summary, "summary"
	if s == "" {
		s, key = p.FM.Description, "description"
	}
	if s == "" {
		s, key = p.FM.Abstract, "abstract"
	}
	if s == "" {
		s, key = p.Summary, ""
	}
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > SummaryMax {
		if key != "" {
			e.l.Add(source.KeyPos(p.Page, key), diag.WeChatSummaryLong, key, len(r), SummaryMax)
		}
		s = string(r[:SummaryMax-1]) + "…"
	}
	return s
}

// cover is the page's featured image (front matter image: its widest
// copy WeChat takes, else the cleaned original), else its cover (its own,
// or its issue's for a journal article), else its first picture that
// WeChat takes.
func (e *exporter) cover(nodes []*xhtml.Node) string {
	p := e.page
	if name := p.FM.Image; name != "" {
		u := p.ResourceURL(name)
		if url, ok := e.picture(append([]candidate{{url: u}}, e.copiesOf(u)...), diag.Pos{}, true); ok {
			return url
		}
	}
	var candidates []string
	if p.FM.Cover != "" {
		candidates = append(candidates, p.FM.Cover)
	}
	if p.InIssue != nil && p.InIssue.Issue != nil && p.InIssue.Issue.Cover != "" {
		candidates = append(candidates, p.InIssue.Issue.Cover)
	}
	for _, c := range candidates {
		if u, ok := e.picture([]candidate{{url: c}}, diag.Pos{}, true); ok {
			return u
		}
	}
	for _, c := range pictures(nodes) {
		if u, ok := e.picture(c, diag.Pos{}, true); ok {
			return u
		}
	}
	return ""
}

// copiesOf lists the published copies of the photo at site path u, with
// their widths, by their names beside it (photo.<hash>.<width>.jpg).
func (e *exporter) copiesOf(u string) []candidate {
	dir, file := path.Split(strings.TrimPrefix(u, "/"))
	base := strings.TrimSuffix(file, path.Ext(file))
	name := regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `\.[0-9a-f]{10}\.([0-9]+)\.(jpg|png)$`)
	var cs []candidate
	for _, p := range e.built.Paths() {
		if d, f := path.Split(p); d == dir {
			if m := name.FindStringSubmatch(f); m != nil {
				w, _ := strconv.Atoi(m[1])
				cs = append(cs, candidate{url: "/" + p, width: w})
			}
		}
	}
	return cs
}

// local is where a URL of the page (as written in its HTML: "/news/a/",
// "photo.jpg") is in the built site ("news/a/index.html", and the path
// "/news/a/"); ok is false for another site's address.
func (e *exporter) local(raw string) (file, sitePath string, ok bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" {
		return "", "", false
	}
	if u.Scheme != "" || u.Host != "" {
		own, err := url.Parse(e.model.Config.BaseURL)
		if err != nil || own.Host == "" || !strings.EqualFold(u.Host, own.Host) {
			return "", "", false
		}
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join(e.model.Config.RelURL(e.page.URL), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	bp := e.model.Config.BasePath()
	if !strings.HasPrefix(p+"/", bp) && p != strings.TrimSuffix(bp, "/") {
		return "", "", false
	}
	p = "/" + strings.TrimPrefix(p, bp)
	file = strings.TrimPrefix(p, "/")
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	return file, p, true
}

// abs is a URL of the page as the 公众号's reader must see it: on the
// published site when it is the site's own, else as written.
func (e *exporter) abs(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	if _, p, ok := e.local(raw); ok {
		s := strings.TrimSuffix(e.base, "/") + config.EscapePath(p)
		if u.RawQuery != "" {
			s += "?" + u.RawQuery
		}
		if u.Fragment != "" {
			s += "#" + u.EscapedFragment()
		}
		return s
	}
	return raw
}

// pos is where the page's Markdown wrote a URL, for a warning about it:
// among its links, else (raw HTML: a video, a frame) where the text has
// it; the body's first line when not found.
func (e *exporter) pos(rawURL string) diag.Pos {
	if rawURL != "" {
		for _, k := range markup.LinksOf(&e.page.Result) {
			if k.URL == rawURL {
				return k.Pos
			}
		}
	}
	return e.find(rawURL)
}

// find is where s is first written in the page's body; its first line when
// s is "" or not there.
func (e *exporter) find(s string) diag.Pos {
	t := source.TextOf(e.page.Page)
	at := t.BodyStart
	if i := strings.Index(string(t.Src[t.BodyStart:]), s); s != "" && i >= 0 {
		at += i
	}
	return diag.At(e.page.File, t.Src, at)
}

// candidate is one version of a picture: its URL and its width in pixels
// (0 when not said).
type candidate struct {
	url   string
	width int
}

// picture chooses among versions of one picture the largest that the
// 公众号 takes (a JPEG, PNG or GIF, at most ImageMax bytes, on the site),
// and returns its published address. quiet leaves the warnings out (the
// cover is looked for among the pictures that the text warns about).
func (e *exporter) picture(cs []candidate, at diag.Pos, quiet bool) (string, bool) {
	warn := func(code diag.Code, args ...any) {
		if !quiet {
			e.l.Add(at, code, args...)
		}
	}
	type found struct {
		candidate
		size int64
	}
	var best, smallest *found
	var tooBig, unknown, foreign []string
	for _, c := range cs {
		file, _, ok := e.local(c.url)
		if !ok {
			foreign = append(foreign, c.url)
			continue
		}
		ext := strings.ToLower(path.Ext(file))
		if ext != ".jpg" && ext != ".jpeg" && ext != ".png" && ext != ".gif" {
			unknown = append(unknown, c.url)
			continue
		}
		size, ok := fileSize(e.built, file)
		if !ok {
			unknown = append(unknown, c.url)
			warn(diag.WeChatImageMissing, c.url)
			continue
		}
		f := &found{c, size}
		if smallest == nil || f.size < smallest.size {
			smallest = f
		}
		if f.size > ImageMax {
			tooBig = append(tooBig, c.url)
			continue
		}
		if best == nil || f.width > best.width {
			best = f
		}
	}
	switch {
	case best != nil:
		return e.abs(best.url), true
	case smallest != nil:
		warn(diag.WeChatImageBig, tooBig[0], render.FormatSize(smallest.size), render.FormatSize(ImageMax))
		return e.abs(smallest.url), true
	case len(foreign) > 0:
		return foreign[0], true // another site's picture: the editor fetches it as it is
	case len(unknown) > 0:
		if ext := strings.ToLower(path.Ext(unknown[0])); ext != ".jpg" && ext != ".jpeg" && ext != ".png" && ext != ".gif" {
			warn(diag.WeChatImageFormat, unknown[0], strings.ToUpper(strings.TrimPrefix(ext, ".")))
		}
	}
	return "", false
}

// fileSize is the size of a file of the built site, read only for what
// was rendered: a photo is not read whole to learn its size.
func fileSize(s *publish.Site, p string) (int64, bool) {
	if b, ok := s.Files[p]; ok {
		return int64(len(b)), true
	}
	if src, ok := s.Copies[p]; ok {
		if fi, err := fs.Stat(s.FS, src); err == nil {
			return fi.Size(), true
		}
	}
	return 0, false
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// notesHeading names the list of notes after what it holds.
func notesHeading(ns []note) string {
	links, footnotes := false, false
	for _, n := range ns {
		if n.footnote {
			footnotes = true
		} else {
			links = true
		}
	}
	switch {
	case links && footnotes:
		return "注释与参考链接"
	case footnotes:
		return "注释"
	}
	return "参考链接"
}

// date is the day of a notice's 落款, as the site writes dates.
func (e *exporter) date() string {
	return render.FormatDate(e.page.Date.In(e.model.Config.Location), e.model.Config.LanguageCode)
}

// placeholder tells the names reserved for examples (RFC 2606), which no
// reader can reach: a site still at its sample address.
func placeholder(host string) bool {
	for _, name := range []string{"example.org", "example.com", "example.net"} {
		if host == name || strings.HasSuffix(host, "."+name) {
			return true
		}
	}
	for _, tld := range []string{".example", ".invalid", ".test", ".localhost"} {
		if strings.HasSuffix(host, tld) {
			return true
		}
	}
	return host == "localhost"
}
