package main

import (
	"flag"
	"os"
	"strings"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
)

// langChoice is --lang: the language folio speaks in, instead of the
// site's languageCode.
type langChoice struct {
	set  bool
	lang diag.Lang
}

// langFlag adds --lang to a command's flags.
func langFlag(fs *flag.FlagSet) *langChoice {
	c := &langChoice{}
	fs.Func("lang", "", func(v string) error {
		lang, ok := diag.ParseLang(v)
		if !ok {
			return diag.Msg(diag.UsageLang, v)
		}
		c.set, c.lang = true, lang
		return nil
	})
	return c
}

// of is the language to speak: --lang, else the site's.
func (c *langChoice) of(site diag.Lang) diag.Lang {
	if c != nil && c.set {
		return c.lang
	}
	return site
}

// override is --lang for serve.Options: nil when not given.
func (c *langChoice) override() *diag.Lang {
	if c == nil || !c.set {
		return nil
	}
	return &c.lang
}

// siteLang is the language of the site in dir, read from its config.toml
// before a build says it (for messages about the command itself); Chinese
// when there is none.
func siteLang(dir string) diag.Lang {
	if _, err := os.Stat(dir + "/config.toml"); err != nil {
		return diag.Chinese
	}
	var l diag.List
	return diag.LangOf(config.Load(os.DirFS(dir), "config.toml", &l).LanguageCode)
}

// langOfArgs is the language for a mistake in the flags themselves, which
// are not parsed: --lang if it is among them and known, else the site's
// in the folder -s (--source) names, or in the current folder.
func langOfArgs(args []string) diag.Lang {
	site := "."
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || (name != "lang" && name != "s" && name != "source") {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if name != "lang" {
			site = value
		} else if lang, ok := diag.ParseLang(value); ok {
			return lang
		}
	}
	return siteLang(site)
}
