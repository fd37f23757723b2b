package photos

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
)

// indexName is the cache's table of plans: a build with nothing changed
// takes each photo's plan from it by the file's size and modification
// time, instead of reading and hashing 3–5 MB a photo again.
const indexName = "index.json"

// indexEntry is one photo's plan, valid while its file has that size and
// modification time and the settings are the same.
type indexEntry struct {
	Size     int64
	ModTime  int64 // nanoseconds since 1970
	Settings string
	Photo    *Photo
}

// UseIndex makes the set take plans from the index in the cache folder
// dir (made by Make) when a file's size and modification time match.
func (s *Set) UseIndex(dir string) {
	data, err := os.ReadFile(filepath.Join(dir, indexName))
	if err != nil {
		return
	}
	var idx map[string]indexEntry
	if json.Unmarshal(data, &idx) == nil {
		s.index = idx
	}
}

// fromIndex returns the indexed plan of file, or nil.
func (s *Set) fromIndex(file string, info fs.FileInfo, sum string) *Photo {
	e, ok := s.index[file]
	if !ok || e.Photo == nil || e.Size != info.Size() || e.ModTime != info.ModTime().UnixNano() || e.Settings != sum {
		return nil
	}
	p := *e.Photo
	p.File, p.modTime, p.settings = file, e.ModTime, e.Settings
	return &p
}

// writeIndex writes the plans of photos into the cache folder dir, under
// a temporary name renamed into place.
func writeIndex(dir string, photos []*Photo) {
	idx := map[string]indexEntry{}
	for _, p := range photos {
		if !p.Refused() && p.modTime != 0 {
			idx[p.File] = indexEntry{Size: p.Size, ModTime: p.modTime, Settings: p.settings, Photo: p}
		}
	}
	data, err := json.Marshal(idx)
	if err != nil {
		return
	}
	tmp := filepath.Join(dir, indexName+".tmp")
	if os.WriteFile(tmp, data, 0o644) == nil {
		os.Rename(tmp, filepath.Join(dir, indexName))
	}
}
