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
	"folio.dev/folio/generator/site"
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
	// Lang, if set, is the language of the messages (--lang), instead of
	// the site's languageCode.
	Lang *diag.Lang
}

// Server holds the last good build and the browsers listening for news.
type Server struct {
	opts  Options
	cache *generator.Cache
	hosts hosts // the Host headers answered
	// building is held while a build runs: the 复制到公众号 button makes
	// its version between builds, from a model and site none is changing.
	building sync.Mutex
	// model is the last good build's model, read under mu and building;
	// toWeChat, under mu, the URLs of its pages that get the button.
	model    *site.Site
	toWeChat map[string]bool

	mu       sync.RWMutex
	site     *publish.Site
	errors   []report  // the last build's errors; nil when it succeeded
	warnings []report  // the last good build's warnings; never nil once built
	lang     diag.Lang // the language of the last build's messages
	clients  map[chan event]bool
}

type event struct {
	name string
	data []byte
}

// report is a diagnostic as the overlay and the warnings panel show it,
// in the editor's language.
type report struct {
	Where   string `json:"where"`
	Kind    string `json:"kind"` // what sort of mistake it is (diag.Kind's title)
	Code    string `json:"code"`
	Message string `json:"message"`
}

func reportOf(d diag.Diagnostic, lang diag.Lang) report {
	r := report{Where: d.Pos.String(), Kind: d.Kind.Title(lang), Code: string(d.Code), Message: d.Text(lang)}
	if d.Severity == diag.Warning { // the overlay lists warnings with the errors
		r.Kind = lang.Warning() + " · " + r.Kind
	}
	return r
}

// scriptWords are the words of the overlay and the panel in lang, for
// reload.js, which reads them from folioWords.
func scriptWords(lang diag.Lang) string {
	words, _ := json.Marshal(map[string]string{
		"overlayTitle": diag.Msg(diag.SaidOverlayTitle).Text(lang),
		"overlayIntro": diag.Msg(diag.SaidOverlayIntro).Text(lang),
		"panelTitle":   diag.Msg(diag.SaidPanelTitle, "{n}").Text(lang),
		"panelIntro":   diag.Msg(diag.SaidPanelIntro).Text(lang),
		"panelClose":   diag.Msg(diag.SaidPanelClose).Text(lang),
		"lang":         lang.String(),
	})
	return "var folioWords = " + string(words) + ";\n"
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
	defer s.cache.Close()
	for {
		select {
		case <-ctx.Done():
			s.closeClients()
			shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			return srv.Shutdown(shutdown)
		case changed := <-changes:
			s.build(ctx, changed, time.Now())
		case <-s.cache.PhotosReady(): // photos shown as stand-ins are made: publish them, and reload
			s.mu.RLock()
			broken := s.errors != nil // the editor's next save builds with them; its errors are not printed again meanwhile
			s.mu.RUnlock()
			if made := s.cache.PhotosMade(); len(made) > 0 && !broken {
				s.build(ctx, made, time.Now())
			}
		}
	}
}

// build rebuilds the site after changed (nil: the first build), keeps the
// result if it succeeded, and tells the browsers.
func (s *Server) build(ctx context.Context, changed []string, start time.Time) {
	s.building.Lock()
	defer s.building.Unlock()
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
	lang := res.Lang
	if s.opts.Lang != nil {
		lang = *s.opts.Lang
	}
	what := diag.Msg(diag.SaidFirstBuild).Text(lang)
	if changed != nil {
		what = strings.Join(changed, ", ")
	}
	if err != nil {
		var reports []report
		for _, d := range res.Diagnostics {
			reports = append(reports, reportOf(d, lang))
		}
		if len(reports) == 0 {
			reports = []report{{Where: s.opts.Dir, Message: diag.Show(err, lang)}}
		}
		s.mu.Lock()
		s.errors = reports
		s.lang = lang
		s.mu.Unlock()
		data, _ := json.Marshal(reports)
		s.broadcast(event{"errors", data})
		fmt.Fprintln(s.opts.Log, diag.Msg(diag.SaidServeFailed, what, res.Diagnostics.Errors(), took).Text(lang))
		res.Diagnostics.Print(s.opts.Log, lang, 10)
		return
	}
	var warnings diag.List
	reports := []report{}
	for _, d := range res.Diagnostics {
		if d.Severity == diag.Warning {
			warnings = append(warnings, d)
			reports = append(reports, reportOf(d, lang))
		}
	}
	s.mu.Lock()
	old := s.site
	s.site = res.Site
	s.model, s.toWeChat = res.Model, exportable(res.Model)
	s.errors = nil
	s.warnings = reports
	s.lang = lang
	s.mu.Unlock()
	diff := changedOutputs(old, res.Site, changed)
	line := diag.Msg(diag.SaidServeBuilt, what, res.Rendered, len(diff), took).Text(lang)
	if len(warnings) > 0 {
		line += diag.Msg(diag.SaidWarnings, len(warnings)).Text(lang)
	}
	if n := res.Photos.Pending; n > 0 {
		line += diag.Msg(diag.ImageSaidPending, n).Text(lang)
	}
	fmt.Fprintln(s.opts.Log, line)
	warnings.Print(s.opts.Log, lang, 50) // on every rebuild: an editor who only previews learns of them too
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
		w.Header().Set("Cache-Control", "no-store") // the words follow the language
		s.mu.RLock()
		lang := s.lang
		s.mu.RUnlock()
		io.WriteString(w, scriptWords(lang)+reloadJS)
		return
	case "/__folio/wechat":
		s.wechat(w, r)
		return
	case "/__folio/wechat.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, wechatJS)
		return
	}
	s.mu.RLock()
	site := s.site
	s.mu.RUnlock()
	if site == nil { // no good build yet: show the errors
		s.mu.RLock()
		lang := s.lang
		s.mu.RUnlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		// The script shows the errors, which the event stream sends first.
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>folio</title></head><body><script src="/__folio/reload.js"></script></body></html>`, lang)
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
		if status == http.StatusOK && s.buttoned(name) {
			body = injectTag(body, `<script src="/__folio/wechat.js"></script>`)
		}
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
	return injectTag(page, `<script src="/__folio/reload.js"></script>`)
}

// injectTag adds a tag at the end of a page's body.
func injectTag(page []byte, s string) []byte {
	tag := []byte(s)
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
