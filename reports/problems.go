package reports

import (
	"fmt"
	"io"

	"github.com/crosscheck/crosscheck/reconcile"
)

// Problems writes lint's text output: one `file:line:col: severity: message`
// line per problem (the go vet convention, so editors can jump to them), then
// one summary line such as
// "6 sources, 74 claims (68 verified, 6 unverified): 0 errors, 2 warnings".
func Problems(w io.Writer, problems []reconcile.Problem, s Stats) error {
	if err := problemLines(w, problems); err != nil {
		return err
	}
	e, wn, n := countProblems(problems)
	_, err := fmt.Fprintf(w, "%s: %s\n", corpusLine(s), severityCounts(e, wn, n))
	return err
}

func problemLines(w io.Writer, problems []reconcile.Problem) error {
	for _, p := range sortedProblems(problems) {
		if _, err := fmt.Fprintln(w, p.String()); err != nil {
			return err
		}
	}
	return nil
}

func countProblems(problems []reconcile.Problem) (errors, warnings, notes int) {
	for _, p := range problems {
		switch p.Severity {
		case reconcile.Error:
			errors++
		case reconcile.Warning:
			warnings++
		default:
			notes++
		}
	}
	return errors, warnings, notes
}

// HasErrors reports whether any problem is an error, which is what makes
// lint fail.
func HasErrors(problems []reconcile.Problem) bool {
	e, _, _ := countProblems(problems)
	return e > 0
}
