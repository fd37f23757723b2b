// Command photosite writes a site of news posts with phone photos, for
// docs/photos-bench.sh: N photos of 4032×3024 pixels as a phone writes
// them (JPEG, EXIF Orientation and GPS; every third one a portrait, stored
// turned with Orientation 6), three to a post, once as a folio site and
// once as a Hugo site whose layout makes the same widths at the same JPEG
// quality. The photos are generated (testkit.PhoneJPEG), never taken from
// content/.
//
//	go run ./cmd/photosite -n 200 -out /tmp/photos
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"folio.dev/folio/generator/testkit"
)

const hugoSingle = `<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>
{{ range .Resources.ByType "image" }}
{{- $a := .Resize "480x q78" }}{{ $p := .Resize "680x q78" }}{{ $b := .Resize "800x q78" }}{{ $c := .Resize "1200x q78" }}{{ $d := .Resize "1600x q78" -}}
<img src="{{ $p.RelPermalink }}" srcset="{{ $a.RelPermalink }} 480w, {{ $p.RelPermalink }} 680w, {{ $b.RelPermalink }} 800w, {{ $c.RelPermalink }} 1200w, {{ $d.RelPermalink }} 1600w" sizes="(max-width: 44.5rem) calc(100vw - 2rem), 42.5rem" width="{{ $d.Width }}" height="{{ $d.Height }}" alt="">
{{ end }}
{{ .Content }}</body></html>
`

func main() {
	n := flag.Int("n", 200, "photos")
	out := flag.String("out", "", "folder to write folio/ and hugo/ into")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "photosite: -out is required")
		os.Exit(2)
	}
	write := func(name string, data []byte) {
		for _, site := range []string{"folio", "hugo"} {
			p := filepath.Join(*out, site, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				panic(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				panic(err)
			}
		}
	}
	posts := (*n + 2) / 3
	for i := range posts {
		body := fmt.Sprintf("+++\ntitle = \"第%d期培训班圆满结业\"\ndate = 2026-06-%02d\n+++\n", i+1, i%28+1)
		for j := range 3 {
			if 3*i+j < *n {
				body += fmt.Sprintf("\n![学员合影%d](photo%d.jpg)\n\n培训班学员在实训车间合影。\n", j+1, j+1)
			}
		}
		write(fmt.Sprintf("content/news/post%03d/index.md", i), []byte(body))
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for k := range next {
				o := 1
				if k%3 == 2 {
					o = 6
				}
				write(fmt.Sprintf("content/news/post%03d/photo%d.jpg", k/3, k%3+1), testkit.PhoneJPEG(4032, 3024, o, uint64(k)))
			}
		})
	}
	for k := range *n {
		next <- k
	}
	close(next)
	wg.Wait()
	must(os.WriteFile(filepath.Join(*out, "folio", "config.toml"), []byte("title = \"照片\"\nbaseURL = \"https://example.org/\"\n"), 0o644))
	must(os.WriteFile(filepath.Join(*out, "folio", "content", "_index.md"), []byte("+++\ntitle = \"首页\"\n+++\n"), 0o644))
	must(os.WriteFile(filepath.Join(*out, "hugo", "content", "_index.md"), []byte("+++\ntitle = \"首页\"\n+++\n"), 0o644))
	must(os.WriteFile(filepath.Join(*out, "hugo", "hugo.toml"), []byte("title = \"照片\"\nbaseURL = \"https://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n[imaging]\nquality = 78\nresampleFilter = \"box\"\n"), 0o644))
	must(os.MkdirAll(filepath.Join(*out, "hugo", "layouts", "_default"), 0o755))
	must(os.WriteFile(filepath.Join(*out, "hugo", "layouts", "_default", "single.html"), []byte(hugoSingle), 0o644))
	must(os.WriteFile(filepath.Join(*out, "hugo", "layouts", "_default", "list.html"), []byte("<!DOCTYPE html><title>{{ .Title }}</title>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}\n"), 0o644))
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
