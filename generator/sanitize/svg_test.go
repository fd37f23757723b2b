package sanitize

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestHostile: what would run or load something is dropped and named; the
// rest of the drawing stays.
func TestHostile(t *testing.T) {
	const open = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
	tests := []struct {
		name, in string
		gone     []string // must not be in the output (lower-cased)
		dropped  string   // in the list of what was dropped
		kept     string   // still in the output
	}{
		{"script", open + `<script>alert(1)</script><rect width="1" height="1"/></svg>`, []string{"script", "alert"}, "<script>", `<rect width="1" height="1"/>`},
		{"script in CDATA", open + `<script><![CDATA[alert(1)]]></script></svg>`, []string{"script", "alert"}, "<script>", "<svg"},
		{"onload", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="2" onclick="x()"/></svg>`, []string{"onload", "onclick", "alert"}, "onload", `<circle r="2"/>`},
		{"foreignObject", open + `<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></body></foreignObject></svg>`, []string{"foreignobject", "script", "body"}, "<foreignObject>", "<svg"},
		{"xlink:href javascript", open + `<a xlink:href="javascript:alert(1)"><text>点我</text></a></svg>`, []string{"javascript"}, `xlink:href="javascript:alert(1)"`, "<text>点我</text>"},
		{"href javascript with a tab", open + `<a href="java&#9;script:alert(1)"><text>x</text></a></svg>`, []string{"script"}, `href=`, "<a>"},
		{"use of another site's drawing", open + `<use href="http://evil.example/x.svg#a"/></svg>`, []string{"evil"}, `href="http://evil.example`, "<use/>"},
		{"use of a data: document", open + `<use xlink:href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#a"/></svg>`, []string{"data:"}, `xlink:href="data:image/svg+xml;`, "<use/>"},
		{"image of another site", open + `<image href="https://tracker.example/p.png"/></svg>`, []string{"tracker"}, `href="https://tracker`, "<image/>"},
		{"style attribute with url", open + `<rect style="fill:url(http://evil.example/x)" width="1"/></svg>`, []string{"evil"}, "style", `<rect width="1"/>`},
		{"fill with an outside url", open + `<rect fill="url('//evil.example/p#g')" width="1"/></svg>`, []string{"evil"}, "fill", `<rect width="1"/>`},
		{"style escape", open + `<rect style="background:\75rl(x)"/></svg>`, []string{`\75`}, "style", "<rect"},
		{"style element with import", open + `<style>@import "http://evil.example/x.css";</style><rect/></svg>`, []string{"import", "evil"}, "<style>", "<rect"},
		{"style element with url", open + `<style>rect{fill:url(https://evil.example/)}</style></svg>`, []string{"evil"}, "<style>", "<svg"},
		{"animation that sets a link", open + `<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>`, []string{"javascript", "<set"}, "<set>", "<text>x</text>"},
		{"animate", open + `<animate attributeName="href" values="javascript:alert(1)"/></svg>`, []string{"javascript"}, "<animate>", "<svg"},
		{"stylesheet instruction", `<?xml version="1.0"?><?xml-stylesheet href="http://evil.example/x.css"?>` + open + `</svg>`, []string{"evil", "<?"}, "<?xml-stylesheet?>", "<svg"},
		{"xhtml script by namespace", open + `<g><h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script></g></svg>`, []string{"alert", "script"}, "<xhtml:script>", "<g"},
		{"default namespace changed", open + `<g xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></g></svg>`, []string{"alert", "script"}, "<xhtml:g>", "<svg"},
		{"nested svg with script", open + `<svg onload="alert(1)"><svg><script>alert(2)</script><path d="M0 0L1 1"/></svg></svg></svg>`, []string{"alert", "script", "onload"}, "<script>", `<path d="M0 0L1 1"/>`},
		{"xml:base", open + `<g xml:base="http://evil.example/"><use href="#a"/></g></svg>`, []string{"evil"}, "xml:base", `<use href="#a"/>`},
		{"feImage", open + `<filter id="f"><feImage href="http://evil.example/x.png"/></filter></svg>`, []string{"evil"}, "<feImage>", `<filter id="f"`},
		{"iframe", open + `<iframe src="https://evil.example"/></svg>`, []string{"evil", "iframe"}, "<iframe>", "<svg"},
		{"handler in upper case", open + `<rect ONLOAD="alert(1)"/></svg>`, []string{"alert"}, "ONLOAD", "<rect"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, dropped, err := SVG([]byte(tt.in))
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			low := strings.ToLower(string(out))
			for _, g := range tt.gone {
				if strings.Contains(low, strings.ToLower(g)) {
					t.Errorf("%q is still in\n%s", g, out)
				}
			}
			if !strings.Contains(string(out), tt.kept) {
				t.Errorf("%q is not kept in\n%s", tt.kept, out)
			}
			var names []string
			for _, d := range dropped {
				names = append(names, d.String())
			}
			if !strings.Contains(strings.Join(names, ", "), tt.dropped) {
				t.Errorf("dropped %v, want it to name %q", names, tt.dropped)
			}
			checkClean(t, out)
		})
	}
}

// TestUnparsable: a file that is not a well-formed drawing is refused at
// its position, entities and all.
func TestUnparsable(t *testing.T) {
	lol := `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol3;</text></svg>`
	tests := []struct{ name, in, want string }{
		{"billion laughs", lol, "7:53: invalid character entity &lol3;"},
		{"external entity", "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<svg><text>&x;</text></svg>", "2:15: invalid character entity &x;"},
		{"not closed", "<svg>\n<g>\n</svg>", "3:7: element <g> closed by </svg>"},
		{"not svg", "<html><script>alert(1)</script></html>", "the file is not an SVG drawing: its first element is <html>"},
		{"empty", "", "the file has no <svg> element"},
		{"GBK", "<svg><text>\xd6\xd0</text></svg>", "not UTF-8"},
		{"too deep", "<svg>" + strings.Repeat("<g>", 300) + strings.Repeat("</g>", 300) + "</svg>", "more than 256 deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := SVG([]byte(tt.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %q, %v; want an error", out, err)
			}
			if !strings.Contains(e.Error(), tt.want) {
				t.Errorf("got %q, want %q", e.Error(), tt.want)
			}
		})
	}
}

// TestBenign: drawings as programs export them come out the same, apart
// from what readers never see.
func TestBenign(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paths", `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><path d="M12 2 L22 22 H2 Z" fill="none" stroke="#c00" stroke-width="2"/></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><path d="M12 2 L22 22 H2 Z" fill="none" stroke="#c00" stroke-width="2"/></svg>`},
		{"gradient", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#fff"/><stop offset="1" style="stop-color:#000;stop-opacity:.5"/></linearGradient><radialGradient id="h" xlink:href="#g"/></defs><rect fill="url(#g)" width="10" height="10"/><circle style="fill:url('#h')" r="3"/></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#fff"/><stop offset="1" style="stop-color:#000;stop-opacity:.5"/></linearGradient><radialGradient id="h" xlink:href="#g"/></defs><rect fill="url(#g)" width="10" height="10"/><circle style="fill:url(&#39;#h&#39;)" r="3"/></svg>`},
		{"Chinese text", `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40"><title>培训流程图</title><text x="10" y="20" font-family="'Noto Sans SC', sans-serif" xml:space="preserve">报名 → 培训 &amp; 考核 &lt;结业&gt;</text></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40"><title>培训流程图</title><text x="10" y="20" font-family="&#39;Noto Sans SC&#39;, sans-serif" xml:space="preserve">报名 → 培训 &amp; 考核 &lt;结业&gt;</text></svg>`},
		{"style element", `<svg xmlns="http://www.w3.org/2000/svg"><style>.a{fill:#369}text{font-size:12px}</style><use href="#b" class="a"/></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg"><style>.a{fill:#369}text{font-size:12px}</style><use href="#b" class="a"/></svg>`},
		{"inkscape's notes", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" sodipodi:docname="a.svg"><sodipodi:namedview id="n"/><metadata><x/></metadata><!-- a note --><g inkscape:label="图层 1" inkscape:groupmode="layer"><ellipse cx="1" cy="1" rx="1" ry="1"/></g></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg"><g><ellipse cx="1" cy="1" rx="1" ry="1"/></g></svg>`},
		{"a link and an image", `<svg xmlns="http://www.w3.org/2000/svg"><a href="/about/" target="_blank"><image href="photo.png" width="4" height="3"/><image href="data:image/png;base64,iVBORw0KGgo="/></a><a href="https://www.gdzjxh.org.cn/"><text>协会</text></a></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg"><a href="/about/" target="_blank"><image href="photo.png" width="4" height="3"/><image href="data:image/png;base64,iVBORw0KGgo="/></a><a href="https://www.gdzjxh.org.cn/"><text>协会</text></a></svg>`},
		{"a plain DOCTYPE", `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"><filter id="s"><feGaussianBlur stdDeviation="2" in="SourceGraphic"/></filter></svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg"><filter id="s"><feGaussianBlur stdDeviation="2" in="SourceGraphic"/></filter></svg>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, dropped, err := SVG([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(dropped) > 0 {
				t.Errorf("dropped %v", dropped)
			}
			if got := strings.TrimSuffix(string(out), "\n"); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			checkClean(t, out)
			again, dropped, err := SVG(out)
			if err != nil || len(dropped) > 0 || !bytes.Equal(again, out) {
				t.Errorf("a second pass changed it: %v %v\n%s", err, dropped, again)
			}
		})
	}
}

// checkClean parses out as a browser's XML parser would and fails on
// anything that could run: an element not in the SVG namespace, script,
// foreignObject, an on* attribute, a javascript: value.
func checkClean(t testing.TB, out []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = true
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("the output does not parse: %v\n%s", err, out)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if _, pi := tok.(xml.ProcInst); pi {
				t.Fatalf("a processing instruction in the output")
			}
			continue
		}
		if se.Name.Space != svgNS {
			t.Fatalf("element %v is not SVG", se.Name)
		}
		switch strings.ToLower(se.Name.Local) {
		case "script", "foreignobject", "iframe", "set", "animate", "handler", "listener":
			t.Fatalf("element %s in the output", se.Name.Local)
		}
		for _, a := range se.Attr {
			if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
				t.Fatalf("attribute %s in the output", a.Name.Local)
			}
			if strings.Contains(compact(a.Value), "javascript:") {
				t.Fatalf("javascript: in %s", a.Name.Local)
			}
		}
	}
}

// FuzzSVG: whatever goes in, what comes out parses and nothing in it runs.
func FuzzSVG(f *testing.F) {
	f.Add([]byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="x"><script>a</script><a href="javascript:x"><text>字</text></a></svg>`))
	f.Add([]byte(`<svg><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"/></foreignObject><style>@import "x"</style></svg>`))
	f.Add([]byte(`<svg xmlns:x="http://www.w3.org/1999/xhtml"><x:script/><use xlink:href="#a"/></svg>`))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, _, err := SVG(in)
		if err != nil {
			return
		}
		checkClean(t, out)
	})
}
