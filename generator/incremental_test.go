package generator_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator"
)

// A build that reuses the cache of the previous one gives exactly the files
// of a build from scratch, after every kind of edit an editor makes: text,
// a date that moves a page between list pages, a slug that other pages
// link to, a new page, a deleted page, an image's size, a renamed folder,
// a committee's title, an event's dates.
func TestIncrementalEqualsFull(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("..")); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, "public"))
	cache := generator.NewCache()
	var changed []string // what the edits touched, as a watcher reports it
	build := func(c *generator.Cache) *generator.Result {
		t.Helper()
		opts := generator.Options{Root: os.DirFS(dir), Now: fixedNow, Cache: c}
		if c != nil {
			opts.Changed, changed = changed, []string{}
		}
		res, err := generator.Build(context.Background(), opts)
		if err != nil {
			var b bytes.Buffer
			res.Diagnostics.Print(&b, 0)
			t.Fatalf("build: %v\n%s", err, b.String())
		}
		return res
	}
	build(cache)
	tick := time.Now()
	edit := func(name string, change func(string) string) {
		t.Helper()
		p := filepath.Join(dir, "content", name)
		changed = append(changed, "content/"+name)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		after := change(string(b))
		if after == string(b) {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		if err := os.WriteFile(p, []byte(after), 0o644); err != nil {
			t.Fatal(err)
		}
		tick = tick.Add(time.Second) // a new modification time, as a later save has
		os.Chtimes(p, tick, tick)
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"text of a post", func() {
			edit("news/2024/skills-fair.md", func(s string) string { return s + "\n新增的一段话。\n" })
		}},
		{"a date that reorders lists", func() {
			edit("news/2023/cnc-teaching-seminar.md", func(s string) string { return strings.Replace(s, "date = 2023-11-17", "date = 2026-11-20", 1) })
		}},
		{"a slug other pages link to", func() {
			edit("notices/2020/development-plan-2020-2024.md", func(s string) string {
				return strings.Replace(s, "+++\n", "+++\nslug = \"plan\"\n", 1)
			})
		}},
		{"a new page in a new folder", func() {
			os.MkdirAll(filepath.Join(dir, "content/news/2027"), 0o755)
			os.WriteFile(filepath.Join(dir, "content/news/2027/new.md"), []byte("+++\ntitle = \"新文章\"\ndate = 2026-11-01\ntags = [\"技工教育\"]\n+++\n新的正文。\n"), 0o644)
			changed = append(changed, "content/news/2027") // a watcher reports the new folder
		}},
		{"a deleted page", func() {
			os.Remove(filepath.Join(dir, "content/notices/2025/paper-call.md"))
			changed = append(changed, "content/notices/2025/paper-call.md")
		}},
		{"an image redrawn at another size", func() { // no URL moves: only the image's width and height in the page change
			edit("news/2025/summer-camp/photo.svg", func(s string) string {
				return strings.Replace(s, `width="800" height="500"`, `width="640" height="400"`, 1)
			})
		}},
		{"a renamed bundle folder", func() {
			os.Rename(filepath.Join(dir, "content/news/2025/summer-camp"), filepath.Join(dir, "content/news/2025/camp"))
			changed = append(changed, "content/news/2025/summer-camp", "content/news/2025/camp")
		}},
		{"a committee's title", func() {
			edit("committees/cnc/_index.md", func(s string) string {
				return strings.Replace(s, "title = \"数控委员会\"", "title = \"数控专业委员会\"", 1)
			})
		}},
		{"an event's dates", func() {
			edit("events/summer-camp-2026.md", func(s string) string { return strings.Replace(s, "2026-07", "2027-07", -1) })
		}},
	}
	for _, step := range steps {
		step.do()
		incremental := build(cache)
		full := build(nil)
		if incremental.Rendered >= full.Rendered {
			t.Errorf("%s: the cached build rendered %d outputs, as many as a full one (%d)", step.name, incremental.Rendered, full.Rendered)
		}
		a, b := incremental.Site.Paths(), full.Site.Paths()
		if strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("%s: the cached build made %d files, a full one %d", step.name, len(a), len(b))
			continue
		}
		for _, p := range a {
			x, _ := output(incremental, p)
			y, _ := output(full, p)
			if !bytes.Equal(x, y) {
				t.Errorf("%s: %s differs between the cached build and a full one", step.name, p)
			}
		}
	}
}
