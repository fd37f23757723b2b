package photos

import (
	"bytes"
	"testing"
)

// TestStripJPEGTrailer: a phone's JPEG with a second image after its end
// (a depth or gain map, with EXIF of its own) and an APP2 MPF segment is
// published without either; the colour profile stays.
func TestStripJPEGTrailer(t *testing.T) {
	t.Parallel()
	main := []byte{0xFF, 0xD8,
		0xFF, 0xE2, 0x00, 0x10, 'I', 'C', 'C', '_', 'P', 'R', 'O', 'F', 'I', 'L', 'E', 0, 1, 1,
		0xFF, 0xE2, 0x00, 0x08, 'M', 'P', 'F', 0, 1, 2,
		0xFF, 0xE1, 0x00, 0x0A, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M',
		0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,
		0xFF, 0xD9}
	second := []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x0A, 'E', 'x', 'i', 'f', 0, 0, 'G', 'P', 0xFF, 0xD9}
	got := stripJPEG(append(append([]byte{}, main...), second...), true)
	if bytes.Contains(got, []byte("Exif")) || bytes.Contains(got, []byte("MPF")) {
		t.Errorf("kept metadata: % x", got)
	}
	if !bytes.Contains(got, []byte("ICC_PROFILE")) || !bytes.HasSuffix(got, []byte{0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9}) {
		t.Errorf("lost the profile or the scan: % x", got)
	}
}
