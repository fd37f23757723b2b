// Package a11y holds the accessibility checks of the default theme, run on
// the sample site in headless Chromium.
package a11y

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// TestAxe runs axe-core on the kinds of pages readers see, at phone and
// desktop widths, and fails on any serious or critical violation of WCAG
// 2.1 A and AA.
func TestAxe(t *testing.T) {
	t.Parallel()
	axePath := testkit.Tool(t, "AXE_JS", "npm install axe-core and set AXE_JS to node_modules/axe-core/axe.min.js")
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "../..")), Now: now, BaseURL: "http://127.0.0.1/"})
	if err != nil {
		t.Fatal(err)
	}
	url := testkit.Serve(t, res.Site)
	pages := []string{
		"/", "/news/", "/news/2024/06/skills-fair/", "/news/2026/10/open-day/", "/notices/2020/03/development-plan-2020-2024/",
		"/events/teaching-showcase-2027/", "/journal/2024/15/", "/journal/2024/15/editorial/",
		"/tags/%E6%8A%80%E5%B7%A5%E6%95%99%E8%82%B2/", "/committees/cnc/", "/search/?q=%E6%8A%80%E5%B7%A5", "/404.html",
	}
	for _, width := range []int{390, 1280} {
		ctx := testkit.Browse(t, "", width)
		for _, p := range pages {
			if err := chromedp.Do(ctx, chromedp.Navigate(url+p)); err != nil {
				t.Fatal(err)
			}
			time.Sleep(200 * time.Millisecond) // let the search page show its results
			violations, err := axeViolations(ctx, axe)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			for _, v := range violations {
				t.Errorf("width %d, %s: %s (%s): %s, at %s", width, p, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
			}
		}
	}
}

type violation struct {
	ID, Impact, Help string
	Nodes            []string
}

// axeViolations runs axe (the text of axe.min.js) on the page ctx shows
// and returns its serious and critical violations of WCAG 2.1 A and AA.
func axeViolations(ctx context.Context, axe []byte) ([]violation, error) {
	report, err := chromedp.Run(ctx, chromedp.Evaluate[string](string(axe)+`;
		axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
		   .then(r => JSON.stringify(r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
		   .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, err
	}
	var violations []violation
	if err := json.Unmarshal([]byte(report), &violations); err != nil {
		return nil, fmt.Errorf("axe's report is not a list of violations: %v: %s", err, report)
	}
	return violations, nil
}
