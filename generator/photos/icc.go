package photos

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"image"
	"io"
	"math"
	"slices"
	"strings"

	"folio.dev/folio/generator/diag"
)

// Colour says what is done with a photo's colour profile (ICC).
type Colour string

const (
	// ColourAsIs: no profile, or one that is sRGB: the pixels are sRGB,
	// as browsers take pixels without a profile.
	ColourAsIs Colour = ""
	// ColourConvert: a matrix/TRC profile other than sRGB (an iPhone's
	// Display P3, a camera's Adobe RGB): the pixels are converted to sRGB
	// and published without the profile.
	ColourConvert Colour = "convert"
	// ColourIgnored: a profile folio cannot apply (a LUT-based one, or a
	// CMYK one): the pixels are taken as sRGB, the profile dropped, and
	// the editor warned.
	ColourIgnored Colour = "ignored"
)

// iccOf returns the ICC profile embedded in an image's bytes: a JPEG's
// APP2 ICC_PROFILE segments in their order, a PNG's iCCP chunk
// (decompressed), a WebP's ICCP chunk; nil when there is none.
func iccOf(format string, data []byte) ([]byte, error) {
	switch format {
	case "jpeg":
		type part struct {
			seq  byte
			body []byte
		}
		var parts []part
		for seg := range segments(data) {
			if seg.marker == 0xE2 && bytes.HasPrefix(seg.body, []byte("ICC_PROFILE\x00")) && len(seg.body) >= 14 {
				parts = append(parts, part{seg.body[12], seg.body[14:]})
			}
		}
		slices.SortStableFunc(parts, func(a, b part) int { return int(a.seq) - int(b.seq) })
		var icc []byte
		for _, p := range parts {
			icc = append(icc, p.body...)
		}
		return icc, nil
	case "png":
		for i := 8; i+12 <= len(data); {
			n := int(binary.BigEndian.Uint32(data[i:]))
			end := i + 12 + n
			if n < 0 || end > len(data) {
				return nil, nil
			}
			switch string(data[i+4 : i+8]) {
			case "iCCP":
				body := data[i+8 : i+8+n]
				name := bytes.IndexByte(body, 0)
				if name < 0 || name+2 > len(body) {
					return nil, errors.New("iCCP chunk without a name")
				}
				z, err := zlib.NewReader(bytes.NewReader(body[name+2:]))
				if err != nil {
					return nil, err
				}
				return io.ReadAll(io.LimitReader(z, 4<<20)) // a profile is kilobytes; a bomb stops here
			case "IDAT", "IEND":
				return nil, nil // iCCP comes before the image data
			}
			i = end
		}
	case "webp":
		for i := 12; i+8 <= len(data); {
			n := int(le32(data[i+4:]))
			if i+8+n > len(data) {
				return nil, nil
			}
			if string(data[i:i+4]) == "ICCP" {
				return data[i+8 : i+8+n], nil
			}
			i += 8 + n + n%2
		}
	}
	return nil, nil
}

// transform converts an image's pixels from its profile's colours to
// sRGB: each channel through its tone curve to linear light, a matrix to
// linear sRGB (through the profiles' D50 connection space), clipped, and
// sRGB's curve back.
type transform struct {
	linear [3][256]float32 // each channel's 8-bit value in linear light
	m      [3][3]float32   // linear source RGB -> linear sRGB
}

// D50, the ICC connection space's white, and sRGB's primaries in it (the
// colorants of the sRGB profile, adapted to D50 with Bradford).
var (
	d50      = [3]float64{0.9642, 1.0, 0.8249}
	srgbD50  = mat{{0.4360747, 0.3850649, 0.1430804}, {0.2225045, 0.7168786, 0.0606169}, {0.0139322, 0.0971045, 0.7141733}}
	bradford = mat{{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}
)

// errUnsupported is a profile folio cannot apply; why says which, for
// the editor (its values strings: a plan, warnings included, is kept in
// the cache's index.json).
type errUnsupported struct{ why diag.Message }

func (e errUnsupported) Error() string { return e.why.Text(diag.English) }

// errDamaged is a profile whose bytes do not hold what they announce.
var errDamaged = errUnsupported{diag.Msg(diag.ImageWhyICCBroken)}

// parseICC reads a profile and returns the transform of its pixels to
// sRGB, or nil when it is sRGB already (no conversion needed). Only
// matrix/TRC profiles (RGB, and grey with one curve) are understood; any
// other is an errUnsupported.
func parseICC(icc []byte) (*transform, error) {
	if len(icc) < 132 || int(binary.BigEndian.Uint32(icc)) > len(icc) || string(icc[36:40]) != "acsp" {
		return nil, errDamaged
	}
	tags := map[string][]byte{}
	n := int(binary.BigEndian.Uint32(icc[128:]))
	for i := range min(n, 100) {
		e := 132 + 12*i
		if e+12 > len(icc) {
			return nil, errDamaged
		}
		off, size := int(binary.BigEndian.Uint32(icc[e+4:])), int(binary.BigEndian.Uint32(icc[e+8:]))
		if off < 0 || size < 0 || off+size > len(icc) || off+size < off {
			return nil, errDamaged
		}
		tags[string(icc[e:e+4])] = icc[off : off+size]
	}
	space := string(icc[16:20])
	t := &transform{}
	switch space {
	case "GRAY":
		k, err := curveOf(tags["kTRC"])
		if err != nil {
			return nil, err
		}
		for c := range 3 {
			t.linear[c] = k
		}
		t.m = [3][3]float32{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}} // grey in linear light is grey in linear sRGB
	case "RGB ":
		var cols mat
		for c, name := range []string{"rXYZ", "gXYZ", "bXYZ"} {
			xyz, ok := xyzOf(tags[name])
			if !ok {
				if tags["A2B0"] != nil {
					return nil, errUnsupported{diag.Msg(diag.ImageWhyLUT)}
				}
				return nil, errDamaged
			}
			for r := range 3 {
				cols[r][c] = xyz[r]
			}
		}
		for c, name := range []string{"rTRC", "gTRC", "bTRC"} {
			curve, err := curveOf(tags[name])
			if err != nil {
				return nil, err
			}
			t.linear[c] = curve
		}
		cols = toD50(cols, tags)
		m := srgbD50.inverse().mul(cols)
		for r := range 3 {
			for c := range 3 {
				if math.IsNaN(m[r][c]) || math.IsInf(m[r][c], 0) {
					return nil, errDamaged
				}
				t.m[r][c] = float32(m[r][c])
			}
		}
	default:
		return nil, errUnsupported{diag.Msg(diag.ImageWhySpace, strings.TrimSpace(space))}
	}
	if t.isSRGB() {
		return nil, nil
	}
	return t, nil
}

// toD50 returns a profile's colorants adapted to D50. A well-made profile
// has them so (they add up to D50, whatever its white point, wtpt, says);
// some old ones hold them under their own white: they are adapted with
// the profile's chad matrix, or Bradford's from wtpt.
func toD50(cols mat, tags map[string][]byte) mat {
	var sum [3]float64
	for r := range 3 {
		sum[r] = cols[r][0] + cols[r][1] + cols[r][2]
	}
	if near(sum, d50, 0.01) {
		return cols
	}
	if chad, ok := chadOf(tags["chad"]); ok {
		return chad.mul(cols)
	}
	if w, ok := xyzOf(tags["wtpt"]); ok && near(sum, w, 0.01) {
		src, dst := bradford.apply(w), bradford.apply(d50)
		scale := mat{{dst[0] / src[0], 0, 0}, {0, dst[1] / src[1], 0}, {0, 0, dst[2] / src[2]}}
		return bradford.inverse().mul(scale).mul(bradford).mul(cols)
	}
	return cols
}

func near(a, b [3]float64, tol float64) bool {
	return math.Abs(a[0]-b[0]) < tol && math.Abs(a[1]-b[1]) < tol && math.Abs(a[2]-b[2]) < tol
}

// isSRGB tells whether the transform changes no 8-bit value by more than
// one: the profile is sRGB's, or as good as.
func (t *transform) isSRGB() bool {
	for c := range 3 {
		for r := range 3 {
			want := float32(0)
			if r == c {
				want = 1
			}
			if math.Abs(float64(t.m[r][c]-want)) > 0.002 {
				return false
			}
		}
		for v := range 256 {
			if d := int(encodeSRGB(t.linear[c][v])) - v; d < -1 || d > 1 {
				return false
			}
		}
	}
	return true
}

// s15 reads an ICC s15Fixed16Number.
func s15(b []byte) float64 { return float64(int32(binary.BigEndian.Uint32(b))) / 65536 }

// xyzOf reads an XYZType tag.
func xyzOf(tag []byte) ([3]float64, bool) {
	if len(tag) < 20 || string(tag[:4]) != "XYZ " {
		return [3]float64{}, false
	}
	return [3]float64{s15(tag[8:]), s15(tag[12:]), s15(tag[16:])}, true
}

// chadOf reads the chromatic adaptation tag (an s15Fixed16ArrayType of 9).
func chadOf(tag []byte) (mat, bool) {
	if len(tag) < 8+36 || string(tag[:4]) != "sf32" {
		return mat{}, false
	}
	var m mat
	for i := range 9 {
		m[i/3][i%3] = s15(tag[8+4*i:])
	}
	return m, true
}

// curveOf reads a tone curve (curveType or parametricCurveType) as the
// linear light of each 8-bit value.
func curveOf(tag []byte) (out [256]float32, err error) {
	var f func(x float64) float64
	switch {
	case len(tag) >= 12 && string(tag[:4]) == "curv":
		n := int(binary.BigEndian.Uint32(tag[8:]))
		if len(tag) < 12+2*n {
			return out, errDamaged
		}
		switch n {
		case 0:
			f = func(x float64) float64 { return x }
		case 1:
			g := float64(binary.BigEndian.Uint16(tag[12:])) / 256
			f = func(x float64) float64 { return math.Pow(x, g) }
		default:
			table := make([]float64, n)
			for i := range n {
				table[i] = float64(binary.BigEndian.Uint16(tag[12+2*i:])) / 65535
			}
			f = func(x float64) float64 { // linear between the table's points
				p := x * float64(n-1)
				i := min(int(p), n-2)
				return table[i] + (p-float64(i))*(table[i+1]-table[i])
			}
		}
	case len(tag) >= 12 && string(tag[:4]) == "para":
		kind := int(binary.BigEndian.Uint16(tag[8:]))
		count := []int{1, 3, 4, 5, 7}
		if kind > 4 || len(tag) < 12+4*count[kind] {
			return out, errDamaged
		}
		var p [7]float64 // g, a, b, c, d, e, f
		for i := range count[kind] {
			p[i] = s15(tag[12+4*i:])
		}
		g, a, b, c, d, e, ff := p[0], p[1], p[2], p[3], p[4], p[5], p[6]
		pow := func(x float64) float64 { return math.Pow(max(0, a*x+b), g) }
		switch kind {
		case 0:
			f = func(x float64) float64 { return math.Pow(x, g) }
		case 1:
			f = func(x float64) float64 { return pow(x) }
		case 2:
			f = func(x float64) float64 { return pow(x) + c }
		case 3:
			f = func(x float64) float64 {
				if x >= d {
					return pow(x)
				}
				return c * x
			}
		case 4:
			f = func(x float64) float64 {
				if x >= d {
					return pow(x) + e
				}
				return c*x + ff
			}
		}
	default:
		return out, errDamaged
	}
	for v := range 256 {
		out[v] = float32(min(1, max(0, f(float64(v)/255))))
	}
	return out, nil
}

// encodeSRGB is sRGB's curve: linear light to an 8-bit value.
func encodeSRGB(l float32) uint8 {
	x := float64(min(1, max(0, l)))
	if x <= 0.0031308 {
		x *= 12.92
	} else {
		x = 1.055*math.Pow(x, 1/2.4) - 0.055
	}
	return uint8(math.Round(x * 255))
}

// apply converts m's pixels to sRGB in place. image.RGBA's pixels are
// premultiplied by alpha: a translucent pixel is divided out first.
func (t *transform) apply(m *image.RGBA) {
	const steps = 4096
	var enc [steps + 1]uint8
	for i := range enc {
		enc[i] = encodeSRGB(float32(i) / steps)
	}
	back := func(l float32) uint8 {
		switch {
		case !(l > 0): // NaN too
			return 0
		case l >= 1:
			return 255
		}
		return enc[int(l*steps+0.5)]
	}
	for y := range m.Rect.Dy() {
		row := m.Pix[y*m.Stride : y*m.Stride+4*m.Rect.Dx()]
		for i := 0; i < len(row); i += 4 {
			a := row[i+3]
			if a == 0 {
				continue
			}
			r, g, b := row[i], row[i+1], row[i+2]
			if a != 255 {
				r, g, b = uint8(min(255, int(r)*255/int(a))), uint8(min(255, int(g)*255/int(a))), uint8(min(255, int(b)*255/int(a)))
			}
			lr, lg, lb := t.linear[0][r], t.linear[1][g], t.linear[2][b]
			or := back(t.m[0][0]*lr + t.m[0][1]*lg + t.m[0][2]*lb)
			og := back(t.m[1][0]*lr + t.m[1][1]*lg + t.m[1][2]*lb)
			ob := back(t.m[2][0]*lr + t.m[2][1]*lg + t.m[2][2]*lb)
			if a != 255 {
				or, og, ob = uint8(int(or)*int(a)/255), uint8(int(og)*int(a)/255), uint8(int(ob)*int(a)/255)
			}
			row[i], row[i+1], row[i+2] = or, og, ob
		}
	}
}

// mat is a 3×3 matrix, rows first.
type mat [3][3]float64

func (a mat) mul(b mat) mat {
	var m mat
	for r := range 3 {
		for c := range 3 {
			m[r][c] = a[r][0]*b[0][c] + a[r][1]*b[1][c] + a[r][2]*b[2][c]
		}
	}
	return m
}

func (a mat) apply(v [3]float64) [3]float64 {
	return [3]float64{a[0][0]*v[0] + a[0][1]*v[1] + a[0][2]*v[2], a[1][0]*v[0] + a[1][1]*v[1] + a[1][2]*v[2], a[2][0]*v[0] + a[2][1]*v[1] + a[2][2]*v[2]}
}

func (a mat) inverse() mat {
	det := a[0][0]*(a[1][1]*a[2][2]-a[1][2]*a[2][1]) - a[0][1]*(a[1][0]*a[2][2]-a[1][2]*a[2][0]) + a[0][2]*(a[1][0]*a[2][1]-a[1][1]*a[2][0])
	var m mat
	m[0][0] = (a[1][1]*a[2][2] - a[1][2]*a[2][1]) / det
	m[0][1] = (a[0][2]*a[2][1] - a[0][1]*a[2][2]) / det
	m[0][2] = (a[0][1]*a[1][2] - a[0][2]*a[1][1]) / det
	m[1][0] = (a[1][2]*a[2][0] - a[1][0]*a[2][2]) / det
	m[1][1] = (a[0][0]*a[2][2] - a[0][2]*a[2][0]) / det
	m[1][2] = (a[0][2]*a[1][0] - a[0][0]*a[1][2]) / det
	m[2][0] = (a[1][0]*a[2][1] - a[1][1]*a[2][0]) / det
	m[2][1] = (a[0][1]*a[2][0] - a[0][0]*a[2][1]) / det
	m[2][2] = (a[0][0]*a[1][1] - a[0][1]*a[1][0]) / det
	return m
}
