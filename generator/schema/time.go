package schema

import (
	"strings"
	"time"
)

// Time is a date or date-time from TOML. A value written without a zone
// (2024-06-21 or 2024-06-21T09:30:00) is kept without one until In places it
// in the site's time zone.
type Time struct {
	t        time.Time
	zoned    bool
	dateOnly bool
}

// IsZero reports whether the key was absent.
func (t Time) IsZero() bool { return t.t.IsZero() }

// DateOnly reports whether the value had no time of day (an all-day date).
func (t Time) DateOnly() bool { return t.dateOnly }

// Zoned reports whether the value was written with a zone or offset.
func (t Time) Zoned() bool { return t.zoned }

// In returns the instant, reading a value without zone as local to loc.
func (t Time) In(loc *time.Location) time.Time {
	if t.t.IsZero() {
		return time.Time{}
	}
	if t.zoned {
		return t.t.In(loc)
	}
	u := t.t
	return time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), loc)
}

func toTime(v any) (Time, bool) {
	// The text forms accepted when an editor quotes a date.
	layouts := []struct {
		layout         string
		zoned, dateOff bool
	}{
		{time.RFC3339Nano, true, false},
		{"2006-01-02T15:04:05", false, false},
		{"2006-01-02 15:04:05", false, false},
		{"2006-01-02T15:04", false, false},
		{"2006-01-02 15:04", false, false},
		{"2006-01-02", false, true},
	}
	switch x := v.(type) {
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return Time{t: x, dateOnly: true}, true
		case "datetime-local":
			return Time{t: x}, true
		case "time-local":
			return Time{}, false
		}
		return Time{t: x, zoned: true}, true
	case string:
		s := strings.TrimSpace(x)
		for _, l := range layouts {
			if t, err := time.Parse(l.layout, s); err == nil {
				return Time{t: t, zoned: l.zoned, dateOnly: l.dateOff}, true
			}
		}
	}
	return Time{}, false
}

// ParseTime reads a date or date-time written as text, as in --now.
func ParseTime(s string) (Time, bool) { return toTime(s) }
