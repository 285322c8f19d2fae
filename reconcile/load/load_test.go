package load

import (
	"encoding/base64"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// corpus builds a claims directory from testdata/<name>.txtar on top of
// the vocabulary and texts of testdata/good, so each fixture holds only
// what its error family needs. Files named *.symlink become symbolic
// links to their content, *.b64 files are decoded; a file outside.txt is
// put next to (outside) the corpus for escape tests.
func corpus(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "claims")
	for _, sub := range []string{"vocabulary", "texts"} {
		copyDir(t, filepath.Join("testdata", "good", sub), filepath.Join(dir, sub))
	}
	if err := os.WriteFile(filepath.Join(tmp, "outside.txt"), []byte("killed nearly 100 people\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range parseArchive(data) {
		path := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.HasSuffix(path, ".symlink"):
			err = os.Symlink(strings.TrimSpace(string(f.data)), strings.TrimSuffix(path, ".symlink"))
		case strings.HasSuffix(path, ".b64"):
			var data []byte
			data, err = base64.StdEncoding.DecodeString(strings.ReplaceAll(string(f.data), "\n", ""))
			if err == nil {
				err = os.WriteFile(strings.TrimSuffix(path, ".b64"), data, 0o644)
			}
		default:
			err = os.WriteFile(path, f.data, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

type archiveFile struct {
	name string
	data []byte
}

// parseArchive reads the txtar format: a comment, then files each
// introduced by a line "-- name --". (go-internal's txtar would pull its
// module's dependencies into go.mod for twenty lines of code.)
func parseArchive(data []byte) []archiveFile {
	var files []archiveFile
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			files = append(files, archiveFile{name: strings.TrimSpace(trimmed[3 : len(trimmed)-3])})
			continue
		}
		if len(files) > 0 {
			f := &files[len(files)-1]
			f.data = append(f.data, line...)
		}
	}
	return files
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// render writes problems one a line, with the corpus directory shown as
// $CORPUS so that golden files do not depend on where the test ran.
func render(ps []reconcile.Problem, dir string) []string {
	var out []string
	for _, p := range ps {
		out = append(out, strings.ReplaceAll(p.String(), dir, "$CORPUS"))
	}
	return out
}

// golden compares got with testdata/<name>.golden, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	want := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(want) == 1 && want[0] == "" {
		want = nil
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems differ from %s (-want +got):\n%s", path, diff)
	}
}

// errorFamilies are the fixtures testdata/<name>.txtar, one kind of
// mistake each, with the problems each must give in <name>.golden.
var errorFamilies = []string{
	"misspelt-key", "syntax", "escape", "bad-bytes", "wrong-types", "missing-keys",
	"unknown-ids", "duplicates", "quotes", "cycle", "settings", "verdicts",
}

func TestErrorFamilies(t *testing.T) {
	for _, name := range errorFamilies {
		t.Run(name, func(t *testing.T) {
			dir := corpus(t, name)
			l, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			golden(t, name, render(l.Problems, dir))
		})
	}
}
