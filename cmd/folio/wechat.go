package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"folio.dev/folio/generator"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/publish"
	"folio.dev/folio/generator/wechat"
)

// wechatCommand is folio wechat PATH: it builds the site in memory as folio
// build does, and prints one page as the 公众号 editor takes it (or writes
// the 正文 into -o FILE).
func wechatCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("folio wechat", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var src, out, baseURL, now string
	var drafts, future bool
	fs.StringVar(&src, "source", ".", "")
	fs.StringVar(&src, "s", ".", "")
	fs.StringVar(&out, "o", "", "")
	fs.StringVar(&baseURL, "baseURL", "", "")
	fs.StringVar(&now, "now", "", "")
	fs.BoolVar(&drafts, "drafts", false, "")
	fs.BoolVar(&future, "future", false, "")
	langs := langFlag(fs)
	// The page may come before or after the flags.
	var target string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		target, args = args[0], args[1:]
	}
	if !parseCommandFlags(fs, args, stderr) {
		return 2
	}
	if target == "" && fs.NArg() > 0 {
		target = fs.Arg(0)
		if !parseCommandFlags(fs, fs.Args()[1:], stderr) {
			return 2
		}
	}
	lang := langs.of(siteLang(src))
	if target == "" || fs.NArg() > 0 {
		fmt.Fprintf(stderr, "folio wechat: %s\n", diag.Msg(diag.UsageWeChatPage).Text(lang))
		return 2
	}
	if !checkSite("folio wechat", src, lang, stderr) {
		return 2
	}
	// -o is checked before the build: a file that cannot be written is
	// said at once, not after the site is built and the title printed.
	if out != "" {
		if err := outProblem(out); err != nil {
			sayUsage(stderr, "folio wechat", err, lang)
			return 2
		}
	}
	if baseURL == "" {
		baseURL = os.Getenv("FOLIO_BASEURL")
	}
	opts := generator.Options{Root: os.DirFS(src), BaseURL: baseURL, Drafts: drafts, Future: future}
	if !setNow(&opts, "folio wechat", now, lang, stderr) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := generator.Build(ctx, opts)
	lang = langs.of(res.Lang)
	switch {
	case errors.Is(err, generator.ErrInternal):
		res.Diagnostics.Print(stderr, lang, 50)
		reportBugs(res.Bugs, append([]string{"wechat"}, args...), lang, stderr)
		return 1
	case errors.Is(err, generator.ErrContent):
		res.Diagnostics.Print(stderr, lang, 50)
		fmt.Fprintf(stderr, "folio wechat: %s\n", diag.Msg(diag.SaidWeChatErrors, res.Diagnostics.Errors()).Text(lang))
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "folio wechat: %s\n", diag.Show(err, lang))
		return 1
	}
	// The path as the editor typed it, from the folder they are in, names
	// the same file as from the site's folder.
	if abs, err := filepath.Abs(target); err == nil {
		if root, err := filepath.Abs(src); err == nil {
			if rel, err := filepath.Rel(root, abs); err == nil && !strings.HasPrefix(rel, "..") {
				if _, err := os.Stat(abs); err == nil {
					target = filepath.ToSlash(rel)
				}
			}
		}
	}
	p := wechat.Find(res.Model, target)
	if p == nil {
		why := diag.Msg(diag.WhyWeChatNoSuchPage)
		for _, f := range []string{filepath.Join(src, target), target} {
			fi, err := os.Stat(f)
			switch {
			case err != nil:
				continue
			case fi.IsDir() && !fileExists(filepath.Join(f, "index.md")): // a section's folder, not a page's
				why = diag.Msg(diag.WhyWeChatFolder)
			default:
				why = diag.Msg(diag.WhyWeChatUnpublished)
			}
			break
		}
		fmt.Fprintf(stderr, "folio wechat: %s\n", diag.Msg(diag.UsageWeChatNoPage, target, why).Text(lang))
		return 1
	}
	if !wechat.Exportable(p) {
		fmt.Fprintf(stderr, "folio wechat: %s\n", diag.Msg(diag.UsageWeChatNotExported, p.File).Text(lang))
		return 1
	}
	// The build's warnings about this page (a picture without a
	// description), then what WeChat will lose of it.
	var l diag.List
	for _, d := range res.Diagnostics {
		if d.Pos.File == p.File {
			l = append(l, d)
		}
	}
	a := wechat.Export(p, res.Model, res.Site, res.Model.Config.BaseURL, &l)
	l.Sort()
	l.Print(stderr, lang, 50)
	// The file first: a title and summary printed above a failure would
	// read as done.
	if out != "" {
		// The charset line lets a browser open the file as it is (a file
		// has no Content-Type), so that the editor can select all, copy and
		// paste. Its folder is made, as folio build makes its destination's.
		err := os.MkdirAll(filepath.Dir(out), 0o755)
		if err == nil {
			err = os.WriteFile(out, []byte("<meta charset=\"utf-8\">\n"+a.HTML+"\n"), 0o644)
		}
		if err != nil {
			sayUsage(stderr, "folio wechat", diag.Msg(diag.UsageWeChatWrite, out, publish.WhyNotWritten(err)), lang)
			return 1
		}
	}
	fmt.Fprintf(stdout, "标题：%s\n摘要：%s\n", a.Title, a.Summary)
	if a.Cover != "" {
		fmt.Fprintf(stdout, "封面：%s\n", a.Cover)
	} else {
		fmt.Fprintf(stdout, "封面：（本页没有公众号可用的图片，请在公众号编辑器里选择封面）\n")
	}
	if out == "" {
		fmt.Fprintf(stdout, "正文：\n%s\n", a.HTML)
		return 0
	}
	fmt.Fprintf(stdout, "正文：%s\n", out)
	return 0
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
