//go:build unix

package main

import (
	"bytes"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// A build stopped by Ctrl-C says so, in words, and publishes nothing:
// not "context canceled". (Not parallel: it signals the test's process,
// which the build's signal.NotifyContext catches.)
func TestStoppedInWords(t *testing.T) {
	dir, _, dest := builtSite(t)
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("+++\ntitle = \"甲\"\n+++\n正文。\n"), 0o644)
	delivered := make(chan os.Signal, 1)
	signal.Notify(delivered, syscall.SIGINT)
	defer signal.Stop(delivered)
	var once sync.Once
	fault := func(stage, name string) {
		if stage == "write" {
			once.Do(func() {
				syscall.Kill(os.Getpid(), syscall.SIGINT)
				<-delivered                        // the build's signal.NotifyContext has it too
				time.Sleep(100 * time.Millisecond) // and cancels its context
			})
		}
	}
	var stdout, stderr bytes.Buffer
	code := build([]string{"-s", dir, "-d", dest, "--quiet"}, &stdout, &stderr, nil, fault)
	want := "folio build：已停止：按了 Ctrl-C，或者收到了让它停下的信号；" + dest + " 保持原样\n"
	if code != 1 || !strings.HasSuffix(stderr.String(), want) {
		t.Errorf("exit %d, stderr:\n%s\nwant it to end %q", code, stderr.String(), want)
	}
	if _, err := os.Stat(filepath.Join(dest, "a", "index.html")); err == nil {
		t.Error("the stopped build published a page")
	}
}
