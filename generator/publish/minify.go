package publish

import (
	"bytes"
	"fmt"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// mediaType is the type Minify handles a file as, by its extension; ""
// for files it leaves alone.
func mediaType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js":
		return "application/javascript"
	case ".json":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".xml":
		return "application/xml"
	}
	return ""
}

func minifier() *minify.M {
	m := minify.New()
	m.AddFunc("text/css", css.Minify)
	// End tags, quotes and document tags are kept: the pages stay valid
	// HTML for the Nu Html Checker, and the savings left are small.
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// Minify makes the site's HTML, CSS, JavaScript, JSON, SVG and XML smaller
// in place (copied CSS, JS and SVG files become rendered ones) and returns
// the bytes before and after.
func Minify(s *Site) (before, after int64, err error) {
	m := minifier()
	paths := s.Paths()
	for _, p := range paths {
		mt := mediaType(p)
		if mt == "" {
			continue
		}
		data, err := s.Read(p)
		if err != nil {
			return 0, 0, err
		}
		small, err := minifyOne(m, mt, p, data)
		if err != nil {
			return 0, 0, err
		}
		before += int64(len(data))
		after += int64(len(small))
		s.Files[p] = small
		delete(s.Copies, p)
	}
	return before, after, nil
}

func minifyOne(m *minify.M, mediaType, p string, data []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := m.Minify(mediaType, &b, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minifying %s: %v", p, err)
	}
	return b.Bytes(), nil
}
