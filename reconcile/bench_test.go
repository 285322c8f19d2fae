package reconcile_test

import (
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/internal/tools/gencorpus/gen"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/load"
)

var (
	corpus100k     *load.Loaded
	corpus100kErr  error
	corpus100kOnce sync.Once
)

// loaded100k is a generated corpus of 10,000 sources of 10 claims each
// (100,000 claims), loaded once for every benchmark that needs it.
func loaded100k(b *testing.B) *load.Loaded {
	corpus100kOnce.Do(func() {
		dir := filepath.Join(b.TempDir(), "corpus")
		if _, corpus100kErr = gen.Generate(gen.Config{Sources: 10000, ClaimsPerSource: 10, Seed: 1, Out: dir}); corpus100kErr != nil {
			return
		}
		corpus100k, corpus100kErr = load.Load(dir)
	})
	if corpus100kErr != nil {
		b.Fatal(corpus100kErr)
	}
	return corpus100k
}

// BenchmarkRun100k reconciles a generated corpus of 100,000 claims.
func BenchmarkRun100k(b *testing.B) {
	l := loaded100k(b)
	if len(l.Claims) < 99000 {
		b.Fatalf("%d claims", len(l.Claims))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		reconcile.Run(l.Corpus)
	}
}

// RunInPlace gives what Run gives, whatever the order of the claims.
func TestRunInPlace(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, err := gen.Generate(gen.Config{Sources: 300, ClaimsPerSource: 10, Seed: 4, Out: dir, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	l, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := reconcile.Run(l.Corpus)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 4 {
		if round == 3 {
			defer reconcile.SetMinShared(reconcile.SetMinShared(0))
		}
		c := l.Corpus
		c.Claims = slices.Clone(c.Claims)
		rng.Shuffle(len(c.Claims), func(i, j int) { c.Claims[i], c.Claims[j] = c.Claims[j], c.Claims[i] })
		got := reconcile.RunInPlace(c)
		ignore := cmp.Comparer(func(a, b reconcile.Hierarchy) bool { return true })
		if diff := cmp.Diff(want, got, ignore, cmp.AllowUnexported(reconcile.Result{})); diff != "" {
			t.Fatalf("RunInPlace differs from Run (-Run +RunInPlace):\n%s", diff)
		}
	}
}
