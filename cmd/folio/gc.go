package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// tuneGC sets folio build's garbage collector: a collection when the heap
// is percent above what is live, as GOGC does, but not before the heap is
// floor bytes, and at most headroom bytes above what is live. Go's default
// (100) made a 10,000-page build collect 36 times once the model held no
// pages' text or HTML (about 50 MB live), a tenth of its CPU; and a
// 100,000-page build, 700 MB live at its end, peak 150 MB higher from one
// run to the next with as much to grow into (issue 21: under 1.5 GB).
// GOGC set in the environment is left to rule. The returned function puts
// Go's default back.
func tuneGC(percent int, floor, headroom uint64) (stop func()) {
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
		case l+l*uint64(p)/100 < floor:
			p = int(floor*100/l) - 100
		case l*uint64(p)/100 > headroom:
			p = int(headroom * 100 / l)
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
