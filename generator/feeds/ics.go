// Package feeds writes the files that programs read rather than people:
// iCalendar files of the events (and, in later work, RSS and the sitemap).
package feeds

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/site"
)

// Calendars returns an iCalendar file (RFC 5545) for each event, at
// <event URL>event.ics, and the model's calendars of the sections' events
// (<section URL>calendar.ics), which calendar programs can subscribe to.
// words gives the theme's text for a key (an event's state). With only
// set, it makes only the files that show a page only accepts, as RSS does.
func Calendars(s *site.Site, words func(string) string, only func(*site.Page) bool) map[string][]byte {
	files := map[string][]byte{}
	for _, p := range s.Pages {
		if p.Event != nil && shows(only, p, nil) {
			files[strings.TrimPrefix(p.URL, "/")+"event.ics"] = calendar(s.Config, p.Title(), []*site.Page{p}, words)
		}
	}
	for _, c := range s.Calendars {
		if !shows(only, c.Page, c.Events) {
			continue
		}
		name := s.Config.Title
		if c.Page != nil {
			name += " " + c.Page.Title()
		}
		files[strings.TrimPrefix(c.URL, "/")] = calendar(s.Config, name, c.Events, words)
	}
	return files
}

func calendar(cfg *config.Config, name string, events []*site.Page, words func(string) string) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(fold(s)) }
	uidHost := host(cfg)
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//folio//" + escape(cfg.Title) + "//ZH")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + escape(name))
	line("X-WR-TIMEZONE:" + cfg.Location.String())
	for _, p := range events {
		e := p.Event
		line("BEGIN:VEVENT")
		// The UID is TEXT: the page's path as it is (so that it stays what
		// calendars already know), escaped. The URL is a URI, encoded.
		line("UID:" + escape(strings.Trim(p.URL, "/")+"@"+uidHost))
		// DTSTAMP must not be the build's time: same input, same file.
		stamp := p.Lastmod
		if stamp.IsZero() {
			stamp = e.Start
		}
		line("DTSTAMP:" + utc(stamp))
		if e.AllDay {
			line("DTSTART;VALUE=DATE:" + e.Start.Format("20060102"))
			line("DTEND;VALUE=DATE:" + e.Until().Format("20060102"))
		} else {
			line("DTSTART:" + utc(e.Start))
			line("DTEND:" + utc(e.Until()))
		}
		line("SUMMARY:" + escape(Title(cfg, p, words)))
		if loc := p.FM.Location; loc != "" {
			line("LOCATION:" + escape(loc))
		}
		if p.Summary != "" {
			line("DESCRIPTION:" + escape(p.Summary))
		}
		line("URL:" + cfg.AbsURI(p.URL))
		line("STATUS:" + map[string]string{"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}[e.State])
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String())
}

func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

func host(cfg *config.Config) string {
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Host != "" {
		return u.Host
	}
	return "folio"
}

// escape writes text as an iCalendar TEXT value: backslash, semicolon,
// comma and newline escaped (RFC 5545 3.3.11).
func escape(s string) string {
	if !strings.ContainsAny(s, "\\;,\r\n") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fold ends a content line with CRLF, folding it so that no line is longer
// than 75 octets, never inside a UTF-8 character (RFC 5545 3.1): Chinese
// text is three octets a character.
func fold(s string) string {
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the continuation's leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}
