package diag

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the list of codes in docs/diagnostics.md")

// places are a message's {name} and {name:q}, as Text reads them.
var places = regexp.MustCompile(`\{([a-z]+)(?::q)?\}`)

// TestCatalog checks every message: both languages, the same values named
// in each and each of them given, and an example that shows them all.
func TestCatalog(t *testing.T) {
	t.Parallel()
	for _, code := range Codes() {
		e := catalog[code]
		if code != Nothing && (strings.TrimSpace(e.zh) == "" || strings.TrimSpace(e.en) == "") {
			t.Errorf("%s: a message in each language is needed (zh %q, en %q)", code, e.zh, e.en)
		}
		names := func(text string) []string {
			var n []string
			for _, m := range places.FindAllStringSubmatch(text, -1) {
				if !slices.Contains(n, m[1]) {
					n = append(n, m[1])
				}
			}
			slices.Sort(n)
			return n
		}
		zh, en := names(e.zh), names(e.en)
		args := slices.Sorted(slices.Values(e.args))
		if !slices.Equal(zh, args) || !slices.Equal(en, args) {
			t.Errorf("%s: its values are %q, but the Chinese message names %q and the English %q", code, args, zh, en)
		}
		if len(e.example) != len(e.args) {
			t.Errorf("%s: the example gives %d values for the %d of the message (%q)", code, len(e.example), len(e.args), e.args)
		}
		for _, lang := range Langs {
			if text := Msg(code, e.example...).Text(lang); strings.Contains(text, "?}") || strings.Contains(text, "%!") {
				t.Errorf("%s in %v: a value is missing: %s", code, lang, text)
			}
		}
		if e.kind == "" {
			t.Errorf("%s has no kind", code)
		}
		if _, ok := kindTitles[e.kind]; !ok && e.kind != KindPart {
			t.Errorf("%s: kind %q has no title", code, e.kind)
		}
	}
}

// TestCallsGiveEveryValue reads folio's source for every call that names a
// code (l.Add, l.AddAs, diag.Msg, and helpers that pass a code on) and
// checks it gives as many values as the message names; and that every
// code is said somewhere.
func TestCallsGiveEveryValue(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	byName := map[string]Code{}
	fset := token.NewFileSet()
	own, err := parser.ParseFile(fset, "catalog.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, decl := range own.Decls {
		if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, spec := range g.Specs {
				v := spec.(*ast.ValueSpec)
				if lit, ok := v.Values[0].(*ast.BasicLit); ok && len(v.Names) == 1 {
					s, _ := strconv.Unquote(lit.Value)
					byName[v.Names[0].Name] = Code(s)
				}
			}
		}
	}
	used := map[Code]bool{}
	calls := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && p != root) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		inCatalog := filepath.Base(p) == "catalog.go" && f.Name.Name == "diag"
		codeOf := func(e ast.Expr) (Code, bool) {
			switch x := e.(type) {
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok && id.Name == "diag" {
					c, ok := byName[x.Sel.Name]
					return c, ok
				}
			case *ast.Ident:
				if f.Name.Name == "diag" {
					c, ok := byName[x.Name]
					return c, ok
				}
			}
			return "", false
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if !inCatalog {
				if e, ok := n.(ast.Expr); ok {
					if c, ok := codeOf(e); ok {
						used[c] = true
					}
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			if name != "Add" && name != "AddAs" && name != "add" && name != "fail" && name != "Msg" {
				return true
			}
			for i, a := range call.Args {
				code, ok := codeOf(a)
				if !ok {
					continue
				}
				calls++
				if call.Ellipsis.IsValid() {
					break
				}
				if got, want := len(call.Args)-i-1, len(lookup(code).args); got != want {
					t.Errorf("%s: %s is given %d values; its message names %d: %q", fset.Position(call.Pos()), code, got, want, lookup(code).args)
				}
				break
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 100 {
		t.Errorf("found only %d calls naming a code: is the source read?", calls)
	}
	for _, code := range Codes() {
		if !used[code] && code != Nothing {
			t.Errorf("%s is in the catalog but nothing says it: remove it, or use it", code)
		}
	}
}

// marker ends the hand-written part of docs/diagnostics.md; the list of
// codes after it is made from the catalog.
const marker = "<!-- The list below is made from generator/diag/catalog.go by `go test ./generator/diag -update`: edit the catalog, not the list. -->\n"

// TestDocs checks that docs/diagnostics.md lists exactly the catalog's
// codes, each with its example in both languages (-update writes it).
func TestDocs(t *testing.T) {
	t.Parallel()
	file := filepath.Join("..", "..", "docs", "diagnostics.md")
	old, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	head, _, ok := bytes.Cut(old, []byte(marker))
	if !ok {
		t.Fatalf("%s has no line %q", file, marker)
	}
	want := append(append(head, marker...), codeList()...)
	if *update {
		if err := os.WriteFile(file, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(old, want) {
		t.Errorf("%s does not list the catalog's codes as they are: run go test ./generator/diag -update", file)
	}
	listed := regexp.MustCompile("(?m)^### `([A-Z][0-9]+)`").FindAllSubmatch(old, -1)
	var codes []Code
	for _, m := range listed {
		codes = append(codes, Code(m[1]))
	}
	if !slices.Equal(codes, Codes()) {
		t.Errorf("%s lists %d codes, the catalog has %d", file, len(codes), len(Codes()))
	}
}

// codeList is the list of codes for the docs: by family, each with its
// kind, severity, values and example in both languages.
func codeList() []byte {
	var b bytes.Buffer
	family := ""
	families := map[string]string{
		"B": "Bugs in folio", "C": "config.toml", "E": "Encoding", "F": "Front matter", "H": "Hints: how to fix a mistake in the settings",
		"I": "Images", "K": "Settings (TOML) in front matter and config.toml", "L": "Links",
		"M": "The Markdown text", "N": "Names of the kinds of pages", "P": "Parts of messages and what the commands say",
		"Q": "What folio new, serve, check and wechat say", "R": "Files", "S": "Why a page is not published",
		"T": "The theme", "U": "The command's use", "X": "Two files making one output",
	}
	for _, code := range Codes() {
		if f := string(code[:1]); f != family {
			family = f
			fmt.Fprintf(&b, "\n## %s: %s\n", f, families[f])
		}
		kind, sev, args, example := About(code)
		what := "error"
		switch {
		case kind == KindPart:
			what = "part of other messages"
		case sev == Warning:
			what = "warning"
		}
		fmt.Fprintf(&b, "\n### `%s`\n\n%s", code, what)
		if kind != KindPart {
			fmt.Fprintf(&b, ", kind `%s` (%s / %s)", kind, kind.Title(Chinese), kind.Title(English))
		}
		if len(args) > 0 {
			fmt.Fprintf(&b, "; values: %s", strings.Join(args, ", "))
		}
		b.WriteString("\n\n")
		for _, lang := range Langs {
			text := example(lang)
			if strings.TrimSpace(text) == "" {
				text = "(nothing)"
			}
			fmt.Fprintf(&b, "- %s: %s\n", lang, mdEscape(text))
		}
	}
	return b.Bytes()
}

// mdEscape keeps a message literal in Markdown.
func mdEscape(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;", "#", "\\#", "|", "\\|", "\n", " ")
	return r.Replace(s)
}

// TestCodesHaveOneName reads the package's source for every exported Code
// constant and fails when two share a value. A second name for a code
// compiles, and TestCallsGiveEveryValue does not see it (the code is said
// under its other name); but the catalog can word only one of them (a map
// cannot hold a key twice), so a call with the other says its words.
func TestCodesHaveOneName(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	named := map[string]string{} // code -> its first constant's name
	n := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, spec := range g.Specs {
				v := spec.(*ast.ValueSpec)
				if typ, ok := v.Type.(*ast.Ident); !ok || typ.Name != "Code" {
					continue
				}
				for i, name := range v.Names {
					lit, ok := v.Values[i].(*ast.BasicLit)
					if !ok || !name.IsExported() {
						continue
					}
					code, err := strconv.Unquote(lit.Value)
					if err != nil {
						t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
					}
					n++
					if first, ok := named[code]; ok {
						t.Errorf("%s: %s is %s, which %s is already: give it a code of its own (the next free one of its family), or remove it if nothing uses it", fset.Position(name.Pos()), name.Name, code, first)
						continue
					}
					named[code] = name.Name
				}
			}
		}
	}
	if n < len(Codes()) {
		t.Errorf("found %d Code constants, fewer than the catalog's %d codes: is the source read?", n, len(Codes()))
	}
}
