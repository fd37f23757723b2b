package a11y

import (
	"folio.dev/folio/generator/diag"

	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// shortcodePage is an article that uses every shortcode of the default
// theme, as an editor would.
const shortcodePage = `+++
title = "2024年职业教育夏令营圆满结束"
date = 2024-07-25T10:00:00+08:00
+++
7月的夏令营在广州举行，营地全貌如{{< ref camp >}}所示，各专业人数见{{< ref enrol >}}。

{{< figure src="camp.png" alt="营地全貌" caption="夏令营营地全貌" id="camp" >}}

{{% table caption="各专业报名人数" id="enrol" %}}
| 专业 | 人数 |
|---|---|
| 数控技术 | 120 |
| 电子商务 | 86 |
{{% /table %}}

{{% note %}}
营员须在**开营前一天**报到。
{{% /note %}}

{{% note tip %}}
往届营员的心得见[报名通知](../../../notices/2024/teacher-training-enrolment/index.md)。
{{% /note %}}

{{% note warning %}}
报名截止后不再受理。
{{% /note %}}

{{< video src="camp.mp4" poster="camp.png" caption="开营仪式" >}}

{{< bilibili BV1xx411c7mD >}}

{{< tencentvideo id="x0040w5fzz6" poster="camp.png" title="营员采访" >}}
`

// shortcodeSite is the sample site with that article, built to dest.
func shortcodeSite(t *testing.T, dest string) *generator.Result {
	t.Helper()
	dir := testkit.Sample(t, "../..")
	bundle := filepath.Join(dir, "content", "news", "2024", "summer-camp")
	if err := os.MkdirAll(bundle, 0o755); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 640, 360))
	for y := range 360 {
		for x := range 640 {
			img.Set(x, y, color.RGBA{uint8(x / 3), uint8(120 + y/4), 160, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"index.md": []byte(shortcodePage), "camp.png": b.Bytes(), "camp.mp4": []byte("not fetched before play")} {
		if err := os.WriteFile(filepath.Join(bundle, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(dir), RootDir: dir, Destination: dest, Now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC), BaseURL: "http://127.0.0.1/"})
	if err != nil {
		var msg strings.Builder
		res.Diagnostics.Print(&msg, diag.English, 0)
		t.Fatalf("%v\n%s", err, msg.String())
	}
	return res
}

const articlePath = "news/2024/07/summer-camp/index.html"

// The article using every shortcode is valid HTML for the Nu Html Checker.
func TestShortcodesValidHTML(t *testing.T) {
	t.Parallel()
	jar := testkit.Tool(t, "VNU_JAR", "npm install vnu-jar and set VNU_JAR to node_modules/vnu-jar/build/dist/vnu.jar")
	dest := filepath.Join(t.TempDir(), "public")
	shortcodeSite(t, dest)
	page := filepath.Join(dest, filepath.FromSlash(articlePath))
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<figcaption>", "图1", "表1", "<video controls preload=\"none\"", "data-embed=", `role="note"`} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("the article has no %s: the check below would prove little", want)
		}
	}
	if out, err := exec.Command("java", "-jar", jar, "--errors-only", page).CombinedOutput(); err != nil {
		t.Errorf("the Nu Html Checker found errors (%v):\n%s", err, out)
	}
}

// In Chromium, at phone and desktop widths, the article is axe-clean, asks
// nothing of bilibili.com or v.qq.com until the reader clicks an embed,
// and the click puts the player in place of the link.
func TestShortcodesInBrowser(t *testing.T) {
	t.Parallel()
	axePath := testkit.Tool(t, "AXE_JS", "npm install axe-core and set AXE_JS to node_modules/axe-core/axe.min.js")
	axe, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	res := shortcodeSite(t, "")
	site := testkit.Serve(t, res.Site)
	for _, width := range []int{390, 1280} {
		ctx := testkit.Browse(t, "", width)
		var mu sync.Mutex
		var requested []string
		chromedp.Listen(ctx, func(ev any) {
			if e, ok := ev.(*network.EventRequestWillBeSent); ok {
				mu.Lock()
				requested = append(requested, e.Request.URL)
				mu.Unlock()
			}
		})
		if err := chromedp.Do(ctx, chromedp.Navigate(site+"/"+strings.TrimSuffix(articlePath, "index.html"))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		report, err := chromedp.Run(ctx, chromedp.Evaluate[string](string(axe)+`;
			axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
			   .then(r => JSON.stringify(r.violations.filter(v => v.impact === "serious" || v.impact === "critical")
			   .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))))`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		var violations []struct {
			ID, Impact, Help string
			Nodes            []string
		}
		if err := json.Unmarshal([]byte(report), &violations); err != nil {
			t.Fatalf("axe's report is not a list of violations: %v: %s", err, report)
		}
		for _, v := range violations {
			t.Errorf("width %d: %s (%s): %s, at %s", width, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "; "))
		}
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if dir := os.Getenv("FOLIO_SCREENSHOTS"); dir != "" { // to look at: a PNG of the whole page
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("shortcodes-%d.png", width)), shot, 0o644)
		}
		mu.Lock()
		before := append([]string(nil), requested...)
		mu.Unlock()
		if len(before) < 3 {
			t.Fatalf("width %d: only %d requests seen: the listener does not work: %v", width, len(before), before)
		}
		for _, u := range before {
			if p, err := url.Parse(u); err == nil && p.Scheme != "data" && p.Hostname() != "127.0.0.1" {
				t.Errorf("width %d: %s was requested before any click", width, u)
			}
		}
		if err := chromedp.Do(ctx, chromedp.Click(`a[data-embed*="bilibili"]`)); err != nil {
			t.Fatal(err)
		}
		testkit.Poll(t, ctx, "the player after a click", `!!document.querySelector('iframe.embed-player[src^="https://player.bilibili.com/player.html?bvid=BV1xx411c7mD"]')`)
		deadline := time.Now().Add(10 * time.Second)
		for {
			mu.Lock()
			asked := strings.Contains(strings.Join(requested, " "), "player.bilibili.com")
			mu.Unlock()
			if asked {
				break
			}
			if time.Now().After(deadline) {
				t.Errorf("width %d: the click put no request to player.bilibili.com", width)
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}
