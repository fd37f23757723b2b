package a11y

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// TestListThumbnails adds a news post with a phone photo to the sample
// site and reads /news/, where its item shows the photo's 480 copy as a
// 120×90 thumbnail: valid for the Nu Html Checker, no serious axe
// violation, and in Chromium at phone and desktop widths the thumbnail is
// loaded, inside its item, beside a title that is still readable, and
// nothing is wider than the screen. Items of pages without a photo have
// no thumbnail.
func TestListThumbnails(t *testing.T) {
	t.Parallel()
	dir := testkit.Sample(t, "../..")
	post := filepath.Join(dir, "content", "news", "2026", "photo-day")
	if err := os.MkdirAll(post, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(post, "index.md"), []byte("+++\ntitle = \"实训基地开放日：学员在数控车间操作机床的一天\"\ndate = 2026-11-20\nsummary = \"开放日当天，学员在车间演示。\"\n+++\n\n![学员在车间](车间.jpg)\n"), 0o644)
	os.WriteFile(filepath.Join(post, "车间.jpg"), testkit.PhoneJPEG(1600, 1200, 6, 9), 0o644) // a portrait, stored turned: cropped to 4:3 in the list
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), Now: now, BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diagnostics)
	}
	list, err := res.Site.Read("news/index.html")
	if err != nil {
		t.Fatal(err)
	}
	thumbs := regexp.MustCompile(`<img class="item-thumb" src="/news/2026/11/photo-day/%e8%bd%a6%e9%97%b4\.[0-9a-f]{10}\.480\.jpg" srcset="[^"]+ 480w, [^"]+" sizes="120px" alt="" width="120" height="90" loading="lazy"`).FindAllString(string(list), -1)
	if len(thumbs) != 1 || strings.Count(string(list), "item-thumb") != 2 { // and the sample's open-day post's
		t.Errorf("/news/ has %d thumbnails of the photo and %d in all, want 1 and 2:\n%s", len(thumbs), strings.Count(string(list), "item-thumb"), list)
	}

	if jar := testkit.Tool(t, "VNU_JAR", "npm install vnu-jar and set VNU_JAR to node_modules/vnu-jar/build/dist/vnu.jar"); jar != "" {
		page := filepath.Join(t.TempDir(), "news.html")
		os.WriteFile(page, list, 0o644)
		out, err := exec.Command("java", "-jar", jar, "--errors-only", page).CombinedOutput()
		if err != nil {
			t.Errorf("the Nu Html Checker found errors in /news/ (%v):\n%s", err, out)
		}
	}
	axe, err := os.ReadFile(testkit.Tool(t, "AXE_JS", "npm install axe-core and set AXE_JS to node_modules/axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	url := testkit.Serve(t, res.Site)
	for _, width := range []int{390, 1280} {
		ctx := testkit.Browse(t, "", width)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 844)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(url+"/news/")); err != nil {
			t.Fatal(err)
		}
		testkit.Poll(t, ctx, "the thumbnail loaded", `(() => { const i = document.querySelector('.item-thumb'); return !!i && i.complete && i.naturalWidth > 0 })()`)
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			const out = [], img = document.querySelector('.item-thumb'), li = img.closest('li'), title = li.querySelector('.item-title');
			const r = img.getBoundingClientRect(), l = li.getBoundingClientRect(), tr = title.getBoundingClientRect();
			if (Math.round(r.width) !== 120 || Math.round(r.height) !== 90) out.push('drawn ' + r.width + '×' + r.height + ', not 120×90');
			if (!img.currentSrc.endsWith('.480.jpg')) out.push('loaded from ' + img.currentSrc + ', not the 480 copy');
			if (r.left < l.left || r.right > l.right + 0.5 || r.top < l.top || r.bottom > l.bottom + 0.5) out.push('outside its item: ' + JSON.stringify([r, l]));
			if (tr.right > r.left + 0.5 && tr.top < r.bottom && tr.bottom > r.top) out.push('the title runs under the thumbnail');
			if (tr.width < 150) out.push('the title is squeezed to ' + tr.width + ' px');
			if (document.documentElement.scrollWidth > innerWidth) out.push('the page is ' + document.documentElement.scrollWidth + ' px wide on a ' + innerWidth + ' px screen');
			return out })()`))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("width %d, /news/: the thumbnail is %s", width, p)
		}
		if *screenshots != "" {
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(*screenshots, fmt.Sprintf("%d-news-thumbnails.png", width)), png, 0o644)
		}
		violations, err := axeViolations(ctx, axe)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range violations {
			t.Errorf("width %d, /news/: %s (%s): %s, at %s", width, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		}
	}
}
