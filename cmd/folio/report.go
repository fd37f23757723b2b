package main

import (
	"encoding/json"
	"os"
	"time"

	"folio.dev/folio/generator"
)

// report is what folio build --report writes: what the build did, for CI.
type report struct {
	Pages    map[string]int `json:"pages"`
	Files    int            `json:"files"`
	Written  int            `json:"written"`
	Bytes    int64          `json:"bytes"`
	Minified *struct {
		Before int64 `json:"before"`
		After  int64 `json:"after"`
	} `json:"minified,omitempty"`
	Stages   []stage  `json:"stages"`
	Warnings []string `json:"warnings"`
	// NextChange is when the site would change without a commit, for
	// scheduling the next build; null when nothing is due.
	NextChange *time.Time `json:"next_change"`
}

type stage struct {
	Name string  `json:"name"`
	MS   float64 `json:"ms"`
}

func writeReport(file string, res *generator.Result) error {
	r := report{Pages: map[string]int{}, Files: res.Written.Files, Written: res.Written.Written, Bytes: res.Written.Bytes, Warnings: []string{}}
	for k, n := range res.Pages {
		r.Pages[string(k)] = n
	}
	if m := res.Minified; m.Before > 0 {
		r.Minified = &struct {
			Before int64 `json:"before"`
			After  int64 `json:"after"`
		}{m.Before, m.After}
	}
	for _, t := range res.Timings {
		r.Stages = append(r.Stages, stage{t.Stage, float64(t.Duration.Microseconds()) / 1000})
	}
	for _, d := range res.Diagnostics {
		r.Warnings = append(r.Warnings, d.String())
	}
	if !res.NextChange.IsZero() {
		r.NextChange = &res.NextChange
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(b, '\n'), 0o644)
}
