package publish

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// One build at a time holds a destination; the next takes it once the
// first lets go, and the lock file goes with the lock.
func TestLockDestination(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	first, err := LockDestination(dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := LockDestination(dest); !errors.Is(err, ErrBusy) {
		t.Fatalf("a second lock while the first is held: %v, want ErrBusy", err)
	}
	other, err := LockDestination(filepath.Join(parent, "public2"))
	if err != nil {
		t.Fatalf("another destination in the same folder: %v", err)
	}
	other.Release()
	first.Release()
	first.Release() // twice is harmless
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left beside the destination: %v", entries)
	}
	again, err := LockDestination(dest)
	if err != nil {
		t.Fatalf("after the first let go: %v", err)
	}
	again.Release()
}

// A lock file left by a build that could not remove it (killed) does not
// hold the destination: only a held lock does.
func TestLockDestinationLeftFile(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	if err := os.WriteFile(filepath.Join(parent, ".public.folio-lock"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	l, err := LockDestination(filepath.Join(parent, "public"))
	if err != nil {
		t.Fatalf("a lock file nobody holds: %v", err)
	}
	l.Release()
}

// The folders made to hold the lock file of a destination whose folder
// did not exist are removed with it when nothing was put in them: a build
// that failed leaves nothing behind.
func TestLockDestinationMadeFolders(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	l, err := LockDestination(filepath.Join(parent, "out", "site", "public"))
	if err != nil {
		t.Fatal(err)
	}
	l.Release()
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
	l, err = LockDestination(filepath.Join(parent, "out", "public"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(parent, "out", "public"), 0o755); err != nil { // as a build that committed
		t.Fatal(err)
	}
	l.Release()
	if _, err := os.Stat(filepath.Join(parent, "out", "public")); err != nil {
		t.Errorf("the destination's folder went with the lock: %v", err)
	}
}

// A build killed while it holds the lock (SIGKILL: no deferred function
// runs) does not block the next one: the system lets go of the lock with
// the process. The holder is this test's binary run again.
func TestLockDestinationKilledHolder(t *testing.T) {
	if dest := os.Getenv("FOLIO_TEST_HOLD_LOCK"); dest != "" {
		if _, err := LockDestination(dest); err != nil {
			os.Stdout.WriteString("error: " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("held\n")
		time.Sleep(time.Hour) // until killed
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("no SIGKILL here")
	}
	t.Parallel()
	dest := filepath.Join(t.TempDir(), "public")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockDestinationKilledHolder$")
	cmd.Env = append(os.Environ(), "FOLIO_TEST_HOLD_LOCK="+dest)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, err := bufio.NewReader(out).ReadString('\n'); line != "held\n" {
		t.Fatalf("the holder said %q (%v)", line, err)
	}
	if _, err := LockDestination(dest); !errors.Is(err, ErrBusy) {
		t.Fatalf("while another process holds it: %v, want ErrBusy", err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(filepath.Dir(dest), ".public.folio-lock")); err != nil {
		t.Fatalf("the killed holder's lock file: %v (the test is meant to find it left)", err)
	}
	l, err := LockDestination(dest)
	if err != nil {
		t.Fatalf("after its holder was killed: %v", err)
	}
	l.Release()
}

// A destination named from inside it ("..") is the same destination as
// by its path: one lock, beside it, not inside it.
func TestLockDestinationByAnyName(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(filepath.Join(dest, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(dest, "sub"))
	first, err := LockDestination("..")
	if err != nil {
		t.Fatal(err)
	}
	defer first.Release()
	if _, err := LockDestination(dest); !errors.Is(err, ErrBusy) {
		t.Errorf("the destination by its path while held by \"..\": %v, want ErrBusy", err)
	}
	if entries, _ := os.ReadDir(dest); len(entries) != 1 {
		t.Errorf("inside the destination: %v, want only sub", entries)
	}
}
