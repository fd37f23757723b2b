// Package schema decodes TOML (config.toml and front matter) into Go structs
// strictly: every unknown key and every value of the wrong type is reported at
// its own line and column, all of them, not only the first.
//
// Struct fields name their key with a `toml:"key"` tag. Supported field types:
// string, bool, int, float64, []string, Time, map[string]any (free-form),
// map[string]string, nested structs (tables) and slices of structs (arrays of
// tables or inline tables).
package schema

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"folio.dev/folio/generator/diag"
)

// Locator turns a byte offset of the decoded text into a position.
type Locator func(off int) diag.Pos

// KeyPos returns the position of a dotted key path, or of its nearest
// written parent, for messages about values that decoded but are invalid.
type KeyPos func(path string) diag.Pos

// Decode parses src as TOML into v, a pointer to a struct. what is the
// kind of the document's mistakes (diag.KindFrontMatter, diag.KindConfig). It reports problems into
// l and returns nil if src could not be parsed at all. For many documents
// (every page's front matter) use a Decoder.
func Decode(src []byte, v any, what diag.Kind, at Locator, l *diag.List) KeyPos {
	return new(Decoder).Decode(src, v, what, at, l)
}

// Decoder decodes many documents, as Decode does, and makes the table of
// a struct type's keys once for all of them: every page's front matter asks
// for the same. The zero value is ready; it is safe for many goroutines.
// Make one for a build: it lives as long as the documents it reads.
type Decoder struct {
	// MaxKeys, when above 0, is how many keys (tables and dotted paths
	// counted) a document may have; one with more is an error and is not
	// decoded, rather than an error for each of 100,000 unknown keys.
	MaxKeys int
	fields  sync.Map // reflect.Type -> map[string]int, read only once stored
}

// Decode is as the function Decode. What it returns holds src, which
// must not change.
func (dec *Decoder) Decode(src []byte, v any, what diag.Kind, at Locator, l *diag.List) KeyPos {
	var m map[string]any
	if _, err := toml.Decode(string(src), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			hint, said := syntaxHint(pe, src, dec.keyType(v)), diag.Msg(diag.Nothing)
			if hint.Code == diag.HintSyntax {
				// Only the reader's own words (English) say more.
				said = diag.Msg(diag.ParserSaid, pe.Message)
			}
			l.AddAs(what, at(ErrorOffset(src, pe)), diag.TOMLSyntax, hint, said)
		} else {
			l.AddAs(what, at(0), diag.TOMLUnreadable, err)
		}
		return nil
	}
	keys := locateKeys(src)
	if dec.MaxKeys > 0 && len(keys) > dec.MaxKeys {
		offs := make([]int, 0, len(keys))
		for _, off := range keys {
			offs = append(offs, off)
		}
		slices.Sort(offs)
		l.AddAs(what, at(offs[dec.MaxKeys]), diag.TOMLTooManyKeys, len(keys), dec.MaxKeys)
		return nil
	}
	d := decoder{what: what, at: at, keys: keys, l: l, types: dec}
	d.table(m, reflect.ValueOf(v).Elem(), "")
	// The positions asked for after decoding (a message about a value)
	// are few: the keys are found again then, rather than held (40 MB for
	// 50,000 pages' front matter).
	again := sync.OnceValue(func() map[string]int { return locateKeys(src) })
	return func(path string) diag.Pos { return (&decoder{at: at, keys: again()}).pos(path) }
}

// syntaxHint says how to fix a TOML syntax error, from the mistakes editors
// make most: Chinese punctuation typed for TOML's, dates without leading
// zeros, a table written twice.
func syntaxHint(pe toml.ParseError, src []byte, keyType func(key string) reflect.Type) diag.Message {
	// The parser gives no position (-1) for some inputs, a lone \r among them.
	lineStart := strings.LastIndexByte(string(src[:ErrorOffset(src, pe)]), '\n') + 1
	line, _, _ := strings.Cut(string(src[lineStart:]), "\n")
	key, value, _ := strings.Cut(line, "=")
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	switch {
	case strings.ContainsAny(unquoted(line), "“”‘’，＝［］\u3000"):
		return diag.Msg(diag.HintPunctuation)
	case otherDate.MatchString(line):
		return diag.Msg(diag.HintDate, diag.Msg(diag.DateSeparator))
	case strings.Contains(pe.Message, "datetime") || strings.Contains(pe.Message, "date"):
		return diag.Msg(diag.HintDate, dateHint(line))
	case strings.Contains(pe.Message, "already been defined"):
		return diag.Msg(diag.HintTwice)
	case strings.Contains(pe.Message, "cannot contain newlines"):
		return diag.Msg(diag.HintUnclosedQuote)
	case strings.HasPrefix(pe.Message, "expected value but found") && bareKey.MatchString(key):
		// What to write depends on what the key holds, as the page's
		// fields say: a word in quotes is the fix for a text only.
		lower, t := strings.ToLower(strings.Trim(value, `"'`)), keyType(key)
		switch {
		case lower == "true" || lower == "false":
			return diag.Msg(diag.HintBool, key, lower)
		case t == nil:
		case t.Kind() == reflect.Bool:
			return diag.Msg(diag.HintBool, key, "true")
		case t == reflect.TypeFor[Time]():
			return diag.Msg(diag.HintDate, diag.Msg(diag.Nothing))
		case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
			var items []string
			for _, item := range listSeparators.Split(value, -1) {
				if item = strings.TrimSpace(item); item != "" {
					items = append(items, fmt.Sprintf("%q", item))
				}
			}
			return diag.Msg(diag.HintList, key, strings.Join(items, ", "))
		case t.Kind() >= reflect.Int && t.Kind() <= reflect.Float64:
			return diag.Msg(diag.HintNumber, key)
		}
		if !strings.ContainsAny(value, "\"'[]{}") {
			return diag.Msg(diag.HintQuote, key, value)
		}
	case strings.HasPrefix(pe.Message, "expected a comma (',') or array terminator"):
		return diag.Msg(diag.HintListComma)
	case strings.HasPrefix(pe.Message, "expected '.' or '='") && !bareKey.MatchString(key) && strings.Contains(line, "="):
		return diag.Msg(diag.HintKeyName)
	case strings.HasPrefix(pe.Message, "expected '.' or '='"):
		return diag.Msg(diag.HintEquals)
	}
	return diag.Msg(diag.HintSyntax)
}

// otherDate finds a date written with other separators than TOML's
// hyphens: 2024/06/21, 2024.6.21, 2024年6月21日.
var otherDate = regexp.MustCompile(`=\s*\d{4}\s*[/.年]\s*\d{1,2}\s*[/.月]\s*\d{1,2}`)

// listSeparators are what editors separate a list's items with.
var listSeparators = regexp.MustCompile(`[,，、;；]`)

// unquoted is line without its quoted texts, whose punctuation and spaces
// are the editor's own to choose.
func unquoted(line string) string {
	var b strings.Builder
	var quote rune
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
		case r == '"' || r == '\'':
			quote = r
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// keyType finds the type of the field a top-level key of v decodes into;
// nil for another key.
func (dec *Decoder) keyType(v any) func(key string) reflect.Type {
	return func(key string) reflect.Type {
		t := reflect.TypeOf(v)
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			return nil
		}
		if i, ok := dec.fieldsOf(t)[key]; ok {
			return t.Field(i).Type
		}
		return nil
	}
}

// bareKey is a key as editors write it, for a hint that repeats it.
var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// dateLike finds what an editor meant as a date or time on a line.
var dateLike = regexp.MustCompile(`(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?`)

// dateHint says what is wrong with the date written on line, in the
// editor's terms (month 13, 30 February, 25 o'clock), or "" when it
// cannot tell (diag.Nothing); the general form, which asks for two
// digits, follows it.
func dateHint(line string) diag.Message {
	m := dateLike.FindStringSubmatch(line)
	if m == nil {
		return diag.Msg(diag.Nothing)
	}
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	year, month, day := n(1), n(2), n(3)
	switch {
	case month < 1 || month > 12:
		return diag.Msg(diag.DateMonth, month)
	case day < 1 || day > daysIn(year, month):
		return diag.Msg(diag.DateDay, year, month, daysIn(year, month), day)
	case m[4] != "" && (n(4) > 23 || n(5) > 59 || (m[6] != "" && n(6) > 59)):
		return diag.Msg(diag.DateTime, m[4], m[5])
	}
	return diag.Msg(diag.Nothing)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

type decoder struct {
	what  diag.Kind
	at    Locator
	keys  map[string]int
	l     *diag.List
	types *Decoder
}

// pos finds the position of a dotted key, falling back to its parents (keys
// inside inline tables have no line of their own).
func (d *decoder) pos(path string) diag.Pos {
	for p := path; p != ""; {
		if off, ok := d.keys[p]; ok {
			return d.at(off)
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return d.at(0)
}

// add reports code at path, as a mistake of the document's kind.
func (d *decoder) add(path string, code diag.Code, args ...any) {
	d.l.AddAs(d.what, d.pos(path), code, args...)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fields maps TOML keys to the struct's field indexes, made once per type.
func (dec *Decoder) fieldsOf(t reflect.Type) map[string]int {
	if f, ok := dec.fields.Load(t); ok {
		return f.(map[string]int)
	}
	f := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if name, ok := t.Field(i).Tag.Lookup("toml"); ok {
			f[name] = i
		}
	}
	dec.fields.Store(t, f)
	return f
}

func (d *decoder) table(m map[string]any, rv reflect.Value, path string) {
	known := d.types.fieldsOf(rv.Type())
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		i, ok := known[k]
		if !ok {
			d.add(join(path, k), diag.TOMLUnknownKey, k, suggest(k, known, path))
			continue
		}
		d.value(m[k], rv.Field(i), join(path, k))
	}
}

// suggest returns a hint for an unknown key: the nearest known key, if any is
// near, else the list of known keys.
func suggest(k string, known map[string]int, path string) diag.Message {
	names := make([]string, 0, len(known))
	for n := range known {
		names = append(names, n)
	}
	sort.Strings(names)
	if n := Nearest(k, names); n != "" {
		return diag.DidYouMean(n)
	}
	where := diag.Msg(diag.KeysHere)
	if path != "" {
		where = diag.Msg(diag.KeysInTable, path)
	}
	if len(names) > 12 {
		return diag.Msg(diag.KeysAllowedMore, where, names[:12])
	}
	return diag.Msg(diag.KeysAllowed, where, names)
}

var timeType = reflect.TypeOf(Time{})

func (d *decoder) value(v any, rv reflect.Value, path string) {
	key := path[strings.LastIndexAny(path, ".]")+1:]
	switch {
	case rv.Type() == timeType:
		t, ok := toTime(v)
		if !ok {
			d.add(path, diag.TOMLNotDate, key, show(v))
			return
		}
		rv.Set(reflect.ValueOf(t))
		return
	}
	switch rv.Kind() {
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			d.add(path, diag.TOMLNotText, key, plain(v), kindOf(v))
			return
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			d.add(path, diag.TOMLNotBool, key, show(v))
			return
		}
		rv.SetBool(b)
	case reflect.Int:
		n, ok := v.(int64)
		if !ok {
			d.add(path, diag.TOMLNotWholeNumber, key, show(v))
			return
		}
		rv.SetInt(n)
	case reflect.Float64:
		switch n := v.(type) {
		case int64:
			rv.SetFloat(float64(n))
		case float64:
			rv.SetFloat(n)
		default:
			d.add(path, diag.TOMLNotNumber, key, show(v))
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			d.add(path, diag.TOMLNotTable, key, path, kindOf(v))
			return
		}
		d.mapValue(m, rv, path)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			d.add(path, diag.TOMLNotTable, key, path, kindOf(v))
			return
		}
		d.table(m, rv, path)
	case reflect.Slice:
		d.slice(v, rv, path, key)
	default:
		panic("schema: unsupported field type " + rv.Type().String())
	}
}

func (d *decoder) mapValue(m map[string]any, rv reflect.Value, path string) {
	if rv.Type().Elem().Kind() == reflect.Interface {
		rv.Set(reflect.ValueOf(m))
		return
	}
	out := reflect.MakeMapWithSize(rv.Type(), len(m))
	for k, x := range m {
		s, ok := x.(string)
		if !ok {
			d.add(join(path, k), diag.TOMLTableNotText, k, kindOf(x))
			continue
		}
		out.SetMapIndex(reflect.ValueOf(k), reflect.ValueOf(s))
	}
	rv.Set(out)
}

func (d *decoder) slice(v any, rv reflect.Value, path, key string) {
	elem := rv.Type().Elem()
	var items []any
	switch x := v.(type) {
	case []any:
		items = x
	case []map[string]any:
		for _, m := range x {
			items = append(items, m)
		}
	default:
		if elem.Kind() == reflect.String || elem.Kind() == reflect.Int {
			d.add(path, diag.TOMLNotList, key, asItem(v, elem.Kind()), kindOf(v))
		} else {
			d.add(path, diag.TOMLNotListOfTables, key, kindOf(v))
		}
		return
	}
	if elem.Kind() == reflect.String {
		// An item that is not text is left out rather than left empty: an
		// empty tag would be a second, wrong error (no letter to make its
		// address from).
		out := reflect.MakeSlice(rv.Type(), 0, len(items))
		for i, item := range items {
			s, ok := item.(string)
			if !ok {
				fix := diag.Msg(diag.Nothing)
				if lit, ok := literal(item); ok {
					fix = diag.Msg(diag.QuoteIt, fmt.Sprintf("%q", lit))
				}
				d.add(path, diag.TOMLItemNotText, key, i+1, kindOf(item), fix)
				continue
			}
			out = reflect.Append(out, reflect.ValueOf(s).Convert(elem))
		}
		rv.Set(out)
		return
	}
	out := reflect.MakeSlice(rv.Type(), len(items), len(items))
	for i, item := range items {
		if elem.Kind() == reflect.Int {
			n, ok := item.(int64)
			if !ok {
				d.add(path, diag.TOMLItemNotWhole, key, i+1, kindOf(item))
				continue
			}
			out.Index(i).SetInt(n)
			continue
		}
		m, ok := item.(map[string]any)
		if !ok {
			d.add(path, diag.TOMLItemNotTable, key, i+1, kindOf(item))
			continue
		}
		d.table(m, out.Index(i), fmt.Sprintf("%s[%d]", path, i))
	}
	rv.Set(out)
}

// kindOf says what an editor wrote, in the message's language: the text
// "a", the number 3, a list.
func kindOf(v any) diag.Message {
	switch x := v.(type) {
	case string:
		return diag.Msg(diag.ValueText, x)
	case int64, float64:
		return diag.Msg(diag.ValueNumber, x)
	case bool:
		return diag.Msg(diag.ValueBool, x)
	case time.Time:
		return diag.Msg(diag.ValueDate)
	case []any, []map[string]any:
		return diag.Msg(diag.ValueList)
	case map[string]any:
		return diag.Msg(diag.ValueTable)
	}
	return diag.Msg(diag.ValueOther, fmt.Sprint(v))
}

// show is a value as written: text in quotes, else what it is.
func show(v any) any {
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	return kindOf(v)
}

// asItem is value v written as an item of a list of kind elem, for a
// message that shows the list: "2024" in a list of texts, 3 in a list of
// whole numbers; else what v is.
func asItem(v any, elem reflect.Kind) any {
	lit, ok := literal(v)
	switch {
	case !ok:
	case elem == reflect.String:
		return fmt.Sprintf("%q", lit)
	case elem == reflect.Int:
		if _, err := strconv.Atoi(lit); err == nil {
			return lit
		}
	}
	return kindOf(v)
}

// literal is a single value as an editor wrote it (text without its
// quotes); false for a list or a table.
func literal(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int64, float64, bool:
		return fmt.Sprint(x), true
	case time.Time:
		return plain(x), true
	}
	return "", false
}

func plain(v any) string {
	switch x := v.(type) {
	case []any:
		if len(x) > 0 {
			return plain(x[0])
		}
		return ""
	case time.Time:
		return x.Format("2006-01-02")
	}
	return fmt.Sprint(v)
}
