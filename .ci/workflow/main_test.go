package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	values := map[string]string{"steps.pages.outputs.base_url": "https://x.github.io/folio"}
	got, err := expand("${{ steps.pages.outputs.base_url }}/ and ${{steps.pages.outputs.base_url}}", values)
	if err != nil || got != "https://x.github.io/folio/ and https://x.github.io/folio" {
		t.Errorf("expand = %q, %v", got, err)
	}
	if _, err := expand("${{ github.event.before }}", values); err == nil || !strings.Contains(err.Error(), "github.event.before") {
		t.Errorf("an unknown expression gave %v, want an error naming it", err)
	}
}

func TestReadVars(t *testing.T) {
	file := filepath.Join(t.TempDir(), "out")
	os.WriteFile(file, []byte("hash=abc\nnotes<<EOF\none\ntwo\nEOF\n\nempty=\n"), 0o644)
	got, err := readVars(file)
	if want := []string{"hash=abc", "notes=one\ntwo", "empty="}; err != nil || !slices.Equal(got, want) {
		t.Errorf("readVars = %q, %v; want %q", got, err, want)
	}
	os.WriteFile(file, []byte("notes<<EOF\none\n"), 0o644)
	if _, err := readVars(file); err == nil {
		t.Errorf("an unclosed heredoc gave no error")
	}
	os.WriteFile(file, []byte("not a variable\n"), 0o644)
	if _, err := readVars(file); err == nil {
		t.Errorf("a line without = gave no error")
	}
}
