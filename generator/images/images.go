// Package images reads what a build needs to know about the content's
// images: for now their sizes in pixels, from the files' headers, so that
// pages can say how big an image is before it loads. It reads images
// through the build's fs.FS only: it never writes a file, changes an image
// or decides a URL (publish writes; links and source place files).
package images

import (
	"bytes"
	"image"
	_ "image/gif" // image.DecodeConfig reads the sizes of GIF, JPEG and PNG
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"folio.dev/folio/generator/diag"
)

// Sizes reads and remembers the sizes of a build's images. Safe for the
// workers of one build; make one for each build, since files change.
type Sizes struct {
	fsys fs.FS
	mu   sync.Mutex
	seen map[string]size // file -> its size, or why it is not known
}

type size struct {
	w, h    int // 0, 0 when unknown
	problem error
}

// NewSizes makes an empty Sizes that reads images from fsys.
func NewSizes(fsys fs.FS) *Sizes {
	return &Sizes{fsys: fsys, seen: map[string]size{}}
}

// Size returns an image file's width and height in pixels: from the header
// of a GIF, JPEG or PNG, from width and height (or the viewBox) of an SVG;
// 0, 0 when not known. problem says why a GIF, JPEG or PNG file has no
// size: it is not the image its name says (a broken upload, a file
// renamed); other files without a size (an SVG sized by its page, a WebP)
// have none.
func (s *Sizes) Size(file string) (w, h int, problem error) {
	s.mu.Lock()
	sz, ok := s.seen[file]
	s.mu.Unlock()
	if !ok {
		sz = s.read(file)
		s.mu.Lock()
		s.seen[file] = sz
		s.mu.Unlock()
	}
	if sz.w <= 0 || sz.h <= 0 {
		return 0, 0, sz.problem
	}
	return sz.w, sz.h, nil
}

var (
	svgTag     = regexp.MustCompile(`(?s)<svg\b[^>]*>`)
	svgWidth   = regexp.MustCompile(`\swidth="([0-9.]+)(px)?"`)
	svgHeight  = regexp.MustCompile(`\sheight="([0-9.]+)(px)?"`)
	svgViewBox = regexp.MustCompile(`\sviewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"`)
)

func (s *Sizes) read(file string) size {
	f, err := s.fsys.Open(file)
	if err != nil {
		return size{}
	}
	defer f.Close()
	if path.Ext(file) == ".svg" {
		head := make([]byte, 4096)
		n, _ := f.Read(head)
		tag := svgTag.Find(head[:n])
		w, h := svgWidth.FindSubmatch(tag), svgHeight.FindSubmatch(tag)
		if w != nil && h != nil {
			return size{w: atoi(w[1]), h: atoi(h[1])}
		}
		if vb := svgViewBox.FindSubmatch(tag); vb != nil {
			return size{w: atoi(vb[1]), h: atoi(vb[2])}
		}
		return size{}
	}
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		switch ext := strings.ToLower(path.Ext(file)); ext {
		case ".png", ".gif", ".jpg", ".jpeg":
			format := strings.ToUpper(strings.TrimPrefix(ext, "."))
			if format == "JPG" {
				format = "JPEG"
			}
			return size{problem: diag.Msg(diag.ImageUnreadable, file, format, err)}
		}
		return size{}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return size{problem: diag.Msg(diag.ImageSizeOdd, file, cfg.Width, cfg.Height)}
	}
	return size{w: cfg.Width, h: cfg.Height}
}

func atoi(b []byte) int {
	f, _ := strconv.ParseFloat(string(bytes.TrimSpace(b)), 64)
	return int(f + 0.5)
}
