package search

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/bits"
	"slices"
	"strings"

	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/work"
)

// Dir is where the index is written, below the site root.
const Dir = "search/"

// docsPerShard is how many pages' titles and summaries a results file
// holds: a query fetches the files of its top results only.
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

type doc struct {
	page   *site.Page
	tokens map[string]int // token -> count in the body and tags
	title  map[string]bool
	length int
}

// Index returns the search index of the model's public pages as files below
// the site root: search/index.json, and hashed token and result files.
func Index(ctx context.Context, s *site.Site, workers int) map[string][]byte {
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
	docs := make([]doc, len(pages))
	work.Each(ctx, len(pages), workers, func(i int) {
		p := pages[i]
		d := doc{page: p, tokens: map[string]int{}, title: map[string]bool{}}
		for _, t := range Tokens(p.Text + " " + strings.Join(p.FM.Tags, " ")) {
			d.tokens[t]++
			d.length++
		}
		for _, t := range append(Tokens(p.Title()), Chars(p.Title())...) {
			d.title[t] = true
		}
		docs[i] = d
	})

	shards := max(8, min(1024, 1<<bits.Len(uint(len(docs)/10))))
	postings := make([]map[string][][2]int, shards) // shard -> token -> [doc, value]
	for i := range postings {
		postings[i] = map[string][][2]int{}
	}
	m := meta{Version: 1, Docs: len(docs), PerShard: docsPerShard}
	sections := map[string]int{}
	total := 0
	for id, d := range docs {
		for _, t := range slices.Sorted(mapKeys(d.tokens, d.title)) {
			value := d.tokens[t] * 2 // a count, and whether the title has it
			if d.title[t] {
				value++
			}
			sh := Shard(t, shards)
			postings[sh][t] = append(postings[sh][t], [2]int{id, value})
		}
		sec, ok := sections[d.page.Section]
		if !ok {
			sec = len(m.Sections)
			sections[d.page.Section] = sec
			title := d.page.Section
			if sp := s.Section(d.page.Section); sp != nil {
				title = sp.Title()
			}
			m.Sections = append(m.Sections, [2]string{d.page.Section, title})
		}
		m.Section = append(m.Section, sec)
		year := 0
		if !d.page.Date.IsZero() {
			year = d.page.Date.Year()
		}
		m.Year = append(m.Year, year)
		m.Len = append(m.Len, d.length)
		total += d.length
	}
	if len(docs) > 0 {
		m.AvgLen = float64(total) / float64(len(docs))
	}
	files := map[string][]byte{}
	for i, shard := range postings {
		// A token's postings: page numbers as differences from the one
		// before, then the values: [[3,1,7],[4,2,3]].
		out := make(map[string][2][]int, len(shard))
		for t, list := range shard {
			var ids, values []int
			last := 0
			for _, pv := range list {
				ids = append(ids, pv[0]-last)
				values = append(values, pv[1])
				last = pv[0]
			}
			out[t] = [2][]int{ids, values}
		}
		m.Terms = append(m.Terms, put(files, fmt.Sprintf("t-%d", i), out))
	}
	for start := 0; start < len(docs); start += docsPerShard {
		var results [][4]string // title, URL, date, summary
		for _, d := range docs[start:min(len(docs), start+docsPerShard)] {
			date := ""
			if !d.page.Date.IsZero() {
				date = d.page.Date.Format("2006-01-02")
			}
			results = append(results, [4]string{d.page.Title(), s.Config.RelURL(d.page.URL), date, d.page.Summary})
		}
		m.Results = append(m.Results, put(files, fmt.Sprintf("d-%d", start/docsPerShard), results))
	}
	b, _ := json.Marshal(m)
	files[Dir+"index.json"] = b
	return files
}

// put writes v as JSON to a file named after its content's hash and
// returns the name.
func put(files map[string][]byte, base string, v any) string {
	b, _ := json.Marshal(v) // maps, slices and strings only
	sum := sha256.Sum256(b)
	name := base + "." + hex.EncodeToString(sum[:5]) + ".json"
	files[Dir+name] = b
	return name
}

// Shard is the token file a token is in: FNV-1a (32 bits) of its UTF-8
// bytes, modulo the number of files. search.js computes the same.
func Shard(token string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(token))
	return int(h.Sum32() % uint32(shards))
}

func mapKeys(a map[string]int, b map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range a {
			if !yield(k) {
				return
			}
		}
		for k := range b {
			if _, dup := a[k]; !dup && !yield(k) {
				return
			}
		}
	}
}
