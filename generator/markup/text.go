package markup

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// headingIDs makes heading IDs that keep Chinese (and any other) letters:
// "## 发展回顾" gets id="发展回顾". Punctuation is dropped, spaces become
// hyphens, Latin is lowercased; a repeated ID gets -1, -2, ...
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Slug turns a heading's text into an ID.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range html.UnescapeString(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '-' || r == '_' || r == '\u3000' || r == '\t':
			dash = true
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slug(string(value))
	id := base
	for i := 1; h.used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// tocHeading is a heading of the table of contents.
type tocHeading struct {
	level int
	id    string
	text  string
}

// toc renders the headings of levels 2 to 4 as nested lists, or "" when
// there are fewer than two.
func toc(hs []tocHeading) string {
	if len(hs) < 2 {
		return ""
	}
	var b strings.Builder
	depth := 0
	base := hs[0].level
	for _, h := range hs {
		base = min(base, h.level)
	}
	for i, h := range hs {
		level := h.level - base + 1
		switch {
		case level > depth:
			for ; depth < level; depth++ {
				b.WriteString("<ul>")
				if depth+1 < level {
					b.WriteString("<li>")
				}
			}
		case i > 0:
			b.WriteString("</li>")
			for ; depth > level; depth-- {
				b.WriteString("</ul></li>")
			}
		}
		b.WriteString(`<li><a href="#`)
		b.WriteString(html.EscapeString(h.id))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(h.text))
		b.WriteString(`</a>`)
	}
	b.WriteString("</li>")
	for ; depth > 1; depth-- {
		b.WriteString("</ul></li>")
	}
	b.WriteString("</ul>")
	return b.String()
}

// headings lists the top-level headings of levels 2 to 4 of a document,
// with, in their place, those inside gives for a block (a shortcode's
// inner Markdown); inside may be nil.
func headings(root ast.Node, src []byte, bufs *buffers, inside func(ast.Node) []tocHeading) []tocHeading {
	var hs []tocHeading
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		if inside != nil {
			hs = append(hs, inside(c)...)
		}
		h, ok := c.(*ast.Heading)
		if !ok || h.Level < 2 || h.Level > 4 {
			continue
		}
		id, _ := h.AttributeString("id")
		idb, _ := id.([]byte)
		hs = append(hs, tocHeading{h.Level, string(idb), plainText(h, src, bufs)})
	}
	return hs
}

// plainText is the text a reader reads in n: no markup, no code blocks, no
// raw HTML, no images' alt text; blocks separated by newlines, soft line breaks as Markdown kept
// them (after transform, which removed those between Chinese characters).
func plainText(n ast.Node, src []byte, bufs *buffers) string {
	b := bufs.get()
	defer bufs.put(b)
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch c := c.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.Image, *east.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				b.Write(c.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				b.Write(c.Value)
			}
		case *ast.AutoLink:
			if entering {
				b.Write(c.Label(src))
			}
		default:
			if !entering && c.Type() == ast.TypeBlock && b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
				b.WriteByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

// summaryText is the text of the given top-level blocks that are
// paragraphs or lists: the prose a summary is made of, without headings,
// quotes (sample notes), tables or code. With limit > 0 it stops once the
// text is longer than limit characters: cut(s, limit) looks no further.
func summaryText(blocks []ast.Node, src []byte, limit int, bufs *buffers) string {
	var prose []ast.Node
	for _, c := range blocks {
		switch c.(type) {
		case *ast.Paragraph, *ast.List:
			prose = append(prose, c)
		}
	}
	return joinBlocks(prose, src, limit, bufs)
}

// joinBlocks joins the plain text of blocks: with a space between two
// Latin paragraphs, without one when either side is Chinese. With limit > 0
// it stops once the text is longer than limit characters.
func joinBlocks(nodes []ast.Node, src []byte, limit int, bufs *buffers) string {
	var b strings.Builder
	runes := 0
	for _, n := range nodes {
		if limit > 0 && runes > limit {
			break
		}
		t := plainText(n, src, bufs)
		if strings.ContainsFunc(t, unicode.IsSpace) { // rare in Chinese text
			t = strings.Join(strings.Fields(t), " ") // plainText trimmed the ends
		}
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(t)
			if !isWide(last) && !isWide(first) {
				b.WriteByte(' ')
				runes++
			}
		}
		b.WriteString(t)
		runes += utf8.RuneCountInString(t)
	}
	return b.String()
}

// cut shortens s to about n characters, at the end of the last sentence
// (。！？) that fits if there is one in the second half, and ends it with ……
func cut(s string, n int) string {
	// Only the first n characters can be kept: find where they end, and
	// the last sentence end among characters n/2 to n-1, by byte offsets,
	// rather than converting s to runes and back.
	size, end, valid := 0, -1, true
	for k := 0; k < n && size < len(s); k++ {
		r, w := utf8.DecodeRuneInString(s[size:])
		valid = valid && (r != utf8.RuneError || w > 1)
		if k >= n/2 && (r == '。' || r == '！' || r == '？') {
			end = size
		}
		size += w
	}
	if size == len(s) {
		return s // n characters or fewer
	}
	if !valid { // a broken byte becomes U+FFFD, as it always did
		return cut(string([]rune(s[:size]))+s[size:], n)
	}
	if end < 0 {
		end = size
	}
	return strings.TrimRight(s[:end], " ，、；：,;:") + "……"
}

// countWords counts each Han character (and kana) as one word and each run
// of Latin letters or digits as one word; 1,200 and 3.14 are one word.
func countWords(s string) int {
	n := 0
	inWord := false
	prev := rune(-1) // none yet
	for i := 0; i < len(s); {
		if j := hanRun(s, i); j > i { // most of Chinese text: a word a character
			n += (j - i) / 3
			i, inWord, prev = j, false, '中'
			continue
		}
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		// , and . are one byte, so the next character starts at i+1.
		inNumber := (r == ',' || r == '.') && unicode.IsDigit(prev) && i+1 < len(s) && unicode.IsDigit(firstRune(s[i+1:]))
		prev = r
		i += w
		switch {
		case r >= 0x4E00 && r <= 0x9FFF, r >= utf8.RuneSelf && isHanOrKana(r):
			n++
			inWord = false
		case isLetterOrDigit(r) || (inWord && (r == '\'' || r == '-' || inNumber)):
			if !inWord {
				n++
			}
			inWord = true
		default:
			inWord = false
		}
	}
	return n
}

// hanRun returns where the run of characters of U+4E00 to U+9FFF (CJK
// Unified Ideographs, all Han, three bytes each in UTF-8) that starts at
// i ends: i when there is none. countWords goes through every page's text,
// and decoding each character was most of its time.
func hanRun(s string, i int) int {
	for i+2 < len(s) {
		c, c1 := s[i], s[i+1]
		if c < 0xE4 || c > 0xE9 || c == 0xE4 && c1 < 0xB8 || c1&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			break
		}
		i += 3
	}
	return i
}

// isLetterOrDigit is unicode.IsLetter(r) || unicode.IsDigit(r), answered
// for ASCII and Chinese punctuation without the tables.
func isLetterOrDigit(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case notWord(r):
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// prevRune finds the last character of text n, or, when n is empty (as
// after a link that ends a line), of the inlines before it.
func prevRune(n *ast.Text, src []byte) (rune, bool) {
	if v := n.Value(src); len(v) > 0 {
		r, _ := utf8.DecodeLastRune(v)
		return r, true
	}
	for s := n.PreviousSibling(); s != nil; s = s.PreviousSibling() {
		if r, ok := edgeRune(s, src, true); ok {
			return r, true
		}
	}
	return 0, false
}

// nextRune finds the first character after n inside the same block: in
// n's next sibling or, when n is last, after its parent inline (emphasis,
// link).
func nextRune(n ast.Node, src []byte) (rune, bool) {
	for cur := n; cur != nil && cur.Type() == ast.TypeInline; cur = cur.Parent() {
		for s := cur.NextSibling(); s != nil; s = s.NextSibling() {
			if r, ok := edgeRune(s, src, false); ok {
				return r, true
			}
		}
	}
	return 0, false
}

// edgeRune is the first (or, with last, the final) character of inline
// n's text.
func edgeRune(n ast.Node, src []byte, last bool) (rune, bool) {
	var v []byte
	switch n := n.(type) {
	case *ast.Text:
		v = n.Value(src)
	case *ast.String:
		v = n.Value
	case *ast.AutoLink:
		v = n.Label(src)
	default:
		if last {
			for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
				if r, ok := edgeRune(c, src, last); ok {
					return r, true
				}
			}
			return 0, false
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if r, ok := edgeRune(c, src, last); ok {
				return r, true
			}
		}
		return 0, false
	}
	if len(v) == 0 {
		return 0, false
	}
	if last {
		r, _ := utf8.DecodeLastRune(v)
		return r, true
	}
	r, _ := utf8.DecodeRune(v)
	return r, true
}
