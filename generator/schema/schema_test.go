package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Asia/Shanghai without the system's zoneinfo

	"folio.dev/folio/generator/diag"
)

// page is a small front matter with every kind of field Decode supports.
type page struct {
	Title   string            `toml:"title"`
	Draft   bool              `toml:"draft"`
	Weight  int               `toml:"weight"`
	Score   float64           `toml:"score"`
	Tags    []string          `toml:"tags"`
	Date    Time              `toml:"date"`
	Params  map[string]any    `toml:"params"`
	Links   map[string]string `toml:"links"`
	Event   event             `toml:"event"`
	Authors []author          `toml:"authors"`
}

type event struct {
	Start    Time   `toml:"start"`
	Location string `toml:"location"`
}

type author struct {
	Name        string `toml:"name"`
	Affiliation string `toml:"affiliation"`
}

const file = "content/news/a.md"

// decode decodes src into a page and returns the diagnostics as the strings
// an editor sees, sorted.
func decode(t *testing.T, src string) (page, []string, KeyPos) {
	t.Helper()
	var p page
	var l diag.List
	at := func(off int) diag.Pos { return diag.At(file, []byte(src), off) }
	kp := Decode([]byte(src), &p, diag.KindFrontMatter, at, &l)
	l.Sort()
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return p, out, kp
}

func sameStrings(a, b []string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

func TestDecodeValues(t *testing.T) {
	t.Parallel()
	src := `title = "技能大赛"
draft = true
weight = 3
score = 2
tags = ["技能", "大赛"]
date = 2024-06-21
links = {home = "/"}

[params]
color = "red"
n = 1

[event]
start = 2024-07-15T09:00:00+08:00
location = "广州"

[[authors]]
name = "张三"
affiliation = "协会"

[[authors]]
name = "李四"
`
	p, diags, _ := decode(t, src)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	if p.Title != "技能大赛" || !p.Draft || p.Weight != 3 || p.Score != 2 {
		t.Errorf("title, draft, weight, score = %q, %v, %d, %v", p.Title, p.Draft, p.Weight, p.Score)
	}
	if want := []string{"技能", "大赛"}; !reflect.DeepEqual(p.Tags, want) {
		t.Errorf("tags = %q, want %q", p.Tags, want)
	}
	if got := p.Date.In(time.UTC).Format(time.DateOnly); got != "2024-06-21" || !p.Date.DateOnly() {
		t.Errorf("date = %s (date only %v), want 2024-06-21, date only", got, p.Date.DateOnly())
	}
	if want := map[string]any{"color": "red", "n": int64(1)}; !reflect.DeepEqual(p.Params, want) {
		t.Errorf("params = %#v, want %#v", p.Params, want)
	}
	if want := map[string]string{"home": "/"}; !reflect.DeepEqual(p.Links, want) {
		t.Errorf("links = %#v, want %#v", p.Links, want)
	}
	if got := p.Event.Start.In(time.UTC).Format(time.RFC3339); got != "2024-07-15T01:00:00Z" || p.Event.Location != "广州" {
		t.Errorf("event = %s %q", got, p.Event.Location)
	}
	if want := []author{{"张三", "协会"}, {"李四", ""}}; !reflect.DeepEqual(p.Authors, want) {
		t.Errorf("authors = %+v, want %+v", p.Authors, want)
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "unknown key with suggestion",
			src:  "title = \"a\"\n  dat = 2024-06-21\n",
			want: []string{file + `:2:3: [K04] unknown key "dat" (did you mean "date"?)`},
		},
		{
			name: "unknown key without suggestion lists the keys",
			src:  "colour = \"red\"\n",
			want: []string{file + `:1:1: [K04] unknown key "colour" (the keys allowed here are authors, date, draft, event, links, params, score, tags, title, weight)`},
		},
		{
			name: "unknown key in a table",
			src:  "[event]\nstrat = 2024-07-15\n",
			want: []string{file + `:2:1: [K04] unknown key "strat" (did you mean "start"?)`},
		},
		{
			name: "unknown key in a table without suggestion",
			src:  "[event]\nxyzzy = 1\n",
			want: []string{file + `:2:1: [K04] unknown key "xyzzy" (the keys allowed in [event] are location, start)`},
		},
		{
			name: "unknown dotted key",
			src:  "event.locaton = \"广州\"\n",
			want: []string{file + `:1:1: [K04] unknown key "locaton" (did you mean "location"?)`},
		},
		{
			name: "unknown key in an array of tables",
			src:  "[[authors]]\nname = \"张三\"\naffilation = \"协会\"\n",
			want: []string{file + `:3:1: [K04] unknown key "affilation" (did you mean "affiliation"?)`},
		},
		{
			name: "unknown key in an inline table",
			src:  "title = \"a\"\nauthors = [{name = \"张三\", nmae = \"x\"}]\n",
			want: []string{file + `:2:26: [K04] unknown key "nmae" (did you mean "name"?)`},
		},
		{
			name: "date that is not a date",
			src:  "date = \"昨天\"\n",
			want: []string{file + `:1:1: [K05] date = "昨天" is not a date; write a date like date = 2024-06-21 or a time like date = 2024-06-21T09:30:00`},
		},
		{
			name: "time of day is not a date",
			src:  "date = 09:30:00\n",
			want: []string{file + `:1:1: [K05] date = a date is not a date; write a date like date = 2024-06-21 or a time like date = 2024-06-21T09:30:00`},
		},
		{
			name: "tags written as text must be a list",
			src:  "tags = \"a\"\n",
			want: []string{file + `:1:1: [K12] tags must be a list, like tags = ["a"]; it is the text "a"`},
		},
		{
			name: "tags list of numbers",
			src:  "tags = [\"a\", 2]\n",
			want: []string{file + `:1:1: [K14] tags must be a list of texts in quotes; item 2 is the number 2: put it in quotes, "2"`},
		},
		{
			name: "tags list of a table",
			src:  "tags = [\"a\", {b = 1}]\n",
			want: []string{file + `:1:1: [K14] tags must be a list of texts in quotes; item 2 is a table`},
		},
		{
			name: "tags written as a number must be a list of text",
			src:  "tags = 2024\n",
			want: []string{file + `:1:1: [K12] tags must be a list, like tags = ["2024"]; it is the number 2024`},
		},
		{
			name: "weight in quotes",
			src:  "weight = \"3\"\n",
			want: []string{file + `:1:1: [K08] weight must be a whole number without quotes, like weight = 3; it is "3"`},
		},
		{
			name: "weight with a fraction",
			src:  "weight = 1.5\n",
			want: []string{file + `:1:1: [K08] weight must be a whole number without quotes, like weight = 3; it is the number 1.5`},
		},
		{
			name: "draft yes",
			src:  "draft = \"yes\"\n",
			want: []string{file + `:1:1: [K07] draft must be true or false; it is "yes"`},
		},
		{
			name: "title without quotes as a number",
			src:  "title = 2024\n",
			want: []string{file + `:1:1: [K06] title must be text in quotes, like title = "2024"; it is the number 2024`},
		},
		{
			name: "score in quotes",
			src:  "score = \"2\"\n",
			want: []string{file + `:1:1: [K09] score must be a number without quotes; it is "2"`},
		},
		{
			name: "nested table given as text",
			src:  "event = \"广州\"\n",
			want: []string{file + `:1:1: [K10] event must be a table, written [event] on a line of its own followed by key = value lines; it is the text "广州"`},
		},
		{
			name: "map of strings with a number",
			src:  "[links]\nhome = \"/\"\ncount = 3\n",
			want: []string{file + `:3:1: [K11] count must be text in quotes; it is the number 3`},
		},
		{
			name: "list of tables given as text",
			src:  "authors = \"张三\"\n",
			want: []string{file + `:1:1: [K13] authors must be a list of tables, like authors = [{...}, {...}]; it is the text "张三"`},
		},
		{
			name: "list of tables with a text item",
			src:  "authors = [\"张三\"]\n",
			want: []string{file + `:1:1: [K15] authors must be a list of tables like {name = "..."}; item 1 is the text "张三"`},
		},
		{
			name: "wrong type in a table",
			src:  "[event]\nlocation = 3\nstart = \"下周\"\n",
			want: []string{
				file + `:2:1: [K06] location must be text in quotes, like location = "3"; it is the number 3`,
				file + `:3:1: [K05] start = "下周" is not a date; write a date like start = 2024-06-21 or a time like start = 2024-06-21T09:30:00`,
			},
		},
		{
			name: "every error of a document is reported",
			src: `title = "a"
dat = 2024-06-21
tags = "a"
weight = "3"
draft = "yes"
date = "昨天"
`,
			want: []string{
				file + `:2:1: [K04] unknown key "dat" (did you mean "date"?)`,
				file + `:3:1: [K12] tags must be a list, like tags = ["a"]; it is the text "a"`,
				file + `:4:1: [K08] weight must be a whole number without quotes, like weight = 3; it is "3"`,
				file + `:5:1: [K07] draft must be true or false; it is "yes"`,
				file + `:6:1: [K05] date = "昨天" is not a date; write a date like date = 2024-06-21 or a time like date = 2024-06-21T09:30:00`,
			},
		},
		{
			name: "indented key",
			src:  "[event]\n\t strat = 1\n",
			want: []string{file + `:2:3: [K04] unknown key "strat" (did you mean "start"?)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, got, _ := decode(t, tt.src)
			if !sameStrings(got, tt.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// A TOML mistake is said in the editor's terms: what to write instead,
// and the reader's own words (English) only when folio has nothing
// better to say.
func TestDecodeSyntaxErrors(t *testing.T) {
	t.Parallel()
	const zhHint = "文字要加英文引号 \"\"，列表用方括号 [ ]，每行写一项 键 = 值"
	const enHint = "TOML syntax: text in \"quotes\", lists in [brackets], one key = value per line"
	const punctuationZH = "设置里的标点要用英文半角：引号写 \" \" 而不是 “ ”，逗号写 , 而不是 ，，等号写 = 而不是 ＝，方括号写 [ ] 而不是 ［ ］，引号外的空格用半角空格而不是全角空格"
	const punctuationEN = "write TOML's punctuation in plain ASCII: \" \" instead of “ ”, a comma instead of ，, = instead of ＝, [ ] instead of ［ ］, and outside quotes a plain space instead of a full-width one"
	tests := []struct {
		name   string
		src    string
		at     string
		zh, en string
	}{
		{
			name: "bare word value",
			src:  "title = a\n",
			at:   ":1:9",
			zh:   `文字要加英文引号：写成 title = "a"`,
			en:   `text is written in quotes: title = "a"`,
		},
		{
			name: "bare Chinese value",
			src:  "title = 技能大赛\n",
			at:   ":1:9",
			zh:   `文字要加英文引号：写成 title = "技能大赛"`,
			en:   `text is written in quotes: title = "技能大赛"`,
		},
		{
			name: "a list without brackets or quotes",
			src:  "tags = 技能大赛, 职业教育、招生\n",
			at:   ":1:8",
			zh:   `tags 是列表：写在方括号里，每一项加英文引号，用英文逗号隔开，写成 tags = ["技能大赛", "职业教育", "招生"]`,
			en:   `tags is a list: in brackets, each item in quotes, separated by commas: tags = ["技能大赛", "职业教育", "招生"]`,
		},
		{
			name: "yes in Chinese",
			src:  "draft = 是\n",
			at:   ":1:9",
			zh:   `是或否写成小写的 true 或 false，不加引号：写成 draft = true`,
			en:   `yes or no is written true or false, in lower case and without quotes: draft = true`,
		},
		{
			name: "a number in Chinese",
			src:  "weight = 十\n",
			at:   ":1:10",
			zh:   `weight 写阿拉伯数字，不加引号，如 weight = 3`,
			en:   `weight is a number in digits, without quotes, like weight = 3`,
		},
		{
			name: "a date in words",
			src:  "date = 明天\n",
			at:   ":1:8",
			zh:   `日期写成 2024-06-21（月和日都是两位数），时间写成 2024-06-21T09:30:00`,
			en:   `write a date as 2024-06-21 (two-digit month and day) or 2024-06-21T09:30:00`,
		},
		{
			name: "a full-width space after the key",
			src:  "title　= \"a\"\n",
			at:   ":1:6",
			zh:   punctuationZH,
			en:   punctuationEN,
		},
		{
			name: "a full-width space after the value",
			src:  "title = \"a\"　\n",
			at:   ":1:12",
			zh:   punctuationZH,
			en:   punctuationEN,
		},
		{
			name: "a full-width space inside a text is the editor's",
			src:  "title = \"第一　第二\" x\n",
			at:   ":1:16",
			zh:   zhHint + `（读取设置的程序报告：expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead）`,
			en:   enHint + ` (the TOML reader says: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead)`,
		},
		{
			name: "capitalised boolean",
			src:  "draft = True\n",
			at:   ":1:9",
			zh:   `是或否写成小写的 true 或 false，不加引号：写成 draft = true`,
			en:   `yes or no is written true or false, in lower case and without quotes: draft = true`,
		},
		{
			name: "invalid date on line 2",
			src:  "title = \"a\"\ndate = 2024-13-01\n",
			at:   ":2:8",
			zh:   `月份写成了 13，月份只有 1 到 12；日期写成 2024-06-21（月和日都是两位数），时间写成 2024-06-21T09:30:00`,
			en:   `month 13 does not exist (there are months 1 to 12); write a date as 2024-06-21 (two-digit month and day) or 2024-06-21T09:30:00`,
		},
		{
			name: "one-digit month",
			src:  "date = 2024-6-21\n",
			at:   ":1:8",
			zh:   `日期写成 2024-06-21（月和日都是两位数），时间写成 2024-06-21T09:30:00`,
			en:   `write a date as 2024-06-21 (two-digit month and day) or 2024-06-21T09:30:00`,
		},
		{
			name: "date with slashes",
			src:  "date = 2024/06/21\n",
			at:   ":1:12",
			zh:   `年、月、日之间用短横线 - 隔开，不用 /、. 或“年月日”；日期写成 2024-06-21（月和日都是两位数），时间写成 2024-06-21T09:30:00`,
			en:   `a date's year, month and day are separated by hyphens, not by /, . or 年月日; write a date as 2024-06-21 (two-digit month and day) or 2024-06-21T09:30:00`,
		},
		{
			name: "date in Chinese",
			src:  "date = 2024年6月21日\n",
			at:   ":1:12",
			zh:   `年、月、日之间用短横线 - 隔开，不用 /、. 或“年月日”；日期写成 2024-06-21（月和日都是两位数），时间写成 2024-06-21T09:30:00`,
			en:   `a date's year, month and day are separated by hyphens, not by /, . or 年月日; write a date as 2024-06-21 (two-digit month and day) or 2024-06-21T09:30:00`,
		},
		{
			name: "unclosed string",
			src:  "title = \"a\ndate = 1\n",
			at:   ":1:11",
			zh:   `文字的引号没有成对：在这段文字的末尾补上英文引号 "（文字要写在一行里）`,
			en:   `a text's quotes are not closed: add the closing " at the end of the text (a text is written on one line)`,
		},
		{
			name: "duplicate key",
			src:  "title = \"a\"\ntitle = \"b\"\n",
			at:   ":2:1",
			zh:   `每个设置项、每个 [分组] 只能写一次：把两处合并`,
			en:   `each key and each [table] may be written only once; merge the two`,
		},
		{
			name: "list without commas",
			src:  "tags = [\"技能\" \"大赛\"]\n",
			at:   ":1:14",
			zh:   `列表的各项之间用英文逗号隔开：写成 ["甲", "乙"]`,
			en:   `a list's items are separated by commas: ["a", "b"]`,
		},
		{
			name: "no equals sign",
			src:  "title \"a\"\n",
			at:   ":1:7",
			zh:   `每行写成 键 = 值：键的后面要有英文等号 =`,
			en:   `each line is key = value: an = follows the key`,
		},
		{
			name: "bare Chinese key",
			src:  "draft = true\n标题 = \"x\"\n",
			at:   ":2:1",
			zh:   `设置的名字只用英文字母、数字、- 和 _（如 title、date）；自己的数据写在 [params] 下`,
			en:   `a key's name is made of ASCII letters, digits, - and _ (title, date); data of your own goes under [params]`,
		},
		{
			// BurntSushi points at the space before x (byte 16), which is
			// character 13: the column counts characters, not bytes.
			name: "garbage after a Chinese value, column in characters",
			src:  "title = \"中文\" x\n",
			at:   ":1:13",
			zh:   zhHint + `（读取设置的程序报告：expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead）`,
			en:   enHint + ` (the TOML reader says: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var p page
			var l diag.List
			at := func(off int) diag.Pos { return diag.At(file, []byte(tt.src), off) }
			if kp := Decode([]byte(tt.src), &p, diag.KindFrontMatter, at, &l); kp != nil {
				t.Errorf("Decode returned a KeyPos for a document that does not parse")
			}
			if len(l) != 1 {
				t.Fatalf("%d diagnostics, want 1: %v", len(l), l)
			}
			d := l[0]
			if got, want := d.In(diag.Chinese), file+tt.at+": [K01] 设置的写法有误："+tt.zh; got != want {
				t.Errorf("in Chinese:\n%s\nwant:\n%s", got, want)
			}
			if got, want := d.String(), file+tt.at+": [K01] "+tt.en; got != want {
				t.Errorf("in English:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestDecodeArrayTablePositions checks that a problem in the second
// [[authors]] table is reported on its own line, not on the first table's.
func TestDecodeArrayTablePositions(t *testing.T) {
	t.Parallel()

	src := "[[authors]]\nname = \"张三\"\n[[authors]]\nname = 3\n"
	_, got, _ := decode(t, src)
	want := []string{file + `:4:1: [K06] name must be text in quotes, like name = "3"; it is the number 3`}
	if !sameStrings(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTime(t *testing.T) {
	t.Parallel()
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		value    string // as written after date =
		want     string // In(Asia/Shanghai), RFC 3339
		zoned    bool
		dateOnly bool
	}{
		{"offset date-time keeps the instant", "2024-06-21T09:30:00Z", "2024-06-21T17:30:00+08:00", true, false},
		{"offset date-time with offset", "2024-06-21T09:30:00-04:00", "2024-06-21T21:30:00+08:00", true, false},
		{"offset date-time with space", "2024-06-21 09:30:00+08:00", "2024-06-21T09:30:00+08:00", true, false},
		{"local date-time keeps the wall clock", "2024-06-21T09:30:00", "2024-06-21T09:30:00+08:00", false, false},
		{"local date-time without seconds", "2024-06-21T09:30", "2024-06-21T09:30:00+08:00", false, false},
		{"local date", "2024-06-21", "2024-06-21T00:00:00+08:00", false, true},
		{"quoted date", `"2024-06-21"`, "2024-06-21T00:00:00+08:00", false, true},
		{"quoted date and time with space", `"2024-06-21 09:30"`, "2024-06-21T09:30:00+08:00", false, false},
		{"quoted date and time with seconds", `"2024-06-21 09:30:15"`, "2024-06-21T09:30:15+08:00", false, false},
		{"quoted with T", `"2024-06-21T09:30"`, "2024-06-21T09:30:00+08:00", false, false},
		{"quoted RFC 3339 keeps the instant", `"2024-06-21T09:30:00Z"`, "2024-06-21T17:30:00+08:00", true, false},
		{"quoted with spaces around", `" 2024-06-21 "`, "2024-06-21T00:00:00+08:00", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, diags, _ := decode(t, "date = "+tt.value+"\n")
			if len(diags) != 0 {
				t.Fatalf("diagnostics: %q", diags)
			}
			d := p.Date
			if got := d.In(shanghai).Format(time.RFC3339); got != tt.want {
				t.Errorf("In(Asia/Shanghai) = %s, want %s", got, tt.want)
			}
			if d.Zoned() != tt.zoned || d.DateOnly() != tt.dateOnly || d.IsZero() {
				t.Errorf("Zoned, DateOnly, IsZero = %v, %v, %v; want %v, %v, false", d.Zoned(), d.DateOnly(), d.IsZero(), tt.zoned, tt.dateOnly)
			}
		})
	}
}

func TestTimeInUTCKeepsWallClockOfZonelessValues(t *testing.T) {
	t.Parallel()
	p, _, _ := decode(t, "date = 2024-06-21T09:30:00\n[event]\nstart = 2024-06-21T09:30:00+08:00\n")
	if got := p.Date.In(time.UTC).Format(time.RFC3339); got != "2024-06-21T09:30:00Z" {
		t.Errorf("zoneless In(UTC) = %s, want 2024-06-21T09:30:00Z", got)
	}
	if got := p.Event.Start.In(time.UTC).Format(time.RFC3339); got != "2024-06-21T01:30:00Z" {
		t.Errorf("zoned In(UTC) = %s, want 2024-06-21T01:30:00Z", got)
	}
}

func TestTimeAbsent(t *testing.T) {
	t.Parallel()
	p, _, _ := decode(t, "title = \"a\"\n")
	if !p.Date.IsZero() || !p.Date.In(time.UTC).IsZero() {
		t.Errorf("absent date: IsZero %v, In = %v; want zero", p.Date.IsZero(), p.Date.In(time.UTC))
	}
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		ok   bool
		want string // In(UTC)
	}{
		{"2024-06-21", true, "2024-06-21T00:00:00Z"},
		{"2024-06-21T09:30:00+08:00", true, "2024-06-21T01:30:00Z"},
		{"2024-06-21 09:30", true, "2024-06-21T09:30:00Z"},
		{"2024/06/21", false, ""},
		{"昨天", false, ""},
		{"", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got, ok := ParseTime(tt.in)
			if ok != tt.ok {
				t.Fatalf("ParseTime(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			}
			if ok && got.In(time.UTC).Format(time.RFC3339) != tt.want {
				t.Errorf("ParseTime(%q).In(UTC) = %s, want %s", tt.in, got.In(time.UTC).Format(time.RFC3339), tt.want)
			}
		})
	}
}

func TestNearest(t *testing.T) {
	t.Parallel()
	keys := []string{"title", "date", "draft", "tags", "weight", "publishDate", "expiryDate", "summary", "slug", "url"}
	tests := []struct {
		in, want string
	}{
		{"dat", "date"},
		{"titel", "title"},
		{"tittle", "title"},
		{"Title", "title"},
		{"tag", "tags"},
		{"publishdate", "publishDate"},
		{"expirydate", "expiryDate"},
		{"sumary", "summary"},
		{"wieght", "weight"},
		{"date", "date"},
		{"author", ""},
		{"colour", ""},
		{"x", ""},
		{"description", ""},
		{"pubDate", ""},
		{"标题", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := Nearest(tt.in, keys); got != tt.want {
				t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDistance(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"date", "date", 0},
		{"dat", "date", 1},
		{"titel", "title", 2},
		{"发展", "发展回顾", 2},
		{"标题", "题标", 2},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := distance(tt.b, tt.a); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestLocateKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want map[string]int
	}{
		{
			name: "plain keys",
			src:  "title = \"a\"\ndate = 2024-06-21\n",
			want: map[string]int{"title": 0, "date": 12},
		},
		{
			name: "indented keys and comments",
			src:  "# title = \"no\"\n  title = \"a\"\n",
			want: map[string]int{"title": 17},
		},
		{
			name: "tables",
			src:  "title = \"a\"\n[event]\nstart = 1\n[params]\nx = 1\n",
			want: map[string]int{"title": 0, "event": 12, "event.start": 20, "params": 30, "params.x": 39},
		},
		{
			name: "dotted keys",
			src:  "event.start = 1\nparams . color = \"red\"\n",
			want: map[string]int{"event.start": 0, "params.color": 16},
		},
		{
			name: "dotted keys inside a table",
			src:  "[params]\nsub.x = 1\n",
			want: map[string]int{"params": 0, "params.sub.x": 9},
		},
		{
			name: "each table of an array has its own index",
			src:  "[[authors]]\nname = \"a\"\n[[authors]]\nname = \"b\"\n",
			want: map[string]int{"authors": 0, "authors[0]": 0, "authors[0].name": 12, "authors[1]": 23, "authors[1].name": 35},
		},
		{
			name: "nested array table",
			src:  "[[menu.main]]\nname = \"首页\"\n",
			want: map[string]int{"menu.main": 0, "menu.main[0]": 0, "menu.main[0].name": 14},
		},
		{
			name: "quoted keys",
			src:  "\"title\" = \"a\"\n'date' = 1\n[\"params\"]\n\"a b\" = 1\n",
			want: map[string]int{"title": 0, "date": 14, "params": 25, "params.a b": 36},
		},
		{
			name: "table header with spaces and a comment",
			src:  "[ event ] # 活动\nstart = 1\n",
			want: map[string]int{"event": 0, "event.start": 19},
		},
		{
			name: "keys after a multi-line basic string",
			src:  "summary = \"\"\"\ndate = 1\n[event]\n\"\"\"\ntitle = \"a\"\n",
			want: map[string]int{"summary": 0, "title": 35},
		},
		{
			name: "keys after a multi-line literal string",
			src:  "summary = '''\ndate = 1\n'''\ntitle = \"a\"\n",
			want: map[string]int{"summary": 0, "title": 27},
		},
		{
			name: "multi-line string closed on its first line",
			src:  "summary = \"\"\"一行\"\"\"\ntitle = \"a\"\n",
			want: map[string]int{"summary": 0, "title": 23},
		},
		{
			name: "multi-line string closed after text",
			src:  "summary = \"\"\"\n第一行\n第二行 = 不是键\"\"\"\ndraft = true\n",
			want: map[string]int{"summary": 0, "draft": 49},
		},
		{
			name: "inline table lines are not keys of the document",
			src:  "authors = [\n  {name = \"a\"},\n]\n",
			want: map[string]int{"authors": 0, "authors[0].name": 15},
		},
		{
			name: "keys of inline tables, nested, in arrays over lines",
			src:  "authors = [{name = \"a, b]\", x = [1, 2]},\n  {name = 'c', affil = \"d\"}, # 注\n]\nevent = {start = 1, loc = {x = 1}}\ntitle = \"t\"\n",
			want: map[string]int{"authors": 0, "authors[0].name": 12, "authors[0].x": 28, "authors[1].name": 44, "authors[1].affil": 56, "event": 78, "event.start": 87, "event.loc": 98, "event.loc.x": 105, "title": 113},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := locateKeys([]byte(tt.src))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("locateKeys = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDecodeAfterMultilineString checks, through Decode, that a key-looking
// line inside """ ... """ does not move the position of the real key.
func TestDecodeAfterMultilineString(t *testing.T) {
	t.Parallel()
	src := "summary = \"\"\"\n见下文\ndraft = 1\n\"\"\"\ntitle = \"a\"\ndraft = \"yes\"\n"
	var p struct {
		Summary string `toml:"summary"`
		Title   string `toml:"title"`
		Draft   bool   `toml:"draft"`
	}
	var l diag.List
	at := func(off int) diag.Pos { return diag.At(file, []byte(src), off) }
	Decode([]byte(src), &p, diag.KindFrontMatter, at, &l)
	want := file + `:6:1: [K07] draft must be true or false; it is "yes"`
	if len(l) != 1 || l[0].String() != want {
		t.Errorf("diagnostics = %v, want %s", l, want)
	}
	if p.Summary != "见下文\ndraft = 1\n" {
		t.Errorf("summary = %q", p.Summary)
	}
}

func TestKeyPos(t *testing.T) {
	t.Parallel()
	src := "title = \"a\"\n[event]\nlocation = \"广州\"\n[[authors]]\nname = \"张三\"\n"
	_, diags, kp := decode(t, src)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %q", diags)
	}
	tests := []struct {
		path string
		want string
	}{
		{"title", file + ":1:1"},
		{"event", file + ":2:1"},
		{"event.location", file + ":3:1"},
		{"event.start", file + ":2:1"}, // not written: its table
		{"authors[0].name", file + ":5:1"},
		{"authors.name", file + ":4:1"}, // no such path: its array
		{"date", file + ":1:1"},         // not written at all: the start
	}
	for _, tt := range tests {
		if got := kp(tt.path).String(); got != tt.want {
			t.Errorf("KeyPos(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
}

func TestDecodeWhatNamesTheDocument(t *testing.T) {
	t.Parallel()
	var c struct {
		Title string `toml:"title"`
	}
	var l diag.List
	src := []byte("titel = \"a\"\n")
	Decode(src, &c, diag.KindConfig, func(off int) diag.Pos { return diag.At("config.toml", src, off) }, &l)
	want := `config.toml:1:1: [K04] unknown key "titel" (did you mean "title"?)`
	if len(l) != 1 || l[0].String() != want || l[0].Kind != diag.KindConfig {
		t.Errorf("diagnostics = %v (kind %s), want %s of kind config", l, l[0].Kind, want)
	}
}

func TestSuggestManyKeys(t *testing.T) {
	t.Parallel()
	known := map[string]int{}
	for i := range 14 {
		known[fmt.Sprintf("key%02d", i)] = i
	}
	got := suggest("zzzzzzzz", known, "").Text(diag.English)
	want := " (the keys allowed here are key00, key01, key02, key03, key04, key05, key06, key07, key08, key09, key10, key11, ...; put your own data under [params])"
	if got != want {
		t.Errorf("suggest = %q, want %q", got, want)
	}
}

func FuzzDecode(f *testing.F) {
	seeds := []string{
		"title = \"技能大赛\"\ndraft = true\nweight = 3\ntags = [\"a\"]\ndate = 2024-06-21\n",
		"[event]\nstart = 2024-07-15T09:00:00+08:00\nlocation = \"广州\"\n",
		"[[authors]]\nname = \"张三\"\n[[authors]]\nname = 3\n",
		"authors = [{name = \"张三\", nmae = \"x\"}]\n",
		"dat = 2024-06-21\ntags = \"a\"\nweight = \"3\"\ndraft = \"yes\"\ndate = \"昨天\"\n",
		"date = 09:30:00\n",
		"summary = \"\"\"\ndate = 1\n\"\"\"\ntitle = \"a\"\n",
		"title = \"a\ndate = 1\n",
		"[params]\nx = [1, {a = 2}]\n[links]\na = \"b\"\n",
		"event = 1\nauthors = [1]\nlinks = [\"x\"]\nparams = 1\n",
		"\"a.b\" = 1\n[\"x.y\"]\nz = 1\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var p page
		var l diag.List
		b := []byte(src)
		kp := Decode(b, &p, diag.KindFrontMatter, func(off int) diag.Pos { return diag.At(file, b, off) }, &l)
		if kp == nil && l.Errors() == 0 {
			t.Errorf("Decode returned no KeyPos and no error")
		}
		for _, d := range l {
			if d.Pos.Line < 1 || d.Pos.Col < 1 || d.Pos.File != file {
				t.Errorf("diagnostic without a position: %v", d)
			}
			if d.Kind != diag.KindFrontMatter || d.Code == "" {
				t.Errorf("diagnostic without the document's kind or a code: %v", d)
			}
		}
		if kp != nil {
			for _, path := range []string{"title", "event.start", "authors.name", "x.y.z"} {
				if pos := kp(path); pos.Line < 1 {
					t.Errorf("KeyPos(%q) = %v", path, pos)
				}
			}
		}
	})
}

// A date TOML refuses gets told what is wrong with it, as an editor would
// put it, before the general form.
func TestDateHint(t *testing.T) {
	t.Parallel()
	for line, want := range map[string][2]string{
		"date = 2024-13-01":           {"月份写成了 13，月份只有 1 到 12", "month 13 does not exist"},
		"date = 2024-00-10":           {"月份写成了 0", "month 0 does not exist"},
		"date = 2023-02-29":           {"2023 年 2 月只有 28 天，没有 29 日", "month 2 of 2023 has 28 days, so day 29 does not exist"},
		"date = 2024-02-30":           {"2024 年 2 月只有 29 天，没有 30 日", "month 2 of 2024 has 29 days, so day 30 does not exist"},
		"date = 2024-04-31":           {"4 月只有 30 天，没有 31 日", "day 31 does not exist"},
		"start = 2024-06-21T25:00":    {"25:00 不是一天中的时间", "25:00 is not a time of day"},
		"start = 2024-06-21T09:60:00": {"09:60 不是一天中的时间", "09:60 is not a time of day"},
		"date = 2024-6-21":            {"", ""},
		"date = 2024-06-21":           {"", ""},
		"date = 二〇二四年":                {"", ""},
	} {
		hint := dateHint(line)
		for i, lang := range []diag.Lang{diag.Chinese, diag.English} {
			got := hint.Text(lang)
			if want[i] == "" && got != "" || !strings.Contains(got, want[i]) {
				t.Errorf("dateHint(%q) in %v = %q, want it to say %q", line, lang, got, want[i])
			}
		}
	}
}

// An item of a list of texts that is not text is said once and left out,
// not kept as an empty text that a later stage reports again (a tag with
// no letter to make its address from).
func TestItemNotTextLeftOut(t *testing.T) {
	t.Parallel()
	p, got, _ := decode(t, "tags = [\"技能展示\", 2024, \"粤菜师傅\", [1]]\n")
	if len(got) != 2 {
		t.Errorf("diagnostics: %q, want one for each of items 2 and 4", got)
	}
	if want := []string{"技能展示", "粤菜师傅"}; !slices.Equal(p.Tags, want) {
		t.Errorf("tags = %q, want %q", p.Tags, want)
	}
}
