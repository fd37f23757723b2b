// Command workflow runs the run: steps of a GitHub Actions workflow here,
// in order, as GitHub's runner would: each in bash -eo pipefail, in a clean
// environment (only the variables given, and GitHub's own: CI,
// GITHUB_ACTIONS, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_ENV, ...), with
// the workflow's, job's and step's env: and ${{ }} expressions filled in.
// Steps that use an action are skipped; their outputs can be given with
// -output (as configure-pages gives the Pages address). It stops at the
// first step that fails, and exits 1, as a job does.
//
//	go run . -workflow ../../.github/workflows/publish.yml -dir CLONE -path BIN \
//	  -env HOME=/tmp/h -set github.event_name=push -output pages.base_url=https://x.github.io/folio
//
// Every job runs, in the order of the file (a job's needs must come before
// it). An expression it does not know is an error, so that the check never
// passes by running something other than what GitHub would.
//
// It is a module of its own so that folio's go.mod does not carry a YAML
// library for CI's sake.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

type workflow struct {
	Env  map[string]string `yaml:"env"`
	Jobs yaml.Node         `yaml:"jobs"` // a node, to keep the jobs' order
}

type job struct {
	Needs    any               `yaml:"needs"`
	Env      map[string]string `yaml:"env"`
	Defaults any               `yaml:"defaults"`
	Steps    []step            `yaml:"steps"`
}

type step struct {
	ID               string            `yaml:"id"`
	Name             string            `yaml:"name"`
	Uses             string            `yaml:"uses"`
	Run              string            `yaml:"run"`
	Env              map[string]string `yaml:"env"`
	If               string            `yaml:"if"`
	Shell            string            `yaml:"shell"`
	WorkingDirectory string            `yaml:"working-directory"`
}

// list is a flag that may be given many times.
type list []string

func (l *list) String() string     { return strings.Join(*l, " ") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var file, dir, path, summary string
	var envs, sets, outputs list
	flag.StringVar(&file, "workflow", "", "the workflow file")
	flag.StringVar(&dir, "dir", ".", "the checkout the steps run in (GITHUB_WORKSPACE)")
	flag.StringVar(&path, "path", "", "PATH for the steps")
	flag.StringVar(&summary, "summary", "", "the file to write the job's summary to (the steps' summaries one after the other)")
	flag.Var(&envs, "env", "NAME=VALUE in every step's environment (repeatable)")
	flag.Var(&sets, "set", "CONTEXT.NAME=VALUE, the value of ${{ CONTEXT.NAME }} (repeatable)")
	flag.Var(&outputs, "output", "STEP.NAME=VALUE, an output of a step that uses an action (repeatable)")
	flag.Parse()
	if err := run(file, dir, path, summary, envs, sets, outputs); err != nil {
		fmt.Fprintln(os.Stderr, "workflow:", err)
		os.Exit(1)
	}
}

func run(file, dir, path, summaryFile string, envs, sets, outputs list) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var wf workflow
	if err := yaml.Unmarshal(b, &wf); err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return err
	}
	temp, err := os.MkdirTemp("", "runner-temp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(temp)

	values := map[string]string{"runner.temp": temp, "github.workspace": dir}
	for _, s := range sets {
		k, v, _ := strings.Cut(s, "=")
		values[k] = v
	}
	for _, s := range outputs {
		k, v, _ := strings.Cut(s, "=")
		id, name, _ := strings.Cut(k, ".")
		values["steps."+id+".outputs."+name] = v
	}
	base := []string{"PATH=" + path, "CI=true", "GITHUB_ACTIONS=true", "GITHUB_WORKSPACE=" + dir, "RUNNER_TEMP=" + temp}
	for _, k := range []string{"event_name", "sha", "ref"} {
		if v, ok := values["github."+k]; ok {
			base = append(base, "GITHUB_"+strings.ToUpper(k)+"="+v)
		}
	}
	base = append(base, envs...)
	summary := io.Discard
	if summaryFile != "" {
		f, err := os.Create(summaryFile)
		if err != nil {
			return err
		}
		defer f.Close()
		summary = f
	}

	jobs := wf.Jobs.Content
	var done []string
	for i := 0; i+1 < len(jobs); i += 2 {
		name := jobs[i].Value
		var j job
		if err := jobs[i+1].Decode(&j); err != nil {
			return fmt.Errorf("job %s: %v", name, err)
		}
		for _, need := range needs(j.Needs) {
			if !slices.Contains(done, need) {
				return fmt.Errorf("job %s needs %s, which does not come before it", name, need)
			}
		}
		if j.Defaults != nil {
			return fmt.Errorf("job %s: defaults: are not supported here", name)
		}
		jobEnv, err := expandEnv(j.Env, values, wf.Env)
		if err != nil {
			return fmt.Errorf("job %s: %v", name, err)
		}
		jobBase := slices.Clone(base) // what a step puts in GITHUB_ENV lasts until the job's end
		for n, s := range j.Steps {
			if err := runStep(name, n, s, dir, &jobBase, jobEnv, values, temp, summary); err != nil {
				return err
			}
		}
		done = append(done, name)
	}
	return nil
}

// runStep runs step n of a job. Variables it writes to GITHUB_ENV are
// added to base, for the steps after it.
func runStep(jobName string, n int, s step, dir string, base *[]string, jobEnv []string, values map[string]string, temp string, summary io.Writer) error {
	title := s.Name
	if title == "" {
		title = strings.TrimSpace(strings.SplitN(s.Run+s.Uses, "\n", 2)[0])
	}
	where := fmt.Sprintf("job %s, step %d (%s)", jobName, n+1, title)
	if s.Uses != "" {
		fmt.Printf("== %s: skipped (uses %s)\n", where, s.Uses)
		return nil
	}
	if s.If != "" {
		return fmt.Errorf("%s: if: on a run: step is not supported here; decide inside the step", where)
	}
	if s.Shell != "" && s.Shell != "bash" {
		return fmt.Errorf("%s: shell %q is not supported here", where, s.Shell)
	}
	script, err := expand(s.Run, values)
	if err != nil {
		return fmt.Errorf("%s: %v", where, err)
	}
	stepEnv, err := expandEnv(s.Env, values, nil)
	if err != nil {
		return fmt.Errorf("%s: %v", where, err)
	}
	files := map[string]string{}
	for _, k := range []string{"GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV"} {
		files[k] = filepath.Join(temp, fmt.Sprintf("%s-%s-%d", k, jobName, n))
		if err := os.WriteFile(files[k], nil, 0o644); err != nil {
			return err
		}
	}
	scriptFile := filepath.Join(temp, fmt.Sprintf("step-%s-%d.sh", jobName, n))
	if err := os.WriteFile(scriptFile, []byte(script), 0o644); err != nil {
		return err
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", scriptFile)
	cmd.Dir = dir
	if s.WorkingDirectory != "" {
		cmd.Dir = filepath.Join(dir, s.WorkingDirectory)
	}
	cmd.Env = append(append(append([]string{}, *base...), jobEnv...), stepEnv...)
	for k, f := range files {
		cmd.Env = append(cmd.Env, k+"="+f)
	}
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	fmt.Printf("== %s\n", where)
	start := time.Now()
	runErr := cmd.Run()
	fmt.Printf("== %s: %s\n", where, time.Since(start).Round(time.Millisecond))

	// What the step wrote for GitHub: its summary, its outputs for later
	// steps' expressions, and variables for later steps' environments.
	if b, err := os.ReadFile(files["GITHUB_STEP_SUMMARY"]); err == nil {
		summary.Write(b)
	}
	if runErr != nil {
		return fmt.Errorf("%s failed: %v", where, runErr)
	}
	outs, err := readVars(files["GITHUB_OUTPUT"])
	if err != nil {
		return fmt.Errorf("%s: GITHUB_OUTPUT: %v", where, err)
	}
	for _, kv := range outs {
		k, v, _ := strings.Cut(kv, "=")
		if s.ID != "" {
			values["steps."+s.ID+".outputs."+k] = v
		}
	}
	vars, err := readVars(files["GITHUB_ENV"])
	if err != nil {
		return fmt.Errorf("%s: GITHUB_ENV: %v", where, err)
	}
	*base = append(*base, vars...)
	return nil
}

// readVars reads a GITHUB_OUTPUT or GITHUB_ENV file: NAME=VALUE lines, or
// NAME<<DELIMITER, lines, DELIMITER.
func readVars(file string) ([]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var vars []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var lines []string
			closed := false
			for sc.Scan() {
				if sc.Text() == delim {
					closed = true
					break
				}
				lines = append(lines, sc.Text())
			}
			if !closed {
				return nil, fmt.Errorf("%s: no closing %s", name, delim)
			}
			vars = append(vars, name+"="+strings.Join(lines, "\n"))
			continue
		}
		if line != "" {
			if !strings.Contains(line, "=") {
				return nil, fmt.Errorf("%q is not NAME=VALUE", line)
			}
			vars = append(vars, line)
		}
	}
	return vars, sc.Err()
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// expand fills in ${{ NAME }} from values; any other expression is an
// error.
func expand(s string, values map[string]string) (string, error) {
	var err error
	out := expression.ReplaceAllStringFunc(s, func(m string) string {
		name := expression.FindStringSubmatch(m)[1]
		v, ok := values[name]
		if !ok && err == nil {
			err = fmt.Errorf("no value for ${{ %s }}: give it with -set or -output", name)
		}
		return v
	})
	return out, err
}

// expandEnv is an env: mapping as NAME=VALUE, sorted, after the outer ones.
func expandEnv(env map[string]string, values map[string]string, outer map[string]string) ([]string, error) {
	var out []string
	for _, m := range []map[string]string{outer, env} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			v, err := expand(m[k], values)
			if err != nil {
				return nil, fmt.Errorf("env %s: %v", k, err)
			}
			out = append(out, k+"="+v)
		}
	}
	return out, nil
}

func needs(v any) []string {
	switch n := v.(type) {
	case string:
		return []string{n}
	case []any:
		var out []string
		for _, x := range n {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return nil
}
