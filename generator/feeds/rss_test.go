package feeds

import (
	"strings"
	"testing"
)

// TestAbsolute checks that links and images of an item's HTML are made
// absolute whatever their order, and that it reads a page of many links
// once (issue 17, item 4: 100,000 links without an image took minutes).
func TestAbsolute(t *testing.T) {
	t.Parallel()
	page := "https://example.org/news/a/"
	tests := []struct{ in, want string }{
		{`<p>无链接</p>`, `<p>无链接</p>`},
		{`<a href="x/">a</a><img src="/i.png" alt=""> <a href="https://e.org/?a=1&amp;b=2">`,
			`<a href="https://example.org/news/a/x/">a</a><img src="https://example.org/i.png" alt=""> <a href="https://e.org/?a=1&amp;b=2">`},
		{`<img src="p.png"><a href="../b/?q=1&amp;r=2">b</a><img src="q.png">`,
			`<img src="https://example.org/news/a/p.png"><a href="https://example.org/news/b/?q=1&amp;r=2">b</a><img src="https://example.org/news/a/q.png">`},
		{`<a href="#x">x</a><a href="unclosed`, `<a href="https://example.org/news/a/#x">x</a><a href="unclosed`},
		// a photo's copies: every candidate's address, its width kept
		{`<img src="/news/a/p.480.jpg" srcset="/news/a/p.480.jpg 480w, p.960.jpg 960w,https://e.org/q.jpg 2x">`,
			`<img src="https://example.org/news/a/p.480.jpg" srcset="https://example.org/news/a/p.480.jpg 480w, https://example.org/news/a/p.960.jpg 960w,https://e.org/q.jpg 2x">`},
	}
	for _, tt := range tests {
		if got := Absolute(tt.in, page); got != tt.want {
			t.Errorf("Absolute(%s)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
	many := strings.Repeat(`<a href="x/">x</a>`, 100000)
	if got := Absolute(many, page); got != strings.Repeat(`<a href="https://example.org/news/a/x/">x</a>`, 100000) {
		t.Errorf("100,000 links: wrong result")
	}
}
