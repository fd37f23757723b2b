package render

import (
	"testing"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/site"
)

func TestFormatRange(t *testing.T) {
	t.Parallel()
	at := func(y, mo, d, h, mi int) time.Time { return time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.UTC) }
	tests := []struct {
		start, end time.Time
		allDay     bool
		zh, en     string
	}{
		{at(2024, 7, 15, 0, 0), at(2024, 7, 15, 0, 0), true, "2024年7月15日", "2024-07-15"},
		{at(2024, 7, 15, 0, 0), at(2024, 7, 20, 0, 0), true, "2024年7月15日—20日", "2024-07-15 – 2024-07-20"},
		{at(2024, 7, 30, 0, 0), at(2024, 8, 2, 0, 0), true, "2024年7月30日—8月2日", "2024-07-30 – 2024-08-02"},
		{at(2024, 12, 30, 0, 0), at(2025, 1, 2, 0, 0), true, "2024年12月30日—2025年1月2日", "2024-12-30 – 2025-01-02"},
		{at(2024, 7, 15, 9, 0), at(2024, 7, 15, 17, 0), false, "2024年7月15日 9:00—17:00", "2024-07-15 09:00–17:00"},
		{at(2024, 7, 15, 9, 0), at(2024, 7, 15, 9, 0), false, "2024年7月15日 9:00", "2024-07-15 09:00"},
		{at(2024, 7, 15, 9, 30), at(2024, 7, 16, 12, 0), false, "2024年7月15日 9:30—7月16日 12:00", "2024-07-15 09:30 – 2024-07-16 12:00"},
	}
	for _, tt := range tests {
		if got := FormatRange(tt.start, tt.end, tt.allDay, "zh-CN"); got != tt.zh {
			t.Errorf("zh: %v–%v = %q, want %q", tt.start, tt.end, got, tt.zh)
		}
		if got := FormatRange(tt.start, tt.end, tt.allDay, "en"); got != tt.en {
			t.Errorf("en: %v–%v = %q, want %q", tt.start, tt.end, got, tt.en)
		}
	}
}

func TestFormatDate(t *testing.T) {
	t.Parallel()
	day := time.Date(2024, 6, 1, 9, 30, 0, 0, time.UTC)
	tests := []struct {
		lang string
		t    time.Time
		want string
	}{
		{"zh-CN", day, "2024年6月1日"},
		{"zh-TW", day, "2024年6月1日"},
		{"en", day, "2024-06-01"},
		{"zh-CN", time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := FormatDate(tt.t, tt.lang); got != tt.want {
			t.Errorf("FormatDate(%v, %s) = %q, want %q", tt.t, tt.lang, got, tt.want)
		}
	}
}

// currentMenu keys the header: pages in the same menu items share one.
func TestCurrentMenu(t *testing.T) {
	current := Funcs(&config.Config{}, nil)["currentMenu"].(func([]site.MenuItem, string) string)
	menu := []site.MenuItem{{Name: "首页", URL: "/"}, {Name: "新闻", URL: "/news/"}, {Name: "关于", URL: "/about/"}}
	for url, want := range map[string]string{
		"/":                 "/",
		"/news/":            "/news/",
		"/news/2024/06/a/":  "/news/",
		"/about/":           "/about/",
		"/events/camp/":     "",
		"":                  "",
		"/newsletter/2024/": "",
	} {
		if got := current(menu, url); got != want {
			t.Errorf("currentMenu(%q) = %q, want %q", url, got, want)
		}
	}
}
