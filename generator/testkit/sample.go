package testkit

import (
	"os"
	"path/filepath"
	"testing"
)

// Sample copies the sample site into a new folder and returns the folder:
// generator/testdata/sample (config.toml and content/, a copy of the
// association's site as it was when the tests were written) with the
// repository's own themes/, so tests test the real theme. root is the
// repository's root relative to the test's package, e.g. "..".
//
// Tests build this copy and never the editorial content/: an editor who adds
// a journal issue or a news post must not break a generator test. The copy
// is the test's own, so a test may edit it.
func Sample(t testing.TB, root string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "generator", "testdata", "sample"))); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS(filepath.Join(root, "themes"))); err != nil {
		t.Fatal(err)
	}
	return dir
}
