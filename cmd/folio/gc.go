package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// tuneGC sets folio build's garbage collector: a collection when the heap
// is percent above what is live, as GOGC does, but at least the smaller of
// minHeadroom bytes and three times what is live above it, and at most
// maxHeadroom bytes. Go's default (100) made a 10,000-page build collect
// 36 times once the model held no page's text or HTML (about 50 MB live),
// a tenth of its CPU; a small site's heap stays small. And a 100,000-page
// build, 700 MB live at its end, peaked 150 MB higher from one run to the
// next with as much to grow into (issue 21: under 1.5 GB). GOGC set in the
// environment is left to rule. The returned function puts Go's default
// back.
func tuneGC(percent int, minHeadroom, maxHeadroom uint64) (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	var stopped atomic.Bool
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tune := func() {
		metrics.Read(live)
		p := percent
		switch l := live[0].Value.Uint64(); {
		case l == 0:
		case l*uint64(p)/100 < min(minHeadroom, 3*l):
			p = int(min(minHeadroom, 3*l) * 100 / l)
		case l*uint64(p)/100 > maxHeadroom:
			p = int(maxHeadroom * 100 / l)
		}
		debug.SetGCPercent(p)
	}
	// A finalizer runs after each collection: it tunes, and sets itself on
	// a new object for the next one. (Not a tiny object: the runtime may
	// never finalize those.)
	var rearm func()
	rearm = func() {
		runtime.SetFinalizer(&struct {
			p *int
			_ [32]byte
		}{}, func(any) {
			if !stopped.Load() {
				tune()
				rearm()
			}
		})
	}
	tune()
	rearm()
	return func() {
		stopped.Store(true)
		debug.SetGCPercent(100)
	}
}
