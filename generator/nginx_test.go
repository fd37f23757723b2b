package generator_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// The nginx configuration in docs/ serves a build of the sample site as
// readers need it: pretty URLs, the site's 404 page, UTF-8, gzip, and long
// caching for fingerprinted assets only.
func TestNginx(t *testing.T) {
	t.Parallel()
	bin := testkit.Nginx(t)
	dir := testkit.Sample(t, "..")
	os.Chmod(dir, 0o755) // nginx's workers read the site
	public := filepath.Join(dir, "public")
	if _, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: public, Now: fixedNow, Minify: true}); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	server, err := os.ReadFile("../docs/nginx.conf")
	if err != nil {
		t.Fatal(err)
	}
	block := strings.Replace(string(server), "listen 80;", "listen "+addr+";", 1)
	block = strings.Replace(block, "root /var/www/folio/public;", "root "+public+";", 1)
	user := ""
	if os.Geteuid() == 0 {
		user = "user root root;"
	}
	conf := fmt.Sprintf(`%s
daemon off;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
    %[3]s
}
`, user, dir, block)
	confFile := filepath.Join(dir, "nginx.conf")
	os.WriteFile(confFile, []byte(conf), 0o644)
	cmd := exec.Command(bin, "-p", dir, "-c", confFile)
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	url := "http://" + addr
	for i := 0; ; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if i == 100 {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx did not start: %s\n%s", out, log)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// One request as a browser makes it, without following redirects or
	// undoing the gzip, so that the headers are nginx's own.
	get := func(path string) *http.Response {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, url+path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	var style string
	entries, _ := os.ReadDir(filepath.Join(public, "css"))
	for _, e := range entries {
		style = "/css/" + e.Name()
	}
	tests := []struct {
		path, status, ctype, encoding, cache string
	}{
		{"/", "200", "text/html; charset=utf-8", "gzip", "no-cache"},
		{"/news/", "200", "text/html; charset=utf-8", "gzip", "no-cache"},
		{"/tags/%E6%8A%80%E5%B7%A5%E6%95%99%E8%82%B2/", "200", "text/html; charset=utf-8", "gzip", "no-cache"},
		{"/no/such/page/", "404", "text/html; charset=utf-8", "gzip", ""},
		{"/about", "301", "", "", ""},
		{style, "200", "text/css; charset=utf-8", "gzip", "public, max-age=31536000, immutable"},
		{"/feed.xml", "200", "text/xml; charset=utf-8", "gzip", "no-cache"},
		{"/events/calendar.ics", "200", "text/calendar; charset=utf-8", "gzip", "no-cache"},
	}
	for _, tt := range tests {
		resp := get(tt.path)
		if got := fmt.Sprint(resp.StatusCode); got != tt.status {
			t.Errorf("%s: status %s, want %s", tt.path, got, tt.status)
		}
		if tt.ctype != "" && resp.Header.Get("Content-Type") != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, resp.Header.Get("Content-Type"), tt.ctype)
		}
		if tt.encoding != "" && resp.Header.Get("Content-Encoding") != tt.encoding {
			t.Errorf("%s: Content-Encoding %q, want %q", tt.path, resp.Header.Get("Content-Encoding"), tt.encoding)
		}
		if tt.cache != "" && resp.Header.Get("Cache-Control") != tt.cache {
			t.Errorf("%s: Cache-Control %q, want %q", tt.path, resp.Header.Get("Cache-Control"), tt.cache)
		}
	}
	// The 404 is the site's own page, and it says so in Chinese.
	resp, err := http.Get(url + "/no/such/page/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body := make([]byte, 1<<16)
	n, _ := resp.Body.Read(body)
	if !strings.Contains(string(body[:n]), "页面不存在") {
		t.Errorf("the 404 page is not the site's")
	}
}
