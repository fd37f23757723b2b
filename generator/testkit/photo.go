package testkit

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
)

// PhoneJPEG makes a photo as a phone writes it: w×h pixels of smooth
// gradients with sensor noise (so that it compresses like a photo, not
// like a flat colour), and an APP1 Exif segment holding Orientation o,
// the camera's make and model, its serial number, and the GPS position of
// a school in Guangzhou (23°7'N 113°15'E). The left half of the stored
// pixels is red and the right half blue, so a test can tell which way up
// the published image is.
func PhoneJPEG(w, h, o int, seed uint64) []byte {
	img := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	r := rand.New(rand.NewPCG(seed, 19))
	for y := range h {
		for x := range w {
			red, blue := 200.0, 40.0
			if x >= w/2 {
				red, blue = 40, 200
			}
			g := 60 + 120*float64(y)/float64(h)
			n := r.NormFloat64() * 5
			yy, cb, cr := color.RGBToYCbCr(clamp(red+n), clamp(g+n), clamp(blue+n))
			img.Y[img.YOffset(x, y)] = yy
			if x%2 == 0 && y%2 == 0 {
				img.Cb[img.COffset(x, y)], img.Cr[img.COffset(x, y)] = cb, cr
			}
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 92}); err != nil {
		panic(err)
	}
	jpg := b.Bytes()
	app1 := exifSegment(o)
	return append(append(append([]byte{}, jpg[:2]...), app1...), jpg[2:]...)
}

func clamp(f float64) uint8 { return uint8(max(0, min(255, f))) }

// exifSegment writes an APP1 Exif segment, big-endian as iPhones write
// it: IFD0 with Make, Model, Orientation and pointers to an Exif IFD (the
// body's serial number) and a GPS IFD (latitude and longitude).
func exifSegment(o int) []byte {
	be := binary.BigEndian
	type entry struct {
		tag, typ uint16
		count    uint32
		value    []byte // inline when 4 bytes or fewer
	}
	var tiff bytes.Buffer
	tiff.Write([]byte{'M', 'M', 0, 42, 0, 0, 0, 8})
	// Lay out: IFD0 at 8, then its data, then Exif IFD, then GPS IFD.
	ascii := func(s string) []byte { return append([]byte(s), 0) }
	short := func(v uint16) []byte { b := make([]byte, 4); be.PutUint16(b, v); return b }
	long := func(v uint32) []byte { b := make([]byte, 4); be.PutUint32(b, v); return b }
	rationals := func(vs ...uint32) []byte {
		b := make([]byte, 8*len(vs)/2)
		for i, v := range vs {
			be.PutUint32(b[4*i:], v)
		}
		return b
	}
	writeIFD := func(start int, entries []entry, next func(dataAt int) []byte) []byte {
		// returns the IFD and its data, for placing at start
		var ifd, data bytes.Buffer
		dataAt := start + 2 + 12*len(entries) + 4
		binary.Write(&ifd, be, uint16(len(entries)))
		for _, e := range entries {
			binary.Write(&ifd, be, e.tag)
			binary.Write(&ifd, be, e.typ)
			binary.Write(&ifd, be, e.count)
			if len(e.value) <= 4 {
				v := make([]byte, 4)
				copy(v, e.value)
				ifd.Write(v)
			} else {
				binary.Write(&ifd, be, uint32(dataAt+data.Len()))
				data.Write(e.value)
				if data.Len()%2 == 1 {
					data.WriteByte(0)
				}
			}
		}
		ifd.Write([]byte{0, 0, 0, 0})
		ifd.Write(data.Bytes())
		return ifd.Bytes()
	}
	gps := []entry{
		{0x0001, 2, 2, ascii("N")},
		{0x0002, 5, 3, rationals(23, 1, 7, 1, 1234, 100)},
		{0x0003, 2, 2, ascii("E")},
		{0x0004, 5, 3, rationals(113, 1, 15, 1, 5678, 100)},
	}
	exif := []entry{{0xA431, 2, 13, ascii("F2LXK0ZQHG7F")}} // BodySerialNumber
	// Two passes: the sizes of IFD0 (with placeholder pointers) fix where
	// the Exif and GPS IFDs go.
	ifd0 := func(exifAt, gpsAt uint32) []entry {
		return []entry{
			{0x010F, 2, 6, ascii("Apple")},
			{0x0110, 2, 18, ascii("iPhone 15 Pro Max")},
			{0x0112, 3, 1, short(uint16(o))},
			{0x8769, 4, 1, long(exifAt)},
			{0x8825, 4, 1, long(gpsAt)},
		}
	}
	first := writeIFD(8, ifd0(0, 0), nil)
	exifAt := 8 + len(first)
	exifIFD := writeIFD(exifAt, exif, nil)
	gpsAt := exifAt + len(exifIFD)
	tiff.Write(writeIFD(8, ifd0(uint32(exifAt), uint32(gpsAt)), nil))
	tiff.Write(exifIFD)
	tiff.Write(writeIFD(gpsAt, gps, nil))
	body := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	be.PutUint16(seg[2:], uint16(len(body)+2))
	return append(seg, body...)
}

// Metadata returns what metadata an image file holds that a reader's
// privacy needs gone, as a description ("" when none): a JPEG's EXIF,
// XMP or IPTC segment or comment, a PNG's eXIf or text chunks, a WebP's
// EXIF or XMP chunk, a GIF's XMP. It parses the file's
// structure rather than searching its bytes, so that pixel data that
// happens to spell "Exif" is no false alarm.
func Metadata(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		for i := 2; i+4 <= len(data); {
			if data[i] != 0xFF {
				return "", fmt.Errorf("JPEG: no marker at %d", i)
			}
			m := data[i+1]
			if m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7) || m == 0xFF {
				i++
				continue
			}
			if m == 0xDA || m == 0xD9 {
				if bytes.Contains(data[i:], []byte("Exif\x00\x00")) {
					return "EXIF after the image data (an appended image, as phones add depth and gain maps)", nil
				}
				return "", nil
			}
			n := int(binary.BigEndian.Uint16(data[i+2:]))
			body := data[i+4 : min(len(data), i+2+n)]
			switch {
			case m == 0xE1 && bytes.HasPrefix(body, []byte("Exif\x00")):
				return "JPEG APP1 Exif segment", nil
			case m == 0xE1:
				return "JPEG APP1 segment (XMP)", nil
			case m == 0xED:
				return "JPEG APP13 segment (IPTC)", nil
			case m == 0xFE:
				return "JPEG comment", nil
			}
			i += 2 + n
		}
		return "", fmt.Errorf("JPEG: no start of scan")
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		for i := 8; i+12 <= len(data); {
			n := int(binary.BigEndian.Uint32(data[i:]))
			switch id := string(data[i+4 : i+8]); id {
			case "eXIf", "tEXt", "zTXt", "iTXt":
				return "PNG " + id + " chunk", nil
			case "IEND":
				return "", nil
			}
			i += 12 + n
		}
		return "", fmt.Errorf("PNG: no IEND")
	case bytes.HasPrefix(data, []byte("RIFF")) && len(data) >= 12 && string(data[8:12]) == "WEBP":
		for i := 12; i+8 <= len(data); {
			n := int(binary.LittleEndian.Uint32(data[i+4:]))
			switch id := string(data[i : i+4]); id {
			case "EXIF", "XMP ":
				return "WebP " + id + " chunk", nil
			}
			i += 8 + n + n%2
		}
		return "", nil
	case bytes.HasPrefix(data, []byte("GIF8")):
		if bytes.Contains(data, []byte("XMP DataXMP")) {
			return "GIF XMP application extension", nil
		}
		return "", nil
	}
	return "", fmt.Errorf("not an image format this checks")
}

// Bomb is a PNG whose header claims w×h pixels (a decompression bomb's
// promise), with a valid header checksum and a few bytes of data.
func Bomb(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, RGB
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(id string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		c := append([]byte(id), data...)
		b.Write(c)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(c))
	}
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}
