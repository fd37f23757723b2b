package generator_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// TestBadInput is the table of what editors and CI will feed folio. Each
// row either fails with a clear message at its position, leaving the
// previous public/ exactly as it was, or is accepted on purpose.
func TestBadInput(t *testing.T) {
	t.Parallel()
	big := "+++\ntitle = \"很长的文章\"\n+++\n" + strings.Repeat("职业技能培训和技工教育协会发展规划。\n\n", 20<<20/56)
	tests := []struct {
		name  string
		setup func(dir string)
		want  string // "" means the build succeeds
	}{
		{"unclosed +++", write("content/a.md", "+++\ntitle = \"a\"\n"), "content/a.md:1:1: front matter: the +++ on line 1 is never closed"},
		{"malformed TOML", write("content/a.md", "+++\ntitle = \"a\n+++\n"), "content/a.md:2:11: front matter: strings cannot contain newlines"},
		{"a date that is not one", write("content/news/a.md", "+++\ntitle = \"a\"\ndate = \"昨天\"\n+++\n"), `content/news/a.md:3:1: front matter: date = "昨天" is not a date`},
		{"a list written as text", write("content/a.md", "+++\ntitle = \"a\"\ntags = \"a\"\n+++\n"), `content/a.md:3:1: front matter: tags must be a list, like tags = ["a"]`},
		{"an empty file", write("content/a.md", ""), "content/a.md:1:1: the file has no front matter"},
		{"a UTF-8 byte order mark", write("content/a.md", "\ufeff+++\ntitle = \"a\"\n+++\n正文\n"), ""},
		{"CRLF line ends", write("content/a.md", "+++\r\ntitle = \"a\"\r\n+++\r\n正文\r\n"), ""},
		{"invalid UTF-8 (GBK)", write("content/a.md", "+++\ntitle = \"a\"\n+++\n\xd6\xd0\xce\xc4\n"), "content/a.md:4:1: the file is not valid UTF-8 text"},
		{"a 20 MB Markdown file", write("content/big.md", big), ""},
		{"a binary file in content/", write("content/files/data.bin", "\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"), ""},
		// Issue 19: photos. Each is refused at the Markdown that shows it,
		// before any pixel is decoded (and published not at all).
		{"a PNG that is not one", write("content/files/photo.png", "\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"), "content/files/photo.png: the file cannot be read as an image (unexpected EOF)"},
		{"a decompression bomb (100000×100000 PNG)", photoPage("bomb.png", testkit.Bomb(100_000, 100_000)), "content/news/p/index.md:5:1: image bomb.png: the image says it is 100000×100000 pixels, more than the 60 million folio decodes"},
		{"a truncated phone photo", photoPage("cut.jpg", testkit.PhoneJPEG(640, 480, 6, 1)[:20000]), "content/news/p/index.md:5:1: image cut.jpg: the file is cut short"},
		{"a HEIC photo from an iPhone", photoPage("IMG_0001.HEIC", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")), "content/news/p/index.md:5:1: image IMG_0001.HEIC: the photo is in HEIC format, which browsers other than Safari cannot show; export it as JPEG"},
		{"a HEIC photo renamed .jpg", photoPage("IMG_0002.jpg", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic")), "content/news/p/index.md:5:1: image IMG_0002.jpg: the photo is in HEIC format"},
		{"a HEIC photo no page shows", write("content/files/IMG_0003.heic", "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), "content/files/IMG_0003.heic: the photo is in HEIC format"},
		{"a binary file named .md", write("content/x.md", "\x00\x01\x02\xff\xfe"), "content/x.md:1:4: the file is not valid UTF-8 text"},
		{"a symbolic link loop", func(dir string) { os.Symlink(filepath.Join(dir, "content"), filepath.Join(dir, "content", "loop")) }, ""},
		{"two pages with one URL", func(dir string) {
			write("content/a.md", "+++\ntitle = \"a\"\n+++\n")(dir)
			write("content/b.md", "+++\ntitle = \"b\"\nurl = \"/a/\"\n+++\n")(dir)
		}, "content/a.md and content/b.md:3:1 both make a/index.html"},
		{"a url that leaves the site", write("content/a.md", "+++\ntitle = \"a\"\nurl = \"../../etc/x\"\n+++\n"), `content/a.md:3:1: front matter: url "../../etc/x" must be a path from the site root`},
		{"a slug that leaves the site", write("content/a.md", "+++\ntitle = \"a\"\nslug = \"../../x\"\n+++\n"), `content/a.md:3:1: front matter: slug "../../x" must be one part of a URL`},
		// Issue 17: what a URL, slug or file name may hold. They are written
		// into calendars, feeds and the sitemap, where a line break starts a
		// new property and " or < ends an attribute or a tag.
		{"a line break in a slug", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nslug = \"e\\r\\nATTENDEE:mailto:x@example.org\"\n+++\n"), `content/events/e.md:4:1: front matter: slug "e\r\nATTENDEE:mailto:x@example.org" has a line break, which cannot be in a URL`},
		{"a line break in a url", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nurl = \"/e/\\nATTENDEE:x/\"\n+++\n"), `content/events/e.md:4:1: front matter: url "/e/\nATTENDEE:x/" has a line break, which cannot be in a URL`},
		{"a line break in a file name", write("content/events/e\nATTENDEE:x.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\n+++\n"), `content/events/e` + "\n" + `ATTENDEE:x.md:1:1: the file's path "events/e\nATTENDEE:x" has a line break, which cannot be in a URL; rename the file or its folder, or set url`},
		{"a line break in a folder's name", write("content/a\rb/_index.md", "+++\ntitle = \"a\"\n+++\n"), `the file's path "a\rb" has a line break`},
		{"a space in a url", write("content/a.md", "+++\ntitle = \"a\"\nurl = \"/a b/\"\n+++\n"), `content/a.md:3:1: front matter: url "/a b/" has a space, which cannot be in a URL; write it like "/news/skills-fair/"`},
		{"a < in a slug", write("content/a.md", "+++\ntitle = \"a\"\nslug = \"<b>\"\n+++\n"), `content/a.md:3:1: front matter: slug "<b>" has the character <`},
		{"a quote in a url", write("content/a.md", "+++\ntitle = \"a\"\nurl = '/a\"onload=\"x/'\n+++\n"), `content/a.md:3:1: front matter: url "/a\"onload=\"x/" has the character "`},
		{"a NUL in a slug", write("content/a.md", "+++\ntitle = \"a\"\nslug = \"a\\u0000b\"\n+++\n"), `content/a.md:3:1: front matter: slug "a\x00b" has a NUL character (U+0000)`},
		{"a control character in an alias", write("content/a.md", "+++\ntitle = \"a\"\naliases = [\"/old\\u001b/\"]\n+++\n"), `content/a.md:3:1: front matter: alias "/old\x1b/" has the invisible control character U+001B`},
		{"an escape in a url", write("content/a.md", "+++\ntitle = \"a\"\nurl = \"/%E6%96%B0/\"\n+++\n"), `content/a.md:3:1: front matter: url "/%E6%96%B0/" has "%E6", which reads as an encoded character`},
		{"a % in a file name (50%off.md)", write("content/50%off.md", "+++\ntitle = \"五折\"\n+++\n"), ""},
		{"a registration link that runs script", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nregistration = \"javascript:alert(document.cookie)\"\n+++\n"), `content/events/e.md:4:1: front matter: registration = "javascript:alert(document.cookie)" is a javascript: link`},
		{"a data: registration link", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nregistration = \"DATA:text/html,<script>x</script>\"\n+++\n"), `content/events/e.md:4:1: front matter: registration = "DATA:text/html,<script>x</script>" has the character <`},
		{"an icpLink that runs script", write("config.toml", "title = \"测试\"\n[footer]\nicp = \"粤ICP备00000000号\"\nicpLink = \"javascript:alert(1)\"\n"), `config.toml:4:1: config: icpLink = "javascript:alert(1)" is a javascript: link`},
		{"a vbscript: menu link", write("config.toml", "title = \"测试\"\n[[menu.main]]\nname = \"首页\"\nurl = \"/\"\n[[menu.main]]\nname = \"坏\"\nurl = \"vbscript:msgbox(1)\"\n"), `config.toml:7:1: config: menu "坏": url "vbscript:msgbox(1)" is a vbscript: link`},
		{"a tag of punctuation only", write("content/a.md", "+++\ntitle = \"a\"\ntags = [\"!!!\"]\n+++\n"), `content/a.md:3:1: front matter: tags: "!!!" has no letter or digit to make the term's address from`},
		{"two spellings of one tag", func(dir string) {
			write("content/a.md", "+++\ntitle = \"a\"\ntags = [\"Section\"]\n+++\n")(dir)
			write("content/b.md", "+++\ntitle = \"b\"\ntags = [\"section\"]\n+++\n")(dir)
		}, `front matter: tags: "section" and "Section" (in content/a.md) both make the term page /tags/section/; write the term the same way in both pages`},
		{"an event ending before it starts", write("content/events/e.md", "+++\ntitle = \"e\"\nstart = 2024-07-15\nend = 2024-07-14\n+++\n"), "content/events/e.md:4:1: front matter: the event ends"},
		{"a journal article outside an issue", write("content/journal/a.md", "+++\ntitle = \"a\"\n+++\n"), "content/journal/a.md:1:1: a journal article must be in an issue's folder"},
		// Issue 17: with unsafe = false, script reaches readers through no
		// file of content/ (drawings: testdata/sites/svg-sanitized.txtar).
		{"an HTML file in content/", write("content/notices/2024/raw.html", "<p>通知</p><script>alert(document.cookie)</script>"), "content/notices/2024/raw.html: a file of HTML (.html) in content/ would be published as it is, and a script in it would run on the site; write it as Markdown (a .md file with front matter), or, if everyone who can commit to the site is trusted, set unsafe = true under [markup] in config.toml"},
		{"an HTML file in a bundle", func(dir string) {
			write("content/news/a/index.md", "+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n")(dir)
			write("content/news/a/form.HTM", "<script>x</script>")(dir)
		}, "content/news/a/form.HTM: a file of HTML (.htm) in content/ would be published as it is"},
		{"an XHTML file in content/", write("content/x.xhtml", `<html xmlns="http://www.w3.org/1999/xhtml"><script>x</script></html>`), "content/x.xhtml: a file of HTML (.xhtml) in content/"},
		{"a drawing that is not well-formed", write("content/files/broken.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <g>\n</svg>\n"), "content/files/broken.svg:3:7: the drawing cannot be read as SVG: element <g> closed by </svg>; export it again as plain SVG from the drawing program"},
		{"a drawing with entities (billion laughs)", write("content/files/lol.svg", "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n<svg><text>&b;</text></svg>"), "content/files/lol.svg:2:15: the drawing cannot be read as SVG: invalid character entity &b;"},
		{"a compressed drawing", write("content/files/map.svgz", "\x1f\x8b\x08\x00"), "content/files/map.svgz: a compressed drawing (.svgz) cannot be checked for script; save it as plain .svg"},
		{"a layout the theme does not have", write("content/a.md", "+++\ntitle = \"a\"\nlayout = \"singel\"\n+++\n"), `content/a.md:3:1: front matter: layout "singel" is not a layout of the theme; did you mean "single"? the layouts are "404", "archive", "archives", "article", "event", "home", "issue", "journal", "list", "search", "single", "taxonomy"; use one of them, or leave layout out`},
		{"a template error in the theme", write("themes/default/layouts/single.html", "{{define \"main\"}}{{.Page.Nope}}{{end}}"), "themes/default/layouts/single.html:1:24: theme: executing \"main\" at <.Page.Nope>"},
		// Issue 17, item 4: input whose work grows with the square of its
		// size. Every stage is linear, and limits no real site reaches are
		// errors at their place instead of minutes of CPU.
		{"1,000 tags on one page", write("content/a.md", "+++\ntitle = \"a\"\ntags = ["+terms(1000)+"]\n+++\n"), "content/a.md:3:1: front matter: tags has 1000 terms, more than the 200 a page may have"},
		{"100,000 links on one page", write("content/a.md", "+++\ntitle = \"a\"\n+++\n"+strings.Repeat("见[链接](https://example.org/x/)。\n", 100000)), ""},
		{"100,000 unknown keys", write("content/a.md", "+++\ntitle = \"a\"\n"+numbered("key%d = 1\n", 100000)+"+++\n"), "content/a.md:1002:1: front matter: 100001 keys, more than the 1000 a document may have"},
		{"1,000 levels of nested list", write("content/a.md", "+++\ntitle = \"a\"\n+++\n"+nestedList(1000)), "content/a.md:104:1: a list or quote nested more than 100 levels deep"},
		{"4,000 levels of quote in one line", write("content/a.md", "+++\ntitle = \"a\"\n+++\n正文\n"+strings.Repeat("> ", 4000)+"x\n"), "content/a.md:5:1: a list or quote nested more than 100 levels deep"},
		{"a 40 MB Markdown file", func(dir string) {
			write("content/big.md", "")(dir)
			os.Truncate(filepath.Join(dir, "content", "big.md"), 40<<20) // sparse: never read
		}, "content/big.md:1:1: the file has 40.0 MB, more than the 32 MB a Markdown file may have"},
		{"a missing theme", write("config.toml", "title = \"测试\"\ntheme = \"nope\"\n"), `config.toml:2:1: config: theme "nope" not found`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir, dest, before := builtSite(t)
			tt.setup(dir)
			res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow})
			var b strings.Builder
			res.Diagnostics.Print(&b, 0)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("rejected: %v\n%s", err, b.String())
				}
				return
			}
			if !errors.Is(err, generator.ErrContent) || !strings.Contains(b.String(), tt.want) {
				t.Errorf("got %v:\n%s\nwant a message containing %q", err, b.String(), tt.want)
			}
			if strings.Contains(b.String(), "goroutine ") || strings.Contains(b.String(), "panic") {
				t.Errorf("a stack trace reached the editor")
			}
			sameTree(t, dest, before)
			if _, err := os.Stat(filepath.Join(dir, ".public.folio-staging")); err == nil {
				t.Errorf("the failed build left its staging folder")
			}
		})
	}
}

// photoPage writes a news post in a bundle that shows the photo name
// (on line 5), with the photo's bytes beside it.
func photoPage(name string, photo []byte) func(dir string) {
	return func(dir string) {
		write("content/news/p/index.md", "+++\ntitle = \"照片\"\ndate = 2024-06-01\n+++\n![合影]("+name+")\n")(dir)
		write("content/news/p/"+name, string(photo))(dir)
	}
}

// refusing is a file system that lists name but refuses to open it, as a
// file without read permission is refused to any user but root.
type refusing struct {
	fs.FS
	name string
}

func (r refusing) Open(name string) (fs.File, error) {
	if name == r.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return r.FS.Open(name)
}

// terms returns n different tags, written as a TOML array's items.
func terms(n int) string {
	return numbered(`"标签%d", `, n)
}

// numbered repeats format with 0, 1, ... n-1.
func numbered(format string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

// nestedList is a list nested n levels deep by indentation.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- 第一层之下\n")
	}
	return b.String()
}

// The destination cases and Ctrl-C: refused or stopped before public/ is
// touched.
func TestBadDestinationsAndInterrupts(t *testing.T) {
	t.Parallel()
	dir, dest, before := builtSite(t)
	for _, d := range []string{dir, filepath.Join(dir, "content"), filepath.Join(dir, "content", "public")} {
		_, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: d, Now: fixedNow})
		var usage *generator.UsageError
		if !errors.As(err, &usage) {
			t.Errorf("destination %s: %v, want it refused", d, err)
		}
	}
	// A destination that cannot be written: its parent is a file.
	_, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: filepath.Join(dir, "config.toml", "public"), Now: fixedNow})
	if err == nil {
		t.Errorf("writing below a file succeeded")
	}
	// Ctrl-C before the build: it stops, and nothing is written.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	write("content/new.md", "+++\ntitle = \"新\"\n+++\n")(dir)
	if _, err := generator.Build(ctx, generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow}); !errors.Is(err, context.Canceled) {
		t.Errorf("an interrupted build returned %v", err)
	}
	sameTree(t, dest, before)
}

func write(name, text string) func(dir string) {
	return func(dir string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
}

// builtSite makes a small site with the repository's theme, builds it, and
// returns its folder, its public/ and what public/ holds.
func builtSite(t *testing.T) (string, string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	copyTheme(t, filepath.Join(dir, "themes", "default"))
	write("config.toml", "title = \"测试\"\n")(dir)
	write("content/_index.md", "+++\ntitle = \"首页\"\n+++\n")(dir)
	write("content/ok.md", "+++\ntitle = \"好\"\n+++\n正文。\n")(dir)
	dest := filepath.Join(dir, "public")
	if _, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	return dir, dest, snapshot(t, dest)
}

func sameTree(t *testing.T, dest string, before map[string]string) {
	t.Helper()
	after := snapshot(t, dest)
	if len(after) != len(before) {
		t.Errorf("public/ changed: %d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if after[p] != b {
			t.Errorf("public/%s changed", p)
		}
	}
}

// An unreadable file is an error naming it. Root reads any file whatever
// its mode, and CI runs as root, so the file system refuses it instead.
func TestUnreadableFile(t *testing.T) {
	t.Parallel()
	dir, dest, before := builtSite(t)
	write("content/secret.md", "+++\ntitle = \"s\"\n+++\n")(dir)
	root := refusing{FS: os.DirFS(dir), name: "content/secret.md"}
	res, err := generator.Build(context.Background(), generator.Options{Root: root, RootDir: dir, Destination: dest, Now: fixedNow})
	var b strings.Builder
	res.Diagnostics.Print(&b, 0)
	if err == nil || !strings.Contains(b.String(), "content/secret.md: cannot read") {
		t.Errorf("got %v: %s", err, b.String())
	}
	sameTree(t, dest, before)
}
