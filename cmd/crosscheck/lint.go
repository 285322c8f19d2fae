package main

import (
	"bufio"
	"io"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reports"
)

const lintAbout = `
Lint reads every claim file under DIR (default ./claims) and reports
mistakes in the input itself: misspelt or missing keys, values that cannot
be read, unknown events and properties, quotes not found in the archived
text. It does not compare sources; that is check.

Output is one "file:line:col: severity: message" line per problem, then a
summary line. Exit status: 0 no errors, 1 errors found (or no sources at
all), 2 could not run.
`

func runLint(args []string, stdout, stderr io.Writer) int {
	f := newFlags("lint", lintAbout)
	format := f.format("text", "json", "github", "sarif")
	cache := f.cacheFlags()
	positional, code, ok := f.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	dir, code, ok := dirArg("lint", positional, stderr)
	if !ok {
		return code
	}
	l, code, ok := openCached(dir, cache, stderr)
	if !ok {
		return code
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	var err error
	switch format.value {
	case "json":
		err = reports.LintJSON(out, l.Problems, statsOf(l))
	case "github":
		err = reports.GitHub(out, reconcile.Result{Problems: l.Problems})
	case "sarif":
		err = reports.SARIF(out, reconcile.Result{Problems: l.Problems}, version)
	default:
		err = reports.Problems(out, l.Problems, statsOf(l))
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fail(stderr, "%v", err)
	}
	if reports.HasErrors(l.Problems) {
		return exitProblems
	}
	return exitOK
}
