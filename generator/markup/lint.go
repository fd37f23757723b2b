package markup

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"

	"folio.dev/folio/generator/diag"
)

// What an editor meant as an image, a link or a heading but Markdown
// prints as it is, and no later check sees: the usual slips of a Chinese
// input method and of photos named by a phone or Windows.
var (
	// ![合影](学员 合影 2025.jpg): an address with a space and no quoted
	// title (a link's title is in quotes) is not an address.
	spacedAddress = regexp.MustCompile(`!?\[[^\]\n]*\]\([^)"'<>\n]*[ \t\x{3000}][^)"'<>\n]*\)`)
	// ！[合影](a.jpg), [回执]（a.csv）
	fullWidthMarks = regexp.MustCompile(`！\[[^\]\n]*\][(（][^)）\n]*[)）]|!?\[[^\]\n]*\]（[^）\n]*）`)
	// ##活动花絮: a heading needs a space after its #. A line that has one
	// # only before Chinese text and none after is taken for a heading too;
	// #话题# is a topic, as on Weibo.
	unspacedHeading = regexp.MustCompile(`^(#{2,6}[^#\s]|#[\p{Han}][^#]*$)`)
)

// lint reports paragraph p's lines that hold an image, link or heading
// Markdown did not read as one, at the place it starts.
func (d *docWalk) lint(p ast.Node) {
	if d.l == nil {
		return
	}
	lines := p.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(d.body)
		if len(line) > 0 && line[0] == '#' && unspacedHeading.Match(line) {
			d.l.Add(d.at(seg.Start), diag.MarkupNotHeading, string(bytes.TrimSpace(line)))
		}
		// A regular expression over every line with a link would cost a
		// tenth of the conversion: it runs only where a cheap look finds
		// an address with a space, or a full-width mark after ]. (Chinese
		// text is full of bytes that start ！ too: a ] is looked for first.)
		if bytes.IndexByte(line, ']') < 0 {
			continue
		}
		res := make([]*regexp.Regexp, 0, 2)
		if spacedLink(line) {
			res = append(res, spacedAddress)
		}
		if bytes.Contains(line, []byte("]（")) || bytes.Contains(line, []byte("！[")) {
			res = append(res, fullWidthMarks)
		}
		for _, re := range res {
			for _, m := range re.FindAllIndex(line, -1) {
				if (m[0] > 0 && line[m[0]-1] == '\\') || d.inCode(p, seg.Start+m[0]) {
					continue // written as it is on purpose
				}
				code := diag.MarkupSpacedAddress
				if re == fullWidthMarks {
					code = diag.MarkupFullWidthMarks
				}
				d.l.Add(d.at(seg.Start+m[0]), code, string(line[m[0]:m[1]]))
			}
		}
	}
}

// inCode tells whether the byte at off of paragraph p is in a code span,
// where Markdown is shown as written on purpose.
func (d *docWalk) inCode(p ast.Node, off int) bool {
	in := false
	_ = ast.Walk(p, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*ast.CodeSpan); ok && entering {
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok && s.Segment.Start-1 <= off && off <= s.Segment.Stop {
					in = true
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return in
}

// spacedLink tells whether line has a ]( whose address, up to the next ),
// has a space and no quote or angle bracket (a title is quoted, an address
// with spaces may be in <>).
func spacedLink(line []byte) bool {
	for {
		i := bytes.Index(line, []byte("]("))
		if i < 0 {
			return false
		}
		line = line[i+2:]
		addr := line
		if end := bytes.IndexByte(line, ')'); end >= 0 {
			addr = line[:end]
		}
		if bytes.ContainsAny(addr, " \t\u3000") && !bytes.ContainsAny(addr, "\"'<>") {
			return true
		}
	}
}
