package main

import (
	"regexp"
	"slices"
	"testing"
)

// The Chinese help and the English one name the same commands and flags:
// a flag added to one only fails here.
func TestUsageLanguagesAgree(t *testing.T) {
	t.Parallel()
	names := regexp.MustCompile(`(?:^|[\s,(])(--?[a-zA-Z][a-zA-Z-]*|folio (?:build|serve|new|check|wechat|version|help)\b)`)
	find := func(s string) []string {
		var out []string
		for _, m := range names.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		return out
	}
	en, zh := find(usage), find(usageZH)
	slices.Sort(en)
	slices.Sort(zh)
	en, zh = slices.Compact(en), slices.Compact(zh)
	if !slices.Equal(en, zh) {
		t.Errorf("the English help names %q,\nthe Chinese %q", en, zh)
	}
}
