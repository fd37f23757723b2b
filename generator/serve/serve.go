// Package serve is folio serve: it builds the site in memory, serves it over
// HTTP, watches the site's files, rebuilds what changed and tells open
// browser tabs to reload, or shows the build's errors over the page until
// they are fixed. It wraps the one pipeline, generator.Build, with its cache.
// Unlike folio build it shows drafts and future pages, each with its banner,
// unless told not to, and it shows the build's warnings in a small panel at
// the corner of the page.
package serve

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/publish"
)

//go:embed reload.js
var reloadJS string // a string: embedded bytes could be changed

// Options says what to serve and how.
type Options struct {
	Dir  string // the site's folder
	Addr string // host:port to listen on
	// HideDrafts and HideFuture leave out drafts and pages dated in the
	// future (--drafts=false, --future=false). The preview shows work in
	// progress by default, each page with its banner; the build never does.
	HideDrafts, HideFuture bool
	Poll                   time.Duration // poll files this often instead of fsnotify; 0: fsnotify
	Log                    io.Writer     // one line per rebuild
	// AllowHosts are host names, besides localhost and the address
	// listened on, that requests may name in their Host header (--allow-host).
	AllowHosts []string
	// Listener, if set, is used instead of listening on Addr (tests).
	Listener net.Listener
	// Ready, if set, is called once the site is served with the addresses
	// at which it can be opened, the one for this computer first.
	Ready func(urls []string)
}

// Server holds the last good build and the browsers listening for news.
type Server struct {
	opts  Options
	cache *generator.Cache
	hosts hosts // the Host headers answered

	mu       sync.RWMutex
	site     *publish.Site
	errors   []report // the last build's errors; nil when it succeeded
	warnings []report // the last good build's warnings; never nil once built
	clients  map[chan event]bool
}

type event struct {
	name string
	data []byte
}

// report is a diagnostic as the overlay and the warnings panel show it.
type report struct {
	Where   string `json:"where"`
	Kind    string `json:"kind"` // in Chinese: what sort of mistake it is
	Message string `json:"message"`
}

// Kind says in Chinese what sort of mistake a diagnostic is about, for
// editors who read the overlay (and folio's annotations on GitHub): the
// message after it is in English, and says how to fix it.
func Kind(d diag.Diagnostic) string {
	m := d.Msg
	switch {
	case strings.Contains(m, "UTF-8"):
		return "文件编码不对：请用 UTF-8 编码重新保存这个文件"
	case strings.HasPrefix(m, "config:") || d.Pos.File == "config.toml":
		return "网站配置文件 config.toml 有误"
	case strings.HasPrefix(m, "theme:") || strings.HasPrefix(m, "i18n:"):
		return "网站模板（主题）有误"
	case strings.HasPrefix(m, "front matter:") || strings.Contains(m, "unknown key") || strings.Contains(m, " must be "):
		return "文件开头两行 +++ 之间的设置（前置信息）有误"
	case strings.HasPrefix(m, "link to "):
		return "链接找不到目标：请检查链接里的文件路径，大小写也要一致"
	case strings.HasPrefix(m, "image "):
		return "图片有问题"
	case strings.Contains(m, " both make ") || strings.Contains(m, " both claim ") || strings.Contains(m, " makes "):
		return "两个文件生成了同一个网址：请修改其中一个的 slug 或 url"
	case strings.HasPrefix(m, "cannot read"):
		return "文件无法读取"
	}
	return "内容有误"
}

// ErrPortInUse is returned when Addr is taken.
var ErrPortInUse = errors.New("port in use")

// Run builds and serves the site until ctx is done.
func Run(ctx context.Context, opts Options) error {
	s := &Server{opts: opts, cache: generator.NewCache(), clients: map[chan event]bool{}}
	ln := opts.Listener
	if ln == nil {
		var err error
		ln, err = net.Listen("tcp", opts.Addr)
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%w: %s is taken by another program (another folio serve?); choose another with --port", ErrPortInUse, opts.Addr)
		}
		if err != nil {
			return err
		}
	}
	bind, _, _ := net.SplitHostPort(opts.Addr)
	s.hosts = newHosts(bind, ln.Addr(), opts.AllowHosts)
	start := time.Now()
	s.build(ctx, nil, start)
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	if opts.Ready != nil {
		urls := []string{"http://" + ln.Addr().String() + "/"}
		if tcp, ok := ln.Addr().(*net.TCPAddr); ok {
			urls = openURLs(tcp, bind, interfaceIPs())
		}
		opts.Ready(urls)
	}
	changes := make(chan []string)
	go watch(ctx, opts.Dir, opts.Poll, changes)
	for {
		select {
		case <-ctx.Done():
			s.closeClients()
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			return srv.Shutdown(shutdown)
		case changed := <-changes:
			s.build(ctx, changed, time.Now())
		}
	}
}

// build rebuilds the site after changed (nil: the first build), keeps the
// result if it succeeded, and tells the browsers.
func (s *Server) build(ctx context.Context, changed []string, start time.Time) {
	for _, p := range changed {
		if !strings.HasPrefix(p, "content/") {
			s.cache.Forget() // config, layouts, i18n and static files reach every page
			break
		}
	}
	res, err := generator.Build(ctx, generator.Options{
		Root: os.DirFS(s.opts.Dir), RootDir: s.opts.Dir, BaseURL: previewBase, // RootDir: the photo cache
		Drafts: !s.opts.HideDrafts, Future: !s.opts.HideFuture, Preview: &generator.Preview{Cache: s.cache, Changed: changed},
	})
	took := time.Since(start).Round(time.Millisecond)
	what := "first build"
	if changed != nil {
		what = strings.Join(changed, ", ")
	}
	if err != nil {
		var reports []report
		for _, d := range res.Diagnostics {
			reports = append(reports, report{Where: d.Pos.String(), Kind: Kind(d), Message: d.Msg})
		}
		if len(reports) == 0 {
			reports = []report{{Where: s.opts.Dir, Message: err.Error()}}
		}
		s.mu.Lock()
		s.errors = reports
		s.mu.Unlock()
		data, _ := json.Marshal(reports)
		s.broadcast(event{"errors", data})
		fmt.Fprintf(s.opts.Log, "%s: %d error(s), still serving the last good site (%s)\n", what, res.Diagnostics.Errors(), took)
		res.Diagnostics.Print(s.opts.Log, 10)
		return
	}
	var warnings diag.List
	reports := []report{}
	for _, d := range res.Diagnostics {
		if d.Severity == diag.Warning {
			warnings = append(warnings, d)
			reports = append(reports, report{Where: d.Pos.String(), Kind: Kind(d), Message: d.Msg})
		}
	}
	s.mu.Lock()
	old := s.site
	s.site = res.Site
	s.errors = nil
	s.warnings = reports
	s.mu.Unlock()
	diff := changedOutputs(old, res.Site, changed)
	fmt.Fprintf(s.opts.Log, "%s: rendered %d page(s), %d file(s) changed, in %s", what, res.Rendered, len(diff), took)
	if len(warnings) > 0 {
		fmt.Fprintf(s.opts.Log, ", %d warning(s)", len(warnings))
	}
	fmt.Fprintln(s.opts.Log)
	warnings.Print(s.opts.Log, 50) // on every rebuild: an editor who only previews learns of them too
	// Warnings first: a tab that is not reloaded updates its panel, and a
	// reloaded one receives them again when it reconnects.
	data, _ := json.Marshal(reports)
	s.broadcast(event{"warnings", data})
	data, _ = json.Marshal(diff)
	s.broadcast(event{"reload", data})
}

// changedOutputs lists the paths whose bytes differ between two builds
// (added and removed ones too). A copied file changed if its source moved
// or was among the changed files.
func changedOutputs(old, cur *publish.Site, changed []string) []string {
	out := []string{}
	if old == nil {
		return cur.Paths()
	}
	for p, b := range cur.Files {
		if ob, ok := old.Files[p]; !ok || !bytes.Equal(ob, b) {
			out = append(out, p)
		}
	}
	for p := range old.Files {
		if _, ok := cur.Files[p]; !ok {
			out = append(out, p)
		}
	}
	for p, src := range cur.Copies {
		if old.Copies[p] != src || slices.Contains(changed, src) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func (s *Server) broadcast(e event) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for c := range s.clients {
		select {
		case c <- e:
		default: // a client that does not read loses this news, not the server
		}
	}
}

func (s *Server) closeClients() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.clients {
		close(c)
		delete(s.clients, c)
	}
}

// ServeHTTP serves the last good build, with the reload script in pages,
// to requests for one of the accepted hosts, and names that host in the
// pages' absolute URLs.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hosts.allowed(r.Host) {
		forbidden(w, r.Host)
		return
	}
	switch r.URL.Path {
	case "/__folio/events":
		s.events(w, r)
		return
	case "/__folio/warnings":
		s.mu.RLock()
		reports := s.warnings
		s.mu.RUnlock()
		if reports == nil {
			reports = []report{}
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		json.NewEncoder(w).Encode(reports)
		return
	case "/__folio/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadJS)
		return
	}
	s.mu.RLock()
	site := s.site
	s.mu.RUnlock()
	if site == nil { // no good build yet: show the errors
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		// The script shows the errors, which the event stream sends first.
		fmt.Fprint(w, `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>folio</title></head><body><script src="/__folio/reload.js"></script></body></html>`)
		return
	}
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	body, ok := file(site, name)
	if !ok && path.Ext(name) == "" {
		if _, dir := file(site, path.Join(name, "index.html")); dir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusNotFound
		name = "404.html"
		body, _ = file(site, name)
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if _, rendered := site.Files[name]; rendered {
		body = localize(body, r.Host)
	}
	if path.Ext(name) == ".html" {
		body = inject(body)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

func file(site *publish.Site, name string) ([]byte, bool) {
	b, err := site.Read(name)
	return b, err == nil
}

// inject adds the reload script at the end of a page's body.
func inject(page []byte) []byte {
	tag := []byte(`<script src="/__folio/reload.js"></script>`)
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		return slices.Concat(page[:i], tag, page[i:])
	}
	return slices.Concat(page, tag)
}

// events streams Server-Sent Events to one browser tab until it leaves.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 8)
	s.mu.Lock()
	s.clients[c] = true
	reports, warnings := s.errors, s.warnings
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	fmt.Fprint(w, "retry: 1000\n\n")
	if warnings != nil { // a newly opened (or reloaded) tab shows the last good build's warnings
		data, _ := json.Marshal(warnings)
		fmt.Fprintf(w, "event: warnings\ndata: %s\n\n", data)
	}
	if reports != nil { // a tab opened while the site is broken sees why
		data, _ := json.Marshal(reports)
		fmt.Fprintf(w, "event: errors\ndata: %s\n\n", data)
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, open := <-c:
			if !open {
				return
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
			flusher.Flush()
		}
	}
}
