// Package photos plans and makes the derivatives of a site's photos: each
// raster image of content/ (JPEG, PNG, GIF, WebP) is published upright,
// without its metadata (EXIF, XMP, IPTC: GPS, device, serial numbers), and
// in a few smaller widths with content-hashed names, so that a phone
// downloads what its screen shows and a reader never learns where a
// student was photographed.
//
// Planning (Set.Plan) reads a file's bytes and header only: names and
// sizes are known before any pixel is decoded, so that pages can be
// converted while the pixels are made (Make), one image per worker at a
// time. It reads through fs.FS; it decides no URL (a derivative's name is
// relative to its source's) and writes only its own cache folder.
package photos

import (
	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"slices"

	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // image.DecodeConfig and image.Decode read GIF, JPEG, PNG and WebP
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"

	_ "golang.org/x/image/webp"
)

// Settings are what a derivative depends on besides its source's bytes;
// they are part of every cache key and published name.
type Settings struct {
	// Widths are the derivatives' widths in pixels, ascending. A source
	// narrower than a width gets none of it (never upscaled) but one at
	// its own width instead; one narrower than them all gets none.
	Widths []int
	// Quality is the JPEG quality of derivatives, 1–100.
	Quality int
	// MaxPixels refuses an image whose header claims more pixels (a
	// decompression bomb, or a panorama no page needs).
	MaxPixels int
	// WarnBytes is the file size above which an image is warned of.
	WarnBytes int64
	// KeepMetadata publishes originals as they are, metadata included
	// (the site opted out of privacy; warned of).
	KeepMetadata bool
}

// The defaults suit the default theme: its text column is 40em (about 680 CSS
// pixels); 480 serves small phones, 680 a 412 px phone at DPR 1.75 (a slot
// of 380 CSS px, 665 pixels: with 800 next after 480, Lighthouse's mobile
// audit counted a portrait's 800 copy as 31 % wasted) and the column on a
// laptop, 800 phones at DPR 2, 1200 and 1600 wide screens and sharper phones.
// DefaultSettings returns the settings of a site that sets none.
func DefaultSettings() Settings {
	return Settings{Widths: []int{480, 680, 800, 1200, 1600}, Quality: 78, MaxPixels: 60_000_000, WarnBytes: 20 << 20}
}

// SettingsOf are config.toml's [images] (checked by config.Load) over the
// defaults.
func SettingsOf(c config.Images) Settings {
	s := DefaultSettings()
	if len(c.Widths) > 0 {
		s.Widths = slices.Compact(slices.Clone(c.Widths))
	}
	if c.Quality != 0 {
		s.Quality = c.Quality
	}
	s.KeepMetadata = c.KeepMetadata
	return s
}

// version changes when processing changes in a way that changes bytes:
// every cache key and name changes with it.
const version = "3" // 3: colour profiles converted to sRGB, none copied

// Photo is the plan for one source image.
type Photo struct {
	File        string // in the site's fs.FS
	Key         string // hex SHA-256 of the bytes, the settings and version
	Format      string // "jpeg", "png", "gif", "webp"
	Width       int    // upright, after EXIF orientation
	Height      int
	Orientation int // EXIF orientation, 1–8 (1 when none)
	Size        int64
	// Colour says what is done with the photo's colour profile: none or
	// sRGB, converted to sRGB, or not understood and taken as sRGB.
	Colour Colour `json:",omitempty"`
	// KeepMetadata publishes the original as it is, metadata included
	// (the site's setting, or a page's keepMetadata); the derivatives
	// never have any.
	KeepMetadata bool
	// Derivatives are the resized copies, narrowest first; none for a GIF
	// (which may be animated: only its original is published, cleaned).
	Derivatives []Derivative
	// Original is the name the cleaned original is published under: the
	// source's own name, since pages and links name it.
	Original string
	// Problem says why the image cannot be published (a bomb, a truncated
	// or unknown file); it has no code when it can. Warnings are for the
	// editor too, but do not stop the build.
	Problem  diag.Message
	Warnings []diag.Message

	modTime  int64  // the file's, when planned, for the cache's index
	settings string // Set.sum of the set that planned it
}

// Refused tells that the photo cannot be published (Problem says why).
func (p *Photo) Refused() bool { return p.Problem.Code != "" }

// Derivative is one resized copy.
type Derivative struct {
	Name          string // file name, in its source's folder
	Width, Height int
	Format        string // "jpeg" or "png"
}

// Raster tells whether a file is an image this package processes, by its
// name; HEIC is one it refuses with a message.
func Raster(file string) bool {
	switch strings.ToLower(path.Ext(file)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif":
		return true
	}
	return false
}

// Set plans the photos of one build, each once. Safe for the build's
// workers.
type Set struct {
	fsys     fs.FS
	settings Settings
	sum      string // of the settings, for keys
	mu       sync.Mutex
	plans    map[string]*planned
	index    map[string]indexEntry // the cache's plans (UseIndex); read only
	keep     map[string]bool       // files published with their metadata (Keep); read only once planning starts
}

type planned struct {
	once  sync.Once
	photo *Photo
	shown bool // a page shows it, and said what is wrong with it there
}

// NewSet makes a Set that reads images from fsys.
func NewSet(fsys fs.FS, s Settings) *Set {
	return &Set{fsys: fsys, settings: s, sum: fmt.Sprint(version, s.Widths, s.Quality, s.MaxPixels, s.KeepMetadata), plans: map[string]*planned{}}
}

// Keep makes the set publish the originals of files with their metadata
// (a page's keepMetadata). Call it before any plan is made: their keys
// differ from the same file's cleaned.
func (s *Set) Keep(files []string) {
	if s.keep == nil {
		s.keep = map[string]bool{}
	}
	for _, f := range files {
		s.keep[f] = true
	}
}

// Settings returns the settings the set plans with.
func (s *Set) Settings() Settings { return s.settings }

// Plan returns the plan of file, made on first use.
func (s *Set) Plan(file string) *Photo {
	s.mu.Lock()
	p := s.plans[file]
	if p == nil {
		p = &planned{}
		s.plans[file] = p
	}
	s.mu.Unlock()
	p.once.Do(func() { p.photo = s.plan(file) })
	return p.photo
}

// Show returns the plan of file, as Plan, for a page that shows it (and
// reports its problem at its place on the page).
func (s *Set) Show(file string) *Photo {
	p := s.Plan(file)
	s.mu.Lock()
	s.plans[file].shown = true
	s.mu.Unlock()
	return p
}

// Shown tells whether a page shows file.
func (s *Set) Shown(file string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.plans[file]
	return p != nil && p.shown
}

// Planned returns every plan made so far, by file.
func (s *Set) Planned() map[string]*Photo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]*Photo, len(s.plans))
	for f, p := range s.plans {
		if p.photo != nil {
			out[f] = p.photo
		}
	}
	return out
}

func (s *Set) plan(file string) *Photo {
	sum := s.sum
	if s.keep[file] && !s.settings.KeepMetadata {
		sum += " keep" // another key: the cache's cleaned original is not this one
	}
	p := &Photo{File: file, Original: path.Base(file), Orientation: 1, KeepMetadata: s.settings.KeepMetadata || s.keep[file], settings: sum}
	if info, err := fs.Stat(s.fsys, file); err == nil {
		if q := s.fromIndex(file, info, sum); q != nil {
			return q
		}
		p.modTime = info.ModTime().UnixNano()
	}
	data, err := fs.ReadFile(s.fsys, file)
	if err != nil {
		p.Problem = diag.Msg(diag.ImageWhyUnreadable, err)
		return p
	}
	p.Size = int64(len(data))
	h := sha256.New()
	h.Write([]byte(sum + "\x00"))
	h.Write(data)
	p.Key = hex.EncodeToString(h.Sum(nil))
	if heif(data) || strings.EqualFold(path.Ext(file), ".heic") || strings.EqualFold(path.Ext(file), ".heif") {
		p.Format = "heic"
		p.Problem = diag.Msg(diag.ImageWhyHEIC)
		return p
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		switch {
		case errors.Is(err, image.ErrFormat):
			p.Problem = diag.Msg(diag.ImageWhyMislabeled)
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF): // cut short before its size
			p.Problem = diag.Msg(diag.ImageWhyCut)
		default:
			p.Problem = diag.Msg(diag.ImageWhyNotImage, err)
		}
		return p
	}
	p.Format = format
	if cfg.Width <= 0 || cfg.Height <= 0 {
		p.Problem = diag.Msg(diag.ImageWhySizeOdd, cfg.Width, cfg.Height)
		return p
	}
	if int64(cfg.Width)*int64(cfg.Height) > int64(s.settings.MaxPixels) {
		p.Problem = diag.Msg(diag.ImageWhyBomb, cfg.Width, cfg.Height, s.settings.MaxPixels/1_000_000)
		return p
	}
	if !complete(format, data) {
		p.Problem = diag.Msg(diag.ImageWhyCut)
		return p
	}
	if format == "jpeg" {
		p.Orientation = orientation(data)
	}
	p.Colour = colourOf(format, data, p)
	p.Width, p.Height = cfg.Width, cfg.Height
	if p.Orientation >= 5 { // 5–8 turn the picture a quarter
		p.Width, p.Height = cfg.Height, cfg.Width
	}
	if s.settings.WarnBytes > 0 && p.Size > s.settings.WarnBytes {
		p.Warnings = append(p.Warnings, diag.Msg(diag.ImageWhyLarge, fmt.Sprintf("%.0f", float64(p.Size)/(1<<20))))
	}
	if format == "gif" {
		return p
	}
	out := "jpeg"
	if format == "png" {
		out = "png" // drawings and screenshots: lossless stays sharp
	}
	ext := map[string]string{"jpeg": ".jpg", "png": ".png"}[out]
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	add := func(w int) {
		h := max(1, (p.Height*w+p.Width/2)/p.Width)
		p.Derivatives = append(p.Derivatives, Derivative{Name: base + "." + p.Key[:10] + "." + strconv.Itoa(w) + ext, Width: w, Height: h, Format: out})
	}
	for _, w := range s.settings.Widths {
		if w < p.Width {
			add(w)
		}
	}
	if n := len(p.Derivatives); n > 0 && n < len(s.settings.Widths) && p.Width >= p.Derivatives[n-1].Width*5/4 {
		add(p.Width) // narrower than the next width: one at its own width, re-encoded as the others (unless about as wide as the last)
	}
	// Narrower than the narrowest width (an icon, a badge): none, and the
	// page shows the cleaned original.
	return p
}

// colourOf tells what to do with the colour profile of an image's bytes,
// and warns of one it cannot apply.
func colourOf(format string, data []byte, p *Photo) Colour {
	icc, err := iccOf(format, data)
	if err == nil && icc == nil {
		return ColourAsIs
	}
	var t *transform
	if err == nil {
		t, err = parseICC(icc)
	}
	switch {
	case err != nil:
		why := errDamaged // a PNG's iCCP that does not decompress
		errors.As(err, &why)
		p.Warnings = append(p.Warnings, why.why)
		return ColourIgnored
	case t == nil:
		return ColourAsIs // sRGB's own
	}
	return ColourConvert
}

// Fit returns the narrowest derivative at least w pixels wide, or the
// widest there is; ok is false when the photo has none.
func (p *Photo) Fit(w int) (d Derivative, ok bool) {
	for _, d := range p.Derivatives {
		if d.Width >= w {
			return d, true
		}
	}
	if n := len(p.Derivatives); n > 0 {
		return p.Derivatives[n-1], true
	}
	return Derivative{}, false
}

// heif tells whether data is an ISO media file of a HEIF/HEIC/AVIF brand,
// whatever its name.
func heif(data []byte) bool {
	if len(data) < 12 || string(data[4:8]) != "ftyp" {
		return false
	}
	switch string(data[8:12]) {
	case "heic", "heix", "hevc", "heim", "heis", "mif1", "msf1", "avif":
		return true
	}
	return false
}

// complete tells whether an image's bytes reach its format's end marker: a
// truncated upload decodes its header fine and fails (or shows grey) only
// when the pixels are read.
func complete(format string, data []byte) bool {
	switch format {
	case "jpeg":
		d := bytes.TrimRight(data, "\x00\r\n ") // padding some programs add
		return bytes.HasSuffix(d, []byte{0xFF, 0xD9})
	case "png":
		return bytes.Contains(data[max(0, len(data)-64):], []byte("IEND"))
	case "gif":
		return len(data) > 0 && data[len(data)-1] == 0x3B
	case "webp":
		return len(data) >= 8 && int(le32(data[4:8]))+8 <= len(data)
	}
	return true
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
