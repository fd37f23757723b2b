package generator_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

// folio build lets go of each page's Markdown once it is converted, and
// sets its text and HTML aside until the search index and the rendering: it writes the same files as a
// build in memory, which keeps them, and reports the same diagnostics at
// the same positions (a front matter key's, asked for after the Markdown
// is gone).
func TestBuildThatLetsGoIsTheSame(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyTheme(t, filepath.Join(dir, "themes", "default"))
	write("config.toml", "title = \"测试\"\n")(dir)
	write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n欢迎。\n")(dir)
	for i := range 12 {
		write(fmt.Sprintf("content/news/n%d.md", i), fmt.Sprintf("+++\ntitle = \"新闻%d\"\ndate = 2026-01-%02d\ntags = [\"招生\"]\n+++\n技工院校第%d次招生工作开始。\n\n## 报名\n\n[首页](/)与**校长**培训。\n", i, i+1, i))(dir)
	}
	build := func(dest string) (*generator.Result, error) {
		return generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow})
	}
	mem, err := build("")
	if err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := build(dest); err != nil {
		t.Fatal(err)
	}
	written := snapshot(t, dest)
	paths := mem.Site.Paths()
	if len(written) != len(paths) {
		t.Errorf("%d files written, %d built in memory", len(written), len(paths))
	}
	searched := 0
	for _, p := range paths {
		b, err := mem.Site.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		if written[p] != string(b) {
			t.Errorf("%s differs from the build in memory", p)
		}
		if strings.HasPrefix(p, "search/x.") && strings.Contains(string(b), "招生工作") {
			searched++
		}
	}
	if searched != 12 {
		t.Errorf("%d search text files have the news' text, want 12", searched)
	}

	// folio build set every page's HTML aside as it converted: its model,
	// once the build is done (and the file gone), has none of it.
	disk, err := build(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	memHTML := map[string]string{}
	for _, p := range mem.Model.Pages {
		memHTML[p.File] = p.HTML()
	}
	for _, p := range disk.Model.Pages {
		if p.HTML() != "" {
			t.Errorf("%s: its HTML is held to the end of folio build", p.File)
		}
		if p.File != "" && memHTML[p.File] == "" {
			t.Errorf("%s has no HTML in the build in memory", p.File)
		}
	}

	write("content/news/bad.md", "+++\ntitle = \"坏\"\ndate = 2026-02-01\nlayout = \"nosuch\"\n+++\n正文。\n")(dir)
	inMemory, errMem := build("")
	onDisk, errDisk := build(filepath.Join(t.TempDir(), "public"))
	if errMem == nil || errDisk == nil {
		t.Fatalf("a layout that is not there built: %v, %v", errMem, errDisk)
	}
	said := func(res *generator.Result) []string {
		var out []string
		for _, d := range res.Diagnostics {
			out = append(out, d.In(diag.Chinese))
		}
		return out
	}
	if a, b := said(inMemory), said(onDisk); !slices.Equal(a, b) {
		t.Errorf("the build into a folder said\n%s\nthe build in memory\n%s", strings.Join(b, "\n"), strings.Join(a, "\n"))
	}
	if !slices.ContainsFunc(onDisk.Diagnostics, func(d diag.Diagnostic) bool {
		return d.Code == diag.FMLayoutUnknown && d.Pos.File == "content/news/bad.md" && d.Pos.Line == 4
	}) {
		t.Errorf("no F19 at content/news/bad.md:4: %q", said(onDisk))
	}
}

// A layout that shows another page's HTML (a news item its section's
// introduction) reads it back in folio build, which set it aside.
func TestBuildKeepsTheHTMLLayoutsShow(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyTheme(t, filepath.Join(dir, "themes", "default"))
	write("config.toml", "title = \"测试\"\n")(dir)
	write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n欢迎。\n")(dir)
	write("content/news/_index.md", "+++\ntitle = \"新闻\"\n+++\n本栏目的**介绍**。\n")(dir)
	for i := range 3 {
		write(fmt.Sprintf("content/news/n%d.md", i), fmt.Sprintf("+++\ntitle = \"新闻%d\"\ndate = 2026-01-%02d\n+++\n正文%d。\n", i, i+1, i))(dir)
	}
	write("layouts/single.html", `{{define "main"}}<div id="intro">{{.Page.Parent.HTML}}</div>{{.Content}}{{end}}`)(dir)
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	written := snapshot(t, dest)
	for i := range 3 {
		page := written[fmt.Sprintf("news/n%d/index.html", i)]
		if !strings.Contains(page, "本栏目的&lt;strong&gt;介绍&lt;/strong&gt;。") {
			t.Errorf("news/n%d/index.html lacks its section's introduction: %.300q", i, page[strings.Index(page, "<main"):])
		}
	}
}

// folio build reads each page's Markdown again as it converts it: a file
// saved in between (an editor's save during a build) fails the build with
// R13 at the file, and the site as it was stays.
func TestBuildFileChangedWhileBuilding(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyTheme(t, filepath.Join(dir, "themes", "default"))
	write("config.toml", "title = \"测试\"\n")(dir)
	write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n欢迎。\n")(dir)
	write("content/news/a.md", "+++\ntitle = \"甲\"\ndate = 2026-01-01\n+++\n正文。\n")(dir)
	dest := filepath.Join(t.TempDir(), "public")
	opts := generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow}
	if _, err := generator.Build(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dest)
	opts.Fault = func(stage, name string) {
		if stage == "markdown" && name == "content/news/a.md" {
			write("content/news/a.md", "+++\ntitle = \"甲\"\ndate = 2026-01-01\n+++\n改过的正文。\n")(dir)
		}
	}
	res, err := generator.Build(context.Background(), opts)
	if err == nil {
		t.Fatal("a file changed during the build, and the build went on")
	}
	if !slices.ContainsFunc(res.Diagnostics, func(d diag.Diagnostic) bool {
		return d.Code == diag.FileChanged && d.Pos.File == "content/news/a.md"
	}) {
		t.Errorf("no R13 at content/news/a.md: %v", res.Diagnostics)
	}
	if after := snapshot(t, dest); !maps.Equal(before, after) {
		t.Error("the failed build changed the site")
	}
}
