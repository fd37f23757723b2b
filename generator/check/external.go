package check

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"sort"
	"sync"
	"time"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
	"folio.dev/folio/generator/work"
)

// External checks the content's links to other sites, at most 8 at a time
// and 10 seconds each. An answer in known younger than a day is taken as
// it is, so repeated checks do not knock on the same doors. A failure is a
// warning: the other site may only be down for a while. It returns known
// with this check's answers, for the caller to keep (folio check writes
// them to .folio-linkcache.json): check writes no file.
func (c *Checker) External(ctx context.Context, known Answers, client *http.Client, now time.Time, l *diag.List) Answers {
	byURL := map[string][]diag.Pos{}
	for _, p := range c.model.Pages {
		for _, link := range markup.LinksOf(&p.Result) {
			if u, err := url.Parse(link.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
				byURL[link.URL] = append(byURL[link.URL], link.Pos)
			}
		}
	}
	urls := make([]string, 0, len(byURL))
	for u := range byURL {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	cache := maps.Clone(known)
	if cache == nil {
		cache = Answers{}
	}
	results := make([]string, len(urls))
	var mu sync.Mutex
	work.Each(ctx, len(urls), 8, func(i int) {
		mu.Lock()
		hit, ok := cache[urls[i]]
		mu.Unlock()
		if ok && now.Sub(hit.Checked) < 24*time.Hour {
			results[i] = hit.Problem
			return
		}
		results[i] = fetch(ctx, client, urls[i])
		mu.Lock()
		cache[urls[i]] = Answer{Checked: now, Problem: results[i]}
		mu.Unlock()
	})
	for i, u := range urls {
		if results[i] == "" {
			continue
		}
		for _, pos := range byURL[u] {
			l.Add(pos, diag.LinkBrokenOutside, u, results[i])
		}
	}
	return cache
}

// Answers are what checks learned of links to other sites: URL -> answer.
type Answers map[string]Answer

// Answer is what a link's site answered, and when.
type Answer struct {
	Checked time.Time `json:"checked"`
	Problem string    `json:"problem,omitempty"`
}

// fetch asks for a page with HEAD, then GET for servers that refuse HEAD;
// "" means it answered with a success.
func fetch(ctx context.Context, client *http.Client, u string) string {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	for _, method := range []string{http.MethodHead, http.MethodGet} {
		req, err := http.NewRequestWithContext(ctx, method, u, nil)
		if err != nil {
			return err.Error()
		}
		req.Header.Set("User-Agent", "folio-check")
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Sprintf("no answer (%v)", err)
		}
		resp.Body.Close()
		if resp.StatusCode < 400 {
			return ""
		}
		if method == http.MethodGet || (resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotImplemented) {
			return fmt.Sprintf("the other site answered %s", resp.Status)
		}
	}
	return ""
}

// ParseAnswers reads answers kept as JSON; a damaged or empty file gives
// none, which only makes the check slower.
func ParseAnswers(b []byte) Answers {
	a := Answers{}
	if err := json.Unmarshal(b, &a); err != nil {
		return Answers{}
	}
	return a
}

// JSON returns the answers to keep, indented, with sorted keys.
func (a Answers) JSON() ([]byte, error) {
	b, err := json.MarshalIndent(a, "", "  ")
	return append(b, '\n'), err
}
