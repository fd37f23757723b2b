package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/publish"
)

// siteProblem says why src is not a site's folder that command can read,
// naming it by its absolute path (what "." is, the editor may not know):
// it does not exist or is not a folder (U23), or it has no config.toml
// (U08). nil when it is, or when it fails otherwise: then the build says
// why where it reads (C16 for a config.toml it may not read).
func siteProblem(command, src string) error {
	abs, err := filepath.Abs(src)
	if err != nil {
		abs = src
	}
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR), err == nil && !fi.IsDir():
		return diag.Msg(diag.UsageNoSource, abs, command)
	case err != nil:
		return nil
	}
	if _, err := os.Stat(filepath.Join(abs, "config.toml")); errors.Is(err, fs.ErrNotExist) {
		return diag.Msg(diag.UsageNoConfig, abs, command)
	}
	return nil
}

// checkSite prints siteProblem, if there is one, and tells whether there
// was none.
func checkSite(command, src string, lang diag.Lang, stderr io.Writer) bool {
	if err := siteProblem(command, src); err != nil {
		sayUsage(stderr, command, err, lang)
		return false
	}
	return true
}

// destProblem says why folio build refuses dest before building (the rest
// is publish.CheckDestination's): the editor's home folder, which the
// build would replace (U21).
func destProblem(dest string) error {
	home, err := os.UserHomeDir()
	if err != nil {
		return nil
	}
	abs, err1 := filepath.Abs(dest)
	absHome, err2 := filepath.Abs(home)
	if err1 == nil && err2 == nil && abs == absHome {
		return diag.Msg(diag.UsageDestHome, abs)
	}
	return nil
}

// outProblem says why folio wechat cannot write its -o FILE, before it
// builds anything: FILE is a folder (Q12), or the folder it goes in cannot
// be made or written (publish.Writable).
func outProblem(out string) error {
	abs, err := filepath.Abs(out)
	if err != nil {
		return nil
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
		return diag.Msg(diag.UsageWeChatWrite, out, diag.Msg(diag.WhyOutIsFolder, out))
	}
	if why := publish.Writable(filepath.Dir(abs)); why != nil {
		return diag.Msg(diag.UsageWeChatWrite, out, why)
	}
	return nil
}

// exists tells whether there is something at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
