package wechat

import (
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

// TestPicture chooses among a picture's versions the largest the 公众号
// takes, and says why when it takes none.
func TestPicture(t *testing.T) {
	t.Parallel()
	cfg := &config.Config{}
	if err := config.SetBaseURL(cfg, "https://www.example.org/sub/"); err != nil {
		t.Fatal(err)
	}
	// Rendered files and copied ones: sizes come from both.
	built := &publish.Site{
		Files:  map[string][]byte{"a/s.jpg": make([]byte, 1000), "a/x.webp": make([]byte, 10), "a/d.svg": make([]byte, 10)},
		Copies: map[string]string{"a/m.jpg": "content/a/m.jpg", "a/l.png": "content/a/l.png"},
		FS: fstest.MapFS{
			"content/a/m.jpg": {Data: make([]byte, 5000)},
			"content/a/l.png": {Data: make([]byte, ImageMax+1)},
		},
	}
	for _, c := range []struct {
		name, srcset string
		want, warn   string
	}{
		{"the largest under the limit", "/sub/a/s.jpg 640w, /sub/a/m.jpg 1280w, /sub/a/l.png 2400w", "https://www.example.org/sub/a/m.jpg", ""},
		{"formats WeChat refuses are skipped", "/sub/a/x.webp 2400w, /sub/a/s.jpg 640w", "https://www.example.org/sub/a/s.jpg", ""},
		{"relative to the page", "s.jpg 1x, m.jpg 2x", "https://www.example.org/sub/a/m.jpg", ""},
		{"only too large: kept, with a warning", "/sub/a/l.png 2400w", "https://www.example.org/sub/a/l.png", "超过公众号的 10.0 MB 上限"},
		{"not built", "/sub/a/gone.jpg", "", "不在生成的网站里"},
		{"a drawing", "/sub/a/d.svg", "", "是 SVG 格式"},
		{"another site's", "https://img.example.com/p.jpg", "https://img.example.com/p.jpg", ""},
	} {
		var l diag.List
		e := &exporter{page: site.NewPage(&source.Page{URL: "/a/", File: "content/a.md"}, nil), model: &site.Site{Config: cfg}, built: built, base: cfg.BaseURL, l: &l}
		got, _ := e.picture(srcset(c.srcset, 100), diag.Pos{File: "content/a.md", Line: 3, Col: 1}, false)
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		switch {
		case c.warn == "" && len(l) > 0:
			t.Errorf("%s: warned %v", c.name, l)
		case c.warn != "" && (len(l) != 1 || !strings.Contains(l[0].Text(diag.Chinese), c.warn)):
			t.Errorf("%s: warnings %v, want one saying %q", c.name, l, c.warn)
		}
	}
}

// A photo with copies is an <img> whose width is the photo's and whose src
// is a middle copy: the widest copy is the one to choose, not src.
func TestVersionsOfAPhoto(t *testing.T) {
	t.Parallel()
	nodes, _ := parse(`<p><img src="/a/p.h.800.jpg" width="3024" height="4032" srcset="/a/p.h.480.jpg 480w, /a/p.h.800.jpg 800w, /a/p.h.1600.jpg 1600w" alt=""></p>`)
	pics := pictures(nodes)
	if len(pics) != 1 {
		t.Fatalf("%d pictures", len(pics))
	}
	widest := candidate{}
	for _, c := range pics[0] {
		if c.width > widest.width {
			widest = c
		}
	}
	if widest.url != "/a/p.h.1600.jpg" || widest.width != 1600 {
		t.Errorf("the widest version is %+v, want /a/p.h.1600.jpg at 1600: %+v", widest, pics[0])
	}
}
