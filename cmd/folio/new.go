package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/schema"
	"folio.dev/folio/generator/source"
	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/unicode/norm"
)

// newCommand is folio new KIND TITLE: it writes a new page from the
// archetype of its kind (the site's archetypes/KIND.md, else the theme's),
// as a draft dated today in the site's time zone, and never overwrites.
func newCommand(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("folio new", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	var src, section string
	fset.StringVar(&src, "source", ".", "")
	fset.StringVar(&src, "s", ".", "")
	fset.StringVar(&section, "section", "", "")
	langs := langFlag(fset)
	// Flags may come before or after KIND TITLE.
	var rest []string
	for len(args) > 0 {
		if !parseCommandFlags(fset, args, stderr) {
			return 2
		}
		if fset.NArg() == 0 {
			break
		}
		rest = append(rest, fset.Arg(0))
		args = fset.Args()[1:]
	}
	lang := langs.of(siteLang(src))
	if len(rest) < 1 || len(rest) > 2 || (len(rest) == 1 && rest[0] != "issue") {
		sayUsage(stderr, "folio new", diag.Msg(diag.UsageNew), lang)
		return 2
	}
	kind, title := rest[0], ""
	if len(rest) == 2 {
		// A blank title would make a page every build refuses (F04) once
		// published; an issue's may be left out (its number names it).
		title = strings.TrimSpace(rest[1])
		if title == "" && kind != "issue" {
			sayUsage(stderr, "folio new", diag.Msg(diag.UsageNewNoTitle, kind), lang)
			return 2
		}
	}
	if !slices.Contains([]string{"notice", "news", "event", "issue", "article"}, kind) {
		sayUsage(stderr, "folio new", diag.Msg(diag.UsageNewKind, kind), lang)
		return 2
	}
	if !checkSite("folio new", src, lang, stderr) {
		return 2
	}
	if section != "" {
		clean, err := sectionFolder(section)
		if err != nil {
			sayUsage(stderr, "folio new", err, lang)
			return 2
		}
		section = clean
	}
	var l diag.List
	cfg := config.Load(os.DirFS(src), "config.toml", &l)
	if l.Errors() > 0 {
		l.Print(stderr, lang, 10)
		return 1
	}
	if section != "" && kind != "notice" && kind != "news" {
		// Events, issues and articles have their own sections, from
		// config.toml: a --section would be left unused without a word.
		sayUsage(stderr, "folio new", diag.Msg(diag.UsageNewSectionKind, kind), lang)
		return 2
	}
	if section != "" {
		if missing, ok := sectionExists(src, cfg, section); !ok {
			sayUsage(stderr, "folio new", missing, lang)
			return 2
		}
	}
	now := time.Now().In(cfg.Location)
	made, err := newPage(src, cfg, kind, title, section, now)
	if err != nil {
		sayUsage(stderr, "folio new", publish.WhyNotWritten(err), lang)
		return 1
	}
	fmt.Fprintln(stdout, made.path)
	printPreview(stdout, src, cfg, made, now, lang)
	return 0
}

// printPreview prints where folio serve shows the page made, as the
// generator places it (source.Read on the site with the page in it, so
// permalinks, slugs and the journal's folders are followed exactly), and
// what the editor does next.
func printPreview(w io.Writer, dir string, cfg *config.Config, made made, now time.Time, lang diag.Lang) {
	var l diag.List
	c := source.Read(context.Background(), os.DirFS(dir), cfg, source.Options{Drafts: true, Future: true, Now: now}, &l)
	var page *source.Page
	for _, p := range c.Pages {
		if p.File == filepath.ToSlash(made.rel) {
			page = p
		}
	}
	if page == nil {
		fmt.Fprintln(w, diag.Msg(diag.SaidNewNoPlace).Text(lang))
	} else {
		u := url.URL{Scheme: "http", Host: "127.0.0.1:1313", Path: page.URL}
		fmt.Fprintln(w, diag.Msg(diag.SaidNewPreview, u.String()).Text(lang))
		switch page.Unpublished {
		case "draft":
			fmt.Fprintln(w, diag.Msg(diag.SaidNewDraft).Text(lang))
		case "future":
			fmt.Fprintln(w, diag.Msg(diag.SaidNewFuture).Text(lang))
		case "issueDraft":
			fmt.Fprintln(w, diag.Msg(diag.SaidNewIssueDraft, filepath.Join(dir, filepath.FromSlash(path.Dir(page.File)), "_index.md")).Text(lang))
		case "issueFuture":
			fmt.Fprintln(w, diag.Msg(diag.SaidNewIssueFuture, filepath.Join(dir, filepath.FromSlash(path.Dir(page.File)), "_index.md")).Text(lang))
		}
	}
	if filepath.Base(made.rel) == "index.md" {
		fmt.Fprintln(w, diag.Msg(diag.SaidNewBundle, filepath.Dir(made.path)).Text(lang))
	}
	if len(made.columns) > 0 {
		fmt.Fprintln(w, diag.Msg(diag.SaidNewColumns, made.columns).Text(lang))
	}
}

// sectionFolder checks the --section flag: a folder below content/, given
// relative to it ("news", "news/policy"), which folio new writes into. A
// path that is absolute or that leads out of content/ ("../x", "a/../../x")
// is refused, so that folio new never writes outside the site's content;
// so is one that names content/ itself. It returns the path cleaned.
func sectionFolder(section string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(section))
	if strings.ContainsRune(section, 0) || !filepath.IsLocal(clean) || clean == "." || filepath.IsAbs(section) || strings.HasPrefix(section, "/") {
		return "", diag.Msg(diag.UsageNewSection, section)
	}
	return clean, nil
}

// sectionExists refuses a --section that names no folder of content/: a
// typo (notice for notices) would otherwise start a new section, listed
// on the site, without a word. It suggests the nearest of the sections
// news and notices can go into: content/'s folders but the journal's, the
// events' and the taxonomies', and the folders inside those (news/policy)
// that are not a year's.
func sectionExists(dir string, cfg *config.Config, section string) (diag.Message, bool) {
	if info, err := os.Stat(filepath.Join(dir, "content", section)); err == nil && info.IsDir() {
		return diag.Message{}, true
	}
	var sections, near []string
	top, _ := os.ReadDir(filepath.Join(dir, "content"))
	for _, e := range top {
		name := e.Name()
		if !e.IsDir() || strings.HasPrefix(name, ".") || name == cfg.Journal.Section || name == cfg.Events.Section || slices.Contains(slices.Collect(maps.Values(cfg.Taxonomies)), name) {
			continue
		}
		sections = append(sections, name)
		near = append(near, name)
		inner, _ := os.ReadDir(filepath.Join(dir, "content", name))
		for _, f := range inner {
			if _, err := strconv.Atoi(f.Name()); f.IsDir() && err != nil && !strings.HasPrefix(f.Name(), ".") {
				near = append(near, name+"/"+f.Name())
			}
		}
	}
	want := filepath.ToSlash(section)
	if len(sections) == 0 {
		return diag.Msg(diag.UsageNewNoSections, want), false
	}
	return diag.Msg(diag.UsageNewNoSection, want, diag.DidYouMean(schema.Nearest(want, near)), sections), false
}

// made is what newPage wrote.
type made struct {
	path    string   // the file, as given to the user: below the -s folder
	rel     string   // the file relative to the site: content/news/2026/a/index.md
	columns []string // an article's issue's columns, for the editor to choose from
}

// archetypeData is what an archetype's template sees.
type archetypeData struct {
	Title, Date         string
	Year, Number, Total int
	Columns             []string // an issue's: the newest issue's; an article's: its issue's
	// Draft tells whether the page is written as a draft: every page but
	// an article of an issue that is itself held back ("draft" or
	// "future", its IssueState), which it follows. Issue is the issue's
	// _index.md, for an article.
	Draft             bool
	Issue, IssueState string
}

// newPage writes the page. News and notices are bundles, folders of their
// own (content/news/2026/name/index.md) that photos and attachments go
// into; events and articles are single files.
func newPage(dir string, cfg *config.Config, kind, title, section string, now time.Time) (made, error) {
	year := now.Format("2006")
	data := archetypeData{Title: title, Date: now.Format("2006-01-02"), Year: now.Year(), Draft: true}
	var m made
	switch kind {
	case "notice", "news":
		if section == "" {
			section = map[string]string{"notice": "notices", "news": "news"}[kind]
		}
		folder := filepath.Join("content", section, year)
		m.rel = filepath.Join(folder, pageName(dir, folder, title, kind, now), "index.md")
	case "event":
		folder := filepath.Join("content", cfg.Events.Section)
		m.rel = filepath.Join(folder, pageName(dir, folder, title, kind, now)+".md")
	case "issue":
		journal := filepath.Join("content", cfg.Journal.Section)
		newest, _ := latestIssue(dir, journal)
		next := nextIssue(dir, journal, newest, title, now, issueFrontMatter(dir, cfg, newest, now))
		data.Title, data.Year, data.Number, data.Total, data.Columns = next.title, next.year, next.number, next.total, next.columns
		m.rel = filepath.Join(journal, strconv.Itoa(next.year), strconv.Itoa(next.number), "_index.md")
	case "article":
		issue, err := latestIssue(dir, filepath.Join("content", cfg.Journal.Section))
		if err != nil {
			return made{}, err
		}
		if p := issuePage(dir, cfg, issue, now); p != nil {
			data.Columns = p.FM.Columns
			// An article follows its issue: one that is a draft or dated
			// later holds it back, and publishing the issue publishes it.
			// A draft line of its own would keep it out of the issue then.
			data.Draft = p.Unpublished == ""
			data.Issue, data.IssueState = p.File, p.Unpublished
		}
		m.columns = data.Columns
		m.rel = filepath.Join(issue, pageName(dir, issue, title, kind, now)+".md")
	default:
		return made{}, diag.Msg(diag.UsageNewKind, kind)
	}
	archetype, err := readArchetype(dir, cfg.Theme, kind)
	if err != nil {
		return made{}, err
	}
	funcs := template.FuncMap{
		"quote": strconv.Quote,
		"join":  strings.Join,
		"toml": func(list []string) string {
			q := make([]string, len(list))
			for i, s := range list {
				q[i] = strconv.Quote(s)
			}
			return "[" + strings.Join(q, ", ") + "]"
		},
	}
	t, err := template.New(kind).Funcs(funcs).Parse(archetype)
	if err != nil {
		return made{}, diag.Msg(diag.UsageNewArchetype, kind, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return made{}, diag.Msg(diag.UsageNewArchetype, kind, err)
	}
	m.path = filepath.Join(dir, m.rel)
	if err := os.MkdirAll(filepath.Dir(m.path), 0o755); err != nil {
		return made{}, err
	}
	f, err := os.OpenFile(m.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return made{}, diag.Msg(diag.UsageNewExists, m.path)
	}
	if err != nil {
		return made{}, err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return made{}, err
	}
	return m, f.Close()
}

// readArchetype reads archetypes/KIND.md of the site, else of the theme.
func readArchetype(dir, theme, kind string) (string, error) {
	for _, p := range []string{filepath.Join(dir, "archetypes", kind+".md"), filepath.Join(dir, "themes", theme, "archetypes", kind+".md")} {
		if b, err := os.ReadFile(p); err == nil {
			return string(b), nil
		}
	}
	return "", diag.Msg(diag.UsageNewNoArchetype, kind, theme)
}

// Limits of a page's name: a few words, short enough to read in a URL.
const (
	nameWords = 5
	nameBytes = 40
)

// pageName names a new page (its bundle folder, or its file without .md)
// in folder, relative to dir: short, ASCII, readable and unique. It is
// made of the title's first words: Latin words and numbers as they are,
// lowercased, and Chinese characters in pinyin, one syllable a word
// (关于举办 Summer Camp 的通知 -> ju-ban-summer-camp-tong), joined with
// '-'. A leading 关于 ("about") and 的 are left out, and 年 after a
// number (2026年 is 2026): they say nothing. A
// name of numbers only (2027, which reads as a year's page) or one that
// folio uses itself (page, index, section) gets the kind before it
// (event-2027); a title with nothing to spell gets the kind and the date.
// A name taken by a folder or a file (a.md or a/) gets -2, -3, ...
func pageName(dir, folder, title, kind string, now time.Time) string {
	words := titleWords(title)
	base := ""
	for _, w := range words {
		if len(base)+1+len(w) > nameBytes {
			if base == "" {
				base = w[:nameBytes]
			}
			break
		}
		if base != "" {
			base += "-"
		}
		base += w
	}
	switch {
	case base == "":
		base = kind + "-" + now.Format("2006-01-02")
	case base == "page" || base == "index" || base == "section" || strings.Trim(base, "0123456789-") == "":
		base = kind + "-" + base
	}
	name := base
	for i := 2; ; i++ {
		// Any error but "exists" ends the search: writing the file then
		// says what is wrong, where asking again would never end.
		_, errDir := os.Lstat(filepath.Join(dir, folder, name))
		_, errFile := os.Lstat(filepath.Join(dir, folder, name+".md"))
		if errDir != nil && errFile != nil {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

// titleWords gives the first nameWords words of a title, lowercased ASCII:
// Latin words and numbers, and the pinyin of Chinese characters. Full-width
// letters and digits (ＣＮＣ２０２６) count as Latin ones.
func titleWords(title string) []string {
	title = norm.NFKC.String(title)
	title = strings.TrimLeftFunc(title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	title = strings.TrimPrefix(title, "关于")
	args := pinyin.NewArgs()
	var words []string
	var latin strings.Builder
	flush := func() {
		if latin.Len() > 0 {
			words = append(words, strings.ToLower(latin.String()))
			latin.Reset()
		}
	}
	prev := rune(0)
	for _, r := range title {
		if len(words) >= nameWords {
			break
		}
		afterDigit := prev >= '0' && prev <= '9'
		prev = r
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			latin.WriteRune(r)
			continue
		}
		flush()
		if r == '的' || r == '年' && afterDigit {
			continue // 的 says nothing; 2026年 reads as 2026 (but 年会 of 2027年年会 stays)
		}
		if unicode.Is(unicode.Han, r) {
			for _, p := range pinyin.LazyPinyin(string(r), args) {
				if p = strings.Map(asciiAlnum, p); p != "" {
					words = append(words, p)
				}
			}
		}
	}
	flush()
	if len(words) > nameWords {
		words = words[:nameWords]
	}
	return words
}

// asciiAlnum keeps ASCII letters and digits, lowercased, and drops the rest.
func asciiAlnum(r rune) rune {
	switch {
	case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
		return r
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A'
	}
	return -1
}

// issueNumbers lists the numbered folders of a folder, ascending: the years
// of the journal, or the issues of a year.
func issueNumbers(yearDir string) []int {
	entries, _ := os.ReadDir(yearDir)
	var out []int
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// latestIssue finds the newest issue's folder, relative to dir: the highest
// number of the latest year.
func latestIssue(dir, journal string) (string, error) {
	years := issueNumbers(filepath.Join(dir, journal))
	for i := len(years) - 1; i >= 0; i-- {
		year := filepath.Join(journal, strconv.Itoa(years[i]))
		if numbers := issueNumbers(filepath.Join(dir, year)); len(numbers) > 0 {
			return filepath.Join(year, strconv.Itoa(numbers[len(numbers)-1])), nil
		}
	}
	return "", diag.Msg(diag.UsageNewNoIssue, journal)
}

// issueFrontMatter reads an issue's front matter as folio does (drafts and
// future issues too); nil if there is no such issue or it cannot be read
// (folio build then says why).
func issueFrontMatter(dir string, cfg *config.Config, issue string, now time.Time) *source.FrontMatter {
	if p := issuePage(dir, cfg, issue, now); p != nil {
		return &p.FM
	}
	return nil
}

// issuePage reads an issue as folio does, drafts and future issues too:
// its Unpublished says whether it is one.
func issuePage(dir string, cfg *config.Config, issue string, now time.Time) *source.Page {
	if issue == "" {
		return nil
	}
	var l diag.List
	c := source.Read(context.Background(), os.DirFS(dir), cfg, source.Options{Drafts: true, Future: true, Now: now}, &l)
	file := filepath.ToSlash(filepath.Join(issue, "_index.md"))
	for _, p := range c.Pages {
		if p.File == file && p.Kind == source.KindIssue {
			return p
		}
	}
	return nil
}

// next is the issue folio new issue makes.
type next struct {
	title               string
	year, number, total int
	columns             []string
}

// nextIssue works out the next issue: its year and number from the title
// when it gives them (2026年第30期), else this year and the number after
// the year's last issue (1 when the year has none: a new volume); its
// total (总第N期) counted on from the newest issue's, when that has one and
// the new issue comes after it; its columns as the newest issue's.
func nextIssue(dir, journal, newest, title string, now time.Time, fm *source.FrontMatter) next {
	n := next{title: title, year: now.Year()}
	y, num := issueTitle(title)
	if y > 0 {
		n.year = y
	}
	n.number = num
	if n.number == 0 {
		numbers := issueNumbers(filepath.Join(dir, journal, strconv.Itoa(n.year)))
		n.number = 1
		if len(numbers) > 0 {
			n.number = numbers[len(numbers)-1] + 1
		}
	}
	if fm != nil {
		n.columns = fm.Columns
		newestYear, _ := strconv.Atoi(filepath.Base(filepath.Dir(newest)))
		newestNumber, _ := strconv.Atoi(filepath.Base(newest))
		switch {
		case fm.Total == 0:
		case n.year == newestYear && n.number > newestNumber:
			n.total = fm.Total + n.number - newestNumber
		case n.year > newestYear:
			n.total = fm.Total + n.number
		}
	}
	if n.title == "" {
		n.title = fmt.Sprintf("%d年第%d期", n.year, n.number)
		if n.total > 0 {
			n.title += fmt.Sprintf("（总第%d期）", n.total)
		}
	}
	return n
}

// issueTitle reads the year and number an issue's title gives, 0 for what
// it does not give: "2026年第30期" is 2026 and 30; "第3期" only 3. A total
// ("总第230期") is not the number.
func issueTitle(title string) (year, number int) {
	title = norm.NFKC.String(title)
	if m := regexp.MustCompile(`(\d{4})\s*年`).FindStringSubmatch(title); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	for _, m := range regexp.MustCompile(`(总?)第\s*(\d+)\s*期`).FindAllStringSubmatch(title, -1) {
		if m[1] == "" {
			number, _ = strconv.Atoi(m[2])
			break
		}
	}
	return year, number
}
