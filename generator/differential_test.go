package generator_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

var (
	differentialSeeds = flag.Int("differential.seeds", 4, "the differential test of the preview runs this many seeded edit sequences")
	differentialSteps = flag.Int("differential.steps", 12, "edits in each sequence of the differential test")
	differentialSize  = flag.Int("differential.size", 120, "about how many pages the differential test's sites have")
	differentialSeed  = flag.Uint64("differential.seed", 0, "run only the sequence of this seed (as a failure prints it)")
)

// TestDifferentialPreview edits generated sites at random, as an editor in
// folio serve does, and after every save builds the site as folio serve
// does (with its Cache, the changed paths as its watcher reports them, the
// cache forgotten when a file outside content/ changed) and from scratch
// at the same time: both must make the same files, byte for byte, and
// report the same diagnostics. A failing sequence is shrunk to a minimal
// one and printed with its seed, which -differential.seed replays.
//
//	go test ./generator -run Differential                                 # a few seconds
//	go test ./generator -run Differential -differential.seeds=500 -differential.steps=40 -differential.size=300
//	go test ./generator -run Differential -differential.seed=17 -v
func TestDifferentialPreview(t *testing.T) {
	theme := readTree(t, "../themes/default", "themes/default")
	seeds := make([]uint64, 0, *differentialSeeds)
	for s := range *differentialSeeds {
		seeds = append(seeds, uint64(s+1))
	}
	if *differentialSeed != 0 {
		seeds = []uint64{*differentialSeed}
	}
	failures := 0
	for _, seed := range seeds {
		h := &harness{theme: theme, seed: seed, size: *differentialSize}
		edits, fail := h.run(nil, *differentialSteps)
		t.Logf("seed %d: %d builds, %d of them failed alike with content errors; %d photos shown as stand-ins first", seed, h.builds, h.broken, h.pending)
		if fail == nil {
			continue
		}
		failures++
		edits = h.shrink(edits[:fail.step+1])
		if f := h.replay(edits); f != nil {
			fail = f
		}
		t.Errorf("seed %d: the preview differs from a full build after edit %d of this minimal sequence "+
			"(replay: go test ./generator -run DifferentialPreview -differential.seed=%d -differential.size=%d -differential.steps=%d):\n%s\n%s",
			seed, fail.step+1, seed, h.size, *differentialSteps, listEdits(edits), fail.what)
		if failures == 3 {
			t.Fatalf("stopping after %d failing seeds", failures)
		}
	}
}

// harness runs edit sequences on the site of one seed.
type harness struct {
	theme fstest.MapFS
	seed  uint64
	size  int
	// builds counts the builds of run, broken those with content errors,
	// pending the photos previews showed as stand-ins before they were made.
	builds, broken, pending int
}

// failure is where a sequence went wrong: the index of the edit after
// which the builds differed, and how.
type failure struct {
	step int
	what string
}

// replay applies edits to a new site of the harness's seed; see run.
func (h *harness) replay(edits []edit) *failure {
	_, fail := h.run(edits, len(edits))
	return fail
}

// run builds the site of h's seed, then makes steps edits, the given ones
// and then random ones, building the site after each save both as folio
// serve does and from scratch. It returns the edits made, and the first
// difference between the two builds, if any.
func (h *harness) run(edits []edit, steps int) ([]edit, *failure) {
	w, g := newWorld(h.seed, h.size, h.theme)
	// Half the seeds preview as folio serve --drafts or --future would.
	opts := generator.Options{Root: w.fs, BaseURL: "http://localhost:1313/", Preview: &generator.Preview{},
		Drafts: h.seed%4 == 1, Future: h.seed%4 == 2}
	cache := generator.NewCache()
	defer cache.Close()
	build := func(changed []string) string {
		o := opts
		o.Now = w.now
		full, fullErr := generator.Build(context.Background(), o)
		if slices.ContainsFunc(changed, func(p string) bool { return !strings.HasPrefix(p, "content/") }) {
			cache.Forget() // as folio serve does
		}
		cached, pending, cachedErr := previewBuild(cache, o, changed)
		h.builds++
		h.pending += pending
		if fullErr != nil {
			h.broken++
		}
		return compare(cached, cachedErr, full, fullErr)
	}
	if what := build(nil); what != "" {
		return nil, &failure{step: -1, what: "the first build: " + what}
	}
	var done []edit
	for i := range steps {
		var e edit
		if i < len(edits) {
			e = edits[i]
		} else {
			e = g.edit()
		}
		done = append(done, e)
		changed := e.apply(w)
		if changed == nil {
			continue // nothing saved, nothing built: folio serve waits for a save
		}
		if what := build(changed); what != "" {
			return done, &failure{step: i, what: fmt.Sprintf("after %s (changed: %s, now %s):\n%s",
				firstLine(e.String()), strings.Join(changed, ", "), w.now.Format(time.RFC3339), what)}
		}
	}
	return done, nil
}

// previewBuild builds as folio serve does after a save of changed: with
// its cache, and, when the build showed photos as stand-ins (made in the
// background, so that no page waits for them), once more when they are
// made, as folio serve does on PhotosReady. That last build is the one a
// full build must equal; pending is how many stand-ins the first had.
func previewBuild(cache *generator.Cache, o generator.Options, changed []string) (res *generator.Result, pending int, err error) {
	o.Preview = &generator.Preview{Cache: cache, Changed: changed}
	res, err = generator.Build(context.Background(), o)
	if err != nil || res.Photos.Pending == 0 {
		return res, 0, err
	}
	pending = res.Photos.Pending
	cache.WaitPhotos()
	<-cache.PhotosReady() // sent when the last was made
	o.Preview = &generator.Preview{Cache: cache, Changed: cache.PhotosMade()}
	res, err = generator.Build(context.Background(), o)
	if err == nil && res.Photos.Pending > 0 {
		err = fmt.Errorf("%d photos still pending once every photo was made", res.Photos.Pending)
	}
	return res, pending, err
}

// shrink returns a shortest sequence it finds, by removing edits a chunk
// at a time (halves, then quarters, down to single edits), that still
// fails. edits fails.
func (h *harness) shrink(edits []edit) []edit {
	for n := max(1, len(edits)/2); ; n /= 2 {
		for i := 0; i < len(edits); {
			try := slices.Concat(edits[:i], edits[min(len(edits), i+n):])
			if fail := h.replay(try); fail != nil {
				edits = try[:fail.step+1]
				continue
			}
			i += n
		}
		if n == 1 {
			return edits
		}
	}
}

func listEdits(edits []edit) string {
	var b strings.Builder
	for i, e := range edits {
		fmt.Fprintf(&b, "\t%d. %s\n", i+1, e)
	}
	return b.String()
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return strings.TrimSuffix(first, ":")
}

// compare returns how a cached build differs from a full one: its error,
// diagnostics, the paths of their files and their bytes; "" if it does not.
func compare(cached *generator.Result, cachedErr error, full *generator.Result, fullErr error) string {
	for _, err := range []error{cachedErr, fullErr} {
		if err != nil && !errors.Is(err, generator.ErrContent) {
			return fmt.Sprintf("a build failed: %v", err)
		}
	}
	if a, b := diagnostics(cached), diagnostics(full); a != b || (cachedErr == nil) != (fullErr == nil) {
		return fmt.Sprintf("the cached build (error: %v) reports:\n%s\na full build (error: %v):\n%s", cachedErr, a, fullErr, b)
	}
	if cachedErr != nil {
		return "" // both failed, and say the same
	}
	a, b := cached.Site.Paths(), full.Site.Paths()
	if only := without(a, b); len(only) > 0 {
		return fmt.Sprintf("only the cached build makes %d file(s): %s", len(only), strings.Join(only[:min(5, len(only))], ", "))
	}
	if only := without(b, a); len(only) > 0 {
		return fmt.Sprintf("only a full build makes %d file(s): %s", len(only), strings.Join(only[:min(5, len(only))], ", "))
	}
	var differ []string
	first := ""
	for _, p := range a {
		x, errX := cached.Site.Read(p)
		y, errY := full.Site.Read(p)
		if errX != nil || errY != nil {
			return fmt.Sprintf("%s cannot be read: cached build %v, full build %v", p, errX, errY)
		}
		if !bytes.Equal(x, y) {
			if first == "" {
				first = p + ":\n" + context2(x, y)
			}
			differ = append(differ, p)
		}
	}
	if len(differ) > 0 {
		return fmt.Sprintf("%d file(s) differ: %s\nthe first, %s", len(differ), strings.Join(differ[:min(8, len(differ))], ", "), first)
	}
	return ""
}

func diagnostics(res *generator.Result) string {
	if res == nil {
		return ""
	}
	var b strings.Builder
	for _, d := range res.Diagnostics {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// without returns the strings of a (sorted) that are not in b (sorted).
func without(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, found := slices.BinarySearch(b, s); !found {
			out = append(out, s)
		}
	}
	return out
}

// context2 shows where two files first differ: a few lines around it of
// each.
func context2(cached, full []byte) string {
	i := 0
	for i < min(len(cached), len(full)) && cached[i] == full[i] {
		i++
	}
	around := func(b []byte) string {
		from, to := max(0, i-160), min(len(b), i+160)
		if k := bytes.LastIndexByte(b[from:min(i, to)], '\n'); k >= 0 {
			from += k + 1
		}
		for from > 0 && !utf8.RuneStart(b[from]) {
			from--
		}
		for to < len(b) && !utf8.RuneStart(b[to]) {
			to++
		}
		return string(b[from:to])
	}
	return fmt.Sprintf("\tcached: …%s…\n\tfull:   …%s…", around(cached), around(full))
}

// The two reproductions of issue 14, item 5, as small sites: a build as
// folio serve makes it, an edit, and a full build that must equal the
// next cached one.

// A site layout listing the newest news titles shows a retitled post's
// new title on every post.
func TestPreviewSiteLayoutSeesNewTitle(t *testing.T) {
	checkEdits(t, map[string]string{
		"config.toml":            "title = \"测试\"\n",
		"layouts/post.html":      siteLayoutPost,
		"content/_index.md":      page([]string{`title = "首页"`}, "首页。"),
		"content/news/_index.md": page([]string{`title = "新闻"`}, ""),
		"content/news/2024/a.md": page([]string{`title = "甲"`, "date = 2024-06-01"}, "甲的正文。"),
		"content/news/2024/b.md": page([]string{`title = "乙"`, "date = 2024-06-02"}, "乙的正文。"),
	}, edit{op: "set", path: "content/news/2024/a.md", key: "title", value: `"甲（改）"`})
}

// Adding an issue of a later year gives the articles of the issue before
// it a 下一期 link.
func TestPreviewNewIssueLinksBack(t *testing.T) {
	issue := func(year, number int) string {
		return page([]string{fmt.Sprintf("title = \"%d年第%d期\"", year, number), fmt.Sprintf("date = %d-06-01", year),
			fmt.Sprintf("volume = %d", year), fmt.Sprintf("number = %d", number), `columns = ["教学研究"]`}, "本期导读。")
	}
	checkEdits(t, map[string]string{
		"config.toml":                       "title = \"测试\"\n[journal]\nname = \"广东职业技能\"\n",
		"content/_index.md":                 page([]string{`title = "首页"`}, "首页。"),
		"content/journal/_index.md":         page([]string{`title = "内刊"`}, ""),
		"content/journal/2024/16/_index.md": issue(2024, 16),
		"content/journal/2024/16/a.md":      page([]string{`title = "文章"`, `column = "教学研究"`, `authors = [{name = "张三"}]`}, "正文。"),
	}, edit{op: "write", path: "content/journal/2026/1/_index.md", value: issue(2026, 1)})
}

// A photo added to a post while folio serve runs is shown at once as a
// stand-in, made in the background, and then published as a full build
// publishes it; replaced by another, the same again.
func TestPreviewPhotoAdded(t *testing.T) {
	files := map[string]string{
		"config.toml":            "title = \"测试\"\n",
		"content/_index.md":      page([]string{`title = "首页"`}, "首页。"),
		"content/news/_index.md": page([]string{`title = "新闻"`}, ""),
		"content/news/2024/a.md": page([]string{`title = "甲"`, "date = 2024-06-01"}, "甲的正文。"),
	}
	pending := checkEdits(t, files,
		edit{op: "write", path: "content/news/2024/photo.jpg", value: string(testkit.PhoneJPEG(1000, 750, 6, 1))},
		edit{op: "append", path: "content/news/2024/a.md", value: "\n\n![合影](photo.jpg)\n"},
		edit{op: "write", path: "content/news/2024/photo.jpg", value: string(testkit.PhoneJPEG(900, 600, 1, 2))})
	if pending != 2 {
		t.Errorf("the previews showed %d stand-ins; want 2, one for each photo written", pending)
	}
}

// checkEdits builds a site of files and the default theme as folio serve
// does, then after each edit both as folio serve does and from scratch,
// and fails where they differ. It returns how many photos the previews
// showed as stand-ins before they were made.
func checkEdits(t *testing.T, files map[string]string, edits ...edit) (pending int) {
	t.Helper()
	w := &world{fs: withDefaultTheme(t, files), now: time.Date(2026, 11, 26, 12, 0, 0, 0, shanghai)}
	cache := generator.NewCache()
	defer cache.Close()
	build := func(changed []string) string {
		opts := generator.Options{Root: w.fs, Now: w.now, BaseURL: "http://localhost:1313/", Preview: &generator.Preview{}}
		full, fullErr := generator.Build(context.Background(), opts)
		if slices.ContainsFunc(changed, func(p string) bool { return !strings.HasPrefix(p, "content/") }) {
			cache.Forget()
		}
		if fullErr != nil {
			t.Fatalf("a full build: %v\n%s", fullErr, diagnostics(full))
		}
		cached, n, cachedErr := previewBuild(cache, opts, changed)
		pending += n
		return compare(cached, cachedErr, full, fullErr)
	}
	if what := build(nil); what != "" {
		t.Fatalf("the first build: %s", what)
	}
	for _, e := range edits {
		if what := build(e.apply(w)); what != "" {
			t.Errorf("after %s: %s", firstLine(e.String()), what)
		}
	}
	return pending
}
