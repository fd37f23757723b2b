package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/testkit"
)

// startSite copies the sample site into a new folder and serves it; it
// returns the folder, the URL and a function that stops the server and
// reports how Run ended.
func startSite(t *testing.T) (string, string, func() error) {
	t.Helper()
	return startSiteWith(t, nil, Options{Log: io.Discard})
}

// startSiteWith is startSite with setup run on the folder before serving
// it, and the given options (Dir, Listener and Ready are filled in). The
// sample's photos are in its cache already, as after a folio build: pages
// are not reloaded when they are made (TestServePhotoStandIns removes the
// cache in setup).
func startSiteWith(t *testing.T, setup func(dir string), opts Options) (string, string, func() error) {
	t.Helper()
	dir := testkit.Sample(t, "../..")
	if res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir}); err != nil {
		t.Fatalf("the build that fills the photo cache: %v\n%v", err, res.Diagnostics)
	}
	if setup != nil {
		setup(dir)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		opts.Dir, opts.Listener, opts.Ready = dir, ln, func(u []string) { ready <- u[0] }
		done <- Run(ctx, opts)
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatalf("serve ended: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not start")
	}
	stop := func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(5 * time.Second):
			return context.DeadlineExceeded
		}
	}
	t.Cleanup(func() { stop() })
	return dir, url, stop
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	client := http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServe serves pages with the reload script, a 404 page, redirects to
// the slash URL, and tells listening browsers about each rebuild: a reload
// naming the changed page, the errors of a broken save (the last good page
// still served), and a reload once it is fixed. Stopping leaves no files.
func TestServe(t *testing.T) {
	t.Parallel()
	dir, url, stop := startSite(t)
	if code, body := get(t, url+"about/"); code != 200 || !strings.Contains(body, `<script src="/__folio/reload.js"></script></body>`) {
		t.Errorf("/about/: %d, reload script present: %v", code, strings.Contains(body, "reload.js"))
	}
	if code, body := get(t, url+"no/such/page/"); code != 404 || !strings.Contains(body, "页面不存在") {
		t.Errorf("a missing page: %d", code)
	}
	if code, _ := get(t, url+"about"); code != 301 {
		t.Errorf("/about without slash: %d, want a redirect", code)
	}
	if code, body := get(t, url+"feed.xml"); code != 200 || !strings.Contains(body, "<rss") {
		t.Errorf("/feed.xml: %d", code)
	}

	expect := listen(t, url)
	about := filepath.Join(dir, "content", "about.md")
	text, _ := os.ReadFile(about)
	os.WriteFile(about, append(text, "\n新加的一段：实时更新。\n"...), 0o644)
	expect("reload", `"about/index.html"`)
	if _, body := get(t, url+"about/"); !strings.Contains(body, "新加的一段：实时更新。") {
		t.Errorf("the edited page is not served")
	}

	os.WriteFile(about, []byte(strings.Replace(string(text), "title =", "titel =", 1)), 0o644)
	expect("errors", `content/about.md:2:1`)
	if code, body := get(t, url+"about/"); code != 200 || !strings.Contains(body, "新加的一段") {
		t.Errorf("while the site is broken, the last good page is not served (%d)", code)
	}
	os.WriteFile(about, text, 0o644)
	expect("reload", `"about/index.html"`)

	if err := stop(); err != nil {
		t.Errorf("stopping: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Errorf("folio serve wrote public/")
	}
}

// A port that is taken is a clear error.
func TestPortInUse(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = Run(context.Background(), Options{Dir: t.TempDir(), Addr: ln.Addr().String(), Log: io.Discard})
	if err == nil || !strings.Contains(err.Error(), "--port") {
		t.Errorf("a taken port: %v", err)
	}
}

// Requests that try to leave the site, plain or encoded, get nothing but
// the site: folio serve serves only the built site, never the files it is
// built from.
func TestServeRefusesEscapes(t *testing.T) {
	t.Parallel()
	_, url, _ := startSite(t)
	addr := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	for _, target := range []string{"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/content/about.md", "/config.toml", "/themes/default/layouts/baseof.html", "/.git/config"} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n")
		b, _ := io.ReadAll(conn)
		conn.Close()
		resp := string(b)
		if !strings.HasPrefix(resp, "HTTP/1.1 404") && !strings.HasPrefix(resp, "HTTP/1.1 400") {
			t.Errorf("%s: %s", target, strings.SplitN(resp, "\r\n", 2)[0])
		}
		if strings.Contains(resp, "root:") || strings.Contains(resp, "+++") || strings.Contains(resp, "{{") {
			t.Errorf("%s: a file outside the built site was served", target)
		}
	}
}

// 30 seconds of concurrent requests (to 127.0.0.1 only, in a bounded loop)
// while an editor saves a file again and again: no request fails.
func TestServeUnderLoad(t *testing.T) {
	t.Parallel()
	dir, url, _ := startSite(t)
	pages := []string{"", "about/", "news/", "notices/", "journal/", "events/", "feed.xml", "tags/", "no/such/"}
	deadline := time.Now().Add(30 * time.Second)
	var requests, failures atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			client := &http.Client{Timeout: 10 * time.Second}
			for i := w; time.Now().Before(deadline); i++ {
				resp, err := client.Get(url + pages[i%len(pages)])
				requests.Add(1)
				if err != nil {
					failures.Add(1)
					t.Errorf("GET %s: %v", pages[i%len(pages)], err)
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if want := map[bool]int{true: 404, false: 200}[pages[i%len(pages)] == "no/such/"]; resp.StatusCode != want {
					failures.Add(1)
					t.Errorf("GET %s: %d", pages[i%len(pages)], resp.StatusCode)
				}
			}
		}(w)
	}
	about := filepath.Join(dir, "content", "about.md")
	text, _ := os.ReadFile(about)
	for i := 0; time.Now().Before(deadline); i++ {
		os.WriteFile(about, append(text, fmt.Sprintf("\n第%d次保存。\n", i)...), 0o644)
		time.Sleep(200 * time.Millisecond)
	}
	wg.Wait()
	t.Logf("%d requests, %d failed", requests.Load(), failures.Load())
	if requests.Load() < 100 {
		t.Errorf("only %d requests in 30 s", requests.Load())
	}
}

// The overlay speaks the site's language (zh-CN for the sample), or the
// one --lang gives: the kind of mistake as its heading, the code, the
// message; and the script's own words follow.
func TestOverlayLanguage(t *testing.T) {
	t.Parallel()
	english := diag.English
	for _, tt := range []struct {
		name                string
		lang                *diag.Lang
		kind, message, word string
	}{
		{"the site's language", nil, "文件开头两行 +++ 之间的设置有误", "月份写成了 13", "网站没有更新"},
		{"--lang en", &english, "The settings at the top of the file (front matter) are wrong", "month 13 does not exist", "The site was not updated"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			broken := func(dir string) {
				os.WriteFile(filepath.Join(dir, "content", "news", "broken.md"), []byte("+++\ntitle = \"坏日期\"\ndate = 2024-13-01\n+++\n"), 0o644)
			}
			_, url, _ := startSiteWith(t, broken, Options{Log: io.Discard, Lang: tt.lang})
			var reports []report
			data := listen(t, url)("errors", "broken.md")
			if err := json.Unmarshal([]byte(data), &reports); err != nil || len(reports) != 1 {
				t.Fatalf("errors event %s: %v", data, err)
			}
			r := reports[0]
			if r.Where != "content/news/broken.md:3:8" || r.Code != string(diag.TOMLSyntax) || r.Kind != tt.kind || !strings.Contains(r.Message, tt.message) {
				t.Errorf("report = %+v, want at content/news/broken.md:3:8, code %s, kind %q, a message with %q", r, diag.TOMLSyntax, tt.kind, tt.message)
			}
			if _, js := get(t, url+"__folio/reload.js"); !strings.Contains(js, tt.word) {
				t.Errorf("reload.js does not say %q", tt.word)
			}
		})
	}
}

// TestServePhotoStandIns serves the sample with an empty photo cache, as
// an editor's first folio serve: the first build does not wait for the
// photos (its log line says they are being made), and once they are made
// a build publishes their copies, metadata-free and of the planned size,
// under the names the page already shows.
func TestServePhotoStandIns(t *testing.T) {
	t.Parallel()
	log := &lockedBuffer{}
	lang := diag.English
	_, url, _ := startSiteWith(t, func(dir string) { os.RemoveAll(filepath.Join(dir, ".folio-cache")) }, Options{Log: log, Lang: &lang})
	if first := log.String(); !strings.Contains(first, "3 photo(s) being processed in the background") {
		t.Errorf("the first build's log does not say the photos are being made:\n%s", first)
	}
	status, page := get(t, url+"/news/2026/10/open-day/")
	copy680 := regexp.MustCompile(`src="(/news/2026/10/open-day/[^"]+\.680\.jpg)"`).FindStringSubmatch(page)
	if status != http.StatusOK || copy680 == nil {
		t.Fatalf("the post: %d, no 680 px copy in\n%s", status, page)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, body := get(t, url+copy680[1])
		cfg, _, err := image.DecodeConfig(strings.NewReader(body))
		m, _ := testkit.Metadata([]byte(body))
		if err == nil && cfg.Width == 680 && m == "" {
			break // the copy itself
		}
		if m != "" && m != "JPEG APP1 Exif segment" || strings.Contains(body, "GPS") || strings.Contains(body, "F2LXK0ZQHG7F") {
			t.Fatalf("%s serves metadata: %s", copy680[1], m)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s is still not the 680 px copy after a minute (%v, %d px wide); log:\n%s", copy680[1], err, cfg.Width, log.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !strings.Contains(log.String(), "content/news/2026/open-day/") {
		t.Errorf("no build for the photos made:\n%s", log.String())
	}
}
