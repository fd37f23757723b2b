package generator_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/testkit"
)

// photoSite is a news post with photos straight from a phone: a portrait
// 4032×3024 JPEG with EXIF Orientation 6 and GPS, a landscape one, a small
// PNG, and a photo in a folder of its own that a page links to.
func photoSite(t *testing.T, portrait bool) map[string]string {
	t.Helper()
	var small bytes.Buffer
	if err := png.Encode(&small, image.NewGray(image.Rect(0, 0, 300, 200))); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"config.toml":       "title = \"测试\"\nbaseURL = \"https://www.example.org/\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/news/2026/camp/index.md": "+++\ntitle = \"夏令营\"\ndate = 2026-07-01\n+++\n" +
			"![学员合影](portrait.jpg)\n\n正文。\n\n![实训车间](landscape.jpg \"车间\")\n\n![徽标](badge.png)\n\n[原图](portrait.jpg)\n\n{{< figure src=\"landscape.jpg\" caption=\"实训车间\" >}}\n",
		"content/news/2026/camp/portrait.jpg":  "",
		"content/news/2026/camp/landscape.jpg": string(testkit.PhoneJPEG(2000, 1500, 1, 2)),
		"content/news/2026/camp/badge.png":     small.String(),
		"content/files/map.jpg":                string(testkit.PhoneJPEG(1000, 750, 3, 3)),
		"content/about.md":                     "+++\ntitle = \"关于\"\n+++\n![地图](files/map.jpg)\n",
		"content/journal/2026/1/_index.md":     "+++\ntitle = \"2026年第1期\"\nnumber = 1\ndate = 2026-03-01\ncover = \"cover.jpg\"\n+++\n",
		"content/journal/2026/1/cover.jpg":     string(testkit.PhoneJPEG(1240, 1754, 1, 4)),
	}
	if portrait {
		files["content/news/2026/camp/portrait.jpg"] = string(testkit.PhoneJPEG(4032, 3024, 6, 1))
	} else {
		delete(files, "content/news/2026/camp/portrait.jpg")
		files["content/news/2026/camp/index.md"] = strings.ReplaceAll(files["content/news/2026/camp/index.md"], "portrait.jpg", "landscape.jpg")
	}
	return files
}

// TestPhotosPublished builds a site of phone photos and reads every
// published image back: each decodes, none carries EXIF, XMP or IPTC, no
// source is published byte for byte, and the page's <img> markup is the
// golden one (go test -update rewrites it).
func TestPhotosPublished(t *testing.T) {
	t.Parallel()
	files := photoSite(t, true)
	res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, files), Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diagnostics)
	}
	images := 0
	for _, p := range res.Site.Paths() {
		switch strings.ToLower(path.Ext(p)) {
		case ".jpg", ".jpeg", ".png", ".gif", ".webp":
		default:
			continue
		}
		images++
		body, err := res.Site.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		if m, err := testkit.Metadata(body); m != "" || err != nil {
			t.Errorf("%s: %s %v", p, m, err)
		}
		if _, _, err := image.DecodeConfig(bytes.NewReader(body)); err != nil {
			t.Errorf("%s does not decode: %v", p, err)
		}
		for src, data := range files {
			if m, _ := testkit.Metadata([]byte(data)); m != "" && data == string(body) {
				t.Errorf("%s is %s as it was", p, src)
			}
		}
	}
	if want := 1 + 5 + 1 + 5 + 1 + 1 + 4 + 1 + 4; images != want { // portrait and 5, landscape and 5, badge, map and 4 (480, 680, 800, 1000), cover and 4 (480, 680, 800, 1200)
		t.Errorf("%d images published, want %d", images, want)
	}
	imgs := regexp.MustCompile(`<img [^>]*>|<a href="[^"]*\.jpg">|<meta property="og:image[^>]*>`)
	var got string
	for _, p := range []string{"news/2026/camp/index.html", "about/index.html", "journal/index.html", "journal/2026/1/index.html"} {
		page, err := res.Site.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		got += "-- " + p + "\n" + strings.Join(imgs.FindAllString(string(page), -1), "\n") + "\n"
	}
	golden := filepath.Join("testdata", "photos.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the photos' markup:\n%s\nwant (testdata/photos.golden; go test -update rewrites it):\n%s", got, want)
	}
}

// TestPhotoCache builds a site on disk twice: the first build processes
// every photo into .folio-cache/images/, the second none, and both publish
// the same bytes; a photo removed from the site leaves the cache with it.
func TestPhotoCache(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := photoSite(t, false) // without the big one: this test is about the cache
	for name, data := range withDefaultTheme(t, files) {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func(dest string) *generator.Result {
		t.Helper()
		res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: filepath.Join(t.TempDir(), dest), Now: fixedNow})
		if err != nil {
			t.Fatalf("%v\n%v", err, res.Diagnostics)
		}
		return res
	}
	cold := build("public")
	if cold.Photos.Photos != 4 || cold.Photos.Made != 4 {
		t.Errorf("cold build: %+v, want 4 photos made", cold.Photos)
	}
	warm := build("public")
	if warm.Photos.Made != 0 {
		t.Errorf("warm build: %+v, want none made", warm.Photos)
	}
	for _, p := range cold.Site.Paths() {
		a, _ := cold.Site.Read(p)
		b, _ := warm.Site.Read(p)
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs between the cold and the warm build", p)
		}
	}
	// Into one destination: the warm build writes nothing, and each
	// photo's published file has its cache file's time (what lets publish
	// keep it without reading it, and rsync skip it).
	dest := filepath.Join(t.TempDir(), "public")
	for i, want := range []int{-1, 0} {
		res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: fixedNow})
		if err != nil {
			t.Fatalf("%v\n%v", err, res.Diagnostics)
		}
		if want >= 0 && res.Written.Written != want {
			t.Errorf("build %d into the same folder wrote %d of %d files, want %d", i+1, res.Written.Written, res.Written.Files, want)
		}
	}
	photosSeen := 0
	for p, src := range warm.Site.Copies {
		if !strings.HasPrefix(src, ".folio-cache/") {
			continue
		}
		photosSeen++
		pub, err1 := os.Stat(filepath.Join(dest, p))
		cached, err2 := os.Stat(filepath.Join(dir, src))
		if err1 != nil || err2 != nil || !pub.ModTime().Equal(cached.ModTime()) {
			t.Errorf("%s: published %v (%v), cached %v (%v): want the cache file's time", p, pub, err1, cached, err2)
		}
	}
	if photosSeen < 4 {
		t.Errorf("%d published files come from the photo cache, want at least the 4 photos'", photosSeen)
	}
	if err := os.Remove(filepath.Join(dir, "content/files/map.jpg")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/about.md"), []byte("+++\ntitle = \"关于\"\n+++\n"), 0o644)
	before, _ := os.ReadDir(filepath.Join(dir, ".folio-cache", "images"))
	build("public")
	after, _ := os.ReadDir(filepath.Join(dir, ".folio-cache", "images"))
	if len(after) != len(before)-5 {
		t.Errorf("the cache holds %d files after the map was removed, %d before: want its 5 gone", len(after), len(before))
	}
}

// TestKeepMetadataPerPhoto: a page's keepMetadata publishes the named
// photo's original as it is, EXIF and GPS included, with a warning at the
// key; its copies and the page's other photos are still cleaned, and a
// name that is no photo of the page's folder is an error there.
func TestKeepMetadataPerPhoto(t *testing.T) {
	t.Parallel()
	files := photoSite(t, false)
	page := "content/news/2026/camp/index.md"
	files[page] = strings.Replace(files[page], "date = 2026-07-01\n", "date = 2026-07-01\nkeepMetadata = [\"landscape.jpg\"]\n", 1)
	res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, files), Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diagnostics)
	}
	warned := false
	for _, d := range res.Diagnostics {
		if d.Code == diag.FMKeepMetadata && d.Pos.String() == page+":4:1" && strings.Contains(d.Text(diag.Chinese), "landscape.jpg") {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning for keepMetadata at %s:4:1:\n%v", page, res.Diagnostics)
	}
	for _, p := range res.Site.Paths() {
		if !strings.HasSuffix(p, ".jpg") {
			continue
		}
		body, _ := res.Site.Read(p)
		m, _ := testkit.Metadata(body)
		switch kept := p == "news/2026/camp/landscape.jpg"; {
		case kept && string(body) != files["content/news/2026/camp/landscape.jpg"]:
			t.Errorf("%s: %d bytes, not the photo as it was (%s)", p, len(body), m)
		case !kept && m != "":
			t.Errorf("%s: %s, want none: only the original named in keepMetadata keeps it", p, m)
		}
	}

	files[page] = strings.Replace(files[page], `["landscape.jpg"]`, `["landscape.jpg", "map.jpg"]`, 1)
	res, err = generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, files), Now: fixedNow})
	if err == nil {
		t.Fatalf("a keepMetadata naming a photo of another folder built")
	}
	refused := false
	for _, d := range res.Diagnostics {
		if d.Code == diag.FMKeepNotPhoto && d.Pos.String() == page+":4:1" && strings.Contains(d.Text(diag.English), `"map.jpg" in keepMetadata is not a photo of the page's folder (content/news/2026/camp)`) {
			refused = true
		}
	}
	if !refused {
		t.Errorf("no error for map.jpg at %s:4:1:\n%v", page, res.Diagnostics)
	}
}

// TestFeaturedImage: a page's front matter image is its link preview
// (og:image) and its thumbnail in news lists, in place of its first photo,
// even when the page does not show it; a name that is no photo of the
// page's folder is an error at the key.
func TestFeaturedImage(t *testing.T) {
	t.Parallel()
	files := photoSite(t, false)
	page := "content/news/2026/camp/index.md"
	files[page] = strings.Replace(files[page], "date = 2026-07-01\n", "date = 2026-07-01\nimage = \"封面.jpg\"\n", 1)
	files["content/news/2026/camp/封面.jpg"] = string(testkit.PhoneJPEG(1600, 1200, 1, 5))
	res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, files), Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diagnostics)
	}
	// A meta's content is percent-encoded by absURI (a share card loses a
	// picture whose address is not), a src by html/template.
	for p, want := range map[string]string{
		"news/2026/camp/index.html": `<meta property="og:image" content="https://www.example.org/news/2026/camp/%E5%B0%81%E9%9D%A2\.[0-9a-f]{10}\.1200\.jpg">`,
		"news/index.html":           `<img class="item-thumb" src="/news/2026/camp/%e5%b0%81%e9%9d%a2\.[0-9a-f]{10}\.480\.jpg"`,
	} {
		body, err := res.Site.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(want).Match(body) {
			t.Errorf("%s has no %s:\n%s", p, want, regexp.MustCompile(`<meta property="og:image"[^>]*>|<img class="item-thumb"[^>]*>`).FindAll(body, -1))
		}
	}

	for _, bad := range []string{"没有.jpg", "../../../files/map.jpg", "index.md"} {
		files := maps.Clone(files)
		files[page] = strings.Replace(files[page], `"封面.jpg"`, strconv.Quote(bad), 1)
		res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, files), Now: fixedNow})
		if err == nil {
			t.Errorf("image = %q built", bad)
			continue
		}
		found := false
		for _, d := range res.Diagnostics {
			if d.Code == diag.FMImageNotPhoto && d.Pos.String() == page+":4:1" && strings.Contains(d.Text(diag.Chinese), "不是页面文件夹（content/news/2026/camp）里的照片") {
				found = true
			}
		}
		if !found {
			t.Errorf("image = %q: no error at %s:4:1:\n%v", bad, page, res.Diagnostics)
		}
	}
}

// TestFeaturedImageWithoutCopies: a featured image that has no copies (a
// GIF, which may be animated, or an icon narrower than the narrowest
// copy) gives way to the page's first photo for og:image and the list's
// thumbnail, rather than to nothing.
func TestFeaturedImageWithoutCopies(t *testing.T) {
	t.Parallel()
	var gifBytes bytes.Buffer
	if err := gif.Encode(&gifBytes, image.NewPaletted(image.Rect(0, 0, 640, 480), color.Palette{color.Gray{Y: 0x80}}), nil); err != nil {
		t.Fatal(err)
	}
	files := photoSite(t, false)
	page := "content/news/2026/camp/index.md"
	files[page] = strings.Replace(files[page], "date = 2026-07-01\n", "date = 2026-07-01\nimage = \"动图.gif\"\n", 1)
	files["content/news/2026/camp/动图.gif"] = gifBytes.String()
	res, err := generator.Build(context.Background(), generator.Options{Root: withDefaultTheme(t, files), Now: fixedNow})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diagnostics)
	}
	first := `/news/2026/camp/landscape\.[0-9a-f]{10}\.`
	for p, want := range map[string]string{
		"news/2026/camp/index.html": `<meta property="og:image" content="https://www.example.org` + first + `1200\.jpg">`,
		"news/index.html":           `<img class="item-thumb" src="` + first + `480\.jpg"`,
	} {
		body, err := res.Site.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(want).Match(body) {
			t.Errorf("%s has no %s:\n%s", p, want, regexp.MustCompile(`<meta property="og:image"[^>]*>|<img class="item-thumb"[^>]*>`).FindAll(body, -1))
		}
	}
}
