// Command corpus writes a deterministic synthetic site of N pages, shaped like
// the association's: news and notices over many years, events, journal
// issues with articles in columns, tags and committees, Chinese Markdown
// bodies with headings, lists, tables, links and footnotes. It is for
// benchmarks: go run ./cmd/corpus -n 10000 -o /tmp/site10k.
//
// The defaults write the site that docs/benchmarks.md's earlier tables
// measured; -tags, -categories, -paginate and -feed shape it like issue
// 21's corpus (go run ./cmd/corpus -n 10000 -tags 20 -categories 8
// -paginate 20 -feed 50 -o DIR): more terms, longer lists, longer feeds,
// for folio and for Hugo alike.
package main

import (
	"flag"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

func main() {
	n := flag.Int("n", 1000, "number of pages")
	out := flag.String("o", "", "folder to write the site into (must not exist)")
	theme := flag.String("theme", "themes", "themes folder to copy into the site")
	seed := flag.Uint64("seed", 1, "random seed")
	var sh shape
	flag.IntVar(&sh.tags, "tags", len(tagNames), "number of tags to draw each page's two tags from")
	flag.IntVar(&sh.categories, "categories", len(committeeNames), "number of committees (the site's categories) to draw each page's one from")
	flag.IntVar(&sh.paginate, "paginate", 10, "items on a page of a list (paginate in config.toml and hugo.toml)")
	flag.IntVar(&sh.feed, "feed", 20, "items of each RSS feed ([feeds] limit, Hugo's [services.rss] limit)")
	flag.Parse()
	if sh.tags < 1 || sh.categories < 1 || sh.paginate < 1 || sh.feed < 1 {
		fmt.Fprintln(os.Stderr, "corpus: -tags, -categories, -paginate and -feed must be at least 1")
		os.Exit(2)
	}
	if *out == "" {
		fmt.Fprintln(os.Stderr, "corpus: -o DIR is required")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "corpus: %s exists; give a new folder\n", *out)
		os.Exit(2)
	}
	if err := write(*out, *theme, *n, sh, rand.New(rand.NewPCG(*seed, *seed))); err != nil {
		fmt.Fprintln(os.Stderr, "corpus:", err)
		os.Exit(1)
	}
}

var (
	words          = strings.Split("职业 技能 培训 技工 院校 教育 教师 学生 竞赛 课程 改革 发展 协会 会员 单位 企业 合作 人才 培养 质量 标准 规划 实训 基地 专业 建设 服务 创新 交流 研讨", " ")
	tagNames       = strings.Split("技工教育 师资培训 技能竞赛 校企合作 教学研究 校园文化 数控 粤菜师傅 班主任 心理健康", " ")
	committeeNames = []string{"academic", "psychology", "head-teachers", "cnc", "cantonese-cuisine", "early-childhood"}
	columns        = []string{"卷首语", "政策解读", "院校风采", "教学研究", "技能竞赛"}
)

// shape is what the flags change of the site beside its size.
type shape struct {
	tags, categories, paginate, feed int
}

// names is n names: the first of base, then made ones (made(i) for the
// i-th), so that the defaults give the sites measured before.
func names(base []string, n int, made func(i int) string) []string {
	if n <= len(base) {
		return base[:n]
	}
	out := slices.Clone(base)
	for i := len(base); i < n; i++ {
		out = append(out, made(i))
	}
	return out
}

func sentence(r *rand.Rand) string {
	var b strings.Builder
	for i := 0; i < 8+r.IntN(10); i++ {
		b.WriteString(words[r.IntN(len(words))])
	}
	b.WriteString([]string{"，", "。", "；"}[r.IntN(3)])
	return b.String()
}

// body is about 1,200 Chinese characters of Markdown.
func body(r *rand.Rand, link string) string {
	var b strings.Builder
	for s := 0; s < 4; s++ {
		fmt.Fprintf(&b, "## 第%d部分\n\n", s+1)
		for p := 0; p < 3; p++ {
			for i := 0; i < 3; i++ {
				b.WriteString(sentence(r))
				if i == 1 {
					b.WriteString("\n")
				}
			}
			b.WriteString("\n\n")
		}
		if s == 1 {
			b.WriteString("- 第一项：" + sentence(r) + "\n- 第二项：" + sentence(r) + "\n\n")
		}
		if s == 2 {
			b.WriteString("| 项目 | 时间 | 地点 |\n|---|---|---|\n| 培训 | 3月 | 广州 |\n| 竞赛 | 6月 | 佛山 |\n\n")
		}
	}
	if link != "" {
		fmt.Fprintf(&b, "参见[相关文章](%s)。[^1]\n\n[^1]: 示例脚注。\n", link)
	}
	return b.String()
}

func write(dir, theme string, n int, sh shape, r *rand.Rand) error {
	// Made tags are two words and a number, never one of the named tags.
	tags := names(tagNames, sh.tags, func(i int) string {
		return fmt.Sprintf("%s%s%d", words[i%len(words)], words[(i/len(words)+i+1)%len(words)], i)
	})
	committees := names(committeeNames, sh.categories, func(i int) string { return fmt.Sprintf("committee-%d", i+1) })
	config := "title = \"示例协会（合成语料）\"\nbaseURL = \"https://example.org/\"\n"
	if sh.paginate != 10 {
		config += fmt.Sprintf("paginate = %d\n", sh.paginate)
	}
	config += "[permalinks]\nnews = \"/news/:year/:month/:slug/\"\nnotices = \"/notices/:year/:month/:slug/\"\n[journal]\nname = \"广东职业技能\"\n"
	if sh.feed != 20 {
		config += fmt.Sprintf("[feeds]\nlimit = %d\n", sh.feed)
	}
	files := map[string]string{
		"config.toml":                  config,
		"content/_index.md":            "+++\ntitle = \"首页\"\n+++\n合成语料，用于性能测试。\n",
		"content/news/_index.md":       "+++\ntitle = \"新闻动态\"\n+++\n",
		"content/notices/_index.md":    "+++\ntitle = \"通知公告\"\n+++\n",
		"content/events/_index.md":     "+++\ntitle = \"活动\"\n+++\n",
		"content/journal/_index.md":    "+++\ntitle = \"内刊\"\n+++\n",
		"content/committees/_index.md": "+++\ntitle = \"专业委员会\"\n+++\n",
	}
	for i, c := range committees {
		files["content/committees/"+c+"/_index.md"] = fmt.Sprintf("+++\ntitle = \"委员会%d\"\nweight = %d\n+++\n", i+1, i+1)
	}
	prev := ""
	issue := 0
	for i := 0; i < n; i++ {
		year := 2005 + i*20/n
		month := 1 + r.IntN(12)
		day := 1 + r.IntN(26)
		title := fmt.Sprintf("%s%s%s（%d）", words[r.IntN(len(words))], words[r.IntN(len(words))], words[r.IntN(len(words))], i)
		fm := fmt.Sprintf("title = %q\ndate = %04d-%02d-%02d\ntags = [%q, %q]\ncommittees = [%q]\n", title, year, month, day, tags[r.IntN(len(tags))], tags[r.IntN(len(tags))], committees[r.IntN(len(committees))])
		var path string
		switch k := i % 20; {
		case k < 9:
			path = fmt.Sprintf("content/news/%d/n%05d.md", year, i)
		case k < 15:
			path = fmt.Sprintf("content/notices/%d/t%05d.md", year, i)
		case k < 16:
			path = fmt.Sprintf("content/events/e%05d.md", i)
			fm += fmt.Sprintf("start = %04d-%02d-%02d\nend = %04d-%02d-%02d\nlocation = \"广州示例学院\"\n", year, month, day, year, month, day+r.IntN(3))
		default:
			if issue == 0 || k == 16 {
				issue++
				files[fmt.Sprintf("content/journal/%d/%d/_index.md", year, issue)] = fmt.Sprintf("+++\ntitle = \"%d年第%d期\"\ndate = %04d-%02d-%02d\nnumber = %d\ncolumns = [%q, %q, %q, %q, %q]\n+++\n", year, issue, year, month, day, issue, columns[0], columns[1], columns[2], columns[3], columns[4])
			}
			path = fmt.Sprintf("content/journal/%d/%d/a%05d.md", year, issue, i)
			fm = fmt.Sprintf("title = %q\ncolumn = %q\nauthors = [{name = \"作者%d\", affiliation = \"示例学院\"}]\npages = \"%d-%d\"\n", title, columns[r.IntN(len(columns))], i, i%50+1, i%50+3)
		}
		link := ""
		if prev != "" {
			rel, _ := filepath.Rel(filepath.Dir(path), prev)
			link = filepath.ToSlash(rel)
		}
		files[path] = "+++\n" + fm + "+++\n" + body(r, link)
		if !strings.Contains(path, "/journal/") {
			prev = path
		}
	}
	maps.Copy(files, hugoSite(sh)) // the same content for Hugo: its config and layouts
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	// A copy, not a link: deleting the corpus's theme must not delete the
	// tree's.
	return os.CopyFS(filepath.Join(dir, "themes"), os.DirFS(theme))
}

// hugoSite is the same site for Hugo, for side-by-side benchmarks
// (docs/bench.sh): its own config file and layouts folder, so the two never
// read each other's, and layouts that do the same work as folio's: a page
// per post with its terms, paginated lists of sections and terms, RSS for the
// site, each section and each term, and the sitemap.
func hugoSite(sh shape) map[string]string {
	base := `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }} - {{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}</head>
<body><nav>{{ range site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav><main>{{ block "main" . }}{{ end }}</main></body></html>
`
	return map[string]string{
		"hugo.toml": `title = "示例协会（合成语料）"
baseURL = "https://example.org/"
languageCode = "zh-CN"
layoutDir = "hugo-layouts"
publishDir = "public-hugo"
paginate = ` + fmt.Sprint(sh.paginate) + `
[permalinks]
news = "/news/:year/:month/:slug/"
notices = "/notices/:year/:month/:slug/"
[taxonomies]
tag = "tags"
committee = "committees"
[services.rss]
limit = ` + fmt.Sprint(sh.feed) + `
`,
		"hugo-layouts/_default/baseof.html": base,
		"hugo-layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006年1月2日" }}</time> {{ .WordCount }} 字
{{ with .TableOfContents }}<nav>{{ . }}</nav>{{ end }}{{ .Content }}
{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}
{{ range .GetTerms "committees" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</article>{{ end }}
`,
		"hugo-layouts/_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>
{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006年1月2日" }}<p>{{ .Summary | plainify | truncate 120 }}</p></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
`,
		"hugo-layouts/_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
	}
}
