// Package shortcode reads the shortcodes of a page's Markdown, in Hugo's
// syntax, with where each one is:
//
//	{{< name key="value" positional >}}      one call, its output put in as it is
//	{{< name >}}inner{{< /name >}}           a pair; the inner text as it is
//	{{% name %}}inner{{% /name %}}           a pair; the inner text is Markdown
//	{{< name />}}                            a call that is surely not a pair
//	{{</* name */>}}                         the text {{< name >}}, written literally
//
// and gives templates what they read of a call (Context). It knows no
// template and no Markdown: markup expands the calls it finds, with the
// templates theme loads.
package shortcode

import (
	"bytes"
	"folio.dev/folio/generator/diag"
	"strings"
)

// Call is one shortcode of a page, or a literal one ({{</* */>}}).
type Call struct {
	Name     string
	Markdown bool // {{% %}}: its inner text is Markdown
	// Named and Positional are the arguments, as written (unquoted).
	Named      map[string]string
	Keys       []string // Named's keys in the order written
	Positional []string
	// Start and End are the offsets of the whole call in the text parsed,
	// its closing tag included; Open ends the opening tag.
	Start, Open, End int
	// Paired tells that a closing tag ends the call; Inner is then the
	// text between the tags, InnerStart its offset.
	Paired     bool
	InnerStart int
	Inner      []byte
	// Closed is written {{< name />}}: it takes no closing tag.
	Closed bool
	// Calls are the calls inside Inner, with offsets in the text parsed.
	Calls []*Call
	// Literal, if not "", is the text a {{</* */>}} stands for.
	Literal string
}

// Error is a mistake in a shortcode's syntax, at an offset of the text.
type Error struct {
	Off int
	Msg diag.Message
}

// Has tells whether src may hold a shortcode, cheaply.
func Has(src []byte) bool {
	return bytes.Contains(src, []byte("{{<")) || bytes.Contains(src, []byte("{{%"))
}

// tag is one {{< >}} or {{% %}} as written.
type tag struct {
	call    *Call
	closing bool // {{< /name >}}
}

// Parse finds the shortcodes of src. A tag followed later by a closing tag
// of its name is a pair, whatever lies between (calls that are not closed
// inside it are single calls); others are single calls. Parse does not know
// which shortcodes need a pair: its caller does (an unclosed pair).
func Parse(src []byte) ([]*Call, []Error) {
	var tags []tag
	var errs []Error
	for i := 0; i < len(src); {
		j := indexOpen(src[i:])
		if j < 0 {
			break
		}
		start := i + j
		t, end, err := readTag(src, start)
		if err != nil {
			errs = append(errs, *err)
			i = start + 3
			continue
		}
		tags = append(tags, t)
		i = end
	}
	// Pair the tags: a closing tag ends the nearest open call of its name;
	// the calls opened after that one and not closed are single calls.
	closeOf := map[int]int{} // an opening tag's index -> its closing tag's
	var stack []int
	for k, t := range tags {
		c := t.call
		switch {
		case !t.closing && c.Literal == "" && !c.Closed:
			stack = append(stack, k)
		case t.closing:
			s := len(stack) - 1
			for s >= 0 && tags[stack[s]].call.Name != c.Name {
				s--
			}
			if s < 0 {
				errs = append(errs, Error{c.Start, diag.Msg(diag.ShortcodeCloserNotOpen, tagText(c, true), c.Name, tagText(c, false))})
				continue
			}
			open := tags[stack[s]].call
			if open.Markdown != c.Markdown {
				errs = append(errs, Error{c.Start, diag.Msg(diag.ShortcodeBracketsDiffer, c.Name, tagText(open, false), tagText(c, true))})
			}
			closeOf[stack[s]] = k
			stack = stack[:s]
		}
	}
	var build func(from, to int) []*Call
	build = func(from, to int) []*Call {
		var out []*Call
		for k := from; k < to; k++ {
			t := tags[k]
			if t.closing {
				continue
			}
			c := t.call
			if end, ok := closeOf[k]; ok {
				closing := tags[end].call
				c.Paired, c.InnerStart, c.Inner, c.End = true, c.Open, src[c.Open:closing.Start], closing.End
				c.Calls = build(k+1, end)
				k = end
			}
			out = append(out, c)
		}
		return out
	}
	return build(0, len(tags)), errs
}

func tagText(c *Call, closing bool) string {
	o, e := "{{<", ">}}"
	if c.Markdown {
		o, e = "{{%", "%}}"
	}
	slash := ""
	if closing {
		slash = "/"
	}
	return o + " " + slash + c.Name + " " + e
}

func indexOpen(s []byte) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '{' && s[i+1] == '{' && (s[i+2] == '<' || s[i+2] == '%') {
			return i
		}
	}
	return -1
}

// readTag reads the tag at src[start:], which begins with {{< or {{%.
func readTag(src []byte, start int) (tag, int, *Error) {
	markdown := src[start+2] == '%'
	closer := ">}}"
	if markdown {
		closer = "%}}"
	}
	i := start + 3
	i = skipSpace(src, i)
	if bytes.HasPrefix(src[i:], []byte("/*")) {
		in := i + 2
		end := bytes.Index(src[in:], []byte("*/"+closer))
		if end < 0 {
			return tag{}, 0, &Error{start, diag.Msg(diag.ShortcodeLiteralOpen, string(src[start:start+3]), closer)}
		}
		after := in + end + 2 + len(closer)
		lit := string(src[start:start+3]) + string(src[in:in+end]) + closer
		return tag{call: &Call{Start: start, Open: after, End: after, Literal: lit}}, after, nil
	}
	c := &Call{Start: start, Markdown: markdown, Named: map[string]string{}}
	t := tag{call: c}
	if i < len(src) && src[i] == '/' {
		t.closing = true
		i = skipSpace(src, i+1)
	}
	nameStart := i
	for i < len(src) && isNameByte(src[i]) {
		i++
	}
	c.Name = string(src[nameStart:i])
	if c.Name == "" {
		return tag{}, 0, &Error{start, diag.Msg(diag.ShortcodeNoName, string(src[start:start+3]))}
	}
	for {
		i = skipSpace(src, i)
		if i >= len(src) {
			return tag{}, 0, &Error{start, diag.Msg(diag.ShortcodeTagOpen, c.Name, string(src[start:start+3]), closer)}
		}
		if bytes.HasPrefix(src[i:], []byte(closer)) {
			i += len(closer)
			break
		}
		if src[i] == '/' && bytes.HasPrefix(src[i+1:], []byte(closer)) {
			c.Closed = true
			i += 1 + len(closer)
			break
		}
		if t.closing {
			return tag{}, 0, &Error{i, diag.Msg(diag.ShortcodeCloserArgs, c.Name, tagText(c, true))}
		}
		argStart := i
		v, next, ok := readValue(src, i, closer)
		if next == i {
			return tag{}, 0, &Error{i, diag.Msg(diag.ShortcodeTagOpen, c.Name, string(src[start:start+3]), closer)}
		}
		if !ok {
			return tag{}, 0, &Error{argStart, diag.Msg(diag.ShortcodeQuoteOpen, c.Name)}
		}
		i = next
		if i < len(src) && src[i] == '=' && src[argStart] != '"' && src[argStart] != '`' {
			key := v
			val, next, ok := readValue(src, i+1, closer)
			if !ok {
				return tag{}, 0, &Error{i + 1, diag.Msg(diag.ShortcodeValueOpen, c.Name, key)}
			}
			if _, dup := c.Named[key]; !dup {
				c.Keys = append(c.Keys, key)
			}
			c.Named[key] = val
			i = next
			continue
		}
		c.Positional = append(c.Positional, v)
	}
	if len(c.Named) > 0 && len(c.Positional) > 0 {
		return tag{}, 0, &Error{start, diag.Msg(diag.ShortcodeMixedArgs, c.Name)}
	}
	c.Open, c.End = i, i
	return t, i, nil
}

// readValue reads a bare word, a "quoted" string (with \" inside) or a
// `raw` string, ending before '=' for a bare word.
func readValue(src []byte, i int, closer string) (string, int, bool) {
	switch {
	case i < len(src) && src[i] == '"':
		var b strings.Builder
		for j := i + 1; j < len(src); j++ {
			switch src[j] {
			case '\\':
				if j+1 < len(src) {
					j++
					b.WriteByte(src[j])
				}
			case '"':
				return b.String(), j + 1, true
			default:
				b.WriteByte(src[j])
			}
		}
		return "", 0, false
	case i < len(src) && src[i] == '`':
		end := bytes.IndexByte(src[i+1:], '`')
		if end < 0 {
			return "", 0, false
		}
		return string(src[i+1 : i+1+end]), i + end + 2, true
	}
	j := i
	for j < len(src) && !isSpace(src[j]) && src[j] != '=' && !bytes.HasPrefix(src[j:], []byte(closer)) && !bytes.HasPrefix(src[j:], []byte("/"+closer)) {
		j++
	}
	return string(src[i:j]), j, true
}

func isNameByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}
