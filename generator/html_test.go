package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/mmcdole/gofeed"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// Every page of the sample site is valid HTML, and every stylesheet valid
// CSS, for the Nu Html Checker, as built and minified.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	jar := testkit.Tool(t, "VNU_JAR", "npm install vnu-jar and set VNU_JAR to node_modules/vnu-jar/build/dist/vnu.jar")
	dir := testkit.Sample(t, "..")
	var dests []string
	for _, minify := range []bool{false, true} {
		dest := filepath.Join(dir, fmt.Sprintf("public-minify-%v", minify))
		_, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow, Minify: minify})
		if err != nil {
			t.Fatal(err)
		}
		dests = append(dests, dest)
	}
	out, err := exec.Command("java", append([]string{"-jar", jar, "--skip-non-html", "--errors-only"}, dests...)...).CombinedOutput()
	if err != nil {
		t.Errorf("the Nu Html Checker found errors (%v):\n%s", err, out)
	}
	// And the stylesheets, as built and minified, pass its CSS check.
	var styles []string
	for _, dest := range dests {
		found, _ := filepath.Glob(filepath.Join(dest, "css", "*.css"))
		more, _ := filepath.Glob(filepath.Join(dest, "*.css"))
		styles = append(append(styles, found...), more...)
	}
	if len(styles) < 4 {
		t.Fatalf("stylesheets: %v", styles)
	}
	if out, err := exec.Command("java", append([]string{"-jar", jar, "--css", "--errors-only"}, styles...)...).CombinedOutput(); err != nil {
		t.Errorf("the CSS check found errors (%v):\n%s", err, out)
	}
}

// --minify makes pages, stylesheets and feeds smaller, and the feeds still
// read in a feed parser.
func TestMinify(t *testing.T) {
	t.Parallel()
	root := os.DirFS(testkit.Sample(t, ".."))
	plain, err := generator.Build(context.Background(), generator.Options{Root: root, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	small, err := generator.Build(context.Background(), generator.Options{Root: root, Now: fixedNow, Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	if m := small.Minified; m.Before == 0 || m.After >= m.Before {
		t.Errorf("minified %d -> %d bytes", m.Before, m.After)
	}
	for _, p := range []string{"index.html", "about/index.html", "feed.xml", "sitemap.xml"} {
		a, _ := output(plain, p)
		b, _ := output(small, p)
		if len(b) == 0 || len(b) >= len(a) {
			t.Errorf("%s: %d bytes minified, %d plain", p, len(b), len(a))
		}
	}
	if _, err := gofeed.NewParser().Parse(bytes.NewReader(small.Site.Files["feed.xml"])); err != nil {
		t.Errorf("the minified feed does not parse: %v", err)
	}
}
