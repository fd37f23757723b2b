package site

import (
	"fmt"
	"sort"
	"strings"

	"folio.dev/folio/generator/source"
)

// Archive is the list of one period: a year or a month of a section's
// posts (/news/2024/, /news/2024/06/), or a year of the journal's issues
// (/journal/2024/). They make every prefix of a post's URL a real page.
type Archive struct {
	Section     *Page
	Year, Month int // Month is 0 for a year
	Page        *Page
	Pages       []*Page    // newest first
	Months      []*Archive // of a year, newest first, for the archive index
}

// archives makes the date archives of every section of posts, each
// section's archive index (/news/archive/), and the journal's years. A
// page of content at the same URL wins over an archive.
func (s *Site) archives() {
	taken := map[string]bool{}
	for _, p := range s.Pages {
		taken[p.URL] = true
	}
	for _, section := range s.Home.Children {
		if !section.Branch || section.Dir != section.Section {
			continue
		}
		if section.Section == s.Config.Journal.Section {
			s.journalYears = s.journalArchives(section, taken)
			continue
		}
		var posts []*Page
		for _, p := range s.bySection[section.Section] {
			if p.Kind == source.KindPost {
				posts = append(posts, p)
			}
		}
		if len(posts) == 0 {
			continue
		}
		var years []*Archive
		byKey := map[string]*Archive{}
		for _, p := range posts { // newest first, so archives come out newest first too
			y := p.Date.Year()
			year := byKey[fmt.Sprint(y)]
			if year == nil {
				year = s.archive(section, y, 0)
				byKey[fmt.Sprint(y)] = year
				years = append(years, year)
			}
			key := fmt.Sprintf("%d/%02d", y, p.Date.Month())
			month := byKey[key]
			if month == nil {
				month = s.archive(section, y, int(p.Date.Month()))
				month.Page.Parent = year.Page
				byKey[key] = month
				year.Months = append(year.Months, month)
			}
			year.Pages = append(year.Pages, p)
			month.Pages = append(month.Pages, p)
		}
		for _, year := range years {
			s.publishArchive(year, taken)
			for _, month := range year.Months {
				s.publishArchive(month, taken)
				if !taken[month.Page.URL] { // a post links back to its month's list
					for _, p := range month.Pages {
						p.Archive = month
					}
				}
			}
		}
		index := NewPage(&source.Page{Kind: source.KindSection, Branch: true, Section: section.Section, URL: section.URL + "archive/"}, section)
		index.FM.Title = section.Title()
		if !taken[index.URL] {
			s.Outputs = append(s.Outputs, Output{Path: outPath(index.URL), Layout: "archives", Page: index, Years: years})
		}
	}
}

// journalArchives makes a page for each year of the journal's issues.
func (s *Site) journalArchives(journal *Page, taken map[string]bool) []*Archive {
	var years []*Archive
	byYear := map[int]*Archive{}
	for _, issue := range journal.Children {
		if issue.Kind != source.KindIssue {
			continue
		}
		y := issue.Volume()
		if byYear[y] == nil {
			byYear[y] = s.archive(journal, y, 0)
			years = append(years, byYear[y])
		}
		byYear[y].Pages = append(byYear[y].Pages, issue)
	}
	sort.Slice(years, func(i, j int) bool { return years[i].Year > years[j].Year })
	for _, year := range years {
		sort.SliceStable(year.Pages, func(i, j int) bool { return year.Pages[i].FM.Number > year.Pages[j].FM.Number })
		s.publishArchive(year, taken)
	}
	return years
}

// archive makes the page of a period, titled like "新闻动态 2024年6月".
func (s *Site) archive(section *Page, year, month int) *Archive {
	url := fmt.Sprintf("%s%d/", section.URL, year)
	period := fmt.Sprintf("%d年", year)
	if !strings.HasPrefix(s.Config.LanguageCode, "zh") {
		period = fmt.Sprint(year)
	}
	if month > 0 {
		url += fmt.Sprintf("%02d/", month)
		period += fmt.Sprintf("%d月", month)
		if !strings.HasPrefix(s.Config.LanguageCode, "zh") {
			period = fmt.Sprintf("%d-%02d", year, month)
		}
	}
	p := NewPage(&source.Page{Kind: source.KindSection, Branch: true, Section: section.Section, URL: url}, section)
	p.FM.Title = section.Title() + " " + period
	return &Archive{Section: section, Year: year, Month: month, Page: p}
}

func (s *Site) publishArchive(a *Archive, taken map[string]bool) {
	if taken[a.Page.URL] {
		return
	}
	s.add(Output{Layout: "archive", Page: a.Page, Archive: a}, a.Pages)
}
