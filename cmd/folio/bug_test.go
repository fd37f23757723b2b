package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A panic in a worker (injected) reaches the editor as one sentence naming
// the file, with the stack trace in a file for the bug report, never on
// the terminal; public/ stays as it was. (No t.Parallel: it sets TMPDIR.)
func TestBugReport(t *testing.T) {
	dir := newSite(t, map[string]string{
		"config.toml":       "title = \"测试\"\n",
		"content/_index.md": "+++\ntitle = \"首页\"\n+++\n",
		"content/a.md":      "+++\ntitle = \"甲\"\n+++\n正文。\n",
	})
	var stdout, stderr bytes.Buffer
	if code := build([]string{"-s", dir, "--now", "2026-11-26"}, &stdout, &stderr, nil, nil); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	before := map[string][]byte{}
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			before[p], _ = os.ReadFile(p)
		}
		return nil
	})
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("+++\ntitle = \"甲\"\n+++\n新的正文。\n"), 0o644)
	stdout.Reset()
	stderr.Reset()
	fault := func(stage, name string) {
		if stage == "markdown" && name == "content/a.md" {
			panic("坏了")
		}
	}
	code := build([]string{"-s", dir, "--now", "2026-11-26"}, &stdout, &stderr, nil, fault)
	out := stderr.String()
	if code != 1 || !strings.Contains(out, "content/a.md: [B01] 内部错误：坏了") || !strings.Contains(out, "这是 folio 的程序错误") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if strings.Contains(out, "goroutine ") || strings.Contains(out, ".go:") {
		t.Errorf("a stack trace reached the terminal:\n%s", out)
	}
	file := regexp.MustCompile(`\S*folio-bug-\S*\.txt`).FindString(out)
	if !strings.HasPrefix(file, tmp) {
		t.Fatalf("no bug report file named in:\n%s", out)
	}
	report, _ := os.ReadFile(file)
	if !strings.Contains(string(report), "content/a.md") || !strings.Contains(string(report), "goroutine ") {
		t.Errorf("the bug report lacks the file or the stack:\n%s", report)
	}
	after := 0
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			after++
			if b, _ := os.ReadFile(p); !bytes.Equal(b, before[p]) {
				t.Errorf("%s changed", p)
			}
		}
		return nil
	})
	if after != len(before) {
		t.Errorf("public/ had %d files, now %d", len(before), after)
	}
}
