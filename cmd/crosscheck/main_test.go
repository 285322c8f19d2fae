package main

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary double as the crosscheck command, so the
// scripts run the real main, with real exit statuses, without a go build.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"crosscheck": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scenarios in testdata/script: each is a
// tiny self-contained corpus and the commands a user would type.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":     cmdExits,
			"randbytes": cmdRandBytes,
			"bundled":   cmdBundled,
		},
	})
}

// cmdExits runs a program and checks its exact exit status; exec only knows
// success from failure, and crosscheck's 1 (problems found) and 2 (could not
// run) mean different things. stdout and stderr are kept for the assertions
// that follow.
//
//	exits 2 crosscheck lint missing
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdRandBytes writes n pseudo-random bytes to a file, the same bytes every
// run, to stand in for a corrupted or binary file saved as .toml.
//
//	randbytes claims/sources/junk.toml 4096
func cmdRandBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: randbytes FILE N")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("randbytes: bad size %q", args[1])
	}
	rng := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o666))
}

// cmdBundled copies the bundled corpus (the repository's claims directory)
// into the script's work directory, so a scenario can run on the real
// corpus without touching it.
//
//	bundled claims
func cmdBundled(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: bundled DIR")
	}
	src, err := filepath.Abs(filepath.Join("..", "..", "claims"))
	ts.Check(err)
	dst := ts.MkAbs(args[0])
	ts.Check(filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o777)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o666)
	}))
}
