// Package work runs a function over many items with a pool of workers: the
// parallel part of every stage (reading, Markdown, rendering, writing).
package work

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// Panic is a panic of one item's work, recovered in its worker.
type Panic struct {
	Item  int
	Name  string // what the item is (a file, an output path); "" if not said
	Value any    // what was passed to panic
	Stack []byte // the worker's stack at the panic, for the bug report
}

func (p *Panic) Error() string {
	if p.Name == "" {
		return fmt.Sprintf("panic: %v", p.Value)
	}
	return fmt.Sprintf("panic on %s: %v", p.Name, p.Value)
}

// Each calls fn(i) for every i in [0, n) on at most workers goroutines, and
// returns when all calls have returned. Once ctx is done no new call starts.
// fn must only touch what belongs to item i, so that results stored by index
// come out in the same order whatever the number of workers.
//
// A panic in fn cannot be recovered by the caller from a worker's
// goroutine, where it would end the program with a stack trace: Each
// recovers it, starts no new call, waits for the calls running, and then
// panics in the caller's goroutine with the *Panic of the lowest item that
// panicked, which the caller (generator.Build) turns into an error.
func Each(ctx context.Context, n, workers int, fn func(i int)) {
	Named(ctx, n, workers, nil, fn)
}

// Named is Each whose *Panic also says what item i is: name(i), a file or
// an output path, so that the error can name it.
func Named(ctx context.Context, n, workers int, name func(i int) string, fn func(i int)) {
	// Each worker takes the next item from a counter: a feeding goroutine
	// and a channel cost a handover between goroutines for every item, in
	// which one of two cores could sit idle.
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Bool
	panics := make([]*Panic, max(1, workers))
	for w := 0; w < min(max(1, workers), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil && !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if p := call(fn, i); p != nil {
					failed.Store(true)
					if panics[w] == nil || i < panics[w].Item {
						panics[w] = p
					}
				}
			}
		}()
	}
	wg.Wait()
	var first *Panic
	for _, p := range panics {
		if p != nil && (first == nil || p.Item < first.Item) {
			first = p
		}
	}
	if first != nil {
		if name != nil {
			first.Name = name(first.Item)
		}
		panic(first)
	}
}

// call runs fn(i), returning its panic, if any.
func call(fn func(int), i int) (p *Panic) {
	defer func() {
		if r := recover(); r != nil {
			p = &Panic{Item: i, Value: r, Stack: debug.Stack()}
		}
	}()
	fn(i)
	return nil
}
