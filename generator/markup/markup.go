// Package markup turns a page's Markdown into HTML with goldmark, and derives
// what templates need from it: heading IDs, a table of contents, a summary,
// a word count and a reading time. It is correct for Chinese: soft line breaks
// between Chinese characters vanish, emphasis works next to Chinese
// punctuation, heading IDs keep Chinese characters.
package markup

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/shortcode"
	"folio.dev/folio/generator/spill"
)

// Options configures the converter.
type Options struct {
	Unsafe        bool // let raw HTML through
	SummaryLength int  // characters of an automatic summary
	ReadingSpeed  int  // characters (or Latin words) a minute
	// BasePath is the path the site is served below ("/" or "/sub/"); a
	// link written from the site root (/about/) gets it in front.
	BasePath string
	// Shortcodes, if set, expands the shortcodes of pages; Site is what
	// their templates read as .Site.
	Shortcodes Shortcodes
	Site       *shortcode.Site
}

// Resolver turns a relative link (to a Markdown file, an image, any file of
// content/) into the URL of the page or file it names. from is the linking
// file and target the link's path, unescaped, relative to from's folder. It
// returns a message for the editor when there is no such page or file.
type Resolver interface {
	Resolve(from, target string) (url string, problem error)
}

// ImageSizer, when the Resolver is one, tells the size of an image of
// content/, so that pages say it and nothing moves as images load: 0, 0
// when it has none, with the problem when it should have one (a broken
// PNG).
type ImageSizer interface {
	ImageSize(from, target string) (width, height int, problem error)
}

// Doc is one page's Markdown and where it came from.
type Doc struct {
	File      string
	Src       []byte // the whole file; positions count in it
	BodyStart int    // where the Markdown starts in Src
	Summary   string // the front matter summary, if any
	// Page is what shortcode templates read of the page as .Page.
	Page *shortcode.Page
}

// Result is a rendered page.
type Result struct {
	// html is the page's Markdown as HTML (HTML), unless it was set aside
	// in a file (SetAside).
	html        string
	aside       *spill.File
	part        spill.Part
	TOC         string // nested <ul> of the page's h2–h4, "" below two headings
	Summary     string // plain text
	WordCount   int    // Han characters and Latin words
	ReadingTime int    // minutes, at least 1
	// text is the page's text as a reader reads it, for the search index
	// (TakeText): unexported, so that layouts do not see it.
	text string
	// links are the page's links and images, as written in its HTML, with
	// where they are in the file, for folio check (LinksOf): unexported,
	// so that layouts do not see them.
	links []Link
	// Photo is the site path (/news/2026/camp/photo.jpg) of the page's
	// first photo of content/, for sharing (og:image); "" when none.
	Photo string
}

// HTML is the page's Markdown as HTML; layouts write {{.Content}}, which
// marks it trusted.
func (r *Result) HTML() string {
	if r.aside != nil {
		return r.aside.String(r.part)
	}
	return r.html
}

// SetAside returns a copy of r whose HTML is in file f, read back when it
// is asked for (HTML): folio build holds no page's HTML between the
// page's conversion and its rendering (180 MB at 50,000 pages).
func SetAside(r *Result, f *spill.File) *Result {
	c := *r
	c.part, c.html, c.aside = f.PutString(r.html), "", f
	return &c
}

// TakeText returns the text of a converted page, as a reader reads it,
// and a copy of r without it: only the search index reads it, and the
// model need not hold every page's text to the end of a build.
func TakeText(r *Result) (string, *Result) {
	without := *r
	without.text = ""
	return r.text, &without
}

// LinksOf returns the links and images of a converted page, as written in
// its HTML, with where they are in its file.
func LinksOf(r *Result) []Link { return r.links }

// Link is a link or image of a page.
type Link struct {
	URL string
	Pos diag.Pos
}

// Markdown is a converter; one is built per build and shared by all workers.
type Markdown struct {
	md      goldmark.Markdown
	opts    Options
	buffers *buffers // for the pages it converts
}

// New builds the converter. Zero options get the defaults: 120 characters
// of summary, 400 characters a minute.
func New(opts Options) *Markdown {
	if opts.SummaryLength <= 0 {
		opts.SummaryLength = 120
	}
	if opts.ReadingSpeed <= 0 {
		opts.ReadingSpeed = 400
	}
	rendererOpts := []renderer.Option{html.WithWriter(plainWriter{html.NewWriter()})}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, cjkEmphasis{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(imageRenderer{unsafe: opts.Unsafe}, 100)))...),
	)
	return &Markdown{md: md, opts: opts, buffers: &buffers{}}
}

// Render converts one document. Links to Markdown files are resolved with r;
// problems are reported into l.
func (m *Markdown) Render(doc Doc, r Resolver, l *diag.List) *Result {
	body := doc.Src[doc.BodyStart:]
	if off := tooDeep(body); off >= 0 {
		d := &docWalk{doc: doc}
		l.Add(d.at(off), diag.MarkupTooDeep, MaxNesting)
		return &Result{ReadingTime: 1}
	}
	d := &docWalk{doc: doc, body: body, r: r, l: l, unsafe: m.opts.Unsafe, basePath: m.opts.BasePath, ids: newHeadingIDs()}
	if m.opts.Shortcodes != nil && shortcode.Has(body) {
		if d.l == nil {
			d.l = &diag.List{} // the caller wants no report, but the calls report as they go
		}
		if d.ex = m.expandPage(d, body); d.ex != nil {
			body, d.body = d.ex.body, d.ex.body
		}
	}
	ctx := parser.NewContext(parser.WithIDs(d.ids))
	root := m.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	before := d.transform(root)

	buf := m.buffers.get()
	if err := m.md.Renderer().Render(buf, body, root); err != nil {
		l.Add(diag.Pos{File: doc.File}, diag.MarkupFailed, err)
	}
	res := &Result{html: d.ex.htmlOf(buf.String()), TOC: toc(d.ex.headings(root, body, m.buffers)), links: d.links, Photo: d.firstPhoto}
	m.buffers.put(buf)
	all := d.ex.textOf(plainText(root, body, m.buffers))
	res.text = all
	res.WordCount = countWords(all)
	res.ReadingTime = max(1, (res.WordCount+m.opts.ReadingSpeed-1)/m.opts.ReadingSpeed)
	switch {
	case strings.TrimSpace(doc.Summary) != "":
		res.Summary = strings.TrimSpace(doc.Summary)
	case before != nil:
		res.Summary = d.ex.summaryOf(summaryText(before, body, 0, m.buffers))
	default:
		var blocks []ast.Node
		for c := root.FirstChild(); c != nil; c = c.NextSibling() {
			blocks = append(blocks, c)
		}
		res.Summary = cut(d.ex.summaryOf(summaryText(blocks, body, m.opts.SummaryLength, m.buffers)), m.opts.SummaryLength)
	}
	return res
}

// plainWriter is goldmark's HTML writer with a shortcut: text without a
// byte that it escapes (NUL " & < >) or resolves (a backslash, &) is written as
// it is. Most text of a Chinese page has none, and goldmark's writer looked
// at each byte twice, once to resolve and once to escape (a tenth of a
// page's conversion); IndexByte looks at many bytes at once.
type plainWriter struct{ html.Writer }

func (w plainWriter) Write(out util.BufWriter, src []byte) {
	if bytes.IndexByte(src, '\\') < 0 && plain(src) {
		_, _ = out.Write(src)
		return
	}
	w.Writer.Write(out, src)
}

func (w plainWriter) RawWrite(out util.BufWriter, src []byte) {
	if plain(src) {
		_, _ = out.Write(src)
		return
	}
	w.Writer.RawWrite(out, src)
}

// plain tells that src has none of the bytes goldmark's writer escapes.
func plain(src []byte) bool {
	for _, c := range []byte{'&', '<', '>', '"', 0} {
		if bytes.IndexByte(src, c) >= 0 {
			return false
		}
	}
	return true
}

// buffer is a reusable buffer for the HTML and the text of pages. Its
// Buffered and Flush make it a util.BufWriter, so that goldmark writes
// straight into it instead of through a bufio.Writer of its own.
type buffer struct{ bytes.Buffer }

func (*buffer) Buffered() int { return 0 }
func (*buffer) Flush() error  { return nil }

// buffers saves growing a new buffer for every page and every text. A
// converter keeps its own, for as long as it converts.
type buffers struct{ pool sync.Pool }

func (bs *buffers) get() *buffer {
	if b, ok := bs.pool.Get().(*buffer); ok {
		return b
	}
	return new(buffer)
}

func (bs *buffers) put(b *buffer) {
	if b.Cap() > 1<<20 {
		return // a huge page's buffer: let it go rather than keep it
	}
	b.Reset()
	bs.pool.Put(b)
}

// at turns an offset in the body into a position in the file.
func (d *docWalk) at(off int) diag.Pos {
	if d.ex != nil {
		off = d.ex.orig(off) // the body parsed has its shortcodes expanded
	}
	return d.atOrig(off)
}

// atOrig turns an offset in the body as written into a position in the file.
func (d *docWalk) atOrig(off int) diag.Pos {
	if d.lines == nil {
		d.lines = diag.NewLines(d.doc.File, d.doc.Src) // once: a page may have 100,000 links
	}
	return d.lines.At(d.doc.BodyStart + off)
}

// docWalk carries one document through the AST fixes.
type docWalk struct {
	doc      Doc
	body     []byte
	r        Resolver
	l        *diag.List
	unsafe   bool // raw HTML is let through, so it is not reported
	basePath string
	links    []Link
	images   int         // images seen so far
	lines    *diag.Lines // where the file's lines start, made when first needed
	ex       *expansion  // body's shortcodes, expanded; nil when it has none
	ids      *headingIDs // the page's heading IDs, its shortcodes' Markdown's too
	// firstPhoto is the site path of the first photo with derivatives,
	// at firstPhotoAt in the file.
	firstPhoto   string
	firstPhotoAt diag.Pos
}

// transform fixes the parsed tree in place: Chinese line breaks, pasted
// indentation, links to Markdown files, raw HTML reports and the
// <!--more--> marker. It returns the top-level blocks before the marker,
// or nil if there is none.
func (d *docWalk) transform(root ast.Node) []ast.Node {
	var more ast.Node
	var texts []*ast.Text
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			if mayHaveURL(n.Value(d.body)) {
				texts = append(texts, n) // the only ones linkAfterCJK changes
			}
			if n.SoftLineBreak() {
				prev, okPrev := prevRune(n, d.body)
				if next, ok := nextRune(n, d.body); ok && okPrev && joinLines(prev, next) {
					n.SetSoftLineBreak(false)
				}
			}
		case *ast.Paragraph, *ast.TextBlock:
			trimIndent(n, d.body)
			d.lint(n)
		case *ast.Link:
			n.Destination = d.link(n, n.Destination)
			d.links = append(d.links, Link{URL: string(n.Destination), Pos: d.at(linkStart(n, string(n.Destination), d.body))})
		case *ast.Image:
			src := d.image(n)
			n.Destination = d.link(n, n.Destination)
			if src != "" { // a photo's derivative (photos.go)
				n.Destination = []byte(src)
			}
			d.links = append(d.links, Link{URL: string(n.Destination), Pos: d.at(linkStart(n, string(n.Destination), d.body))})
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL && n.FirstChild() != nil {
				if t, ok := n.FirstChild().(*ast.Text); ok {
					d.links = append(d.links, Link{URL: string(n.URL(d.body)), Pos: d.at(t.Segment.Start)})
				}
			}
		case *ast.HTMLBlock:
			if isMore(n, d.body) {
				more = n
			} else if n.Lines().Len() > 0 {
				d.rawHTML(n.Lines().At(0).Start)
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				d.rawHTML(n.Segments.At(0).Start)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		linkAfterCJK(t, d.body) // after the walk: it adds nodes
	}
	if more == nil {
		return nil
	}
	var before []ast.Node
	for c := root.FirstChild(); c != nil && c != more; c = c.NextSibling() {
		before = append(before, c)
	}
	root.RemoveChild(root, more)
	return before
}

func (d *docWalk) rawHTML(off int) {
	if d.l == nil || d.unsafe {
		return
	}
	d.l.Add(d.at(off), diag.MarkupRawHTML)
}

// link returns the destination of a link or image: a relative path to a
// file of content/ (../notices/plan.md#part, photo.jpg) becomes the URL of
// its page or file; anything else (a URL, /path, #anchor) stays as written.
func (d *docWalk) link(n ast.Node, dest []byte) []byte {
	return d.resolve(dest, func() diag.Pos { return d.at(linkStart(n, string(dest), d.body)) })
}

// resolve is link's work, with at giving the offset to report a problem at.
func (d *docWalk) resolve(dest []byte, at func() diag.Pos) []byte {
	target, frag, _ := strings.Cut(string(dest), "#")
	if base := d.basePath; strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "//") && base != "" && base != "/" {
		return []byte(base + strings.TrimPrefix(string(dest), "/"))
	}
	if target == "" || d.r == nil || strings.Contains(target, ":") || strings.HasPrefix(target, "/") || strings.HasPrefix(target, "?") {
		return dest
	}
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	u, problem := d.r.Resolve(d.doc.File, target)
	if problem != nil {
		if d.l != nil {
			d.l.Add(at(), diag.LinkBroken, target, problem)
		}
		return dest
	}
	if frag != "" {
		u += "#" + frag
	}
	return []byte(u)
}

// image gives an image its size, when it is a file of content/, and lazy
// loading after the page's first image (which is likely in view at once);
// an image without a description is reported, since screen readers and
// readers whose images do not load have only that.
func (d *docWalk) image(n *ast.Image) (src string) {
	if n.FirstChild() == nil && d.l != nil {
		d.l.Add(d.at(linkStart(n, string(n.Destination), d.body)), diag.ImageNoAlt, string(n.Destination))
	}
	target, _, _ := strings.Cut(string(n.Destination), "#")
	t, err := url.PathUnescape(target)
	local := err == nil && !strings.Contains(t, ":") && !strings.HasPrefix(t, "/")
	var photo bool
	if local {
		src, photo = d.photo(n, t)
	}
	if sizer, ok := d.r.(ImageSizer); ok && !photo {
		if local {
			w, h, problem := sizer.ImageSize(d.doc.File, t)
			if w > 0 && h > 0 {
				n.SetAttributeString("width", []byte(fmt.Sprint(w)))
				n.SetAttributeString("height", []byte(fmt.Sprint(h)))
			}
			if problem != nil && d.l != nil {
				d.l.Add(d.at(linkStart(n, string(n.Destination), d.body)), diag.ImageBroken, string(n.Destination), problem)
			}
		}
	}
	if d.images > 0 {
		n.SetAttributeString("loading", []byte("lazy"))
	}
	n.SetAttributeString("decoding", []byte("async"))
	d.images++
	return src
}

// imageFile resolves an image a shortcode names (figure's src) as a
// Markdown image's file is resolved, reporting at the call (off, in the
// body as written): its URL, and its size when it is a file of content/.
// The photo pipeline's derivatives belong here, as in image.
func (d *docWalk) imageFile(dest string, off int) (shortcode.Image, bool) {
	pos := d.atOrig(off)
	before := d.l.Errors()
	u := string(d.resolve([]byte(dest), func() diag.Pos { return pos }))
	d.links = append(d.links, Link{URL: u, Pos: pos})
	if d.l.Errors() > before {
		return shortcode.Image{URL: u}, false
	}
	im := shortcode.Image{URL: u}
	target, _, _ := strings.Cut(dest, "#")
	if ph, ok := d.r.(Photos); ok {
		if t, err := url.PathUnescape(target); err == nil && !strings.Contains(t, ":") && !strings.HasPrefix(t, "/") {
			if p, pic, ok := d.photoIn(ph, t, dest, func() diag.Pos { return pos }); p != nil {
				im.Width, im.Height = p.Width, p.Height
				if ok {
					im.URL, im.Srcset, im.Sizes = pic.Src, pic.Srcset, pic.Sizes
				}
				return im, !p.Refused()
			}
		}
	}
	if sizer, ok := d.r.(ImageSizer); ok {
		if t, err := url.PathUnescape(target); err == nil && !strings.Contains(t, ":") && !strings.HasPrefix(t, "/") {
			w, h, problem := sizer.ImageSize(d.doc.File, t)
			if w > 0 && h > 0 {
				im.Width, im.Height = w, h
			}
			if problem != nil {
				d.l.Add(pos, diag.ImageBroken, dest, problem)
			}
		}
	}
	return im, true
}

// linkStart finds the offset of a link's "[" (or an image's "!["), which
// goldmark does not keep:
// back from the link's first text, or, for a link without text, before the
// "](dest" in its block.
func linkStart(n ast.Node, dest string, src []byte) int {
	var text *ast.Text
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering && text == nil {
			text = t
		}
		return ast.WalkContinue, nil
	})
	if text != nil {
		i := max(0, bytes.LastIndexByte(src[:text.Segment.Start], '['))
		if _, ok := n.(*ast.Image); ok && i > 0 && src[i-1] == '!' {
			i--
		}
		return i
	}
	block := n.Parent()
	for block.Type() != ast.TypeBlock {
		block = block.Parent()
	}
	lines := block.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if j := bytes.Index(seg.Value(src), []byte("]("+dest)); j > 0 {
			i := seg.Start + j - 1
			if _, ok := n.(*ast.Image); ok && i > 0 && src[i-1] == '!' {
				i--
			}
			return i
		}
	}
	if lines.Len() > 0 {
		return lines.At(0).Start
	}
	return 0
}

func isMore(n *ast.HTMLBlock, src []byte) bool {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return strings.EqualFold(strings.Join(strings.Fields(b.String()), ""), "<!--more-->")
}

// trimIndent removes what Word and WeChat paste at the start of a
// paragraph or list item: full-width spaces (U+3000), no-break spaces and
// &nbsp;. The theme indents paragraphs itself. goldmark may split those
// spaces over several text nodes, so it goes on while a node is all spaces.
func trimIndent(p ast.Node, src []byte) {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || !trimText(t, src) {
			return
		}
	}
}

// trimText removes leading spaces from t and reports whether t is now empty.
func trimText(t *ast.Text, src []byte) bool {
	v := t.Value(src)
	i := 0
	for i < len(v) {
		switch {
		case bytes.HasPrefix(v[i:], []byte("\u3000")), bytes.HasPrefix(v[i:], []byte("\u00a0")):
			_, n := utf8.DecodeRune(v[i:])
			i += n
		case bytes.HasPrefix(v[i:], []byte("&nbsp;")):
			i += len("&nbsp;")
		case v[i] == ' ' || v[i] == '\t':
			i++
		default:
			t.Segment = t.Segment.WithStart(t.Segment.Start + i)
			return false
		}
	}
	t.Segment = t.Segment.WithStart(t.Segment.Start + i)
	return true
}

// MaxNesting is how deep lists and quotes may nest. A real page nests
// three or four levels; goldmark's time and memory grow with the square of
// the depth (4,000 levels took 96 s and 810 MB).
const MaxNesting = 100

// tooDeep returns the offset of the first line of body that opens a list
// item or quote more than MaxNesting levels deep, or -1. It is an upper
// bound read from each line alone, in one pass: the >, -, *, + and 1. or 1)
// markers that start the line, and its indentation (each level of a nested
// list indents at least two columns).
func tooDeep(body []byte) int {
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		line := body[start:end]
		indent, markers, i := 0, 0, 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			indent++
			if line[i] == '\t' {
				indent += 3 // a tab is four columns
			}
			i++
		}
		for i < len(line) {
			j := i
			switch c := line[i]; {
			case c == '>':
				j++
			case c == '-' || c == '*' || c == '+':
				j++
				if j < len(line) && line[j] != ' ' && line[j] != '\t' {
					j = i
				}
			case c >= '0' && c <= '9':
				for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
					j++
				}
				if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
					j++
				} else {
					j = i
				}
			}
			if j == i {
				break
			}
			markers++
			for i = j; i < len(line) && (line[i] == ' ' || line[i] == '\t'); i++ {
			}
		}
		if markers > 0 && markers+indent/2 > MaxNesting {
			return start
		}
		start = end + 1
	}
	return -1
}
