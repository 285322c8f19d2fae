package changes

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func run(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every way a file can differ from the base counts: committed since, staged,
// edited in the working tree, or new and untracked. Ignored files do not.
func TestSinceSeesEveryKindOfChange(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	for _, f := range []string{"base.toml", "committed.toml", "staged.toml", "edited.toml", ".gitignore"} {
		write(t, filepath.Join(dir, f), "x\n")
	}
	write(t, filepath.Join(dir, ".gitignore"), "ignored.toml\n")
	run(t, dir, "add", ".")
	run(t, dir, "commit", "-qm", "base")
	run(t, dir, "tag", "base")
	write(t, filepath.Join(dir, "committed.toml"), "y\n")
	run(t, dir, "commit", "-qam", "second")
	write(t, filepath.Join(dir, "staged.toml"), "y\n")
	run(t, dir, "add", "staged.toml")
	write(t, filepath.Join(dir, "edited.toml"), "y\n")
	write(t, filepath.Join(dir, "sub", "untracked.toml"), "y\n")
	write(t, filepath.Join(dir, "ignored.toml"), "y\n")

	s, err := Since(dir, "base")
	if err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]bool{
		"committed.toml": true, "staged.toml": true, "edited.toml": true, "sub/untracked.toml": true,
		"base.toml": false, "ignored.toml": false,
	} {
		if got := s.Has(filepath.Join(dir, f)); got != want {
			t.Errorf("Has(%s) = %v, want %v", f, got, want)
		}
	}
	head, err := Since(dir, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if head.Has(filepath.Join(dir, "committed.toml")) {
		t.Error("a file committed before HEAD counts as changed since HEAD")
	}
}

func TestSinceOutsideACheckoutOrWithABadRevision(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	if _, err := Since(t.TempDir(), "HEAD"); err == nil {
		t.Error("no error outside a git checkout")
	}
	dir := t.TempDir()
	run(t, dir, "init", "-q")
	if _, err := Since(dir, "no-such-branch"); err == nil {
		t.Error("no error for an unknown revision")
	}
}
