package markup

import (
	"folio.dev/folio/generator/diag"

	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"folio.dev/folio/generator/photos"
)

// Photos, when the Resolver is one, gives the photos of content/ a page
// shows: their plan (upright size, derivatives) and the URL of the folder
// they are published in. nil when target is no photo.
type Photos interface {
	Photo(from, target string) (p *photos.Photo, dir string)
}

// Slot is where a page shows a photo: how wide it is drawn, for the
// sizes attribute, and which derivative is the src of browsers that read
// no srcset.
type Slot struct {
	Sizes string // the sizes attribute
	Width int    // pixels the src should have at least
}

// FixedSlot is a photo drawn w CSS pixels wide (a cover, a thumbnail):
// its src is sharp on a screen of two device pixels to one.
func FixedSlot(w int) Slot {
	return Slot{Sizes: strconv.Itoa(w) + "px", Width: 2 * w}
}

// TextSlot is a photo in the default theme's text column: 40em of its
// 1.0625rem text (42.5rem, 680 px), with 1rem margins on a phone.
func TextSlot() Slot {
	return Slot{Sizes: "(max-width: 44.5rem) calc(100vw - 2rem), 42.5rem", Width: 680}
}

// Picture is the markup of one photo in a slot: what an <img> needs.
type Picture struct {
	Src           string // a derivative about as wide as the slot
	Srcset        string // every derivative, "url 480w, url 800w"
	Sizes         string
	Width, Height int // upright, of the original: the aspect ratio for the layout
	// Share is a derivative for link previews (og:image): about 1200
	// pixels wide, as WeChat, Facebook and others show them. A site path
	// when dir was one.
	Share                   string
	ShareWidth, ShareHeight int
}

// PictureOf returns the picture of photo p, published in folder dir (a
// URL ending in /), for slot; ok is false when p has no derivatives (a
// GIF, or a photo with a problem), which is then shown as it is.
func PictureOf(p *photos.Photo, dir string, slot Slot) (pic Picture, ok bool) {
	if p == nil || p.Refused() || len(p.Derivatives) == 0 {
		return Picture{}, false
	}
	fit, _ := p.Fit(slot.Width)
	var set strings.Builder
	for i, d := range p.Derivatives {
		if i > 0 {
			set.WriteString(", ")
		}
		set.Write(util.URLEscape([]byte(dir+d.Name), true))
		set.WriteString(" " + strconv.Itoa(d.Width) + "w")
	}
	share, _ := p.Fit(1200)
	return Picture{Src: dir + fit.Name, Srcset: set.String(), Sizes: slot.Sizes, Width: p.Width, Height: p.Height,
		Share: dir + share.Name, ShareWidth: share.Width, ShareHeight: share.Height}, true
}

// photo shows a photo of content/ through its derivatives: the src and
// srcset, and the upright size. It returns the src ("" to keep the link as
// resolved) and whether the Resolver knew the image as a photo.
func (d *docWalk) photo(n *ast.Image, target string) (src string, known bool) {
	ph, ok := d.r.(Photos)
	if !ok {
		return "", false
	}
	p, pic, ok := d.photoIn(ph, target, string(n.Destination), func() diag.Pos { return d.at(linkStart(n, string(n.Destination), d.body)) })
	if p == nil {
		return "", false
	}
	if p.Width > 0 {
		n.SetAttributeString("width", []byte(strconv.Itoa(p.Width)))
		n.SetAttributeString("height", []byte(strconv.Itoa(p.Height)))
	}
	if !ok {
		return "", true
	}
	n.SetAttributeString("srcset", []byte(pic.Srcset))
	n.SetAttributeString("sizes", []byte(pic.Sizes))
	if d.images == 0 && p.Width >= TextSlot().Width/2 {
		// The first large photo is what a phone shows first (the largest
		// paint): fetched before the stylesheet's fonts and icons.
		n.SetAttributeString("fetchpriority", []byte("high"))
	}
	return pic.Src, true
}

// photoIn finds the photo a page shows as dest (target, unescaped) in the
// text column, says at at what keeps it from being published or what the
// editor should know, and returns it with its picture; ok is false when
// it is shown as it is (no derivatives). p is nil for a file that is not a
// photo. A Markdown image and a figure shortcode both show photos so.
func (d *docWalk) photoIn(ph Photos, target, dest string, at func() diag.Pos) (p *photos.Photo, pic Picture, ok bool) {
	p, dir := ph.Photo(d.doc.File, target)
	if p == nil {
		return nil, Picture{}, false
	}
	if d.l != nil {
		if p.Refused() {
			d.l.Add(at(), diag.ImageRefused, dest, p.Problem)
		}
		for _, w := range p.Warnings {
			d.l.Add(at(), diag.ImageWarned, dest, w)
		}
		if !p.Refused() && p.Format == "jpeg" && p.Width < TextSlot().Width {
			d.l.Add(at(), diag.ImageNarrow, dest, p.Width, TextSlot().Width)
		}
	}
	pic, ok = PictureOf(p, dir, TextSlot())
	if ok {
		d.sawPhoto("/"+strings.TrimPrefix(dir+p.Original, d.basePath), at())
	}
	return p, pic, ok
}

// sawPhoto keeps the photo nearest the file's start as the page's first:
// shortcodes expand before the text around them is read, so the order
// photos are seen in is not the order they are in.
func (d *docWalk) sawPhoto(path string, at diag.Pos) {
	if d.firstPhoto == "" || at.Line < d.firstPhotoAt.Line || at.Line == d.firstPhotoAt.Line && at.Col < d.firstPhotoAt.Col {
		d.firstPhoto, d.firstPhotoAt = path, at
	}
}

// imageRenderer writes <img> as goldmark does, with the attributes
// goldmark's filter lacks (fetchpriority).
type imageRenderer struct{ unsafe bool }

var imageAttributes = html.ImageAttributeFilter.ExtendString("fetchpriority")

func (r imageRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, r.render)
}

func (r imageRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	dest := util.URLEscape(n.Destination, true)
	if r.unsafe || !html.IsDangerousURL(dest) {
		_, _ = w.Write(util.EscapeHTML(dest))
	}
	_, _ = w.WriteString(`" alt="`)
	altText(w, source, n)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, imageAttributes)
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}

// altText writes an image's description, its text without markup.
func altText(w util.BufWriter, source []byte, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			_, _ = w.Write(util.EscapeHTML(c.Value(source)))
		case *ast.String:
			_, _ = w.Write(util.EscapeHTML(c.Value))
		default:
			altText(w, source, c)
		}
	}
}
