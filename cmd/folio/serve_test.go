package main

import (
	"io"
	"testing"
)

// folio serve shows drafts and future pages unless told not to; folio
// build never shows them unless told to.
func TestServeShowsWorkInProgressByDefault(t *testing.T) {
	for _, c := range []struct {
		args                   []string
		hideDrafts, hideFuture bool
	}{
		{nil, false, false},
		{[]string{"--drafts=false"}, true, false},
		{[]string{"--future=false"}, false, true},
		{[]string{"--drafts=false", "--future=false"}, true, true},
		{[]string{"--drafts", "--future"}, false, false},
	} {
		opts, _, ok := serveFlags(c.args, io.Discard)
		if !ok {
			t.Fatalf("%q: refused", c.args)
		}
		if opts.HideDrafts != c.hideDrafts || opts.HideFuture != c.hideFuture {
			t.Errorf("%q: HideDrafts %v, HideFuture %v; want %v, %v", c.args, opts.HideDrafts, opts.HideFuture, c.hideDrafts, c.hideFuture)
		}
	}
}
