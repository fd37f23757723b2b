package render_test

import (
	"flag"
	"fmt"
	"html/template"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/render"
	"folio.dev/folio/generator/shortcode"
)

var inventory = flag.Bool("inventory", false, "print what templates can reach, as docs/templates.md lists it")

// reachable walks the types a template can reach from dot: the exported
// fields and methods of each struct, and the element types of slices and
// maps, but not into the standard library's types (time.Time is
// documented by Go). It returns "Type" -> its members.
func reachable(roots ...reflect.Type) map[string][]string {
	out := map[string][]string{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
			if t.Kind() == reflect.Map {
				walk(t.Key())
			}
			t = t.Elem()
		}
		if seen[t] || !strings.HasPrefix(t.PkgPath(), "folio.dev/") || t.Name() == "" {
			return
		}
		seen[t] = true
		name := typeName(t)
		members := []string{}
		if t.Kind() == reflect.Struct {
			for _, f := range reflect.VisibleFields(t) {
				if !f.IsExported() || f.Anonymous {
					continue
				}
				members = append(members, f.Name)
				walk(f.Type)
			}
		}
		for _, typ := range []reflect.Type{t, reflect.PointerTo(t)} {
			for i := range typ.NumMethod() {
				m := typ.Method(i)
				if !slices.Contains(members, m.Name) {
					members = append(members, m.Name)
				}
				for j := range m.Type.NumOut() {
					walk(m.Type.Out(j))
				}
			}
		}
		sort.Strings(members)
		out[name] = members
	}
	for _, r := range roots {
		walk(r)
	}
	return out
}

func typeName(t reflect.Type) string {
	pkg := t.PkgPath()
	return pkg[strings.LastIndex(pkg, "/")+1:] + "." + t.Name()
}

// funcs are the template functions of layouts: the render stage's, the
// theme's (T, partialCached) and html/template's own.
func funcs() []string {
	names := []string{"T", "partialCached"}
	for name := range render.Funcs(&config.Config{Location: time.UTC}, nil) {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// TestTemplateReference checks docs/templates.md against the code: every
// type a layout or a shortcode can reach has a section (### `site.Page`),
// every member of it a line (- `.Title`), every function a line
// (- `relURL`), and nothing is listed that is not there.
func TestTemplateReference(t *testing.T) {
	t.Parallel()
	types := reachable(reflect.TypeFor[render.Data](), reflect.TypeFor[*shortcode.Context]())
	if *inventory {
		var names []string
		for n := range types {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Printf("### `%s`\n\n", n)
			for _, m := range types[n] {
				fmt.Printf("- `.%s`\n", m)
			}
			fmt.Println()
		}
		for _, f := range funcs() {
			fmt.Printf("- `%s`\n", f)
		}
	}
	doc, err := os.ReadFile("../../docs/templates.md")
	if err != nil {
		t.Fatal(err)
	}
	documented := map[string][]string{} // section -> members listed
	section := ""
	heading := regexp.MustCompile("^### `([a-z]+\\.[A-Za-z]+)`")
	member := regexp.MustCompile("^- `\\.([A-Za-z]+)`")
	fn := regexp.MustCompile("^- `([a-zA-Z]+)`")
	var docFuncs []string
	inFuncs := false
	for _, line := range strings.Split(string(doc), "\n") {
		if m := heading.FindStringSubmatch(line); m != nil {
			section, inFuncs = m[1], false
			documented[section] = []string{}
			continue
		}
		if strings.HasPrefix(line, "## ") {
			section, inFuncs = "", strings.HasPrefix(line, "## Functions")
			continue
		}
		if m := member.FindStringSubmatch(line); m != nil && section != "" {
			documented[section] = append(documented[section], m[1])
		} else if m := fn.FindStringSubmatch(line); m != nil && inFuncs {
			docFuncs = append(docFuncs, m[1])
		}
	}
	for typ, members := range types {
		have, ok := documented[typ]
		if !ok {
			t.Errorf("docs/templates.md has no section ### `%s` (templates reach it)", typ)
			continue
		}
		for _, m := range members {
			if !slices.Contains(have, m) {
				t.Errorf("docs/templates.md: %s has no line - `.%s`", typ, m)
			}
		}
		for _, m := range have {
			if !slices.Contains(members, m) {
				t.Errorf("docs/templates.md: %s lists .%s, which templates cannot reach (renamed or removed?)", typ, m)
			}
		}
	}
	for typ := range documented {
		if _, ok := types[typ]; !ok {
			t.Errorf("docs/templates.md has a section for %s, which templates cannot reach", typ)
		}
	}
	all := funcs()
	for _, f := range all {
		if !slices.Contains(docFuncs, f) {
			t.Errorf("docs/templates.md: the function %s has no line - `%s` under ## Functions", f, f)
		}
	}
	for _, f := range docFuncs {
		if !slices.Contains(all, f) && !builtin[f] {
			t.Errorf("docs/templates.md lists the function %s, which layouts do not have", f)
		}
	}
}

// builtin are text/template's own functions, which the reference lists
// too.
var builtin = map[string]bool{"and": true, "or": true, "not": true, "eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true,
	"len": true, "index": true, "slice": true, "print": true, "printf": true, "println": true, "html": true, "js": true, "urlquery": true, "call": true}

var _ = template.HTML("")
