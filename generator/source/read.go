package source

import (
	"context"
	"hash/maphash"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
	"folio.dev/folio/generator/work"
)

// ContentDir is the folder of the site's file system that holds the pages.
const ContentDir = "content"

// Limits no real site reaches, so that a careless or hostile file is an
// error at its place rather than minutes of CPU and gigabytes of memory
// (issue 17). The README says why each is where it is.
const (
	// MaxFileSize is the most bytes a Markdown file may have: a 20 MB
	// file (a whole book pasted in) still builds, in seconds.
	MaxFileSize = 32 << 20
	// MaxKeys is the most keys a page's front matter may have, params'
	// counted: a page uses about 10, a rich one 50.
	MaxKeys = 1000
)

// Options says which pages a build publishes.
type Options struct {
	Drafts  bool      // publish pages with draft = true
	Future  bool      // publish pages whose publishDate (or date) is after Now
	Now     time.Time // the build's time: future and expired pages are judged against it
	Workers int       // files read in parallel; 0 means 1
	// Cache, if set, keeps parsed files for the next Read of the same site.
	Cache *Cache
	// Changed, with a Cache, lists the files (paths from the site's root)
	// changed since the last Read: the others are not looked at again.
	// nil means not known: every file is looked at.
	Changed []string
	// ReadLater lets go of each file's text once its front matter is read:
	// Content.Text reads it again when the page is converted (folio build:
	// the Markdown of 50,000 pages is 150 MB that would otherwise wait
	// for its turn). Not with a Cache.
	ReadLater bool
}

// Content is what Read found.
type Content struct {
	// Pages are the published pages, sorted by File.
	Pages []*Page
	// Left are pages left out of this build (drafts, future, expired),
	// keyed by File, with the reason, so links to them can say why.
	Left map[string]diag.Message
	// LeftURLs are the URLs those pages would have, with their files, so
	// that a link by address can say why too.
	LeftURLs map[string]string
	// Broken are the Markdown files that could not be read as pages (not
	// UTF-8, front matter that does not parse), with the position of their
	// first error: a link to one says the file is there, and where its
	// error is.
	Broken map[string]diag.Pos
	// Files are content files outside any page folder, copied as they are:
	// path in the site's file system -> path below the site root.
	Files map[string]string
	// NextChange is the earliest time after Now at which a page comes in
	// (its publishDate or date arrives) or goes (its expiryDate arrives);
	// zero if none. Drafts do not count: they wait for a commit.
	NextChange time.Time

	fsys fs.FS // to read a page's text again (ReadLater)
}

// Read reads every Markdown file below content/ in fsys.
func Read(ctx context.Context, fsys fs.FS, cfg *config.Config, opts Options, l *diag.List) *Content {
	files := opts.Cache.listing(fsys, opts.Changed, l)
	if files == nil {
		return &Content{}
	}
	var mdFiles, otherFiles []string
	sizes := map[string]int64{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if files[p].Mode()&fs.ModeSymlink != 0 {
			l.Add(diag.Pos{File: p}, diag.FileSymlink)
			continue
		}
		if strings.HasSuffix(p, ".md") {
			mdFiles = append(mdFiles, p)
		} else {
			otherFiles = append(otherFiles, p)
			sizes[p] = files[p].Size()
		}
	}
	pages, broken := readAll(ctx, fsys, mdFiles, files, opts, l)
	c := &Content{Left: map[string]diag.Message{}, LeftURLs: map[string]string{}, Broken: broken, Files: map[string]string{}, fsys: fsys}
	owners := map[string]*Page{} // folder below content/ -> the page that owns it
	for _, p := range pages {
		place(p, cfg, l)
		if p.Branch || p.Bundle {
			owners[p.Dir] = p
		}
	}
	pages = append(pages, missingSections(pages, owners, opts, cfg.Location)...)
	checkArticles(pages, owners, cfg, l)
	for _, p := range pages {
		c.NextChange = Earliest(c.NextChange, opts.Now, p.FM.PublishDate.In(cfg.Location), p.FM.Date.In(cfg.Location), p.FM.ExpiryDate.In(cfg.Location))
		state, why := publication(p, owners, opts, cfg.Location)
		checkLeftOutOfIssue(p, owners, opts, cfg.Location, l)
		checkLateDate(p, opts, cfg.Location, l)
		if !p.invalid && !p.bare && !p.Branch && p.FM.Title == "" {
			// A page this build leaves out harms no reader without a
			// title: a draft written by folio new "" must not stop CI
			// from publishing everything else. It is said, to be fixed
			// before the page goes out, when it becomes an error.
			code := diag.FMNoTitle
			if why.Code != "" {
				code = diag.FMNoTitleLeftOut
			}
			l.Add(KeyPos(p, "title"), code)
		}
		if why.Code != "" {
			c.Left[p.File] = why
			if !p.invalid && p.URL != "" {
				c.LeftURLs[p.URL] = p.File
			}
			continue
		}
		checkFinished(p, l)
		p.Unpublished = state
		c.Pages = append(c.Pages, p)
	}
	sort.Slice(c.Pages, func(i, j int) bool { return c.Pages[i].File < c.Pages[j].File })
	assignFiles(c, otherFiles, sizes, owners, pages)
	checkAliases(c.Pages, l)
	return c
}

// textSeed is the seed of the sums that tell a file read again
// (Content.Text) from the one read first.
var textSeed = maphash.MakeSeed()

// Text returns page p's text, read again from its file if Read let go of
// it (ReadLater). A file that changed since Read is an error reported
// into l: its front matter, already read, would not match its text; its
// text is then empty.
func (c *Content) Text(p *Page, l *diag.List) *Text {
	if !p.text.later {
		return &p.text
	}
	src, err := fs.ReadFile(c.fsys, p.File)
	ok := err == nil
	if ok && !p.text.asRead {
		var again diag.List // said when the file was read first
		src, ok = clean(p.File, src, &again)
	}
	if !ok || maphash.Bytes(textSeed, src) != p.text.sum {
		l.Add(diag.Pos{File: p.File}, diag.FileChanged)
		return &Text{}
	}
	return &Text{Src: src, BodyStart: p.text.BodyStart}
}

// readAll parses the files with a pool of workers. Each file gets its own
// diagnostics, appended in file order so the result does not depend on
// which worker finished first.
func readAll(ctx context.Context, fsys fs.FS, files []string, infos map[string]fs.FileInfo, opts Options, l *diag.List) (read []*Page, broken map[string]diag.Pos) {
	pages := make([]*Page, len(files))
	diags := make([]diag.List, len(files))
	dec := &schema.Decoder{MaxKeys: MaxKeys} // the front matter's keys, for every file
	work.Named(ctx, len(files), opts.Workers, func(i int) string { return files[i] }, func(i int) {
		pages[i] = opts.Cache.load(fsys, files[i], infos[files[i]], dec, opts.ReadLater, &diags[i])
	})
	var out []*Page
	broken = map[string]diag.Pos{}
	for i := range files {
		*l = append(*l, diags[i]...)
		if pages[i] != nil {
			out = append(out, pages[i])
			continue
		}
		for _, d := range diags[i] {
			if d.Severity == diag.Error {
				broken[files[i]] = d.Pos
				break
			}
		}
	}
	return out, broken
}

// place decides a page's folder, kind and section, its dates, and its URL.
func place(p *Page, cfg *config.Config, l *diag.List) {
	rel := strings.TrimPrefix(p.File, ContentDir+"/")
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	switch base {
	case "_index.md":
		p.Branch = true
		p.Dir = dir
	case "index.md":
		p.Bundle = true
		p.Dir = dir
	default:
		p.Dir = path.Join(dir, strings.TrimSuffix(base, ".md"))
	}
	parts := strings.Split(p.Dir, "/")
	if len(parts) > 1 || p.Branch {
		p.Section = parts[0]
	}
	p.Kind = kindOf(p, parts, cfg, l)
	loc := cfg.Location
	p.Date = p.FM.Date.In(loc)
	if p.Date.IsZero() { // a page to be published later is dated then
		p.Date = p.FM.PublishDate.In(loc)
	}
	p.Lastmod = p.FM.Lastmod.In(loc)
	if p.Lastmod.IsZero() {
		p.Lastmod = p.Date
	}
	if !p.invalid {
		checkFrontMatter(p, cfg.Location, l)
	}
	if p.FM.Title == "" && p.Branch && p.Dir != "" {
		p.FM.Title = parts[len(parts)-1]
	}
	p.URL = pageURL(p, cfg, l)
}

// checkFrontMatter reports keys a page of its kind cannot do without, and
// values that decoded but make no sense.
func checkFrontMatter(p *Page, loc *time.Location, l *diag.List) {
	if p.bare && !p.Branch {
		l.Add(diag.Pos{File: p.File, Line: 1, Col: 1}, diag.FMMissing)
		return
	}
	for _, list := range []struct {
		key   string
		terms []string
	}{{"tags", p.FM.Tags}, {"categories", p.FM.Categories}, {"committees", p.FM.Committees}} {
		for _, term := range list.terms {
			if strings.TrimSpace(term) == "" {
				l.Add(KeyPos(p, list.key), diag.FMEmptyItem, list.key)
			}
		}
	}
	if err := config.CheckLink(p.FM.Registration); err != nil {
		l.Add(KeyPos(p, "registration"), diag.FMRegistration, p.FM.Registration, err)
	}
	if !p.FM.End.IsZero() && p.FM.End.In(loc).Before(p.FM.Start.In(loc)) {
		l.Add(KeyPos(p, "end"), diag.FMEventEndsEarly, p.FM.End.In(loc).Format("2006-01-02 15:04"), p.FM.Start.In(loc).Format("2006-01-02 15:04"))
	}
	switch p.FM.Status {
	case "", "scheduled", "cancelled", "postponed":
	default:
		l.Add(KeyPos(p, "status"), diag.FMStatusUnknown, p.FM.Status)
	}
	if p.Kind == KindIssue && p.FM.Number == 0 {
		l.Add(KeyPos(p, "number"), diag.FMIssueNoNumber)
	}
	if (p.Kind == KindPost || p.Kind == KindIssue) && p.FM.Date.IsZero() && p.FM.PublishDate.IsZero() {
		code := diag.FMPostNoDate
		if p.Kind == KindIssue {
			code = diag.FMIssueNoDate
		}
		l.Add(KeyPos(p, "date"), code)
	}
	if p.Kind == KindEvent && p.FM.Start.IsZero() {
		l.Add(KeyPos(p, "start"), diag.FMEventNoStart)
	}
}

// kindOf decides a page's kind from its place, unless front matter sets type.
func kindOf(p *Page, parts []string, cfg *config.Config, l *diag.List) Kind {
	switch {
	case p.Dir == "" && p.Branch:
		return KindHome
	case p.Branch && p.Section == cfg.Journal.Section && len(parts) == 3:
		return KindIssue
	case p.Branch && len(parts) == 2 && isTaxonomy(cfg, p.Section):
		return KindTerm
	case p.Branch:
		return KindSection
	}
	switch t := Kind(p.FM.Type); t {
	case KindPage, KindPost, KindEvent:
		return t
	case "":
	default:
		l.Add(KeyPos(p, "type"), diag.FMTypeUnknown, p.FM.Type)
	}
	switch p.Section {
	case "":
		return KindPage
	case cfg.Events.Section:
		return KindEvent
	case cfg.Journal.Section:
		return KindArticle
	}
	return KindPost
}

func isTaxonomy(cfg *config.Config, name string) bool {
	for _, plural := range cfg.Taxonomies {
		if plural == name {
			return true
		}
	}
	return false
}

// missingSections makes a section page for each top-level folder that has
// pages but no _index.md, so that /news/ lists the news even before an
// editor writes content/news/_index.md. Its title is the folder's name. A
// page that takes the section's URL itself (content/news.md, or an alias)
// wins: no section page is made then. An _index.md left out of the build (a
// draft) counts as missing.
func missingSections(pages []*Page, owners map[string]*Page, opts Options, loc *time.Location) []*Page {
	taken := map[string]bool{}
	for _, p := range pages {
		if _, why := leftOut(p, opts, loc); why.Code != "" {
			continue
		}
		taken[p.URL] = true
		for _, a := range p.Aliases() {
			taken[a] = true
		}
	}
	var out []*Page
	for _, p := range pages {
		owner := owners[p.Section]
		if _, why := publication(p, owners, opts, loc); why.Code != "" || p.Section == "" || taken["/"+p.Section+"/"] {
			continue // a folder of drafts gets no list: it would show that something is coming
		}
		if owner != nil {
			if _, why := leftOut(owner, opts, loc); why.Code == "" {
				continue
			}
		}
		s := &Page{Dir: p.Section, Kind: KindSection, Section: p.Section, Branch: true, URL: "/" + p.Section + "/"}
		s.FM.Title = p.Section
		owners[p.Section] = s
		out = append(out, s)
	}
	return out
}

// checkArticles reports journal articles that are not in an issue's folder.
func checkArticles(pages []*Page, owners map[string]*Page, cfg *config.Config, l *diag.List) {
	for _, p := range pages {
		if p.Kind != KindArticle {
			continue
		}
		if o := owners[path.Dir(p.Dir)]; o == nil || o.Kind != KindIssue {
			l.Add(diag.Pos{File: p.File, Line: 1, Col: 1}, diag.FMArticleNoIssue, cfg.Journal.Section)
		}
	}
}

// Earliest returns the earliest of next and the times given that are after
// now; zero times are ignored.
func Earliest(next, now time.Time, times ...time.Time) time.Time {
	for _, t := range times {
		if t.After(now) && (next.IsZero() || t.Before(next)) {
			next = t
		}
	}
	return next
}

// publication is the one rule of what a build publishes: it returns why
// the page is left out of this build, or "" and the state it is shown in
// ("draft" or "future" when only --drafts or --future brought it in,
// "issueDraft" or "issueFuture" when they brought in its issue and its own
// front matter would publish it, else ""). A journal article shares the
// fate of its issue: it is published only when the issue is, and its own
// dates allow it. Every output of the site
// is made from the pages this lets through, and the files of a page's
// folder follow the page (assignFiles). Dates written without a zone are
// in the site's time zone, loc.
func publication(p *Page, owners map[string]*Page, opts Options, loc *time.Location) (state string, why diag.Message) {
	state, why = leftOut(p, opts, loc)
	if why.Code != "" || p.Kind != KindArticle {
		return state, why
	}
	issue := owners[path.Dir(p.Dir)]
	if issue == nil || issue.Kind != KindIssue {
		return state, why // checkArticles reports it
	}
	issueState, issueWhy := leftOut(issue, opts, loc)
	if issueWhy.Code != "" {
		return "", diag.Msg(diag.WhyIssueUnpublished, issue.File, issueWhy)
	}
	if state == "" {
		state = map[string]string{"draft": "issueDraft", "future": "issueFuture"}[issueState]
	}
	return state, diag.Message{}
}

// checkLeftOutOfIssue warns of a journal article that its own front
// matter keeps out of a build (draft = true, or a date to come) while its
// issue is published: the issue goes out without it, and nothing else
// would say so. It is said whatever --drafts and --future bring in, since
// it is about what folio build publishes (folio serve shows such an
// article, with its banner); an issue that is itself held back takes its
// articles with it, and says so in its own banner.
func checkLeftOutOfIssue(p *Page, owners map[string]*Page, opts Options, loc *time.Location, l *diag.List) {
	if p.Kind != KindArticle {
		return
	}
	issue := owners[path.Dir(p.Dir)]
	if issue == nil || issue.Kind != KindIssue {
		return
	}
	if state, why := leftOut(issue, opts, loc); state != "" || why.Code != "" {
		return
	}
	if p.FM.Draft {
		l.Add(KeyPos(p, "draft"), diag.ArticleDraftInIssue, issue.File)
		return
	}
	key, publish := "publishDate", p.FM.PublishDate.In(loc)
	if publish.IsZero() {
		key, publish = "date", p.FM.Date.In(loc)
	}
	if publish.After(opts.Now) {
		l.Add(KeyPos(p, key), diag.ArticleFutureInIssue, issue.File, publish.Format("2006-01-02 15:04"))
	}
}

// checkFinished reports what folio new leaves for the editor to fill in
// and a page to be published still has: the prompt in its text, an author
// without a name (its citation would start with a full stop). A page left
// out is a page being written: nothing is said of it.
func checkFinished(p *Page, l *diag.List) {
	if p.placeholder.File != "" {
		l.Add(p.placeholder, diag.FMPlaceholder, placeholderPrompt)
	}
	for i, a := range p.FM.Authors {
		if strings.TrimSpace(a.Name) == "" {
			l.Add(KeyPos(p, "authors"), diag.FMAuthorNoName, i+1)
		}
	}
}

// checkLateDate warns of a page that a date to come keeps out of the
// build when the date is likely a slip: an event published only on the day
// it starts or later (date set to the event's day, which start says), or a date more
// than five years ahead (a year mistyped: 2207 for 2027).
func checkLateDate(p *Page, opts Options, loc *time.Location, l *diag.List) {
	if p.FM.Draft || p.invalid {
		return
	}
	key, publish := "publishDate", p.FM.PublishDate.In(loc)
	if publish.IsZero() {
		key, publish = "date", p.FM.Date.In(loc)
	}
	if !publish.After(opts.Now) {
		return
	}
	const layout = "2006-01-02 15:04"
	switch start := p.FM.Start.In(loc); {
	case publish.After(opts.Now.AddDate(5, 0, 0)):
		l.Add(KeyPos(p, key), diag.DateFarAhead, key, publish.Format(layout))
	case p.Kind == KindEvent && !start.IsZero() && !publish.Before(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc)):
		l.Add(KeyPos(p, key), diag.EventPublishedLate, key, publish.Format(layout), start.Format(layout))
	}
}

// leftOut applies the publication rule to the page alone (publication adds
// what it inherits).
func leftOut(p *Page, opts Options, loc *time.Location) (state string, why diag.Message) {
	if p.FM.Draft {
		if !opts.Drafts {
			return "", diag.Msg(diag.WhyDraft)
		}
		state = "draft"
	}
	publish := p.FM.PublishDate.In(loc)
	if publish.IsZero() {
		publish = p.FM.Date.In(loc)
	}
	if publish.After(opts.Now) {
		if !opts.Future {
			return "", diag.Msg(diag.WhyFuture, publish.Format("2006-01-02 15:04"))
		}
		if state == "" {
			state = "future"
		}
	}
	if exp := p.FM.ExpiryDate.In(loc); !exp.IsZero() && !exp.After(opts.Now) {
		return "", diag.Msg(diag.WhyExpired, exp.Format("2006-01-02 15:04"))
	}
	return state, diag.Message{}
}

// assignFiles gives each non-Markdown file to the page whose folder holds it
// (the nearest folder with an index.md or _index.md); files of no page are
// copied to the same path below the site root. A file shares its page's
// fate: the files of a page that is not published are not either (an exam
// paper beside a draft notice), and neither are those in the folder named
// like a page that is not published (content/notices/x/ beside x.md).
func assignFiles(c *Content, files []string, sizes map[string]int64, owners map[string]*Page, pages []*Page) {
	published := map[*Page]bool{}
	for _, p := range c.Pages {
		published[p] = true
	}
	leaves := map[string]*Page{} // folder -> the single-file page named like it
	for _, p := range pages {
		if !p.Branch && !p.Bundle && owners[p.Dir] == nil {
			leaves[p.Dir] = p
		}
	}
	for _, f := range files {
		rel := strings.TrimPrefix(f, ContentDir+"/")
		owner, leaf := (*Page)(nil), (*Page)(nil)
		for d := range Parents(rel) {
			if leaf == nil {
				leaf = leaves[d]
			}
			if o := owners[d]; o != nil {
				owner = o
				break
			}
		}
		if leaf != nil && !published[leaf] {
			c.Left[f] = diag.Msg(diag.WhyInFolderOf, leaf.File, c.Left[leaf.File])
			continue
		}
		if owner == nil {
			c.Files[f] = rel
			continue
		}
		if !published[owner] {
			c.Left[f] = diag.Msg(diag.WhyBelongsTo, owner.File, c.Left[owner.File])
			continue
		}
		owner.Resources = append(owner.Resources, f)
		if owner.sizes == nil {
			owner.sizes = map[string]int64{}
		}
		owner.sizes[f] = sizes[f]
	}
	for _, p := range c.Pages {
		sort.Strings(p.Resources)
	}
}

// ResourceURL is the URL of a file of the page's folder, by its path
// relative to the folder.
func (p *Page) ResourceURL(name string) string {
	file, _, _ := p.Resource(name)
	return "/" + p.ResourcePath(file)
}

// ResourcePath returns where a page's resource file is written, below the
// site root: beside the page, keeping its path inside the page's folder.
func (p *Page) ResourcePath(file string) string {
	inner := strings.TrimPrefix(file, path.Join(ContentDir, p.Dir)+"/")
	dir := p.URL
	if !strings.HasSuffix(dir, "/") {
		dir = path.Dir(dir) + "/"
	}
	return strings.TrimPrefix(dir, "/") + inner
}
