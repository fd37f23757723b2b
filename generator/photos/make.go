package photos

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/work"
)

// CacheDir is where a site keeps its processed photos, below its folder:
// outside public/, ignored by git, restored by CI.
const CacheDir = ".folio-cache/images"

// Options say where Make keeps what it made.
type Options struct {
	// Dir is the cache folder on disk: the site folder's CacheDir, which
	// FS reads as CacheDir. "" keeps everything in memory (a site not on
	// disk, as in tests).
	Dir string
	// Prune removes the cache's files no photo of this build uses.
	Prune   bool
	Workers int
	// FS is the site's, which the photos' files are read from.
	FS fs.FS
	// Later, if set, makes in the background the photos that are not
	// made yet (folio serve): Make publishes their stand-ins instead.
	Later *Later
}

// File is one published file of a photo: its name in the source's folder,
// and either its bytes or its file in the cache (Cached, a path in the
// site's FS: CacheDir/…).
type File struct {
	Name   string
	Data   []byte
	Cached string
}

// Stats say what Make did: Made photos were decoded, the others were all
// in the cache.
// Pending photos were not made yet: their stand-ins were published
// (Options.Later).
type Stats struct{ Photos, Made, Pending int }

// Make makes the published files of photos: the cleaned original and the
// derivatives, each photo on one worker (so that at most one decoded image
// per worker is in memory), taking what the cache has. A photo it cannot
// make is an error at its file; the others are still made.
func Make(ctx context.Context, photos []*Photo, s Settings, opts Options, l *diag.List) (map[string][]File, Stats) {
	out := make([]([]File), len(photos))
	problems := make([]error, len(photos))
	var made, pending atomic.Int64
	if opts.Dir != "" {
		if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
			l.Add(diag.Pos{File: CacheDir}, diag.ImageCacheDir, err)
			return nil, Stats{}
		}
	}
	work.Named(ctx, len(photos), opts.Workers, func(i int) string { return photos[i].File }, func(i int) {
		p := photos[i]
		if p.Refused() {
			return
		}
		if files, ok := cached(p, opts.Dir); ok {
			out[i] = files
			return
		}
		if l := opts.Later; l != nil && !l.failedBefore(p) {
			if files, ok := l.made(p, opts.Dir); ok {
				out[i] = files
				return
			}
			l.add(p, s, opts)
			pending.Add(1)
			standIn := StandIn(opts.FS, p)
			for _, n := range names(p) {
				out[i] = append(out[i], File{Name: n, Data: standIn})
			}
			return
		}
		made.Add(1)
		files, err := makePhoto(opts.FS, p, s, opts.Dir)
		if err != nil {
			problems[i] = err
			return
		}
		out[i] = files
	})
	res := map[string][]File{}
	keep := map[string]bool{}
	for i, p := range photos {
		if problems[i] != nil {
			l.Add(diag.Pos{File: p.File}, diag.ImageFileRefused, problems[i])
			continue
		}
		if out[i] != nil {
			res[p.File] = out[i]
			keep[p.Key] = true
		}
	}
	if opts.Dir != "" && ctx.Err() == nil {
		if opts.Prune {
			prune(opts.Dir, keep)
		}
		writeIndex(opts.Dir, photos)
	}
	return res, Stats{Photos: len(photos), Made: int(made.Load()), Pending: int(pending.Load())}
}

// cacheName is the file of a photo's output in the cache: its key, then
// the name's tail (width and extension), so that a key finds them all.
func cacheName(p *Photo, name string) string {
	if name == p.Original {
		return p.Key + ".original" + strings.ToLower(path.Ext(name))
	}
	return p.Key + strings.TrimPrefix(name, strings.TrimSuffix(p.Original, path.Ext(p.Original))+"."+p.Key[:10])
}

func names(p *Photo) []string {
	n := []string{p.Original}
	for _, d := range p.Derivatives {
		n = append(n, d.Name)
	}
	return n
}

// cached returns a photo's files when the cache has them all.
func cached(p *Photo, dir string) ([]File, bool) {
	if dir == "" {
		return nil, false
	}
	var files []File
	for _, n := range names(p) {
		f := filepath.Join(dir, cacheName(p, n))
		if _, err := os.Stat(f); err != nil {
			return nil, false
		}
		files = append(files, File{Name: n, Cached: CacheDir + "/" + cacheName(p, n)})
	}
	return files, true
}

// prune removes the cache's files whose key no photo has.
func prune(dir string, keep map[string]bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		key, _, _ := strings.Cut(e.Name(), ".")
		if len(key) == 64 && !keep[key] { // a photo's file, not the index
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// makePhoto decodes one photo, makes its files and puts them in the cache
// (written under a temporary name and renamed, so that a build stopped
// half-way leaves no half file under a real name).
func makePhoto(fsys fs.FS, p *Photo, s Settings, dir string) ([]File, error) {
	data, err := fs.ReadFile(fsys, p.File)
	if err != nil {
		return nil, diag.Msg(diag.ImageWhyUnreadable, err)
	}
	bodies, err := render(p, data, s)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, n := range names(p) {
		body := bodies[n]
		if dir == "" {
			files = append(files, File{Name: n, Data: body})
			continue
		}
		f := filepath.Join(dir, cacheName(p, n))
		tmp := f + ".tmp"
		if err := os.WriteFile(tmp, body, 0o644); err != nil {
			return nil, diag.Msg(diag.ImageWhyCacheWrite, err)
		}
		if err := os.Rename(tmp, f); err != nil {
			return nil, diag.Msg(diag.ImageWhyCacheWrite, err)
		}
		files = append(files, File{Name: n, Cached: CacheDir + "/" + cacheName(p, n)})
	}
	return files, nil
}

// render makes the bytes of a photo's files from its source's bytes. Its
// pixels are sRGB in every file but a kept one: a profile is converted or
// dropped (Photo.Colour), never copied.
func render(p *Photo, data []byte, s Settings) (map[string][]byte, error) {
	files := map[string][]byte{}
	var xf *transform
	if p.Colour == ColourConvert {
		icc, _ := iccOf(p.Format, data)
		xf, _ = parseICC(icc) // planned from the same bytes: it parses
	}
	var img *image.RGBA
	decode := func() error {
		if img != nil {
			return nil
		}
		m, _, err := image.Decode(bytes.NewReader(data))
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return diag.Msg(diag.ImageWhyCut)
		}
		if err != nil {
			return diag.Msg(diag.ImageWhyNoDecode, err)
		}
		img = upright(toRGBA(m), p.Orientation)
		if xf != nil {
			xf.apply(img)
		}
		return nil
	}
	switch {
	case s.KeepMetadata || p.KeepMetadata:
		files[p.Original] = data
	case p.Format == "jpeg" && p.Orientation == 1 && xf == nil:
		files[p.Original] = stripJPEG(data, p.Colour == ColourAsIs)
	case p.Format == "jpeg":
		if err := decode(); err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
			return nil, err
		}
		files[p.Original] = b.Bytes()
	case p.Format == "png" && xf == nil:
		files[p.Original] = stripPNG(data, p.Colour == ColourAsIs)
	case p.Format == "png":
		if err := decode(); err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			return nil, err
		}
		files[p.Original] = b.Bytes()
	case p.Format == "webp":
		// No WebP encoder is pure Go: the original keeps its profile,
		// which browsers apply; its copies are converted.
		files[p.Original] = stripWebP(data)
	case p.Format == "gif":
		g, err := gif.DecodeAll(bytes.NewReader(data))
		if err != nil {
			return nil, diag.Msg(diag.ImageWhyGIF, err)
		}
		var b bytes.Buffer
		if err := gif.EncodeAll(&b, g); err != nil { // frames, delays and loops kept; comments and XMP not
			return nil, err
		}
		files[p.Original] = b.Bytes()
	}
	if len(p.Derivatives) == 0 {
		return files, nil
	}
	if err := decode(); err != nil {
		return nil, err
	}
	cur := img
	for _, d := range slices.Backward(p.Derivatives) { // widest first, each from the last: every step shrinks less than twice
		cur = resize(cur, d.Width, d.Height)
		var b bytes.Buffer
		var err error
		if d.Format == "png" {
			err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, cur)
		} else {
			err = jpeg.Encode(&b, cur, &jpeg.Options{Quality: s.Quality})
		}
		if err != nil {
			return nil, err
		}
		files[d.Name] = b.Bytes()
	}
	return files, nil
}
