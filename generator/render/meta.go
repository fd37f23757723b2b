package render

import (
	"html/template"
	"strings"
)

// HeadMeta is what the default theme's head says of the output after its
// title (baseof.html): its description, its canonical address (not on the
// 404 page), Meta, and noindex for an internal journal's pages. It writes
// them here as html/template would, byte for byte (attr, urlAttr;
// TestMetaAsTheTemplate compares the two): a value a layout prints is a
// chain of calls through reflect, the value's and then each escaper's, and
// these values were a sixth of an output's rendering.
func (d Data) HeadMeta() template.HTML {
	var b strings.Builder
	if d.Description != "" {
		b.WriteString("\n<meta name=\"description\" content=\"")
		attr(&b, d.Description)
		b.WriteString("\">")
	}
	if d.Layout != "404" {
		b.WriteString("\n<link rel=\"canonical\" href=\"")
		urlAttr(&b, d.Permalink)
		b.WriteString("\">")
	}
	d.meta(&b)
	if cfg := d.Site.Config; cfg.Journal.Internal && d.Page.Section == cfg.Journal.Section {
		b.WriteString("\n<meta name=\"robots\" content=\"noindex\">")
	}
	return template.HTML(b.String())
}

// Meta is the link to the output's list's feed and its Open Graph tags but
// the picture, as HeadMeta writes them: for a site's own baseof.html that
// writes the description and canonical link itself, as the default
// theme's did before HeadMeta.
func (d Data) Meta() template.HTML {
	var b strings.Builder
	d.meta(&b)
	return template.HTML(b.String())
}

func (d Data) meta(b *strings.Builder) {
	cfg, p := d.Site.Config, d.Page
	if f := p.Feed; f != nil && f.Page != d.Site.Home {
		b.WriteString("\n<link rel=\"alternate\" type=\"application/rss+xml\" title=\"")
		attr(b, f.Page.Title())
		b.WriteString(" - ")
		attr(b, cfg.Title)
		b.WriteString("\" href=\"")
		urlAttr(b, cfg.AbsURL(f.URL))
		b.WriteString("\">")
	}
	title := p.Title()
	if title == "" {
		title = cfg.Title
	}
	kind := "website"
	if !p.Branch {
		kind = "article"
	}
	for _, tag := range [...][2]string{
		{"og:site_name", cfg.Title}, {"og:title", title}, {"og:type", kind}, {"og:url", cfg.AbsURI(p.URL)},
		{"og:locale", strings.ReplaceAll(cfg.LanguageCode, "-", "_")}, {"og:description", d.Description},
	} {
		if tag[0] == "og:description" && tag[1] == "" {
			continue
		}
		b.WriteString("\n<meta property=\"")
		b.WriteString(tag[0])
		b.WriteString("\" content=\"")
		attr(b, tag[1])
		b.WriteString("\">")
	}
}

// attrEscapes are the bytes html/template escapes in a quoted attribute's
// value (its htmlReplacementTable): all ASCII, so that a byte loop finds
// them as its rune loop does, and bytes of other characters pass.
var attrEscapes = [...]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// attr writes s as html/template writes a string into a quoted attribute.
func attr(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; int(c) < len(attrEscapes) && attrEscapes[c] != "" {
			b.WriteString(s[start:i])
			b.WriteString(attrEscapes[c])
			start = i + 1
		}
	}
	b.WriteString(s[start:])
}

// urlAttr writes s as html/template writes a string into a quoted URL
// attribute (href): a scheme other than http, https or mailto refused, the
// bytes a URL may not hold percent-encoded, then escaped as any attribute.
func urlAttr(b *strings.Builder, s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	var u strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~!#$&*+,/:;=?@[]", c) >= 0:
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]): // an escape already
		default:
			u.WriteByte('%')
			u.WriteByte(lowerHex[c>>4])
			u.WriteByte(lowerHex[c&0xF])
			continue
		}
		u.WriteByte(c)
	}
	attr(b, u.String())
}

const lowerHex = "0123456789abcdef"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
