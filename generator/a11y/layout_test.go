package a11y

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

var screenshots = flag.String("screenshots", "", "a folder where TestPhoneFirstScreen saves what it measured, as PNG, to look at")

// firstScreenTop is how far below the top of a 390×844 phone screen an
// article's title may start: readers arrive from WeChat on phones, and the
// header must not take a third of the first screen (issue 23).
const firstScreenTop = 150

// TestPhoneFirstScreen measures, in Chromium at 390×844, where the <h1> of
// a news post, a notice and a journal article starts, and checks that every
// menu entry and the search box are still one tap away (a <details> that
// opens without JavaScript).
func TestPhoneFirstScreen(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "../..")), Now: now, BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatal(err)
	}
	url := testkit.Serve(t, res.Site)
	pages := []string{"/news/2024/06/skills-fair/", "/notices/2020/03/development-plan-2020-2024/", "/journal/2024/15/editorial/"}
	for _, width := range []int{390, 1280} {
		ctx := testkit.Browse(t, "", width)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(width), 844)); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(url+p)); err != nil {
				t.Fatal(err)
			}
			top, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector('main h1').getBoundingClientRect().top`))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("width %d, %s: the title starts at %.0f px", width, p, top)
			if width == 390 && top > firstScreenTop {
				t.Errorf("width %d, %s: the title starts at %.0f px, more than %d px from the top", width, p, top, firstScreenTop)
			}
			// Every menu entry and the search box can be reached: on a
			// phone after opening the menu, which needs no script.
			if width == 390 {
				chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const d = document.querySelector('.site-header details'); if (d) d.open = true; return true })()`))
			}
			hidden, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.site-nav a, #site-q')]
				.filter(e => { const r = e.getBoundingClientRect(); return r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden' })
				.map(e => e.textContent || e.id)`))
			if err != nil {
				t.Fatal(err)
			}
			if len(hidden) > 0 {
				t.Errorf("width %d, %s: not shown once the menu is open: %q", width, p, hidden)
			}
			if *screenshots != "" {
				name := fmt.Sprintf("%d%s", width, strings.ReplaceAll(strings.Trim(p, "/"), "/", "_"))
				shot := func(file string) {
					png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatal(err)
					}
					os.WriteFile(filepath.Join(*screenshots, file), png, 0o644)
				}
				shot(name + "-menu.png")
				if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
					t.Fatal(err)
				}
				shot(name + ".png")
			}
		}
	}
}
