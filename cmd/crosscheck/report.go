package main

import (
	"bytes"
	"io"
	"os"

	"github.com/crosscheck/crosscheck/reports"
)

const reportAbout = `
Report reconciles DIR (default ./claims) and writes everything it
concluded: per event and property, every claim with the words the source
used, how crosscheck read them, when the claim held and whether it agrees;
the range the agreeing claims allow, a low/best/high estimate for counts,
and the findings.

The text report is a table per group for reading in a terminal; --format
json writes one object (sources, groups, findings, problems) for other
tools. The same corpus always gives byte-identical output.

Exit status: 0 once the report is written, whatever it found (use check to
fail a build); 2 could not run.
`

func runReport(args []string, stdout, stderr io.Writer) int {
	f := newFlags("report", reportAbout)
	format := f.format()
	out := f.String("o", "", "write the report to `file` instead of standard output")
	positional, code, ok := f.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	dir, code, ok := dirArg("report", positional, stderr)
	if !ok {
		return code
	}
	l, code, ok := openCorpus(dir, stderr)
	if !ok {
		return code
	}
	r := reconcileCorpus(l)
	// Render into memory first so a failure never leaves half a report in
	// the -o file.
	var buf bytes.Buffer
	var err error
	if *format == "json" {
		err = reports.JSON(&buf, r)
	} else {
		err = reports.Table(&buf, r)
	}
	if err != nil {
		return fail(stderr, "%v", err)
	}
	if *out != "" {
		err = os.WriteFile(*out, buf.Bytes(), 0o666)
	} else {
		_, err = stdout.Write(buf.Bytes())
	}
	if err != nil {
		return fail(stderr, "%v", err)
	}
	return exitOK
}
