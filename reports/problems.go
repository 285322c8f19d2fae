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
		if _, err := fmt.Fprintln(w, problemLine(p)); err != nil {
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

// problemLine is `file:line:col: severity: message`, or `file: severity:
// message` for a problem with the whole file or directory (no line), rather
// than pointing editors at a line 0 that does not exist.
func problemLine(p reconcile.Problem) string {
	if p.Line <= 0 {
		return fmt.Sprintf("%s: %s: %s", p.File, p.Severity, p.Message)
	}
	if p.Col <= 0 {
		return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Severity, p.Message)
	}
	return p.String()
}
