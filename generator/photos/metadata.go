package photos

import (
	"bytes"
	"encoding/binary"
)

// orientation reads the EXIF Orientation tag (0x0112) of a JPEG's APP1
// Exif segment: 1 (upright, or none) to 8. Phones store portrait photos
// as landscape pixels with 6 or 8, for the viewer to turn.
func orientation(jpg []byte) int {
	for seg := range segments(jpg) {
		if seg.marker != 0xE1 || !bytes.HasPrefix(seg.body, []byte("Exif\x00\x00")) {
			continue
		}
		tiff := seg.body[6:]
		if len(tiff) < 8 {
			return 1
		}
		var bo binary.ByteOrder
		switch string(tiff[:2]) {
		case "II":
			bo = binary.LittleEndian
		case "MM":
			bo = binary.BigEndian
		default:
			return 1
		}
		ifd := int(bo.Uint32(tiff[4:8]))
		if ifd < 8 || ifd+2 > len(tiff) {
			return 1
		}
		n := int(bo.Uint16(tiff[ifd:]))
		for i := range n {
			e := ifd + 2 + 12*i
			if e+12 > len(tiff) {
				return 1
			}
			if bo.Uint16(tiff[e:]) == 0x0112 {
				if o := int(bo.Uint16(tiff[e+8:])); o >= 1 && o <= 8 {
					return o
				}
				return 1
			}
		}
		return 1
	}
	return 1
}

// segment is one marker segment of a JPEG's header.
type segment struct {
	marker     byte
	start, end int // the whole segment, marker included
	body       []byte
}

// segments yields a JPEG's marker segments up to the start of the scan.
func segments(jpg []byte) func(func(segment) bool) {
	return func(yield func(segment) bool) {
		if len(jpg) < 4 || jpg[0] != 0xFF || jpg[1] != 0xD8 {
			return
		}
		for i := 2; i+4 <= len(jpg); {
			if jpg[i] != 0xFF {
				return
			}
			m := jpg[i+1]
			if m == 0xFF { // fill byte
				i++
				continue
			}
			if m == 0xDA || m == 0xD9 { // start of scan, end of image
				return
			}
			n := int(binary.BigEndian.Uint16(jpg[i+2:]))
			if n < 2 || i+2+n > len(jpg) {
				return
			}
			if !yield(segment{marker: m, start: i, end: i + 2 + n, body: jpg[i+4 : i+2+n]}) {
				return
			}
			i += 2 + n
		}
	}
}

// private tells whether a JPEG segment holds metadata about the photo or
// the person who took it: APP1 (EXIF, XMP), APP13 (IPTC, Photoshop), and
// comments. APP0 (JFIF), APP2 (the ICC colour profile) and APP14 (Adobe's
// colour transform) describe how to show the pixels and stay.
func private(marker byte) bool {
	switch {
	case marker == 0xFE: // COM
		return true
	case marker >= 0xE1 && marker <= 0xEF: // APP1–APP15
		return marker != 0xE2 && marker != 0xEE
	}
	return false
}

// stripJPEG returns a JPEG's bytes without its private segments, the
// pixels untouched (no re-encoding, no loss), and without anything after
// the end of the image: phones append more images there (the Multi-Picture
// Format's depth maps and gain maps, announced in APP2 "MPF"), each with
// EXIF of its own. Only the colour profile of the APP2 segments stays,
// if keepICC.
func stripJPEG(jpg []byte, keepICC bool) []byte {
	out := make([]byte, 0, len(jpg))
	out = append(out, jpg[:2]...)
	last := 2
	for seg := range segments(jpg) {
		icc := seg.marker == 0xE2 && bytes.HasPrefix(seg.body, []byte("ICC_PROFILE\x00"))
		if !private(seg.marker) && (seg.marker != 0xE2 || icc && keepICC) {
			out = append(out, jpg[seg.start:seg.end]...)
		}
		last = seg.end
	}
	rest := jpg[last:]
	// In the scans, 0xFF is followed by 0x00 (a stuffed byte), a restart
	// marker or a table between progressive scans: the first FF D9 ends
	// the image.
	if i := bytes.Index(rest, []byte{0xFF, 0xD9}); i >= 0 {
		rest = rest[:i+2]
	}
	return append(out, rest...)
}

// stripPNG returns a PNG's bytes without its text, time and EXIF chunks
// (tEXt, zTXt, iTXt hold XMP and comments; eXIf holds EXIF); the image
// data and the colour chunks (iCCP if keepICC, sRGB, gAMA, cHRM) stay.
func stripPNG(png []byte, keepICC bool) []byte {
	const sig = 8
	if len(png) < sig {
		return png
	}
	out := append(make([]byte, 0, len(png)), png[:sig]...)
	for i := sig; i+12 <= len(png); {
		n := int(binary.BigEndian.Uint32(png[i:]))
		end := i + 12 + n
		if n < 0 || end > len(png) {
			return append(out, png[i:]...)
		}
		switch string(png[i+4 : i+8]) {
		case "tEXt", "zTXt", "iTXt", "eXIf", "tIME":
		case "iCCP":
			if keepICC {
				out = append(out, png[i:end]...)
			}
		case "IEND":
			return append(out, png[i:end]...) // nothing after the end
		default:
			out = append(out, png[i:end]...)
		}
		i = end
	}
	return out
}

// stripWebP returns a WebP's bytes without its EXIF and XMP chunks, and
// the extended header's flags for them cleared.
func stripWebP(webp []byte) []byte {
	if len(webp) < 12 || string(webp[:4]) != "RIFF" || string(webp[8:12]) != "WEBP" {
		return webp
	}
	out := append(make([]byte, 0, len(webp)), webp[:12]...)
	for i := 12; i+8 <= len(webp); {
		n := int(le32(webp[i+4:]))
		end := i + 8 + n + n%2
		if end > len(webp) {
			end = len(webp)
		}
		switch id := string(webp[i : i+4]); id {
		case "EXIF", "XMP ":
		case "VP8X":
			c := append([]byte(nil), webp[i:end]...)
			if len(c) > 8 {
				c[8] &^= 0x08 | 0x04 // EXIF and XMP present
			}
			out = append(out, c...)
		default:
			out = append(out, webp[i:end]...)
		}
		i = end
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out
}
