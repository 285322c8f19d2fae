package reports

import (
	"io"

	"github.com/crosscheck/crosscheck/reconcile"
)

type lintJSON struct {
	Sources    int                 `json:"sources"`
	Claims     int                 `json:"claims"`
	Verified   int                 `json:"verified"`
	Unverified int                 `json:"unverified"`
	Problems   []reconcile.Problem `json:"problems"`
}

// LintJSON writes lint's --format json output: one object with the corpus
// counts and every problem, problems sorted by place and [] when there are
// none (so tools need not special-case null).
func LintJSON(w io.Writer, problems []reconcile.Problem, s Stats) error {
	ps := sortedProblems(problems)
	if ps == nil {
		ps = []reconcile.Problem{}
	}
	return writeJSON(w, lintJSON{
		Sources:    s.Sources,
		Claims:     s.Claims,
		Verified:   s.Verified,
		Unverified: s.Unverified,
		Problems:   ps,
	})
}
