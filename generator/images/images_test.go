package images

import (
	"bytes"
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
	})
	for _, tt := range []struct {
		file string
		w, h int
		ok   bool
	}{
		{"a.png", 30, 20, true},
		{"wh.svg", 40, 10, true},
		{"box.svg", 120, 60, true},
		{"bad.jpg", 0, 0, false},
		{"none.svg", 0, 0, false},
		{"missing.png", 0, 0, false},
		{"a.png", 30, 20, true}, // remembered
	} {
		if w, h, ok := s.Size(tt.file); w != tt.w || h != tt.h || ok != tt.ok {
			t.Errorf("Size(%s) = %d, %d, %v; want %d, %d, %v", tt.file, w, h, ok, tt.w, tt.h, tt.ok)
		}
	}
}
