package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcPercent is the collector's setting now.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// After each collection, tuneGC sets the collector for the heap that is
// live: above Go's default when little is live (more room), below it when
// much is (the headroom); stopped, Go's default is back. With GOGC set, it
// leaves the collector alone.
func TestTuneGC(t *testing.T) {
	settled := func(want func(int) bool) int {
		t.Helper()
		for range 100 {
			runtime.GC() // the finalizer that tunes runs after it
			time.Sleep(10 * time.Millisecond)
			if p := gcPercent(); want(p) {
				return p
			}
		}
		t.Fatalf("the collector's setting stayed %d", gcPercent())
		return 0
	}
	t.Setenv("GOGC", "")
	stop := tuneGC(100, 1<<40, 1<<41) // more room than this test holds: three times what is live
	settled(func(p int) bool { return p == 300 })
	stop()
	if p := gcPercent(); p != 100 {
		t.Errorf("stopped, the setting is %d, want 100", p)
	}

	held := make([]*[1 << 20]byte, 64) // 64 MB live, 32 MB of headroom at most
	for i := range held {
		held[i] = new([1 << 20]byte)
	}
	stop = tuneGC(100, 0, 32<<20)
	settled(func(p int) bool { return p < 60 })
	stop()
	runtime.KeepAlive(held)

	t.Setenv("GOGC", "100")
	stop = tuneGC(100, 1<<40, 1<<41)
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	if p := gcPercent(); p != 100 {
		t.Errorf("with GOGC set, the setting is %d", p)
	}
	stop()
}
