package render

import (
	"testing"
	"time"
)

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
