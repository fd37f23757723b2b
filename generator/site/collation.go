package site

import (
	"bytes"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collation orders names as the site's readers sort them: for zh-CN, the
// default, Chinese in pinyin order (安全 北京 电工 焊接 汽车 数控), digits
// and Latin letters before Chinese; for another languageCode, that
// language's order (zh-TW: by strokes). Names the collation finds equal are
// ordered by code point, so the order never depends on the order the pages
// were read in.
//
// A collate.Collator is not safe for concurrent use: a collation belongs
// to one site.Build, which is single-threaded, and is dropped when the
// model is done (the model is read in parallel afterwards).
type collation struct {
	c     *collate.Collator
	buf   collate.Buffer
	arena []byte // the keys made, one after another: one allocation for many keys
}

// newCollation makes the collation of a languageCode ("zh-CN"). A code
// that is not a language tag gets the root collation (digits, then Latin,
// then other scripts), which is still a fixed order.
//
// It compares letters only (collate.Loose: not accents, case or width),
// which is all pinyin order needs, and keys half as long as a full
// comparison's are quicker to make and compare; names equal in letters
// ("CNC", "cnc") are then ordered by code point.
func newCollation(languageCode string) *collation {
	return &collation{c: collate.New(language.Make(languageCode), collate.Loose)}
}

// key returns s's sort key: comparing keys with bytes.Compare orders
// strings as the collator does, about a hundred times faster than
// comparing the strings each time (one key per term or title, made once,
// against a comparison per pair a sort looks at).
func (o *collation) key(s string) []byte {
	k := o.c.KeyFromString(&o.buf, s)
	if len(o.arena)+len(k) > cap(o.arena) {
		o.arena = make([]byte, 0, max(16<<10, 2*len(k)))
	}
	start := len(o.arena)
	o.arena = append(o.arena, k...)
	o.buf.Reset()
	return o.arena[start:len(o.arena):len(o.arena)]
}

// compareKeyed orders a and b, whose keys are ka and kb, by collation,
// then by code point.
func compareKeyed(a, b string, ka, kb []byte) int {
	if c := bytes.Compare(ka, kb); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// titleKey returns the sort key of p's title, made the first time it is
// needed: most comparisons of pages are decided by their dates.
func (o *collation) titleKey(p *Page) []byte {
	if p.titleKey == nil {
		p.titleKey = o.key(p.FM.Title)
	}
	return p.titleKey
}

// compareTitles orders pages by title, by collation then code point.
func (o *collation) compareTitles(a, b *Page) int {
	if a.FM.Title == b.FM.Title {
		return 0
	}
	return compareKeyed(a.FM.Title, b.FM.Title, o.titleKey(a), o.titleKey(b))
}
