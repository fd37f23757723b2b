package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// workInProgress adds to a site a draft bundle whose photo has no
// description (a warning) and a page dated in the future.
func workInProgress(dir string) {
	wip := filepath.Join(dir, "content", "wip")
	os.MkdirAll(wip, 0o755)
	photo, _ := os.ReadFile(filepath.Join(dir, "content", "news", "2025", "summer-camp", "photo.svg"))
	os.WriteFile(filepath.Join(wip, "photo.svg"), photo, 0o644)
	os.WriteFile(filepath.Join(wip, "index.md"), []byte("+++\ntitle = \"筹备中的培训班\"\ndate = 2024-06-01\ndraft = true\n+++\n\n培训班正在筹备。\n\n![](photo.svg)\n"), 0o644)
	// Next year: a date five years ahead is warned of as a year mistyped.
	later := fmt.Sprintf("+++\ntitle = \"明年的通知\"\ndate = %d-01-01\n+++\n\n到时再发布。\n", time.Now().Year()+1)
	os.WriteFile(filepath.Join(dir, "content", "later.md"), []byte(later), 0o644)
}

// lockedBuffer is a bytes.Buffer that the server writes to while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// listen opens the event stream and returns a function that waits for an
// event named name whose data contains contains, and returns the data.
func listen(t *testing.T, url string) func(name, contains string) string {
	t.Helper()
	resp, err := http.Get(url + "__folio/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	events := make(chan [2]string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var name string
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "event: "); ok {
				name = n
			}
			if d, ok := strings.CutPrefix(line, "data: "); ok {
				events <- [2]string{name, d}
			}
		}
	}()
	return func(name, contains string) string {
		t.Helper()
		for {
			select {
			case e := <-events:
				if e[0] == name && strings.Contains(e[1], contains) {
					return e[1]
				}
			case <-time.After(30 * time.Second): // a rebuild while the machine also runs the other packages' tests
				t.Fatalf("no %q event containing %q", name, contains)
				return ""
			}
		}
	}
}

const wipWarning = "图片 photo.svg 没有说明" // in the sample's language, zh-CN

// The preview shows drafts and future pages by default, each with its
// banner, and the build's warnings: in the log on every rebuild, at
// /__folio/warnings and in the event stream.
func TestServeShowsWorkInProgress(t *testing.T) {
	t.Parallel()
	var log lockedBuffer
	dir, url, _ := startSiteWith(t, workInProgress, Options{Log: &log})
	if code, body := get(t, url+"wip/"); code != 200 || !strings.Contains(body, `class="banner-unpublished">草稿：`) {
		t.Errorf("/wip/ (a draft): %d, banner present: %v", code, strings.Contains(body, "草稿："))
	}
	if code, body := get(t, url+"later/"); code != 200 || !strings.Contains(body, `class="banner-unpublished">定时发布：`) {
		t.Errorf("/later/ (dated next year): %d, banner present: %v", code, strings.Contains(body, "定时发布："))
	}

	code, body := get(t, url+"__folio/warnings")
	var warnings []report
	if err := json.Unmarshal([]byte(body), &warnings); code != 200 || err != nil {
		t.Fatalf("/__folio/warnings: %d, %v: %s", code, err, body)
	}
	found := false
	for _, w := range warnings {
		if strings.HasPrefix(w.Where, "content/wip/index.md:9:") && strings.Contains(w.Message, wipWarning) {
			found = true
		}
	}
	if !found {
		t.Errorf("/__folio/warnings lacks the photo without a description: %s", body)
	}

	expect := listen(t, url)
	expect("warnings", wipWarning) // sent to a tab when it connects
	about := filepath.Join(dir, "content", "about.md")
	text, _ := os.ReadFile(about)
	os.WriteFile(about, append(text, "\n新加的一段。\n"...), 0o644)
	expect("warnings", wipWarning) // and again after every rebuild, the page with it unchanged
	expect("reload", `"about/index.html"`)
	if n := strings.Count(log.String(), "content/wip/index.md:9:1: 警告 [I01] "+wipWarning); n < 2 {
		t.Errorf("the warning is printed %d times in two builds; log:\n%s", n, log.String())
	}

	// Fixed, the warning goes: the stream sends an empty list.
	wipPage := filepath.Join(dir, "content", "wip", "index.md")
	page, _ := os.ReadFile(wipPage)
	os.WriteFile(wipPage, bytes.Replace(page, []byte("![]"), []byte("![培训班海报]"), 1), 0o644)
	expect("warnings", "[]")
}

// --drafts=false and --future=false hide them as folio build does.
func TestServeHidesWorkInProgress(t *testing.T) {
	t.Parallel()
	_, url, _ := startSiteWith(t, workInProgress, Options{Log: io.Discard, HideDrafts: true, HideFuture: true})
	for _, p := range []string{"wip/", "later/"} {
		if code, _ := get(t, url+p); code != 404 {
			t.Errorf("/%s: %d, want 404", p, code)
		}
	}
	if _, body := get(t, url+"__folio/warnings"); strings.TrimSpace(body) != "[]" {
		t.Errorf("a hidden draft's warnings are shown: %s", body)
	}
}
