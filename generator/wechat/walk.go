package wechat

import (
	"folio.dev/folio/generator/diag"

	"fmt"
	"html"
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// converter writes a page's HTML as the 公众号 takes it.
type converter struct {
	e         *exporter
	w         *writer
	footnotes map[string]*xhtml.Node // the footnotes' <li>, by id
	indent    bool                   // indent paragraphs two characters
	quote     int                    // depth of <blockquote>
}

// wideTable is how wide a table may be, in characters, before a warning:
// about two phone screens of the 公众号's column (some 22 characters
// each). A wider table scrolls sideways for long, and reads badly.
const wideTable = 44

// block writes a node met where blocks stand.
func (c *converter) block(n *xhtml.Node) {
	w := c.w
	switch n.Type {
	case xhtml.TextNode:
		if strings.TrimSpace(n.Data) != "" {
			w.element("p", styleP, html.EscapeString(n.Data))
		}
		return
	case xhtml.ElementNode:
	default:
		return
	}
	switch n.DataAtom {
	case atom.P:
		style := styleP
		switch {
		case onlyPictures(n):
			style = styleImageP
		case c.quote > 0:
			style = styleQuoteP
		case c.indent:
			style += ";" + styleIndent
		}
		if align := textAlign(n); align != "" {
			style += ";text-align:" + align
		}
		w.open("p", style)
		c.inlines(n)
		w.close("p")
	case atom.H1, atom.H2:
		c.heading(n, "h2", styleH2)
	case atom.H3:
		c.heading(n, "h3", styleH3)
	case atom.H4, atom.H5, atom.H6:
		c.heading(n, "h4", styleH4)
	case atom.Aside:
		if !hasClass(n, "note") {
			c.blocks(n)
			break
		}
		// A note (注意/提示/警告): a box, its label in bold, as the
		// theme shows it.
		box := styleNote
		if hasClass(n, "note-warning") {
			box = styleWarning
		}
		w.open("section", box)
		c.quote++
		for d := n.FirstChild; d != nil; d = d.NextSibling {
			if hasClass(d, "note-label") {
				w.open("p", styleNoteLabel)
				c.inlines(d)
				w.close("p")
				continue
			}
			c.block(d)
		}
		c.quote--
		w.close("section")
	case atom.Blockquote:
		w.open("section", styleQuote)
		c.quote++
		c.blocks(n)
		c.quote--
		w.close("section")
	case atom.Ul, atom.Ol:
		w.open("section", styleList)
		c.list(n, 0)
		w.close("section")
	case atom.Dl:
		for d := n.FirstChild; d != nil; d = d.NextSibling {
			switch d.DataAtom {
			case atom.Dt:
				w.open("p", styleTerm)
				c.inlines(d)
				w.close("p")
			case atom.Dd:
				w.open("p", styleDef)
				c.inlines(d)
				w.close("p")
			}
		}
	case atom.Pre:
		c.pre(n)
	case atom.Hr:
		w.open("hr", styleHr)
	case atom.Table:
		c.table(n)
	case atom.Figure:
		w.open("section", styleFigure)
		for d := n.FirstChild; d != nil; d = d.NextSibling {
			if d.DataAtom == atom.Figcaption {
				w.open("p", styleCaption)
				c.inlines(d)
				w.close("p")
				continue
			}
			if d.Type == xhtml.ElementNode && isBlock(d) {
				c.block(d)
			} else if d.Type == xhtml.ElementNode || strings.TrimSpace(d.Data) != "" {
				w.open("p", styleImageP)
				c.inline(d)
				w.close("p")
			}
		}
		w.close("section")
	case atom.Video, atom.Audio, atom.Iframe, atom.Embed, atom.Object:
		c.media(n)
	case atom.Script, atom.Style, atom.Link, atom.Noscript, atom.Template, atom.Form, atom.Svg, atom.Math, atom.Canvas:
		c.lost(n)
	case atom.Img, atom.Picture:
		w.open("p", styleImageP)
		c.inline(n)
		w.close("p")
	default:
		if isBlock(n) || hasBlock(n) {
			c.blocks(n) // div, section, details: their content
			return
		}
		w.open("p", styleP)
		c.inline(n)
		w.close("p")
	}
}

func (c *converter) blocks(n *xhtml.Node) {
	for d := n.FirstChild; d != nil; d = d.NextSibling {
		c.block(d)
	}
}

func (c *converter) heading(n *xhtml.Node, tag, style string) {
	c.w.open(tag, style)
	c.inlines(n)
	c.w.close(tag)
}

func (c *converter) inlines(n *xhtml.Node) {
	for d := n.FirstChild; d != nil; d = d.NextSibling {
		c.inline(d)
	}
}

// inline writes a node met within a paragraph.
func (c *converter) inline(n *xhtml.Node) {
	w := c.w
	if n.Type == xhtml.TextNode {
		w.WriteString(html.EscapeString(n.Data))
		return
	}
	if n.Type != xhtml.ElementNode {
		return
	}
	simple := map[atom.Atom]struct{ tag, style string }{
		atom.Strong: {"strong", styleStrong}, atom.B: {"strong", styleStrong},
		atom.Em: {"em", styleEm}, atom.I: {"em", styleEm}, atom.Cite: {"em", styleEm},
		atom.Del: {"del", styleDel}, atom.S: {"del", styleDel},
		atom.Sub: {"sub", styleSub}, atom.Mark: {"span", styleMark},
		atom.Code: {"code", styleCode}, atom.Kbd: {"code", styleCode}, atom.Samp: {"code", styleCode},
	}
	if s, ok := simple[n.DataAtom]; ok {
		w.open(s.tag, s.style)
		c.inlines(n)
		w.close(s.tag)
		return
	}
	switch n.DataAtom {
	case atom.Br:
		w.WriteString("<br>")
	case atom.A:
		c.link(n)
	case atom.Sup:
		if a := n.FirstChild; a != nil && a.DataAtom == atom.A && strings.HasPrefix(attr(a, "href"), "#") {
			if li, ok := c.footnotes[strings.TrimPrefix(attr(a, "href"), "#")]; ok {
				c.footnote(li, strings.TrimPrefix(attr(a, "href"), "#"))
				return
			}
		}
		w.open("sup", styleSup)
		c.inlines(n)
		w.close("sup")
	case atom.Img:
		c.image(n)
	case atom.Picture:
		for d := n.FirstChild; d != nil; d = d.NextSibling {
			if d.DataAtom == atom.Img {
				c.image(d)
			}
		}
	case atom.Input: // a task list's box
		if attr(n, "type") == "checkbox" {
			box := "☐"
			for _, a := range n.Attr {
				if a.Key == "checked" {
					box = "☑"
				}
			}
			w.WriteString(box)
		}
	case atom.Video, atom.Audio, atom.Iframe, atom.Embed, atom.Object:
		c.media(n)
	case atom.Script, atom.Style, atom.Link, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Canvas, atom.Button:
		c.lost(n)
	default:
		if isBlock(n) { // a block inside a paragraph (a list item's <p>): its content
			c.inlines(n)
			return
		}
		w.open("span", styleSpan)
		c.inlines(n)
		w.close("span")
	}
}

// link writes a link's text, followed by a note number unless it is a
// 公众号 article, an in-page anchor, or an address that is its own text.
func (c *converter) link(n *xhtml.Node) {
	w := c.w
	href := attr(n, "href")
	label := strings.TrimSpace(text(n))
	switch {
	case hasClass(n, "footnote-backref") || attr(n, "role") == "doc-backlink":
		return
	case href == "" || strings.HasPrefix(href, "#"):
		c.inlines(n)
		return
	case isWeChat(href):
		w.WriteString(`<a href="` + html.EscapeString(href) + `" style="` + styleLink + `">`)
		c.inlines(n)
		w.WriteString("</a>")
		return
	case onlyPictures(n):
		c.inlines(n) // a photo linking to its full size: the photo is enough
		return
	case strings.HasPrefix(href, "mailto:"), strings.HasPrefix(href, "tel:"):
		c.inlines(n)
		address := href[strings.Index(href, ":")+1:]
		if label != address {
			w.WriteString("（" + html.EscapeString(address) + "）")
		}
		return
	}
	full := c.e.abs(href)
	w.open("span", styleLinkText)
	c.inlines(n)
	w.close("span")
	if label == full || label == href {
		return // the address is already there to read
	}
	c.noteRef(c.e.addNote("link "+full, note{text: html.EscapeString(label), url: full}))
}

func (c *converter) noteRef(i int) {
	c.w.element("sup", styleNoteRef, fmt.Sprintf("[%d]", i))
}

// footnote numbers a footnote where it is cited, and writes its text, as
// inline HTML, for the notes.
func (c *converter) footnote(li *xhtml.Node, id string) {
	if i, ok := c.e.noteOf["footnote "+id]; ok {
		c.noteRef(i)
		return
	}
	// The note's text is written with this converter's writer swapped
	// for another, so links within it get notes of their own, numbered
	// after it.
	i := c.e.addNote("footnote "+id, note{footnote: true})
	saved := c.w
	var body writer
	c.w = &body
	first := true
	for d := li.FirstChild; d != nil; d = d.NextSibling {
		if d.Type == xhtml.TextNode && strings.TrimSpace(d.Data) == "" {
			continue
		}
		if !first {
			body.WriteString(" ")
		}
		first = false
		c.inline(d)
	}
	c.w = saved
	c.e.notes[i-1].text = strings.TrimRightFunc(strings.ReplaceAll(body.String(), "\u00a0", " "), unicode.IsSpace)
	c.noteRef(i)
}

// image writes a picture as the 公众号 takes it, or, when it takes none of
// its versions, its description with a note to it.
func (c *converter) image(n *xhtml.Node) {
	cs := versions(n)
	if len(cs) == 0 {
		return
	}
	alt := attr(n, "alt")
	src, ok := c.e.picture(cs, c.e.pos(cs[0].url), false)
	if !ok {
		c.w.element("span", styleLinkText, "［图："+html.EscapeString(cmpOr(alt, "图片"))+"］")
		full := c.e.abs(cs[0].url)
		c.noteRef(c.e.addNote("link "+full, note{text: html.EscapeString(cmpOr(alt, "图片")), url: full}))
		return
	}
	c.w.WriteString(`<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(alt) + `" style="` + styleImg + `">`)
}

// media writes what the 公众号 cannot play or embed (a video, a sound, a
// map or other page in a frame) as its poster, if it has one, and a line
// with a note to where it is.
func (c *converter) media(n *xhtml.Node) {
	src := attr(n, "src")
	if src == "" {
		src = attr(n, "data")
	}
	if src == "" {
		for d := range n.Descendants() {
			if d.DataAtom == atom.Source && attr(d, "src") != "" {
				src = attr(d, "src")
				break
			}
		}
	}
	what, why := "嵌入内容", "公众号不能显示内嵌的网页（地图等）"
	switch n.DataAtom {
	case atom.Video:
		what, why = "视频", "公众号不能播放网站上的视频"
	case atom.Audio:
		what, why = "音频", "公众号不能播放网站上的音频"
	}
	label := cmpOr(attr(n, "title"), attr(n, "aria-label"))
	// Spans shown as blocks: a video may stand inside a paragraph.
	c.w.open("span", styleFigure+";display:block")
	if poster := attr(n, "poster"); poster != "" {
		if u, ok := c.e.picture([]candidate{{url: poster}}, c.e.pos(poster), false); ok {
			c.w.WriteString(`<img src="` + html.EscapeString(u) + `" alt="` + html.EscapeString(cmpOr(label, what)) + `" style="` + styleImg + `">`)
		}
	}
	c.w.open("span", stylePlace+";display:block")
	if label != "" {
		c.w.WriteString("［" + html.EscapeString(what) + "：" + html.EscapeString(label) + "，请到网站上查看］")
	} else {
		c.w.WriteString("［" + what + "，请到网站上查看］")
	}
	target := c.e.abs(c.e.model.Config.RelURL(c.e.page.URL))
	if src != "" {
		target = c.e.abs(src)
	}
	c.noteRef(c.e.addNote("link "+target, note{text: html.EscapeString(cmpOr(label, what)), url: target}))
	c.w.close("span")
	c.w.close("span")
	at := c.e.pos(src)
	c.e.l.Add(at, diag.WeChatEmbed, why, what)
}

// lost warns about an element that cannot reach the 公众号 at all.
func (c *converter) lost(n *xhtml.Node) {
	c.e.l.Add(c.e.find("<"+n.Data), diag.WeChatTagDropped, n.Data)
}

// pre writes a code block line by line: the editor drops newlines and
// runs of spaces in pasted text.
func (c *converter) pre(n *xhtml.Node) {
	w := c.w
	w.open("pre", stylePre)
	w.open("code", stylePreCode)
	code := strings.ReplaceAll(strings.TrimSuffix(text(n), "\n"), "\t", "    ")
	for i, l := range strings.Split(code, "\n") {
		if i > 0 {
			w.WriteString("<br>")
		}
		trimmed := strings.TrimLeft(l, " ")
		lead := len(l) - len(trimmed)
		w.WriteString(strings.Repeat("&nbsp;", lead) + html.EscapeString(trimmed))
	}
	w.close("code")
	w.close("pre")
}

// list writes a list's items as paragraphs whose markers are text.
func (c *converter) list(n *xhtml.Node, depth int) {
	w := c.w
	number := 1
	if s := attr(n, "start"); s != "" {
		fmt.Sscan(s, &number)
	}
	pad := 1.5 * float64(depth+1)
	for li := n.FirstChild; li != nil; li = li.NextSibling {
		if li.DataAtom != atom.Li {
			continue
		}
		marker := "•"
		if depth%2 == 1 {
			marker = "◦"
		}
		if n.DataAtom == atom.Ol {
			marker = fmt.Sprintf("%d.", number)
			number++
		}
		w.open("p", fmt.Sprintf(styleItem, pad))
		w.WriteString(marker + "&nbsp;")
		open, first := true, true
		for d := li.FirstChild; d != nil; d = d.NextSibling {
			if d.Type == xhtml.TextNode && strings.TrimSpace(d.Data) == "" {
				continue
			}
			switch {
			case d.DataAtom == atom.Ul || d.DataAtom == atom.Ol:
				if open {
					w.close("p")
					open = false
				}
				c.list(d, depth+1)
			case d.DataAtom == atom.P && open && first:
				c.inlines(d)
			case d.DataAtom == atom.P:
				if open {
					w.close("p")
				}
				w.open("p", fmt.Sprintf(styleItemMore, pad))
				c.inlines(d)
				w.close("p")
				open = false
			case d.Type == xhtml.ElementNode && isBlock(d):
				if open {
					w.close("p")
					open = false
				}
				c.block(d)
			default:
				if !open {
					w.open("p", fmt.Sprintf(styleItemMore, pad))
					open = true
				}
				if d.Type == xhtml.TextNode && (d.NextSibling == nil || isBlock(d.NextSibling)) {
					w.WriteString(html.EscapeString(strings.TrimRightFunc(d.Data, unicode.IsSpace)))
					break
				}
				c.inline(d)
			}
			first = false
		}
		if open {
			w.close("p")
		}
	}
}

// table writes a table in a box that scrolls sideways, and warns when it
// is too wide to read on a phone even so.
func (c *converter) table(n *xhtml.Node) {
	w := c.w
	var widths []float64 // of each column: its widest cell and the padding
	for tr := range n.Descendants() {
		if tr.DataAtom != atom.Tr {
			continue
		}
		col := 0
		for cell := tr.FirstChild; cell != nil; cell = cell.NextSibling {
			if cell.DataAtom == atom.Td || cell.DataAtom == atom.Th {
				if col == len(widths) {
					widths = append(widths, 0)
				}
				widths[col] = max(widths[col], textWidth(text(cell))+1.2)
				col++
			}
		}
	}
	total := 0.0
	for _, v := range widths {
		total += v
	}
	if total > wideTable {
		first := ""
		for cell := range n.Descendants() {
			if cell.DataAtom == atom.Th || cell.DataAtom == atom.Td {
				first = strings.TrimSpace(text(cell))
				break
			}
		}
		c.e.l.Add(c.e.find("| "+first), diag.WeChatTableWide, first, len(widths), fmt.Sprintf("%.0f", total), fmt.Sprintf("%.0f", total/22))
	}
	w.open("section", styleTableWrap)
	w.open("table", styleTable)
	var rows func(*xhtml.Node)
	rows = func(p *xhtml.Node) {
		for d := p.FirstChild; d != nil; d = d.NextSibling {
			switch d.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				w.open(d.Data, styleRowGroup)
				rows(d)
				w.close(d.Data)
			case atom.Tr:
				w.open("tr", styleRow)
				rows(d)
				w.close("tr")
			case atom.Th, atom.Td:
				style := styleTd
				if d.DataAtom == atom.Th {
					style = styleTh
				}
				style += ";text-align:" + cmpOr(textAlign(d), "left")
				if textWidth(text(d)) <= 12 {
					style += ";white-space:nowrap"
				} else {
					style += ";min-width:8em"
				}
				w.WriteString("<" + d.Data)
				for _, k := range []string{"colspan", "rowspan"} {
					if v := attr(d, k); v != "" {
						w.WriteString(" " + k + `="` + html.EscapeString(v) + `"`)
					}
				}
				w.WriteString(` style="` + html.EscapeString(style) + `">`)
				c.inlines(d)
				w.close(d.Data)
			case atom.Caption:
				w.open("caption", styleCaption)
				c.inlines(d)
				w.close("caption")
			}
		}
	}
	rows(n)
	w.close("table")
	w.close("section")
}

// textWidth is a text's width in characters: a Han character or a
// full-width sign is one, a Latin letter or digit about half.
func textWidth(s string) float64 {
	wd := 0.0
	for _, r := range strings.TrimSpace(s) {
		if r >= 0x2E80 || unicode.Is(unicode.Han, r) {
			wd++
		} else {
			wd += .55
		}
	}
	return wd
}

// textAlign reads the alignment Markdown tables write into cells' style.
func textAlign(n *xhtml.Node) string {
	for part := range strings.SplitSeq(attr(n, "style"), ";") {
		k, v, ok := strings.Cut(part, ":")
		if ok && strings.TrimSpace(k) == "text-align" {
			switch v = strings.TrimSpace(v); v {
			case "left", "right", "center", "justify":
				return v
			}
		}
	}
	return ""
}

// onlyPictures tells whether a paragraph holds pictures and nothing else.
func onlyPictures(n *xhtml.Node) bool {
	found := false
	for d := range n.Descendants() {
		switch {
		case d.DataAtom == atom.Img || d.DataAtom == atom.Video:
			found = true
		case d.Type == xhtml.TextNode && strings.TrimSpace(d.Data) != "":
			return false
		}
	}
	return found
}

func isBlock(n *xhtml.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Main,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Ul, atom.Ol, atom.Dl,
		atom.Pre, atom.Hr, atom.Table, atom.Figure, atom.Details, atom.Summary, atom.Address:
		return true
	}
	return false
}

func hasBlock(n *xhtml.Node) bool {
	for d := n.FirstChild; d != nil; d = d.NextSibling {
		if isBlock(d) {
			return true
		}
	}
	return false
}
