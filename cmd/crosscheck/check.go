package main

import (
	"bufio"
	"io"

	"github.com/crosscheck/crosscheck/internal/changes"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/load"
	"github.com/crosscheck/crosscheck/reports"
)

const checkAbout = `
Check lints DIR (default ./claims), then reconciles it: for each event and
property it finds the largest set of claims that can all hold at once and
reports the rest as findings (conflicts, revisions, stale repetitions).

Output is problems as lint prints them, then each open finding as
"file:line:col: severity: [kind] event property: summary", located at the
claim the finding is about, then a summary line. --format json prints the
same object as report --format json; --format github prints one GitHub
Actions annotation per problem and open finding, --format sarif a SARIF
2.1.0 log for code scanning, --format markdown a table for a pull-request
comment or job summary.

With --changed-since REF (a git revision such as origin/main), everything
is still loaded and reconciled, but only the problems and findings that
involve a claim or verdict from a file changed since REF (committed,
staged, edited or untracked) are printed and counted: CI fails only on what
the change brought in. Outside a git checkout that is an error (exit 2).

Exit status: 0 nothing open, 1 an error problem or an open finding of
severity error or warning, 2 could not run.
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	f := newFlags("check", checkAbout)
	format := f.format("text", "json", "github", "sarif", "markdown")
	since := f.String("changed-since", "", "judge only what changed since git revision `REF`")
	cache := f.cacheFlags()
	positional, code, ok := f.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	dir, code, ok := dirArg("check", positional, stderr)
	if !ok {
		return code
	}
	var changed *changes.Set
	if *since != "" {
		// Ask git first: a bad revision should fail fast, before loading.
		var err error
		if changed, err = changes.Since(dir, *since); err != nil {
			return fail(stderr, "%v", err)
		}
	}
	// Text, github and sarif output show findings, problems and counts:
	// a check for them can start from the last one's (see
	// load.Options.FindingsOnly). JSON and markdown show every group.
	// Text and github output place each finding and show none of its
	// claims, which --changed-since (Scope) and sarif's related
	// locations need.
	brief := format.value == "text" || format.value == "github"
	need := load.Options{FindingsOnly: brief || format.value == "sarif", BriefFindings: brief && changed == nil}
	l, code, ok := openCachedFor(dir, cache, need, stderr)
	if !ok {
		return code
	}
	defer l.Close() // the cache, written while the result is rendered
	r := reconcileCorpus(l)
	if changed != nil {
		r = r.Scope(changed.Has)
	}
	// A line a finding: one write for them all, not one each.
	out := bufio.NewWriterSize(stdout, 64<<10)
	err := writeResult(out, format.value, r, statsOf(l))
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fail(stderr, "%v", err)
	}
	if reports.CheckFails(r) {
		return exitProblems
	}
	return exitOK
}

// writeResult renders a reconciled result in one of check's formats.
func writeResult(w io.Writer, format string, r reconcile.Result, s reports.Stats) error {
	switch format {
	case "json":
		return reports.JSON(w, r)
	case "github":
		return reports.GitHub(w, r)
	case "sarif":
		return reports.SARIF(w, r, version)
	case "markdown":
		return reports.Markdown(w, r)
	}
	return reports.Check(w, r, s)
}
