// Command webp measures, on this machine, one worker, what WebP
// (github.com/gen2brain/webp: libwebp compiled to WebAssembly, run by
// wazero; built with -tags nodynamic) costs and saves against the standard
// library's JPEG encoder, on a generated 4032×3024 photo resized to the
// widths folio makes. A module of its own, so that folio does not depend
// on gen2brain/webp to measure it (docs/images.md):
//
//	cd docs/webp && go run -tags nodynamic .
package main

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand"
	"time"

	"github.com/gen2brain/webp"
	"golang.org/x/image/draw"
)

// phone-like: smooth gradients, shapes, sensor noise
func photo(w, h int, seed int64) *image.RGBA {
	r := rand.New(rand.NewSource(seed))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cx, cy := float64(w)*r.Float64(), float64(h)*r.Float64()
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			d := math.Hypot(float64(x)-cx, float64(y)-cy) / float64(w)
			v := 0.5 + 0.5*math.Sin(d*12+float64(x)/300)
			n := r.NormFloat64() * 6
			c := func(f float64) uint8 { return uint8(max(0, min(255, f+n))) }
			img.SetRGBA(x, y, color.RGBA{c(200 * v), c(120 + 80*math.Cos(float64(y)/500)), c(90 + 100*(1-v)), 255})
		}
	}
	return img
}

func main() {
	src := photo(4032, 3024, 1)
	for _, w := range []int{480, 800, 1200, 1600} {
		h := w * 3024 / 4032
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		var jb, wb bytes.Buffer
		t := time.Now()
		for i := 0; i < 3; i++ {
			jb.Reset()
			jpeg.Encode(&jb, dst, &jpeg.Options{Quality: 80})
		}
		jt := time.Since(t) / 3
		webp.Encode(&bytes.Buffer{}, dst, webp.Options{Quality: 75}) // first use: compile
		t = time.Now()
		for i := 0; i < 3; i++ {
			wb.Reset()
			webp.Encode(&wb, dst, webp.Options{Quality: 75, Method: 4})
		}
		wt := time.Since(t) / 3
		fmt.Printf("width %d: jpeg q80 %d KB %v; webp q75 %d KB %v\n", w, jb.Len()/1024, jt, wb.Len()/1024, wt)
	}
	t := time.Now()
	dst := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	fmt.Println("catmullrom 4032->1600:", time.Since(t))
	t = time.Now()
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	fmt.Println("approxbilinear 4032->1600:", time.Since(t))
}
