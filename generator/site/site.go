// Package site builds the read-only model of the whole site from the pages
// read and rendered before it: sections and what they list, taxonomies and
// their terms, menus, pagination, and the list of outputs to render. It is a
// single cheap pass; nothing here reads files or renders templates.
package site

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/source"
)

// Page is a content page with its rendered Markdown and its place in the site.
type Page struct {
	*source.Page
	markup.Result

	// The fields of the source page and its Markdown's result that layouts
	// read most, spelled out (spell, NewPage): text/template looks a field
	// of an embedded struct up on every use with reflect's
	// FieldByNameFunc, a search that allocates. Set them through the
	// source page or the result, and spell them again.
	URL, Section  string
	Date, Lastmod time.Time
	FM            *source.FrontMatter
	Kind          source.Kind
	Unpublished   string
	Summary       string
	WordCount     int
	ReadingTime   int

	// Parent is the branch page (section, issue, home) that lists this page.
	Parent *Page
	// Children are the pages this branch page lists, in listing order.
	Children []*Page
	// Terms are the page's taxonomy terms, by taxonomy name ("tags").
	Terms map[string][]*Term
	// Event is the schedule of an event page, nil for other kinds.
	Event *Event
	// Issue is set on journal issues; InIssue, PrevArticle and NextArticle
	// on their articles.
	Issue                    *Issue
	InIssue                  *Page
	PrevArticle, NextArticle *Page
	// Feed is the RSS feed of a list page (the home page's is the site's).
	Feed *Feed
	// Calendar is the calendar of a section page's events, nil if the
	// section has no events in this build.
	Calendar *Calendar
	// Files are the page's attachments.
	Files []File
	// Related are the posts or articles that share most with a post or an
	// article (related.go), nil when none does.
	Related []*Page
	// Archive is the month's archive that lists a post, if it is published.
	Archive *Archive

	titleKey []byte // collation key of the title, made when first compared (collation.titleKey)
	number   int    // 1 + its index in Site.all; 0 for a page made after Build (WithText)
}

// Term is one value of a taxonomy (a tag, a committee) and its pages.
type Term struct {
	Taxonomy string // plural name: "tags"
	Name     string // as written in front matter, or the title of its page
	Slug     string
	URL      string
	Page     *Page   // its content/<taxonomy>/<slug>/_index.md, if any
	Pages    []*Page // newest first

	key []byte // collation key of Name
}

// Taxonomy is a way of grouping pages: tags, committees.
type Taxonomy struct {
	Name  string  // plural: "tags"
	URL   string  // "/tags/"
	Page  *Page   // its content/<taxonomy>/_index.md, if any
	Terms []*Term // by weight, then name in the site language's order (pinyin for zh-CN)
}

// MenuItem is an entry of the main navigation.
type MenuItem struct {
	Name string
	URL  string
}

// Site is the whole model.
type Site struct {
	Config     *config.Config
	Now        time.Time
	Home       *Page
	Pages      []*Page // every content page, by URL
	Taxonomies []*Taxonomy
	Menu       []MenuItem
	Outputs    []Output
	Feeds      []*Feed
	Calendars  []*Calendar // by section name

	bySection    map[string][]*Page // dated leaf pages of each section, newest first
	listed       []*Page            // every page in listing order (sortPages)
	journalYears []*Archive
	collation    *collation // orders names during Build; nil after it
	all          []*Page    // every page, those made up for lists too, by number (WithText)
}

// Build makes the model. pages and results are parallel slices.
func Build(cfg *config.Config, pages []*source.Page, results []*markup.Result, now time.Time, l *diag.List) *Site {
	s := &Site{Config: cfg, Now: now, bySection: map[string][]*Page{}, collation: newCollation(cfg.LanguageCode)}
	byDir := map[string]*Page{}
	for i, sp := range pages {
		p := &Page{Page: sp, Result: *results[i], Terms: map[string][]*Term{}}
		p.spell()
		if p.Kind == source.KindEvent {
			p.Event = newEvent(sp, cfg.Location, now)
		}
		s.Pages = append(s.Pages, p)
		if p.Branch {
			byDir[p.Dir] = p
		}
		if p.Kind == source.KindHome {
			s.Home = p
		}
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].URL < s.Pages[j].URL })
	if s.Home == nil {
		l.Add(diag.Pos{File: source.ContentDir + "/_index.md"}, diag.FileNoHome)
		s.Home = NewPage(&source.Page{Kind: source.KindHome, URL: "/", File: source.ContentDir + "/_index.md"}, nil)
		s.Home.FM.Title = cfg.Title
	}
	s.dateArticles(byDir)
	s.link(byDir)
	s.journal(l)
	s.attachments(l)
	s.taxonomies(l)
	s.Outputs = make([]Output, 0, len(s.Pages)*3/2) // a page each, and lists: growing by appending would copy them all again and again
	s.archives()
	s.related()
	s.feeds()
	s.calendars()
	menu := append([]config.MenuItem(nil), cfg.Menu.Main...)
	sort.SliceStable(menu, func(i, j int) bool { return menu[i].Weight < menu[j].Weight })
	for _, item := range menu {
		if item.Name == "" && item.URL == "/"+cfg.Journal.Section+"/" {
			item.Name = cfg.Journal.Label
		}
		s.Menu = append(s.Menu, MenuItem{Name: item.Name, URL: item.URL})
	}
	s.outputs()
	s.numberPages()
	s.collation = nil // not safe for concurrent use, and the model is read in parallel from here on
	return s
}

// NewPage is the model's page of source page sp, listed by parent: a
// page made otherwise would lack the fields it spells out.
func NewPage(sp *source.Page, parent *Page) *Page {
	p := &Page{Page: sp, Parent: parent}
	p.spell()
	return p
}

// spell copies into the page's own fields those it spells out of its
// source page and result.
func (p *Page) spell() {
	sp, r := p.Page, &p.Result
	p.URL, p.Section, p.Date, p.Lastmod, p.FM, p.Kind, p.Unpublished = sp.URL, sp.Section, sp.Date, sp.Lastmod, &sp.FM, sp.Kind, sp.Unpublished
	p.Summary, p.WordCount, p.ReadingTime = r.Summary, r.WordCount, r.ReadingTime
}

// link gives each page its parent (the branch page of the nearest folder
// above it that has one) and each branch page its children.
func (s *Site) link(byDir map[string]*Page) {
	// Going through the pages in listing order fills every list already
	// sorted: one sort of the site instead of one per list.
	s.listed = slices.Clone(s.Pages)
	s.sortPages(s.listed)
	for _, p := range s.listed {
		if p.Kind == source.KindHome {
			continue
		}
		p.Parent = s.Home
		for dir := range source.Parents(p.Dir) {
			if parent := byDir[dir]; parent != nil {
				p.Parent = parent
				break
			}
		}
		if !(p.Parent == s.Home && !p.Branch) { // top-level pages are in the menu, not the home list
			p.Parent.Children = append(p.Parent.Children, p)
		}
		if !p.Branch && !p.Date.IsZero() && p.Section != "" {
			s.bySection[p.Section] = append(s.bySection[p.Section], p)
		}
	}
	for _, p := range s.Pages {
		if p.Dir == s.Config.Events.Section {
			sortEvents(p.Children)
		}
	}
}

// sortPages orders a listing: pages with a weight first, lightest first
// (weight pins a page, as in Hugo; 0 means no weight), then newest first;
// ties broken by title (in the site language's order), then file, so
// output never depends on the order files were read in.
func (s *Site) sortPages(ps []*Page) {
	slices.SortStableFunc(ps, func(a, b *Page) int {
		if a.FM.Weight != b.FM.Weight {
			switch {
			case a.FM.Weight == 0:
				return 1
			case b.FM.Weight == 0:
				return -1
			}
			return cmp.Compare(a.FM.Weight, b.FM.Weight)
		}
		return s.newestFirst(a, b)
	})
}

// newestFirst orders pages by date, newest first, then title in the site
// language's order (pinyin for zh-CN), then file.
func (s *Site) newestFirst(a, b *Page) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	if c := s.collation.compareTitles(a, b); c != 0 {
		return c
	}
	return strings.Compare(a.File, b.File)
}

// Recent returns the newest n dated pages of a section.
func (s *Site) Recent(section string, n int) []*Page {
	list := s.bySection[section]
	if len(list) > n {
		list = list[:n]
	}
	return list
}

// Section returns the branch page of a top-level section, or nil.
func (s *Site) Section(name string) *Page {
	for _, p := range s.Home.Children {
		if p.Branch && p.Dir == name {
			return p
		}
	}
	return nil
}

// Ancestors returns the branch pages above p, the home page first, for
// breadcrumbs.
func (p *Page) Ancestors() []*Page {
	var out []*Page
	for a := p.Parent; a != nil; a = a.Parent {
		out = append([]*Page{a}, out...)
	}
	return out
}

// IsSample reports whether the page is sample content, not the
// association's own ([params] sample = true); the theme marks it 示例.
func (p *Page) IsSample() bool {
	v, _ := p.FM.Params["sample"].(bool)
	return v
}

// InSection reports whether url is the page's own URL or below it: used to
// mark the current menu entry.
func InSection(pageURL, menuURL string) bool {
	if menuURL == "/" {
		return pageURL == "/"
	}
	return strings.HasPrefix(pageURL, menuURL)
}
