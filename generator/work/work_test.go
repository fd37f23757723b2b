package work

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestEach(t *testing.T) {
	t.Parallel()
	for _, workers := range []int{0, 1, 3, 100} {
		out := make([]int, 50)
		Each(context.Background(), len(out), workers, func(i int) { out[i] = i * i })
		for i, v := range out {
			if v != i*i {
				t.Fatalf("workers=%d: out[%d] = %d", workers, i, v)
			}
		}
	}
	var running, most atomic.Int32
	Each(context.Background(), 40, 3, func(int) {
		n := running.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(time.Millisecond)
		running.Add(-1)
	})
	if most.Load() > 3 {
		t.Errorf("%d calls ran at once with 3 workers", most.Load())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	Each(ctx, 10, 2, func(int) { calls.Add(1) })
	if calls.Load() != 0 {
		t.Errorf("a cancelled context still started %d calls", calls.Load())
	}
}

// A panic in a worker comes back to the caller as a *Panic naming the
// item, with the worker's stack, instead of ending the program.
func TestEachPanic(t *testing.T) {
	t.Parallel()
	for _, workers := range []int{1, 4} {
		got := func() (p any) {
			defer func() { p = recover() }()
			Named(context.Background(), 10, workers, func(i int) string { return fmt.Sprint("file", i) }, func(i int) {
				if i == 3 {
					explode()
				}
			})
			return nil
		}()
		p, ok := got.(*Panic)
		if !ok {
			t.Fatalf("workers=%d: recovered %v, want a *Panic", workers, got)
		}
		if p.Item != 3 || p.Name != "file3" || p.Value != "boom" || !strings.Contains(string(p.Stack), "explode") {
			t.Errorf("workers=%d: got item %d %q %v, stack:\n%s", workers, p.Item, p.Name, p.Value, p.Stack)
		}
	}
}

func explode() { panic("boom") }
