// Package sanitize makes content files that a browser would run safe to
// publish while [markup] unsafe = false: for now SVG drawings, which a
// browser opens as documents of the site's origin, where a <script>, an
// event handler or a javascript: link would run. SVG parses the drawing
// and writes it again with only the elements and attributes of an
// allowlist, keeping what draws (shapes, paths, text, gradients,
// patterns, filters, styles without outside references) and dropping what
// runs or loads anything. It reads and returns bytes only: which files
// pass through it, and what is reported, is its callers' business.
package sanitize

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"folio.dev/folio/generator/diag"
)

// The namespaces an SVG drawing may use.
const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

// Error is a drawing that cannot be parsed, at its line and column.
type Error struct {
	Line, Col int
	Why       diag.Message // what is wrong, in the editor's language when printed
}

func (e *Error) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Why.Text(diag.English))
}

// Dropped is an element or attribute SVG left out, and where it was.
type Dropped struct {
	Line int
	What string // "<script>", "onload", "href=\"javascript:…\"", "<?xml-stylesheet?>"
}

func (d Dropped) String() string { return fmt.Sprintf("%s (line %d)", d.What, d.Line) }

// maxDepth is deeper than any drawing nests its groups; deeper input is
// refused rather than walked.
const maxDepth = 256

// SVG returns the drawing src written again with only what the allowlist
// lets through, and what it dropped that a person drew or wrote (editors'
// metadata, comments and the XML declaration go without a word). A
// document that is not well-formed XML, uses entities other than XML's
// five, or whose root is not <svg> is an *Error.
func SVG(src []byte) ([]byte, []Dropped, error) {
	if !utf8.Valid(src) {
		return nil, nil, &Error{Line: 1, Col: 1, Why: diag.Msg(diag.SVGNotUTF8)}
	}
	d := newDecoder(src)
	xlink := bytes.Contains(src, []byte(xlinkNS)) // an xlink: attribute is kept only where it is declared
	var out bytes.Buffer
	var dropped []Dropped
	drop := func(what string) { dropped = append(dropped, Dropped{Line: d.line(), What: what}) }
	var stack []string // the open elements written
	started, done := false, false
	open := false // a start tag written but its ">"
	closeTag := func() {
		if open {
			out.WriteByte('>')
			open = false
		}
	}
	for !done {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, d.fail(xmlMessage(err))
		}
		switch t := tok.(type) {
		case startElement:
			if !started && (t.Name.Local != "svg" || (t.Name.Space != "" && t.Name.Space != svgNS)) {
				return nil, nil, d.fail(diag.SVGNotSVG, t.Name.Local)
			}
			if len(stack) >= maxDepth {
				return nil, nil, d.fail(diag.SVGTooDeep, maxDepth)
			}
			name, ok, quiet := element(t.Name)
			if !ok {
				if !quiet {
					drop("<" + qualified(t.Name) + ">")
				}
				if err := d.Skip(); err != nil {
					return nil, nil, d.fail(xmlMessage(err))
				}
				continue
			}
			if name == "style" {
				css, err := d.text()
				if err != nil {
					return nil, nil, d.fail(xmlMessage(err))
				}
				if !safeCSS(css) {
					drop("<style> that loads other files")
					continue
				}
				closeTag()
				writeStart(&out, name, nil, xlink)
				out.WriteByte('>')
				escape(&out, css, false)
				out.WriteString("</style>")
				started = true
				continue
			}
			var attrs []attr
			for _, a := range t.Attr {
				key, value, ok, quiet := attribute(name, a)
				if !ok {
					if !quiet {
						drop(describe(a))
					}
					continue
				}
				attrs = append(attrs, attr{key, value})
			}
			closeTag()
			writeStart(&out, name, attrs, xlink)
			open = true
			started = true
			stack = append(stack, name)
		case endElement:
			if len(stack) == 0 {
				continue
			}
			if open {
				out.WriteString("/>")
				open = false
			} else {
				out.WriteString("</" + stack[len(stack)-1] + ">")
			}
			stack = stack[:len(stack)-1]
			done = len(stack) == 0
		case charData:
			if started {
				closeTag()
				escape(&out, string(t), false)
			}
		case procInst:
			if t.Target != "xml" {
				drop("<?" + t.Target + "?>")
			}
		case directive:
			if bytes.Contains(t, []byte("[")) || bytes.Contains(t, []byte("ENTITY")) {
				drop("<!DOCTYPE> with its own entities")
			}
		}
	}
	if !started {
		return nil, nil, &Error{Line: 1, Col: 1, Why: diag.Msg(diag.SVGNoRoot)}
	}
	if len(stack) > 0 {
		return nil, nil, d.fail(diag.SVGEndsEarly, stack[len(stack)-1])
	}
	out.WriteByte('\n')
	return out.Bytes(), dropped, nil
}

type attr struct{ key, value string }

// writeStart writes a start tag but its ">" (an element with nothing in it
// ends it with "/>"); the root's declares the namespaces, xlink when the
// drawing uses it anywhere.
func writeStart(out *bytes.Buffer, name string, attrs []attr, xlink bool) {
	root := out.Len() == 0
	out.WriteString("<" + name)
	if root {
		out.WriteString(` xmlns="` + svgNS + `"`)
		if xlink {
			out.WriteString(` xmlns:xlink="` + xlinkNS + `"`)
		}
	}
	for _, a := range attrs {
		out.WriteString(" " + a.key + `="`)
		escape(out, a.value, true)
		out.WriteByte('"')
	}
}

// escape writes s with &, <, > and quotes as references, and in an
// attribute (attr) tabs and line ends too, so that it reads back the same.
func escape(out *bytes.Buffer, s string, attr bool) {
	for _, r := range s {
		switch r {
		case '&':
			out.WriteString("&amp;")
		case '<':
			out.WriteString("&lt;")
		case '>':
			out.WriteString("&gt;")
		case '"':
			out.WriteString("&#34;")
		case '\'':
			out.WriteString("&#39;")
		case '\t', '\n', '\r':
			if attr {
				fmt.Fprintf(out, "&#x%X;", r)
			} else {
				out.WriteRune(r)
			}
		default:
			out.WriteRune(r)
		}
	}
}

func qualified(n name) string {
	switch n.Space {
	case "", svgNS:
		return n.Local
	case xlinkNS:
		return "xlink:" + n.Local
	case xmlNS:
		return "xml:" + n.Local
	}
	if i := strings.LastIndexAny(n.Space, "/#"); i >= 0 && i < len(n.Space)-1 {
		return n.Space[i+1:] + ":" + n.Local
	}
	return n.Space + ":" + n.Local
}

func describe(a xmlAttr) string {
	n := qualified(a.Name)
	if a.Name.Space == "" && (n == "href" || n == "src") || a.Name.Space == xlinkNS {
		v := a.Value
		if utf8.RuneCountInString(v) > 24 {
			v = string([]rune(v)[:24]) + "…"
		}
		return fmt.Sprintf("%s=%q", n, v)
	}
	return n
}

// xmlMessage is the parser's complaint without its "XML syntax error on
// line N:" prefix, which the position says, as a diag code and its values.
func xmlMessage(err error) (diag.Code, string) {
	var se *syntaxError
	if errors.As(err, &se) {
		if strings.HasPrefix(se.Msg, "invalid character entity") {
			return diag.SVGEntity, se.Msg
		}
		return diag.SVGSyntax, se.Msg
	}
	return diag.SVGSyntax, err.Error()
}
