package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/schema"
)

// parseCommandFlags parses args with fs, and says in the editor's words
// what is wrong when they do not parse (flagProblem), with a pointer to
// folio help rather than the whole of it.
func parseCommandFlags(fs *flag.FlagSet, args []string, stderr io.Writer) bool {
	err := fs.Parse(args)
	if err == nil {
		return true
	}
	if errors.Is(err, flag.ErrHelp) { // -h, --help: what folio help says, not a mistake
		fmt.Fprint(stderr, usageOf(langOfArgs(args)))
		return false
	}
	sayUsage(stderr, fs.Name(), flagProblem(fs, args, err), langOfArgs(args))
	return false
}

// sayUsage prints a usage error of command: its code, when it has one,
// and its words in lang.
func sayUsage(w io.Writer, command string, err error, lang diag.Lang) {
	var m diag.Message
	if errors.As(err, &m) {
		fmt.Fprintf(w, "%s: [%s] %s\n", command, m.Code, m.Text(lang))
		return
	}
	fmt.Fprintf(w, "%s: %s\n", command, diag.Show(err, lang))
}

// flagProblem is what is wrong with args for fs, whose Parse failed with
// err: an option fs does not have (U03, with the nearest it has), one
// without its value (U24), or one given a value it does not take (U25, or
// the option's own message, as --lang's U07). It reads args as the flag
// package does; err itself, Go's words, only if it finds none of these.
func flagProblem(fs *flag.FlagSet, args []string, err error) error {
	for i := 0; i < len(args); i++ {
		s := args[i]
		if len(s) < 2 || s[0] != '-' || s == "--" {
			break // the options end here, and with them what Parse read
		}
		dashes := "-"
		if s[1] == '-' {
			dashes = "--"
		}
		name, value, hasValue := strings.Cut(s[len(dashes):], "=")
		f := fs.Lookup(name)
		if name == "" || f == nil {
			return diag.Msg(diag.UsageFlag, s, diag.DidYouMean(nearestFlag(fs, strings.TrimLeft(name, "-"))))
		}
		written := dashes + name
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			if _, err := strconv.ParseBool(value); hasValue && err != nil {
				return diag.Msg(diag.UsageFlagValue, written, value, written+"=false")
			}
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return diag.Msg(diag.UsageFlagNoValue, written, flagExample(written, name))
			}
			i++
			value = args[i]
		}
		if err := f.Value.Set(value); err != nil {
			var m diag.Message
			if errors.As(err, &m) {
				return m
			}
			return diag.Msg(diag.UsageFlagValue, written, value, flagExample(written, name))
		}
	}
	return err
}

// nearestFlag is fs's option closest to name, as it is written
// (--destination, -d), or "".
func nearestFlag(fs *flag.FlagSet, name string) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	near := schema.Nearest(name, names)
	switch {
	case near == "":
		return ""
	case len(near) == 1:
		return "-" + near
	}
	return "--" + near
}

// flagExample is an option written with a value it takes.
func flagExample(written, name string) string {
	value, ok := map[string]string{
		"source": "mysite", "s": "mysite", "destination": "public", "d": "public",
		"baseURL": "https://www.example.org/", "now": "2024-06-21", "report": "report.json",
		"lang": "en", "port": "1313", "p": "1313", "bind": "0.0.0.0",
		"allow-host": "preview.example.org", "poll": "1s", "section": "news", "o": "wechat.html",
	}[name]
	if !ok {
		value = "…"
	}
	return written + " " + value
}
