package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the bundled corpus (then read the diff before committing)")

// bundled is the corpus shipped in the repository, as named from the
// repository root: tests that use it chdir there first (atRoot), so paths
// in the output read as they do for a user running crosscheck there.
const bundled = "claims"

func atRoot(t *testing.T) {
	t.Helper()
	t.Chdir("../..")
}

// crosscheck runs the command in-process and returns its output and status.
func crosscheck(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// TestGolden pins what the bundled corpus reports, so any change in
// loading, reading or reconciling shows up as a reviewable diff. Regenerate
// on purpose with: go test ./cmd/crosscheck -run TestGolden -update
func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"report.json", []string{"report", "--format", "json", bundled}},
		{"report.txt", []string{"report", bundled}},
		{"lint.json", []string{"lint", "--format", "json", bundled}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			path, err := filepath.Abs(filepath.Join("testdata", "golden", tc.golden))
			if err != nil {
				t.Fatal(err)
			}
			atRoot(t)
			got, stderr, code := crosscheck(t, tc.args...)
			if code != exitOK {
				t.Fatalf("crosscheck %s: status %d, stderr:\n%s", strings.Join(tc.args, " "), code, stderr)
			}
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
				t.Errorf("crosscheck %s differs from %s (-want +got):\n%s", strings.Join(tc.args, " "), path, diff)
			}
		})
	}
}

// TestBundledCorpusLintsClean is the promise the repository makes: the
// corpus it ships is complete, checked, and mostly verified against archived
// texts.
func TestBundledCorpusLintsClean(t *testing.T) {
	atRoot(t)
	stdout, stderr, code := crosscheck(t, "lint", "--format", "json", bundled)
	if code != exitOK {
		t.Fatalf("lint status %d, want 0\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	var got struct {
		Sources, Claims, Verified, Unverified int
		Problems                              []json.RawMessage
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Sources < 6 || got.Claims < 60 || got.Verified < 55 {
		t.Errorf("bundled corpus has %d sources, %d claims, %d verified; want at least 6, 60, 55",
			got.Sources, got.Claims, got.Verified)
	}
}

func TestReportIsByteIdenticalAcrossRuns(t *testing.T) {
	atRoot(t)
	first, _, code := crosscheck(t, "report", "--format", "json", bundled)
	if code != exitOK {
		t.Fatalf("report status %d", code)
	}
	for range 3 {
		if again, _, _ := crosscheck(t, "report", "--format", "json", bundled); again != first {
			t.Fatal("two runs of report --format json on the same corpus differ")
		}
	}
}
