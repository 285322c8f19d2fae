package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crosscheck/crosscheck/internal/budget"
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
	return openCachedFor(dir, c, load.Options{}, stderr)
}

// openCachedFor is openCached for a caller that may need less than the
// whole result: only findings, problems and counts (FindingsOnly), or of
// findings only where they are reported (BriefFindings).
func openCachedFor(dir string, c *cacheFlags, need load.Options, stderr io.Writer) (*load.Loaded, int, bool) {
	o, code, ok := c.options(stderr)
	if !ok {
		return nil, code, false
	}
	o.FindingsOnly, o.BriefFindings = need.FindingsOnly, need.BriefFindings
	return openCorpusWith(dir, o, stderr)
}

// openCorpus loads dir. A directory that does not exist, or cannot be read
// at all, means crosscheck could not run (ok false, exit 2); mistakes inside
// the files are the corpus's Problems, for the caller to report.
func openCorpus(dir string, stderr io.Writer) (*load.Loaded, int, bool) {
	return openCorpusWith(dir, load.Options{}, stderr)
}

func openCorpusWith(dir string, o load.Options, stderr io.Writer) (*load.Loaded, int, bool) {
	budget.Start() // see internal/budget
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
