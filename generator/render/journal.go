package render

import (
	"fmt"
	"strings"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/site"
)

// Citation is a journal article's reference in the form of GB/T 7714-2015,
// the Chinese national standard: 作者. 题名[J]. 刊名, 年(期): 起止页码.
// Three authors at most, then 等.
func Citation(cfg *config.Config, p *site.Page) string {
	var names []string
	for i, a := range p.FM.Authors {
		if i == 3 {
			names = append(names, "等")
			break
		}
		names = append(names, a.Name)
	}
	var b strings.Builder
	if len(names) > 0 {
		b.WriteString(strings.Join(names, ", ") + ". ")
	}
	fmt.Fprintf(&b, "%s[J]. %s", p.Title(), cfg.Journal.Name)
	if issue := p.InIssue; issue != nil {
		fmt.Fprintf(&b, ", %d(%d)", issue.Volume(), issue.FM.Number)
	}
	if first, last := p.PageRange(); first != "" {
		if first == last {
			fmt.Fprintf(&b, ": %s", first)
		} else {
			fmt.Fprintf(&b, ": %s-%s", first, last)
		}
	}
	b.WriteString(".")
	return b.String()
}

// Meta is one <meta name content> tag.
type Meta struct{ Name, Content string }

// Highwire lists the Highwire Press citation tags of a journal article, the
// ones Google Scholar and reference managers read.
func Highwire(cfg *config.Config, p *site.Page) []Meta {
	m := []Meta{{"citation_title", p.Title()}}
	for _, a := range p.FM.Authors {
		m = append(m, Meta{"citation_author", a.Name})
		if a.Affiliation != "" {
			m = append(m, Meta{"citation_author_institution", a.Affiliation})
		}
	}
	m = append(m, Meta{"citation_journal_title", cfg.Journal.Name})
	if issue := p.InIssue; issue != nil {
		m = append(m,
			Meta{"citation_volume", fmt.Sprint(issue.Volume())},
			Meta{"citation_issue", fmt.Sprint(issue.FM.Number)},
			Meta{"citation_publication_date", issue.Date.Format("2006/01/02")})
		if issue.Issue != nil && issue.Issue.PDF != "" {
			m = append(m, Meta{"citation_pdf_url", cfg.AbsURI(issue.Issue.PDF)})
		}
	}
	if first, last := p.PageRange(); first != "" {
		m = append(m, Meta{"citation_firstpage", first}, Meta{"citation_lastpage", last})
	}
	m = append(m, Meta{"citation_language", cfg.LanguageCode})
	if len(p.FM.Keywords) > 0 {
		m = append(m, Meta{"citation_keywords", strings.Join(p.FM.Keywords, "; ")})
	}
	return append(m, Meta{"citation_abstract_html_url", cfg.AbsURI(p.URL)})
}

// articleLD is a journal article as schema.org sees it: a ScholarlyArticle,
// part of a PublicationIssue, part of a Periodical.
func articleLD(cfg *config.Config, p *site.Page) map[string]any {
	var authors []map[string]any
	for _, a := range p.FM.Authors {
		author := map[string]any{"@type": "Person", "name": a.Name}
		if a.Affiliation != "" {
			author["affiliation"] = map[string]any{"@type": "Organization", "name": a.Affiliation}
		}
		authors = append(authors, author)
	}
	ld := map[string]any{
		"@context":   "https://schema.org",
		"@type":      "ScholarlyArticle",
		"headline":   p.Title(),
		"url":        cfg.AbsURI(p.URL),
		"inLanguage": cfg.LanguageCode,
	}
	if len(authors) > 0 {
		ld["author"] = authors
	}
	if p.FM.Abstract != "" {
		ld["abstract"] = p.FM.Abstract
	}
	if len(p.FM.Keywords) > 0 {
		ld["keywords"] = strings.Join(p.FM.Keywords, ", ")
	}
	if first, last := p.PageRange(); first != "" {
		ld["pageStart"], ld["pageEnd"] = first, last
	}
	periodical := map[string]any{"@type": "Periodical", "name": cfg.Journal.Name}
	if issue := p.InIssue; issue != nil {
		ld["datePublished"] = issue.Date.Format("2006-01-02")
		ld["isPartOf"] = map[string]any{
			"@type":         "PublicationIssue",
			"issueNumber":   fmt.Sprint(issue.FM.Number),
			"datePublished": issue.Date.Format("2006-01-02"),
			"url":           cfg.AbsURI(issue.URL),
			"isPartOf":      periodical,
		}
	} else {
		ld["isPartOf"] = periodical
	}
	return ld
}
