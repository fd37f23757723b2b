package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/serve"
)

func serveCommand(args []string, stdout, stderr io.Writer) int {
	opts, open, ok := serveFlags(args, stderr)
	if !ok {
		return 2
	}
	lang := siteLang(opts.Dir)
	if opts.Lang != nil {
		lang = *opts.Lang
	}
	if !checkSite("folio serve", opts.Dir, lang, stderr) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts.Log = stdout
	opts.Ready = func(urls []string) {
		fmt.Fprintf(stdout, "folio serve: %s\n", diag.Msg(diag.SaidServing, urls[0]).Text(lang))
		if len(urls) > 1 {
			fmt.Fprintf(stdout, "folio serve: %s\n", diag.Msg(diag.SaidServingOthers, strings.Join(urls[1:], " ")).Text(lang))
		}
		if open {
			openBrowser(urls[0])
		}
	}
	err := serve.Run(ctx, opts)
	switch {
	case errors.Is(err, serve.ErrPortInUse):
		fmt.Fprintf(stderr, "folio serve: %s\n", diag.Msg(diag.UsagePortInUse, opts.Addr).Text(lang))
		return 2
	case err != nil:
		fmt.Fprintf(stderr, "folio serve: %s\n", diag.Show(err, lang))
		return 1
	}
	fmt.Fprintf(stdout, "folio serve: %s\n", diag.Msg(diag.SaidStopped).Text(lang))
	return 0
}

// serveFlags reads folio serve's flags into the server's options, and
// whether to open a browser; it prints the usage and returns false on a
// mistake.
func serveFlags(args []string, stderr io.Writer) (serve.Options, bool, bool) {
	fs := flag.NewFlagSet("folio serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var src, bind string
	var port int
	var drafts, future, open bool
	var poll time.Duration
	fs.StringVar(&src, "source", ".", "")
	fs.StringVar(&src, "s", ".", "")
	fs.IntVar(&port, "port", 1313, "")
	fs.IntVar(&port, "p", 1313, "")
	fs.StringVar(&bind, "bind", "127.0.0.1", "")
	// The preview shows work in progress (with its banner); the build never does.
	fs.BoolVar(&drafts, "drafts", true, "")
	fs.BoolVar(&future, "future", true, "")
	fs.BoolVar(&open, "open", false, "")
	fs.DurationVar(&poll, "poll", 0, "")
	langs := langFlag(fs)
	var allow []string
	fs.Func("allow-host", "", func(v string) error {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name == "" || strings.ContainsAny(name, "/ ") {
				return errors.New("not host names") // U25, with an example
			}
			allow = append(allow, name)
		}
		return nil
	})
	if !parseFlags(fs, args, stderr) {
		return serve.Options{}, false, false
	}
	return serve.Options{
		Dir: src, Addr: net.JoinHostPort(bind, strconv.Itoa(port)), HideDrafts: !drafts, HideFuture: !future, Poll: poll,
		AllowHosts: allow, Lang: langs.override(),
	}, open, true
}

// openBrowser opens url in the desktop's browser, if there is one.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	_ = cmd.Start() // no browser is no reason to stop serving
}
