package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoadSource writes arbitrary bytes as one source file of an otherwise
// good corpus: whatever they are, Load must return, with every problem
// placed in a file, and without the safety net in parseFile having had to
// catch a panic.
//
// Run it with -fuzzminimizetime 1x: map iteration and the worker pool make
// coverage vary from run to run, and the default minute spent minimising
// each input that seemed new leaves the fuzzer idle most of the time.
//
//	go test ./reconcile/load -run '^$' -fuzz FuzzLoadSource -fuzztime 30s -fuzzminimizetime 1x
func FuzzLoadSource(f *testing.F) {
	for _, seed := range []string{
		"testdata/good/sources/aei.toml",
		"testdata/good/sources/irna-2024-01-04.toml",
		"testdata/good/vocabulary/vocabulary.toml",
		"testdata/good/crosscheck.toml",
	} {
		data, err := os.ReadFile(seed)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, name := range []string{"misspelt-key", "wrong-types", "unknown-ids", "quotes", "settings", "cycle"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".txtar"))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range parseArchive(data) {
			f.Add(file.data)
		}
	}
	f.Add([]byte("[source]\ntitle = \"\"\"\n[[claim]]\n\"\"\"\npublished = 2024-01-01\ntext = \"../texts/aei.txt\"\n[[claim]]\nevent = \"kerman-bombing-2024\"\nproperty = \"place\"\nvalue = \"and, or & and\"\nquote = \"\\u00a0\"\n"))

	dir := filepath.Join(f.TempDir(), "claims")
	for _, sub := range []string{"vocabulary", "texts"} {
		copyDirF(f, filepath.Join("testdata", "good", sub), filepath.Join(dir, sub))
	}
	src := filepath.Join(dir, "sources", "fuzz.toml")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(src, data, 0o644); err != nil {
			t.Fatal(err)
		}
		l, err := Load(dir)
		if err != nil {
			t.Fatalf("Load: %v", err)
		}
		for _, p := range l.Problems {
			if p.File == "" || p.Line < 0 || p.Col < 0 || p.Message == "" {
				t.Errorf("badly placed problem: %#v", p)
			}
			if strings.Contains(p.Message, "crosscheck failed on this file") {
				t.Errorf("panic caught: %s", p.Message)
			}
		}
	})
}

func copyDirF(f *testing.F, from, to string) {
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
		f.Fatal(err)
	}
}
