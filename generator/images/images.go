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
	"sync"
)

// Sizes reads and remembers the sizes of a build's images. Safe for the
// workers of one build; make one for each build, since files change.
type Sizes struct {
	fsys fs.FS
	mu   sync.Mutex
	seen map[string][2]int // file -> width, height; 0, 0 when unknown
}

// NewSizes makes an empty Sizes that reads images from fsys.
func NewSizes(fsys fs.FS) *Sizes {
	return &Sizes{fsys: fsys, seen: map[string][2]int{}}
}

// Size returns an image file's width and height in pixels: from the header
// of a GIF, JPEG or PNG, from width and height (or the viewBox) of an SVG.
// ok is false when the file is not an image it can read.
func (s *Sizes) Size(file string) (int, int, bool) {
	s.mu.Lock()
	wh, ok := s.seen[file]
	s.mu.Unlock()
	if !ok {
		wh = s.read(file)
		s.mu.Lock()
		s.seen[file] = wh
		s.mu.Unlock()
	}
	return wh[0], wh[1], wh[0] > 0 && wh[1] > 0
}

var (
	svgTag     = regexp.MustCompile(`(?s)<svg\b[^>]*>`)
	svgWidth   = regexp.MustCompile(`\swidth="([0-9.]+)(px)?"`)
	svgHeight  = regexp.MustCompile(`\sheight="([0-9.]+)(px)?"`)
	svgViewBox = regexp.MustCompile(`\sviewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"`)
)

func (s *Sizes) read(file string) [2]int {
	f, err := s.fsys.Open(file)
	if err != nil {
		return [2]int{}
	}
	defer f.Close()
	if path.Ext(file) == ".svg" {
		head := make([]byte, 4096)
		n, _ := f.Read(head)
		tag := svgTag.Find(head[:n])
		w, h := svgWidth.FindSubmatch(tag), svgHeight.FindSubmatch(tag)
		if w != nil && h != nil {
			return [2]int{atoi(w[1]), atoi(h[1])}
		}
		if vb := svgViewBox.FindSubmatch(tag); vb != nil {
			return [2]int{atoi(vb[1]), atoi(vb[2])}
		}
		return [2]int{}
	}
	cfg, _, err := image.DecodeConfig(f)
	if err != nil {
		return [2]int{}
	}
	return [2]int{cfg.Width, cfg.Height}
}

func atoi(b []byte) int {
	f, _ := strconv.ParseFloat(string(bytes.TrimSpace(b)), 64)
	return int(f + 0.5)
}
