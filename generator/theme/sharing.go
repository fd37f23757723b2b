package theme

import (
	"fmt"
	"html/template"
	"strings"
	"text/template/parse"
)

// Every layout is parsed with its own copy of the partials, so that a
// layout's {{define}} can change what a partial calls. partialCached
// caches by definition, not by layout: two layouts whose partial reads the
// same templates, defined by the same text, render it alike, and a list
// item rendered for a section's list serves its archives and terms too.

// definitions numbers the distinct definitions of templates across the
// layouts of a theme: the text of a template and of every template it
// calls, by name, with {{template}} or partialCached.
type definitions map[string]int

// of numbers every template of set by its definition. It reads the parse
// trees before any layout runs (html/template rewrites them when it first
// executes one). A partial that the theme's layouts call with
// partialCached and that is, or calls, a template written in the site's
// own layouts/ (fromSite tells by the file it was parsed from) gets 0:
// partialCached renders it every time. The theme chose its calls' keys for
// its own partials: a site's breadcrumb that shows the page itself would
// otherwise show the first page's on every page. (A site's own calls have
// the keys the site chose.)
func (d definitions) of(set *template.Template, fromSite func(file string) bool) map[string]int {
	themeCalls := map[string]bool{}
	for _, t := range set.Templates() {
		if t.Tree != nil && !fromSite(t.Tree.ParseName) {
			walk(t.Tree.Root, func(n parse.Node) {
				if name, ok := cachedCall(n); ok {
					themeCalls[name] = true
				}
			})
		}
	}
	out := map[string]int{}
	for _, t := range set.Templates() {
		text, site := closure(set, t.Name(), fromSite)
		if site && themeCalls[t.Name()] {
			out[t.Name()] = 0
			continue
		}
		id, ok := d[text]
		if !ok {
			id = len(d) + 1
			d[text] = id
		}
		out[t.Name()] = id
	}
	return out
}

// closure is the text of template name of set and of every template it
// calls, each under its name, and whether any of them was parsed from a
// file fromSite accepts. A template called by a name that is not a literal
// makes the text unique to set: nothing else can be told alike.
func closure(set *template.Template, name string, fromSite func(file string) bool) (string, bool) {
	var b strings.Builder
	site := false
	seen := map[string]bool{}
	var add func(name string)
	add = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		t := set.Lookup(name)
		b.WriteString("{{define \"" + name + "\"}}")
		if t == nil || t.Tree == nil || t.Tree.Root == nil {
			b.WriteString("{{/* undefined */}}")
			return
		}
		site = site || fromSite(t.Tree.ParseName)
		b.WriteString(t.Tree.Root.String())
		walk(t.Tree.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.TemplateNode:
				add(n.Name)
			case *parse.CommandNode:
				if len(n.Args) == 0 {
					return
				}
				if id, ok := n.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "partialCached" && id.Ident != "partial" {
					return // "partial" in case a layout function of that name comes (reads.go follows it too)
				}
				if len(n.Args) > 1 {
					if lit, ok := n.Args[1].(*parse.StringNode); ok {
						add(lit.Text)
						return
					}
				}
				fmt.Fprintf(&b, "{{/* a partial named by a value, in %p */}}", set)
			}
		})
	}
	add(name)
	return b.String(), site
}

// cachedCall returns the partial a node calls with partialCached, when it
// is such a call with a literal name.
func cachedCall(n parse.Node) (string, bool) {
	c, ok := n.(*parse.CommandNode)
	if !ok || len(c.Args) < 2 {
		return "", false
	}
	if id, ok := c.Args[0].(*parse.IdentifierNode); !ok || id.Ident != "partialCached" {
		return "", false
	}
	lit, ok := c.Args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return lit.Text, true
}

// walk calls fn on every node below n.
func walk(n parse.Node, fn func(parse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, fn)
			}
		}
	case *parse.ActionNode:
		walk(n.Pipe, fn)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walk(c, fn)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, fn)
		}
	case *parse.ChainNode:
		walk(n.Node, fn)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		walk(n.Pipe, fn)
	}
}

func walkBranch(b *parse.BranchNode, fn func(parse.Node)) {
	walk(b.Pipe, fn)
	if b.List != nil {
		walk(b.List, fn)
	}
	if b.ElseList != nil {
		walk(b.ElseList, fn)
	}
}
