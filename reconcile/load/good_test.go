package load

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
)

func TestGoodCorpus(t *testing.T) {
	l, err := Load("testdata/good")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Problems) != 0 {
		t.Fatalf("problems in the good corpus:\n%s", strings.Join(render(l.Problems, ""), "\n"))
	}
	type row struct {
		Pos        string
		ID, Source string
		Value      string
		Authority  string
		AsOf       string
		Verified   bool
		Terms      []string
		Range      string
	}
	var got []row
	for _, c := range l.Claims {
		r := row{Pos: c.Pos.String(), ID: c.ID, Source: c.Source, Value: c.Value, Authority: c.Authority,
			AsOf: reconcile.FormatDays(c.AsOf), Verified: c.Verified, Terms: c.Reading.Terms}
		if c.Reading.Kind == reconcile.Count {
			r.Range = c.Reading.Range.String()
		}
		got = append(got, r)
	}
	// Positions are relative to the directory as given, as a user
	// would type them; claims are in file, then line order.
	want := []row{
		{"testdata/good/sources/aei.toml:12:1", "aei#1", "aei", "nearly 100", "source:aei", "10 Jan 2024", true, nil, "[90, 99]"},
		{"testdata/good/sources/aei.toml:18:1", "aei-method", "aei", "suicide bombings", "source:aei", "10 Jan 2024", true, []string{"category:method/suicide-bombing"}, ""},
		{"testdata/good/sources/aei.toml:26:1", "aei#3", "aei", "Islamic State's Khorasan branch", "source:aei", "10 Jan 2024", true, []string{"org:is-k"}, ""},
		{"testdata/good/sources/aei.toml:33:1", "aei#4", "aei", "Tajiks", "officials", "10 Jan 2024", true, []string{"nationality:tajik"}, ""},
		{"testdata/good/sources/aei.toml:41:1", "aei#5", "aei", "Kerman, Iran", "source:aei", "10 Jan 2024", true, []string{"place:kerman"}, ""},
		{"testdata/good/sources/irna-2024-01-04.toml:7:1", "irna#1", "irna", "84", "org:irna", "4 Jan 2024", false, nil, "84"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claims (-want +got):\n%s", diff)
	}
	if l.ClaimCount != 6 || l.Unverified != 1 {
		t.Errorf("ClaimCount = %d, Unverified = %d; want 6, 1", l.ClaimCount, l.Unverified)
	}
	if l.Options.Approx != 0.10 || l.Publisher != (Publisher{"Example Checks", "https://checks.example.org"}) {
		t.Errorf("settings: %+v %+v", l.Options, l.Publisher)
	}
	wantSources := []reconcile.Source{{
		ID: "aei", Title: "Why the Islamic State Bombing in Iran Should Have Western Leaders Worried", Outlet: "AEI",
		Authors: []string{"Jane Doe", "John Roe"}, URL: "https://www.aei.org/example", Published: "2024-01-10",
		PublishedDays: day(2024, 1, 10), Kind: "analysis", Language: "en", Text: "texts/aei.txt",
		File: "sources/aei.toml", Pos: reconcile.Pos{File: "testdata/good/sources/aei.toml", Line: 2, Col: 1},
	}, {
		ID: "irna", Title: "Death toll of Kerman terrorist attack", Outlet: "IRNA", Published: "2024-01-04",
		PublishedDays: day(2024, 1, 4), File: "sources/irna-2024-01-04.toml",
		Pos: reconcile.Pos{File: "testdata/good/sources/irna-2024-01-04.toml", Line: 1, Col: 1},
	}}
	if diff := cmp.Diff(wantSources, l.Sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	if e := l.Events["kerman-bombing-2024"]; e.Place != "place:kerman" || e.Date != "2024-01-03" {
		t.Errorf("event = %+v", e)
	}
	if p := l.Properties["deaths"]; p.Kind != reconcile.Count || !p.Cumulative {
		t.Errorf("deaths = %+v", p)
	}
	if !l.Hierarchy.Within("place:kerman", "country:IR") {
		t.Error("Kerman is not within Iran")
	}
}

func day(y, m, d int) reconcile.Range {
	n := reconcile.DayOf(y, time.Month(m), d)
	return reconcile.Range{Min: n, Max: n}
}

// TestDeterministic loads the same corpus with one worker and with many:
// output must not depend on which file was read first.
func TestDeterministic(t *testing.T) {
	dirs := []string{"testdata/good", corpus(t, "duplicates"), corpus(t, "unknown-ids")}
	for _, dir := range dirs {
		prev := runtime.GOMAXPROCS(1)
		one, err := Load(dir)
		runtime.GOMAXPROCS(max(prev, 8))
		many, err2 := Load(dir)
		runtime.GOMAXPROCS(prev)
		if err != nil || err2 != nil {
			t.Fatal(err, err2)
		}
		ignore := cmp.Comparer(func(a, b reconcile.Hierarchy) bool { return true })
		if diff := cmp.Diff(one.Corpus, many.Corpus, ignore); diff != "" {
			t.Errorf("%s: one worker vs many (-one +many):\n%s", dir, diff)
		}
	}
}

func TestEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"$CORPUS:0:0: error: no .toml files in $CORPUS; a corpus needs source files with [source] and [[claim]] tables (see docs/format.md), or give the right directory"}
	if diff := cmp.Diff(want, render(l.Problems, dir)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	if err := os.WriteFile(filepath.Join(dir, SettingsFile), []byte("[reading]\napproximation = 0.2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err = Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want = []string{"$CORPUS:0:0: error: no source files in $CORPUS: none of its .toml files has a [source] table; add one per article (see docs/format.md)"}
	if diff := cmp.Diff(want, render(l.Problems, dir)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if l.Options.Approx != 0.2 {
		t.Errorf("approximation = %v", l.Options.Approx)
	}
}

func TestCannotRun(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("no error for a missing directory")
	}
	f := filepath.Join(t.TempDir(), "file.toml")
	os.WriteFile(f, nil, 0o644)
	if _, err := Load(f); err == nil {
		t.Error("no error for a file")
	}
}

func TestUnreadableAndSpecialFiles(t *testing.T) {
	dir := corpus(t, "escape")
	// A named pipe would block a naive reader for ever.
	if err := mkfifo(filepath.Join(dir, "sources", "pipe.toml")); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := os.Symlink("loop.toml", filepath.Join(dir, "sources", "loop.toml")); err != nil {
		t.Fatal(err)
	}
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range render(l.Problems, dir) {
		if strings.Contains(line, "pipe.toml") || strings.Contains(line, "loop.toml") {
			got = append(got, line)
		}
	}
	want := []string{
		"$CORPUS/sources/loop.toml:0:0: error: cannot read file: too many levels of symbolic links; fix its permissions or remove it",
		"$CORPUS/sources/pipe.toml:0:0: error: cannot read file: not a regular file; fix its permissions or remove it",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
