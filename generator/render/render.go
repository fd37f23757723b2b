// Package render executes the theme's templates for every output of the
// site model, in parallel, into in-memory files.
package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/theme"
)

// Data is what a layout sees as dot.
type Data struct {
	Site *site.Site
	Page *site.Page
	site.Output
}

// Content is the page's rendered Markdown, trusted: markup escaped it.
func (d Data) Content() template.HTML { return template.HTML(d.Page.HTML) }

// TOC is the page's table of contents, trusted like Content.
func (d Data) TOC() template.HTML { return template.HTML(d.Page.TOC) }

// Funcs are the template functions of every layout. The theme adds T.
func Funcs(cfg *config.Config) template.FuncMap {
	return template.FuncMap{
		"relURL": func(u string) string { return cfg.BasePath() + strings.TrimPrefix(u, "/") },
		"absURL": func(u string) string { return cfg.BaseURL + strings.TrimPrefix(u, "/") },
		"date":   func(t time.Time) string { return FormatDate(t.In(cfg.Location), cfg.LanguageCode) },
		"isoDate": func(t time.Time) string {
			return t.In(cfg.Location).Format(time.RFC3339)
		},
		"inSection": site.InSection,
		"isLeaf":    func(p *site.Page) bool { return !p.Branch },
		"kindIs":    func(p *site.Page, k string) bool { return string(p.Kind) == k },
		"inc":       func(i int) int { return i + 1 },
		"list":      func(xs ...string) []string { return xs },
	}
}

// FormatDate writes a date as readers of the language expect it:
// 2024年6月21日 in Chinese, 2024-06-21 otherwise.
func FormatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	if strings.HasPrefix(lang, "zh") {
		return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
	}
	return t.Format("2006-01-02")
}

var aliasPage = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.URL}}</title><link rel="canonical" href="{{.URL}}"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={{.URL}}"></head><body><p><a href="{{.URL}}">{{.URL}}</a></p></body></html>
`))

// Render executes the layouts for all outputs with the given number of
// workers and returns the files by path below the site root.
func Render(ctx context.Context, s *site.Site, th *theme.Theme, workers int, l *diag.List) map[string][]byte {
	outs := s.Outputs
	bodies := make([][]byte, len(outs))
	diags := make([]diag.List, len(outs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, workers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				if err := execute(&buf, s, th, outs[i]); err != nil {
					diags[i].Errorf(diag.Pos{File: th.Dir + "/layouts"}, "theme: rendering %s: %v", outs[i].Path, err)
					continue
				}
				bodies[i] = bytes.Clone(buf.Bytes())
			}
		}()
	}
	for i := range outs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	files := make(map[string][]byte, len(outs))
	owner := map[string]site.Output{}
	for i, o := range outs {
		*l = append(*l, diags[i]...)
		if prev, ok := owner[o.Path]; ok {
			l.Errorf(diag.Pos{File: o.Page.File}, "%s and %s both make %s; give one of them another slug or url", describe(prev), describe(o), o.Path)
			continue
		}
		owner[o.Path] = o
		if bodies[i] != nil {
			files[o.Path] = bodies[i]
		}
	}
	return files
}

func describe(o site.Output) string {
	if o.Page.File != "" {
		return o.Page.File
	}
	return "the " + o.Layout + " page " + o.Page.URL
}

func execute(buf *bytes.Buffer, s *site.Site, th *theme.Theme, o site.Output) error {
	if o.Layout == "alias" {
		return aliasPage.Execute(buf, struct{ Lang, URL string }{s.Config.LanguageCode, s.Config.BasePath() + strings.TrimPrefix(o.RedirectTo, "/")})
	}
	fallback := "list"
	if o.Pager == nil && o.Taxonomy == nil && o.Layout != "404" {
		fallback = "single"
	}
	set := th.Lookup(o.Page.FM.Layout, o.Layout, fallback)
	if set == nil {
		return fmt.Errorf("the theme has no layout %s.html or %s.html", o.Layout, fallback)
	}
	return set.ExecuteTemplate(buf, "baseof.html", Data{Site: s, Page: o.Page, Output: o})
}

// Kinds counts pages by kind, for the build's summary line.
func Kinds(s *site.Site) map[source.Kind]int {
	n := map[source.Kind]int{}
	for _, p := range s.Pages {
		n[p.Kind]++
	}
	return n
}
