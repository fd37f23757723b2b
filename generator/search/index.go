package search

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

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

// doc is one page's tokens, each once, with its value in the postings:
// its count times two, plus one if the title has it.
type doc struct {
	tokens []token
	length int // tokens in the body and tags, for BM25
}

type token struct {
	text         string
	shard, value int32
}

// postings are the pages that have a token, in page order: for each page
// the difference of its number from the one before (the first from 0) and
// its value, as two uvarints. About three bytes a page, where a struct of
// two int32 took eight and its slice's spare room as much again: at 50,000
// pages the postings are 17 million.
type postings struct {
	varints []byte
	last    int32 // the page added last
}

func (ps *postings) add(doc, value int32) {
	ps.varints = binary.AppendUvarint(ps.varints, uint64(doc-ps.last))
	ps.varints = binary.AppendUvarint(ps.varints, uint64(value))
	ps.last = doc
}

// each calls f with each page's difference and value, in order.
func (ps *postings) each(f func(delta, value uint64)) {
	for b := ps.varints; len(b) > 0; {
		delta, n := binary.Uvarint(b)
		value, m := binary.Uvarint(b[n:])
		b = b[n+m:]
		f(delta, value)
	}
}

// batch is how many pages are tokenized before their tokens join the
// postings: all pages' tokens at once would take more memory than the
// postings themselves.
const batch = 1024

// Index returns the search index of the model's public pages as files below
// the site root: search/index.json, and hashed token and result files.
// text is a page's text as a reader reads it (markup.TakeText), asked
// for once for each page: the model does not hold it, so that a build can
// let go of each page's text as soon as it is indexed. With put, each file is handed to put as soon as
// it is made and not kept (its path maps to nil): the index of 50,000
// pages is 250 MB, most of it the pages' text files.
func Index(ctx context.Context, s *site.Site, text func(*site.Page) string, workers int, put func(path string, body []byte)) map[string][]byte {
	files := &index{files: map[string][]byte{}, put: put}
	var pages []*site.Page
	for _, p := range s.Pages {
		switch {
		case p.File == "" || p.Kind == source.KindHome:
		case s.Config.Journal.Internal && p.Section == s.Config.Journal.Section:
		default:
			pages = append(pages, p)
		}
	}
	// Newest first: result files then hold pages of about the same time,
	// and a page's number breaks ties in the same order.
	slices.SortStableFunc(pages, func(a, b *site.Page) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return cmp.Compare(a.URL, b.URL)
	})
	shards := max(8, min(1024, 1<<bits.Len(uint(len(pages)/10))))
	shardPostings := make([]map[string]*postings, shards) // shard -> token -> pages
	for i := range shardPostings {
		shardPostings[i] = map[string]*postings{}
	}
	m := meta{Version: 1, Docs: len(pages), PerShard: docsPerShard}
	groups := max(1, min(workers, shards))
	docs := make([]doc, batch)
	texts := make([]string, len(pages)) // each page's text file
	var indexes sync.Pool               // tokenize's maps (*tokenMaps), for this index's pages
	for start := 0; start < len(pages); start += batch {
		n := min(batch, len(pages)-start)
		work.Named(ctx, n, workers, func(i int) string { return pages[start+i].File }, func(i int) {
			t := text(pages[start+i])
			tokenize(&docs[i], pages[start+i], t, shards, &indexes)
			texts[start+i] = textFile(files, t)
		})
		// Each worker fills the shards of its own group: every token's
		// pages stay in page order, and no map is shared.
		work.Each(ctx, groups, groups, func(g int) {
			for i, d := range docs[:n] {
				for _, t := range d.tokens {
					if int(t.shard)%groups == g {
						ps := shardPostings[t.shard][t.text]
						if ps == nil {
							ps = &postings{}
							shardPostings[t.shard][t.text] = ps
						}
						ps.add(int32(start+i), t.value)
					}
				}
			}
		})
		for _, d := range docs[:n] {
			m.Len = append(m.Len, d.length)
		}
	}
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
	m.Terms = make([]string, shards)
	work.Each(ctx, shards, workers, func(i int) {
		m.Terms[i] = files.add(fmt.Sprintf("t-%d", i), encodePostings(shardPostings[i]))
		shardPostings[i] = nil
	})
	for start := 0; start < len(pages); start += docsPerShard {
		var results [][5]string // title, URL, date, summary, text file
		for k, p := range pages[start:min(len(pages), start+docsPerShard)] {
			date := ""
			if !p.Date.IsZero() {
				date = p.Date.Format("2006-01-02")
			}
			results = append(results, [5]string{p.Title(), s.Config.RelURI(p.URL), date, p.Summary, texts[start+k]})
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

// textFile stores a page's text for the excerpt of a result whose summary
// does not have the query (search.js fetches it only then), and returns
// its name, "" for a page without text. Pages of one text share a file.
func textFile(files *index, text string) string {
	if text == "" {
		return ""
	}
	if len(text) > maxText {
		cut := maxText
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	b, _ := json.Marshal(text)
	return files.add("x", b)
}

// encodePostings writes a token file as JSON, tokens in order: each
// token's pages as differences from the one before, then the values:
// {"招生":[[3,1,7],[4,2,3]]}. Written by hand, it needs no copy of the
// postings in the shapes encoding/json wants.
func encodePostings(shard map[string]*postings) []byte {
	b := []byte{'{'}
	for i, t := range slices.Sorted(maps.Keys(shard)) {
		if i > 0 {
			b = append(b, ',')
		}
		key, _ := json.Marshal(t)
		b = append(b, key...)
		b = append(b, ":[["...)
		sep := false
		shard[t].each(func(delta, _ uint64) {
			if sep {
				b = append(b, ',')
			}
			b, sep = strconv.AppendUint(b, delta, 10), true
		})
		b = append(b, "],["...)
		sep = false
		shard[t].each(func(_, value uint64) {
			if sep {
				b = append(b, ',')
			}
			b, sep = strconv.AppendUint(b, value, 10), true
		})
		b = append(b, "]]"...)
	}
	return append(b, '}')
}

// index is the index's files as they are made: kept, or handed to put.
// Its workers store them at once.
type index struct {
	mu    sync.Mutex
	files map[string][]byte
	put   func(path string, body []byte)
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

// tokenize counts a page's tokens into d (reusing its slice): its body and tags, and its title's
// tokens and single characters, which only mark the ones the title has.
// indexes keeps its maps for the next page: a map grown to a page's
// thousand tokens would otherwise be made anew for each page.
func tokenize(d *doc, p *site.Page, text string, shards int, indexes *sync.Pool) {
	*d = doc{tokens: d.tokens[:0]} // the slice of the batch before, whose tokens are in the postings
	m, _ := indexes.Get().(*tokenMaps)
	if m == nil {
		m = &tokenMaps{index: map[string]int{}, names: map[string]string{}}
	}
	defer func() { clear(m.index); indexes.Put(m) }()
	index := m.index
	add := func(t []byte, value int) {
		i, ok := index[string(t)] // no string is made for a lookup
		if !ok {
			s, known := m.names[string(t)]
			if !known {
				s = string(t)
				m.names[s] = s
			}
			i = len(d.tokens)
			index[s] = i
			d.tokens = append(d.tokens, token{text: s, shard: int32(Shard(s, shards))})
		}
		if value == 1 {
			d.tokens[i].value |= 1
		} else {
			d.tokens[i].value += int32(value)
		}
	}
	eachToken(text, func(t []byte) { add(t, 2); d.length++ })
	for _, tag := range p.FM.Tags {
		eachToken(tag, func(t []byte) { add(t, 2); d.length++ })
	}
	title := p.Title()
	eachToken(title, func(t []byte) { add(t, 1) })
	for _, c := range Chars(title) {
		add([]byte(c), 1)
	}
}

// tokenMaps are a worker's maps for tokenize: a token's place in the
// page's tokens, and each token met as one string, made once: a site's
// pages have some ten thousand tokens between them, and 17 million in
// all at 50,000 pages.
type tokenMaps struct {
	index map[string]int
	names map[string]string
}
