package markup

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// isWide reports whether r is written without spaces around it in Chinese
// text: Han and kana, CJK and full-width punctuation, and the quotes, dashes
// and ellipsis that Chinese text uses.
func isWide(r rune) bool {
	return isHanOrKana(r) || isCJKPunct(r) || r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·'
}

// isHanOrKana reports whether r is a Han character or kana. It answers for
// the common characters before asking the Unicode tables, which are slow
// for the millions of characters of a site.
func isHanOrKana(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs: all Han
		return true
	case r < 0x2E80: // below the first Han character and kana
		return false
	case notWord(r): // Chinese punctuation
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana)
}

// notWord reports, for the punctuation of Chinese text (、。「」《》（），
// ！：；？ and the like), that r is neither a letter, a digit, a Han
// character nor kana, without asking the Unicode tables: a tenth of
// Chinese text is punctuation, and each asked three to five tables.
func notWord(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x3004, r >= 0x3008 && r <= 0x3020: // 、。「」《》【】〔〕
		return true
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20: // ！（），． ：；？
		return true
	case r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	}
	return false
}

// isCJKPunct reports whether r is CJK or full-width punctuation (，。！？；：、
// 「」《》（） and the like), which never has a space after or before it.
func isCJKPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60) || (r >= 0xFE30 && r <= 0xFE4F) || (r >= 0xFE10 && r <= 0xFE19)
}

// joinLines reports whether a soft line break between prev and next should
// vanish: between two wide characters, or next to CJK punctuation. A break
// between Chinese and a Latin word or inline code stays a space.
func joinLines(prev, next rune) bool {
	return (isWide(prev) && isWide(next)) || isCJKPunct(prev) || isCJKPunct(next)
}

// cjkEmphasis replaces goldmark's parsers of * _ (emphasis) and ~
// (strikethrough) with one whose flanking rules accept Chinese next to
// punctuation: CommonMark does not let `**“引号”**后` or `中文**“引号”**`
// open or close, because a delimiter run between a letter and punctuation
// counts as neither left- nor right-flanking. Here a CJK character on the
// outer side counts like white space, as in the "CJK-friendly emphasis"
// amendment proposed for CommonMark.
type cjkEmphasis struct{}

func (cjkEmphasis) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(cjkEmphasis{}, 499)))
}

func (cjkEmphasis) Trigger() []byte { return []byte{'*', '_', '~'} }

func (cjkEmphasis) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	var processor parser.DelimiterProcessor = emphasisDelimiters{}
	if line[0] == '~' {
		processor = strikeDelimiters{}
	}
	d := parser.ScanDelimiter(line, before, 1, processor)
	if d == nil || (d.Char == '~' && (d.OriginalLength > 2 || before == '~')) {
		return nil // GFM: ~~~ is not strikethrough
	}
	after := ' '
	if d.OriginalLength < len(line) {
		after = util.ToRune(line, d.OriginalLength)
	}
	beforeSpace, afterSpace := util.IsSpaceRune(before), util.IsSpaceRune(after)
	beforePunct, afterPunct := util.IsPunctRune(before), util.IsPunctRune(after)
	left := !afterSpace && (!afterPunct || beforeSpace || beforePunct || isWide(before))
	right := !beforeSpace && (!beforePunct || afterSpace || afterPunct || isWide(after))
	if d.Char == '_' {
		d.CanOpen = left && (!right || beforePunct)
		d.CanClose = right && (!left || afterPunct)
	} else {
		d.CanOpen, d.CanClose = left, right
	}
	d.Segment = segment.WithStop(segment.Start + d.OriginalLength)
	block.Advance(d.OriginalLength)
	pc.PushDelimiter(d)
	return d
}

type emphasisDelimiters struct{}

func (emphasisDelimiters) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

type strikeDelimiters struct{}

func (strikeDelimiters) IsDelimiter(b byte) bool { return b == '~' }

func (strikeDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikeDelimiters) OnMatch(consumes int) ast.Node { return east.NewStrikethrough() }

// bareURL matches a URL written without spaces around it; it stops at the
// first character that is not ASCII, so Chinese text after it is not taken.
var bareURL = regexp.MustCompile(`(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+`)

// mayHaveURL reports whether bareURL could match in v: every match has
// "://" or "www.". Most text has neither, and the regexp is slow to say so.
func mayHaveURL(v []byte) bool {
	return bytes.Contains(v, []byte("://")) || bytes.Contains(v, []byte("www."))
}

// linkAfterCJK turns URLs written right after Chinese text or punctuation
// (报名链接：https://example.org/) into links. GFM's autolinks only start
// after white space, so they miss these; inline parsers cannot help, since
// goldmark triggers them only at ASCII punctuation and spaces.
func linkAfterCJK(t *ast.Text, src []byte) {
	switch t.Parent().(type) {
	case *ast.Link, *ast.AutoLink, *ast.CodeSpan, *ast.Image:
		return
	}
	v := t.Value(src)
	if !mayHaveURL(v) {
		return
	}
	loc := bareURL.FindIndex(v)
	if loc == nil || loc[0] == 0 {
		return
	}
	if r, _ := utf8.DecodeLastRune(v[:loc[0]]); !isWide(r) {
		return
	}
	end := loc[1]
	for end > loc[0] && strings.ContainsRune(".,:;!?)'", rune(v[end-1])) {
		end--
	}
	seg := t.Segment
	urlText := ast.NewTextSegment(text.NewSegment(seg.Start+loc[0], seg.Start+end))
	link := ast.NewAutoLink(ast.AutoLinkURL, urlText)
	if bytes.HasPrefix(v[loc[0]:], []byte("www.")) {
		link.Protocol = []byte("http")
	}
	rest := ast.NewTextSegment(text.NewSegment(seg.Start+end, seg.Stop))
	rest.SetSoftLineBreak(t.SoftLineBreak())
	rest.SetHardLineBreak(t.HardLineBreak())
	t.Segment = seg.WithStop(seg.Start + loc[0])
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	parent := t.Parent()
	parent.InsertAfter(parent, t, link)
	parent.InsertAfter(parent, link, rest)
	linkAfterCJK(rest, src)
}
