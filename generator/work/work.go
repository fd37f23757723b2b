// Package work runs a function over many items with a pool of workers: the
// parallel part of every stage (reading, Markdown, rendering, writing).
package work

import (
	"context"
	"sync"
)

// Each calls fn(i) for every i in [0, n) on at most workers goroutines, and
// returns when all calls have returned. Once ctx is done no new call starts.
// fn must only touch what belongs to item i, so that results stored by index
// come out in the same order whatever the number of workers.
func Each(ctx context.Context, n, workers int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(max(1, workers), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
