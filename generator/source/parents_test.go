package source

import (
	"slices"
	"testing"
)

func TestParents(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{".", nil},
		{"/", nil},
		{"//", nil},
		{"a", []string{""}},
		{"/a", []string{""}},
		{"a/", []string{""}},
		{"/calendar.ics", []string{""}},
		{"news/2024/a.md", []string{"news/2024", "news", ""}},
		{"/news/2024/", []string{"news", ""}},
		{"a//b", []string{"a", ""}},
		{"../x", []string{""}},
	}
	for _, tt := range tests {
		if got := slices.Collect(Parents(tt.in)); !slices.Equal(got, tt.want) {
			t.Errorf("Parents(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for range Parents("a/b/c") {
		break // stopping early must not panic
	}
}
