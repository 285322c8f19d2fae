package reconcile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestScopeKeepsWhatTheChangeBroughtIn(t *testing.T) {
	g := shahCheragh(tc{src: "new", value: "Tehran", asOf: "2024-06-01", terms: []string{"place:tehran"}})
	g.Verdict = establishShiraz
	gr := ReconcileGroup(g, lookup())
	r := Result{Groups: []GroupResult{gr}, Findings: gr.Findings, Problems: []Problem{
		{Pos: Pos{File: "new.toml", Line: 2, Col: 1}, Severity: Warning, Message: "in the change"},
		{Pos: Pos{File: "y.toml", Line: 2, Col: 1}, Severity: Error, Message: "old"},
	}}
	scoped := r.Scope(func(f string) bool { return f == "new.toml" })
	var got []string
	for _, f := range scoped.Findings {
		got = append(got, string(f.Kind)+" at "+f.At.String())
	}
	for _, p := range scoped.Problems {
		got = append(got, p.Message)
	}
	want := []string{"contradicts-verdict at new.toml:13:1", "in the change"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if len(scoped.Groups) != 1 {
		t.Errorf("scoping must keep every group for the report, got %d", len(scoped.Groups))
	}
	if none := r.Scope(func(string) bool { return false }); len(none.Findings)+len(none.Problems) != 0 {
		t.Errorf("nothing changed, yet %d findings and %d problems kept", len(none.Findings), len(none.Problems))
	}
}
