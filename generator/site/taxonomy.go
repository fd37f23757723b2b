package site

import (
	"sort"
	"strings"
	"unicode"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/schema"
	"folio.dev/folio/generator/source"
)

// MaxTerms is the most terms a page may have in one taxonomy: a page has a
// handful, and each term's page and feed list the page with all its terms,
// so the output grows with the square of a page's terms (10,000 tags took
// over 4 GB).
const MaxTerms = 200

// termsOf returns the terms a page gives a taxonomy in its front matter.
func termsOf(p *Page, taxonomy string) []string {
	switch taxonomy {
	case "tags":
		return p.FM.Tags
	case "categories":
		return p.FM.Categories
	case "committees":
		return p.FM.Committees
	}
	return nil
}

// taxonomies groups pages by their terms. A term's slug is the term made
// URL-safe with markup.Slug (Chinese kept: /tags/技工教育/); a term can have
// its own page, content/<taxonomy>/<slug>/_index.md, which gives its title
// and description, and front matter may name the term by that title or by
// its slug.
func (s *Site) taxonomies(l *diag.List) {
	var names []string
	for _, plural := range s.Config.Taxonomies {
		names = append(names, plural)
	}
	sort.Strings(names)
	for _, name := range names {
		t := &Taxonomy{Name: name, URL: "/" + name + "/"}
		bySlug := map[string]*Term{}
		byTitle := map[string]*Term{}
		for _, p := range s.Pages {
			switch {
			case p.Kind == source.KindTerm && p.Section == name:
				slug := p.Dir[len(name)+1:]
				term := &Term{Taxonomy: name, Name: p.FM.Title, Slug: slug, URL: p.URL, Page: p, key: s.collation.key(p.FM.Title)}
				bySlug[slug] = term
				byTitle[p.FM.Title] = term
			case p.Branch && p.Dir == name:
				t.Page = p
			}
		}
		// A taxonomy whose terms have their own pages (the committees) is a
		// closed list: a term that matches none of them is a typo.
		closed := len(bySlug) > 0
		var known []string
		for slug, term := range bySlug {
			known = append(known, slug, term.Name)
		}
		sort.Strings(known)
		slugOf := map[string]string{} // value -> slug: thousands of pages share a few terms
		slug := func(v string) string {
			s, ok := slugOf[v]
			if !ok {
				s = markup.Slug(v)
				slugOf[v] = s
			}
			return s
		}
		firstUse := map[*Term]*Page{} // the page that named a term first, for messages
		for _, p := range s.listed {  // in listing order, so term lists come out sorted
			if n := len(termsOf(p, name)); n > MaxTerms {
				l.Add(source.KeyPos(p.Page, name), diag.FMTooManyTerms, name, n, MaxTerms)
				continue
			}
			for _, value := range termsOf(p, name) {
				term := byTitle[value]
				if term == nil && strings.IndexFunc(value, isWordChar) < 0 {
					l.Add(source.KeyPos(p.Page, name), diag.FMTermNoLetter, name, value)
					continue
				}
				if term == nil {
					term = bySlug[slug(value)]
				}
				if term == nil && closed {
					hint := diag.DidYouMean(schema.Nearest(value, known))
					l.Add(source.KeyPos(p.Page, name), diag.FMTermNoPage, name, value, hint, slugs(bySlug))
					continue
				}
				if term == nil {
					term = &Term{Taxonomy: name, Name: value, Slug: slug(value), URL: t.URL + slug(value) + "/", key: s.collation.key(value)}
					bySlug[slug(value)] = term
					firstUse[term] = p
				} else if term.Page == nil && term.Name != value {
					// Two ways of writing one term ("Section" and "section",
					// "技能 大赛" and "技能-大赛") would share a page under
					// the first one's name: the editor chooses.
					l.Add(source.KeyPos(p.Page, name), diag.FMTermSpellings, name, value, term.Name, firstUse[term].File, term.URL)
					continue
				}
				if n := len(term.Pages); n == 0 || term.Pages[n-1] != p {
					term.Pages = append(term.Pages, p)
					p.Terms[name] = append(p.Terms[name], term)
				}
			}
		}
		if t.Page == nil {
			t.Page = NewPage(&source.Page{Kind: source.KindSection, Branch: true, URL: t.URL, Dir: name, Section: name}, s.Home)
		}
		for _, term := range bySlug {
			if term.Page == nil {
				term.Page = NewPage(&source.Page{Kind: source.KindTerm, Branch: true, URL: term.URL, Section: name}, t.Page)
				term.Page.FM.Title = term.Name
			}
			t.Terms = append(t.Terms, term)
		}
		sort.Slice(t.Terms, func(i, j int) bool { return termLess(t.Terms[i], t.Terms[j]) })
		s.Taxonomies = append(s.Taxonomies, t)
	}
}

// isWordChar tells whether r gives a term's slug something (markup.Slug
// keeps letters, digits and marks); a term of none would get the slug
// "section", which every such term shares.
func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// termLess orders terms by the weight of their pages (the committees in the
// order the association lists them), then by name in the site language's
// order (pinyin for zh-CN: 安全 北京 电工), then by code point, then by
// slug, which is a term's own.
func termLess(a, b *Term) bool {
	wa, wb := a.Page.FM.Weight, b.Page.FM.Weight // every term has a page by now
	if wa != wb {
		return wa < wb
	}
	if c := compareKeyed(a.Name, b.Name, a.key, b.key); c != 0 {
		return c < 0
	}
	return a.Slug < b.Slug
}

func slugs(terms map[string]*Term) []string {
	var out []string
	for slug := range terms {
		out = append(out, slug)
	}
	sort.Strings(out)
	return out
}

// Taxonomy returns the taxonomy called name, or nil.
func (s *Site) Taxonomy(name string) *Taxonomy {
	for _, t := range s.Taxonomies {
		if t.Name == name {
			return t
		}
	}
	return nil
}
