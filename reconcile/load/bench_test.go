package load

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/crosscheck/crosscheck/internal/tools/gencorpus/gen"
)

// benchSources is the size of the benchmarks' corpus: 5,000 sources of
// 10 claims (50,000 claims, about 14 MB of claim files and texts).
const benchSources = 5000

func benchCorpus(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "corpus")
	if _, err := gen.Generate(gen.Config{Sources: benchSources, ClaimsPerSource: 10, Seed: 1, Out: dir}); err != nil {
		b.Fatal(err)
	}
	return dir
}

func loadOnce(b *testing.B, dir string, o Options) *Loaded {
	b.Helper()
	l, err := LoadWith(dir, o)
	if err != nil {
		b.Fatal(err)
	}
	if len(l.Claims) < benchSources*9 {
		b.Fatalf("%d claims loaded", len(l.Claims))
	}
	return l
}

// BenchmarkLoadCold loads a generated corpus with no cache: every file is
// decoded and every claim resolved.
func BenchmarkLoadCold(b *testing.B) {
	dir := benchCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		loadOnce(b, dir, Options{})
	}
}

// BenchmarkLoadColdCache loads it into an empty cache each time: a cold
// load plus writing the cache.
func BenchmarkLoadColdCache(b *testing.B) {
	dir := benchCorpus(b)
	caches := b.TempDir()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n++
		loadOnce(b, dir, Options{CacheDir: filepath.Join(caches, strconv.Itoa(n))})
	}
}

// BenchmarkLoadWarm loads it with the cache full: every file is read and
// hashed, every source taken from the cache.
func BenchmarkLoadWarm(b *testing.B) {
	dir := benchCorpus(b)
	cache := b.TempDir()
	loadOnce(b, dir, Options{CacheDir: cache})
	b.ReportAllocs()
	for b.Loop() {
		if l := loadOnce(b, dir, Options{CacheDir: cache}); l.Cache.Reused != benchSources {
			b.Fatalf("cache: %+v", l.Cache)
		}
	}
}

// reconcileOnce loads and reconciles dir, and waits for the cache to be
// written.
func reconcileOnce(b *testing.B, dir string, o Options) {
	l := loadOnce(b, dir, o)
	l.Reconcile()
	l.Close()
}

// BenchmarkReconcileWarm loads it with the cache full and reconciles it,
// every group from the cache: what a second check does.
func BenchmarkReconcileWarm(b *testing.B) {
	dir := benchCorpus(b)
	cache := b.TempDir()
	reconcileOnce(b, dir, Options{CacheDir: cache})
	b.ReportAllocs()
	for b.Loop() {
		reconcileOnce(b, dir, Options{CacheDir: cache})
	}
}
