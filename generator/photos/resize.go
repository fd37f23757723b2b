package photos

import (
	"image"
	"image/draw"

	xdraw "golang.org/x/image/draw"
)

// toRGBA converts a decoded image (a JPEG's YCbCr, a PNG's palette) to
// RGBA once, so that turning and halving work on bytes.
func toRGBA(m image.Image) *image.RGBA {
	if r, ok := m.(*image.RGBA); ok {
		return r
	}
	b := m.Bounds()
	r := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(r, r.Bounds(), m, b.Min, draw.Src)
	return r
}

// upright turns and mirrors pixels as EXIF orientation o says a viewer
// should show them (1: as stored; 6: a quarter turn clockwise, as phones
// store portrait photos).
func upright(m *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return m
	}
	w, h := m.Rect.Dx(), m.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range h {
		row := m.Pix[y*m.Stride : y*m.Stride+4*w]
		for x := range w {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // half turn
				dx, dy = w-1-x, h-1-y
			case 4: // mirrored vertically
				dx, dy = x, h-1-y
			case 5: // mirrored along the main diagonal
				dx, dy = y, x
			case 6: // a quarter turn clockwise
				dx, dy = h-1-y, x
			case 7: // mirrored along the other diagonal
				dx, dy = h-1-y, w-1-x
			case 8: // a quarter turn anticlockwise
				dx, dy = y, w-1-x
			}
			copy(out.Pix[dy*out.Stride+4*dx:dy*out.Stride+4*dx+4], row[4*x:4*x+4])
		}
	}
	return out
}

// resize scales m to w×h: halving with a 2×2 box while the image is at
// least twice as wide as asked (fast, and every source pixel counts: no
// aliasing), then x/image's approximate bilinear for the last step, of
// less than two to one, where it blends each pixel's neighbours (its exact
// kernels cost about five times as much on a 12-megapixel photo).
func resize(m *image.RGBA, w, h int) *image.RGBA {
	for m.Rect.Dx() >= 2*w && m.Rect.Dy() >= 2*h {
		m = halve(m)
	}
	if m.Rect.Dx() == w && m.Rect.Dy() == h {
		return m
	}
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.ApproxBiLinear.Scale(out, out.Rect, m, m.Rect, xdraw.Src, nil)
	return out
}

// halve averages each 2×2 block of pixels into one.
func halve(m *image.RGBA) *image.RGBA {
	w, h := m.Rect.Dx()/2, m.Rect.Dy()/2
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		a := m.Pix[(2*y)*m.Stride:]
		b := m.Pix[(2*y+1)*m.Stride:]
		o := out.Pix[y*out.Stride:]
		for x := range w {
			i := 8 * x
			for c := range 4 {
				o[4*x+c] = uint8((uint16(a[i+c]) + uint16(a[i+4+c]) + uint16(b[i+c]) + uint16(b[i+4+c]) + 2) / 4)
			}
		}
	}
	return out
}
