package photos_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/photos"
	"folio.dev/folio/generator/testkit"
)

// TestPhonePhoto makes a 4032×3024 phone photo with EXIF Orientation 6
// and GPS into its derivatives, and reads every file back: upright (the
// stored left half, red, is on top), sized as planned, and without any
// metadata.
func TestPhonePhoto(t *testing.T) {
	t.Parallel()
	src := testkit.PhoneJPEG(4032, 3024, 6, 1)
	if m, _ := testkit.Metadata(src); m == "" {
		t.Fatal("the generated photo has no EXIF: the test would prove nothing")
	}
	fsys := fstest.MapFS{"content/news/a/photo.jpg": {Data: src}}
	set := photos.NewSet(fsys, photos.DefaultSettings())
	p := set.Plan("content/news/a/photo.jpg")
	if p.Refused() {
		t.Fatal(p.Problem)
	}
	if p.Width != 3024 || p.Height != 4032 || p.Orientation != 6 {
		t.Fatalf("plan: %d×%d orientation %d; want 3024×4032 (upright), 6", p.Width, p.Height, p.Orientation)
	}
	var widths []int
	for _, d := range p.Derivatives {
		widths = append(widths, d.Width)
		if !strings.HasPrefix(d.Name, "photo."+p.Key[:10]+".") || !strings.HasSuffix(d.Name, ".jpg") {
			t.Errorf("derivative name %s: want photo.<hash>.<width>.jpg", d.Name)
		}
	}
	if want := []int{480, 680, 800, 1200, 1600}; !slices.Equal(widths, want) {
		t.Errorf("widths %v, want %v", widths, want)
	}
	var l diag.List
	made, stats := photos.Make(context.Background(), []*photos.Photo{p}, set.Settings(), photos.Options{FS: fsys, Workers: 2}, &l)
	if len(l) > 0 || stats.Made != 1 {
		t.Fatalf("Make: %v, %+v", l, stats)
	}
	files := made[p.File]
	if len(files) != 1+len(p.Derivatives) {
		t.Fatalf("%d files, want the original and %d derivatives", len(files), len(p.Derivatives))
	}
	for _, f := range files {
		if m, err := testkit.Metadata(f.Data); m != "" || err != nil {
			t.Errorf("%s keeps metadata: %s %v", f.Name, m, err)
		}
		img, format, err := image.Decode(bytes.NewReader(f.Data))
		if err != nil || format != "jpeg" {
			t.Fatalf("%s: %v (%s)", f.Name, err, format)
		}
		b := img.Bounds()
		wantW, wantH := p.Width, p.Height
		for _, d := range p.Derivatives {
			if d.Name == f.Name {
				wantW, wantH = d.Width, d.Height
			}
		}
		if b.Dx() != wantW || b.Dy() != wantH {
			t.Errorf("%s is %d×%d, planned %d×%d", f.Name, b.Dx(), b.Dy(), wantW, wantH)
		}
		if top, bottom := img.At(b.Dx()/2, b.Dy()/10), img.At(b.Dx()/2, b.Dy()*9/10); !reddish(top) || reddish(bottom) {
			t.Errorf("%s is not upright: top %v, bottom %v (the stored left half, red, belongs on top)", f.Name, top, bottom)
		}
	}
}

// TestNeverUpscaled: a photo narrower than the widths gets the ones below
// it and one at its own width, none wider.
func TestNeverUpscaled(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 1000, 500)))
	set := photos.NewSet(fstest.MapFS{"a.png": {Data: b.Bytes()}}, photos.DefaultSettings())
	p := set.Plan("a.png")
	var got []int
	for _, d := range p.Derivatives {
		got = append(got, d.Width)
		if d.Format != "png" {
			t.Errorf("%s: a PNG's derivatives stay PNG, got %s", d.Name, d.Format)
		}
	}
	if !slices.Equal(got, []int{480, 680, 800, 1000}) {
		t.Errorf("widths %v, want [480 680 800 1000]", got)
	}
	if d, _ := p.Fit(900); d.Width != 1000 {
		t.Errorf("Fit(900) = %d, want 1000", d.Width)
	}
}

// TestRefused: what cannot be published is a problem naming the file and
// the fix, found from the header and the file's end, before any decoding.
func TestRefused(t *testing.T) {
	t.Parallel()
	phone := testkit.PhoneJPEG(64, 48, 1, 2)
	fsys := fstest.MapFS{
		"bomb.png":  {Data: testkit.Bomb(100_000, 100_000)},
		"cut.jpg":   {Data: phone[:len(phone)*2/3]},
		"head.jpg":  {Data: phone[:40]}, // cut before its size: the header's reader says unexpected EOF
		"a.heic":    {Data: []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")},
		"heic.jpg":  {Data: []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")},
		"text.png":  {Data: []byte("not an image")},
		"phone.jpg": {Data: phone},
	}
	set := photos.NewSet(fsys, photos.DefaultSettings())
	for file, want := range map[string]string{
		"bomb.png":  "the image says it is 100000×100000 pixels, more than the 60 million folio decodes",
		"cut.jpg":   "the file is cut short",
		"head.jpg":  "the file is cut short",
		"a.heic":    "the photo is in HEIC format",
		"heic.jpg":  "export it as JPEG",
		"text.png":  "the file is not the JPEG, PNG, GIF or WebP image its name says",
		"phone.jpg": "",
	} {
		p := set.Plan(file)
		got := ""
		if p.Refused() {
			got = p.Problem.Error()
		}
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%s: problem %q, want %q", file, got, want)
		}
	}
}

// TestCache: a second Make with the same photo and settings decodes
// nothing and gives the same files; other settings are other files; a
// pruning Make removes what no photo uses.
func TestCache(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fsys := &counting{MapFS: fstest.MapFS{"p.jpg": {Data: testkit.PhoneJPEG(900, 600, 1, 3)}}}
	run := func(s photos.Settings) ([]photos.File, photos.Stats) {
		var l diag.List
		set := photos.NewSet(fsys, s)
		set.UseIndex(dir)
		fsys.opened = 0
		p := set.Plan("p.jpg")
		made, stats := photos.Make(context.Background(), []*photos.Photo{p}, s, photos.Options{FS: fsys, Dir: dir, Prune: true, Workers: 1}, &l)
		if len(l) > 0 {
			t.Fatal(l)
		}
		return made["p.jpg"], stats
	}
	s := photos.DefaultSettings()
	first, stats := run(s)
	if stats.Made != 1 {
		t.Fatalf("cold: %+v", stats)
	}
	second, stats := run(s)
	if stats.Made != 0 || fsys.opened != 0 {
		t.Fatalf("warm: %+v, the photo opened %d times; want nothing made, and the plan from the index", stats, fsys.opened)
	}
	for i := range first {
		a, _ := os.ReadFile(filepath.Join(dir, path.Base(first[i].Cached)))
		b, _ := os.ReadFile(filepath.Join(dir, path.Base(second[i].Cached)))
		if first[i].Name != second[i].Name || !bytes.Equal(a, b) || len(a) == 0 {
			t.Errorf("%s: the cached file differs", first[i].Name)
		}
	}
	s.Quality = 60
	if _, stats = run(s); stats.Made != 1 || fsys.opened == 0 {
		t.Errorf("other settings: %+v, opened %d times; want the photo read and made again", stats, fsys.opened)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), path.Base(first[0].Cached)[:64]) {
			t.Errorf("%s: left in the cache, though no photo uses it", e.Name())
		}
	}
}

func reddish(c color.Color) bool {
	r, _, b, _ := c.RGBA()
	return r > b
}

// counting is a file system that counts how often files are opened (a
// Stat is not an opening).
type counting struct {
	fstest.MapFS
	opened int
}

func (c *counting) Open(name string) (fs.File, error) {
	c.opened++
	return c.MapFS.Open(name)
}

func (c *counting) ReadFile(name string) ([]byte, error) {
	c.opened++
	return c.MapFS.ReadFile(name)
}

// TestStandIn: while a photo is made in the background (folio serve), its
// names serve the source's bytes without the EXIF that holds the GPS
// position, the phone and its serial number, but with the orientation,
// so that the browser shows it upright; Later then makes the real files,
// the same as Make makes without it.
func TestStandIn(t *testing.T) {
	t.Parallel()
	src := testkit.PhoneJPEG(1200, 900, 6, 3)
	fsys := fstest.MapFS{"content/news/a/photo.jpg": {Data: src}}
	set := photos.NewSet(fsys, photos.DefaultSettings())
	p := set.Plan("content/news/a/photo.jpg")
	later := photos.NewLater(2)
	defer later.Stop()
	var l diag.List
	opts := photos.Options{FS: fsys, Workers: 2, Later: later}
	made, stats := photos.Make(context.Background(), []*photos.Photo{p}, set.Settings(), opts, &l)
	if len(l) > 0 || stats.Pending != 1 || stats.Made != 0 {
		t.Fatalf("Make with Later: %v, %+v; want the photo pending, none made", l, stats)
	}
	for _, f := range made[p.File] {
		for _, private := range []string{"Apple", "iPhone", "F2LXK0ZQHG7F", "GPS"} {
			if bytes.Contains(f.Data, []byte(private)) {
				t.Errorf("the stand-in %s holds %q", f.Name, private)
			}
		}
		m, err := testkit.Metadata(f.Data)
		if m != "JPEG APP1 Exif segment" || err != nil {
			t.Errorf("the stand-in %s: metadata %q %v; want only an Exif segment with the orientation", f.Name, m, err)
		}
		if i := bytes.Index(f.Data, []byte("Exif\x00\x00")); i < 0 || bytes.Index(f.Data[i:], []byte{0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0, 6}) != 6+8+2 {
			t.Errorf("the stand-in %s has no Orientation 6 as the first tag of its Exif", f.Name)
		}
		if _, _, err := image.Decode(bytes.NewReader(f.Data)); err != nil {
			t.Errorf("the stand-in %s does not decode: %v", f.Name, err)
		}
	}
	later.Wait()
	select {
	case <-later.Ready():
	default:
		t.Fatal("Later made the photo without a value on Ready")
	}
	if f := later.Finished(); !slices.Equal(f, []string{p.File}) {
		t.Errorf("Finished: %v", f)
	}
	again, stats := photos.Make(context.Background(), []*photos.Photo{p}, set.Settings(), opts, &l)
	direct, _ := photos.Make(context.Background(), []*photos.Photo{p}, set.Settings(), photos.Options{FS: fsys, Workers: 2}, &l)
	if stats.Pending != 0 || stats.Made != 0 || len(again[p.File]) != len(direct[p.File]) {
		t.Fatalf("Make once Later made it: %+v, %d files; want none pending, %d files", stats, len(again[p.File]), len(direct[p.File]))
	}
	for i, f := range again[p.File] {
		if !bytes.Equal(f.Data, direct[p.File][i].Data) {
			t.Errorf("%s made in the background differs from the same made by Make", f.Name)
		}
	}
}
