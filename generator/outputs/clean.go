package outputs

import (
	"fmt"
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
		l.Errorf(diag.Pos{File: src}, "a file of HTML (%s) in content/ would be published as it is, and a script in it would run on the site; write it as Markdown (a .md file with front matter), or, if everyone who can commit to the site is trusted, set unsafe = true under [markup] in config.toml", ext)
		return nil, false
	case ".svgz":
		l.Errorf(diag.Pos{File: src}, "a compressed drawing (.svgz) cannot be checked for script; save it as plain .svg")
		return nil, false
	case ".svg":
	default:
		return nil, true
	}
	data, err := fs.ReadFile(fsys, src)
	if err != nil {
		l.Errorf(diag.Pos{File: src}, "cannot read: %v", err)
		return nil, false
	}
	clean, dropped, err := sanitize.SVG(data)
	if err != nil {
		pos := diag.Pos{File: src}
		msg := err.Error()
		if e, ok := err.(*sanitize.Error); ok {
			pos.Line, pos.Col, msg = e.Line, e.Col, e.Msg
		}
		l.Errorf(pos, "the drawing cannot be read as SVG: %s; export it again as plain SVG from the drawing program", msg)
		return nil, false
	}
	if len(dropped) > 0 {
		var what []string
		for i, d := range dropped {
			if i == 5 {
				what = append(what, fmt.Sprintf("and %d more", len(dropped)-5))
				break
			}
			what = append(what, d.String())
		}
		l.Warnf(diag.Pos{File: src, Line: dropped[0].Line}, "the drawing is published without what could run script or load other files: %s; if the drawing lost something it needs, draw it with shapes and text instead", strings.Join(what, ", "))
	}
	return clean, true
}
