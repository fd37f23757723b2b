// Package config reads config.toml strictly: unknown keys and wrong types are
// errors with their position, and every setting has a default.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // Asia/Shanghai on machines without a zone database

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
)

// Config is the site's configuration after defaults are applied.
type Config struct {
	Title        string `toml:"title"`
	BaseURL      string `toml:"baseURL"`
	LanguageCode string `toml:"languageCode"`
	TimeZone     string `toml:"timeZone"`
	Theme        string `toml:"theme"`
	Paginate     int    `toml:"paginate"`
	// Minify makes folio build write smaller HTML, CSS, JS, JSON, SVG and
	// XML, as --minify does; folio serve never minifies.
	Minify     bool              `toml:"minify"`
	Permalinks map[string]string `toml:"permalinks"`
	Taxonomies map[string]string `toml:"taxonomies"`
	Menu       Menus             `toml:"menu"`
	Params     map[string]any    `toml:"params"`
	Journal    Journal           `toml:"journal"`
	Events     Events            `toml:"events"`
	Markup     Markup            `toml:"markup"`
	Footer     Footer            `toml:"footer"`
	Feeds      Feeds             `toml:"feeds"`
	Images     Images            `toml:"images"`

	// Location is TimeZone loaded; dates without a zone are read in it.
	Location *time.Location `toml:"-"`

	keyPos   schema.KeyPos
	basePath string // BaseURL's path, worked out once: templates ask for it on every link
	baseURI  string // BaseURL percent-encoded, for AbsURI
}

// KeyPos is the position of a key of config.toml, for messages about its
// value found by later stages (an unknown theme). A function, not a
// method, so that layouts cannot reach it.
func KeyPos(c *Config, key string) diag.Pos {
	if c.keyPos == nil {
		return diag.Pos{File: "config.toml"}
	}
	return c.keyPos(key)
}

// Menus holds the site's menus; only the main navigation so far.
type Menus struct {
	Main []MenuItem `toml:"main"`
}

// MenuItem is one entry of a menu, ordered by Weight, then Name.
type MenuItem struct {
	Name   string `toml:"name"`
	URL    string `toml:"url"`
	Weight int    `toml:"weight"`
}

// Journal configures the association's periodical.
type Journal struct {
	// Name is the journal's title, as cited: 广东职业技能.
	Name string `toml:"name"`
	// Label is how navigation and headings name it: 内刊《广东职业技能》.
	Label string `toml:"label"`
	// Section is the content folder that holds the issues.
	Section string `toml:"section"`
	// Internal marks the journal as meant for the sector only (内部资料):
	// its pages ask search engines not to index them, and feeds and site
	// search leave them out.
	Internal bool `toml:"internal"`
}

// Events configures the events' section.
type Events struct {
	// Section is the content folder whose pages are events: events.
	Section string `toml:"section"`
}

// Markup configures Markdown rendering.
type Markup struct {
	// Unsafe lets raw HTML in Markdown through; off by default.
	Unsafe bool `toml:"unsafe"`
	// ReadingSpeed is in Chinese characters (or Latin words) a minute.
	ReadingSpeed int `toml:"readingSpeed"`
	// SummaryLength is the length of automatic summaries, in characters.
	SummaryLength int `toml:"summaryLength"`
}

// Images configures the photos of content/ (docs/images.md); zero values
// take the defaults of the photos package.
type Images struct {
	// Widths are the widths of the smaller copies made of each photo.
	Widths []int `toml:"widths"`
	// Quality is their JPEG quality, 1–100.
	Quality int `toml:"quality"`
	// KeepMetadata publishes photos with their EXIF, XMP and IPTC data
	// (GPS position, device, names): off, and warned of when on.
	KeepMetadata bool `toml:"keepMetadata"`
}

// Feeds configures the RSS feeds.
type Feeds struct {
	// Limit is the number of items of each feed, newest first.
	Limit int `toml:"limit"`
	// SummaryOnly lists sections whose feed items carry the summary, not
	// the whole text.
	SummaryOnly []string `toml:"summaryOnly"`
}

// Footer holds the lines Chinese law asks sites to show.
type Footer struct {
	Copyright string `toml:"copyright"`
	ICP       string `toml:"icp"`     // ICP 备案号, e.g. 粤ICP备00000000号
	ICPLink   string `toml:"icpLink"` // usually https://beian.miit.gov.cn/
	PSB       string `toml:"psb"`     // 公安备案号, e.g. 粤公网安备 44010000000000号
	PSBLink   string `toml:"psbLink"`
}

// Load reads name from fsys. Problems are reported into l; the returned
// Config is usable (defaults filled) even when some were found.
func Load(fsys fs.FS, name string, l *diag.List) *Config {
	c := &Config{}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		// The two an editor meets are said in words; another (a disk
		// failing) as the system says it, inside C01's advice.
		switch {
		case errors.Is(err, fs.ErrNotExist):
			l.Add(diag.Pos{File: name}, diag.ConfigMissing)
		case errors.Is(err, fs.ErrPermission):
			l.Add(diag.Pos{File: name}, diag.ConfigNoPermission)
		default:
			l.Add(diag.Pos{File: name}, diag.ConfigUnreadable, err)
		}
		c.defaults(l, func(string) diag.Pos { return diag.Pos{File: name} })
		return c
	}
	lines := diag.NewLines(name, src)
	keyPos := schema.Decode(src, c, diag.KindConfig, lines.At, l)
	if keyPos == nil {
		keyPos = func(string) diag.Pos { return diag.Pos{File: name} }
	}
	c.keyPos = keyPos
	c.defaults(l, keyPos)
	return c
}

var permalinkToken = regexp.MustCompile(`:[a-z]+`)

// defaults fills unset values and checks those that must be well formed.
func (c *Config) defaults(l *diag.List, pos schema.KeyPos) {
	if c.LanguageCode == "" {
		c.LanguageCode = "zh-CN"
	}
	if c.Theme == "" {
		c.Theme = "default"
	}
	if c.Paginate < 0 {
		l.Add(pos("paginate"), diag.ConfigPaginate, c.Paginate)
	}
	if c.Paginate <= 0 {
		c.Paginate = 10
	}
	if w := c.Images.Widths; len(w) > 0 && (!slices.IsSorted(w) || slices.ContainsFunc(w, func(w int) bool { return w < 16 || w > 8192 })) {
		l.Add(pos("images"), diag.ConfigImageWidths, fmt.Sprint(w))
		c.Images.Widths = nil
	}
	if q := c.Images.Quality; q < 0 || q > 100 {
		l.Add(pos("images"), diag.ConfigImageQuality, q)
		c.Images.Quality = 0
	}
	if c.Images.KeepMetadata {
		l.Add(pos("images"), diag.ConfigKeepMetadata)
	}
	if c.Markup.ReadingSpeed <= 0 {
		c.Markup.ReadingSpeed = 400
	}
	if c.Feeds.Limit <= 0 {
		c.Feeds.Limit = 20
	}
	if c.Markup.SummaryLength <= 0 {
		c.Markup.SummaryLength = 120
	}
	if c.Journal.Section == "" {
		c.Journal.Section = "journal"
	}
	if c.Events.Section == "" {
		c.Events.Section = "events"
	}
	if c.Journal.Name == "" {
		c.Journal.Name = c.Title
	}
	if c.Journal.Label == "" {
		c.Journal.Label = c.Journal.Name
	}
	if c.Taxonomies == nil {
		c.Taxonomies = map[string]string{"tag": "tags", "committee": "committees"}
	}
	for singular, plural := range c.Taxonomies {
		switch plural {
		case "tags", "categories", "committees":
		default:
			l.Add(pos("taxonomies."+singular), diag.ConfigTaxonomy, plural)
		}
	}
	if c.TimeZone == "" {
		c.TimeZone = "Asia/Shanghai"
	}
	loc, err := time.LoadLocation(c.TimeZone)
	switch {
	case c.TimeZone == "Local":
		l.Add(pos("timeZone"), diag.ConfigTimeZoneLocal)
		loc = time.UTC
	case err != nil:
		l.Add(pos("timeZone"), diag.ConfigTimeZone, c.TimeZone, err)
		loc = time.UTC
	}
	c.Location = loc
	if c.BaseURL == "" {
		c.BaseURL = "/"
	}
	if err := SetBaseURL(c, c.BaseURL); err != nil {
		l.Add(pos("baseURL"), diag.ConfigBaseURL, c.BaseURL)
	}
	for i, item := range c.Menu.Main {
		if err := CheckLink(item.URL); err != nil {
			l.Add(pos(fmt.Sprintf("menu.main[%d].url", i)), diag.ConfigMenuLink, item.Name, item.URL, err)
		}
	}
	for _, f := range []struct{ key, link string }{{"icpLink", c.Footer.ICPLink}, {"psbLink", c.Footer.PSBLink}} {
		if err := CheckLink(f.link); err != nil {
			l.Add(pos("footer."+f.key), diag.ConfigFooterLink, f.key, f.link, err)
		}
	}
	for section, pattern := range c.Permalinks {
		for _, tok := range permalinkToken.FindAllString(pattern, -1) {
			switch tok {
			case ":year", ":month", ":day", ":slug", ":section", ":filename":
			default:
				l.Add(pos("permalinks."+section), diag.ConfigPermalinkPart, pattern, tok)
			}
		}
		if !strings.HasPrefix(pattern, "/") {
			l.Add(pos("permalinks."+section), diag.ConfigPermalinkRoot, pattern)
		}
	}
}

// SetBaseURL checks and sets the site's base URL: absolute (with scheme and
// host) or "/" for a site served from the root of any host. It always ends
// in a slash. A function, not a method, so that no layout can change the
// config while pages render.
func SetBaseURL(c *Config, s string) error {
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	if s != "/" {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return diag.Msg(diag.ConfigBaseURL, s)
		}
	}
	c.BaseURL = s
	c.basePath = "/"
	c.baseURI = s
	if u, err := url.Parse(s); err == nil && u.Path != "" {
		c.basePath = u.Path
		c.baseURI = u.String()
	}
	return nil
}

// RelURL is a site URL ("/news/") below the site's base path ("/sub/news/").
func (c *Config) RelURL(u string) string { return c.BasePath() + strings.TrimPrefix(u, "/") }

// AbsURL is a site URL ("/news/") with the site's address before it.
func (c *Config) AbsURL(u string) string { return c.BaseURL + strings.TrimPrefix(u, "/") }

// AbsURI is AbsURL written as RFC 3986 asks, for what programs read: the
// feeds, the sitemap, calendars, JSON-LD and the search index. The path is
// percent-encoded as UTF-8 once, here: /新闻/50%off/ becomes
// /%E6%96%B0%E9%97%BB/50%25off/. Site URLs in the model are never encoded
// (they name files), so nothing is encoded twice. Encoded URIs rather than
// IRIs because the sitemap protocol asks for escaped URLs, RFC 5545's URI
// value is RFC 3986, and feed readers and calendar apps all read them (and
// show them decoded); a raw space, %, or control character reads as
// something else or not at all.
func (c *Config) AbsURI(u string) string {
	base := c.baseURI
	if base == "" { // a Config made without SetBaseURL, in tests
		base = c.BaseURL
	}
	return base + EscapePath(strings.TrimPrefix(u, "/"))
}

// RelURI is RelURL percent-encoded as AbsURI is: for links written into
// JSON that a script puts into a page (the search index).
func (c *Config) RelURI(u string) string { return EscapePath(c.RelURL(u)) }

// EscapePath percent-encodes a site path (UTF-8 octets, %, space, control
// characters and anything else RFC 3986 does not allow in a path); / and
// the characters a path may hold stay as they are.
func EscapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }

// BasePath is the path part of BaseURL ("/" or "/sub/"), which every site
// URL starts with.
func (c *Config) BasePath() string {
	if c.basePath == "" {
		return "/"
	}
	return c.basePath
}
