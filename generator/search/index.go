package search

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"sync"

	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/work"
)

// Dir is where the index is written, below the site root.
const Dir = "search/"

// docsPerShard is how many pages' titles and summaries a results file
// holds: a query fetches the files of its top results only (and the text
// files of those whose summary lacks the query, for an excerpt).
const docsPerShard = 50

// meta is search/index.json: what the search page loads first. It names
// the other files by their content's hash, so that a browser never mixes
// files of two builds.
type meta struct {
	Version  int         `json:"v"`
	Docs     int         `json:"n"`
	AvgLen   float64     `json:"avgdl"`
	Terms    []string    `json:"t"`        // token shard files, by hash mod len
	Results  []string    `json:"d"`        // result files, docsPerShard pages each
	PerShard int         `json:"ds"`       // docsPerShard
	Sections [][2]string `json:"sections"` // [name, title]
	Section  []int       `json:"sec"`      // per page: index in Sections
	Year     []int       `json:"year"`     // per page: year, 0 for undated
	Len      []int       `json:"len"`      // per page: tokens, for BM25
}

// Index returns the search index of the model's public pages as files below
// the site root: search/index.json, and hashed token and result files.
// text is a page's text as a reader reads it (markup.TakeText). A build
// gathers the texts as its pages convert instead (Texts.Index).
func Index(ctx context.Context, s *site.Site, text func(*site.Page) string, workers int, put func(path string, body []byte)) map[string][]byte {
	pages := public(s)
	sources := make([]*source.Page, len(pages))
	for i, p := range pages {
		sources[i] = p.Page
	}
	t := NewTexts(sources)
	work.Each(ctx, len(pages), workers, func(i int) { t.Add(pages[i].Page, text(pages[i])) })
	return t.Index(ctx, s, workers, put)
}

// public are the model's pages the index lists, newest first: result
// files then hold pages of about the same time, and a page's number breaks
// ties in the same order.
func public(s *site.Site) []*site.Page {
	var pages []*site.Page
	for _, p := range s.Pages {
		switch {
		case p.File == "" || p.Kind == source.KindHome:
		case s.Config.Journal.Internal && p.Section == s.Config.Journal.Section:
		default:
			pages = append(pages, p)
		}
	}
	slices.SortStableFunc(pages, func(a, b *site.Page) int { return newestFirst(a.Page, b.Page) })
	return pages
}

// newestFirst is the index's order of pages: newest first, then by URL.
func newestFirst(a, b *source.Page) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return cmp.Compare(a.URL, b.URL)
}

// Index returns the search index of the model's public pages, from what t
// gathered of them, and closes t. With put, each file is handed to put as
// soon as it is made and not kept (its path maps to nil): the index of
// 50,000 pages is 250 MB, most of it the pages' text files.
func (t *Texts) Index(ctx context.Context, s *site.Site, workers int, put func(path string, body []byte)) map[string][]byte {
	defer t.Close()
	files := &index{files: map[string][]byte{}, put: put}
	pages := public(s)
	m := meta{Version: 1, Docs: len(pages), PerShard: docsPerShard}
	// A page's tags and title are gathered apart from the bodies (whose
	// postings would grow, each copied, for a few more pages); its number
	// in what was gathered gives its place in the index (rank), or none.
	ids := make([]int32, len(pages))
	counts := t.tokenMaps()
	for i, p := range pages {
		id := t.id(p.Page)
		ids[i] = id
		n := 0
		for _, tag := range p.FM.Tags {
			eachToken(tag, func(b []byte) { counts.count(b, 2); n++ })
		}
		title := p.Title()
		eachToken(title, func(b []byte) { counts.count(b, 1) })
		for _, c := range Chars(title) {
			counts.count([]byte(c), 1)
		}
		for _, c := range counts.counted {
			heads := &t.buckets[c.ref.bucket].heads[c.ref.slot]
			*heads = binary.AppendUvarint(binary.AppendUvarint(*heads, uint64(id)), uint64(c.value))
		}
		counts.reset()
		m.Len = append(m.Len, int(t.lengths[id])+n)
	}
	rank := make([]int32, len(t.lengths))
	for i := range rank {
		rank[i] = -1
	}
	for i, id := range ids {
		rank[id] = int32(i)
	}

	shards := max(8, min(1024, 1<<bits.Len(uint(len(pages)/10))))
	byShard := make([][]gathered, shards)
	for k := range t.buckets {
		bk := &t.buckets[k]
		for slot, token := range bk.tokens {
			i := Shard(token, shards)
			byShard[i] = append(byShard[i], gathered{token, bk.bodies[slot], bk.heads[slot]})
		}
		*bk = bucket{}
	}
	m.Terms = make([]string, shards)
	var scratch sync.Pool // *room, for encodePostings
	work.Each(ctx, shards, workers, func(i int) {
		buf := files.scratch()
		r, _ := scratch.Get().(*room)
		if r == nil {
			r = new(room)
		}
		*buf = encodePostings((*buf)[:0], byShard[i], rank, r)
		scratch.Put(r)
		m.Terms[i] = files.add(fmt.Sprintf("t-%d", i), *buf)
		files.done(buf)
		byShard[i] = nil
	})
	work.Each(ctx, len(pages), workers, func(i int) {
		if name := t.names[ids[i]]; name != "" {
			buf := files.scratch()
			*buf = t.aside.Get(t.parts[ids[i]], *buf)
			files.store(Dir+name, *buf) // pages of one text share a file
			files.done(buf)
		}
	})
	sections := map[string]int{}
	total := 0
	for i, p := range pages {
		sec, ok := sections[p.Section]
		if !ok {
			sec = len(m.Sections)
			sections[p.Section] = sec
			title := p.Section
			if sp := s.Section(p.Section); sp != nil {
				title = sp.Title()
			}
			m.Sections = append(m.Sections, [2]string{p.Section, title})
		}
		m.Section = append(m.Section, sec)
		year := 0
		if !p.Date.IsZero() {
			year = p.Date.Year()
		}
		m.Year = append(m.Year, year)
		total += m.Len[i]
	}
	if len(pages) > 0 {
		m.AvgLen = float64(total) / float64(len(pages))
	}
	for start := 0; start < len(pages); start += docsPerShard {
		var results [][5]string // title, URL, date, summary, text file
		for k, p := range pages[start:min(len(pages), start+docsPerShard)] {
			date := ""
			if !p.Date.IsZero() {
				date = p.Date.Format("2006-01-02")
			}
			results = append(results, [5]string{p.Title(), s.Config.RelURI(p.URL), date, p.Summary, t.names[ids[start+k]]})
		}
		b, _ := json.Marshal(results)
		m.Results = append(m.Results, files.add(fmt.Sprintf("d-%d", start/docsPerShard), b))
	}
	b, _ := json.Marshal(m)
	files.store(Dir+"index.json", b)
	return files.files
}

// maxText is the most of a page's text its text file holds, in bytes: a
// match further on shows the summary instead of an excerpt. Pages are a
// few thousand bytes; this only bounds the rare huge one.
const maxText = 16 << 10

// merge appends the pages of x and y, both in order, in order: a page in
// both (its body and its title or tags have the token) once, with the sum
// of its values (the body's and the tags' are even, the title's is 1).
func merge(both, x, y []uint64) []uint64 {
	for len(x) > 0 && len(y) > 0 {
		switch a, b := x[0], y[0]; {
		case a>>32 == b>>32:
			both = append(both, a+b&(1<<32-1))
			x, y = x[1:], y[1:]
		case a < b:
			both = append(both, a)
			x = x[1:]
		default:
			both = append(both, b)
			y = y[1:]
		}
	}
	return append(append(both, x...), y...)
}

// ranked appends each page of postings ps that is in the index: its place
// in the index (rank, by its number in what was gathered: -1 for a page
// not indexed), then its value.
func ranked(docs []uint64, ps []byte, rank []int32) []uint64 {
	for len(ps) > 0 {
		id, n := binary.Uvarint(ps)
		value, m := binary.Uvarint(ps[n:])
		ps = ps[n+m:]
		if r := rank[id]; r >= 0 {
			docs = append(docs, uint64(r)<<32|value)
		}
	}
	return docs
}

// gathered is a token and its postings as Texts gathered them: of the
// pages' bodies, and of their titles and tags.
type gathered struct {
	token         string
	bodies, heads []byte
}

// room is encodePostings' room for a token's pages (a page's place in
// the index, then its value), kept from one call to the next: of their
// bodies (as gathered, those that came late, and sorted), of their titles
// and tags, and both.
type room struct{ bodies, late, sorted, heads, both []uint64 }

// encodePostings appends a token file as JSON, tokens in order: each
// token's pages, by their place in the index (ranked), as differences
// from the one before, then the values: {"招生":[[3,1,7],[4,2,3]]}. A
// token of no indexed page is left out. Written by hand, it needs no copy
// of the postings in the shapes encoding/json wants.
func encodePostings(b []byte, tokens []gathered, rank []int32, r *room) []byte {
	slices.SortFunc(tokens, func(a, b gathered) int { return cmp.Compare(a.token, b.token) })
	start := len(b)
	b = append(b, '{')
	for _, g := range tokens {
		r.bodies = ranked(r.bodies[:0], g.bodies, rank)
		r.heads = ranked(r.heads[:0], g.heads, rank) // gathered in the index's order
		// The bodies were gathered in the index's order (NewTexts), but
		// for the pages that came late (one worker took long over a page
		// while the other went on): taken out, sorted and merged back in.
		inOrder, late := r.bodies[:0], r.late[:0]
		for _, d := range r.bodies {
			if len(inOrder) == 0 || d > inOrder[len(inOrder)-1] {
				inOrder = append(inOrder, d)
			} else {
				late = append(late, d)
			}
		}
		slices.Sort(late)
		r.late, r.sorted = late, merge(r.sorted[:0], inOrder, late)
		r.both = merge(r.both[:0], r.sorted, r.heads)
		merged := r.both
		if len(merged) == 0 {
			continue
		}
		if len(b) > start+1 {
			b = append(b, ',')
		}
		key, _ := json.Marshal(g.token)
		b = append(b, key...)
		b = append(b, ":[["...)
		last := uint64(0)
		for i, d := range merged {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendUint(b, d>>32-last, 10)
			last = d >> 32
		}
		b = append(b, "],["...)
		for i, d := range merged {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendUint(b, d&(1<<32-1), 10)
		}
		b = append(b, "]]"...)
	}
	return append(b, '}')
}

// index is the index's files as they are made: kept, or handed to put.
// Its workers store them at once.
type index struct {
	mu      sync.Mutex
	files   map[string][]byte
	put     func(path string, body []byte)
	buffers sync.Pool // *[]byte, for files that are put and not kept
}

// scratch is a buffer to make a file in. Handed to done after the file is
// stored, it makes the next one when files are put (the text files of
// 50,000 pages are 150 MB that would be garbage at once).
func (x *index) scratch() *[]byte {
	if b, ok := x.buffers.Get().(*[]byte); ok {
		return b
	}
	return new([]byte)
}

func (x *index) done(b *[]byte) {
	if x.put != nil {
		x.buffers.Put(b)
	}
}

// add stores JSON b in a file named after its content's hash and returns
// the name.
func (x *index) add(base string, b []byte) string {
	sum := sha256.Sum256(b)
	name := base + "." + hex.EncodeToString(sum[:5]) + ".json"
	x.store(Dir+name, b)
	return name
}

// store keeps a file, or puts it and keeps its path only. A file made
// twice (two pages of one text) is put once: its bytes are the same.
func (x *index) store(path string, b []byte) {
	x.mu.Lock()
	_, made := x.files[path]
	if x.put == nil {
		x.files[path] = b
	} else if !made {
		x.files[path] = nil
	}
	x.mu.Unlock()
	if x.put != nil && !made {
		x.put(path, b)
	}
}

// Shard is the token file a token is in: FNV-1a (32 bits) of its UTF-8
// bytes, modulo the number of files. search.js computes the same.
func Shard(token string, shards int) int {
	h := uint32(2166136261)
	for i := 0; i < len(token); i++ {
		h = (h ^ uint32(token[i])) * 16777619
	}
	return int(h % uint32(shards))
}
