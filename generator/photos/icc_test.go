package photos_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/photos"
	"folio.dev/folio/generator/testkit"
)

// The profiles as phones and cameras write them: their colorants adapted
// to D50, their white and the adaptation's matrix, their tone curves.
var (
	// Apple's Display P3 (v4): sRGB's curve as a parametric one.
	displayP3 = iccProfile([3][3]float64{{0.515121, 0.241182, -0.001053}, {0.291977, 0.692231, 0.041885}, {0.157104, 0.066574, 0.784073}},
		[3]float64{0.96420, 1, 0.82491}, paraCurve(2.39999, 0.94786, 0.05214, 0.07739, 0.04045), true)
	// Adobe RGB (1998) (v2): a gamma of 563/256, white D65.
	adobeRGB = iccProfile([3][3]float64{{0.60974, 0.31111, 0.01947}, {0.20528, 0.62567, 0.06087}, {0.14919, 0.06322, 0.74457}},
		[3]float64{0.95045, 1, 1.08905}, gammaCurve(563), false)
	// sRGB itself: nothing to convert.
	sRGB = iccProfile([3][3]float64{{0.4360747, 0.2225045, 0.0139322}, {0.3850649, 0.7168786, 0.0971045}, {0.1430804, 0.0606169, 0.7141733}},
		[3]float64{0.9642, 1, 0.8249}, paraCurve(2.4, 1/1.055, 0.055/1.055, 1/12.92, 0.04045), true)
)

// The published matrices from linear Display P3 and Adobe RGB to linear
// sRGB (both white D65), independent of the profiles' route through D50.
var (
	p3ToSRGB    = [3][3]float64{{1.2249401, -0.2249404, 0}, {-0.0420569, 1.0420571, 0}, {-0.0196376, -0.0786361, 1.0982735}}
	adobeToSRGB = [3][3]float64{{1.3982832, -0.3982831, 0}, {0, 1, 0}, {0, -0.0429383, 1.0429383}}
)

func srgbDecode(v float64) float64 {
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

func srgbEncode(l float64) uint8 {
	l = min(1, max(0, l))
	if l <= 0.0031308 {
		return uint8(math.Round(255 * 12.92 * l))
	}
	return uint8(math.Round(255 * (1.055*math.Pow(l, 1/2.4) - 0.055)))
}

// expected converts an 8-bit colour with a space's curve and matrix.
func expected(c [3]uint8, decode func(float64) float64, m [3][3]float64) [3]uint8 {
	var lin [3]float64
	for i := range 3 {
		lin[i] = decode(float64(c[i]) / 255)
	}
	var out [3]uint8
	for r := range 3 {
		out[r] = srgbEncode(m[r][0]*lin[0] + m[r][1]*lin[1] + m[r][2]*lin[2])
	}
	return out
}

// The patches of the test photo: P3's pure red (redder than sRGB can
// show: clipped to sRGB's red), a mid grey (grey in every space), an
// orange and a green.
var patches = [][3]uint8{{255, 0, 0}, {128, 128, 128}, {200, 100, 50}, {60, 170, 80}}

// TestColourProfiles publishes a photo in Display P3 and one in Adobe
// RGB, as JPEG (APP2 ICC_PROFILE) and PNG (iCCP), and reads every file
// back: no profile left, and the colours converted to sRGB.
func TestColourProfiles(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		icc    []byte
		decode func(float64) float64
		m      [3][3]float64
	}{
		{"Display P3", displayP3, srgbDecode, p3ToSRGB},
		{"Adobe RGB", adobeRGB, func(v float64) float64 { return math.Pow(v, 563.0/256) }, adobeToSRGB},
	} {
		for _, format := range []string{"jpeg", "png"} {
			t.Run(c.name+" "+format, func(t *testing.T) {
				t.Parallel()
				data, tol := profiled(t, format, c.icc), 2
				if format == "jpeg" {
					tol = 5 // the encoder's loss on flat patches
				}
				files, p := makeOne(t, "photo."+map[string]string{"jpeg": "jpg", "png": "png"}[format], data)
				if p.Colour != photos.ColourConvert || len(p.Warnings) > 0 {
					t.Fatalf("plan: colour %q, warnings %v; want it converted", p.Colour, p.Warnings)
				}
				want := make([][3]uint8, len(patches))
				for i, patch := range patches {
					want[i] = expected(patch, c.decode, c.m)
				}
				if want[0] != [3]uint8{255, 0, 0} || want[1][0] != want[1][1] || want[1][1] != want[1][2] {
					t.Fatalf("the expected values are wrong: red %v, grey %v", want[0], want[1])
				}
				for _, f := range files {
					if hasProfile(f.Data) {
						t.Errorf("%s keeps a colour profile", f.Name)
					}
					img, _, err := image.Decode(bytes.NewReader(f.Data))
					if err != nil {
						t.Fatalf("%s: %v", f.Name, err)
					}
					for i := range patches {
						got := at(img, i)
						for k := range 3 {
							if d := int(got[k]) - int(want[i][k]); d < -tol || d > tol {
								t.Errorf("%s: patch %v is %v, want %v (in sRGB)", f.Name, patches[i], got, want[i])
								break
							}
						}
					}
				}
			})
		}
	}
}

// TestColourProfileNotUnderstood: a photo whose profile is sRGB's is
// published as it is; one whose profile is a LUT's, or is damaged, is
// published as if it were sRGB, without it, with a warning.
func TestColourProfileNotUnderstood(t *testing.T) {
	t.Parallel()
	_, p := makeOne(t, "photo.png", profiled(t, "png", sRGB))
	if p.Colour != photos.ColourAsIs || len(p.Warnings) > 0 {
		t.Errorf("sRGB: colour %q, warnings %v; want it as it is", p.Colour, p.Warnings)
	}
	lut := iccWithTags("RGB ", map[string][]byte{"A2B0": append([]byte("mft2\x00\x00\x00\x00"), make([]byte, 40)...), "wtpt": xyzTag([3]float64{0.9642, 1, 0.8249})})
	for name, c := range map[string]struct {
		icc  []byte
		code diag.Code
	}{"LUT-based": {lut, diag.ImageWhyLUT}, "damaged": {displayP3[:200], diag.ImageWhyICCBroken}, "CMYK colour space": {iccWithTags("CMYK", nil), diag.ImageWhySpace}} {
		files, p := makeOne(t, "photo.jpg", profiled(t, "jpeg", c.icc))
		if p.Colour != photos.ColourIgnored || len(p.Warnings) != 1 || p.Warnings[0].Code != c.code ||
			!strings.Contains(p.Warnings[0].Text(diag.English), name) {
			t.Errorf("%s: colour %q, warnings %v; want it ignored with a warning naming it", name, p.Colour, p.Warnings)
			continue
		}
		for _, f := range files {
			img, _, err := image.Decode(bytes.NewReader(f.Data))
			if err != nil || hasProfile(f.Data) {
				t.Fatalf("%s: %s: %v, profile %v", name, f.Name, err, hasProfile(f.Data))
			}
			if got := at(img, 2); absDiff(got[0], patches[2][0]) > 5 || absDiff(got[2], patches[2][2]) > 5 {
				t.Errorf("%s: %s: patch %v is %v: the pixels should stay as they are", name, f.Name, patches[2], got)
			}
		}
	}
}

func absDiff(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }

func makeOne(t *testing.T, name string, data []byte) ([]photos.File, *photos.Photo) {
	t.Helper()
	file := "content/news/a/" + name
	fsys := fstest.MapFS{file: {Data: data}}
	set := photos.NewSet(fsys, photos.DefaultSettings())
	p := set.Plan(file)
	if p.Refused() || len(p.Derivatives) == 0 {
		t.Fatalf("plan: %v, %d derivatives", p.Problem, len(p.Derivatives))
	}
	var l diag.List
	made, _ := photos.Make(context.Background(), []*photos.Photo{p}, set.Settings(), photos.Options{FS: fsys, Workers: 1}, &l)
	if len(l) > 0 || len(made[file]) != 1+len(p.Derivatives) {
		t.Fatalf("Make: %v, %d files", l, len(made[file]))
	}
	return made[file], p
}

// profiled is a 1000×250 photo of the four patches, side by side, with
// the profile icc embedded.
func profiled(t *testing.T, format string, icc []byte) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 1000, 250))
	for y := range 250 {
		for x := range 1000 {
			c := patches[x/250]
			img.Set(x, y, color.RGBA{c[0], c[1], c[2], 255})
		}
	}
	var b bytes.Buffer
	if format == "jpeg" {
		if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 100}); err != nil {
			t.Fatal(err)
		}
		seg := []byte{0xFF, 0xE2, 0, 0}
		seg = append(seg, "ICC_PROFILE\x00\x01\x01"...)
		seg = append(seg, icc...)
		binary.BigEndian.PutUint16(seg[2:], uint16(len(seg)-2))
		return append(append(append([]byte{}, b.Bytes()[:2]...), seg...), b.Bytes()[2:]...)
	}
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(icc)
	w.Close()
	body := append([]byte("ICC Profile\x00\x00"), z.Bytes()...)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	chunk = append(chunk, "iCCP"...)
	chunk = append(chunk, body...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	data := b.Bytes()
	ihdrEnd := 8 + 12 + 13
	return append(append(append([]byte{}, data[:ihdrEnd]...), chunk...), data[ihdrEnd:]...)
}

// at returns the colour at the centre of patch i of a (possibly smaller)
// copy of the test photo.
func at(img image.Image, i int) [3]uint8 {
	b := img.Bounds()
	r, g, bl, _ := img.At(b.Min.X+b.Dx()*(2*i+1)/8, b.Min.Y+b.Dy()/2).RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8)}
}

func hasProfile(data []byte) bool {
	return bytes.Contains(data, []byte("ICC_PROFILE\x00")) || bytes.Contains(data, []byte("iCCP"))
}

// iccProfile builds a matrix/TRC profile's bytes; v4 ones carry a chad.
func iccProfile(cols [3][3]float64, white [3]float64, trc []byte, v4 bool) []byte {
	tags := map[string][]byte{"rXYZ": xyzTag(cols[0]), "gXYZ": xyzTag(cols[1]), "bXYZ": xyzTag(cols[2]),
		"rTRC": trc, "gTRC": trc, "bTRC": trc, "wtpt": xyzTag(white)}
	if v4 {
		tags["wtpt"] = xyzTag([3]float64{0.9642, 1, 0.8249})
		chad := append([]byte("sf32\x00\x00\x00\x00"), make([]byte, 0, 36)...)
		for _, v := range []float64{1.047882, 0.022918, -0.050217, 0.029586, 0.990478, -0.017075, -0.009247, 0.015075, 0.751678} {
			chad = s15(chad, v)
		}
		tags["chad"] = chad
	}
	return iccWithTags("RGB ", tags)
}

// iccWithTags lays out a profile: the header, the tag table, the tags.
func iccWithTags(space string, tags map[string][]byte) []byte {
	names := []string{"rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC", "wtpt", "chad", "A2B0"}
	var present []string
	for _, n := range names {
		if tags[n] != nil {
			present = append(present, n)
		}
	}
	head := make([]byte, 128)
	copy(head[12:], "mntr")
	copy(head[16:], space)
	copy(head[20:], "XYZ ")
	copy(head[36:], "acsp")
	table := binary.BigEndian.AppendUint32(nil, uint32(len(present)))
	var body []byte
	off := 128 + 4 + 12*len(present)
	for _, n := range present {
		table = append(table, n...)
		table = binary.BigEndian.AppendUint32(table, uint32(off+len(body)))
		table = binary.BigEndian.AppendUint32(table, uint32(len(tags[n])))
		body = append(body, tags[n]...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	icc := append(append(head, table...), body...)
	binary.BigEndian.PutUint32(icc, uint32(len(icc)))
	return icc
}

func s15(b []byte, v float64) []byte {
	return binary.BigEndian.AppendUint32(b, uint32(int32(math.Round(v*65536))))
}

func xyzTag(v [3]float64) []byte {
	return s15(s15(s15([]byte("XYZ \x00\x00\x00\x00"), v[0]), v[1]), v[2])
}

func paraCurve(g, a, b, c, d float64) []byte {
	t := append([]byte("para\x00\x00\x00\x00"), 0, 3, 0, 0)
	for _, v := range []float64{g, a, b, c, d} {
		t = s15(t, v)
	}
	return t
}

func gammaCurve(g uint16) []byte {
	t := binary.BigEndian.AppendUint32([]byte("curv\x00\x00\x00\x00"), 1)
	return binary.BigEndian.AppendUint16(t, g)
}

// BenchmarkColourProfile makes one 4032×3024 phone photo's files, as the
// phone wrote it without a profile and with Display P3's (as iPhones
// write them): the difference is the conversion of 12 megapixels and the
// original re-encoded rather than cut.
//
//	go test ./generator/photos -run XXX -bench ColourProfile -benchtime 3x
func BenchmarkColourProfile(b *testing.B) {
	plain := testkit.PhoneJPEG(4032, 3024, 1, 1)
	seg := []byte{0xFF, 0xE2, 0, 0}
	seg = append(seg, "ICC_PROFILE\x00\x01\x01"...)
	seg = append(seg, displayP3...)
	binary.BigEndian.PutUint16(seg[2:], uint16(len(seg)-2))
	p3 := append(append(append([]byte{}, plain[:2]...), seg...), plain[2:]...)
	for _, c := range []struct {
		name string
		data []byte
	}{{"none", plain}, {"DisplayP3", p3}} {
		b.Run(c.name, func(b *testing.B) {
			fsys := fstest.MapFS{"content/a/photo.jpg": {Data: c.data}}
			for b.Loop() {
				set := photos.NewSet(fsys, photos.DefaultSettings())
				p := set.Plan("content/a/photo.jpg")
				var l diag.List
				photos.Make(context.Background(), []*photos.Photo{p}, set.Settings(), photos.Options{FS: fsys, Workers: 1}, &l)
				if len(l) > 0 {
					b.Fatal(l)
				}
			}
		})
	}
}
