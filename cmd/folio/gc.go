package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// tuneGC sets folio build's garbage collector between two bounds that
// Go's default (collect when the heap is twice what is live) does not have:
// the heap grows to floor bytes before a collection, and to at most
// headroom bytes above what is live. A build of 10,000 pages holds about
// 50 MB: collected at each 100 MB, it collects 36 times and spends a tenth
// of its CPU on it. A build of 100,000 pages holds 700 MB at its end: with
// as much again to grow into, it peaked 150 MB higher from one run to the
// next (issue 21: under 1.5 GB). Between the bounds, Go's default rules.
// GOGC set in the environment is left to rule. The returned function puts
// Go's default back.
func tuneGC(floor, headroom uint64) (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	var stopped atomic.Bool
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	tune := func() {
		metrics.Read(live)
		percent := 100
		switch l := live[0].Value.Uint64(); {
		case l == 0:
		case 2*l < floor:
			percent = int(floor*100/l) - 100
		case l > headroom:
			percent = int(headroom * 100 / l)
		}
		debug.SetGCPercent(percent)
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
