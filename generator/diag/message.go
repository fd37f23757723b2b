package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Lang is a language the catalog speaks.
type Lang int

const (
	Chinese Lang = iota // zh-CN, the default: folio's editors read Chinese
	English
)

// Langs are the catalog's languages, in the order docs list them.
var Langs = []Lang{Chinese, English}

// ParseLang reads --lang or a site's languageCode: "en…" is English,
// "zh…" Chinese (zh-TW and zh-HK read the simplified catalog until they
// have their own). ok is false for a language the catalog does not have.
func ParseLang(code string) (lang Lang, ok bool) {
	c := strings.ToLower(code)
	switch {
	case c == "en" || strings.HasPrefix(c, "en-") || strings.HasPrefix(c, "en_"):
		return English, true
	case c == "zh" || strings.HasPrefix(c, "zh-") || strings.HasPrefix(c, "zh_"):
		return Chinese, true
	}
	return Chinese, false
}

// LangOf is the language for a site's languageCode: a site in a language
// the catalog lacks gets English, which more of its editors can read.
func LangOf(languageCode string) Lang {
	if languageCode == "" {
		return Chinese
	}
	if lang, ok := ParseLang(languageCode); ok {
		return lang
	}
	return English
}

func (lang Lang) String() string {
	if lang == English {
		return "en"
	}
	return "zh-CN"
}

// Warning is the word that marks a warning in lang.
func (lang Lang) Warning() string { return lang.words().warning }

// langWords are the few words a printed list needs around the catalog's.
type langWords struct {
	warning, sep, or string
}

func (lang Lang) words() langWords {
	if lang == English {
		return langWords{warning: "warning", sep: ", ", or: ", or "}
	}
	return langWords{warning: "警告", sep: "、", or: "，或者"}
}

// Code names one message of the catalog. Codes are stable: docs, CI logs
// and editors' questions quote them, so a code is never reused for another
// message.
type Code string

// Kind is what sort of problem a diagnostic is about: serve's overlay and
// CI's annotations title a problem by its kind.
type Kind string

const (
	KindFrontMatter Kind = "front-matter" // the settings between the +++ lines
	KindConfig      Kind = "config"       // config.toml
	KindLink        Kind = "link"         // a link that leads nowhere
	KindImage       Kind = "image"        // an image readers would not see right
	KindTheme       Kind = "theme"        // layouts, i18n
	KindCollision   Kind = "collision"    // two files making one output
	KindEncoding    Kind = "encoding"     // not UTF-8, invisible characters
	KindSchedule    Kind = "schedule"     // drafts, dates: why something is not published
	KindMarkup      Kind = "markup"       // the Markdown text
	KindFile        Kind = "file"         // a file of content/ that cannot be read or published
	KindSafety      Kind = "safety"       // what could run script on the site
	KindInternal    Kind = "internal"     // a bug in folio
	KindUsage       Kind = "usage"        // the command's flags and folders
	KindWeChat      Kind = "wechat"       // what the 公众号 editor will lose (folio wechat)
	KindPart        Kind = "part"         // not a diagnostic: a part of other messages
)

// Title is the kind in lang as a heading for an editor: what sort of
// mistake it is, before the message that says which and how to fix it.
func (k Kind) Title(lang Lang) string {
	t, ok := kindTitles[k]
	if !ok {
		t = kindTitles[""]
	}
	if lang == English {
		return t[1]
	}
	return t[0]
}

var kindTitles = map[Kind][2]string{
	KindFrontMatter: {"文件开头两行 +++ 之间的设置有误", "The settings at the top of the file (front matter) are wrong"},
	KindConfig:      {"网站配置文件 config.toml 有误", "The site's configuration, config.toml, is wrong"},
	KindLink:        {"链接找不到目标", "A link leads nowhere"},
	KindImage:       {"图片有问题", "An image has a problem"},
	KindTheme:       {"网站模板（主题）有误", "The theme (layouts) has a mistake"},
	KindCollision:   {"两个文件生成了同一个网址", "Two files make the same address"},
	KindEncoding:    {"文件编码或字符有问题", "The file's encoding or characters"},
	KindSchedule:    {"未发布的内容", "Not published"},
	KindMarkup:      {"正文的写法有问题", "The text (Markdown)"},
	KindFile:        {"文件无法读取或发布", "A file cannot be read or published"},
	KindSafety:      {"可能在读者浏览器里运行脚本的内容", "Content that could run script in readers' browsers"},
	KindInternal:    {"folio 的内部错误", "An internal error of folio"},
	KindUsage:       {"命令的用法有误", "The command's use"},
	KindWeChat:      {"粘贴到公众号时会丢失的内容", "What the WeChat editor will lose"},
	"":              {"内容有误", "A mistake in the content"},
}

// Message is a message of the catalog with its values, not yet in a
// language: a diagnostic's text, or a part of one (why a link leads
// nowhere, a "did you mean" hint). It is an error too, in English, so that
// a function that returns an error can say why in every language: a
// message given a Message (or an error wrapping one) as a value shows it in
// its own language.
type Message struct {
	Code Code
	Args []any
}

// Msg is the message code with its values.
func Msg(code Code, args ...any) Message { return Message{Code: code, Args: args} }

func (m Message) Error() string { return m.Text(English) }

// Text is the message in lang.
func (m Message) Text(lang Lang) string {
	e := lookup(m.Code)
	text := e.zh
	if lang == English {
		text = e.en
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(text[:i])
		name, quote := strings.CutSuffix(text[i+1:i+j], ":q")
		if !isName(name) { // {...} in an example of TOML is text
			b.WriteByte('{')
			text = text[i+1:]
			continue
		}
		if k := e.arg(name); k >= 0 && k < len(m.Args) {
			b.WriteString(show(m.Args[k], quote, lang))
		} else {
			b.WriteString("{" + name + "?}") // TestCatalog fails on it first
		}
		text = text[i+j+1:]
	}
	b.WriteString(text)
	return b.String()
}

// isName tells a value's place, {name}, from braces that are text.
func isName(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return s != ""
}

// Show is a value in lang as a message shows it: a Message, or an error
// that holds one, in lang; another error as it says itself.
func Show(v any, lang Lang) string { return show(v, false, lang) }

// show is one value of a message in lang: a Message or an error that holds
// one in lang, a list joined, quoted when the catalog says :q.
func show(v any, quote bool, lang Lang) string {
	var m Message
	switch x := v.(type) {
	case Message:
		return x.Text(lang)
	case error:
		if errors.As(x, &m) {
			return m.Text(lang)
		}
		return x.Error()
	case Either:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = p.Text(lang)
		}
		return strings.Join(parts, lang.words().or)
	case []Message:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = p.Text(lang)
		}
		return strings.Join(parts, lang.words().sep)
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = show(s, quote, lang)
		}
		return strings.Join(parts, lang.words().sep)
	case string:
		if quote {
			return fmt.Sprintf("%q", x)
		}
		return x
	}
	return fmt.Sprint(v)
}

// Either is a list of messages a message joins with "or": ways to fix a
// problem.
type Either []Message

// DidYouMean is the hint for a name that is not known but near one that
// is, in one form wherever folio guesses: nothing when nearest is "".
func DidYouMean(nearest string) Message {
	if nearest == "" {
		return Msg(Nothing)
	}
	return Msg(HintDidYouMean, nearest)
}

// entry is a message of the catalog: its severity and kind as a
// diagnostic, the names of its values in the order a call gives them, its
// words in each language, and the values of the example docs show.
type entry struct {
	severity Severity
	kind     Kind
	args     []string
	zh, en   string
	example  []any
}

func (e entry) arg(name string) int {
	for i, a := range e.args {
		if a == name {
			return i
		}
	}
	return -1
}

func lookup(code Code) entry {
	e, ok := catalog[code]
	if !ok {
		return entry{kind: KindInternal, zh: "未知的消息代码 " + string(code), en: "unknown message code " + string(code)}
	}
	return e
}

// Codes are the catalog's codes, sorted.
func Codes() []Code {
	codes := make([]Code, 0, len(catalog))
	for c := range catalog {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	return codes
}

// About describes a code for docs and tests: its kind, severity, the
// names of its values, and its example in lang.
func About(code Code) (kind Kind, sev Severity, args []string, example func(Lang) string) {
	e := lookup(code)
	return e.kind, e.severity, e.args, func(lang Lang) string { return Msg(code, e.example...).Text(lang) }
}

// Template is the code's message in lang as the catalog writes it, with
// its {value} places.
func Template(code Code, lang Lang) string {
	if lang == English {
		return lookup(code).en
	}
	return lookup(code).zh
}
