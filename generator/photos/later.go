package photos

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"io/fs"
	"slices"
	"sync"
	"time"
)

// Later makes photos in the background for folio serve, so that a page
// never waits for a photo's first copies: until they are made, a build
// publishes stand-ins (StandIn) under their names, and when some are made
// Later says so on Ready, for a build that publishes them, as a build that
// never had stand-ins would. One Later serves one site, for as long as it
// is served; Stop ends its work.
type Later struct {
	ctx     context.Context
	stop    context.CancelFunc
	workers int
	every   time.Duration // the longest it waits between two Ready while working

	mu       sync.Mutex
	queue    []job
	busy     map[string]bool   // keys queued or being made
	memory   map[string][]File // what was made for a site not on disk, by key
	failed   map[string]bool   // keys whose making failed: builds make them, to say why
	finished []string          // files made since Finished was last called
	running  int
	said     time.Time // when Ready was last sent
	wg       sync.WaitGroup
	idle     *sync.Cond // broadcast when nothing is queued or running

	ready chan struct{}
}

type job struct {
	p    *Photo
	s    Settings
	opts Options
}

// NewLater makes a Later with workers goroutines at most (0: one).
func NewLater(workers int) *Later {
	ctx, stop := context.WithCancel(context.Background())
	l := &Later{ctx: ctx, stop: stop, workers: max(1, workers), every: 2 * time.Second,
		busy: map[string]bool{}, failed: map[string]bool{}, memory: map[string][]File{}, ready: make(chan struct{}, 1)}
	l.idle = sync.NewCond(&l.mu)
	return l
}

// Ready receives a value when photos were made since the last one (at
// most one waits: a slow reader gets one for many).
func (l *Later) Ready() <-chan struct{} { return l.ready }

// Finished returns the files of the photos made since it was last called.
func (l *Later) Finished() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.finished
	l.finished = nil
	slices.Sort(f)
	return slices.Compact(f)
}

// Wait blocks until nothing is queued or being made.
func (l *Later) Wait() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for len(l.queue) > 0 || l.running > 0 {
		l.idle.Wait()
	}
}

// Stop drops what is queued and waits for the photos being made.
func (l *Later) Stop() {
	l.stop()
	l.mu.Lock()
	l.queue = nil
	l.mu.Unlock()
	l.wg.Wait()
}

// made returns a photo's files when they are made: in the cache folder,
// or in memory for a site not on disk.
func (l *Later) made(p *Photo, dir string) ([]File, bool) {
	if dir != "" {
		return cached(p, dir)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	files, ok := l.memory[p.Key]
	return files, ok
}

// failedBefore tells whether a photo could not be made in the background.
func (l *Later) failedBefore(p *Photo) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.failed[p.Key]
}

// add queues a photo unless it is queued or being made already.
func (l *Later) add(p *Photo, s Settings, opts Options) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.busy[p.Key] || l.ctx.Err() != nil {
		return
	}
	l.busy[p.Key] = true
	l.queue = append(l.queue, job{p, s, opts})
	if l.running < l.workers {
		l.running++
		l.wg.Add(1)
		go l.run()
	}
}

// run makes queued photos, one at a time, until the queue is empty.
func (l *Later) run() {
	defer l.wg.Done()
	for {
		l.mu.Lock()
		if len(l.queue) == 0 || l.ctx.Err() != nil {
			l.running--
			l.idle.Broadcast()
			l.mu.Unlock()
			return
		}
		j := l.queue[0]
		l.queue = l.queue[1:]
		l.mu.Unlock()

		files, err := makePhoto(j.opts.FS, j.p, j.s, j.opts.Dir)

		l.mu.Lock()
		delete(l.busy, j.p.Key)
		switch {
		case err != nil:
			l.failed[j.p.Key] = true
		case j.opts.Dir == "":
			l.memory[j.p.Key] = files
		}
		// A photo that cannot be made is finished too: the build after it
		// makes it again, in its own time, and reports why at its place.
		l.finished = append(l.finished, j.p.File)
		last := len(l.queue) == 0 && l.running == 1
		if last || time.Since(l.said) >= l.every {
			l.said = time.Now()
			select {
			case l.ready <- struct{}{}:
			default:
			}
		}
		l.mu.Unlock()
	}
}

// StandIn returns what a build publishes under each of a photo's names
// while Later makes its files: the source's bytes without their EXIF,
// XMP and IPTC, read and cut in milliseconds (the preview is an editor's,
// but a photo's GPS position is never served, not even to them). A JPEG
// keeps its EXIF orientation alone, in an EXIF block of its own, so that
// the browser shows it upright; a GIF, whose cleaning needs decoding,
// stands as one grey pixel, stretched by the page to the photo's size.
func StandIn(fsys fs.FS, p *Photo) []byte {
	data, err := fs.ReadFile(fsys, p.File)
	if err != nil {
		return greyPixel()
	}
	switch p.Format {
	case "jpeg":
		return withOrientation(stripJPEG(data, true), p.Orientation)
	case "png":
		return stripPNG(data, true)
	case "webp":
		return stripWebP(data)
	}
	return greyPixel()
}

func greyPixel() []byte {
	var b bytes.Buffer
	m := image.NewPaletted(image.Rect(0, 0, 1, 1), color.Palette{color.Gray{Y: 0xDD}})
	gif.Encode(&b, m, nil)
	return b.Bytes()
}

// withOrientation adds to a JPEG without EXIF an APP1 Exif segment that
// holds only the Orientation tag o (nothing for 1).
func withOrientation(jpg []byte, o int) []byte {
	if o <= 1 || o > 8 || len(jpg) < 2 {
		return jpg
	}
	be := binary.BigEndian
	seg := []byte{0xFF, 0xE1, 0, 0}
	seg = append(seg, "Exif\x00\x00"...)
	seg = append(seg, 'M', 'M', 0, 42, 0, 0, 0, 8) // big-endian TIFF, IFD0 at 8
	seg = be.AppendUint16(seg, 1)                  // one entry
	seg = be.AppendUint16(seg, 0x0112)             // Orientation
	seg = be.AppendUint16(seg, 3)                  // SHORT
	seg = be.AppendUint32(seg, 1)
	seg = be.AppendUint16(seg, uint16(o))
	seg = append(seg, 0, 0, 0, 0, 0, 0) // padding, then no next IFD
	be.PutUint16(seg[2:], uint16(len(seg)-2))
	return slices.Concat(jpg[:2], seg, jpg[2:])
}
