package serve

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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
// it, and the given options (Dir, Listener and Ready are filled in).
func startSiteWith(t *testing.T, setup func(dir string), opts Options) (string, string, func() error) {
	t.Helper()
	dir := testkit.Sample(t, "../..")
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

// The overlay says in Chinese what sort of mistake each message is about.
func TestKindInChinese(t *testing.T) {
	for _, c := range []struct {
		d    diag.Diagnostic
		want string
	}{
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md", Line: 2}, Msg: `unknown key "titel" (did you mean "title"?)`}, "前置信息"},
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md", Line: 3}, Msg: "date must be a date"}, "前置信息"},
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md", Line: 9}, Msg: "link to b.md: there is no file content/b.md"}, "链接"},
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md"}, Msg: "the file is not valid UTF-8 text (it may be in GBK)"}, "UTF-8"},
		{diag.Diagnostic{Pos: diag.Pos{File: "config.toml", Line: 1}, Msg: `unknown key "titel"`}, "config.toml"},
		{diag.Diagnostic{Pos: diag.Pos{File: "themes/default/layouts/single.html", Line: 4}, Msg: "theme: function \"x\" not defined"}, "模板"},
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md"}, Msg: "content/a.md and content/b.md both make a/index.html; give one of them another slug or url"}, "同一个网址"},
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md", Line: 4}, Msg: "front matter: cover \"a.jpg\" is not in the issue's folder; put the image there"}, "前置信息"},
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md", Line: 7}, Msg: "image a.jpg has no description"}, "图片"},
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md", Line: 2}, Msg: "content/a.md and content/b.md both claim the URL (one as an alias) /x/; give one of them another slug or url"}, "同一个网址"},
		{diag.Diagnostic{Pos: diag.Pos{File: "content/a.md"}, Msg: "something new"}, "内容有误"},
	} {
		if got := Kind(c.d); !strings.Contains(got, c.want) {
			t.Errorf("Kind(%q) = %q, want it to say %q", c.d.Msg, got, c.want)
		}
	}
}
