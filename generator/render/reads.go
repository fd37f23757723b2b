package render

import (
	"html/template"
	"reflect"
	"strings"
	"text/template/parse"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

// reach says whose text a layout can show: the text of a page is what a
// save that keeps its front matter changes (its HTML, summary, word count:
// markup.Result; its source is not reachable from a layout). It is found
// by reading the layout's templates, not by trusting a theme: every field,
// method and function a layout uses is followed from the output's data,
// and what cannot be followed counts as reading every page's text.
type reach struct {
	own   bool   // the output's page
	items bool   // the pages of the output's pager
	all   bool   // any page of the site
	why   string // what made all true: a template's name and position
}

// origin is where a value in a template comes from.
type origin uint8

const (
	fromNone  origin = iota // holds no page: a number, a string, the config
	fromData                // the output's Data
	fromOwn                 // the output's page, or a value inside it
	fromItems               // the output's pager, its pages, or a value inside them
	fromOther               // the site, another page, or a value not followed
)

// value is what the analysis knows of a template value: its Go type (nil
// when not known) and its origin.
type value struct {
	t reflect.Type
	o origin
}

var (
	dataType   = reflect.TypeFor[Data]()
	pageType   = reflect.TypeFor[site.Page]()
	sourceType = reflect.TypeFor[source.Page]()
	pagerType  = reflect.TypeFor[site.Pager]()
)

// textNames are the fields and methods that show a page's text.
func textNames() map[string]bool {
	names := map[string]bool{"Result": true, "HTML": true, "Content": true, "TOC": true}
	result := reflect.TypeFor[markup.Result]()
	for i := range result.NumField() {
		names[result.Field(i).Name] = true
	}
	return names
}

// stableMethod tells the methods of a page that read only its front
// matter and place; any other method of a page counts as reading its text.
func stableMethod(name string) bool {
	switch name {
	case "Title", "Ancestors", "IsSample", "Volume", "PageRange", "Aliases", "ResourceURL", "ResourcePath", "Resource", "KeyPos":
		return true
	}
	return false
}

// blindFunc tells the template functions that never read a page's text:
// they take strings, numbers, times, menus, or a page's kind and place, or
// compare. Functions that print what they are given (print, html and
// html/template's escapers among them) print a whole page's fields when
// given a page, so they are not blind.
func blindFunc(name string) bool {
	switch name {
	case "relURL", "asset", "absURL", "date", "when", "size", "dates", "isoDate",
		"inSection", "currentMenu", "isLeaf", "kindIs", "list", "replace", "T", "photo",
		"eq", "ne", "lt", "le", "gt", "ge", "not", "len":
		return true
	}
	return false
}

// printFunc tells the functions that print what they are given into a
// string: text/template's print, printf, println, html, js and urlquery,
// and html/template's escapers.
func printFunc(name string) bool {
	switch name {
	case "print", "printf", "println", "html", "js", "urlquery", "_eval_args_":
		return true
	}
	return strings.HasPrefix(name, "_html_template_")
}

// analysis follows the templates of one layout set.
type analysis struct {
	set      *template.Template
	funcs    template.FuncMap // for the types of what they return
	text     map[string]bool
	seen     map[string]bool // template name and dot already followed
	assigned map[string]bool // variables given a new value (=) in the template followed
	at       parse.Node      // the node followed, for reach.why
	tree     *parse.Tree
	reach    reach
}

// layoutReach tells whose text the outputs of a layout set can show.
func layoutReach(set *template.Template) reach {
	a := &analysis{set: set, funcs: Funcs(&config.Config{}, nil), text: textNames(), seen: map[string]bool{}}
	a.call("baseof.html", value{dataType, fromData})
	return a.reach
}

// call follows the template name with dot.
func (a *analysis) call(name string, dot value) {
	key := name + "\x00" + string(rune(dot.o))
	if dot.t != nil {
		key += dot.t.String()
	}
	if a.seen[key] {
		return
	}
	a.seen[key] = true
	t := a.set.Lookup(name)
	if base, _, derived := strings.Cut(name, "$htmltemplate_"); t == nil && derived {
		t = a.set.Lookup(base) // html/template's copy of a template for another context reads what it reads
	}
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		a.everything("template " + name + " not found") // cannot be followed
		return
	}
	outerTree, outerAssigned, outerAt := a.tree, a.assigned, a.at
	a.tree, a.assigned = t.Tree, assignedVars(t.Tree.Root)
	top := &scope{dot: dot, vars: map[string]value{}}
	a.declare(top, "$", dot) // {{$ = x}} gives $ a new value, in any scope
	a.list(t.Tree.Root, top)
	a.tree, a.assigned, a.at = outerTree, outerAssigned, outerAt
}

// everything notes that the layout can show any page's text.
func (a *analysis) everything(why string) {
	if a.reach.all {
		return
	}
	a.reach.all = true
	if a.tree != nil && a.at != nil {
		loc, _ := a.tree.ErrorContext(a.at)
		why = loc + ": " + why
	}
	a.reach.why = why
}

// assignedVars names the variables that a template gives a new value
// with =, anywhere: in a loop the new value reaches uses written before
// the assignment, so such a variable is not followed.
func assignedVars(root parse.Node) map[string]bool {
	names := map[string]bool{}
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		var pipes []*parse.PipeNode
		var lists []*parse.ListNode
		switch n := n.(type) {
		case *parse.ListNode:
			lists = append(lists, n)
		case *parse.ActionNode:
			pipes = append(pipes, n.Pipe)
		case *parse.IfNode:
			pipes, lists = append(pipes, n.Pipe), append(lists, n.List, n.ElseList)
		case *parse.WithNode:
			pipes, lists = append(pipes, n.Pipe), append(lists, n.List, n.ElseList)
		case *parse.RangeNode:
			pipes, lists = append(pipes, n.Pipe), append(lists, n.List, n.ElseList)
		case *parse.TemplateNode:
			pipes = append(pipes, n.Pipe)
		}
		for _, p := range pipes {
			if p == nil {
				continue
			}
			if p.IsAssign {
				for _, d := range p.Decl {
					names[d.Ident[0]] = true
				}
			}
			for _, c := range p.Cmds {
				for _, arg := range c.Args {
					if chain, ok := arg.(*parse.ChainNode); ok {
						arg = chain.Node
					}
					if inner, ok := arg.(*parse.PipeNode); ok {
						walk(&parse.ActionNode{Pipe: inner})
					}
				}
			}
		}
		for _, l := range lists {
			if l != nil {
				for _, child := range l.Nodes {
					walk(child)
				}
			}
		}
	}
	walk(root)
	return names
}

type scope struct {
	dot  value
	vars map[string]value
}

func (s *scope) with(dot value) *scope {
	vars := make(map[string]value, len(s.vars))
	for k, v := range s.vars {
		vars[k] = v
	}
	return &scope{dot: dot, vars: vars}
}

func (a *analysis) list(l *parse.ListNode, s *scope) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		a.node(n, s)
	}
}

func (a *analysis) node(n parse.Node, s *scope) {
	a.at = n
	switch n := n.(type) {
	case *parse.ActionNode:
		if v := a.pipe(n.Pipe, s); len(n.Pipe.Decl) == 0 {
			a.given(v, "printing") // {{.Page}} prints every field of the page
		}
	case *parse.IfNode:
		inner := s.with(s.dot) // {{if $x := ...}} declares $x for the if only
		a.pipe(n.Pipe, inner)
		a.list(n.List, inner.with(s.dot))
		a.list(n.ElseList, inner.with(s.dot))
	case *parse.WithNode:
		inner := s.with(s.dot)
		v := a.pipe(n.Pipe, inner)
		inner.dot = v
		a.list(n.List, inner)
		a.list(n.ElseList, s.with(s.dot))
	case *parse.RangeNode:
		inner := s.with(s.dot)
		v := a.pipe(n.Pipe, inner)
		elem := value{elemType(v.t), v.o}
		if decl := n.Pipe.Decl; len(decl) == 2 {
			a.declare(inner, decl[0].Ident[0], value{nil, fromNone})
			a.declare(inner, decl[1].Ident[0], elem)
		} else if len(decl) == 1 {
			a.declare(inner, decl[0].Ident[0], elem)
		}
		inner.dot = elem
		a.list(n.List, inner)
		a.list(n.ElseList, s.with(s.dot))
	case *parse.TemplateNode:
		dot := value{nil, fromNone}
		if n.Pipe != nil {
			dot = a.pipe(n.Pipe, s)
		}
		a.call(n.Name, dot)
	case *parse.ListNode:
		a.list(n, s)
	}
	// Text, comments, break and continue read nothing.
}

// pipe follows a pipeline and returns its value; a declared variable
// takes it.
func (a *analysis) pipe(p *parse.PipeNode, s *scope) value {
	if p == nil {
		return value{nil, fromNone}
	}
	var v value
	for i, c := range p.Cmds {
		var piped *value
		if i > 0 {
			piped = &v
		}
		v = a.command(c, s, piped)
	}
	if len(p.Decl) == 1 {
		a.declare(s, p.Decl[0].Ident[0], v)
	}
	return v
}

// declare gives a variable its value, unless the template assigns it
// anywhere: then it could hold anything.
func (a *analysis) declare(s *scope, name string, v value) {
	if a.assigned[name] {
		v = value{nil, fromOther}
	}
	s.vars[name] = v
}

func (a *analysis) command(c *parse.CommandNode, s *scope, piped *value) value {
	args := make([]value, 0, len(c.Args))
	for _, arg := range c.Args[1:] {
		args = append(args, a.arg(arg, s))
	}
	if piped != nil {
		args = append(args, *piped)
	}
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok {
		return a.function(id.Ident, c.Args[1:], args)
	}
	return a.operand(c.Args[0], s, args)
}

// arg evaluates an argument.
func (a *analysis) arg(n parse.Node, s *scope) value { return a.operand(n, s, nil) }

// operand evaluates a command's first word or an argument; args go to the
// last name of a field, variable or chain, if it is a method.
func (a *analysis) operand(n parse.Node, s *scope, args []value) value {
	switch n := n.(type) {
	case *parse.DotNode:
		return s.dot
	case *parse.FieldNode:
		return a.fields(s.dot, n.Ident, args)
	case *parse.VariableNode:
		v, ok := s.vars[n.Ident[0]]
		if !ok {
			v = value{nil, fromOther}
		}
		return a.fields(v, n.Ident[1:], args)
	case *parse.ChainNode:
		return a.fields(a.arg(n.Node, s), n.Field, args)
	case *parse.PipeNode:
		return a.pipe(n, s) // ($x := ...) declares $x for what follows, as the template package does
	case *parse.IdentifierNode:
		return a.function(n.Ident, nil, nil)
	}
	return value{nil, fromNone} // a literal
}

// function follows a call of a template function.
func (a *analysis) function(name string, nodes []parse.Node, args []value) value {
	switch {
	case name == "partialCached" || name == "partial":
		if len(nodes) > 0 && len(args) > 1 {
			if lit, ok := nodes[0].(*parse.StringNode); ok {
				data := args[1]
				if name == "partialCached" && (len(nodes) < 3 || nodes[1].String() != nodes[2].String()) {
					data.o = max(data.o, fromOther) // rendered once per key, from the first caller's data
				}
				a.call(lit.Text, data)
				return value{nil, fromNone}
			}
		}
		a.everything("partial named by a value, not a literal")
		return value{nil, fromNone}
	case name == "index" || name == "slice" || name == "first":
		if len(args) == 0 {
			return value{nil, fromNone}
		}
		t := args[0].t
		if name == "index" {
			for range args[1:] {
				t = elemType(t)
			}
		}
		return value{t, args[0].o}
	case name == "and" || name == "or":
		var v value
		for _, arg := range args {
			v = merge(v, arg)
		}
		return v
	case blindFunc(name):
		return value{nil, fromNone}
	}
	for _, arg := range args { // any other function may read the text of what it is given
		a.given(arg, "function "+name)
	}
	if printFunc(name) {
		return value{reflect.TypeFor[string](), fromNone}
	}
	if f, ok := a.funcs[name]; ok {
		if out := reflect.TypeOf(f); out.NumOut() > 0 && !holdsPages(out.Out(0), map[reflect.Type]bool{}) {
			return value{out.Out(0), fromNone}
		}
	}
	return value{nil, fromOther}
}

// fields follows .A.B.C from v; args go to the last, if it is a method.
func (a *analysis) fields(v value, names []string, args []value) value {
	for i, name := range names {
		if i == len(names)-1 {
			for _, arg := range args { // a method given a page may read its text
				a.given(arg, "method "+name)
			}
		}
		v = a.field(v, name)
	}
	return v
}

// field follows one .Name from v.
func (a *analysis) field(v value, name string) value {
	switch v.o {
	case fromNone:
		return value{nil, fromNone}
	case fromData:
		switch name {
		case "Page":
			return value{reflect.PointerTo(pageType), fromOwn}
		case "Pager":
			return value{reflect.PointerTo(pagerType), fromItems}
		case "Content", "TOC", "Description", "Shares", "Meta", "HeadMeta":
			a.reach.own = true // Description (and Meta and HeadMeta, which show it) the summary, Shares the text's first photo
			return value{nil, fromNone}
		case "Path", "Layout":
			return value{nil, fromNone}
		}
		if a.text[name] {
			a.reads(fromOther, "."+name)
		}
		return value{typeOf(dataType, name), fromOther}
	}
	if a.text[name] || (isPage(v.t) && isMethod(v.t, name) && !stableMethod(name)) {
		a.reads(v.o, "."+name)
	}
	t := typeOf(v.t, name)
	switch {
	case v.o == fromOther:
		return value{t, fromOther}
	case t == nil && v.t != nil && deref(v.t).Kind() != reflect.Map:
		return value{nil, fromOther} // a name the type does not have: not followed
	case isPage(v.t) && (name == "Page" || name == "Result"):
		return value{t, v.o} // the page's own parts, embedded
	case deref(v.t) == pagerType && name == "Items":
		return value{t, v.o}
	case t == nil || holdsPages(t, map[reflect.Type]bool{}):
		return value{t, fromOther} // a link to other pages
	}
	return value{t, v.o}
}

// reads notes that text is read from a value of origin o.
func (a *analysis) reads(o origin, what string) {
	switch o {
	case fromOwn:
		a.reach.own = true
	case fromItems:
		a.reach.items = true
	case fromData, fromOther:
		a.everything(what + " of a page other than the output's own or its list's")
	}
}

// given notes a value given to a function or method, which may read the
// text of a page in it.
func (a *analysis) given(v value, to string) {
	if v.t == nil || holdsPages(v.t, map[reflect.Type]bool{}) {
		a.reads(v.o, "a value given to "+to)
	}
}

// merge is a value that is one of two.
func merge(x, y value) value {
	switch {
	case x.o == fromNone && x.t == nil:
		return y
	case y.o == fromNone && y.t == nil:
		return x
	case x.o == y.o && x.t == y.t:
		return x
	}
	return value{nil, max(x.o, y.o, fromOther)}
}

func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func isPage(t reflect.Type) bool {
	t = deref(t)
	return t == pageType || t == sourceType
}

func isMethod(t reflect.Type, name string) bool {
	if t = deref(t); t == nil {
		return false
	}
	_, ok := reflect.PointerTo(t).MethodByName(name)
	return ok
}

// typeOf is the type of t's field or method result name, or nil.
func typeOf(t reflect.Type, name string) reflect.Type {
	if t = deref(t); t == nil {
		return nil
	}
	if m, ok := reflect.PointerTo(t).MethodByName(name); ok {
		if m.Type.NumOut() == 0 {
			return nil
		}
		return m.Type.Out(0)
	}
	switch t.Kind() {
	case reflect.Struct:
		if f, ok := t.FieldByName(name); ok {
			return f.Type
		}
	case reflect.Map:
		return t.Elem()
	}
	return nil
}

// elemType is the type of what ranging over or indexing t gives.
func elemType(t reflect.Type) reflect.Type {
	if t = deref(t); t == nil {
		return nil
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return t.Elem()
	}
	return nil
}

// holdsPages tells whether a value of type t can lead to a page.
func holdsPages(t reflect.Type, seen map[reflect.Type]bool) bool {
	if t == nil {
		return true
	}
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return holdsPages(t.Elem(), seen)
	case reflect.Map:
		return holdsPages(t.Key(), seen) || holdsPages(t.Elem(), seen)
	case reflect.Interface, reflect.Func, reflect.Chan:
		return t.NumMethod() > 0 || t.Kind() != reflect.Interface // an any from front matter holds TOML values
	case reflect.Struct:
		if t == pageType || t == sourceType {
			return true
		}
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && holdsPages(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
