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

// wechatPage is the page served at name ("news/a/index.html") in the last
// good build, if it is one that goes to the 公众号: such pages get the
// 复制到公众号 button. The built site never has it.
func (s *Server) wechatPage(name string) *site.Page {
	if path.Base(name) != "index.html" {
		return nil
	}
	s.mu.RLock()
	model := s.model
	s.mu.RUnlock()
	if model == nil {
		return nil
	}
	u := "/" + strings.TrimSuffix(name, "index.html")
	for _, p := range model.Pages {
		if p.URL == u && wechat.Exportable(p) {
			return p
		}
	}
	return nil
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
	// The kept model changes in place during a build (generator/edit.go):
	// read it between builds.
	s.building.Lock()
	defer s.building.Unlock()
	name := strings.TrimPrefix(path.Clean(r.URL.Query().Get("path")), "/")
	if strings.HasSuffix(r.URL.Query().Get("path"), "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	p := s.wechatPage(name)
	s.mu.RLock()
	model, built := s.model, s.site
	s.mu.RUnlock()
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
		out.Warnings = append(out.Warnings, report{Where: d.Pos.String(), Kind: "公众号", Message: d.Msg})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(out)
}
