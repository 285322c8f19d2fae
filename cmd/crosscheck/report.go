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
tools; --format html one self-contained page with number-line charts, for
people; --format markdown the findings as a table; --format claimreview
schema.org ClaimReview JSON-LD for every claim a verdict rejects (needs the
[publisher] block of crosscheck.toml). The same corpus always gives
byte-identical output.

Exit status: 0 once the report is written, whatever it found (use check to
fail a build); 2 could not run.
`

func runReport(args []string, stdout, stderr io.Writer) int {
	f := newFlags("report", reportAbout)
	format := f.format("text", "json", "html", "markdown", "claimreview")
	out := f.String("o", "", "write the report to `file` instead of standard output")
	title := f.String("title", "", "the HTML report's `title`")
	cache := f.cacheFlags()
	positional, code, ok := f.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	dir, code, ok := dirArg("report", positional, stderr)
	if !ok {
		return code
	}
	l, code, ok := openCached(dir, cache, stderr)
	if !ok {
		return code
	}
	defer l.Close() // the cache, written while the result is rendered
	r := reconcileCorpus(l)
	// Render into memory first so a failure never leaves half a report in
	// the -o file.
	var buf bytes.Buffer
	var err error
	switch format.value {
	case "json":
		err = reports.JSON(&buf, r)
	case "html":
		err = reports.HTML(&buf, r, reports.HTMLOptions{Title: *title})
	case "markdown":
		err = reports.Markdown(&buf, r)
	case "claimreview":
		err = reports.ClaimReview(&buf, r, reports.Publisher{Name: l.Publisher.Name, URL: l.Publisher.URL})
	default:
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
