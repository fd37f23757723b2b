// Command floor is the lower bound a full build is compared with
// (docs/bench.sh): only what any generator must do with a folio site's
// pages. It reads every content/**/*.md, decodes its TOML front matter into
// a map, converts its Markdown with goldmark set up as folio's markup
// package sets it up (GFM, footnotes, heading IDs), and writes the HTML to
// DEST/<path below content/ without .md>/index.html, on GOMAXPROCS workers.
// No templates, no site model, no lists, feeds or search index.
//
//	go run ./cmd/floor -s SITE -d DEST
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

func main() {
	site := flag.String("s", ".", "the site's folder, holding content/")
	dest := flag.String("d", "", "the folder to write (required)")
	flag.Parse()
	if *dest == "" {
		fmt.Fprintln(os.Stderr, "floor: -d DEST is required")
		os.Exit(2)
	}
	content := filepath.Join(*site, "content")
	var files []string
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	// As generator/markup.New, less folio's own extension for emphasis
	// next to Chinese punctuation and its heading IDs that keep Chinese.
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	jobs := make(chan string)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Go(func() {
			for f := range jobs {
				if err := page(md, content, f, *dest); err != nil && errs[w] == nil {
					errs[w] = err
				}
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
}

// page converts one Markdown file and writes its HTML.
func page(md goldmark.Markdown, content, file, dest string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	front, body := split(src)
	var meta map[string]any
	if err := toml.Unmarshal(front, &meta); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	var html bytes.Buffer
	if err := md.Convert(body, &html); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	rel, err := filepath.Rel(content, file)
	if err != nil {
		return err
	}
	dir := filepath.Join(dest, strings.TrimSuffix(rel, ".md"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), html.Bytes(), 0o644)
}

// split returns the front matter between the first two +++ lines, and the
// Markdown after them; a file that does not start with +++ is all Markdown.
func split(src []byte) (front, body []byte) {
	rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
	if !ok {
		return nil, src
	}
	if body, ok := bytes.CutPrefix(rest, []byte("+++\n")); ok {
		return nil, body
	}
	front, body, ok = bytes.Cut(rest, []byte("\n+++\n"))
	if !ok {
		return nil, src
	}
	return front, body
}
