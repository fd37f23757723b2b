package testkit

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/convert"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/feeds"
	"folio.dev/folio/generator/links"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/search"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/theme"
)

// Stage is a stage of a build, in the order generator.Build runs them.
type Stage int

const (
	Config   Stage = iota // config.Load
	Read                  // source.Read
	Markdown              // markup, every page
	Model                 // site.Build
	Theme                 // theme.Load
	Render                // render.Render
	Feeds                 // feeds: calendars, RSS, sitemap, robots.txt
	Search                // search.Index
	Assemble              // the site to publish: every file made, and the files to copy
)

func (s Stage) String() string {
	return [...]string{"config", "read", "markdown", "model", "theme", "render", "feeds", "search", "assemble"}[s]
}

// Build is a build of a synthetic site (cmd/corpus) done stage by stage,
// for the benchmarks of each stage: what each stage made, up to the one
// asked for, is the input of the next.
type Build struct {
	Dir     string // the site on disk
	FS      fs.FS  // os.DirFS(Dir)
	Now     time.Time
	Workers int // GOMAXPROCS, as a build has
	Config  *config.Config
	Content *source.Content
	Links   *links.Resolver // made with Content: resolves links between its pages
	Results []*markup.Result
	Site    *site.Site
	Theme   *theme.Theme
	Files   map[string][]byte // rendered, then with the feeds and the search index
	Out     *publish.Site
}

// Corpus writes a site of n pages with cmd/corpus into a temporary folder
// (removed when tb ends) and builds it up to stage upTo. Any error, and any
// diagnostic that is an error, fails tb. Call it before b.Loop.
func Corpus(tb testing.TB, n int, upTo Stage) *Build {
	tb.Helper()
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil || strings.TrimSpace(string(gomod)) == "" {
		tb.Fatalf("cannot find the module's root with go env GOMOD: %v", err)
	}
	dir := filepath.Join(tb.TempDir(), "site")
	cmd := exec.Command("go", "run", "./cmd/corpus", "-n", fmt.Sprint(n), "-o", dir)
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go run ./cmd/corpus: %v\n%s", err, out)
	}
	c := &Build{Dir: dir, FS: os.DirFS(dir), Workers: runtime.GOMAXPROCS(0),
		Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.FixedZone("CST", 8*3600))}
	ctx := context.Background()
	var l diag.List
	steps := []func(){
		Config: func() { c.Config = config.Load(c.FS, "config.toml", &l); c.Now = c.Now.In(c.Config.Location) },
		Read: func() {
			c.Content = source.Read(ctx, c.FS, c.Config, source.Options{Now: c.Now, Workers: c.Workers}, &l)
			c.Links = links.New(c.Content, c.FS, c.Config.BasePath())
		},
		Markdown: func() {
			md := markup.New(markup.Options{Unsafe: c.Config.Markup.Unsafe, SummaryLength: c.Config.Markup.SummaryLength, ReadingSpeed: c.Config.Markup.ReadingSpeed, BasePath: c.Config.BasePath()})
			c.Results = convert.Pages(ctx, md, c.Content, c.Links, convert.Options{Workers: c.Workers}, &l)
		},
		Model:  func() { c.Site = site.Build(c.Config, c.Content.Pages, c.Results, c.Now, &l) },
		Theme:  func() { c.Theme = theme.Load(c.FS, c.Config, render.Funcs(c.Config, map[string]string{}), &l) },
		Render: func() { c.Files, _ = render.Render(ctx, c.Site, c.Theme, c.Workers, nil, nil, nil, &l) },
		Feeds: func() {
			maps.Copy(c.Files, feeds.Calendars(c.Site, func(k string) string { return k }))
			maps.Copy(c.Files, feeds.RSS(c.Site, "/feed.css", func(k string) string { return k }))
			maps.Copy(c.Files, feeds.Sitemaps(c.Site))
			c.Files["robots.txt"] = feeds.Robots(c.Site)
		},
		Search: func() { maps.Copy(c.Files, search.Index(ctx, c.Site, c.Workers)) },
		Assemble: func() {
			c.Out = &publish.Site{Files: c.Files, Copies: map[string]string{}, FS: c.FS}
			for src, dst := range c.Theme.Static {
				c.Out.Copies[dst] = src
			}
			for src, dst := range c.Content.Files {
				c.Out.Copies[dst] = src
			}
			for _, p := range c.Content.Pages {
				for _, r := range p.Resources {
					c.Out.Copies[p.ResourcePath(r)] = r
				}
			}
		},
	}
	for s, step := range steps[:upTo+1] {
		step()
		if l.Errors() > 0 {
			tb.Fatalf("%v of %s: %v", Stage(s), dir, l.Err())
		}
	}
	return c
}

// PerPage reports the time of one op divided among pages, in
// microseconds, to set beside docs/bench.sh's milliseconds a page. Call it
// after b.Loop.
func PerPage(b *testing.B, pages int) {
	if pages > 0 && b.N > 0 {
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(pages), "us/page")
	}
}
