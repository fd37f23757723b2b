package shortcode

import (
	"folio.dev/folio/generator/diag"

	"fmt"
	"html/template"
	"time"
)

// Page is what a shortcode template reads of its page as .Page: what the
// page's own file says (its front matter and folder), known before the
// site's model is built (shortcodes expand when the Markdown is
// converted). Nothing here depends on another file, so the Markdown cache
// (keyed by the file) and a text edit in folio serve (which keeps the
// front matter) stay right. The URL is not here: an article's depends on
// its issue.
type Page struct {
	Title   string
	Kind    string // post, event, article, page, ...
	Section string
	Date    time.Time
	Params  map[string]any
}

// Site is what a shortcode template reads of the site as .Site.
type Site struct {
	Title        string
	BaseURL      string
	LanguageCode string
	Params       map[string]any
}

// Image is a file of content/ that a shortcode shows (.Image), resolved
// as a Markdown image is: its URL, and its size when known.
type Image struct {
	URL           string
	Width, Height int
	// Srcset and Sizes, for a photo with smaller copies (the photo
	// pipeline's), else "".
	Srcset, Sizes string
}

// Target is a numbered figure or table of the page (.Ref).
type Target struct {
	Name   string // the shortcode that made it: figure, table
	ID     string // its id, for #links
	Number int    // 1 for the page's first of its name
}

// Env is what markup gives a template to call back: resolving a file,
// finding a numbered target, reporting a problem at the call.
type Env interface {
	Image(target string) (Image, bool)
	File(target string) (Image, bool)
	Ref(id string) (Target, bool)
	Fail(m diag.Message)
}

// Context is the value a shortcode template executes with (the dot).
// Its fields are read through methods only, so that templates reach what
// is documented in docs/templates.md and nothing more.
type Context struct {
	call    *Call
	page    *Page
	site    *Site
	inner   template.HTML
	parent  *Context
	ordinal int
	number  int
	env     Env
}

// NewContext makes the dot of one call's template.
func NewContext(call *Call, page *Page, site *Site, inner template.HTML, parent *Context, ordinal, number int, env Env) *Context {
	return &Context{call: call, page: page, site: site, inner: inner, parent: parent, ordinal: ordinal, number: number, env: env}
}

// Name is the shortcode's name.
func (c *Context) Name() string { return c.call.Name }

// Get returns a positional argument (.Get 0) or a named one (.Get "src"),
// "" when there is none.
func (c *Context) Get(key any) string {
	switch k := key.(type) {
	case int:
		if k >= 0 && k < len(c.call.Positional) {
			return c.call.Positional[k]
		}
	case string:
		return c.call.Named[k]
	}
	return ""
}

// Params returns the named arguments.
func (c *Context) Params() map[string]string { return c.call.Named }

// IsNamedParams tells whether the arguments are named (as Hugo's).
func (c *Context) IsNamedParams() bool { return len(c.call.Named) > 0 }

// Need returns an argument that the shortcode cannot do without; when it
// is missing, the editor is told at the call.
func (c *Context) Need(key any) string {
	v := c.Get(key)
	if v == "" {
		open, end := "{{<", ">}}"
		if c.call.Markdown {
			open, end = "{{%", "%}}"
		}
		if i, ok := key.(int); ok {
			c.env.Fail(diag.Msg(diag.ShortcodeNeedsArg, c.call.Name, i+1, fmt.Sprintf("%s %s VALUE %s", open, c.call.Name, end)))
		} else {
			c.env.Fail(diag.Msg(diag.ShortcodeNeedsKey, c.call.Name, key, fmt.Sprintf("%s %s %s=\"...\" %s", open, c.call.Name, key, end)))
		}
	}
	return v
}

// Inner is the text between a pair's tags: for {{% %}}, its Markdown
// converted to HTML; for {{< >}}, the text as written (escaped) with the
// calls in it expanded.
func (c *Context) Inner() template.HTML { return c.inner }

// Page is the page the call is on.
func (c *Context) Page() *Page { return c.page }

// Site is the site.
func (c *Context) Site() *Site { return c.site }

// Parent is the context of the pair the call is inside, or nil; its
// Inner is empty (it is being made of this call's output).
func (c *Context) Parent() *Context { return c.parent }

// Ordinal is the call's index among the calls of its parent (or of the
// page), from 0.
func (c *Context) Ordinal() int { return c.ordinal }

// Number numbers the page's figures and tables: for a call with a
// caption, 1 + the number of calls of the same name with a caption before
// it on the page; 0 for a call without a caption.
func (c *Context) Number() int { return c.number }

// Image resolves a file of content/ named by the argument key, as a
// Markdown image is; a missing file is reported at the call.
func (c *Context) Image(key string) Image {
	im, _ := c.env.Image(c.Get(key))
	return im
}

// File resolves a file of content/ named by the argument key (a video),
// as a Markdown link to it is; a missing file is reported at the call.
func (c *Context) File(key string) Image {
	f, _ := c.env.File(c.Get(key))
	return f
}

// Ref finds the figure or table whose id is the argument; a missing one
// is reported at the call.
func (c *Context) Ref(id string) Target {
	if id == "" {
		return Target{} // Need has said it is missing
	}
	t, _ := c.env.Ref(id)
	return t
}
