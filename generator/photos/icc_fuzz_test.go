package photos

import (
	"encoding/binary"
	"image"
	"math/rand/v2"
	"testing"
)

// FuzzParseICC: whatever a profile's bytes, reading it and converting
// pixels with what it gives never panics (a photo's profile is the
// uploader's to write). The seeds are damaged copies of a matrix/TRC
// profile: go test ./generator/photos -fuzz FuzzParseICC explores more.
func FuzzParseICC(f *testing.F) {
	base := testProfile()
	r := rand.New(rand.NewPCG(19, 22))
	f.Add(base)
	for range 200 {
		b := append([]byte(nil), base...)
		for range 1 + r.IntN(4) {
			b[r.IntN(len(b))] = byte(r.Uint32())
		}
		f.Add(b[:r.IntN(len(b)+1)])
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, icc []byte) {
		xf, err := parseICC(icc)
		if err == nil && xf != nil {
			m := image.NewRGBA(image.Rect(0, 0, 16, 16))
			for i := range m.Pix {
				m.Pix[i] = byte(i * 7)
			}
			xf.apply(m)
		}
	})
}

// testProfile is a small Display P3-like profile with a table curve.
func testProfile() []byte {
	s15 := func(b []byte, v float64) []byte { return binary.BigEndian.AppendUint32(b, uint32(int32(v*65536))) }
	xyz := func(x, y, z float64) []byte { return s15(s15(s15([]byte("XYZ \x00\x00\x00\x00"), x), y), z) }
	curve := binary.BigEndian.AppendUint32([]byte("curv\x00\x00\x00\x00"), 4)
	for _, v := range []uint16{0, 9000, 30000, 65535} {
		curve = binary.BigEndian.AppendUint16(curve, v)
	}
	tags := [][2]any{{"rXYZ", xyz(0.515, 0.241, -0.001)}, {"gXYZ", xyz(0.292, 0.692, 0.042)}, {"bXYZ", xyz(0.157, 0.067, 0.784)},
		{"rTRC", curve}, {"gTRC", curve}, {"bTRC", curve}}
	head := make([]byte, 128)
	copy(head[16:], "RGB ")
	copy(head[36:], "acsp")
	table := binary.BigEndian.AppendUint32(nil, uint32(len(tags)))
	var body []byte
	for _, tg := range tags {
		data := tg[1].([]byte)
		table = append(table, tg[0].(string)...)
		table = binary.BigEndian.AppendUint32(table, uint32(128+4+12*len(tags)+len(body)))
		table = binary.BigEndian.AppendUint32(table, uint32(len(data)))
		body = append(body, data...)
	}
	icc := append(append(head, table...), body...)
	binary.BigEndian.PutUint32(icc, uint32(len(icc)))
	return icc
}
