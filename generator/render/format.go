package render

import (
	"fmt"
	"strings"
	"time"
)

// FormatDate writes a date as readers of the language expect it:
// 2024年6月21日 in Chinese, 2024-06-21 otherwise.
func FormatDate(t time.Time, lang string) string {
	if t.IsZero() {
		return ""
	}
	if strings.HasPrefix(lang, "zh") {
		return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
	}
	return t.Format("2006-01-02")
}

// FormatRange writes when an event takes place, saying each part once:
// 2024年7月15日—20日, 2024年7月30日—8月2日, 2024年7月15日 9:00—17:00,
// 2024年7月15日 9:00—7月16日 12:00. Other languages get ISO dates.
func FormatRange(start, end time.Time, allDay bool, lang string) string {
	if !strings.HasPrefix(lang, "zh") {
		s := start.Format("2006-01-02")
		if !allDay {
			s += start.Format(" 15:04")
		}
		switch {
		case allDay && !sameDay(start, end):
			s += " – " + end.Format("2006-01-02")
		case !allDay && sameDay(start, end) && !end.Equal(start):
			s += "–" + end.Format("15:04")
		case !allDay && !sameDay(start, end):
			s += " – " + end.Format("2006-01-02 15:04")
		}
		return s
	}
	s := FormatDate(start, lang)
	clock := func(t time.Time) string { return fmt.Sprintf("%d:%02d", t.Hour(), t.Minute()) }
	if !allDay {
		s += " " + clock(start)
	}
	var rest string
	switch {
	case sameDay(start, end):
		if allDay || end.Equal(start) {
			return s
		}
		return s + "—" + clock(end)
	case start.Year() != end.Year():
		rest = FormatDate(end, lang)
	case start.Month() != end.Month():
		rest = fmt.Sprintf("%d月%d日", int(end.Month()), end.Day())
	default:
		rest = fmt.Sprintf("%d日", end.Day())
		if !allDay {
			rest = fmt.Sprintf("%d月%d日", int(end.Month()), end.Day())
		}
	}
	if !allDay {
		rest += " " + clock(end)
	}
	return s + "—" + rest
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// FormatSize writes a file size for readers: 850 KB, 2.4 MB.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%d B", n)
}
