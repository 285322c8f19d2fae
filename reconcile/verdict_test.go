package reconcile

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func statuses(r GroupResult) []string {
	var out []string
	for _, f := range r.Findings {
		var subj []string
		for _, c := range f.Claims {
			if c.Role == Subject {
				subj = append(subj, c.Source+" "+c.Value)
			}
		}
		out = append(out, string(f.Kind)+" "+string(f.Status)+": "+strings.Join(subj, ", "))
	}
	return out
}

func shahCheragh(extra ...tc) Group {
	claims := append([]tc{
		{src: "conv", value: "Shiraz", asOf: "2024-01-10", terms: []string{"place:shiraz"}},
		{src: "x", value: "Shiraz", asOf: "2024-03-25", terms: []string{"place:shiraz"}},
		{src: "y", value: "Isfahan", asOf: "2024-04-15", terms: []string{"place:isfahan"}},
	}, extra...)
	return build(Place, false, claims...)
}

var establishShiraz = &Verdict{
	Event: "e", Property: "p", Established: "Shiraz", Reading: Reading{Kind: Place, Terms: []string{"place:shiraz"}},
	AsOf: Always, Rejects: []string{"y"}, Reason: "the shrine is in Shiraz", Decided: "2024-05-20",
	Pos: Pos{File: "verdicts.toml", Line: 1, Col: 1},
}

func TestVerdictResolvesWhatItCovers(t *testing.T) {
	g := shahCheragh()
	g.Verdict = establishShiraz
	r := ReconcileGroup(g, lookup())
	if d := cmp.Diff([]string{"conflict resolved: y Isfahan"}, statuses(r)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// Only the rejected source's contradicting claim is rejected: its
	// claims that say what the record says are not.
	g2 := shahCheragh(tc{src: "y", value: "Shah Cheragh shrine", asOf: "2024-04-15", terms: []string{"place:shah-cheragh"}})
	g2.Verdict = establishShiraz
	r2 := ReconcileGroup(g2, lookup())
	if d := cmp.Diff([]bool{false, false, true, false}, r2.Rejected); d != "" {
		t.Errorf("rejected claims (-want +got):\n%s", d)
	}
}

// A new source that reopens a settled question is an open finding naming
// the verdict, and nothing else about the group is reopened.
func TestNewClaimContradictingAVerdictIsOpen(t *testing.T) {
	g := shahCheragh(tc{src: "new", value: "Tehran", asOf: "2024-06-01", terms: []string{"place:tehran"}})
	g.Verdict = establishShiraz
	r := ReconcileGroup(g, lookup())
	want := []string{"conflict resolved: y Isfahan", "contradicts-verdict open: new Tehran"}
	if d := cmp.Diff(want, statuses(r)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	s := r.Findings[1].Summary
	if !strings.Contains(s, "contradicts the established Shiraz, decided 2024-05-20: the shrine is in Shiraz") {
		t.Errorf("summary does not name the verdict: %s", s)
	}
}

// The Kerman toll as officially revised: 84 as of 4 January. Later higher
// figures are the toll rising, not contradictions; "over 100" in January
// is, and the verdict rejects its source.
func TestVerdictOnARisingCount(t *testing.T) {
	g := kerman()
	g.Verdict = &Verdict{Event: "e", Property: "p", Established: "84", Reading: Reading{Kind: Count, Range: Range{84, 84}},
		AsOf: days("2024-01-04"), AsOfText: "2024-01-04", Rejects: []string{"conv"}}
	r := ReconcileGroup(g, lookup())
	want := []string{"revision resolved: irna 103, irna 95", "conflict resolved: conv over 100"}
	if d := cmp.Diff(want, statuses(r)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if len(r.Problems) != 0 {
		t.Errorf("unexpected problems: %v", r.Problems)
	}
}

func TestVerdictNoClaimAgreesWithIsAProblem(t *testing.T) {
	g := shahCheragh()
	g.Verdict = &Verdict{Event: "e", Property: "p", Established: "Tehran", Reading: Reading{Kind: Place, Terms: []string{"place:tehran"}},
		AsOf: Always, Pos: Pos{File: "v.toml", Line: 3, Col: 1}}
	r := ReconcileGroup(g, lookup())
	if len(r.Problems) != 1 || r.Problems[0].Pos.Line != 3 || !strings.Contains(r.Problems[0].Message, "no claim in the group agrees") {
		t.Errorf("problems = %v, want one at v.toml:3 saying no claim agrees", r.Problems)
	}
}
