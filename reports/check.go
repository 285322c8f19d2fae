package reports

import (
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/reconcile"
)

// Check writes check's text output: problems as lint prints them, then each
// open finding as `file:line:col: severity: [kind] event property: summary`,
// placed at its first subject claim so an editor can jump to it, then one
// summary line. The counts are s's.
func Check(w io.Writer, r reconcile.Result, s Stats) error {
	if err := problemLines(w, r.Problems); err != nil {
		return err
	}
	t := tallyFindings(r.Findings)
	for _, f := range sortedFindings(r.Findings) {
		if f.Status != reconcile.Open {
			continue
		}
		if _, err := fmt.Fprintf(w, "%s: %s: [%s] %s %s: %s\n",
			f.Where(), f.Severity, f.Kind, f.Event, f.Property, f.Summary); err != nil {
			return err
		}
	}
	pe, pw, pn := countProblems(r.Problems)
	line := fmt.Sprintf("%s: %s; %s: %s",
		corpusLine(s), severityCounts(pe, pw, pn),
		plural(s.Groups, "group"), plural(t.open, "open finding"))
	if t.open > 0 {
		line += " (" + severityCounts(t.errors, t.warnings, t.notes) + ")"
	}
	if t.resolved > 0 {
		line += fmt.Sprintf(", %d resolved", t.resolved)
	}
	_, err := fmt.Fprintln(w, line)
	return err
}

// CheckFails reports whether check should exit 1: any error problem, or any
// open finding a fact-checker must act on (error or warning; notes are
// informational).
func CheckFails(r reconcile.Result) bool {
	if HasErrors(r.Problems) {
		return true
	}
	for _, f := range r.Findings {
		if f.Status == reconcile.Open && (f.Severity == reconcile.Error || f.Severity == reconcile.Warning) {
			return true
		}
	}
	return false
}
