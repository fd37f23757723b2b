package theme

import (
	"fmt"
	"html/template"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"

	"folio.dev/folio/generator/diag"
)

// A partialCached call whose key does not capture everything the partial
// reads gives each page the output of whichever page called it first: the
// output then depends on the order of the workers. With checking on
// (folio check, the tests), every call renders the partial uncached as
// well, and a difference is kept, once per partial and key, to report.

// Mismatch is a partialCached call whose cached output differs from what
// the partial renders for the page that called it.
type Mismatch struct {
	Pos     diag.Pos // the call in the layout
	Partial string
	Key     string
	// Cached and Fresh are the two outputs around where they first differ;
	// CachedFor and FreshFor the pages (outputs) they were made for.
	Cached, Fresh       string
	CachedFor, FreshFor string
}

// checker keeps what checking needs between calls of one build.
type checker struct {
	mu      sync.Mutex
	made    map[cacheKey]string // the page each cached output was made for
	found   map[cacheKey]Mismatch
	callPos map[string]diag.Pos // partial name -> its first partialCached call in the layouts
}

// CheckPartials turns the checking of partialCached on or off for the
// builds to come.
func (t *Theme) CheckPartials(on bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !on {
		t.check = nil
		return
	}
	if t.check == nil {
		t.check = &checker{made: map[cacheKey]string{}, found: map[cacheKey]Mismatch{}, callPos: t.callPos}
	}
}

// Mismatches returns what checking found in this build, sorted.
func (t *Theme) Mismatches() []Mismatch {
	t.mu.Lock()
	c := t.check
	t.mu.Unlock()
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []Mismatch
	for _, m := range c.found {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Partial != out[j].Partial {
			return out[i].Partial < out[j].Partial
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// compare renders the partial uncached for data and keeps a difference
// from html, the cached output.
func (c *checker) compare(set *template.Template, k cacheKey, html template.HTML, data any, first bool) error {
	var b strings.Builder
	if err := set.ExecuteTemplate(&b, k.name, data); err != nil {
		return err
	}
	page := outputOf(data)
	c.mu.Lock()
	defer c.mu.Unlock()
	if first {
		c.made[k] = page
		return nil
	}
	fresh := b.String()
	if fresh == string(html) {
		return nil
	}
	if _, ok := c.found[k]; ok {
		return nil
	}
	cached, now := around(string(html), fresh)
	c.found[k] = Mismatch{Pos: c.callPos[k.name], Partial: k.name, Key: fmt.Sprint(keyText(k.key)), Cached: cached, Fresh: now, CachedFor: c.made[k], FreshFor: page}
	return nil
}

// around returns a and b near where they first differ.
func around(a, b string) (string, string) {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	start := max(0, i-30)
	for start > 0 && !isRuneStart(a[start]) {
		start--
	}
	cut := func(s string) string {
		end := min(len(s), i+40)
		for end < len(s) && !isRuneStart(s[end]) {
			end++
		}
		return strings.TrimSpace(s[min(start, len(s)):end])
	}
	return cut(a), cut(b)
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }

// outputOf names the output a partial was called for: the Path of a
// layout's dot, the URL of a page.
func outputOf(data any) string {
	v := reflect.Indirect(reflect.ValueOf(data))
	if v.Kind() != reflect.Struct {
		return fmt.Sprintf("%T", data)
	}
	for _, name := range []string{"Path", "URL"} {
		if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String {
			return "/" + strings.TrimPrefix(f.String(), "/")
		}
	}
	return v.Type().String()
}

// keyText shows a key: a page by its URL, anything else as it prints.
func keyText(key any) string {
	if s, ok := key.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	if key != nil && reflect.Indirect(reflect.ValueOf(key)).Kind() == reflect.Struct {
		return "the page " + outputOf(key)
	}
	return fmt.Sprint(key)
}

var partialCall = regexp.MustCompile(`partialCached\s+"([^"]+)"`)

// findCalls records where each partial is first called with partialCached
// in a layout's source, for the warnings.
func (t *Theme) findCalls(file, src string) {
	for _, m := range partialCall.FindAllStringSubmatchIndex(src, -1) {
		name := src[m[2]:m[3]]
		if _, ok := t.callPos[name]; ok {
			continue
		}
		line := 1 + strings.Count(src[:m[0]], "\n")
		col := m[0] - strings.LastIndex(src[:m[0]], "\n")
		t.callPos[name] = diag.Pos{File: file, Line: line, Col: col}
	}
}
