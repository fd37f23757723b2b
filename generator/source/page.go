// Package source reads content/ through an fs.FS: it splits and decodes front
// matter, decides each page's kind, finds bundles and their files, leaves out
// drafts, future and expired pages, and gives every page its URL.
package source

import (
	"path"
	"time"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
)

// Kind is what a page is; it decides its layout and where it is listed.
type Kind string

const (
	KindHome    Kind = "home"    // content/_index.md
	KindSection Kind = "section" // any other _index.md
	KindPage    Kind = "page"    // a standalone page: about, contact
	KindPost    Kind = "post"    // news and notices: dated, listed newest first
	KindEvent   Kind = "event"   // trainings, competitions, camps
	KindIssue   Kind = "issue"   // a journal issue: content/journal/<year>/<number>/_index.md
	KindArticle Kind = "article" // an article of a journal issue
	KindTerm    Kind = "term"    // content/<taxonomy>/<term>/_index.md: a term's own page
)

// FrontMatter is every key a page may set. Key names follow Hugo's where
// they overlap. Unknown keys are errors; free-form data goes under [params].
type FrontMatter struct {
	Title       string         `toml:"title"`
	Description string         `toml:"description"`
	Summary     string         `toml:"summary"`
	Date        schema.Time    `toml:"date"`
	Lastmod     schema.Time    `toml:"lastmod"`
	PublishDate schema.Time    `toml:"publishDate"`
	ExpiryDate  schema.Time    `toml:"expiryDate"`
	Draft       bool           `toml:"draft"`
	Slug        string         `toml:"slug"`
	URL         string         `toml:"url"`
	Aliases     []string       `toml:"aliases"`
	Tags        []string       `toml:"tags"`
	Categories  []string       `toml:"categories"`
	Committees  []string       `toml:"committees"`
	Weight      int            `toml:"weight"`
	Type        string         `toml:"type"`
	Layout      string         `toml:"layout"`
	Params      map[string]any `toml:"params"`

	// Photos. Image is the page's featured photo, a file of its folder:
	// shown for it in lists and link previews (og:image) instead of its
	// first. KeepMetadata names photos of the page's folder published
	// with their EXIF, XMP and IPTC data (a photo whose credit must stay
	// in the file); warned of, as [images] keepMetadata is for the site.
	Image        string   `toml:"image"`
	KeepMetadata []string `toml:"keepMetadata"`

	// Events.
	Start        schema.Time `toml:"start"`
	End          schema.Time `toml:"end"`
	Location     string      `toml:"location"`
	Organizer    string      `toml:"organizer"`
	Registration string      `toml:"registration"`
	Deadline     schema.Time `toml:"deadline"`
	Status       string      `toml:"status"`

	// Journal issues.
	Volume  int      `toml:"volume"`
	Number  int      `toml:"number"`
	Total   int      `toml:"total"`
	Cover   string   `toml:"cover"`
	PDF     string   `toml:"pdf"`
	Columns []string `toml:"columns"`

	// Notices: the document number (文号), the issuing body (落款) and
	// attached files of the page's folder.
	DocNo       string       `toml:"docno"`
	Issuer      string       `toml:"issuer"`
	Attachments []Attachment `toml:"attachments"`

	// Journal articles.
	Column   string   `toml:"column"`
	Authors  []Author `toml:"authors"`
	Abstract string   `toml:"abstract"`
	Keywords []string `toml:"keywords"`
	Pages    string   `toml:"pages"`
	Order    int      `toml:"order"`
}

// Attachment is a file attached to a notice: a file of the page's folder
// (a bundle) and how to call it.
type Attachment struct {
	Title string `toml:"title"`
	File  string `toml:"file"`
}

// Author is a journal article's author.
type Author struct {
	Name        string `toml:"name"`
	Affiliation string `toml:"affiliation"`
}

// Page is one Markdown file of content/, read and placed.
type Page struct {
	// File is the path in the site's file system: content/news/a.md.
	File string
	// Dir is the folder below content/ that the page stands for: "news"
	// for content/news/a.md and content/news/_index.md, "news/camp" for
	// the bundle content/news/camp/index.md.
	Dir     string
	Kind    Kind
	Section string // first folder below content/; "" for home and top-level pages
	Branch  bool   // an _index.md: it lists the pages below it
	Bundle  bool   // a leaf bundle (index.md): its files are copied beside it

	FM FrontMatter
	// Date and the other times are FM's, placed in the site's time zone.
	Date, Lastmod time.Time

	// text is the file as read, for the stages that convert it (TextOf).
	// It is not exported, so that layouts, which see a Page, cannot print
	// or read it.
	text Text

	// Unpublished is "draft" or "future" for a page that only --drafts or
	// --future brought into the build, so the theme can say so;
	// "issueDraft" or "issueFuture" for a journal article whose own front
	// matter would publish it but whose issue is a draft or dated later
	// (its issue's _index.md is the file to edit); "" for a published page.
	Unpublished string

	// URL is the page's path from the site root, "/news/2024/06/fair/".
	URL string
	// Resources are files of the page's bundle or branch folder, as paths in
	// the site's file system, copied below URL keeping their relative path.
	Resources []string
	// sizes are the Resources' sizes in bytes.
	sizes map[string]int64

	keyPos schema.KeyPos
	// invalid is set when the front matter had errors: checks for missing
	// keys are skipped then, since the key may be there but misspelt.
	invalid bool
	// bare is set when the file has no front matter at all.
	bare bool
	// placeholder is where the text still has folio new's prompt, "" File
	// when it has none.
	placeholder diag.Pos
}

// Resource finds a file of the page's folder by its path relative to the
// folder ("cover.jpg"), and returns its path in the site's file system and
// its size.
func (p *Page) Resource(name string) (file string, size int64, ok bool) {
	file = path.Join(ContentDir, p.Dir, name)
	size, ok = p.sizes[file]
	return file, size, ok
}

// KeyPos is the position of a front matter key of p (or the file's first
// line when the key is not written), for messages about its value. A
// function, not a method, so that layouts cannot reach it.
func KeyPos(p *Page, key string) diag.Pos {
	if p.keyPos == nil {
		return diag.Pos{File: p.File, Line: 1, Col: 1}
	}
	return p.keyPos(key)
}

// Text is a page's file as read.
type Text struct {
	// Src is the whole file, BOM removed and CRLF turned into LF; the
	// Markdown body starts at BodyStart. Positions count in Src.
	Src       []byte
	BodyStart int
	// Version identifies the file's content: a hash of Src, which the
	// generator mixes with what the page's links resolved to. Pages of equal
	// version render alike, so folio serve renders them only once.
	Version uint64

	later  bool   // Src is not held: Content.Text reads it again (Options.ReadLater)
	sum    uint64 // of Src, to tell that it is read again unchanged
	asRead bool   // Src is the file as read: nothing to clean when it is read again
}

// Body is the Markdown after the front matter.
func (t *Text) Body() []byte { return t.Src[t.BodyStart:] }

// TextOf returns the page's text, for the stages that convert it (and
// the one that mixes what its links resolved to into its version).
func TextOf(p *Page) *Text { return &p.text }

// Title returns the front matter title.
func (p *Page) Title() string { return p.FM.Title }
