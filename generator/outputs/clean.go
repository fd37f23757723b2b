package outputs

import (
	"io/fs"
	"path"
	"strings"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/sanitize"
)

// Cleaned decides how a content file is published while [markup] unsafe
// is false, since a browser opening it from the site would run its
// script in the site's origin: a page of HTML (or XHTML, or XML, which
// can carry XHTML's script) is an error; an SVG drawing is published
// sanitized, with a warning for what it lost. It returns the bytes to
// publish for a drawing, nil for a file copied as it is, and ok false for
// a file not published (reported).
func Cleaned(fsys fs.FS, src string, l *diag.List) (body []byte, ok bool) {
	ext := strings.ToLower(path.Ext(src))
	switch ext {
	case ".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt":
		l.Add(diag.Pos{File: src}, diag.FileHTML, ext)
		return nil, false
	case ".svgz":
		l.Add(diag.Pos{File: src}, diag.FileSVGZ)
		return nil, false
	case ".svg":
	default:
		return nil, true
	}
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		l.Add(diag.Pos{File: src}, diag.FileUnreadable, err)
		return nil, false
	}
	clean, dropped, err := sanitize.SVG(data)
	if err != nil {
		pos := diag.Pos{File: src}
		var why any = err
		if e, ok := err.(*sanitize.Error); ok {
			pos.Line, pos.Col, why = e.Line, e.Col, e.Why
		}
		l.Add(pos, diag.FileSVGBroken, why)
		return nil, false
	}
	if len(dropped) > 0 {
		var what []diag.Message
		for i, d := range dropped {
			if i == 5 {
				what = append(what, diag.Msg(diag.More, len(dropped)-5))
				break
			}
			what = append(what, diag.Msg(diag.SVGDropped, d.What, d.Line))
		}
		l.Add(diag.Pos{File: src, Line: dropped[0].Line}, diag.FileSVGCleaned, what)
	}
	return clean, true
}
