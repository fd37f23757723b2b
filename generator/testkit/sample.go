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
//
// The sample's news post open-day shows three photos as a phone takes
// them, which Sample writes (SamplePhotos) rather than the repository
// keeping megabytes of them: so that the browser tests see copies,
// srcset, lazy loading and a portrait photo taller than the screen.
func Sample(t testing.TB, root string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "generator", "testdata", "sample"))); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS(filepath.Join(root, "themes"))); err != nil {
		t.Fatal(err)
	}
	for name, data := range SamplePhotos() {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// SamplePhotos are the photos of the sample's news post open-day, by path
// in the sample: 1700×1275 JPEGs (smaller than a phone's, for the tests'
// time) with GPS and the camera's serial number, one of them a portrait
// stored turned (EXIF Orientation 6), as phones store them.
func SamplePhotos() map[string][]byte {
	const post = "content/news/2026/open-day/"
	return map[string][]byte{
		post + "车间.jpg": PhoneJPEG(1700, 1275, 1, 101),
		post + "作品.jpg": PhoneJPEG(1700, 1275, 6, 102),
		post + "合影.jpg": PhoneJPEG(1700, 1275, 1, 103),
	}
}
