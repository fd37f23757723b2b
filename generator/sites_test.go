package generator_test

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

var update = flag.Bool("update", false, "rewrite the expected outputs in testdata/sites/*.txtar")

// TestSites builds each small site in testdata/sites. An archive holds the
// site's files and what the build must give:
//
//	-- public/<path> --   a file of the built site, byte for byte
//	-- absent --          paths (one a line) the build must not produce
//	-- diagnostics --     every error and warning, as printed; none if absent
//
// The archive's comment sets options: "now: 2024-06-21T12:00:00+08:00",
// "drafts", "future", "baseURL: https://example.org/sub/", "theme: mini" (testdata/theme-mini, whose layouts
// print the model in a few plain lines). A site without themes/ gets the
// repository's default theme. go test -update rewrites public/ and diagnostics sections.
func TestSites(t *testing.T) {
	archives, err := filepath.Glob("testdata/sites/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no test sites: %v", err)
	}
	themes := map[string]fstest.MapFS{
		"default": readTree(t, "../themes/default", "themes/default"),
		"mini":    readTree(t, "testdata/theme-mini", "themes/default"),
	}
	// The mini theme prints the model plainly, with the default theme's
	// shortcodes, which are what sites use, and the strings they show.
	for _, dir := range []string{"layouts/shortcodes", "i18n"} {
		for p, f := range readTree(t, "../themes/default/"+dir, "themes/default/"+dir) {
			themes["mini"][p] = f
		}
	}
	for _, file := range archives {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkSite(t, file, themes)
		})
	}
}

// withDefaultTheme makes a site in memory of the given files (path ->
// text) and the default theme.
func withDefaultTheme(t *testing.T, files map[string]string) fstest.MapFS {
	t.Helper()
	site := readTree(t, "../themes/default", "themes/default")
	for name, text := range files {
		site[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return site
}

// readTree reads a folder on disk into a MapFS under prefix.
func readTree(t testing.TB, dir, prefix string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[prefix+"/"+filepath.ToSlash(rel)] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func checkSite(t *testing.T, file string, themes map[string]fstest.MapFS) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// CheckPartials: a partialCached key that lies is a diagnostic here too.
	opts := generator.Options{Workers: 4, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.FixedZone("CST", 8*3600)), CheckPartials: true}
	theme := themes["default"]
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		key, value, _ := strings.Cut(strings.TrimSpace(line), ":")
		switch key {
		case "now":
			opts.Now, err = time.Parse(time.RFC3339, strings.TrimSpace(value))
			if err != nil {
				t.Fatal(err)
			}
		case "theme":
			theme = themes[strings.TrimSpace(value)]
		case "baseURL":
			opts.BaseURL = strings.TrimSpace(value)
		case "drafts":
			opts.Drafts = true
		case "future":
			opts.Future = true
		}
	}
	site := fstest.MapFS{}
	hasTheme := false
	for _, f := range ar.Files {
		if !strings.HasPrefix(f.Name, "public/") && f.Name != "absent" && f.Name != "diagnostics" {
			site[f.Name] = &fstest.MapFile{Data: f.Data}
			hasTheme = hasTheme || strings.HasPrefix(f.Name, "themes/")
		}
	}
	if !hasTheme {
		for k, v := range theme {
			site[k] = v
		}
	}
	opts.Root = site
	res, _ := generator.Build(context.Background(), opts)

	var diags bytes.Buffer
	res.Diagnostics.Print(&diags, diag.English, 0)
	if diags.Len() > 0 { // diagnostics come in one order, whatever the workers
		one := opts
		one.Workers = 1
		again, _ := generator.Build(context.Background(), one)
		var b bytes.Buffer
		again.Diagnostics.Print(&b, diag.English, 0)
		if b.String() != diags.String() {
			t.Errorf("diagnostics differ between 4 workers and 1:\n%s\n---\n%s", diags.String(), b.String())
		}
	}
	changed := false
	sawDiagnostics := false
	for i, f := range ar.Files {
		switch {
		case f.Name == "diagnostics":
			sawDiagnostics = true
			if got := diags.String(); got != string(f.Data) {
				if *update {
					ar.Files[i].Data, changed = []byte(got), true
					continue
				}
				t.Errorf("diagnostics:\ngot:\n%s\nwant:\n%s", got, f.Data)
			}
		case f.Name == "absent":
			if res.Site == nil {
				t.Errorf("the build failed, so the absent section proves nothing")
			}
			for _, p := range strings.Fields(string(f.Data)) {
				if _, ok := output(res, p); ok {
					t.Errorf("%s was built, but must not be", p)
				}
			}
		case strings.HasPrefix(f.Name, "public/"):
			p := strings.TrimPrefix(f.Name, "public/")
			got, ok := output(res, p)
			if !ok {
				t.Errorf("%s was not built", p)
				continue
			}
			if !bytes.Equal(got, f.Data) {
				if *update {
					ar.Files[i].Data, changed = got, true
					continue
				}
				t.Errorf("%s:\ngot:\n%s\nwant:\n%s", p, got, f.Data)
			}
		}
	}
	if !sawDiagnostics && diags.Len() > 0 {
		t.Errorf("unexpected diagnostics (add a diagnostics section if they are meant):\n%s", diags.String())
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// output returns a file of the built site, rendered or copied.
func output(res *generator.Result, p string) ([]byte, bool) {
	if res.Site == nil {
		return nil, false
	}
	if b, ok := res.Site.Files[p]; ok {
		return b, true
	}
	if src, ok := res.Site.Copies[p]; ok {
		b, err := fs.ReadFile(res.Site.FS, src)
		return b, err == nil
	}
	return nil, false
}
