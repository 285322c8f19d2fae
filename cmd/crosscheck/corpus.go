package main

import (
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/load"
	"github.com/crosscheck/crosscheck/reports"
)

// defaultDir is where the corpus lives unless DIR is given.
const defaultDir = "claims"

// dirArg is the one optional DIR argument of lint, check and report.
func dirArg(c string, positional []string, stderr io.Writer) (string, int, bool) {
	switch len(positional) {
	case 0:
		return defaultDir, exitOK, true
	case 1:
		return positional[0], exitOK, true
	}
	return "", fail(stderr, "%s: want at most one claims directory, got %d arguments; run 'crosscheck %s -h' for usage", c, len(positional), c), false
}

// cacheFlags are --cache and --no-cache, for the commands that load a
// whole corpus (lint, check, report, explain).
type cacheFlags struct {
	dir *string
	off *bool
}

func (f *flags) cacheFlags() *cacheFlags {
	return &cacheFlags{
		dir: f.String("cache", "", "keep what was parsed and verified in `DIR` between runs (default: crosscheck in the user cache directory)"),
		off: f.Bool("no-cache", false, "neither read nor write the cache"),
	}
}

// options turns the flags into load options. Without --cache the cache is
// os.UserCacheDir()/crosscheck; when there is no user cache directory
// (no HOME), crosscheck runs without one. ok is false for both flags at
// once.
func (c *cacheFlags) options(stderr io.Writer) (load.Options, int, bool) {
	switch {
	case *c.off && *c.dir != "":
		return load.Options{}, fail(stderr, "--cache and --no-cache cannot be used together"), false
	case *c.off:
		return load.Options{}, exitOK, true
	case *c.dir != "":
		return load.Options{CacheDir: *c.dir}, exitOK, true
	}
	if d, err := userCacheDir(); err == nil {
		return load.Options{CacheDir: filepath.Join(d, "crosscheck")}, exitOK, true
	}
	return load.Options{}, exitOK, true
}

// userCacheDir is os.UserCacheDir; tests point it elsewhere.
var userCacheDir = os.UserCacheDir

// openCached is openCorpus with the cache the flags choose.
func openCached(dir string, c *cacheFlags, stderr io.Writer) (*load.Loaded, int, bool) {
	return openCachedFor(dir, c, false, stderr)
}

// openCachedFor is openCached for a caller that may need only findings,
// problems and counts from the result (see load.Options.FindingsOnly).
func openCachedFor(dir string, c *cacheFlags, findingsOnly bool, stderr io.Writer) (*load.Loaded, int, bool) {
	o, code, ok := c.options(stderr)
	if !ok {
		return nil, code, false
	}
	o.FindingsOnly = findingsOnly
	return openCorpusWith(dir, o, stderr)
}

// openCorpus loads dir. A directory that does not exist, or cannot be read
// at all, means crosscheck could not run (ok false, exit 2); mistakes inside
// the files are the corpus's Problems, for the caller to report.
func openCorpus(dir string, stderr io.Writer) (*load.Loaded, int, bool) {
	return openCorpusWith(dir, load.Options{}, stderr)
}

// memoryBudget is what crosscheck lets its memory grow to while the
// corpus leaves room in it. A run allocates a few times what it keeps, in
// one go, and then exits, so collecting whenever the heap doubles (the
// runtime's default) mostly costs time: within the budget the collector
// runs only when the budget is near, so a corpus of 20,000 sources checks
// in under 400 MB (376 MiB and the executable) with few collections, and a
// run the cache spares most of its work, with none.
// Once the live heap alone fills most of the budget, the budget is lifted
// and the heap may grow to three times what is live (marking a heap of
// gigabytes costs seconds a collection). GOGC or GOMEMLIMIT in the
// environment leave all of it to the runtime.
const memoryBudget = 376 << 20

var budgetOnce sync.Once

func budgetMemory() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(memoryBudget)
	watchHeap()
}

// sentinel is an object whose finalizer runs after each collection.
type sentinel struct{ _ *int }

// watchHeap lifts the budget after the first collection that finds the
// live heap past 70% of it, where keeping to it would cost more and more
// collections.
func watchHeap() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > memoryBudget*7/10 {
			debug.SetMemoryLimit(math.MaxInt64)
			debug.SetGCPercent(200)
			return
		}
		watchHeap()
	})
}

func openCorpusWith(dir string, o load.Options, stderr io.Writer) (*load.Loaded, int, bool) {
	budgetOnce.Do(budgetMemory)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fail(stderr, "%s: no such directory", dir), false
	case err != nil:
		return nil, fail(stderr, "%v", err), false
	case !info.IsDir():
		return nil, fail(stderr, "%s is a file, not a claims directory", dir), false
	}
	l, err := load.LoadWith(dir, o)
	if err != nil {
		return nil, fail(stderr, "%v", err), false
	}
	return l, exitOK, true
}

// statsOf counts what was loaded, including claims whose value could not
// be read (those are in the problems, not in Claims), and, once it is
// reconciled, the groups.
func statsOf(l *load.Loaded) reports.Stats {
	t := l.Tally()
	return reports.Stats{Sources: t.Sources, Claims: t.Claims, Verified: t.Verified, Unverified: t.Unverified, Groups: t.Groups}
}

// reconcileCorpus runs the core on a loaded corpus, with the counts the
// summaries print taken from the loader so lint and check agree.
func reconcileCorpus(l *load.Loaded) reconcile.Result {
	// Nothing needs the loader's order of claims after this, so they are
	// grouped where they are rather than copied; groups that did not
	// change since the last run come from the cache.
	r := l.Reconcile()
	t := l.Tally()
	r.Claims, r.Verified, r.Unverified = t.Claims, t.Verified, t.Unverified
	return r
}
