package load

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
)

// checked is what a check shows: findings, problems and counts.
type checked struct {
	Findings []reconcile.Finding
	Problems []reconcile.Problem
	Tally    Tally
}

func checkDir(t *testing.T, dir string, o Options) (checked, CacheStats) {
	t.Helper()
	l, err := LoadWith(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	r := l.Reconcile()
	l.Close()
	if n := openDirs.Load(); n != 0 {
		t.Fatalf("the check left %d directories open", n)
	}
	return checked{r.Findings, r.Problems, l.Tally()}, l.Cache
}

// sameCheck checks dir with the cache for findings only and without any
// cache, fails t unless both show the same, and returns what the cache
// did. Brief checks (Options.BriefFindings), with the cache and without,
// must show the same findings, each placed where it is reported and
// without its claims.
func sameCheck(t *testing.T, dir, cache string) CacheStats {
	t.Helper()
	want, _ := checkDir(t, dir, Options{})
	got, st := checkDir(t, dir, Options{CacheDir: cache, FindingsOnly: true})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("the check from the cache differs from one without (-without +with):\n%s", diff)
	}
	brief := want
	brief.Findings = slices.Clone(want.Findings)
	for i := range brief.Findings {
		f := &brief.Findings[i]
		f.At, f.Claims = f.Where(), nil
	}
	for _, c := range []string{"", cache} {
		got, _ := checkDir(t, dir, Options{CacheDir: c, FindingsOnly: true, BriefFindings: true})
		if diff := cmp.Diff(brief, got); diff != "" {
			t.Fatalf("a brief check (cache %q) differs from a full one, claims left out (-full +brief):\n%s", c, diff)
		}
	}
	return st
}

// TestIncrementalCheck changes a corpus in every way a check must notice,
// and after each change checks that a check from the last one's snapshot
// shows exactly what a check without any cache shows, and that it took
// the incremental way when the change allows it and the long way when
// not.
func TestIncrementalCheck(t *testing.T) {
	t.Run("now", func(t *testing.T) { testIncrementalCheck(t, frozen) })
	t.Run("later", func(t *testing.T) { testIncrementalCheck(t, later) })
}

func testIncrementalCheck(t *testing.T, when func(*testing.T)) {
	dir := generated(t, 60)
	when(t)
	cache := t.TempDir()
	sources := filepath.Join(dir, "sources", "0000")
	src := filepath.Join(sources, "s000003.toml")
	text := filepath.Join(dir, "texts", "0000", "s000003.txt")
	copyAs := func(from, name string, f func(string) string) func() {
		return func() {
			data, err := os.ReadFile(filepath.Join(sources, from))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(sources, name), f(string(data)))
		}
	}
	remove := func(name string) func() {
		return func() {
			if err := os.Remove(filepath.Join(sources, name)); err != nil {
				t.Fatal(err)
			}
		}
	}
	renamed := func(s string) string { return strings.ReplaceAll(s, "id = \"", "id = \"added-") }

	if st := sameCheck(t, dir, cache); st.Incremental {
		t.Fatalf("first check: %+v", st)
	}
	steps := []struct {
		name        string
		change      func()
		incremental bool
	}{
		{"nothing", func() {}, true},
		{"a claim's value", func() {
			edit(t, src, func(s string) string { return strings.Replace(s, "value = \"", "value = \"about 7000 or ", 1) })
		}, true},
		{"a quote", func() {
			edit(t, src, func(s string) string { return strings.Replace(s, "quote = \"", "quote = \"not in the text ", 1) })
		}, true},
		{"an archived text", func() { edit(t, text, func(s string) string { return "Prefix. " + s }) }, true},
		{"one claim's event", func() {
			edit(t, src, func(s string) string { return strings.Replace(s, "event = \"ev-", "event = \"ev-0000", 1) })
		}, true},
		// Its groups lose it: their findings must go with it.
		{"every claim's event", func() {
			edit(t, src, func(s string) string { return strings.ReplaceAll(s, "event = \"ev-", "event = \"ev-0000") })
		}, true},
		{"a new source", copyAs("s000003.toml", "added.toml", renamed), true},
		{"another new source", copyAs("s000005.toml", "added2.toml", renamed), true},
		{"a new source with a source id taken", copyAs("s000007.toml", "clash.toml", func(s string) string {
			return strings.Replace(s, "[source]\n", "[source]\nid = \"s000007\"\n", 1)
		}), false},
		{"a source next to the clash", func() {
			edit(t, filepath.Join(sources, "s000008.toml"), func(s string) string { return strings.Replace(s, "quote = \"", "quote = \"not in the text ", 1) })
		}, true},
		{"the clash gone", remove("clash.toml"), false},
		{"a new source with a claim id taken", copyAs("s000004.toml", "clash2.toml", func(s string) string {
			if !strings.Contains(s, "id = \"s000004-") {
				t.Fatal("s000004 gives no claim id; pick another source")
			}
			return s
		}), false},
		{"that clash gone", remove("clash2.toml"), false},
		{"a removed source", remove("added2.toml"), false},
		{"nothing again", func() {}, true},
		{"a verdict", func() { write(t, filepath.Join(dir, "verdicts.toml"), verdictFile("at least 3")) }, false},
		{"a source in the verdict's group", func() {
			edit(t, filepath.Join(sources, "s000001.toml"), func(s string) string { return strings.Replace(s, "[[claim]]", "[[claim]]\nnote = \"edited\"", 1) })
		}, true},
		{"a source holding a verdict", copyAs("s000009.toml", "mixed.toml", func(s string) string {
			return renamed(s) + "\n" + strings.Replace(verdictFile("at least 4"), "ev-00001", "ev-00002", 1)
		}), false},
		{"a source beside it", func() {
			edit(t, filepath.Join(sources, "s000010.toml"), func(s string) string { return strings.Replace(s, "[[claim]]", "[[claim]]\nnote = \"edited\"", 1) })
		}, true},
		{"a source that no longer parses", func() { edit(t, src, func(s string) string { return s + "\n[[claim\n" }) }, false},
		// The snapshot knew it as a file with problems, not a source.
		{"it parses again", func() { edit(t, src, func(s string) string { return strings.TrimSuffix(s, "\n[[claim\n") }) }, false},
		{"a source after that", func() { edit(t, text, func(s string) string { return "Again. " + s }) }, true},
		{"the vocabulary", func() {
			edit(t, filepath.Join(dir, "vocabulary", "properties.toml"), func(s string) string {
				return strings.Replace(s, "kind = \"count\"\ncumulative = true", "kind = \"count\"", 1)
			})
		}, false},
	}
	for _, step := range steps {
		step.change()
		st := sameCheck(t, dir, cache)
		if st.Incremental != step.incremental {
			t.Errorf("after changing %s: incremental %v, want %v (%+v)", step.name, st.Incremental, step.incremental, st)
		}
		if st.Damaged != 0 {
			t.Errorf("after changing %s: %+v", step.name, st)
		}
	}
}

// A damaged snapshot is not used, and is made again.
func TestIncrementalCheckDamagedSnapshot(t *testing.T) {
	dir := generated(t, 20)
	later(t)
	cache := t.TempDir()
	sameCheck(t, dir, cache)
	st := sameCheck(t, dir, cache)
	if !st.Incremental {
		t.Fatalf("second check: %+v", st)
	}
	path := filepath.Join(st.Dir, snapshotName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, damage := range map[string]func([]byte) []byte{
		"truncated": func(b []byte) []byte { return b[:len(b)/2] },
		"a byte flipped": func(b []byte) []byte {
			b = append([]byte(nil), b...)
			b[len(b)/3] ^= 0x20
			return b
		},
		"empty": func([]byte) []byte { return nil },
	} {
		replaceCacheFile(t, path, damage(data))
		if st := sameCheck(t, dir, cache); st.Incremental {
			t.Errorf("%s snapshot was used", name)
		}
		if st := sameCheck(t, dir, cache); !st.Incremental {
			t.Errorf("after a %s snapshot, the next check did not start from the new one", name)
		}
	}
}

// The snapshot an incremental check leaves serves the check after it:
// the files the check worked out, new and old, are numbered and described
// in it as this run found them, and the files it kept as they were. Each
// change below is followed by a check with nothing changed, which must
// start from that snapshot and show what a check without the cache shows.
func TestIncrementalCheckLeavesAUsableSnapshot(t *testing.T) {
	dir := generated(t, 40)
	later(t)
	cache := t.TempDir()
	sameCheck(t, dir, cache)
	sources := filepath.Join(dir, "sources", "0000")
	add := func(from, name string) {
		data, err := os.ReadFile(filepath.Join(sources, from))
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(sources, name), strings.ReplaceAll(string(data), "id = \"", "id = \""+name+"-"))
	}
	for _, change := range []struct {
		name string
		do   func()
	}{
		// New files sort before, among and after the old ones, so that
		// every old file's number moves.
		{"three new sources", func() {
			add("s000003.toml", "a-first.toml")
			add("s000005.toml", "s000005b.toml")
			add("s000007.toml", "z-last.toml")
		}},
		{"an old source edited", func() {
			edit(t, filepath.Join(sources, "s000010.toml"), func(s string) string {
				return strings.Replace(s, "quote = \"", "quote = \"not in the text ", 1)
			})
		}},
	} {
		change.do()
		for _, when := range []string{"", ", with nothing changed since"} {
			if _, st := checkDir(t, dir, Options{CacheDir: cache, FindingsOnly: true}); !st.Incremental {
				t.Fatalf("after %s%s: the check did not start from the snapshot (%+v)", change.name, when, st)
			}
		}
		sameCheck(t, dir, cache)
	}
}

// What a check read from the cache stays as it was when a later run
// replaces the cache's files: their bytes are mapped, not copied, so this
// holds only because the cache is never written in place.
func TestCheckOutlivesItsCacheFiles(t *testing.T) {
	dir := generated(t, 20)
	later(t)
	cache := t.TempDir()
	sameCheck(t, dir, cache)
	held, st := checkDir(t, dir, Options{CacheDir: cache, FindingsOnly: true})
	if !st.Incremental || len(held.Findings) == 0 {
		t.Fatalf("the check to hold on to was not incremental, or found nothing: %+v, %d findings", st, len(held.Findings))
	}
	copied := cmp.Diff(checked{}, held) // every string of it, as text

	// A new source that shares groups with the rest makes the next check
	// write a new snapshot and new shards.
	sources := filepath.Join(dir, "sources", "0000")
	data, err := os.ReadFile(filepath.Join(sources, "s000003.toml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(sources, "s-added.toml"), strings.ReplaceAll(string(data), "id = \"", "id = \"added-"))
	if st := sameCheck(t, dir, cache); st.Written == 0 {
		t.Fatalf("the check after a new source wrote nothing to the cache: %+v", st)
	}
	if diff := cmp.Diff(copied, cmp.Diff(checked{}, held)); diff != "" {
		t.Fatalf("what the earlier check read from the cache changed when the cache was rewritten:\n%s", diff)
	}
}

// A check from the snapshot with nothing to resolve, reconcile or decide
// does not build the vocabulary, yet reports the vocabulary's problems as
// a check that builds it does; one with a group to reconcile builds it.
func TestIncrementalCheckBuildsTheVocabularyOnlyWhenNeeded(t *testing.T) {
	dir := generated(t, 20)
	if err := os.Remove(filepath.Join(dir, "verdicts.toml")); err != nil {
		t.Fatal(err) // verdicts are resolved with it on every check
	}
	write(t, filepath.Join(dir, "vocabulary", "more-events.toml"), "[[event]]\nid = \"Not An Id\"\nname = \"A misnamed event\"\n")
	later(t)
	cache := t.TempDir()
	sameCheck(t, dir, cache)
	load := func() *Loaded {
		t.Helper()
		l, err := LoadWith(dir, Options{CacheDir: cache, FindingsOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		r := l.Reconcile()
		l.Close()
		found := false
		for _, p := range r.Problems {
			found = found || strings.Contains(p.Message, "Not An Id")
		}
		if !found {
			t.Errorf("the vocabulary's problem is not reported: %v", r.Problems)
		}
		return l
	}
	if l := load(); !l.Cache.Incremental || l.Vocab != nil {
		t.Errorf("nothing changed: incremental %v, vocabulary built %v; want true, false", l.Cache.Incremental, l.Vocab != nil)
	}
	edit(t, filepath.Join(dir, "sources", "0000", "s000004.toml"), func(s string) string {
		return strings.Replace(s, "[[claim]]", "[[claim]]\nnote = \"edited\"", 1)
	})
	if l := load(); !l.Cache.Incremental || l.Vocab == nil {
		t.Errorf("a source changed: incremental %v, vocabulary built %v; want true, true", l.Cache.Incremental, l.Vocab != nil)
	}
	sameCheck(t, dir, cache)
}
