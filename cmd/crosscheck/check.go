package main

import (
	"io"

	"github.com/crosscheck/crosscheck/reports"
)

const checkAbout = `
Check lints DIR (default ./claims), then reconciles it: for each event and
property it finds the largest set of claims that can all hold at once and
reports the rest as findings (conflicts, revisions, stale repetitions).

Output is problems as lint prints them, then each open finding as
"file:line:col: severity: [kind] event property: summary", located at the
claim the finding is about, then a summary line. --format json prints the
same object as report --format json.

Exit status: 0 nothing open, 1 an error problem or an open finding of
severity error or warning, 2 could not run.
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	f := newFlags("check", checkAbout)
	format := f.format()
	positional, code, ok := f.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	dir, code, ok := dirArg("check", positional, stderr)
	if !ok {
		return code
	}
	l, code, ok := openCorpus(dir, stderr)
	if !ok {
		return code
	}
	r := reconcileCorpus(l)
	var err error
	if *format == "json" {
		err = reports.JSON(stdout, r)
	} else {
		err = reports.Check(stdout, r, statsOf(l))
	}
	if err != nil {
		return fail(stderr, "%v", err)
	}
	if reports.CheckFails(r) {
		return exitProblems
	}
	return exitOK
}
