package generator_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/source"
	"folio.dev/folio/generator/testkit"
)

var (
	ldScript = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	metaTag  = regexp.MustCompile(`<meta name="(citation_[a-z_]+)" content="([^"]*)">`)
)

// Every journal article of the sample site carries the Highwire citation tags
// and ScholarlyArticle JSON-LD in its issue and periodical; every event
// carries Event JSON-LD. The JSON-LD must parse as JSON.
func TestJournalAndEventMetadata(t *testing.T) {
	t.Parallel()
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "..")), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	articles, events := 0, 0
	for _, p := range res.Model.Pages {
		if p.Kind != source.KindArticle && p.Kind != source.KindEvent {
			continue
		}
		html := string(res.Site.Files[strings.TrimPrefix(p.URL, "/")+"index.html"])
		m := ldScript.FindStringSubmatch(html)
		if m == nil {
			t.Errorf("%s: no JSON-LD", p.URL)
			continue
		}
		var ld map[string]any
		if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v\n%s", p.URL, err, m[1])
			continue
		}
		if p.Kind == source.KindEvent {
			events++
			if ld["@type"] != "Event" || ld["startDate"] == nil || ld["eventStatus"] == nil || ld["location"] == nil {
				t.Errorf("%s: Event JSON-LD lacks type, startDate, eventStatus or location: %v", p.URL, ld)
			}
			continue
		}
		articles++
		issue, _ := ld["isPartOf"].(map[string]any)
		periodical, _ := issue["isPartOf"].(map[string]any)
		if ld["@type"] != "ScholarlyArticle" || issue["@type"] != "PublicationIssue" || periodical["@type"] != "Periodical" || periodical["name"] != "广东职业技能" {
			t.Errorf("%s: JSON-LD is not ScholarlyArticle ⊂ PublicationIssue ⊂ Periodical 广东职业技能: %v", p.URL, ld)
		}
		tags := map[string]int{}
		for _, mt := range metaTag.FindAllStringSubmatch(html, -1) {
			if mt[2] != "" {
				tags[mt[1]]++
			}
		}
		for _, name := range []string{"citation_title", "citation_author", "citation_journal_title", "citation_volume",
			"citation_issue", "citation_publication_date", "citation_firstpage", "citation_lastpage",
			"citation_language", "citation_keywords", "citation_abstract_html_url"} {
			if tags[name] == 0 {
				t.Errorf("%s: no %s", p.URL, name)
			}
		}
		if tags["citation_author"] != len(p.FM.Authors) {
			t.Errorf("%s: %d citation_author tags for %d authors", p.URL, tags["citation_author"], len(p.FM.Authors))
		}
		if ref := fmt.Sprintf("[J]. 广东职业技能, %d(", p.InIssue.Volume()); !strings.Contains(html, ref) {
			t.Errorf("%s: no GB/T 7714 reference with %q", p.URL, ref)
		}
	}
	if articles < 10 || events < 4 {
		t.Errorf("checked %d articles and %d events; the sample site has at least 10 and 4", articles, events)
	}
}
