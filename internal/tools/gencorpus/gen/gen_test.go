package gen

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/load"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
)

func small(t *testing.T, sources int, workers int) (string, stats) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	st, err := generate(config{sources: sources, claimsPerSource: 10, events: sources / 4, seed: 7, out: dir, workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	return dir, st
}

// tree maps each file's path relative to dir to its bytes.
func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The same flags write the same bytes, whatever the number of writers.
func TestDeterministic(t *testing.T) {
	a, _ := small(t, 1200, 1)
	b, _ := small(t, 1200, 9)
	ta, tb := tree(t, a), tree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files, then %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Fatalf("%s differs between two runs with the same flags", name)
		}
	}
	for _, want := range []string{"crosscheck.toml", "vocabulary/events-001.toml", "vocabulary/places.toml", "sources/0001/s001199.toml"} {
		if ta[want] == nil {
			t.Errorf("no %s", want)
		}
	}

	// Another seed is another corpus.
	c := filepath.Join(t.TempDir(), "corpus")
	if _, err := generate(config{sources: 5, claimsPerSource: 10, events: 300, seed: 8, out: c}); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(ta["sources/0000/s000000.toml"], tree(t, c)["sources/0000/s000000.toml"]) {
		t.Error("seeds 7 and 8 wrote the same first source")
	}
}

type sourceFile struct {
	Source struct {
		Title     string
		Published any
		Text      string
	}
	Claim []struct {
		Event, Property, Quote string
		Value                  any
	}
}

// Every quote is in its source's archived text, and states the value.
func TestQuotesInTexts(t *testing.T) {
	dir, st := small(t, 400, 0)
	if st.sources != 400 || st.claims != 4000 {
		t.Fatalf("stats %+v, want 400 sources and 4000 claims", st)
	}
	var sources, texts, claims int
	for name, data := range tree(t, dir) {
		if !strings.HasPrefix(name, "sources/") {
			continue
		}
		sources++
		var f sourceFile
		if _, err := toml.Decode(string(data), &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var text string
		if f.Source.Text != "" {
			texts++
			b, err := os.ReadFile(filepath.Join(dir, filepath.Dir(name), f.Source.Text))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			text = string(b)
		}
		for _, c := range f.Claim {
			claims++
			if text != "" && !strings.Contains(text, c.Quote) {
				t.Errorf("%s: quote %q is not in %s", name, c.Quote, f.Source.Text)
			}
			switch v := c.Value.(type) {
			case string:
				if !strings.Contains(c.Quote, v) {
					t.Errorf("%s: value %q is not in its quote %q", name, v, c.Quote)
				}
			case int64:
				if !strings.Contains(c.Quote, strconv.FormatInt(v, 10)) {
					t.Errorf("%s: value %d is not in its quote %q", name, v, c.Quote)
				}
			case time.Time:
				if c.Property != "date" {
					t.Errorf("%s: a date value for %s", name, c.Property)
				}
			default:
				t.Errorf("%s: value of type %T", name, v)
			}
		}
	}
	if sources != 400 || claims != 4000 || texts < 300 || texts == sources {
		t.Errorf("%d sources, %d with texts, %d claims", sources, texts, claims)
	}
}

// A generated corpus is a valid one: the loader finds no error in it, and
// reads every value.
func TestLoads(t *testing.T) {
	dir, st := small(t, 200, 0)
	l, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	errs, warns := 0, 0
	for _, p := range l.Problems {
		switch p.Severity {
		case reconcile.Error:
			errs++
			if errs <= 10 {
				t.Errorf("%s", p)
			}
		case reconcile.Warning:
			warns++
			if warns <= 10 {
				t.Logf("%s", p)
			}
		}
	}
	if errs > 0 {
		t.Errorf("%d error problems in a generated corpus", errs)
	}
	if len(l.Sources) != st.sources || len(l.Claims) != st.claims || l.ClaimCount != st.claims {
		t.Errorf("loaded %d sources and %d of %d claims; generated %d and %d", len(l.Sources), len(l.Claims), l.ClaimCount, st.sources, st.claims)
	}
}

// Agreeing count phrases are read as ranges that contain the figure they
// were made for, so only the intended claims disagree.
func TestCountPhrasesContainFigure(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 3000; n++ {
		for k := range 12 {
			p := countPhrase(r, n, k%4 == 0)
			rd, err := phrase.Count(p.value, phrase.DefaultOptions())
			if err != nil {
				t.Fatalf("%d: %q: %v", n, p.value, err)
			}
			if int64(n) < rd.Range.Min || int64(n) > rd.Range.Max {
				t.Fatalf("%q was made for %d but reads as %v", p.value, n, rd.Range)
			}
		}
	}
}

// -clean removes only a corpus gencorpus wrote.
func TestCleanRefusesOtherDirectories(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(config{sources: 10, claimsPerSource: 2, seed: 1, out: dir, clean: true}); err == nil {
		t.Fatal("-clean removed a directory gencorpus did not write")
	}
	if _, err := os.Stat(filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal(err)
	}
	gen := filepath.Join(t.TempDir(), "c")
	for range 2 {
		if _, err := generate(config{sources: 10, claimsPerSource: 2, seed: 1, out: gen, clean: true}); err != nil {
			t.Fatal(err)
		}
	}
}
