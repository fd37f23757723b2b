package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// folio check --external keeps the other sites' answers in the site's
// .folio-linkcache.json, which the command writes (package check writes no
// file), and the next check asks them again only after a day.
func TestCheckExternalKeepsAnswers(t *testing.T) {
	t.Parallel()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path != "/ok" {
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	defer srv.Close()
	dir := newSite(t, map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n[一](" + srv.URL + "/ok) [二](" + srv.URL + "/gone)\n",
	})
	check := func() {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"check", "-s", dir, "--external"}, &stdout, &stderr, nil); code != 0 {
			t.Fatalf("folio check --external: exit %d\n%s%s", code, stdout.String(), stderr.String())
		}
	}
	check()
	b, err := os.ReadFile(filepath.Join(dir, ".folio-linkcache.json"))
	if err != nil {
		t.Fatal(err)
	}
	var kept map[string]struct {
		Problem string `json:"problem"`
	}
	if err := json.Unmarshal(b, &kept); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if len(kept) != 2 || kept[srv.URL+"/ok"].Problem != "" || kept[srv.URL+"/gone"].Problem == "" {
		t.Errorf(".folio-linkcache.json:\n%s", b)
	}
	before := hits.Load()
	check()
	if n := hits.Load() - before; n != 0 {
		t.Errorf("the second check asked again %d times instead of using .folio-linkcache.json", n)
	}
}
