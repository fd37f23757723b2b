package render

import (
	"encoding/json"
	"html/template"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/site"
	"folio.dev/folio/generator/source"
)

// jsonLD describes a page for search engines as schema.org JSON-LD: an Event
// for events, a ScholarlyArticle in its issue and periodical for journal
// articles. encoding/json escapes <, > and &, so the result is safe inside
// <script type="application/ld+json">.
func jsonLD(cfg *config.Config, p *site.Page) template.JS {
	var v any
	switch {
	case p.Event != nil:
		v = eventLD(cfg, p)
	case p.Kind == source.KindArticle:
		v = articleLD(cfg, p)
	default:
		v = map[string]any{"@context": "https://schema.org", "@type": "WebPage", "name": p.Title(), "url": cfg.AbsURI(p.URL)}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "{}"
	}
	return template.JS(b)
}

func eventLD(cfg *config.Config, p *site.Page) map[string]any {
	e := p.Event
	layout := time.RFC3339
	if e.AllDay {
		layout = "2006-01-02"
	}
	status := map[string]string{"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"}[e.State]
	ld := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "Event",
		"name":                p.Title(),
		"url":                 cfg.AbsURI(p.URL),
		"startDate":           e.Start.Format(layout),
		"endDate":             e.End.Format(layout),
		"eventStatus":         "https://schema.org/" + status,
		"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
	}
	if p.Summary != "" {
		ld["description"] = p.Summary
	}
	if loc := p.FM.Location; loc != "" {
		ld["location"] = map[string]any{"@type": "Place", "name": loc, "address": loc}
	}
	if org := p.FM.Organizer; org != "" {
		ld["organizer"] = map[string]any{"@type": "Organization", "name": org}
	}
	return ld
}
