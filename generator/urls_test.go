package generator_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/emersion/go-ical"
	"github.com/mmcdole/gofeed"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
)

// hostileURLSite is a site whose URLs hold everything a URL may hold and
// a careless editor writes: a % (50%off.md), Chinese, & ' ( ) + = , ;,
// below a base path that is Chinese too. Every feed, sitemap, calendar and
// search index of it must be read by its real client as the same URLs
// (issue 17).
func hostileURLSite(t *testing.T) *generator.Result {
	t.Helper()
	site := withDefaultTheme(t, map[string]string{
		"config.toml":       "title = \"测试\"\nbaseURL = \"https://www.example.org/协会/\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/news/50%off.md": "+++\ntitle = \"五折\"\ndate = 2026-06-01\ntags = [\"50%\", \"技能 大赛\"]\n+++\n" +
			"[自己](#正文) [另一篇](a&b.md) ![图](/图片/a%b.png)\n\n## 正文\n",
		"content/news/a&b.md":         "+++\ntitle = \"A&B\"\ndate = 2026-06-02\nslug = \"a&b'(1)+=2\"\n+++\n正文。\n",
		"content/news/技能大赛.md":        "+++\ntitle = \"技能大赛\"\ndate = 2026-06-03\n+++\n正文。\n",
		"content/events/春,秋;冬.md":     "+++\ntitle = \"春秋冬\"\nstart = 2026-12-15\nlocation = \"广州\"\n+++\n正文。\n",
		"content/events/e.md":         "+++\ntitle = \"五折营\"\nstart = 2026-12-16T09:00:00\nurl = \"/events/50%off-营/\"\nregistration = \"https://example.org/报名?a=1&b=2\"\n+++\n正文。\n",
		"content/events/100%.md":      "+++\ntitle = \"百分百\"\nstart = 2026-12-17\n+++\n正文。\n",
		"content/图片/a%b.png":          "\x89PNG\x0d\x0a\x1a\x0a\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU\x00\x00\x00\x0aIDATx\x9cch\x00\x00\x00\x82\x00\x81w\xcdr\xb6\x00\x00\x00\x00IEND\xaeB`\x82", // a 1×1 grey PNG
		"content/notices/_index.md":   "+++\ntitle = \"通知\"\n+++\n",
		"content/notices/2026/x y.md": "+++\ntitle = \"有空格的文件名\"\ndate = 2026-06-04\nslug = \"x-y\"\n+++\n正文。\n",
	})
	res, err := generator.Build(context.Background(), generator.Options{Root: site, Now: fixedNow})
	if err != nil {
		var b strings.Builder
		res.Diagnostics.Print(&b, diag.English, 0)
		t.Fatalf("%v\n%s", err, b.String())
	}
	return res
}

// uriChars is what RFC 3986 allows in a URI; a % must start an escape.
var (
	uriChars  = regexp.MustCompile(`^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$`)
	badEscape = regexp.MustCompile(`%(?:[^0-9A-Fa-f]|.[^0-9A-Fa-f]|.?$)`)
)

// checkURI checks one URI a client read: RFC 3986 characters only, encoded
// once (parsing and printing it again gives it back), and naming a path of
// the site. paths holds the site's page URLs, decoded, below the base path.
func checkURI(where, u string, paths map[string]bool) error {
	if !uriChars.MatchString(u) || badEscape.MatchString(u) {
		return fmt.Errorf("%s: %q is not a URI (raw characters or a bare %%)", where, u)
	}
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("%s: %q: %v", where, u, err)
	}
	if p.String() != u {
		return fmt.Errorf("%s: %q reads back as %q: not encoded once", where, u, p.String())
	}
	if paths != nil && !paths[p.Path] {
		return fmt.Errorf("%s: %q names %q, which is no page of the site", where, u, p.Path)
	}
	return nil
}

// icsProps are the only properties folio writes: anything else is injected.
var icsProps = map[string]bool{
	"BEGIN": true, "END": true, "VERSION": true, "PRODID": true, "CALSCALE": true, "METHOD": true,
	"X-WR-CALNAME": true, "X-WR-TIMEZONE": true, "UID": true, "DTSTAMP": true, "DTSTART": true,
	"DTEND": true, "SUMMARY": true, "LOCATION": true, "DESCRIPTION": true, "URL": true, "STATUS": true,
}

// checkOutputs has real clients read every program-facing output of a
// built site: XML well formed, feeds by gofeed, calendars by go-ical with
// no property folio does not write, and every URL in them, in the sitemap
// and in the search index a URI of a page. It returns the problems.
func checkOutputs(res *generator.Result) []error {
	var errs []error
	base, _ := url.Parse(res.Model.Config.BaseURL)
	paths := map[string]bool{}
	for _, o := range res.Model.Outputs {
		paths[strings.TrimSuffix(base.Path, "/")+o.Page.URL] = true
	}
	for _, name := range res.Site.Paths() {
		b := res.Site.Files[name]
		switch {
		case strings.HasSuffix(name, ".xml"):
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: not well-formed XML: %v", name, err))
					break
				}
			}
		}
		switch {
		case name == "sitemap.xml":
			var m struct {
				URLs []string `xml:"url>loc"`
			}
			if err := xml.Unmarshal(b, &m); err != nil || len(m.URLs) == 0 {
				errs = append(errs, fmt.Errorf("%s: %v, %d URLs", name, err, len(m.URLs)))
			}
			for _, u := range m.URLs {
				if err := checkURI(name, u, paths); err != nil {
					errs = append(errs, err)
				}
			}
		case strings.HasSuffix(name, "feed.xml"):
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %v", name, err))
				continue
			}
			if err := checkURI(name+" link", feed.Link, paths); err != nil {
				errs = append(errs, err)
			}
			for _, item := range feed.Items {
				if item.GUID != item.Link {
					errs = append(errs, fmt.Errorf("%s: guid %q is not the link %q", name, item.GUID, item.Link))
				}
				if err := checkURI(name+" item", item.Link, paths); err != nil {
					errs = append(errs, err)
				}
			}
		case strings.HasSuffix(name, ".ics"):
			sc := bufio.NewScanner(strings.NewReader(strings.ReplaceAll(string(b), "\r\n ", "")))
			for sc.Scan() {
				prop, _, _ := strings.Cut(strings.TrimSuffix(sc.Text(), "\r"), ":")
				prop, _, _ = strings.Cut(prop, ";")
				if !icsProps[prop] {
					errs = append(errs, fmt.Errorf("%s: a property folio does not write: %q", name, sc.Text()))
				}
			}
			cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %v", name, err))
				continue
			}
			for _, ev := range cal.Events() {
				if len(ev.Props[ical.PropURL]) != 1 || len(ev.Props[ical.PropUID]) != 1 {
					errs = append(errs, fmt.Errorf("%s: an event with %d URLs and %d UIDs", name, len(ev.Props[ical.PropURL]), len(ev.Props[ical.PropUID])))
					continue
				}
				u := ev.Props.Get(ical.PropURL).Value
				if err := checkURI(name+" URL", u, paths); err != nil {
					errs = append(errs, err)
				}
				uid, err := ev.Props.Text(ical.PropUID)
				p, perr := url.Parse(u)
				if perr != nil {
					continue
				}
				if want := strings.Trim(strings.TrimPrefix(p.Path, strings.TrimSuffix(base.Path, "/")), "/") + "@" + base.Host; err != nil || uid != want {
					errs = append(errs, fmt.Errorf("%s: UID %q (%v), want %q", name, uid, err, want))
				}
			}
		case strings.HasPrefix(name, "search/") && strings.HasSuffix(name, ".json"):
			var results [][4]string
			if json.Unmarshal(b, &results) != nil {
				continue // the index's other files
			}
			for _, r := range results {
				if err := checkURI(name, "https://"+base.Host+r[1], paths); err != nil {
					errs = append(errs, err)
				}
			}
		}
	}
	return errs
}

// The hostile URLs, read by real clients, and fetched from Go's own server
// (which answers 400 to a raw % or space).
func TestHostileURLsParse(t *testing.T) {
	t.Parallel()
	res := hostileURLSite(t)
	for _, err := range checkOutputs(res) {
		t.Error(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.URL.Path)
	}))
	defer srv.Close()
	var m struct {
		URLs []string `xml:"url>loc"`
	}
	xml.Unmarshal(res.Site.Files["sitemap.xml"], &m)
	for _, want := range []string{"/协会/news/50%off/", "/协会/news/a&b'(1)+=2/", "/协会/events/50%off-营/", "/协会/events/春,秋;冬/", "/协会/events/100%/", "/协会/notices/2026/x-y/"} {
		found := false
		for _, u := range m.URLs {
			p, err := url.Parse(u)
			if err != nil || p.Path != want {
				continue
			}
			found = true
			resp, err := http.Get(srv.URL + p.EscapedPath())
			if err != nil {
				t.Errorf("GET %s: %v", u, err)
				continue
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 || string(got) != want {
				t.Errorf("GET %s: %s, %q", u, resp.Status, got)
			}
		}
		if !found {
			t.Errorf("sitemap.xml has no URL of %s: %v", want, m.URLs)
		}
	}
	// JSON-LD, read as JSON, names the page by its URI.
	ld := regexp.MustCompile(`<script type="?application/ld\+json"?>(.*?)</script>`)
	for _, name := range []string{"events/100%/index.html", "events/50%off-营/index.html"} {
		mm := ld.FindSubmatch(res.Site.Files[name])
		var v struct {
			URL string `json:"url"`
		}
		if mm == nil || json.Unmarshal(mm[1], &v) != nil {
			t.Errorf("%s: no JSON-LD", name)
			continue
		}
		if err := checkURI(name+" JSON-LD", v.URL, nil); err != nil {
			t.Error(err)
		}
	}
}
