package a11y

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// TestPhotoPage reads the sample's news post with three phone photos (one
// a portrait, stored turned) in Chromium on a phone and a laptop screen:
// each photo is drawn from the copy that suits the screen, undistorted;
// the portrait is no taller than most of the laptop's screen; the first
// photo is loaded eagerly and the others lazily (the page is too short
// for Chromium, which fetches lazy images a few screens ahead, to leave
// one unfetched: Lighthouse's offscreen-images audit checks the bytes);
// and nothing moves as they load (no layout shift).
func TestPhotoPage(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "../..")), Now: now, BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatalf("%v\n%v", err, res.Diagnostics)
	}
	url := testkit.Serve(t, res.Site)
	for _, screen := range []struct{ width, height int }{{390, 844}, {1280, 720}} {
		ctx := testkit.Browse(t, "", screen.width)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(screen.width), int64(screen.height))); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(url+"/news/2026/10/open-day/")); err != nil {
			t.Fatal(err)
		}
		testkit.Poll(t, ctx, "the first photo loaded", `(() => { const i = document.querySelector('.prose img'); return !!i && i.complete && i.naturalWidth > 0 })()`)
		if *screenshots != "" {
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err == nil {
				os.WriteFile(filepath.Join(*screenshots, fmt.Sprintf("%d-photo-post-top.png", screen.width)), png, 0o644)
			}
		}
		// Scroll through the page, as a reader does, until every photo is loaded.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
			for (const img of document.querySelectorAll('.prose img')) { img.scrollIntoView(); await new Promise(r => setTimeout(r, 150)); }
			return true })()`, chromedp.EvalAwaitPromise)); err != nil {
			t.Fatal(err)
		}
		testkit.Poll(t, ctx, "every photo loaded", `[...document.querySelectorAll('.prose img')].every(i => i.complete && i.naturalWidth > 0)`)
		if *screenshots != "" {
			chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { document.querySelectorAll('.prose img')[1].scrollIntoView(); return true })()`))
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err == nil {
				os.WriteFile(filepath.Join(*screenshots, fmt.Sprintf("%d-photo-post-portrait.png", screen.width)), png, 0o644)
			}
		}
		problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(async () => {
			const out = [], imgs = [...document.querySelectorAll('.prose img')];
			if (imgs.length !== 3) out.push(imgs.length + ' photos, not 3');
			imgs.forEach((img, k) => {
				const r = img.getBoundingClientRect(), s = getComputedStyle(img);
				const ratio = img.naturalWidth / img.naturalHeight, box = r.width / r.height;
				const drawnWidth = Math.min(r.width, r.height * ratio); // object-fit: contain draws it inside its box
				if (Math.abs(ratio - box) > 0.02 && s.objectFit !== 'contain') out.push(img.alt + ': stretched, box ' + box.toFixed(3) + ', picture ' + ratio.toFixed(3));
				if (Math.abs(Number(img.getAttribute('width')) / Number(img.getAttribute('height')) - ratio) > 0.02) out.push(img.alt + ': drawn ' + img.naturalWidth + '×' + img.naturalHeight + ', declared ' + img.getAttribute('width') + '×' + img.getAttribute('height'));
				if (r.height > 0.85 * innerHeight + 1) out.push(img.alt + ': ' + r.height + ' px tall on a ' + innerHeight + ' px screen');
				if (r.width > document.documentElement.clientWidth) out.push(img.alt + ': wider than the screen');
				if (!/\.(480|680|800|1200|1600)\.jpg$/.test(img.currentSrc)) out.push(img.alt + ': loaded from ' + img.currentSrc + ', not a copy');
				if (img.naturalWidth < drawnWidth * devicePixelRatio * 0.9) out.push(img.alt + ': a copy of ' + img.naturalWidth + ' px drawn ' + drawnWidth + ' CSS px wide');
				if ((k === 0) !== (img.loading !== 'lazy')) out.push(img.alt + ': loading=' + img.loading);
			});
			const shifts = await new Promise(resolve => new PerformanceObserver(list => resolve(list.getEntries())).observe({type: 'layout-shift', buffered: true}) || setTimeout(() => resolve([]), 500));
			const cls = shifts.filter(e => !e.hadRecentInput).reduce((s, e) => s + e.value, 0);
			if (cls > 0.01) out.push('layout shift ' + cls.toFixed(3));
			return out })()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range problems {
			t.Errorf("width %d: %s", screen.width, p)
		}
		portrait, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const i = document.querySelectorAll('.prose img')[1], r = i.getBoundingClientRect(); return [r.width, r.height, i.naturalWidth / i.naturalHeight] })()`))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("width %d: the portrait's box is %.0f×%.0f (picture ratio %.3f)", screen.width, portrait[0], portrait[1], portrait[2])
		if screen.width == 1280 && portrait[1] < 0.8*float64(screen.height) {
			t.Errorf("width %d: the portrait is only %.0f px tall: the cap should be near 85%% of %d", screen.width, portrait[1], screen.height)
		}
	}
}
