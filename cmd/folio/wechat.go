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
	// The page may come before or after the flags.
	var target string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		target, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "folio wechat: %v\n\n%s", err, usage)
		return 2
	}
	if target == "" && fs.NArg() > 0 {
		target = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil {
			fmt.Fprintf(stderr, "folio wechat: %v\n\n%s", err, usage)
			return 2
		}
	}
	if target == "" || fs.NArg() > 0 {
		fmt.Fprintf(stderr, "folio wechat: name one page, by its file or its address: folio wechat content/notices/2024/a/index.md, or folio wechat /notices/2024/03/a/\n")
		return 2
	}
	if baseURL == "" {
		baseURL = os.Getenv("FOLIO_BASEURL")
	}
	opts := generator.Options{Root: os.DirFS(src), BaseURL: baseURL, Drafts: drafts, Future: future}
	if !setNow(&opts, "folio wechat", now, stderr) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res, err := generator.Build(ctx, opts)
	switch {
	case errors.Is(err, generator.ErrInternal):
		res.Diagnostics.Print(stderr, 50)
		reportBugs(res.Bugs, append([]string{"wechat"}, args...), stderr)
		return 1
	case errors.Is(err, generator.ErrContent):
		res.Diagnostics.Print(stderr, 50)
		n := res.Diagnostics.Errors()
		fmt.Fprintf(stderr, "folio wechat: the site has %d error%s; fix %s and run folio wechat again\n", n, plural(n), map[bool]string{true: "it", false: "them"}[n == 1])
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "folio wechat: %v\n", err)
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
		hint := "name a content file (content/news/2024/a.md) or a page's address (/news/2024/06/a/)"
		if _, err := os.Stat(filepath.Join(src, target)); err == nil || fileExists(target) {
			hint = "it is not published: a draft needs --drafts, a page dated in the future --future"
		}
		fmt.Fprintf(stderr, "folio wechat: %s: no page of the site; %s\n", target, hint)
		return 1
	}
	if !wechat.Exportable(p) {
		fmt.Fprintf(stderr, "folio wechat: %s is not a news post, notice or journal article (it is a %s); only those go to the 公众号\n", p.File, p.Kind)
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
	l.Print(stderr, 50)
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
	// The charset line lets a browser open the file as it is (a file has
	// no Content-Type), so that the editor can select all, copy and paste.
	if err := os.WriteFile(out, []byte("<meta charset=\"utf-8\">\n"+a.HTML+"\n"), 0o644); err != nil {
		fmt.Fprintf(stderr, "folio wechat: cannot write %s: %v\n", out, err)
		return 1
	}
	fmt.Fprintf(stdout, "正文：%s\n", out)
	return 0
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
