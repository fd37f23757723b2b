package generator_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/testkit"
)

// A real iCalendar parser reads every .ics file of the sample site, and what
// it reads matches the events' front matter.
func TestCalendarsParse(t *testing.T) {
	t.Parallel()
	res, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(testkit.Sample(t, "..")), Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	events := map[string]*struct {
		start, end string // as the parser reads them, in Shanghai
		allDay     bool
	}{
		"events/cnc-skills-competition-2026": {"2026-12-15 00:00", "2026-12-18 00:00", true}, // the end of an all-day event is exclusive
		"events/head-teacher-training-2026":  {"2026-12-05 09:00", "2026-12-05 17:00", false},
		"events/summer-camp-2026":            {"2026-07-20 00:00", "", true},
		"events/teaching-showcase-2027":      {"2027-04-16 00:00", "2027-04-18 00:00", true},
	}
	var files []string
	for _, p := range res.Site.Paths() {
		if strings.HasSuffix(p, ".ics") {
			files = append(files, p)
		}
	}
	if len(files) != len(events)+1 {
		t.Fatalf("calendars: %v, want one per event and events/calendar.ics", files)
	}
	for _, p := range files {
		b := res.Site.Files[p]
		if bytes.Contains(bytes.ReplaceAll(b, []byte("\r\n"), nil), []byte("\n")) {
			t.Errorf("%s: a line ends without CR", p)
		}
		cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		vevents := cal.Events()
		if p == "events/calendar.ics" && len(vevents) != len(events) {
			t.Errorf("calendar.ics has %d events, want %d", len(vevents), len(events))
		}
		for _, ev := range vevents {
			uid, _ := ev.Props.Text(ical.PropUID)
			want := events[strings.TrimSuffix(uid, "@www.example.org")]
			if want == nil {
				t.Errorf("%s: unexpected UID %q", p, uid)
				continue
			}
			start, err := ev.DateTimeStart(shanghai)
			if err != nil || start.In(shanghai).Format("2006-01-02 15:04") != want.start {
				t.Errorf("%s: %s starts %v (%v), want %s", p, uid, start, err, want.start)
			}
			if want.end != "" {
				end, err := ev.DateTimeEnd(shanghai)
				if err != nil || end.In(shanghai).Format("2006-01-02 15:04") != want.end {
					t.Errorf("%s: %s ends %v (%v), want %s", p, uid, end, err, want.end)
				}
			}
			if allDay := ev.Props.Get(ical.PropDateTimeStart).ValueType() == ical.ValueDate; allDay != want.allDay {
				t.Errorf("%s: %s all-day = %v, want %v", p, uid, allDay, want.allDay)
			}
			for _, prop := range []string{ical.PropSummary, ical.PropLocation, ical.PropDescription, ical.PropURL, ical.PropStatus, ical.PropDateTimeStamp} {
				if v := ev.Props.Get(prop); v == nil || v.Value == "" {
					t.Errorf("%s: %s has no %s", p, uid, prop)
				}
			}
			if loc, _ := ev.Props.Text(ical.PropLocation); !strings.Contains(loc, "示例") {
				t.Errorf("%s: LOCATION %q does not read back as the Chinese place", p, loc)
			}
		}
	}
}
