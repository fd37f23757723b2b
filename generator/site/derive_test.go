package site_test

import (
	"reflect"
	"testing"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/shortcode"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/testkit"
)

// A model derived for a text edit equals the one it came from in every
// value but the edited text, and shares none of the model's own values
// with it: a field added to the model but not to the derivation fails
// one of the two checks (a copy that drops it, or a pointer left leading
// into the old model).
func TestWithTextSharesNoPage(t *testing.T) {
	t.Parallel()
	c := testkit.Corpus(t, 300, testkit.Model) // journal issues, events, terms, archives
	old := c.Model
	if same := site.WithText(old, nil); !reflect.DeepEqual(old, same) {
		t.Fatal("the model derived with no edit differs from the model it came from")
	}

	var edited *site.Page
	for _, p := range old.Pages {
		if p.InIssue != nil && p.PrevArticle != nil {
			edited = p
			break
		}
	}
	if edited == nil {
		t.Fatal("the corpus has no journal article with a previous article")
	}
	before := edited.HTML()
	result := c.Markdown.Render(markup.Doc{File: edited.File, Src: []byte("改过了\n"), Page: &shortcode.Page{}}, nil, &diag.List{})
	if result.HTML() != "<p>改过了</p>\n" {
		t.Fatalf("the edit converts to %q", result.HTML())
	}
	text := site.Text{Page: edited.Page, Result: result}
	derived := site.WithText(old, map[string]site.Text{edited.File: text})

	if edited.HTML() != before {
		t.Errorf("WithText changed the old model's page: HTML %q", edited.HTML())
	}
	var found *site.Page
	for _, p := range derived.Pages {
		if p.File == edited.File {
			found = p
		}
	}
	if found == nil || found.HTML() != result.HTML() || found.PrevArticle.NextArticle != found || found.InIssue.Issue == nil {
		t.Fatalf("the derived model's page is not the edited one, linked to its neighbours: %+v", found)
	}

	oldValues := modelValues(reflect.ValueOf(old))
	newValues := modelValues(reflect.ValueOf(derived))
	if len(newValues) < len(old.Pages)+len(old.Outputs)/2 {
		t.Fatalf("found only %d values in the derived model of %d pages", len(newValues), len(old.Pages))
	}
	for ptr, what := range newValues {
		if oldValues[ptr] != "" {
			t.Errorf("the derived model shares a %s with the old one", what)
		}
	}
}

// modelValues returns every value of package site that v leads to and
// that points on into the model (a page's Event, which does not, may be
// shared), by address (pointers, and slices' and maps' storage).
func modelValues(v reflect.Value) map[uintptr]string {
	seen := map[uintptr]string{}
	site := reflect.TypeFor[site.Site]().PkgPath()
	src := reflect.TypeFor[source.Page]().PkgPath()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || v.Type().Elem().PkgPath() == src { // source pages are shared, read-only
				return
			}
			if _, ok := seen[v.Pointer()]; ok {
				return
			}
			if v.Type().Elem().PkgPath() == site && holdsModel(v.Type().Elem(), site, map[reflect.Type]bool{}) {
				seen[v.Pointer()] = v.Type().String()
			} else {
				seen[v.Pointer()] = "" // walked, not counted
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice:
			if v.Len() == 0 {
				return
			}
			if hasModel(v.Type().Elem(), site) {
				seen[v.Pointer()] = v.Type().String()
			}
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			if v.Len() > 0 && hasModel(v.Type().Elem(), site) {
				seen[v.Pointer()] = v.Type().String()
			}
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		}
	}
	walk(v)
	for p, what := range seen {
		if what == "" {
			delete(seen, p)
		}
	}
	return seen
}

// hasModel tells whether t is, or holds, a pointer to a type of package pkg.
func hasModel(t reflect.Type, pkg string) bool {
	switch t.Kind() {
	case reflect.Pointer:
		return t.Elem().PkgPath() == pkg
	case reflect.Slice, reflect.Array:
		return hasModel(t.Elem(), pkg)
	case reflect.Struct:
		for i := range t.NumField() {
			if hasModel(t.Field(i).Type, pkg) {
				return true
			}
		}
	}
	return false
}

// holdsModel tells whether a value of type t can lead to a value of
// package pkg: t is, or holds, a pointer, slice or map of one.
func holdsModel(t reflect.Type, pkg string, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return t.Elem().PkgPath() == pkg && t.Elem().Kind() == reflect.Struct || holdsModel(t.Elem(), pkg, seen)
	case reflect.Map:
		return holdsModel(t.Elem(), pkg, seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsModel(t.Field(i).Type, pkg, seen) {
				return true
			}
		}
	}
	return false
}

// Every page a model leads to spells out its source page's and its
// result's fields as they are (site.Page's URL, Date, Summary...), in a model
// built and in one derived for a text edit: the journal's articles without
// a date take their issue's, which must reach both.
func TestPagesSpellTheirSource(t *testing.T) {
	t.Parallel()
	c := testkit.Corpus(t, 300, testkit.Model)
	var edited *site.Page
	for _, p := range c.Model.Pages {
		if p.InIssue != nil && p.FM.Date.IsZero() && !p.Page.Date.IsZero() {
			edited = p
			break
		}
	}
	if edited == nil {
		t.Fatal("the corpus has no journal article dated by its issue")
	}
	result := c.Markdown.Render(markup.Doc{File: edited.File, Src: []byte("改过了\n"), Page: &shortcode.Page{}}, nil, &diag.List{})
	derived := site.WithText(c.Model, map[string]site.Text{edited.File: {Page: source.WithText(edited.Page, edited.Page), Result: result}})
	for name, m := range map[string]*site.Site{"built": c.Model, "derived": derived} {
		pages := pagesOf(reflect.ValueOf(m))
		if len(pages) < len(m.Pages) {
			t.Fatalf("%s: found %d pages of %d", name, len(pages), len(m.Pages))
		}
		for _, p := range pages {
			if p.URL != p.Page.URL || p.Section != p.Page.Section || !p.Date.Equal(p.Page.Date) || !p.Lastmod.Equal(p.Page.Lastmod) || p.FM != &p.Page.FM ||
				p.Kind != p.Page.Kind || p.Unpublished != p.Page.Unpublished || p.Summary != p.Result.Summary || p.WordCount != p.Result.WordCount || p.ReadingTime != p.Result.ReadingTime {
				t.Errorf("%s: %s spells %q %q %v %v, its source page is %q %q %v %v", name, p.Page.URL, p.URL, p.Section, p.Date, p.Lastmod, p.Page.URL, p.Page.Section, p.Page.Date, p.Page.Lastmod)
			}
		}
	}
}

// pagesOf returns every page value v leads to.
func pagesOf(v reflect.Value) []*site.Page {
	var pages []*site.Page
	seen := map[uintptr]bool{}
	pageType := reflect.TypeFor[*site.Page]()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] || v.Type().Elem().PkgPath() != pageType.Elem().PkgPath() {
				return
			}
			seen[v.Pointer()] = true
			if v.Type() == pageType {
				pages = append(pages, v.Interface().(*site.Page))
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		}
	}
	walk(v)
	return pages
}
