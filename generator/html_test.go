package generator_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"folio.dev/folio/generator"
)

// needTool returns the value of env, the path of a tool the test needs.
// Without it the test fails under CI (CI=true) and skips elsewhere, saying
// how to get it.
func needTool(t *testing.T, env, how string) string {
	t.Helper()
	if v := os.Getenv(env); v != "" {
		return v
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not set: %s (.ci/run does this)", env, how)
	}
	t.Skipf("%s is not set: %s", env, how)
	return ""
}

// Every page of the real site is valid HTML for the Nu Html Checker.
func TestHTMLValid(t *testing.T) {
	t.Parallel()
	jar := needTool(t, "VNU_JAR", "npm install vnu-jar and set VNU_JAR to node_modules/vnu-jar/build/dist/vnu.jar")
	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	_, err := generator.Build(context.Background(), generator.Options{Root: os.DirFS(".."), RootDir: "..", Destination: dest, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("java", "-jar", jar, "--skip-non-html", "--errors-only", dest).CombinedOutput()
	if err != nil {
		t.Errorf("the Nu Html Checker found errors (%v):\n%s", err, out)
	}
}
