package serve

import (
	_ "embed"
	"encoding/json"
	"net/http"
	"os"
	"path"
	"strings"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/wechat"
)

//go:embed wechat.js
var wechatJS string

// exportable lists the URLs of a model's pages that go to the 公众号, once
// per build: serving a page, which goes on while the next build runs,
// then reads no model.
func exportable(model *site.Site) map[string]bool {
	urls := map[string]bool{}
	for _, p := range model.Pages {
		if wechat.Exportable(p) {
			urls[p.URL] = true
		}
	}
	return urls
}

// pageURL is the URL of the page served at name ("news/a/index.html").
func pageURL(name string) string {
	if path.Base(name) != "index.html" {
		return ""
	}
	return "/" + strings.TrimSuffix(name, "index.html")
}

// buttoned tells whether the page served at name gets the 复制到公众号
// button: a news post, notice or journal article of the last good build.
// The built site never has it.
func (s *Server) buttoned(name string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.toWeChat[pageURL(name)]
}

// copied is what the button puts on the clipboard, and says.
type copied struct {
	Title    string   `json:"title"`
	Summary  string   `json:"summary"`
	Cover    string   `json:"cover"`
	HTML     string   `json:"html"`
	Warnings []report `json:"warnings"`
}

// wechat answers the button: the page at ?path= as folio wechat prints
// it, with the published site's address (config.toml's baseURL, not the
// preview's) in its pictures and notes.
func (s *Server) wechat(w http.ResponseWriter, r *http.Request) {
	// Made between builds: no build changes what it reads meanwhile.
	s.building.Lock()
	defer s.building.Unlock()
	name := strings.TrimPrefix(path.Clean(r.URL.Query().Get("path")), "/")
	if strings.HasSuffix(r.URL.Query().Get("path"), "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	s.mu.RLock()
	model, built, lang := s.model, s.site, s.lang
	s.mu.RUnlock()
	var p *site.Page
	if model != nil && s.buttoned(name) {
		for _, q := range model.Pages {
			if q.URL == pageURL(name) {
				p = q
				break
			}
		}
	}
	if p == nil {
		http.Error(w, "只有新闻、通知和内刊文章可以复制到公众号", http.StatusNotFound)
		return
	}
	var l diag.List
	base := config.Load(os.DirFS(s.opts.Dir), "config.toml", &diag.List{}).BaseURL
	a := wechat.Export(p, model, built, base, &l)
	l.Sort()
	out := copied{Title: a.Title, Summary: a.Summary, Cover: a.Cover, HTML: a.HTML, Warnings: []report{}}
	for _, d := range l {
		out.Warnings = append(out.Warnings, reportOf(d, lang))
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(out)
}
