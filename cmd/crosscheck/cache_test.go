package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tests never write to the user's cache: runs that take the default cache
// use one under the temporary directory (the script's own, for the
// scripts, which run this binary as crosscheck).
func init() {
	dir := filepath.Join(os.TempDir(), "crosscheck-test-cache")
	userCacheDir = func() (string, error) { return dir, nil }
}

// Output is byte for byte the same without the cache, with an empty one,
// with a full one, and with one from before a source was added.
func TestCacheSameOutput(t *testing.T) {
	atRoot(t)
	cache := t.TempDir()
	for _, args := range [][]string{
		{"check", bundled},
		{"check", "--format", "github", bundled},
		{"check", "--format", "sarif", bundled},
		{"check", "--format", "markdown", bundled},
		{"check", "--format", "json", bundled},
		{"report", bundled},
		{"report", "--format", "html", bundled},
		{"lint", "--format", "json", bundled},
		{"explain", "--dir", bundled, "kerman-bombing-2024"},
	} {
		want, wantErr, wantCode := crosscheck(t, append([]string{args[0], "--no-cache"}, args[1:]...)...)
		for _, run := range []string{"cold", "warm"} {
			got, gotErr, gotCode := crosscheck(t, append([]string{args[0], "--cache", cache}, args[1:]...)...)
			if got != want || gotErr != wantErr || gotCode != wantCode {
				t.Errorf("%v, %s cache: output differs from --no-cache (status %d, want %d)", args, run, gotCode, wantCode)
			}
		}
	}
}

func TestCacheFlags(t *testing.T) {
	atRoot(t)
	_, stderr, code := crosscheck(t, "check", "--cache", t.TempDir(), "--no-cache", bundled)
	if code != exitCannot || !strings.Contains(stderr, "--cache and --no-cache") {
		t.Errorf("status %d, stderr %q", code, stderr)
	}
	stdout, _, _ := crosscheck(t, "check", "-h")
	for _, flag := range []string{"-cache DIR", "-no-cache"} {
		if !strings.Contains(stdout, flag) {
			t.Errorf("check -h does not mention %s:\n%s", flag, stdout)
		}
	}
}

// A check writes part of its cache while it prints (load.Loaded.Close):
// by the time it returns, the cache is whole, so the next check can start
// from its snapshot.
func TestCheckLeavesItsCacheWritten(t *testing.T) {
	atRoot(t)
	cache := t.TempDir()
	if _, stderr, code := crosscheck(t, "check", "--cache", cache, bundled); code == exitCannot {
		t.Fatalf("check could not run: %s", stderr)
	}
	for _, pattern := range []string{"check.bin", "groups-*.bin", "shard-*.bin"} {
		if files, _ := filepath.Glob(filepath.Join(cache, "*", pattern)); len(files) == 0 {
			t.Errorf("no %s in the cache when check returned", pattern)
		}
	}
}
