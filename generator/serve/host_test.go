package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"folio.dev/folio/generator/publish"
)

// hostServer is a Server with a built site, listening (as far as the host
// check knows) on bind.
func hostServer(bind string, allow ...string) *Server {
	addr := &net.TCPAddr{IP: net.ParseIP(bind), Port: 1313}
	return &Server{
		hosts:   newHosts(bind, addr, allow),
		clients: map[chan event]bool{},
		site: &publish.Site{Files: map[string][]byte{
			"index.html":   []byte(`<html><head><link rel="canonical" href="` + previewBase + `"><meta property="og:url" content="` + previewBase + `"></head><body>SECRET-DRAFT</body></html>`),
			"feed.xml":     []byte(`<rss><channel><link>` + previewBase + `</link></channel></rss>`),
			"404.html":     []byte(`<html><body>页面不存在</body></html>`),
			"events/a.ics": []byte("UID:a@" + previewHost + "\r\nURL:" + previewBase + "events/a/\r\n"),
		}},
	}
}

// Requests naming a host that is not this computer's (a DNS rebinding
// page's) get 403 and a word on --allow-host, from every handler, the
// event stream included; loopback names, the bound address and the
// allowed names are answered.
func TestHostCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		bind  string
		allow []string
		host  string
		ok    bool
	}{
		{"127.0.0.1", nil, "localhost:1313", true},
		{"127.0.0.1", nil, "LocalHost.", true},
		{"127.0.0.1", nil, "127.0.0.1:1313", true},
		{"127.0.0.1", nil, "127.0.0.1", true},
		{"127.0.0.1", nil, "[::1]:1313", true},
		{"127.0.0.1", nil, "[::1]", true},
		{"127.0.0.1", nil, "rebind.attacker.example:1313", false},
		{"127.0.0.1", nil, "rebind.attacker.example", false},
		{"127.0.0.1", nil, "localhost.attacker.example", false},
		{"127.0.0.1", nil, "192.168.1.5:1313", false},
		{"127.0.0.1", nil, "", false},
		{"127.0.0.1", nil, "localhost:x", false},
		{"127.0.0.1", []string{"Preview.Example.org"}, "preview.example.org:1313", true},
		{"127.0.0.1", []string{"preview.example.org:8080"}, "preview.example.org", true},
		{"127.0.0.1", []string{"preview.example.org"}, "other.example.org", false},
		{"192.168.1.5", nil, "192.168.1.5:1313", true},
		{"192.168.1.5", nil, "192.168.1.6:1313", false},
		{"192.168.1.5", nil, "localhost:1313", true},
		{"0.0.0.0", nil, "192.168.1.5:1313", true},
		{"0.0.0.0", nil, "[2001:db8::1]:1313", true},
		{"0.0.0.0", nil, "editor-pc.lan:1313", false},
		{"::", []string{"editor-pc.lan"}, "editor-pc.lan:1313", true},
	}
	for _, tt := range tests {
		s := hostServer(tt.bind, tt.allow...)
		for _, target := range []string{"/", "/feed.xml", "/__folio/reload.js", "/__folio/events", "/no/such/"} {
			// A stream answered wrongly ends at once: its reader is gone.
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			r := httptest.NewRequestWithContext(ctx, "GET", target, nil)
			r.Host = tt.host
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			body := w.Body.String()
			if got := w.Code != http.StatusForbidden; got != tt.ok {
				t.Errorf("bind %s, allow %q, Host %q, %s: %d, want answered = %v", tt.bind, tt.allow, tt.host, target, w.Code, tt.ok)
			}
			if !tt.ok && (!strings.Contains(body, "--allow-host") || !strings.Contains(body, "只回应本机") || strings.Contains(body, "SECRET-DRAFT")) {
				t.Errorf("Host %q, %s: the refusal says %q", tt.host, target, body)
			}
		}
	}
}

// The preview names the host the reader used in canonical, og:url, feeds
// and calendars, never [::] or another host.
func TestPreviewURLsFollowHost(t *testing.T) {
	t.Parallel()
	s := hostServer("0.0.0.0")
	for _, host := range []string{"localhost:1313", "192.168.1.5:1313", "[2001:db8::1]:1313"} {
		for target, want := range map[string][]string{
			"/":             {`<link rel="canonical" href="http://` + host + `/">`, `<meta property="og:url" content="http://` + host + `/">`},
			"/feed.xml":     {`<link>http://` + host + `/</link>`},
			"/events/a.ics": {"UID:a@" + host + "\r\n", "URL:http://" + host + "/events/a/\r\n"},
		} {
			r := httptest.NewRequest("GET", target, nil)
			r.Host = host
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			body, _ := io.ReadAll(w.Result().Body)
			for _, wnt := range want {
				if !strings.Contains(string(body), wnt) {
					t.Errorf("Host %s, %s: %q lacks %q", host, target, body, wnt)
				}
			}
			if strings.Contains(string(body), previewHost) || strings.Contains(string(body), "[::]") {
				t.Errorf("Host %s, %s: %q", host, target, body)
			}
		}
	}
}

// Listening on every address prints localhost and the machine's own
// addresses, never [::] or 0.0.0.0; otherwise the address listened on.
func TestOpenURLs(t *testing.T) {
	t.Parallel()
	local := []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1"), net.ParseIP("192.168.1.5"), net.ParseIP("fe80::1"), net.ParseIP("2001:db8::5"), net.ParseIP("10.0.0.7")}
	tests := []struct {
		addr string
		bind string
		want []string
	}{
		{"[::]:1313", "0.0.0.0", []string{"http://localhost:1313/", "http://192.168.1.5:1313/", "http://10.0.0.7:1313/"}},
		{"[::]:1313", "::", []string{"http://localhost:1313/", "http://192.168.1.5:1313/", "http://10.0.0.7:1313/", "http://[2001:db8::5]:1313/"}},
		{"[::]:1313", "", []string{"http://localhost:1313/", "http://192.168.1.5:1313/", "http://10.0.0.7:1313/", "http://[2001:db8::5]:1313/"}},
		{"127.0.0.1:1313", "127.0.0.1", []string{"http://127.0.0.1:1313/"}},
		{"192.168.1.5:8080", "192.168.1.5", []string{"http://192.168.1.5:8080/"}},
	}
	for _, tt := range tests {
		addr, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := openURLs(addr, tt.bind, local); !slices.Equal(got, tt.want) {
			t.Errorf("openURLs(%s, bind %q) = %q, want %q", tt.addr, tt.bind, got, tt.want)
		}
	}
}
