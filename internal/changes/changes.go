// Package changes asks git which files a change touched, so that CI can
// judge only what a pull request brought in.
package changes

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Set is the files changed since a revision, as absolute, cleaned paths.
type Set struct {
	files map[string]bool
}

// Since lists the files under dir's git checkout that differ from rev:
// committed since rev, staged, changed in the working tree, or untracked
// (and not ignored). rev is any revision git understands (HEAD, main,
// origin/main, a commit hash).
func Since(dir, rev string) (*Set, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--changed-since needs a git checkout, and %s is not inside one: %w", dir, err)
	}
	root := strings.TrimSpace(string(top))
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--changed-since %s: git does not know that revision; give a branch, tag or commit (for a pull request, the base branch such as origin/main)", rev)
	}
	set := &Set{files: map[string]bool{}}
	// diff against rev covers commits since rev, the index and the working
	// tree in one go; untracked files need their own listing.
	for _, args := range [][]string{
		{"diff", "--name-only", "-z", "--no-renames", rev},
		{"ls-files", "--others", "--exclude-standard", "-z"},
	} {
		out, err := git(root, args...)
		if err != nil {
			return nil, fmt.Errorf("--changed-since: git %s failed: %w", args[0], err)
		}
		for _, name := range bytes.Split(out, []byte{0}) {
			if len(name) > 0 {
				set.files[filepath.Join(root, string(name))] = true
			}
		}
	}
	return set, nil
}

// Has reports whether file (relative to the working directory, or
// absolute) is among the changed files.
func (s *Set) Has(file string) bool {
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	if s.files[abs] {
		return true
	}
	// git reports paths through the real checkout; the user may have
	// reached it through a symlink.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return s.files[real]
	}
	return false
}

// Len is how many files changed.
func (s *Set) Len() int { return len(s.files) }

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && stderr.Len() > 0 {
			return nil, errors.New(strings.TrimSpace(stderr.String()))
		}
		return nil, err
	}
	return out, nil
}
