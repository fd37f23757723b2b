package assets

import (
	"maps"
	"testing"
	"testing/fstest"
)

func TestFingerprint(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"themes/default/static/css/style.css": {Data: []byte("body{}")},
		"static/js/app.js":                    {Data: []byte("x()")},
		"themes/default/static/favicon.svg":   {Data: []byte("<svg/>")},
	}
	static := map[string]string{
		"themes/default/static/css/style.css": "css/style.css",
		"static/js/app.js":                    "js/app.js",
		"themes/default/static/favicon.svg":   "favicon.svg",
		"static/gone.css":                     "gone.css", // unreadable: keeps its name
	}
	before := maps.Clone(static)
	urls := Fingerprint(fsys, static)
	if !maps.Equal(static, before) {
		t.Errorf("Fingerprint changed its input: %v", static)
	}
	want := map[string]string{
		"/css/style.css": "/css/style.7c98040a54.css",
		"/js/app.js":     "/js/app.0fa2064bc5.js",
	}
	if !maps.Equal(urls, want) {
		t.Errorf("urls = %v, want %v", urls, want)
	}
	paths := Paths(static, urls)
	wantPaths := map[string]string{
		"themes/default/static/css/style.css": "css/style.7c98040a54.css",
		"static/js/app.js":                    "js/app.0fa2064bc5.js",
		"themes/default/static/favicon.svg":   "favicon.svg",
		"static/gone.css":                     "gone.css",
	}
	if !maps.Equal(paths, wantPaths) {
		t.Errorf("paths = %v, want %v", paths, wantPaths)
	}
	if got := Paths(static, nil); !maps.Equal(got, static) {
		t.Errorf("without fingerprints (folio serve), paths = %v, want the theme's", got)
	}
}
