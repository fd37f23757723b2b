package site

import (
	"maps"
	"slices"
	"sort"
	"time"

	"folio.dev/folio/generator/source"
)

// Event is an event page's schedule, placed against the build's time.
type Event struct {
	Start time.Time // the first day at 00:00 for an all-day event
	// End is the end time, or for an all-day event the last day at 00:00;
	// it equals Start when front matter gives no end.
	End    time.Time
	AllDay bool
	// Status is "upcoming", "ongoing" or "past", against the build's time.
	Status string
	// State is what the organizers said: "scheduled", "cancelled" or
	// "postponed".
	State    string
	Deadline time.Time
	// RegistrationOpen: there is a registration link, the event is neither
	// past nor cancelled, and the deadline (a whole day, if a date) has not
	// passed.
	RegistrationOpen bool
}

// Until is the instant the event is over: the end, or for an all-day event
// the midnight after its last day (what iCalendar calls an exclusive end).
func (e *Event) Until() time.Time {
	if e.AllDay {
		return e.End.AddDate(0, 0, 1)
	}
	return e.End
}

// newEvent computes an event's schedule from its front matter.
func newEvent(p *source.Page, loc *time.Location, now time.Time) *Event {
	fm := p.FM
	e := &Event{Start: fm.Start.In(loc), End: fm.End.In(loc), AllDay: fm.Start.DateOnly(), State: fm.Status, Deadline: fm.Deadline.In(loc)}
	if e.End.IsZero() {
		e.End = e.Start
	}
	if e.State == "" {
		e.State = "scheduled"
	}
	switch {
	case now.Before(e.Start):
		e.Status = "upcoming"
	case now.Before(e.Until()):
		e.Status = "ongoing"
	default:
		e.Status = "past"
	}
	deadline := e.Deadline
	if !deadline.IsZero() && fm.Deadline.DateOnly() {
		deadline = deadline.AddDate(0, 0, 1)
	}
	e.RegistrationOpen = fm.Registration != "" && e.Status != "past" && e.State != "cancelled" &&
		(deadline.IsZero() || now.Before(deadline))
	return e
}

// NextChange is the earliest time after the build's when an event's status
// or registration changes: it starts, ends, or its registration closes.
// A function, not a method: layouts have no use for it.
func NextChange(s *Site) time.Time {
	var next time.Time
	for _, p := range s.Pages {
		if e := p.Event; e != nil {
			deadline := e.Deadline
			if !deadline.IsZero() && p.FM.Deadline.DateOnly() {
				deadline = deadline.AddDate(0, 0, 1)
			}
			next = source.Earliest(next, s.Now, e.Start, e.Until(), deadline)
		}
	}
	return next
}

// sortEvents orders a list of events as readers look for them: upcoming and
// ongoing ones soonest first, then past ones, most recent first.
func sortEvents(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Event, ps[j].Event
		if a == nil || b == nil {
			return a != nil
		}
		aPast, bPast := a.Status == "past", b.Status == "past"
		switch {
		case aPast != bPast:
			return bPast
		case !a.Start.Equal(b.Start) && aPast:
			return a.Start.After(b.Start)
		case !a.Start.Equal(b.Start):
			return a.Start.Before(b.Start)
		}
		return ps[i].File < ps[j].File
	})
}

// Calendar is the iCalendar file of a section's events, which calendar
// programs subscribe to.
type Calendar struct {
	URL    string  // "/events/calendar.ics"
	Page   *Page   // the section's page, nil if it has none
	Events []*Page // by URL
}

// calendars makes a calendar of each section that has events, and gives it
// to the section's page: a layout links a calendar only through the model,
// so it never links one that is not made (a section whose events are all
// drafts). An event outside any section (content/x.md with type = "event")
// is in no calendar but its own event.ics.
func (s *Site) calendars() {
	bySection := map[string][]*Page{}
	for _, p := range s.Pages { // by URL
		if p.Event != nil && p.Section != "" {
			bySection[p.Section] = append(bySection[p.Section], p)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(bySection)) {
		c := &Calendar{URL: "/" + name + "/calendar.ics", Events: bySection[name]}
		if sp := s.Section(name); sp != nil {
			c.URL, c.Page = sp.URL+"calendar.ics", sp
			sp.Calendar = c
		}
		s.Calendars = append(s.Calendars, c)
	}
}
