package source

import (
	"path"
	"sort"
	"strings"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
)

// pageURL gives the page's path from the site root, always ending in "/":
// front matter url if set, else the section's [permalinks] pattern, else
// the file's path with the last part replaced by slug.
func pageURL(p *Page, cfg *config.Config, l *diag.List) string {
	fallback := "/" + p.Dir + "/"
	if p.Dir == "" {
		fallback = "/"
	}
	if p.FM.URL != "" {
		u, err := cleanURL(p.FM.URL)
		if err != nil {
			l.Add(KeyPos(p, "url"), diag.FMURL, p.FM.URL, err)
			return fallback
		}
		return u
	}
	// The file's path makes the URL unless url is set (its folder's, if
	// slug is): a name that cannot be in one is reported here, once, for
	// the branch pages too (which take the path as it is).
	used := p.Dir
	if p.FM.Slug != "" && !p.Branch {
		used = path.Dir(p.Dir)
	}
	if c, bad := badChar(used); bad {
		l.Add(diag.Pos{File: p.File, Line: 1, Col: 1}, diag.FilePathChar, p.Dir, c)
		return fallback
	}
	slug := path.Base(p.Dir)
	if p.FM.Slug != "" {
		if s := p.FM.Slug; s == "." || s == ".." || strings.ContainsAny(s, `/\?#`) {
			l.Add(KeyPos(p, "slug"), diag.FMSlugNotOnePart, s)
		} else if c, bad := badChar(s); bad {
			l.Add(KeyPos(p, "slug"), diag.FMSlugChar, s, c)
		} else {
			slug = s
		}
	}
	if p.Branch {
		return fallback
	}
	if pattern, ok := cfg.Permalinks[p.Section]; ok && p.Section != "" {
		if p.Date.IsZero() {
			return fallback
		}
		u, err := cleanURL(expand(pattern, p, slug))
		if err != nil {
			l.Add(KeyPos(p, "slug"), diag.FMPermalinkURL, pattern, err)
			return fallback
		}
		return u
	}
	u, err := cleanURL("/" + path.Join(path.Dir(p.Dir), slug) + "/")
	if err != nil {
		l.Add(diag.Pos{File: p.File, Line: 1, Col: 1}, diag.FileNameURL, "/"+path.Join(path.Dir(p.Dir), slug)+"/", err)
		return fallback
	}
	return u
}

// expand fills a permalink pattern's parts. (A strings.Replacer would do,
// but building one for each of 10,000 pages costs more than the rest of
// placing them.)
func expand(pattern string, p *Page, slug string) string {
	var b strings.Builder
	for pattern != "" {
		i := strings.IndexByte(pattern, ':')
		if i < 0 {
			b.WriteString(pattern)
			break
		}
		b.WriteString(pattern[:i])
		pattern = pattern[i:]
		name := pattern[1:]
		if j := strings.IndexFunc(name, func(r rune) bool { return r < 'a' || r > 'z' }); j >= 0 {
			name = name[:j]
		}
		switch name {
		case "year":
			b.WriteString(p.Date.Format("2006"))
		case "month":
			b.WriteString(p.Date.Format("01"))
		case "day":
			b.WriteString(p.Date.Format("02"))
		case "slug":
			b.WriteString(slug)
		case "section":
			b.WriteString(p.Section)
		case "filename":
			b.WriteString(path.Base(p.Dir))
		default:
			b.WriteString(":" + name) // config reported unknown parts
		}
		pattern = pattern[1+len(name):]
	}
	return b.String()
}

// cleanURL checks that u is a path inside the site and returns it cleaned,
// ending in "/", or in ".html" for a page kept at an old address such as
// /old/page.html.
func cleanURL(u string) (string, error) {
	if !strings.HasPrefix(u, "/") {
		return "", diag.Msg(diag.URLNotFromRoot)
	}
	if strings.ContainsAny(u, `\?#`) || strings.Contains(u, "//") {
		return "", diag.Msg(diag.URLNotPlain)
	}
	if c, bad := badChar(u); bad {
		return "", diag.Msg(diag.URLHasBadChar, c)
	}
	for _, part := range strings.Split(u, "/") {
		if part == ".." || part == "." {
			return "", diag.Msg(diag.URLLeavesSite)
		}
	}
	c := path.Clean(u)
	if c == "/" || strings.HasSuffix(c, ".html") {
		return c, nil
	}
	return c + "/", nil
}

// badChar describes a character of a URL, slug or file name that cannot be
// in a URL (config.BadChar), or a % that reads as an escape: the model's
// URLs are paths, encoded once where they are written, and "/100%ab/"
// would reach readers as "/100«/". A % before anything else (50%off.md)
// is kept, and written as %25.
func badChar(s string) (diag.Message, bool) {
	if c, bad := config.BadChar(s); bad {
		return c, true
	}
	for i := strings.IndexByte(s, '%'); i >= 0; i = strings.IndexByte(s, '%') {
		if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			return diag.Msg(diag.BadEscape, s[i:i+3]), true
		}
		s = s[i+1:]
	}
	return diag.Message{}, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// checkAliases reports aliases that are not paths inside the site. Two
// pages, or a page and an alias, that make one path are reported by
// package outputs, with every other output.
func checkAliases(pages []*Page, l *diag.List) {
	for _, p := range pages {
		for _, a := range p.FM.Aliases {
			if _, err := cleanURL(a); err != nil {
				l.Add(KeyPos(p, "aliases"), diag.FMAlias, a, err)
			}
		}
	}
}

// Aliases returns the page's aliases, cleaned; bad ones were reported by Read.
func (p *Page) Aliases() []string {
	var out []string
	for _, a := range p.FM.Aliases {
		if u, err := cleanURL(a); err == nil {
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return out
}
