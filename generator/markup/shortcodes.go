package markup

import (
	"bytes"
	"html"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
	"folio.dev/folio/generator/shortcode"
)

// Shortcodes executes the site's shortcode templates
// (layouts/shortcodes/NAME.html, loaded by theme).
type Shortcodes interface {
	// Lookup tells whether there is a template for name, and whether it
	// reads .Inner, so that a call of it must be a pair.
	Lookup(name string) (found, inner bool)
	// Names lists the shortcodes there are, for a suggestion.
	Names() []string
	Execute(w io.Writer, name string, dot *shortcode.Context) error
}

// Shortcodes expand before the Markdown is parsed: each call is replaced
// by a token of private-use characters, which goldmark keeps as text, and
// after rendering a token alone in a paragraph is replaced by the call's
// HTML, any other by the same HTML inline; in the page's plain text
// (search, summary, counts) by that HTML's text. Hugo does the same.
const (
	tokenOpen  = "\ue000"
	tokenClose = "\ue001"
)

// expansion is one page's expanded calls.
type expansion struct {
	body   []byte
	pieces []piece // in the order of body
	html   []string
	text   []string
	block  []bool // the call stands alone on its lines: a figure, a note
	// inner are the headings of a {{% %}} call's Markdown, by token, for
	// the page's table of contents.
	inner map[int][]tocHeading
}

// headings lists the headings of a document whose calls are e's, those
// of the calls' Markdown in their place; e may be nil.
func (e *expansion) headings(root ast.Node, src []byte, bufs *buffers) []tocHeading {
	if e == nil {
		return headings(root, src, bufs, nil)
	}
	hs := headings(root, src, bufs, func(n ast.Node) []tocHeading {
		p, ok := n.(*ast.Paragraph)
		if !ok || p.ChildCount() != 1 {
			return nil
		}
		t, ok := p.FirstChild().(*ast.Text)
		if !ok {
			return nil
		}
		v := t.Value(src)
		if !bytes.HasPrefix(v, []byte(tokenOpen)) || !bytes.HasSuffix(v, []byte(tokenClose)) {
			return nil
		}
		var hs []tocHeading
		if replaceTokens(string(v), len(e.html), false, func(i int, _ bool) string { hs = e.inner[i]; return "" }) != "" {
			return nil // not one token alone
		}
		return hs
	})
	for i := range hs {
		hs[i].text = e.textOf(hs[i].text)
	}
	return hs
}

// piece maps a part of the expanded body back to the original text: a
// replaced part (a token, a literal) maps every offset to its start.
type piece struct {
	at, orig int
	replaced bool
}

// orig returns the offset in the original text of an offset of the
// expanded body.
func (e *expansion) orig(off int) int {
	i := sort.Search(len(e.pieces), func(i int) bool { return e.pieces[i].at > off }) - 1
	if i < 0 {
		return off
	}
	p := e.pieces[i]
	if p.replaced {
		return p.orig
	}
	return p.orig + off - p.at
}

// A token's number is written in private-use digits too, so that a
// heading's ID made of its text (markup.Slug keeps letters and digits)
// leaves the token out.
const tokenDigit0 = 0xe010

// token is the text standing for call i.
func token(i int) string {
	var b strings.Builder
	b.WriteString(tokenOpen)
	for _, d := range strconv.Itoa(i) {
		b.WriteRune(d - '0' + tokenDigit0)
	}
	b.WriteString(tokenClose)
	return b.String()
}

// replaceTokens returns s with each token of a number below count
// replaced by with(its number, whether it is alone in a paragraph): with
// paragraphs, a token between <p> and </p> is replaced with them. (Text
// may have private-use characters of its own: some Chinese documents
// write rare characters with them.)
func replaceTokens(s string, count int, paragraphs bool, with func(i int, alone bool) string) string {
	var b strings.Builder
	last := 0
	for {
		j := strings.Index(s[last:], tokenOpen)
		if j < 0 {
			break
		}
		start := last + j
		digits := start + len(tokenOpen)
		k := strings.Index(s[digits:], tokenClose)
		if k < 0 {
			break
		}
		end := digits + k + len(tokenClose)
		n, ok := 0, k > 0
		for _, r := range s[digits : digits+k] {
			if r < tokenDigit0 || r > tokenDigit0+9 {
				ok = false
				break
			}
			n = n*10 + int(r-tokenDigit0)
			if n >= count {
				ok = false
				break
			}
		}
		if !ok {
			b.WriteString(s[last:end])
			last = end
			continue
		}
		alone := paragraphs && start-len("<p>") >= last && strings.HasSuffix(s[:start], "<p>") && strings.HasPrefix(s[end:], "</p>")
		if alone {
			start, end = start-len("<p>"), end+len("</p>")
		}
		b.WriteString(s[last:start])
		b.WriteString(with(n, alone))
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// htmlOf puts the calls' HTML in place of their tokens.
func (e *expansion) htmlOf(s string) string {
	if e == nil {
		return s
	}
	return replaceTokens(s, len(e.html), true, func(i int, _ bool) string { return e.html[i] })
}

// textOf puts the text of the calls' HTML in place of their tokens.
func (e *expansion) textOf(s string) string { return e.textWith(s, true) }

// summaryOf is textOf for a summary, which is made of the page's prose:
// the text of calls alone on their lines (figures, tables, notes) is left
// out, as the summary leaves out tables and quotes.
func (e *expansion) summaryOf(s string) string { return e.textWith(s, false) }

func (e *expansion) textWith(s string, blocks bool) string {
	if e == nil {
		return s
	}
	dropped := false
	out := replaceTokens(s, len(e.html), false, func(i int, _ bool) string {
		if !blocks && e.block[i] {
			dropped = true
			return ""
		}
		return e.text[i]
	})
	if dropped {
		out = joinFields(out) // the spaces around what was dropped
	}
	return out
}

// joinFields joins s's words as joinBlocks joins blocks: with a space
// between two Latin words, without one when either side is Chinese.
func joinFields(s string) string {
	var b strings.Builder
	for _, f := range strings.Fields(s) {
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(f)
			if !isWide(last) && !isWide(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

// aloneOnLines tells whether src[start:end] has nothing but spaces before
// it on its first line and after it on its last.
func aloneOnLines(src []byte, start, end int) bool {
	for i := start - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	for i := end; i < len(src) && src[i] != '\n' && src[i] != '\r'; i++ {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	return true
}

// shortcodePage is what the calls of one page share: their numbers and
// targets, the heading IDs, the expansion of the page's own body.
type shortcodePage struct {
	m       *Markdown
	targets map[string]shortcode.Target
	numbers map[*shortcode.Call]int
	exp     *expansion // the top level's, which holds every call's HTML
	ids     *headingIDs
	// headings are those of the {{% %}} call converted last, until expand
	// files them under its token.
	headings []tocHeading
}

// expandPage expands the calls of a page's body and returns the body to
// parse, or nil when it has no call.
func (m *Markdown) expandPage(d *docWalk, body []byte) *expansion {
	calls, errs := shortcode.Parse(body)
	for _, e := range errs {
		d.l.Add(d.atOrig(e.Off), e.Msg.Code, e.Msg.Args...)
	}
	if len(calls) == 0 {
		return nil
	}
	sp := &shortcodePage{m: m, targets: map[string]shortcode.Target{}, numbers: map[*shortcode.Call]int{}, exp: &expansion{}, ids: d.ids}
	counts := map[string]int{}
	var number func([]*shortcode.Call)
	number = func(calls []*shortcode.Call) {
		for _, c := range calls {
			if c.Literal == "" && c.Named["caption"] != "" {
				counts[c.Name]++
				sp.numbers[c] = counts[c.Name]
				if id := c.Named["id"]; id != "" {
					if t, dup := sp.targets[id]; dup {
						d.l.Add(d.atOrig(c.Start), diag.ShortcodeIDTaken, c.Name, id, t.Name, t.Number)
					}
					sp.targets[id] = shortcode.Target{Name: c.Name, ID: id, Number: counts[c.Name]}
				}
			}
			number(c.Calls)
		}
	}
	number(calls)
	sp.exp.body = sp.expand(d, body, 0, calls, nil, false)
	return sp.exp
}

// expand returns src (at offset base of the page's body) with its calls
// replaced by tokens, recording the pieces of sp.exp; or, for the inner
// text of a {{< >}} pair (inner), escaped with its calls replaced by
// their HTML.
func (sp *shortcodePage) expand(d *docWalk, src []byte, base int, calls []*shortcode.Call, parent *shortcode.Context, inner bool) []byte {
	var out []byte
	last := 0
	e := sp.exp
	for ordinal, c := range calls {
		start, end := c.Start-base, c.End-base
		if inner {
			out = append(out, html.EscapeString(string(src[last:start]))...)
		} else {
			e.pieces = append(e.pieces, piece{at: len(out), orig: last})
			out = append(out, src[last:start]...)
		}
		var rep string
		if c.Literal != "" {
			rep = c.Literal
			if inner {
				rep = html.EscapeString(rep)
			}
		} else {
			sp.headings = nil
			h := sp.call(d, c, parent, ordinal)
			if inner {
				rep = h
			} else {
				if sp.headings != nil {
					if e.inner == nil {
						e.inner = map[int][]tocHeading{}
					}
					e.inner[len(e.html)] = sp.headings
				}
				rep = token(len(e.html))
				e.html = append(e.html, h)
				e.text = append(e.text, htmlText(h))
				e.block = append(e.block, aloneOnLines(src, start, end))
			}
		}
		if !inner {
			e.pieces = append(e.pieces, piece{at: len(out), orig: start, replaced: true})
		}
		out = append(out, rep...)
		last = end
	}
	if inner {
		out = append(out, html.EscapeString(string(src[last:]))...)
	} else {
		e.pieces = append(e.pieces, piece{at: len(out), orig: last})
		out = append(out, src[last:]...)
	}
	return out
}

// call executes one call's template.
func (sp *shortcodePage) call(d *docWalk, c *shortcode.Call, parent *shortcode.Context, ordinal int) string {
	pos := d.atOrig(c.Start)
	sc := sp.m.opts.Shortcodes
	found, needsInner := sc.Lookup(c.Name)
	if !found {
		names := sc.Names()
		d.l.Add(pos, diag.ShortcodeUnknown, c.Name, diag.DidYouMean(schema.Nearest(c.Name, names)), names)
		return ""
	}
	if needsInner && !c.Paired && !c.Closed {
		open, end := "{{<", ">}}"
		if c.Markdown {
			open, end = "{{%", "%}}"
		}
		d.l.Add(pos, diag.ShortcodeNeverClosed, c.Name, open+" /"+c.Name+" "+end)
		return ""
	}
	env := &callEnv{d: d, sp: sp, pos: c.Start}
	dot := shortcode.NewContext(c, d.doc.Page, sp.m.opts.Site, "", parent, ordinal, sp.numbers[c], env)
	if c.Paired {
		var in string
		if c.Markdown {
			in = sp.markdown(d, c, dot)
		} else {
			in = string(sp.expand(d, c.Inner, c.InnerStart, c.Calls, dot, true))
		}
		dot = shortcode.NewContext(c, d.doc.Page, sp.m.opts.Site, template.HTML(in), parent, ordinal, sp.numbers[c], env)
	}
	var b strings.Builder
	if err := sc.Execute(&b, c.Name, dot); err != nil {
		d.l.Add(pos, diag.ShortcodeFailed, c.Name, err)
		return ""
	}
	return b.String()
}

// markdown converts the inner Markdown of a {{% %}} pair, with its calls
// expanded, as the page's own text is converted.
func (sp *shortcodePage) markdown(d *docWalk, c *shortcode.Call, dot *shortcode.Context) string {
	inner := sp.expandFragment(d, c, dot)
	m := sp.m
	ctx := parser.NewContext(parser.WithIDs(sp.ids)) // the page's: ids stay unique
	root := m.md.Parser().Parse(text.NewReader(inner.body), parser.WithContext(ctx))
	sub := &docWalk{doc: d.doc, body: inner.body, r: d.r, l: d.l, unsafe: d.unsafe, basePath: d.basePath, lines: d.lines, ex: inner, images: d.images}
	sub.transform(root)
	hs := inner.headings(root, inner.body, m.buffers)
	d.links = append(d.links, sub.links...)
	d.images = sub.images
	if sub.firstPhoto != "" {
		d.sawPhoto(sub.firstPhoto, sub.firstPhotoAt)
	}
	buf := m.buffers.get()
	defer m.buffers.put(buf)
	if err := m.md.Renderer().Render(buf, inner.body, root); err != nil {
		d.l.Add(d.atOrig(c.Start), diag.ShortcodeInnerFailed, c.Name, err)
	}
	out := inner.htmlOf(buf.String())
	sp.headings = hs // after the calls inside, which set it too
	return out
}

// expandFragment expands the calls in a {{% %}} pair's inner Markdown,
// with their own tokens and pieces (offsets from the pair's inner start).
func (sp *shortcodePage) expandFragment(d *docWalk, c *shortcode.Call, dot *shortcode.Context) *expansion {
	sub := &shortcodePage{m: sp.m, targets: sp.targets, numbers: sp.numbers, exp: &expansion{}, ids: sp.ids}
	sub.exp.body = sub.expand(d, c.Inner, c.InnerStart, c.Calls, dot, false)
	for i := range sub.exp.pieces {
		sub.exp.pieces[i].orig += c.InnerStart
	}
	return sub.exp
}

// callEnv is what a call's template calls back.
type callEnv struct {
	d   *docWalk
	sp  *shortcodePage
	pos int // the call's offset in the page's body
}

func (e *callEnv) Fail(m diag.Message) { e.d.l.Add(e.d.atOrig(e.pos), m.Code, m.Args...) }

func (e *callEnv) Ref(id string) (shortcode.Target, bool) {
	t, ok := e.sp.targets[id]
	if !ok {
		var ids []string
		for id := range e.sp.targets {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		have := diag.Msg(diag.ShortcodeNoTargetNone)
		if len(ids) > 0 {
			have = diag.Msg(diag.ShortcodeNoTargetIDs, ids)
		}
		if strings.HasSuffix(id, ".md") || strings.Contains(id, "/") { // Hugo's ref, to a page
			have = diag.Msg(diag.ShortcodeNoTargetPage, id)
		}
		e.Fail(diag.Msg(diag.ShortcodeNoTarget, id, have))
	}
	return t, ok
}

func (e *callEnv) Image(target string) (shortcode.Image, bool) {
	if target == "" {
		return shortcode.Image{}, false
	}
	return e.d.imageFile(target, e.pos)
}

func (e *callEnv) File(target string) (shortcode.Image, bool) {
	if target == "" {
		return shortcode.Image{}, false
	}
	pos := e.d.atOrig(e.pos)
	before := e.d.l.Errors()
	u := string(e.d.resolve([]byte(target), func() diag.Pos { return pos }))
	e.d.links = append(e.d.links, Link{URL: u, Pos: pos})
	return shortcode.Image{URL: u}, e.d.l.Errors() == before
}

// htmlText is the text a reader reads of a call's HTML.
func htmlText(h string) string {
	var b strings.Builder
	in := false
	for _, r := range h {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}
