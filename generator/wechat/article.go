package wechat

import (
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"

	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/source"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// article writes the whole fragment: the notice's 文号 or the article's
// authors and abstract, the page's text, its attachments, its 落款 and the
// notes.
func (e *exporter) article(nodes []*xhtml.Node, footnotes map[string]*xhtml.Node) string {
	var w writer
	w.open("section", styleRoot)
	p := e.page
	if p.FM.DocNo != "" {
		w.element("p", styleDocNo, html.EscapeString(p.FM.DocNo))
	}
	e.journalHead(&w)
	c := &converter{e: e, w: &w, footnotes: footnotes, indent: p.Kind == source.KindPost || p.Kind == source.KindArticle}
	for _, n := range nodes {
		c.block(n)
	}
	e.attachments(&w)
	if p.FM.DocNo != "" || p.FM.Issuer != "" {
		issuer := cmpOr(p.FM.Issuer, e.model.Config.Title)
		w.element("p", styleSign, html.EscapeString(issuer)+"<br>"+html.EscapeString(e.date()))
	}
	if len(e.notes) > 0 {
		w.open("section", styleNotes)
		w.element("p", styleNotesH, notesHeading(e.notes))
		for i, n := range e.notes {
			if n.footnote {
				w.element("p", styleLine, fmt.Sprintf("[%d] %s", i+1, n.text))
				continue
			}
			t := ""
			if n.text != "" {
				t = n.text + "："
			}
			w.element("p", styleLine, fmt.Sprintf("[%d] %s%s", i+1, t, html.EscapeString(n.url)))
		}
		w.close("section")
	}
	w.close("section")
	return w.String()
}

// journalHead writes a journal article's authors, abstract and keywords,
// as its page shows them above the text.
func (e *exporter) journalHead(w *writer) {
	p := e.page
	if len(p.FM.Authors) > 0 {
		var names []string
		for _, a := range p.FM.Authors {
			s := html.EscapeString(a.Name)
			if a.Affiliation != "" {
				s += "（" + html.EscapeString(a.Affiliation) + "）"
			}
			names = append(names, s)
		}
		w.element("p", styleMeta, strings.Join(names, "　"))
	}
	if p.FM.Abstract == "" && len(p.FM.Keywords) == 0 {
		return
	}
	w.open("section", styleAbstract)
	if p.FM.Abstract != "" {
		w.element("p", styleBoxP, `<strong style="`+styleStrong+`">摘要：</strong>`+html.EscapeString(p.FM.Abstract))
	}
	if len(p.FM.Keywords) > 0 {
		w.element("p", styleBoxP, `<strong style="`+styleStrong+`">关键词：</strong>`+html.EscapeString(strings.Join(p.FM.Keywords, "；")))
	}
	w.close("section")
}

// attachments lists a notice's files with their full addresses: the 公众号
// cannot attach files, and its readers cannot click the site's links.
func (e *exporter) attachments(w *writer) {
	if len(e.page.Files) == 0 {
		return
	}
	w.open("section", styleSection)
	w.element("p", styleLabel, "附件：")
	for i, f := range e.page.Files {
		w.element("p", styleLine, fmt.Sprintf("%d. %s（%s，%s）：%s", i+1, html.EscapeString(f.Title), html.EscapeString(f.Type), html.EscapeString(render.FormatSize(f.Size)), html.EscapeString(e.abs(e.model.Config.RelURL(f.URL)))))
	}
	w.close("section")
}

// parse reads a page's HTML, and takes its footnotes out of it: their
// numbers come from where they are cited.
func parse(s string) (nodes []*xhtml.Node, footnotes map[string]*xhtml.Node) {
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), body)
	if err != nil { // the reader cannot fail
		return nil, nil
	}
	footnotes = map[string]*xhtml.Node{}
	var kept []*xhtml.Node
	for _, n := range nodes {
		if n.Type == xhtml.ElementNode && (attr(n, "role") == "doc-endnotes" || hasClass(n, "footnotes")) {
			for li := range n.Descendants() {
				if li.DataAtom == atom.Li && attr(li, "id") != "" {
					footnotes[attr(li, "id")] = li
				}
			}
			continue
		}
		kept = append(kept, n)
	}
	return kept, footnotes
}

// pictures lists the pictures of a page's HTML, each as its versions.
func pictures(nodes []*xhtml.Node) [][]candidate {
	var out [][]candidate
	for _, n := range nodes {
		for d := range n.Descendants() {
			if d.DataAtom == atom.Img {
				out = append(out, versions(d))
			}
		}
	}
	return out
}

// versions lists an <img>'s versions: its src and its srcset's, and those
// of the <source> elements of its <picture>.
func versions(img *xhtml.Node) []candidate {
	var cs []candidate
	w, _ := strconv.Atoi(attr(img, "width"))
	set := srcset(attr(img, "srcset"), w)
	if src := attr(img, "src"); src != "" {
		// The width attribute is the picture's (the photo's, for a
		// photo with copies), not src's: with a srcset, src is one of
		// its copies, as wide as the srcset says, or unknown.
		srcWidth := w
		if len(set) > 0 {
			srcWidth = 0
			for _, c := range set {
				if c.url == src {
					srcWidth = c.width
				}
			}
		}
		cs = append(cs, candidate{url: src, width: srcWidth})
	}
	cs = append(cs, set...)
	if p := img.Parent; p != nil && p.DataAtom == atom.Picture {
		for s := p.FirstChild; s != nil; s = s.NextSibling {
			if s.DataAtom == atom.Source {
				cs = append(cs, srcset(attr(s, "srcset"), w)...)
			}
		}
	}
	return cs
}

// srcset reads a srcset attribute: "a.jpg 640w, b.jpg 1280w" or "a.jpg,
// b.jpg 2x"; a density counts as that many times width.
func srcset(s string, width int) []candidate {
	var cs []candidate
	for part := range strings.SplitSeq(s, ",") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		c := candidate{url: f[0], width: width}
		if len(f) > 1 {
			d := f[1]
			switch {
			case strings.HasSuffix(d, "w"):
				c.width, _ = strconv.Atoi(strings.TrimSuffix(d, "w"))
			case strings.HasSuffix(d, "x"):
				x, _ := strconv.ParseFloat(strings.TrimSuffix(d, "x"), 64)
				c.width = int(float64(max(width, 1)) * x)
			}
		}
		cs = append(cs, c)
	}
	return cs
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *xhtml.Node, class string) bool {
	return strings.Contains(" "+attr(n, "class")+" ", " "+class+" ")
}

// text is the text of a node, as a reader sees it.
func text(n *xhtml.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == xhtml.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// isWeChat tells whether a link goes to a 公众号 article, the only links
// the editor keeps.
func isWeChat(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && strings.EqualFold(u.Hostname(), "mp.weixin.qq.com")
}

// writer builds the fragment; every element it opens carries a style.
type writer struct{ strings.Builder }

func (w *writer) open(tag, style string) {
	w.WriteString("<" + tag + ` style="` + html.EscapeString(style) + `">`)
}

func (w *writer) close(tag string) { w.WriteString("</" + tag + ">") }

// element writes an element with inner HTML already escaped.
func (w *writer) element(tag, style, inner string) {
	w.open(tag, style)
	w.WriteString(inner)
	w.close(tag)
}
