package reconcile_test

import (
	"path/filepath"
	"sync"
	"testing"

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
