package source

import (
	"bytes"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
)

// normalize removes a UTF-8 byte order mark and turns CRLF into LF, so that
// files saved by Windows editors read the same as any other.
// clean is a file's text as the stages after reading see it: without a
// BOM, control characters and CRLF line ends; not ok when it is not UTF-8.
func clean(file string, raw []byte, l *diag.List) ([]byte, bool) {
	src := normalize(raw)
	if !checkUTF8(file, src, l) {
		return nil, false
	}
	return dropControls(file, src, l), true
}

func normalize(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	return b
}

// checkUTF8 reports the first byte that is not UTF-8, naming its position.
func checkUTF8(file string, src []byte, l *diag.List) bool {
	if utf8.Valid(src) {
		return true
	}
	off := 0
	for off < len(src) {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	l.Add(diag.At(file, src, off), diag.EncodingNotUTF8)
	return false
}

// dropControls removes the control characters XML 1.0 forbids (Word and
// some WeChat editors paste them), which would make every feed that carries
// the text unreadable, and warns where the first one was.
func dropControls(file string, src []byte, l *diag.List) []byte {
	bad := func(r rune) bool {
		return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
	}
	first := indexControl(src)
	if first < 0 {
		return src
	}
	n := 0
	clean := bytes.Map(func(r rune) rune {
		if bad(r) {
			n++
			return -1
		}
		return r
	}, src)
	l.Add(diag.At(file, src, first), diag.EncodingControls, n)
	return clean
}

// indexControl is bytes.IndexFunc(src, bad) of dropControls, by bytes: a
// control character is one byte, and U+FFFE and U+FFFF are EF BF BE and
// EF BF BF. Every file is scanned, and decoding each character is slow.
func indexControl(src []byte) int {
	for i, b := range src {
		switch {
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r':
			return i
		case b == 0xEF && i+2 < len(src) && src[i+1] == 0xBF && (src[i+2] == 0xBE || src[i+2] == 0xBF):
			return i
		}
	}
	return -1
}

// splitFrontMatter finds TOML front matter between a first line "+++" and the
// next line "+++". It returns the TOML, its offset in src, and the offset
// where the body starts. A file without front matter has an empty TOML part.
func splitFrontMatter(file string, src []byte, l *diag.List) (fm []byte, fmStart, bodyStart int, ok bool) {
	// Blank lines before the first +++ (a file pasted with an empty first
	// line) are passed over: the front matter is still plainly there.
	skip := 0
	for skip < len(src) {
		line, _, found := bytes.Cut(src[skip:], []byte("\n"))
		if !found || len(bytes.Trim(line, " \t\r")) > 0 {
			break
		}
		skip += len(line) + 1
	}
	if skip > 0 {
		if next, _, _ := bytes.Cut(src[skip:], []byte("\n")); string(bytes.TrimRight(next, " \t")) != "+++" {
			skip = 0 // no front matter after them: the file is read as it was
		}
	}
	first, _, _ := bytes.Cut(src[skip:], []byte("\n"))
	switch string(bytes.TrimRight(first, " \t")) {
	case "+++":
	case "---":
		l.Add(diag.At(file, src, 0), diag.FMYAML)
		return nil, 0, 0, false
	default:
		if fullWidthPlus(first) {
			l.Add(diag.At(file, src, 0), diag.FMFullWidthPlus)
			return nil, 0, 0, false
		}
		return nil, 0, 0, true
	}
	start := skip + len(first) + 1
	for off := start; off < len(src); {
		line, _, _ := bytes.Cut(src[off:], []byte("\n"))
		if string(bytes.TrimRight(line, " \t")) == "+++" {
			body := off + len(line) + 1
			if body > len(src) {
				body = len(src)
			}
			return src[start:off], start, body, true
		}
		if fullWidthPlus(line) {
			l.Add(diag.At(file, src, off), diag.FMFullWidthPlus)
			return nil, 0, 0, false
		}
		off += len(line) + 1
	}
	l.Add(diag.At(file, src, skip), diag.FMUnclosed)
	return nil, 0, 0, false
}

// fullWidthPlus tells a line meant as +++ typed with a Chinese input
// method: three plus signs, some of them full-width (＋), spaces of either
// width around them.
func fullWidthPlus(line []byte) bool {
	s := strings.Trim(string(line), " \t\r\u3000")
	return strings.Contains(s, "＋") && strings.Trim(s, "+＋") == "" && utf8.RuneCountInString(s) == 3
}

// parse reads one Markdown file's front matter into a Page, with the
// build's decoder.
func parse(file string, raw []byte, dec *schema.Decoder, l *diag.List) *Page {
	src, ok := clean(file, raw, l)
	if !ok {
		return nil
	}
	fm, fmStart, bodyStart, ok := splitFrontMatter(file, src, l)
	if !ok {
		return nil
	}
	p := &Page{File: file, text: Text{Src: src, BodyStart: bodyStart}, bare: fm == nil}
	// where the front matter's lines start, found once when a position is
	// first asked for; from a copy, so that the file's text can be let go
	// of when it is converted (Converted) while positions are still asked for
	head := bytes.Clone(src[:bodyStart])
	lines := sync.OnceValue(func() *diag.Lines { return diag.NewLines(file, head) })
	at := func(off int) diag.Pos { return lines().At(fmStart + off) }
	before := l.Errors()
	p.keyPos = dec.Decode(head[fmStart:fmStart+len(fm)], &p.FM, diag.KindFrontMatter, at, l) // from the copy, which positions hold
	if p.keyPos == nil {
		return nil
	}
	checkParams(p, l)
	p.invalid = l.Errors() > before
	if i := placeholderLine(src[bodyStart:]); i >= 0 {
		p.placeholder = diag.At(file, src, bodyStart+i)
	}
	return p
}

// placeholderPrompt starts the line of text the default theme's archetypes
// leave for folio new's page to be written over: （在这里写通知正文。……）
const placeholderPrompt = "（在这里写"

// placeholderLine is where body has a line that starts with the prompt, or
// -1.
func placeholderLine(body []byte) int {
	for i := 0; ; {
		j := bytes.Index(body[i:], []byte(placeholderPrompt))
		if j < 0 {
			return -1
		}
		if i+j == 0 || body[i+j-1] == '\n' {
			return i + j
		}
		i += j + len(placeholderPrompt)
	}
}

// ownKeys are the front matter's keys, by their lower case: a line added
// just above the closing +++ lands in [params] when the front matter has
// one, where folio does not read it.
var ownKeys = sync.OnceValue(func() map[string]string {
	keys := map[string]string{}
	t := reflect.TypeFor[FrontMatter]()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ","); name != "" && name != "params" {
			keys[strings.ToLower(name)] = name
		}
	}
	return keys
})

// checkParams reports a key of folio's own written under [params]: an
// error for the keys that decide whether and when the page is published
// (draft = true there would publish a draft), a warning for the others.
func checkParams(p *Page, l *diag.List) {
	for _, k := range slices.Sorted(maps.Keys(p.FM.Params)) {
		own, ok := ownKeys()[strings.ToLower(k)]
		if !ok {
			continue
		}
		switch own {
		case "draft", "date", "publishDate", "expiryDate":
			l.Add(KeyPos(p, "params."+k), diag.FMPublishKeyInParams, k)
		default:
			l.Add(KeyPos(p, "params."+k), diag.FMOwnKeyInParams, k, own)
		}
	}
}
