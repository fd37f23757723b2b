package site

import (
	"sort"
	"strings"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
	"folio.dev/folio/generator/source"
)

// Issue is a journal issue: its articles grouped by column in the order the
// issue gives, and its neighbours.
type Issue struct {
	Columns    []Column
	Prev, Next *Page // the issues before and after it
	Cover      string
	PDF        string
	PDFSize    int64
}

// Column is a column (栏目) of an issue and its articles, in order.
type Column struct {
	Name     string
	Articles []*Page
}

// Volume is the issue's year: volume in front matter, else its date's.
func (p *Page) Volume() int {
	if p.FM.Volume != 0 {
		return p.FM.Volume
	}
	return p.Date.Year()
}

// dateArticles gives each journal article without a date of its own its
// issue's, as it is published with its issue. It comes before link, which
// files every page in its lists by date: dated later, an article stood
// among the undated, last in its tags' lists and out of Recent.
func (s *Site) dateArticles(byDir map[string]*Page) {
	for _, a := range s.Pages {
		if a.Kind != source.KindArticle || !a.Date.IsZero() {
			continue
		}
		for dir := range source.Parents(a.Dir) {
			if issue := byDir[dir]; issue != nil {
				if issue.Kind == source.KindIssue {
					a.Page.Date, a.Page.Lastmod = issue.Date, issue.Lastmod
					a.spell()
				}
				break
			}
		}
	}
}

// journal gives each issue its columns and neighbours, each article its
// place in the issue, and reports what an editor got wrong: two issues with
// one number, an article in no column of its issue, a missing cover or PDF.
func (s *Site) journal(l *diag.List) {
	var issues []*Page
	for _, p := range s.Pages {
		if p.Kind == source.KindIssue {
			issues = append(issues, p)
		}
	}
	sort.SliceStable(issues, func(i, j int) bool {
		a, b := issues[i], issues[j]
		if a.Volume() != b.Volume() {
			return a.Volume() < b.Volume()
		}
		return a.FM.Number < b.FM.Number
	})
	for i, p := range issues {
		if i > 0 && issues[i-1].Volume() == p.Volume() && issues[i-1].FM.Number == p.FM.Number {
			l.Add(source.KeyPos(p.Page, "number"), diag.FMIssueNumberTaken, issues[i-1].File, p.FM.Number, p.Volume())
		}
		p.Issue = &Issue{}
		if i > 0 {
			p.Issue.Prev = issues[i-1]
		}
		if i+1 < len(issues) {
			p.Issue.Next = issues[i+1]
		}
		if name := p.FM.Cover; name != "" {
			if _, _, ok := p.Resource(name); ok {
				p.Issue.Cover = p.URL + name
			} else {
				l.Add(source.KeyPos(p.Page, "cover"), diag.FMCoverMissing, name, p.Dir)
			}
		}
		if name := p.FM.PDF; name != "" {
			if _, size, ok := p.Resource(name); ok {
				p.Issue.PDF, p.Issue.PDFSize = p.URL+name, size
			} else {
				l.Add(source.KeyPos(p.Page, "pdf"), diag.FMPDFMissing, name, p.Dir)
			}
		}
		p.Issue.Columns = columns(p, s.collation, l)
		var order []*Page
		for _, c := range p.Issue.Columns {
			order = append(order, c.Articles...)
		}
		for j, a := range order {
			a.InIssue = p
			if j > 0 {
				a.PrevArticle = order[j-1]
			}
			if j+1 < len(order) {
				a.NextArticle = order[j+1]
			}
		}
	}
}

// columns groups an issue's articles by column, in the issue's order of
// columns; within a column by order (articles without one last), then title
// in the site language's order.
func columns(issue *Page, o *collation, l *diag.List) []Column {
	var articles []*Page
	for _, c := range issue.Children {
		if c.Kind == source.KindArticle {
			articles = append(articles, c)
		}
	}
	sort.SliceStable(articles, func(i, j int) bool {
		a, b := articles[i].FM.Order, articles[j].FM.Order
		if a != b && (a == 0 || b == 0) {
			return b == 0
		}
		if a != b {
			return a < b
		}
		return o.compareTitles(articles[i], articles[j]) < 0
	})
	names := issue.FM.Columns
	if len(names) == 0 {
		return []Column{{Articles: articles}}
	}
	cols := make([]Column, len(names))
	index := map[string]int{}
	for i, name := range names {
		cols[i].Name = name
		index[name] = i
	}
	for _, a := range articles {
		i, ok := index[a.FM.Column]
		if !ok {
			hint := diag.DidYouMean(schema.Nearest(a.FM.Column, names))
			l.Add(source.KeyPos(a.Page, "column"), diag.FMColumnUnknown, a.FM.Column, hint, names, issue.File)
			continue
		}
		cols[i].Articles = append(cols[i].Articles, a)
	}
	return cols
}

// pageDashes makes the dashes editors write between page numbers "-".
var pageDashes = strings.NewReplacer("–", "-", "—", "-", "~", "-", " ", "")

// PageRange returns an article's first and last page from pages = "3-5"
// (or "3", or "3–5").
func (p *Page) PageRange() (first, last string) {
	first, last, _ = strings.Cut(pageDashes.Replace(p.FM.Pages), "-")
	if last == "" {
		last = first
	}
	return first, last
}

// JournalYears groups the journal's issues by year, newest year first and
// newest issue first within it.
func (s *Site) JournalYears() []*Archive {
	return s.journalYears
}
