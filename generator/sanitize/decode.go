package sanitize

import (
	"bytes"
	"encoding/xml"
	"strings"

	"folio.dev/folio/generator/diag"
)

type (
	name         = xml.Name
	xmlAttr      = xml.Attr
	startElement = xml.StartElement
	endElement   = xml.EndElement
	charData     = xml.CharData
	procInst     = xml.ProcInst
	directive    = xml.Directive
	syntaxError  = xml.SyntaxError
)

// decoder reads a drawing strictly: XML's five entities only (no DTD is
// read, so no entity expands), elements closed in order, names resolved
// to their namespaces.
type decoder struct {
	*xml.Decoder
}

func newDecoder(src []byte) decoder {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	d.Entity = nil
	d.CharsetReader = nil // a drawing that says it is not UTF-8 is refused
	return decoder{d}
}

func (d decoder) line() int {
	line, _ := d.InputPos()
	return line
}

// fail is the error code (a diag code) at the decoder's place.
func (d decoder) fail(code diag.Code, args ...any) *Error {
	line, col := d.InputPos()
	return &Error{Line: line, Col: col, Why: diag.Msg(code, args...)}
}

// text reads the text of the element just opened, up to its end; an
// element inside it makes the text unsafe ("<" cannot start CSS).
func (d decoder) text() (string, error) {
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := d.Skip(); err != nil {
				return "", err
			}
			b.WriteString("@import") // makes the style unsafe, and so dropped
		case xml.EndElement:
			return b.String(), nil
		}
	}
}
