package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"

	"folio.dev/folio/generator/config"
	"folio.dev/folio/generator/diag"
	"folio.dev/folio/generator/markup"
)

// newCommand is folio new KIND TITLE: it writes a new page from the
// archetype of its kind (the site's archetypes/KIND.md, else the theme's),
// as a draft dated today in the site's time zone, and never overwrites.
func newCommand(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("folio new", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	var src, section string
	fset.StringVar(&src, "source", ".", "")
	fset.StringVar(&src, "s", ".", "")
	fset.StringVar(&section, "section", "", "")
	// Flags may come before or after KIND TITLE.
	var rest []string
	for len(args) > 0 {
		if err := fset.Parse(args); err != nil {
			fmt.Fprintf(stderr, "folio new: %v\n\n%s", err, usage)
			return 2
		}
		if fset.NArg() == 0 {
			break
		}
		rest = append(rest, fset.Arg(0))
		args = fset.Args()[1:]
	}
	if len(rest) < 1 || len(rest) > 2 || (len(rest) == 1 && rest[0] != "issue") {
		fmt.Fprintf(stderr, "folio new: write folio new KIND \"TITLE\", KIND being notice, news, event, issue or article\n")
		return 2
	}
	kind, title := rest[0], ""
	if len(rest) == 2 {
		title = rest[1]
	}
	if section != "" {
		clean, err := sectionFolder(section)
		if err != nil {
			fmt.Fprintf(stderr, "folio new: %v\n", err)
			return 2
		}
		section = clean
	}
	var l diag.List
	cfg := config.Load(os.DirFS(src), "config.toml", &l)
	if l.Errors() > 0 {
		l.Print(stderr, 10)
		return 1
	}
	file, err := newPage(src, cfg, kind, title, section, time.Now().In(cfg.Location))
	if err != nil {
		fmt.Fprintf(stderr, "folio new: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, file)
	return 0
}

// sectionFolder checks the --section flag: a folder below content/, given
// relative to it ("news", "news/policy"), which folio new writes into. A
// path that is absolute or that leads out of content/ ("../x", "a/../../x")
// is refused, so that folio new never writes outside the site's content;
// so is one that names content/ itself. It returns the path cleaned.
func sectionFolder(section string) (string, error) {
	clean := filepath.Clean(filepath.FromSlash(section))
	if strings.ContainsRune(section, 0) || !filepath.IsLocal(clean) || clean == "." || filepath.IsAbs(section) || strings.HasPrefix(section, "/") {
		return "", fmt.Errorf("--section %q is not a section: give the name of a folder inside content/, such as news or notices", section)
	}
	return clean, nil
}

// newPage writes the page and returns its path.
func newPage(dir string, cfg *config.Config, kind, title, section string, now time.Time) (string, error) {
	year := now.Format("2006")
	data := struct {
		Title, Date  string
		Year, Number int
	}{Title: title, Date: now.Format("2006-01-02"), Year: now.Year()}
	var rel string
	switch kind {
	case "notice", "news":
		if section == "" {
			section = map[string]string{"notice": "notices", "news": "news"}[kind]
		}
		rel = filepath.Join("content", section, year, fileName(dir, filepath.Join("content", section, year), title, now))
	case "event":
		rel = filepath.Join("content", cfg.Events.Section, fileName(dir, filepath.Join("content", cfg.Events.Section), title, now))
	case "issue":
		numbers := issueNumbers(filepath.Join(dir, "content", cfg.Journal.Section, year))
		data.Number = 1
		if len(numbers) > 0 {
			data.Number = numbers[len(numbers)-1] + 1
		}
		rel = filepath.Join("content", cfg.Journal.Section, year, strconv.Itoa(data.Number), "_index.md")
	case "article":
		issue, err := latestIssue(dir, filepath.Join("content", cfg.Journal.Section))
		if err != nil {
			return "", err
		}
		rel = filepath.Join(issue, fileName(dir, issue, title, now))
	default:
		return "", fmt.Errorf("unknown kind %q; write notice, news, event, issue or article", kind)
	}
	archetype, err := readArchetype(dir, cfg.Theme, kind)
	if err != nil {
		return "", err
	}
	t, err := template.New(kind).Funcs(template.FuncMap{"quote": strconv.Quote}).Parse(archetype)
	if err != nil {
		return "", fmt.Errorf("archetype %s.md: %v", kind, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return "", fmt.Errorf("archetype %s.md: %v", kind, err)
	}
	path := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; folio new never overwrites a file: give another title, or edit that file", path)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// readArchetype reads archetypes/KIND.md of the site, else of the theme.
func readArchetype(dir, theme, kind string) (string, error) {
	for _, p := range []string{filepath.Join(dir, "archetypes", kind+".md"), filepath.Join(dir, "themes", theme, "archetypes", kind+".md")} {
		if b, err := os.ReadFile(p); err == nil {
			return string(b), nil
		}
	}
	return "", fmt.Errorf("no archetype for %s: neither archetypes/%s.md nor themes/%s/archetypes/%s.md exists", kind, kind, theme, kind)
}

// fileName makes a file name from the title that is safe in URLs: its
// Latin words and digits, or else the date (2024-06-21.md, 2024-06-21-2.md)
// for a title in Chinese only, so that the page's URL stays plain ASCII.
func fileName(dir, folder, title string, now time.Time) string {
	var ascii strings.Builder
	for _, r := range title {
		if r < 128 {
			ascii.WriteRune(r)
		} else {
			ascii.WriteRune(' ')
		}
	}
	base := markup.Slug(ascii.String())
	if base == "section" || len(base) < 3 {
		base = now.Format("2006-01-02")
	}
	name := base + ".md"
	for i := 2; ; i++ {
		// Any error but "exists" ends the search: opening the file then
		// says what is wrong, where asking again would never end.
		if _, err := os.Lstat(filepath.Join(dir, folder, name)); err != nil {
			return name
		}
		name = fmt.Sprintf("%s-%d.md", base, i)
	}
}

// issueNumbers lists the numbered issue folders of a year, ascending.
func issueNumbers(yearDir string) []int {
	entries, _ := os.ReadDir(yearDir)
	var out []int
	for _, e := range entries {
		if n, err := strconv.Atoi(e.Name()); err == nil && e.IsDir() {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// latestIssue finds the newest issue's folder, relative to dir: the highest
// number of the latest year.
func latestIssue(dir, journal string) (string, error) {
	years := issueNumbers(filepath.Join(dir, journal))
	for i := len(years) - 1; i >= 0; i-- {
		year := filepath.Join(journal, strconv.Itoa(years[i]))
		if numbers := issueNumbers(filepath.Join(dir, year)); len(numbers) > 0 {
			return filepath.Join(year, strconv.Itoa(numbers[len(numbers)-1])), nil
		}
	}
	return "", fmt.Errorf("there is no journal issue yet in %s; create one first with folio new issue", journal)
}
