package generator_test

// The sites and edits of the differential test (differential_test.go): a
// generated site of a few hundred pages in memory, and random edits of it
// as an editor makes them, each a plain value that prints as one line and
// can be applied again to another state of the site (when shrinking).

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"path"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"folio.dev/folio/generator/testkit"
)

// world is a site being edited: its files, the build's time, and the
// modification time the next save gets.
type world struct {
	fs   fstest.MapFS
	now  time.Time
	tick time.Time
}

// siteLayoutPost is the site's own layout for posts: it reads site-wide
// lists (the newest news) and another page's summary, as an association's
// designer might write it.
const siteLayoutPost = `{{define "main"}}
<article class="post">
<h1>{{.Page.Title}}</h1>
<p class="date">{{date .Page.Date}}</p>
{{.Content}}
</article>
<aside class="recent"><h2>最新动态</h2><ul>
{{- range .Site.Recent "news" 5}}<li><a href="{{relURL .URL}}">{{.Title}}</a></li>{{end}}
</ul></aside>
{{end}}
`

// siteLayoutPage is the site's layout for standalone pages: it shows the
// newest notice's title and summary.
const siteLayoutPage = `{{define "main"}}
<article class="page">
<h1>{{.Page.Title}}</h1>
{{.Content}}
</article>
{{range .Site.Recent "notices" 1}}<aside class="latest-notice"><a href="{{relURL .URL}}">{{.Title}}</a>：{{.Summary}}</aside>{{end}}
{{end}}
`

const configTOML = `title = "示例职协"
baseURL = "https://www.example.org/"
languageCode = "zh-CN"
timeZone = "Asia/Shanghai"
theme = "default"
paginate = 8

[permalinks]
news = "/news/:year/:month/:slug/"
notices = "/notices/:year/:month/:slug/"

[taxonomies]
tag = "tags"
committee = "committees"

[journal]
name = "广东职业技能"
label = "内刊《广东职业技能》"
section = "journal"

[[menu.main]]
name = "首页"
url = "/"
weight = 1

[[menu.main]]
name = "新闻动态"
url = "/news/"
weight = 2

[[menu.main]]
url = "/journal/"
weight = 3
`

var (
	committees = []string{"cnc", "academic", "psychology", "cuisine"}
	tagPool    = []string{"技工教育", "师资培训", "技能竞赛", "校园文化", "粤菜师傅", "夏令营", "Skills Fair", "数控"}
	columns    = []string{"卷首语", "专题报道", "教学研究", "技能竞赛"}
	sentences  = []string{
		"全省技工院校积极参与，活动取得圆满成功。",
		"协会将继续发挥平台和纽带作用，服务技能人才培养。",
		"与会代表围绕一体化课程教学改革展开了深入交流。",
		"本次培训共有来自二十多所院校的教师参加。",
		"Students showed their skills in CNC machining.",
		"各专业委员会按照工作职责，确保各项任务有效落实。",
		"欢迎各会员单位踊跃报名，名额有限，额满即止。",
	}
	zones = []string{"+08:00", "+09:00", "Z", "-05:00", ""}
)

// sentence returns a paragraph of two random sentences.
func sentence(r *rand.Rand) string {
	return sentences[r.IntN(len(sentences))] + sentences[r.IntN(len(sentences))]
}

// page is a Markdown file: front matter lines (key = TOML value, params
// last) and a body.
func page(fm []string, body string) string {
	return "+++\n" + strings.Join(fm, "\n") + "\n+++\n\n" + body + "\n"
}

func q(s string) string { return fmt.Sprintf("%q", s) }

func tomlList(items []string) string {
	var b []string
	for _, s := range items {
		b = append(b, q(s))
	}
	return "[" + strings.Join(b, ", ") + "]"
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func some[T any](r *rand.Rand, s []T, most int) []T {
	n := r.IntN(most + 1)
	out := slices.Clone(s)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out[:min(n, len(out))]
}

// day returns a TOML date n days after base.
func day(base time.Time, n int) string { return base.AddDate(0, 0, n).Format("2006-01-02") }

// dateTime returns a TOML date-time, in a random zone, or without one.
func dateTime(r *rand.Rand, t time.Time) string {
	switch z := pick(r, zones); z {
	case "":
		return t.Format("2006-01-02T15:04:05")
	case "Z":
		return t.UTC().Format("2006-01-02T15:04:05Z")
	default:
		loc, _ := time.Parse("-07:00", z)
		return t.In(loc.Location()).Format("2006-01-02T15:04:05-07:00")
	}
}

var shanghai = time.FixedZone("CST", 8*3600)

// startNow is the time of a differential run's first build.
var startNow = time.Date(2025, 3, 15, 10, 0, 0, 0, shanghai)

// newWorld generates a site of about size pages in memory, with theme (the
// repository's default theme, under themes/default), and the generator of
// its edits.
// photoFile is the world's photo, from a phone (EXIF Orientation 6 and
// GPS), which edits show on pages and replace.
const photoFile = "content/files/photo.jpg"

func newWorld(seed uint64, size int, theme fstest.MapFS) (*world, *gen) {
	r := rand.New(rand.NewPCG(seed, 1))
	w := &world{fs: maps.Clone(theme), now: startNow, tick: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	put := func(p, text string) { w.fs[p] = &fstest.MapFile{Data: []byte(text), ModTime: w.tick} }
	put("config.toml", configTOML)
	put("layouts/post.html", siteLayoutPost)
	put("layouts/page.html", siteLayoutPage)
	put("layouts/shortcodes/stamp.html", `<span class="stamp">{{.Page.Title}} · {{.Site.Title}} · {{.Get 0}}</span>`)
	put("content/_index.md", page([]string{`title = "示例职协"`}, "协会简介。见[关于我们](about.md)。"))
	put("content/about.md", page([]string{`title = "关于我们"`, "weight = 1"}, "## 发展回顾\n\n"+sentence(r)+"\n\n## 使命\n\n"+sentence(r)))
	put("content/contact.md", page([]string{`title = "联系我们"`, "weight = 2"}, sentence(r)))
	for _, s := range [][2]string{{"news", "新闻动态"}, {"notices", "通知公告"}, {"events", "活动"}, {"journal", "内刊"}, {"committees", "专业委员会"}} {
		put("content/"+s[0]+"/_index.md", page([]string{"title = " + q(s[1])}, sentence(r)))
	}
	for i, c := range committees {
		put("content/committees/"+c+"/_index.md", page([]string{"title = " + q(c+"委员会"), fmt.Sprintf("weight = %d", i+1)}, sentence(r)))
	}
	put(photoFile, string(testkit.PhoneJPEG(800, 600, 6, seed)))
	g := &gen{r: r, w: w}
	posts := size * 2 / 5
	for range posts {
		p, text := g.newPost(pick(r, []string{"news", "news", "notices"}))
		put(p, text)
	}
	for range size / 10 {
		p, text := g.newEvent()
		put(p, text)
	}
	issues := max(2, size/25)
	for i := range issues {
		year := 2022 + i*4/issues
		p, text := g.newIssue(year)
		put(p, text)
		for range 2 + r.IntN(3) {
			a, text := g.newArticle(path.Dir(p))
			put(a, text)
		}
	}
	// A bundle with a file, linked and attached; and a news bundle with an image.
	put("content/notices/2024/enrol/index.md", page([]string{`title = "关于报名的通知"`, "date = 2024-03-05T10:00:00+08:00",
		`attachments = [{title = "报名表", file = "form.csv"}]`, `tags = ["师资培训"]`}, sentence(r)+"\n\n请下载[报名表](form.csv)。"))
	put("content/notices/2024/enrol/form.csv", "姓名,单位\n")
	put("content/news/2024/camp/index.md", page([]string{`title = "夏令营圆满结束"`, "date = 2024-07-25", `committees = ["psychology"]`},
		sentence(r)+"\n\n![合影](photo.svg)"))
	put("content/news/2024/camp/photo.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500"></svg>`)
	return w, g
}

// gen makes new pages and edits with its random source; it looks at the
// world as it is now.
type gen struct {
	r *rand.Rand
	w *world
	n int // a counter for unique names and titles
}

func (g *gen) next() int { g.n++; return g.n }

// newPost returns a new post of section (news or notices): dated over
// several years, with terms, and now and then a draft, a future
// publishDate or an expiryDate.
func (g *gen) newPost(section string) (string, string) {
	r, n := g.r, g.next()
	date := time.Date(2022, 1, 1, 9, 0, 0, 0, shanghai).Add(time.Duration(r.IntN(4*365*24)) * time.Hour)
	fm := []string{fmt.Sprintf("title = \"%s%d\"", map[string]string{"news": "新闻", "notices": "通知"}[section], n), "date = " + dateTime(r, date)}
	if tags := some(r, tagPool, 3); len(tags) > 0 {
		fm = append(fm, "tags = "+tomlList(tags))
	}
	if r.IntN(3) == 0 {
		fm = append(fm, `categories = ["通知"]`)
	}
	if cs := some(r, committees, 2); len(cs) > 0 {
		fm = append(fm, "committees = "+tomlList(cs))
	}
	switch r.IntN(12) {
	case 0:
		fm = append(fm, "draft = true")
	case 1:
		fm = append(fm, "publishDate = "+dateTime(r, g.w.now.Add(time.Duration(1+r.IntN(30*24))*time.Hour)))
	case 2:
		fm = append(fm, "expiryDate = "+day(g.w.now, -r.IntN(200)))
	}
	body := sentence(r)
	if r.IntN(3) == 0 {
		body += "\n\n<!--more-->\n\n" + sentence(r)
	}
	if r.IntN(2) == 0 {
		fm = append(fm, "\n[params]", "sample = true")
	}
	return fmt.Sprintf("content/%s/%d/p%d.md", section, date.Year(), n), page(fm, body)
}

// newEvent returns a new event: all-day or timed in some zone, now and
// then cancelled, with registration and its deadline.
func (g *gen) newEvent() (string, string) {
	r, n := g.r, g.next()
	start := g.w.now.Add(time.Duration(r.IntN(2*365*24)-365*24) * time.Hour).Truncate(time.Hour)
	end := start.Add(time.Duration(1+r.IntN(72)) * time.Hour)
	fm := []string{fmt.Sprintf("title = \"活动%d\"", n), "date = " + day(start, -30)}
	if r.IntN(3) == 0 {
		fm = append(fm, "start = "+day(start, 0), "end = "+day(end, 1))
	} else {
		fm = append(fm, "start = "+dateTime(r, start), "end = "+dateTime(r, end))
	}
	fm = append(fm, `location = "广州示例技师学院"`, `organizer = "示例职协"`)
	if r.IntN(2) == 0 {
		fm = append(fm, fmt.Sprintf("registration = \"https://example.org/reg/%d\"", n), "deadline = "+day(start, -2))
	}
	if r.IntN(5) == 0 {
		fm = append(fm, `status = "cancelled"`)
	}
	if tags := some(r, tagPool, 2); len(tags) > 0 {
		fm = append(fm, "tags = "+tomlList(tags))
	}
	return fmt.Sprintf("content/events/e%d.md", n), page(fm, sentence(r))
}

// newIssue returns a new journal issue of year, numbered after the
// year's last.
func (g *gen) newIssue(year int) (string, string) {
	number := 1
	for p := range g.w.fs {
		var y, n int
		if _, err := fmt.Sscanf(p, "content/journal/%d/%d/_index.md", &y, &n); err == nil && y == year {
			number = max(number, n+1)
		}
	}
	date := time.Date(year, time.Month(min(12, number)), 1, 0, 0, 0, 0, shanghai)
	fm := []string{fmt.Sprintf("title = \"%d年第%d期\"", year, number), "date = " + day(date, 0), fmt.Sprintf("volume = %d", year),
		fmt.Sprintf("number = %d", number), fmt.Sprintf("total = %d", 100+year%100*20+number), "columns = " + tomlList(columns)}
	return fmt.Sprintf("content/journal/%d/%d/_index.md", year, number), page(fm, sentence(g.r))
}

// newArticle returns a new article of the issue in folder dir.
func (g *gen) newArticle(dir string) (string, string) {
	r, n := g.r, g.next()
	fm := []string{fmt.Sprintf("title = \"文章%d\"", n), "column = " + q(pick(r, columns)),
		fmt.Sprintf("authors = [{name = \"作者%d\", affiliation = \"示例技师学院\"}]", n),
		"abstract = " + q(sentence(r)), "keywords = " + tomlList(some(r, tagPool, 3)),
		fmt.Sprintf("pages = \"%d-%d\"", n%20+1, n%20+3), fmt.Sprintf("order = %d", r.IntN(5))}
	return fmt.Sprintf("%s/a%d.md", dir, n), page(fm, "## 背景\n\n"+sentence(r)+"\n\n## 成效\n\n"+sentence(r))
}

// edit is one save of an editor (or the clock moving), as plain data.
type edit struct {
	op    string        // write, append, set, unset, replace, cut, delete, move, clock
	path  string        // the file or folder
	to    string        // move: the new path
	key   string        // set, unset: the front matter key; replace: the text replaced; cut: text of the line cut
	value string        // write, append: the text; set: a TOML value; replace: the new text
	clock time.Duration // clock: how far the time moves
}

func (e edit) String() string {
	switch e.op {
	case "write":
		return fmt.Sprintf("write %s:\n%s", e.path, indent(e.value))
	case "append":
		return fmt.Sprintf("append to %s: %q", e.path, e.value)
	case "set":
		return fmt.Sprintf("set %s: %s = %s", e.path, e.key, e.value)
	case "unset":
		return fmt.Sprintf("unset %s: %s", e.path, e.key)
	case "replace":
		return fmt.Sprintf("replace in %s: %q -> %q", e.path, e.key, e.value)
	case "cut":
		return fmt.Sprintf("cut from %s the line with %q", e.path, e.key)
	case "delete":
		return "delete " + e.path
	case "move":
		return fmt.Sprintf("move %s -> %s", e.path, e.to)
	case "clock":
		return fmt.Sprintf("clock +%v", e.clock)
	}
	return e.op
}

func indent(s string) string {
	return "\t\t" + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n\t\t")
}

// files returns the files at p: p itself, or every file below the folder p.
func (w *world) files(p string) []string {
	if _, ok := w.fs[p]; ok {
		return []string{p}
	}
	var out []string
	for f := range w.fs {
		if strings.HasPrefix(f, p+"/") {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// newFolder returns the outermost folder of p that does not exist yet, or "".
func (w *world) newFolder(p string) string {
	out := ""
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if len(w.files(d)) > 0 {
			break
		}
		out = d
	}
	return out
}

func (w *world) save(p string, text string) {
	w.tick = w.tick.Add(time.Second) // a later save has a later modification time
	w.fs[p] = &fstest.MapFile{Data: []byte(text), ModTime: w.tick}
}

// apply makes the edit and returns the paths changed as folio serve's
// watcher reports them (sorted, a new folder with its files, a removed
// folder's files one by one, a moved folder's new files and folder and its
// old path, and, with some saves, the name of an editor's temporary file
// that is gone again, as vim's 4913). It returns nil when the edit
// changes no file (it does not apply to this state of the site, or moves
// the clock).
func (e edit) apply(w *world) []string {
	var changed []string
	switch e.op {
	case "clock":
		w.now = w.now.Add(e.clock)
		return nil
	case "write":
		if d := w.newFolder(e.path); d != "" {
			changed = append(changed, d)
		}
		w.save(e.path, e.value)
		changed = append(changed, e.path)
	case "append", "set", "unset", "replace", "cut":
		f, ok := w.fs[e.path]
		if !ok {
			return nil
		}
		old := string(f.Data)
		text := old
		switch e.op {
		case "append":
			text = strings.TrimRight(old, "\n") + "\n\n" + e.value + "\n"
		case "set":
			text = setKey(old, e.key, e.value)
		case "unset":
			text = setKey(old, e.key, "")
		case "replace":
			text = strings.Replace(old, e.key, e.value, 1)
		case "cut":
			if i := strings.Index(old, e.key); i >= 0 {
				start := strings.LastIndexByte(old[:i], '\n') + 1
				end := len(old)
				if j := strings.IndexByte(old[i:], '\n'); j >= 0 {
					end = i + j + 1
				}
				text = old[:start] + old[end:]
			}
		}
		if text == old {
			return nil
		}
		w.save(e.path, text)
		changed = append(changed, e.path)
		if len(e.value)%3 == 0 {
			changed = append(changed, path.Join(path.Dir(e.path), "4913"))
		}
	case "delete":
		changed = w.files(e.path)
		for _, f := range changed {
			delete(w.fs, f)
		}
	case "move":
		from := w.files(e.path)
		if len(from) == 0 || len(w.files(e.to)) > 0 {
			return nil
		}
		folder := w.fs[e.path] == nil
		if d := w.newFolder(e.to); d != "" {
			changed = append(changed, d)
		}
		for _, f := range from {
			g := e.to + strings.TrimPrefix(f, e.path)
			w.fs[g] = w.fs[f] // a rename keeps the modification time
			delete(w.fs, f)
			changed = append(changed, g)
			if !folder {
				changed = append(changed, f)
			}
		}
		if folder && !slices.Contains(changed, e.to) {
			changed = append(changed, e.to)
		}
		if folder {
			changed = append(changed, e.path)
		}
	}
	slices.Sort(changed)
	return slices.Compact(changed)
}

// setKey sets a top-level key of a page's front matter (before any table)
// to value, adding it after the opening +++ if it is not there; an empty
// value removes the key.
func setKey(text, key, value string) string {
	lines := strings.SplitAfter(text, "\n")
	if len(lines) == 0 || lines[0] != "+++\n" {
		return text
	}
	line := key + " = " + value + "\n"
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if l == "+++\n" || strings.HasPrefix(l, "[") {
			break
		}
		if strings.HasPrefix(l, key+" = ") {
			if value == "" {
				return strings.Join(slices.Delete(lines, i, i+1), "")
			}
			lines[i] = line
			return strings.Join(lines, "")
		}
	}
	if value == "" {
		return text
	}
	return strings.Join(slices.Insert(lines, 1, line), "")
}

// pages returns the Markdown files of content/ for which keep is true,
// sorted.
func (w *world) pages(keep func(p string) bool) []string {
	var out []string
	for p := range w.fs {
		if strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md") && keep(p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func isPost(p string) bool {
	return (strings.HasPrefix(p, "content/news/") || strings.HasPrefix(p, "content/notices/")) && path.Base(p) != "_index.md"
}
func isEvent(p string) bool {
	return strings.HasPrefix(p, "content/events/") && path.Base(p) != "_index.md"
}
func isIssue(p string) bool {
	return strings.HasPrefix(p, "content/journal/") && strings.Count(p, "/") == 4 && path.Base(p) == "_index.md"
}
func isArticle(p string) bool {
	return strings.HasPrefix(p, "content/journal/") && strings.Count(p, "/") == 4 && path.Base(p) != "_index.md"
}
func isAny(string) bool { return true }

// edit returns a random edit of the world as it is.
func (g *gen) edit() edit {
	r, w := g.r, g.w
	choose := func(keep func(string) bool) string {
		if ps := w.pages(keep); len(ps) > 0 {
			return pick(r, ps)
		}
		return "content/about.md"
	}
	later := func(base time.Time) string {
		return dateTime(r, base.Add(time.Duration(1+r.IntN(40*24))*time.Hour).Truncate(time.Hour))
	}
	if r.IntN(2) == 0 { // the editor fixes a mistake
		if ps := w.pages(func(p string) bool { return strings.Contains(string(w.fs[p].Data), "\ntitel = ") }); len(ps) > 0 {
			return edit{op: "unset", path: pick(r, ps), key: "titel"}
		}
		if ps := w.pages(func(p string) bool { return strings.Contains(string(w.fs[p].Data), "\ncolumn = \"未知栏目\"") }); len(ps) > 0 {
			return edit{op: "set", path: pick(r, ps), key: "column", value: q(pick(r, columns))}
		}
	}
	for {
		switch r.IntN(29) {
		case 28: // a mistake: a misspelt key, or a column the issue does not have
			if r.IntN(2) == 0 {
				return edit{op: "set", path: choose(isAny), key: "titel", value: `"错字"`}
			}
			return edit{op: "set", path: choose(isArticle), key: "column", value: `"未知栏目"`}
		case 26, 27: // a link taken out again (it may point to a page no longer published)
			if ps := w.pages(func(p string) bool { return strings.Contains(string(w.fs[p].Data), "另见[") }); len(ps) > 0 {
				return edit{op: "cut", path: pick(r, ps), key: "另见["}
			}
		case 0, 1, 2, 3: // the text of a page, now and then with a link to another page
			text := sentence(r)
			switch r.IntN(8) {
			case 0:
				p, to := choose(isAny), choose(func(p string) bool { return isPost(p) && w.published(p) })
				rel, _ := relPath(path.Dir(p), to)
				return edit{op: "append", path: p, value: text + "另见[" + path.Base(to) + "](" + rel + ")。"}
			case 1:
				text = "## 小标题\n\n" + text
			case 2: // shortcodes: the site's, which reads the page's title, and the theme's
				n := g.next()
				text = fmt.Sprintf("%s{{< stamp %d >}}\n\n{{%% note tip %%}}\n%s{{< ref t%d >}}\n{{%% /note %%}}\n\n{{%% table caption=\"表%d\" id=\"t%d\" %%}}\n| 项 | 数 |\n|---|---|\n| 甲 | %d |\n{{%% /table %%}}", text, n, sentence(r), n, n, n, n)
			case 3: // a photo shown (issue 19): its copies, srcset and og:image
				p := choose(isAny)
				rel, _ := relPath(path.Dir(p), photoFile)
				return edit{op: "append", path: p, value: text + "\n\n![合影](" + rel + ")\n"}
			case 4: // the photo replaced by another: new copies, new names
				return edit{op: "write", path: photoFile, value: string(testkit.PhoneJPEG(640+8*r.IntN(40), 480, 1+5*r.IntN(2), r.Uint64()))}
			}
			return edit{op: "append", path: choose(isAny), value: text}
		case 4, 5, 6:
			return edit{op: "set", path: choose(isAny), key: "title", value: fmt.Sprintf("\"改过的标题%d\"", g.next())}
		case 7:
			return edit{op: "set", path: choose(isPost), key: "date", value: later(time.Date(2022, 1, 1, 0, 0, 0, 0, shanghai).AddDate(0, r.IntN(48), 0))}
		case 8:
			if r.IntN(2) == 0 {
				return edit{op: "set", path: choose(isPost), key: "draft", value: "true"}
			}
			return edit{op: "unset", path: choose(isAny), key: "draft"}
		case 9:
			return edit{op: "set", path: choose(isPost), key: "tags", value: tomlList(some(r, tagPool, 3))}
		case 10:
			if r.IntN(2) == 0 {
				return edit{op: "set", path: choose(isPost), key: "publishDate", value: later(w.now)}
			}
			return edit{op: "set", path: choose(isPost), key: "expiryDate", value: later(w.now)}
		case 11, 12: // an event's schedule and status
			e := choose(isEvent)
			switch r.IntN(4) {
			case 0:
				return edit{op: "set", path: e, key: "status", value: `"cancelled"`}
			case 1:
				return edit{op: "unset", path: e, key: "status"}
			}
			start, end := w.schedule(e)
			if r.IntN(2) == 0 { // the end moves, after the start
				return edit{op: "set", path: e, key: "end", value: dateTime(r, start.Add(time.Duration(1+r.IntN(20*24))*time.Hour).Truncate(time.Hour))}
			}
			return edit{op: "set", path: e, key: "start", value: dateTime(r, end.Add(-time.Duration(1+r.IntN(20*24))*time.Hour).Truncate(time.Hour))}
		case 13: // an issue's fields, an article's column
			switch r.IntN(3) {
			case 0:
				return edit{op: "set", path: choose(isIssue), key: "total", value: fmt.Sprint(300 + g.next())}
			case 1:
				return edit{op: "set", path: choose(isIssue), key: "date", value: later(time.Date(2022+r.IntN(4), 1, 1, 0, 0, 0, 0, shanghai))}
			}
			return edit{op: "set", path: choose(isArticle), key: "column", value: q(pick(r, columns))}
		case 14, 15: // new pages, events, issues and articles
			var p, text string
			switch r.IntN(4) {
			case 0:
				p, text = g.newEvent()
			case 1:
				p, text = g.newIssue(2022 + r.IntN(5))
			case 2:
				if is := w.pages(isIssue); len(is) > 0 {
					p, text = g.newArticle(path.Dir(pick(r, is)))
					break
				}
				fallthrough
			default:
				p, text = g.newPost(pick(r, []string{"news", "notices"}))
			}
			return edit{op: "write", path: p, value: text}
		case 16: // a page renamed or moved to another year
			p := choose(func(p string) bool { return isPost(p) || isEvent(p) || isArticle(p) })
			to := path.Join(path.Dir(p), fmt.Sprintf("moved%d.md", g.next()))
			if isPost(p) && r.IntN(2) == 0 {
				to = path.Join(path.Dir(path.Dir(p)), fmt.Sprint(2022+r.IntN(5)), path.Base(p))
			}
			if path.Base(p) == "index.md" {
				p, to = path.Dir(p), path.Join(path.Dir(path.Dir(p)), fmt.Sprintf("bundle%d", g.next()))
			}
			return edit{op: "move", path: p, to: to}
		case 17: // an issue's folder renamed (renumbered)
			if is := w.pages(isIssue); len(is) > 0 {
				d := path.Dir(pick(r, is))
				return edit{op: "move", path: d, to: path.Join(path.Dir(d), fmt.Sprint(50+g.next()))}
			}
		case 18: // a page deleted; now and then a whole issue
			if r.IntN(5) == 0 {
				if is := w.pages(isIssue); len(is) > 0 {
					return edit{op: "delete", path: path.Dir(pick(r, is))}
				}
			}
			return edit{op: "delete", path: choose(func(p string) bool { return isPost(p) || isEvent(p) || isArticle(p) })}
		case 19: // the site's own layouts
			switch r.IntN(3) {
			case 0:
				return edit{op: "replace", path: "layouts/post.html", key: `.Site.Recent "news" 5`, value: `.Site.Recent "news" 3`}
			case 1:
				return edit{op: "replace", path: "layouts/post.html", key: `.Site.Recent "news" 3`, value: `.Site.Recent "news" 5`}
			}
			if r.IntN(2) == 0 { // a shortcode's template: every page that calls it changes
				return edit{op: "replace", path: "layouts/shortcodes/stamp.html", key: "</span>", value: fmt.Sprintf("%d</span>", g.next())}
			}
			return edit{op: "replace", path: "layouts/page.html", key: "</article>", value: fmt.Sprintf("<p>版本%d</p></article>", g.next())}
		case 20: // the theme
			return edit{op: "replace", path: "themes/default/layouts/partials/footer.html", key: "</footer>", value: fmt.Sprintf("<!-- %d --></footer>", g.next())}
		case 21: // config.toml
			if r.IntN(2) == 0 {
				return edit{op: "replace", path: "config.toml", key: "paginate = ", value: fmt.Sprintf("paginate = %d\n# ", 3+r.IntN(8))}
			}
			return edit{op: "set", path: "config.toml", key: "title", value: fmt.Sprintf("\"示例职协%d\"", g.next())}
		case 22, 23: // the clock moves: past a page's publishDate or an event's end, or some days
			if d := g.nextChange(); d > 0 && r.IntN(3) > 0 {
				return edit{op: "clock", clock: d}
			}
			return edit{op: "clock", clock: time.Duration(1+r.IntN(20*24)) * time.Hour}
		case 24: // a new issue of a new year, after the last
			p, text := g.newIssue(2026)
			return edit{op: "write", path: p, value: text}
		case 25: // a standalone page
			return edit{op: "write", path: fmt.Sprintf("content/page%d.md", g.next()), value: page([]string{fmt.Sprintf("title = \"页面%d\"", g.n)}, sentence(r))}
		}
	}
}

// value returns the value of a top-level front matter key of file p.
func (w *world) value(p, key string) (string, bool) {
	for _, line := range strings.Split(string(w.fs[p].Data), "\n") {
		if v, ok := strings.CutPrefix(line, key+" = "); ok {
			return v, true
		}
		if strings.HasPrefix(line, "[") {
			break
		}
	}
	return "", false
}

// schedule returns an event's start and end (dates as their start).
func (w *world) schedule(p string) (start, end time.Time) {
	v, _ := w.value(p, "start")
	start, _ = parseTOMLTime(v)
	v, _ = w.value(p, "end")
	end, _ = parseTOMLTime(v)
	if len(v) == len("2006-01-02") {
		end = end.AddDate(0, 0, -1)
	}
	if !end.After(start) {
		end = start.Add(time.Hour)
	}
	return start, end
}

// published tells whether the post p is public at the world's time, as
// far as its front matter says (its issue and the like aside).
func (w *world) published(p string) bool {
	if _, draft := w.value(p, "draft"); draft {
		return false
	}
	if _, later := w.value(p, "publishDate"); later {
		return false
	}
	v, _ := w.value(p, "date")
	date, err := parseTOMLTime(v)
	return err == nil && !date.After(w.now.AddDate(0, 0, -1))
}

// nextChange returns how long until just after the next publishDate,
// expiryDate, event start or end of the site after now, or 0.
func (g *gen) nextChange() time.Duration {
	var next time.Time
	for _, p := range g.w.pages(isAny) {
		for _, line := range strings.Split(string(g.w.fs[p].Data), "\n") {
			for _, key := range []string{"publishDate", "expiryDate", "start", "end", "deadline"} {
				v, ok := strings.CutPrefix(line, key+" = ")
				if !ok {
					continue
				}
				t, err := parseTOMLTime(v)
				if err == nil && t.After(g.w.now) && (next.IsZero() || t.Before(next)) {
					next = t
				}
			}
		}
	}
	if next.IsZero() {
		return 0
	}
	return next.Sub(g.w.now) + time.Minute
}

func parseTOMLTime(v string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, v, shanghai); err == nil {
			return t, nil
		}
	}
	// A date: its end, in the site's zone.
	t, err := time.ParseInLocation("2006-01-02", v, shanghai)
	return t.AddDate(0, 0, 1), err
}

// relPath returns the relative path from folder dir to file to.
func relPath(dir, to string) (string, bool) {
	up := ""
	for !strings.HasPrefix(to, dir+"/") {
		if dir == "." || dir == "/" || dir == "" {
			return "", false
		}
		dir = path.Dir(dir)
		up += "../"
	}
	return up + strings.TrimPrefix(to, dir+"/"), true
}
