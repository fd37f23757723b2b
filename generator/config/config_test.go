package config

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"folio.dev/folio/generator/diag"
)

func load(t *testing.T, text string) (*Config, string) {
	t.Helper()
	var l diag.List
	c := Load(fstest.MapFS{"config.toml": {Data: []byte(text)}}, "config.toml", &l)
	var b strings.Builder
	l.Print(&b, diag.English, 0)
	return c, b.String()
}

func TestDefaults(t *testing.T) {
	t.Parallel()
	c, diags := load(t, "title = \"协会\"\n")
	if diags != "" {
		t.Fatalf("unexpected diagnostics: %s", diags)
	}
	if c.LanguageCode != "zh-CN" || c.TimeZone != "Asia/Shanghai" || c.Location.String() != "Asia/Shanghai" ||
		c.Theme != "default" || c.Paginate != 10 || c.Markup.ReadingSpeed != 400 || c.Markup.SummaryLength != 120 ||
		c.Markup.Unsafe || c.BaseURL != "/" || c.Journal.Section != "journal" || c.Journal.Label != "协会" || c.Events.Section != "events" ||
		c.Taxonomies["committee"] != "committees" {
		t.Errorf("defaults: %+v", c)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{"unknown key", "title = \"x\"\ntitel = \"y\"\n", "config.toml:2:1: [K04] unknown key \"titel\" (did you mean \"title\"?)\n"},
		{"unknown key in a table", "[markup]\nunsafe = true\nreadingspeed = 3\n", "config.toml:3:1: [K04] unknown key \"readingspeed\" (did you mean \"readingSpeed\"?)\n"},
		{"wrong type", "paginate = \"10\"\n", "config.toml:1:1: [K08] paginate must be a whole number without quotes, like paginate = 3; it is \"10\"\n"},
		{"unknown zone", "timeZone = \"Beijing\"\n", "config.toml:1:1: [C04] time zone \"Beijing\": unknown time zone Beijing; use a name like \"Asia/Shanghai\"\n"},
		{"the machine's zone", "timeZone = \"Local\"\n", "config.toml:1:1: [C05] time zone \"Local\": the build machine's zone would make the site differ between machines; use a name like \"Asia/Shanghai\"\n"},
		{"negative paginate", "paginate = -1\n", "config.toml:1:1: [C02] paginate = -1: it is the number of items on a page of a list; write a number above 0, or leave it out for 10\n"},
		{"unknown taxonomy", "[taxonomies]\ntag = \"tags\"\nseries = \"series\"\n", "config.toml:3:1: [C03] taxonomy \"series\" is not known; folio has tags, categories and committees\n"},
		{"relative baseURL", "baseURL = \"example.org\"\n", "config.toml:1:1: [C06] baseURL \"example.org\" must be a full address like \"https://www.example.org/\"\n"},
		{"bad permalink", "[permalinks]\nnews = \"/news/:yaer/:slug/\"\n", "config.toml:2:1: [C09] permalink \"/news/:yaer/:slug/\" has an unknown part :yaer (use :year, :month, :day, :slug, :section or :filename)\n"},
		{"menu item typo", "[[menu.main]]\nnmae = \"首页\"\n", "config.toml:2:1: [K04] unknown key \"nmae\" (did you mean \"name\"?)\n"},
		{"syntax", "title = \"x\n", "config.toml:1:11: [K01] a text's quotes are not closed: add the closing \" at the end of the text (a text is written on one line)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, got := load(t, tt.text); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestMissingFile(t *testing.T) {
	t.Parallel()
	var l diag.List
	c := Load(fstest.MapFS{}, "config.toml", &l)
	if l.Errors() != 1 || !strings.Contains(l[0].Text(diag.English), "the site's folder has no config.toml") || c.Location == nil {
		t.Errorf("missing config: %v, %+v", l, c)
	}
}

// CheckLink accepts what html/template keeps in an href, and nothing that
// it would print as #ZgotmplZ (issue 17); AbsURI encodes a path once.
func TestCheckLinkAndAbsURI(t *testing.T) {
	for link, ok := range map[string]bool{
		"": true, "/about/": true, "https://beian.miit.gov.cn/": true, "HTTP://x.org/": true,
		"mailto:a@example.org": true, "../x/": true, "a/b:c": true, "?q=1": true,
		"javascript:alert(1)": false, "JavaScript:alert(1)": false, "data:text/html,x": false,
		"vbscript:x": false, "tel:123": false, "https://x.org/a b": false, "https://x.org/\nx": false,
		"https://x.org/\x00": false, `https://x.org/"`: false, "https://x.org/<": false,
		// a host name without https://, which browsers read as a path of the site
		"www.example.org/register": false, "wj.qq.com/s/1": false, "Jinshuju.NET": false,
		"form.pdf": true, "files/报名表.docx": true, "index.html": true, "v1.2/notes": true,
	} {
		if err := CheckLink(link); (err == nil) != ok {
			t.Errorf("CheckLink(%q) = %v, want ok %v", link, err, ok)
		}
	}
	c := &Config{}
	if err := SetBaseURL(c, "https://example.org/协会"); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"/":             "https://example.org/%E5%8D%8F%E4%BC%9A/",
		"/news/50%off/": "https://example.org/%E5%8D%8F%E4%BC%9A/news/50%25off/",
		"/a b/c&d/":     "https://example.org/%E5%8D%8F%E4%BC%9A/a%20b/c&d/",
		"/x\r\ny/":      "https://example.org/%E5%8D%8F%E4%BC%9A/x%0D%0Ay/",
	} {
		if got := c.AbsURI(in); got != want {
			t.Errorf("AbsURI(%q) = %q, want %q", in, got, want)
		}
	}
	if got := c.RelURI("/新闻/"); got != "/%E5%8D%8F%E4%BC%9A/%E6%96%B0%E9%97%BB/" {
		t.Errorf("RelURI = %q", got)
	}
}

// [images] takes a list of whole numbers, the one list of numbers in
// config.toml; a list out of order is refused and the defaults kept.
func TestImages(t *testing.T) {
	t.Parallel()
	c, diags := load(t, "[images]\nwidths = [400, 900]\nquality = 70\n")
	if diags != "" || len(c.Images.Widths) != 2 || c.Images.Widths[0] != 400 || c.Images.Widths[1] != 900 || c.Images.Quality != 70 {
		t.Errorf("images: %+v, diagnostics %q", c.Images, diags)
	}
	c, diags = load(t, "[images]\nwidths = [900, 400]\n")
	if !strings.Contains(diags, "[C12]") || c.Images.Widths != nil {
		t.Errorf("widths out of order: %+v, diagnostics %q", c.Images, diags)
	}
}

// unreadable is a site folder whose config.toml cannot be read for err.
type unreadable struct{ err error }

func (u unreadable) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: u.err}
}

// A config.toml that is missing, or that the editor may not read, is said
// in words (C15, C16), without the system's English; any other failure
// keeps it inside C01's advice, the last resort.
func TestUnreadable(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		fsys   fs.FS
		zh, en string
	}{
		{fstest.MapFS{}, "config.toml: [C15] 网站的文件夹里没有 config.toml：请在网站的文件夹里运行 folio，或者用 --source 指定网站的文件夹\n",
			"config.toml: [C15] the site's folder has no config.toml; run folio in the site's folder, or give the site's folder with --source\n"},
		{unreadable{fs.ErrPermission}, "config.toml: [C16] 没有权限读取 config.toml：请电脑的管理员允许你读取这个文件，或者把网站复制到你自己的文件夹里再运行\n",
			"config.toml: [C16] you may not read config.toml; ask the computer's administrator to let you read it, or copy the site into a folder of your own\n"},
		{unreadable{fs.ErrClosed}, "config.toml: [C01] 无法读取网站配置文件：open config.toml: file already closed（请在网站的文件夹里运行 folio，或者用 --source 指定它）\n",
			"config.toml: [C01] cannot read the site's configuration: open config.toml: file already closed (run folio in the site's folder, or pass --source)\n"},
	} {
		var l diag.List
		c := Load(tt.fsys, "config.toml", &l)
		if c.LanguageCode != "zh-CN" {
			t.Errorf("without a config.toml, the defaults are not set: %+v", c)
		}
		for lang, want := range map[diag.Lang]string{diag.Chinese: tt.zh, diag.English: tt.en} {
			var b strings.Builder
			l.Print(&b, lang, 0)
			if b.String() != want {
				t.Errorf("%v: got\n%s\nwant\n%s", lang, b.String(), want)
			}
		}
	}
}
