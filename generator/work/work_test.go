package work

import (
	"context"
	"sync/atomic"
	"testing"
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
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	Each(ctx, 10, 2, func(int) { calls.Add(1) })
	if calls.Load() != 0 {
		t.Errorf("a cancelled context still started %d calls", calls.Load())
	}
}
