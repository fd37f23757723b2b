package feeds

import (
	"bytes"
	"encoding/xml"
	"net/url"
	"slices"
	"strings"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/site"
)

// RSS returns an RSS 2.0 file for each feed of the model. Feeds carry the
// whole text with every link made absolute, so that they read right in any
// feed reader, and no build time: identical input, identical feeds.
// style is the path of the stylesheet browsers show feeds with; words
// gives the theme's text for a key (an event's state). With only set,
// it makes only the feeds that show a page only accepts (as their list or
// an item): after a save that changed the text of those pages alone, the
// others are as they were.
func RSS(s *site.Site, style string, words func(string) string, only func(*site.Page) bool) map[string][]byte {
	files := make(map[string][]byte, len(s.Feeds))
	content := map[*site.Page]string{} // a page is in several feeds (site, section, terms); its HTML is made absolute once
	for _, f := range s.Feeds {
		if shows(only, f.Page, f.Items) {
			files[strings.TrimPrefix(f.URL, "/")] = rss(s, f, style, words, content)
		}
	}
	return files
}

// shows tells whether a file made from the list page and the pages
// listed shows a page only accepts; always, when only is nil.
func shows(only func(*site.Page) bool, list *site.Page, listed []*site.Page) bool {
	return only == nil || (list != nil && only(list)) || slices.ContainsFunc(listed, only)
}

type rssDoc struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Content string     `xml:"xmlns:content,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	Self          atomLink  `xml:"atom:link"`
	LastBuildDate string    `xml:"lastBuildDate"`
	Generator     string    `xml:"generator"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Creator     string   `xml:"dc:creator,omitempty"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
	Content     *cdata   `xml:"content:encoded,omitempty"`
}

// cdata keeps the HTML of an item readable in the file.
type cdata struct {
	Value string `xml:",cdata"`
}

type rssGUID struct {
	IsPermaLink string `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

func rss(s *site.Site, f *site.Feed, style string, words func(string) string, content map[*site.Page]string) []byte {
	cfg := s.Config
	title := cfg.Title
	if f.Page != s.Home {
		title = f.Page.Title() + " - " + cfg.Title
	}
	description := f.Page.FM.Description
	if description == "" {
		description = title
	}
	ch := rssChannel{
		Title:       title,
		Link:        cfg.AbsURI(f.Page.URL),
		Description: description,
		Language:    cfg.LanguageCode,
		Self:        atomLink{Href: cfg.AbsURI(f.URL), Rel: "self", Type: "application/rss+xml"},
		// The newest item's date, never the build's time.
		LastBuildDate: date(f.Items[0].Date, cfg),
		Generator:     "folio",
	}
	for _, p := range f.Items {
		link := cfg.AbsURI(p.URL)
		item := rssItem{
			Title:       Title(s.Config, p, words),
			Link:        link,
			GUID:        rssGUID{IsPermaLink: "true", Value: link},
			PubDate:     date(p.Date, cfg),
			Categories:  p.FM.Tags,
			Description: p.Summary,
		}
		var names []string
		for _, a := range p.FM.Authors {
			names = append(names, a.Name)
		}
		item.Creator = strings.Join(names, "、")
		if !slices.Contains(cfg.Feeds.SummaryOnly, p.Section) {
			html, ok := content[p]
			if !ok {
				html = Absolute(p.HTML(), link)
				content[p] = html
			}
			item.Content = &cdata{html}
		}
		ch.Items = append(ch.Items, item)
	}
	doc := rssDoc{Version: "2.0", Content: "http://purl.org/rss/1.0/modules/content/", Atom: "http://www.w3.org/2005/Atom", DC: "http://purl.org/dc/elements/1.1/", Channel: ch}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<?xml-stylesheet type="text/css" href="` + cfg.RelURI(style) + `"?>` + "\n")
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	_ = enc.Encode(doc) // fails only on Go types XML cannot hold; these are fixed
	b.WriteString("\n")
	return b.Bytes()
}

// date is RFC 1123 with a numeric zone: +0800, never "CST", which feed
// readers take for US Central time.
func date(t time.Time, cfg *config.Config) string {
	return t.In(cfg.Location).Format(time.RFC1123Z)
}

// Absolute makes every href, src and srcset of rendered HTML absolute,
// resolved against the page's own URL: root paths, #footnotes and relative
// paths. goldmark always quotes attributes with ".
func Absolute(html, page string) string {
	base, err := url.Parse(page)
	if err != nil {
		return html
	}
	var b strings.Builder
	b.Grow(len(html) + len(html)/8) // the links grow by the site's address
	// Where the next href=" and src=" start, each searched for again only
	// once the text before it is written: a page of many links without a
	// single src=" is read once, not once a link.
	attrs := [...]string{` href="`, ` src="`, ` poster="`, ` srcset="`} // poster: a video's (shortcode video); srcset: a photo's copies
	var next [len(attrs)]int
	for k, attr := range attrs {
		next[k] = index(html, 0, attr)
	}
	pos := 0 // html[:pos] is written
	for {
		i, srcset := -1, false // where the next attribute's value starts, and whether it is a srcset
		for k, attr := range attrs {
			if next[k] >= 0 && next[k] < pos {
				next[k] = index(html, pos, attr)
			}
			if next[k] >= 0 && (i < 0 || next[k]+len(attr) < i) {
				i, srcset = next[k]+len(attr), attr == ` srcset="`
			}
		}
		if i < 0 {
			b.WriteString(html[pos:])
			return b.String()
		}
		end := strings.IndexByte(html[i:], '"')
		if end < 0 {
			b.WriteString(html[pos:])
			return b.String()
		}
		b.WriteString(html[pos:i])
		value := html[i : i+end]
		if srcset {
			// "a.480.jpg 480w, a.960.jpg 960w": each candidate's address
			// resolved, its width kept.
			cands := strings.Split(value, ",")
			for c, cand := range cands {
				lead := cand[:len(cand)-len(strings.TrimLeft(cand, " "))]
				u, descr, _ := strings.Cut(strings.TrimLeft(cand, " "), " ")
				if descr != "" {
					descr = " " + descr
				}
				cands[c] = lead + resolve(base, u) + descr
			}
			value = strings.Join(cands, ",")
		} else {
			value = resolve(base, value)
		}
		b.WriteString(value)
		pos = i + end
	}
}

// resolve makes value, an attribute's address as HTML writes it (&amp;),
// absolute against base; an address with a scheme, or one that does not
// parse, is kept.
func resolve(base *url.URL, value string) string {
	if ref, err := url.Parse(strings.ReplaceAll(value, "&amp;", "&")); err == nil && ref.Scheme == "" {
		return strings.ReplaceAll(base.ResolveReference(ref).String(), "&", "&amp;")
	}
	return value
}

// index returns where s holds sub at or after from, or -1.
func index(s string, from int, sub string) int {
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// Title is a page's title as a feed or calendar shows it: an event that is
// cancelled or postponed says so first, since a reader may see only that
// line (a calendar app, a feed reader's list).
func Title(cfg *config.Config, p *site.Page, words func(string) string) string {
	if p.Event == nil || p.Event.State == "scheduled" {
		return p.Title()
	}
	state := words(p.Event.State)
	if strings.HasPrefix(cfg.LanguageCode, "zh") {
		return "【" + state + "】" + p.Title()
	}
	return "[" + state + "] " + p.Title()
}
