package images

import (
	"bytes"
	"folio.dev/folio/generator/diag"
	"image"
	"image/png"
	"testing"
	"testing/fstest"
)

func TestSize(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 30, 20))); err != nil {
		t.Fatal(err)
	}
	s := NewSizes(fstest.MapFS{
		"a.png":    {Data: b.Bytes()},
		"wh.svg":   {Data: []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="40.4px" height="10">`)},
		"box.svg":  {Data: []byte(`<svg viewBox="0 0 120 60">`)},
		"bad.jpg":  {Data: []byte("not an image")},
		"none.svg": {Data: []byte(`<svg>`)},
		"cut.png":  {Data: b.Bytes()[:12]},
		"bad.gif":  {Data: []byte("GIF89a\x00")},
		"x.webp":   {Data: []byte("RIFF")},
	})
	for _, tt := range []struct {
		file    string
		w, h    int
		problem string
	}{
		{"a.png", 30, 20, ""},
		{"wh.svg", 40, 10, ""},
		{"box.svg", 120, 60, ""},
		{"bad.jpg", 0, 0, "bad.jpg cannot be read as a JPEG image (image: unknown format)"},
		{"cut.png", 0, 0, "cut.png cannot be read as a PNG image (unexpected EOF)"},
		{"bad.gif", 0, 0, "bad.gif cannot be read as a GIF image (gif: reading header: unexpected EOF)"},
		{"x.webp", 0, 0, ""}, // a format it does not read: no size, no complaint
		{"none.svg", 0, 0, ""},
		{"missing.png", 0, 0, ""},
		{"a.png", 30, 20, ""}, // remembered
	} {
		if w, h, problem := s.Size(tt.file); w != tt.w || h != tt.h || (problem == nil) != (tt.problem == "") || problem != nil && diag.Show(problem, diag.English) != tt.problem {
			t.Errorf("Size(%s) = %d, %d, %v; want %d, %d, %q", tt.file, w, h, problem, tt.w, tt.h, tt.problem)
		}
	}
}
