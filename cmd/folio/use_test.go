package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// What the commands say about their own use (issue 21): a site folder
// that is not there or has no config.toml, a destination or -o file that
// cannot be written. Each is said in words, naming the absolute path and
// the fix, exits 2, and builds and writes nothing; never the system's text.
func TestCommandsSayWhatIsWrongWithTheirUse(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{
		"config.toml":          "title = \"测试\"\n",
		"content/_index.md":    "+++\ntitle = \"首页\"\n+++\n",
		"content/notices/a.md": "+++\ntitle = \"关于开展培训的通知\"\ndate = 2024-06-21\n+++\n各单位：\n",
	})
	empty := t.TempDir() // a folder without config.toml
	missing := filepath.Join(empty, "stie")
	file := filepath.Join(dir, "config.toml")
	q := regexp.QuoteMeta
	tests := []struct {
		name   string
		args   []string
		stderr string // a regular expression
	}{
		{"build, no such folder", []string{"build", "-s", missing},
			`^folio build: \[U23\] 找不到网站文件夹 ` + q(missing) + `：请检查 --source（-s）后面写的路径，或者进入网站的文件夹再运行 folio build\n$`},
		{"build, no such folder, --lang en", []string{"build", "-s", missing, "--lang", "en"},
			`^folio build: \[U23\] there is no folder ` + q(missing) + `; check the path after --source \(-s\), or run folio build in the site's folder\n$`},
		{"build, a file as the site's folder", []string{"build", "-s", file},
			`^folio build: \[U23\] 找不到网站文件夹 ` + q(file) + `：`},
		{"build, no config.toml", []string{"build", "-s", empty},
			`^folio build: \[U08\] ` + q(empty) + ` 里没有 config.toml，不是网站的文件夹：请在网站的文件夹里运行 folio build，或者用 --source（-s）指定网站的文件夹\n$`},
		{"check, no config.toml", []string{"check", "-s", empty, "--lang", "en"},
			`^folio check: \[U08\] ` + q(empty) + ` has no config.toml, so it is not a site's folder; run folio check in the site's folder, or give it with --source \(-s\)\n$`},
		{"check, no such folder", []string{"check", "-s", missing}, `^folio check: \[U23\] 找不到网站文件夹 ` + q(missing) + `：`},
		{"wechat, no config.toml", []string{"wechat", "content/notices/a.md", "-s", empty}, `^folio wechat: \[U08\] ` + q(empty) + ` 里没有 config.toml`},
		{"new, no such folder", []string{"new", "news", "甲", "-s", missing}, `^folio new: \[U23\] 找不到网站文件夹 ` + q(missing) + `：`},
		{"serve, no such folder", []string{"serve", "-s", missing}, `^folio serve: \[U23\] 找不到网站文件夹 ` + q(missing) + `：.*folio serve\n$`},
		{"destination below a file", []string{"build", "-s", dir, "-d", filepath.Join(file, "public")},
			`^folio build: \[U22\] 目标文件夹 ` + q(filepath.Join(file, "public")) + ` 无法写入：` + q(file) + ` 是一个文件，不是文件夹，里面不能再放文件：请换一个位置\n$`},
		{"destination below a file, --lang en", []string{"build", "-s", dir, "-d", filepath.Join(file, "a", "b"), "--lang", "en"},
			`^folio build: \[U22\] destination ` + q(filepath.Join(file, "a", "b")) + ` cannot be written: ` + q(file) + ` is a file, not a folder, so nothing can be put inside it; choose another place\n$`},
		{"wechat -o a folder", []string{"wechat", "content/notices/a.md", "-s", dir, "-o", empty},
			`^folio wechat: \[U20\] 无法写入 ` + q(empty) + `：` + q(empty) + ` 是一个文件夹：请在 -o 后面写一个文件名，例如 -o wechat.html\n$`},
		{"wechat -o below a file", []string{"wechat", "content/notices/a.md", "-s", dir, "-o", filepath.Join(file, "a.html"), "--lang", "en"},
			`^folio wechat: \[U20\] cannot write ` + q(filepath.Join(file, "a.html")) + `: ` + q(file) + ` is a file, not a folder, so nothing can be put inside it; choose another place\n$`},
	}
	if runtime.GOOS == "linux" {
		// A folder no file can be made in, even by root.
		tests = append(tests, struct {
			name   string
			args   []string
			stderr string
		}{"destination in /proc", []string{"build", "-s", dir, "-d", "/proc/site"},
			`^folio build: \[U22\] 目标文件夹 /proc/site 无法写入：folio 不能在文件夹 /proc 里新建文件：请换一个你能写入的文件夹，或者请电脑的管理员允许你写入这个文件夹\n$`})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr, nil); code != 2 {
				t.Errorf("exit %d, want 2\nstderr: %s", code, stderr.String())
			}
			if !regexp.MustCompile(tt.stderr).MatchString(stderr.String()) {
				t.Errorf("stderr:\n%s\nwant it to match %s", stderr.String(), tt.stderr)
			}
			if stdout.Len() > 0 {
				t.Errorf("printed, though nothing was done:\n%s", stdout.String())
			}
			for _, raw := range []string{"no such file", "not a directory", "is a directory", "open ", "mkdir "} {
				if strings.Contains(stderr.String(), raw) {
					t.Errorf("the system's words reached the editor (%q):\n%s", raw, stderr.String())
				}
			}
		})
	}
	for _, p := range []string{missing, filepath.Join(dir, "public"), filepath.Join(empty, "public")} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s was made", p)
		}
	}
}

// A failed build says the destination is as it was only when there is
// one; a first build that fails says that nothing was published.
func TestFailedBuildNamesOnlyADestinationThatIs(t *testing.T) {
	t.Parallel()
	dir, parent, dest := builtSite(t)
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("+++\n+++\n"), 0o644)
	fresh := filepath.Join(parent, "fresh")
	for _, tt := range []struct {
		dest, lang, want string
	}{
		{dest, "zh-CN", "\nfolio：1 个错误；什么也没写，" + dest + " 保持原样\n"},
		{fresh, "zh-CN", "\nfolio build：1 个错误，网站没有更新\n"},
		{fresh, "en", "\nfolio build: 1 error(s); nothing was published\n"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-s", dir, "-d", tt.dest, "--lang", tt.lang}, &stdout, &stderr, nil); code != 1 {
			t.Errorf("%s: exit %d, want 1: %s", tt.dest, code, stderr.String())
		}
		if !strings.HasSuffix(stderr.String(), tt.want) {
			t.Errorf("%s, %s: stderr does not end %q:\n%s", tt.dest, tt.lang, tt.want, stderr.String())
		}
	}
	if _, err := os.Lstat(fresh); err == nil {
		t.Errorf("the failed build left %s", fresh)
	}
}

// A write that fails halfway is said in words too: here the staging
// folder is replaced by a file while pages are written into it.
func TestWriteFailureInWords(t *testing.T) {
	t.Parallel()
	dir, parent, dest := builtSite(t)
	staging := filepath.Join(parent, ".site.folio-staging")
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("+++\ntitle = \"甲\"\n+++\n正文。\n"), 0o644)
	var once sync.Once
	fault := func(stage, name string) {
		if stage == "write" {
			once.Do(func() {
				os.RemoveAll(staging)
				os.WriteFile(staging, []byte("x"), 0o644)
			})
		}
	}
	var stdout, stderr bytes.Buffer
	code := build([]string{"-s", dir, "-d", dest, "--quiet"}, &stdout, &stderr, nil, fault)
	want := "folio build：" + staging + " 是一个文件，不是文件夹，里面不能再放文件：请换一个位置；" + dest + " 保持原样\n"
	if code != 1 || !strings.HasSuffix(stderr.String(), want) {
		t.Errorf("exit %d, stderr:\n%s\nwant it to end %q", code, stderr.String(), want)
	}
	if _, err := os.Stat(filepath.Join(dest, "a", "index.html")); err == nil {
		t.Error("the failed build published a page")
	}
}

// The home folder as the destination is named as such (U21), not as
// "would replace" itself. (Not parallel: it sets HOME.)
func TestHomeAsDestination(t *testing.T) {
	dir := newSite(t, map[string]string{"config.toml": "title = \"测试\"\n", "content/_index.md": "+++\ntitle = \"首页\"\n+++\n"})
	home := t.TempDir()
	t.Setenv("HOME", home)
	os.WriteFile(filepath.Join(home, "notes.txt"), []byte("x"), 0o644)
	for _, tt := range []struct{ lang, want string }{
		{"zh-CN", "folio build: [U21] 目标文件夹 " + home + " 是你的个人主文件夹：folio 会把整个目标文件夹换成生成的网站，主文件夹里的文件都会不见。请选网站文件夹里的一个文件夹，例如 public\n"},
		{"en", "folio build: [U21] destination " + home + " is your home folder: folio replaces the whole destination with the site it builds, and everything in your home folder would be gone; choose a folder inside the site's folder such as public\n"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build", "-s", dir, "-d", home, "--lang", tt.lang}, &stdout, &stderr, nil); code != 2 || stderr.String() != tt.want {
			t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and\n%s", code, stderr.String(), tt.want)
		}
	}
	if b, err := os.ReadFile(filepath.Join(home, "notes.txt")); err != nil || string(b) != "x" {
		t.Errorf("the home folder changed: %q, %v", b, err)
	}
}

// A flag written wrong is said in the language of the site -s names, when
// --lang does not say otherwise.
func TestFlagMistakeInTheSiteLanguage(t *testing.T) {
	t.Parallel()
	dir := newSite(t, map[string]string{"config.toml": "title = \"Test\"\nlanguageCode = \"en\"\n"})
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "-s", dir, "--bogus"}, "folio build: [U03] unknown option --bogus; folio help lists each command's options\n"},
		{[]string{"check", "--source=" + dir, "--extrenal"}, "folio check: [U03] unknown option --extrenal (did you mean \"--external\"?); folio help lists each command's options\n"},
		{[]string{"build", "-s", dir, "--bogus", "--lang", "zh-CN"}, "folio build: [U03] 没有 --bogus 这个选项。运行 folio help 可以看到每个命令的选项\n"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr, nil); code != 2 || stderr.String() != tt.want {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit 2 and\n%s", tt.args, code, stderr.String(), tt.want)
		}
	}
}
