package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/spill"
)

// Texts gathers the pages' texts for the index as the pages are converted
// (Add, called by the conversion's workers): each page's body is counted
// into postings and its text file set aside at once, so that a build never
// holds every page's text (150 MB at 50,000 pages) until the index is
// made. Which pages are indexed, and in which order, only the model tells:
// Index takes from what was gathered the pages it lists and nothing of any
// other page, so that what is not published is not searchable either.
type Texts struct {
	ids     map[*source.Page]int32 // a page's number in what is gathered
	order   []int                  // the pages NewTexts was given, by number
	lengths []int32                // by page number: the tokens of its body
	names   []string               // by page number: its text file's name, "" for none
	buckets [buckets]bucket
	aside   spill.File   // the pages' text files
	parts   []spill.Part // by page number: its text file in aside
	// free are the workers' maps between two pages: not a sync.Pool,
	// which the garbage collector empties, and the names they hold (every
	// token met) would be made again.
	mu   sync.Mutex
	free []*tokenMaps
}

// buckets is how many locks the pages' workers share the postings under,
// by their tokens' hash: each page takes each lock once.
const buckets = 64

// bucket holds the tokens of its share (by their hash), each in a slot of
// its own, and their postings: for each page that has the token, the
// page's number and its value (its count times two, plus one if the title
// has it), two uvarints, of the bodies in the order the pages were
// converted, of the titles and tags in the index's order. A worker learns
// a token's slot once (intern) and then appends to its postings without
// hashing the token again. Index puts them in the index's order.
type bucket struct {
	mu     sync.Mutex
	slots  map[string]int32
	tokens []string
	bodies [][]byte
	heads  [][]byte
}

// ref is a token's place among the gathered: its bucket and its slot.
type ref struct{ bucket, slot int32 }

// intern is token s's place, given it the first time any worker meets it.
func (t *Texts) intern(s string) ref {
	k := Shard(s, buckets)
	bk := &t.buckets[k]
	bk.mu.Lock()
	defer bk.mu.Unlock()
	i, ok := bk.slots[s]
	if !ok {
		s = strings.Clone(s) // not a slice of a page's text, which it would keep
		i = int32(len(bk.tokens))
		bk.slots[s] = i
		bk.tokens = append(bk.tokens, s)
		bk.bodies = append(bk.bodies, nil)
		bk.heads = append(bk.heads, nil)
	}
	return ref{int32(k), i}
}

// NewTexts is ready to gather the texts of pages. It numbers them in the
// index's order (newest first), so that postings gathered in that order
// (Order) need no sorting.
func NewTexts(pages []*source.Page) *Texts {
	t := &Texts{ids: make(map[*source.Page]int32, len(pages)), lengths: make([]int32, len(pages)), names: make([]string, len(pages))}
	t.order = make([]int, len(pages))
	for i := range t.order {
		t.order[i] = i
	}
	slices.SortStableFunc(t.order, func(a, b int) int { return newestFirst(pages[a], pages[b]) })
	for id, i := range t.order {
		t.ids[pages[i]] = int32(id)
	}
	for i := range t.buckets {
		t.buckets[i].slots = map[string]int32{}
	}
	t.parts = make([]spill.Part, len(pages))
	return t
}

// Order is the order to gather the pages in, as indexes of the pages
// NewTexts was given: the index's. Nil for a nil Texts.
func (t *Texts) Order() []int {
	if t == nil {
		return nil
	}
	return t.order
}

// Add gathers the text of page p, as a reader reads it. It is safe to call
// from several goroutines, once for each page; a page NewTexts was not
// given, or a nil Texts, gathers nothing.
func (t *Texts) Add(p *source.Page, text string) {
	if t == nil {
		return
	}
	id, ok := t.ids[p]
	if !ok {
		return
	}
	m := t.tokenMaps()
	defer t.done(m)
	t.lengths[id] = int32(m.countBody(text))
	t.gather(id, m)
	if text == "" {
		return
	}
	if len(text) > maxText {
		cut := maxText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	b := appendJSONString(make([]byte, 0, len(text)+len(text)/16+2), text)
	sum := sha256.Sum256(b)
	t.names[id] = "x." + hex.EncodeToString(sum[:5]) + ".json"
	t.parts[id] = t.aside.Put(b)
}

// Close lets go of the text files set aside. Index closes the Texts it
// read; a build that ends before its index closes them itself.
func (t *Texts) Close() {
	if t != nil {
		t.aside.Close()
	}
}

// id is page p's number, a new one for a page NewTexts was not given (it
// has no body in the index, only its title and tags). Not for Add's
// goroutines: Index calls it alone.
func (t *Texts) id(p *source.Page) int32 {
	if id, ok := t.ids[p]; ok {
		return id
	}
	id := int32(len(t.lengths))
	t.ids[p] = id
	t.lengths = append(t.lengths, 0)
	t.names = append(t.names, "")
	t.parts = append(t.parts, spill.Part{})
	return id
}

func (t *Texts) tokenMaps() *tokenMaps {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n := len(t.free); n > 0 {
		m := t.free[n-1]
		t.free = t.free[:n-1]
		return m
	}
	return &tokenMaps{texts: t, page: 1, long: map[string]*seen{}, byBucket: make([][]int, buckets)}
}

func (t *Texts) done(m *tokenMaps) {
	t.mu.Lock()
	t.free = append(t.free, m)
	t.mu.Unlock()
}

// gather adds a page's counted tokens to the postings of the bodies, each
// bucket under its lock once, and clears m for the next page.
func (t *Texts) gather(id int32, m *tokenMaps) {
	for i, c := range m.counted {
		m.byBucket[c.ref.bucket] = append(m.byBucket[c.ref.bucket], i)
	}
	for k, counted := range m.byBucket {
		if len(counted) == 0 {
			continue
		}
		bk := &t.buckets[k]
		bk.mu.Lock()
		for _, i := range counted {
			c := m.counted[i]
			ps := binary.AppendUvarint(bk.bodies[c.ref.slot], uint64(id))
			bk.bodies[c.ref.slot] = binary.AppendUvarint(ps, uint64(c.value))
		}
		bk.mu.Unlock()
		m.byBucket[k] = counted[:0]
	}
	m.reset()
}

// tokenMaps are a worker's maps of the tokens it has met, for counting a
// page's: a site's pages have some ten thousand tokens between them, and
// 17 million in all at 50,000 pages, so that each is found with one lookup
// and its place among the gathered is learnt once.
type tokenMaps struct {
	texts *Texts
	page  uint32 // the page being counted, numbered from 1 by this worker
	// short holds the tokens of up to 7 bytes, packed into a number
	// (packed): most tokens, two Han characters or a short word, found
	// without hashing a string; long the others.
	short    shortTokens
	long     map[string]*seen
	counted  []counted
	byBucket [][]int // places in counted, by bucket
	word     []byte  // countBody's word, kept for the next page
}

// seen is a token a worker has met: its place among the gathered, and its
// place in counted if the page being counted has it (page is that page).
type seen struct {
	ref  ref
	page uint32
	at   int32
}

// at is the place in m.counted of the token s is, taken when the page
// first has it.
func (m *tokenMaps) at(s *seen) int {
	if s.page != m.page {
		s.page, s.at = m.page, int32(len(m.counted))
		m.counted = append(m.counted, counted{ref: s.ref})
	}
	return int(s.at)
}

// shortTokens is a table of the short tokens met, by their packed number:
// open addressing, each token's seen beside its number, so that finding
// one takes a multiplication and most often one read of memory (Go's map
// took twice the time of all the rest of counting a page).
type shortTokens struct {
	slots []shortToken // a power of two of them, at most half used
	used  int
}

type shortToken struct {
	key  uint64 // packed; 0 for an empty slot (no token is empty)
	seen seen
}

// find is the slot of token k, an empty one if the table lacks it.
func (t *shortTokens) find(k uint64) *shortToken {
	mask := uint64(len(t.slots) - 1)
	for i := (k * 0x9E3779B97F4A7C15) >> 32 & mask; ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.key == k || s.key == 0 {
			return s
		}
	}
}

// add is the slot of token k, taken for it if the table lacked it (new).
func (t *shortTokens) add(k uint64) (s *shortToken, new bool) {
	if 2*(t.used+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]shortToken, max(1024, 2*len(old)))
		for _, o := range old {
			if o.key != 0 {
				*t.find(o.key) = o
			}
		}
	}
	s = t.find(k)
	if s.key == 0 {
		s.key = k
		t.used++
		return s, true
	}
	return s, false
}

// packed is a token of up to 7 bytes as a number: its bytes, and its
// length in the top byte; false for a longer token.
func packed[T string | []byte](b T) (uint64, bool) {
	switch len(b) {
	case 6: // two Han characters, most tokens: spelt out, not a loop
		return 6<<56 | uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 | uint64(b[4])<<32 | uint64(b[5])<<40, true
	}
	if len(b) > 7 {
		return 0, false
	}
	k := uint64(len(b)) << 56
	for i := 0; i < len(b); i++ {
		k |= uint64(b[i]) << (8 * i)
	}
	return k, true
}

type counted struct {
	ref   ref
	value int32
}

func (m *tokenMaps) reset() {
	m.page++
	m.counted = m.counted[:0]
}

// count adds value to token b's: 2 for each time the body or a tag has it,
// 1 (once) if the title has it.
func (m *tokenMaps) count(b []byte, value int32) { countToken(m, b, value) }

func countToken[T string | []byte](m *tokenMaps, b T, value int32) {
	var i int
	if k, short := packed(b); short {
		s, new := m.short.add(k)
		if new {
			s.seen.ref = m.texts.intern(string(b))
		}
		i = m.at(&s.seen)
	} else { // a word of 8 letters or more: rare enough to make its string
		s := m.long[string(b)]
		if s == nil {
			key := strings.Clone(string(b)) // not a slice of a page's text
			s = &seen{ref: m.texts.intern(key)}
			m.long[key] = s
		}
		i = m.at(s)
	}
	if value == 1 {
		m.counted[i].value |= 1
	} else {
		m.counted[i].value += value
	}
}

// countBody counts each token of a page's body, 2 each, and returns how
// many there are: what eachToken(text, func(b []byte) { m.count(b, 2);
// n++ }) does, but a run of Han characters is taken from the text itself,
// whose bytes its tokens are, without copying them or calling back: that
// is most of a Chinese page. Words are folded (Ｗｏｒｄ, GO), so they are
// copied as eachToken copies them.
func (m *tokenMaps) countBody(text string) int {
	n := 0
	word := m.word[:0] // the current word, folded
	wordKind := 0      // 1 letters, 2 digits
	// The current run of Han characters: where it starts, where its last
	// character starts and ends, and how many it has.
	run, last, end, hans := 0, 0, 0, 0
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		switch c := text[i]; {
		case c < utf8.RuneSelf:
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80:
			// eachToken's decoding, written out again: as a function it is
			// too big to inline, and a call for each character is what
			// this loop is for not making.
			r, size = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		at := i
		i += size
		r = fold(r)
		if isHan(r) {
			if wordKind != 0 {
				countToken(m, word, 2)
				n++
				word, wordKind = word[:0], 0
			}
			if hans == 0 {
				run = at
			} else {
				countToken(m, text[last:i], 2) // the pair of the last two characters
				n++
			}
			hans++
			last, end = at, i
			continue
		}
		if hans == 1 {
			countToken(m, text[run:end], 2) // a lone Han character
			n++
		}
		hans = 0
		if !isWord(r) {
			if wordKind != 0 {
				countToken(m, word, 2)
				n++
				word, wordKind = word[:0], 0
			}
			continue
		}
		kind := 1
		if r >= '0' && r <= '9' {
			kind = 2
		}
		if kind != wordKind && wordKind != 0 {
			countToken(m, word, 2)
			n++
			word = word[:0]
		}
		wordKind = kind
		word = append(word, byte(r))
	}
	if hans == 1 {
		countToken(m, text[run:end], 2)
		n++
	}
	if wordKind != 0 {
		countToken(m, word, 2)
		n++
	}
	m.word = word
	return n
}
