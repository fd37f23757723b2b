// Package outputs keeps the one table of the paths a build publishes.
// Every output claims its path with what makes it (a page, an alias, a
// list, a feed, a copied file), and the table reports each collision once,
// naming both makers and how to part them, and a file where another output
// needs a folder of that name. Assemble fills it with a build's outputs and
// puts them into one publish.Site.
package outputs

import (
	"maps"
	"slices"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

// Kind says how the maker of a path can be moved, which decides the advice.
type Kind int

const (
	// Page is a content page's own output, moved by its slug or url.
	Page Kind = iota
	// Alias is a page's alias, moved by changing the alias.
	Alias
	// File is a file copied as it is (a theme's static file, a content
	// file, a bundle's resource), moved by renaming it.
	File
	// Generated is made by folio (a list's later pages, a feed, a
	// calendar, the sitemap, robots.txt, search files, the 404 and search
	// pages): its path is fixed, so the other maker must move.
	Generated
)

// Source is what claims a path.
type Source struct {
	// Pos is the file that makes the path and, where known, the front
	// matter key that made it (url, slug, aliases); zero for Generated
	// outputs that come from no file.
	Pos  diag.Pos
	Kind Kind
	// Name names a Generated output in messages ("the feed", "page 2 of
	// the list /news/"); the others are named by Pos.
	Name diag.Message
}

// named is s as a message names it, in the message's language.
func (s Source) named() any {
	switch {
	case s.Kind == Alias:
		return diag.Msg(diag.SourceAlias, s.Pos.String())
	case s.Name.Code != "":
		return s.Name
	}
	return s.Pos.String()
}

func (s Source) String() string {
	if m, ok := s.named().(diag.Message); ok {
		return m.Text(diag.English)
	}
	return s.Pos.String()
}

// fix says how to move s: "give content/a.md another slug or url".
func (s Source) fix() (diag.Message, bool) {
	switch s.Kind {
	case Page:
		return diag.Msg(diag.FixSlugOrURL, s.Pos.File), true
	case Alias:
		return diag.Msg(diag.FixAlias, s.Pos.File), true
	case File:
		return diag.Msg(diag.FixRename, s.Pos.File), true
	}
	return diag.Message{}, false
}

// Table is the claimed paths of one build. It is not safe for concurrent
// use.
type Table struct {
	claims map[string]claim
	l      *diag.List
}

// claim is a Source, or the model's output whose Source it is: described
// only when it collides, since a build claims tens of thousands of paths.
type claim struct {
	src Source
	out *site.Output
}

func (c claim) source() Source {
	if c.out != nil {
		return Of(*c.out)
	}
	return c.src
}

// New makes an empty table that reports collisions to l.
func New(size int, l *diag.List) *Table {
	return &Table{claims: make(map[string]claim, size), l: l}
}

// Claim makes a table of the model's outputs (pages, aliases, lists),
// reporting two that make one path. It runs as soon as the model is built,
// so that these are reported with the content's other errors.
func Claim(model *site.Site, l *diag.List) *Table {
	t := New(len(model.Outputs), l)
	for i := range model.Outputs {
		t.claim(model.Outputs[i].Path, claim{out: &model.Outputs[i]})
	}
	return t
}

// Claim claims path p (below the site root, as "news/x/index.html") for s.
// If another source claimed it first, Claim reports both and returns
// false: the first keeps the path.
func (t *Table) Claim(p string, s Source) bool {
	return t.claim(p, claim{src: s})
}

func (t *Table) claim(p string, c claim) bool {
	prev, taken := t.claims[p]
	if !taken {
		t.claims[p] = c
		return true
	}
	first, s := prev.source(), c.source()
	t.l.Add(blame(first, s), diag.CollisionBoth, first.named(), s.named(), p, advice(first, s))
	return false
}

// CheckFolders reports each claimed path whose folder is another claimed
// path, a file: a page at /feed.xml/ needs a folder feed.xml where the feed
// is. It reports each pair of makers once.
func (t *Table) CheckFolders() {
	seen := map[[2]string]bool{}
	for _, p := range slices.Sorted(maps.Keys(t.claims)) {
		for dir := range source.Parents(p) {
			c, ok := t.claims[dir]
			if !ok || dir == "" {
				continue
			}
			file := c.source()
			inside := t.claims[p].source()
			key := [2]string{dir, inside.String()}
			if seen[key] {
				continue
			}
			seen[key] = true
			t.l.Add(blame(file, inside), diag.CollisionInPath, inside.named(), p, file.named(), dir, advice(inside, file))
		}
	}
}

// blame picks where a diagnostic is reported: at the source an editor can
// move, preferring the front matter key that set the path (the url that
// took another page's place) to a file's name, and else the later one.
func blame(first, second Source) diag.Pos {
	pos := second.Pos
	switch {
	case second.Kind == Generated && first.Kind != Generated,
		pos.File == "",
		first.Kind != Generated && first.Pos.Line > 0 && pos.Line == 0:
		pos = first.Pos
	}
	if pos.File == "" { // two outputs of folio's own: a section or taxonomy takes the other's place
		pos.File = source.ContentDir
	}
	return pos
}

// advice says how to part two sources: "; give one of them another slug or
// url", or "" when neither can move.
func advice(a, b Source) diag.Message {
	if a.Kind == b.Kind && a.Kind != Generated && a.Pos.File != b.Pos.File {
		switch a.Kind {
		case Page:
			return diag.Msg(diag.FixOneSlug)
		case Alias:
			return diag.Msg(diag.FixOneAlias)
		case File:
			return diag.Msg(diag.FixOneFile)
		}
	}
	var fixes diag.Either
	seen := map[string]bool{}
	for _, s := range []Source{a, b} {
		if f, ok := s.fix(); ok && !seen[f.Error()] {
			seen[f.Error()] = true
			fixes = append(fixes, f)
		}
	}
	if len(fixes) == 0 {
		return diag.Msg(diag.Nothing)
	}
	return diag.Msg(diag.FixEither, fixes)
}
