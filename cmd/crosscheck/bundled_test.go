package main

import (
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/load"
)

// The bundled corpus is the project's living test: the disagreements the
// seed articles hold must come out, and what they agree on, worded
// differently, must not. These are the cases listed in the seeds' README,
// asserted as a fact-checker states them rather than as a golden file.
func TestBundledCorpusFindsWhatTheSeedsDisagreeOn(t *testing.T) {
	l, err := load.Load("../../claims")
	if err != nil {
		t.Fatal(err)
	}
	r := reconcile.Run(l.Corpus)

	// Every finding in the corpus, as "event property kind: subject values".
	var got []string
	for _, f := range r.Findings {
		var subject []string
		for _, c := range f.Claims {
			if c.Role == reconcile.Subject {
				subject = append(subject, c.Value)
			}
		}
		got = append(got, f.Event+" "+f.Property+" "+string(f.Kind)+": "+strings.Join(subject, "; "))
	}
	sort.Strings(got)
	has := func(want string) bool {
		for _, g := range got {
			if strings.HasPrefix(g, want) {
				return true
			}
		}
		return false
	}
	for _, want := range []string{
		// The Kerman toll: "over 100" fits only the withdrawn 103.
		"kerman-bombing-2024 deaths conflict: over 100",
		// The official figure, revised 103 → 95 → 84 by one authority.
		"kerman-bombing-2024 deaths revision: 103; 95",
		// Shah Cheragh is in Shiraz, not Isfahan.
		"shah-cheragh-attack-2022 location conflict: Isfahan",
		// Suicide bombers against remotely detonated briefcase bombs.
		"kerman-bombing-2024 method conflict: detonated remotely",
		// IS-K's claim against Iranian officials blaming Israel and the US.
		"kerman-bombing-2024 responsibility conflict: Israel and the United States",
	} {
		if !has(want) {
			t.Errorf("missing finding %q; findings:\n%s", want, strings.Join(got, "\n"))
		}
	}

	// Agreements, worded differently: no finding of any kind.
	for _, quiet := range []string{
		"kabul-airport-bombing-2021 deaths-afghans", "kabul-airport-bombing-2021 deaths-us-service-members",
		"crocus-city-hall-attack-2024 deaths", "kerman-bombing-2024 date",
		"kerman-bombing-2024 perpetrator-nationality", "kerman-bombing-2024 location",
		"crocus-city-hall-attack-2024 location",
	} {
		if has(quiet + " ") {
			t.Errorf("%s is flagged, but the sources agree on it; findings:\n%s", quiet, strings.Join(got, "\n"))
		}
	}

	// The agreeing Kerman figures, read over time: the official 84 first,
	// then the toll rising as injured people died.
	for _, g := range r.Groups {
		if g.Event != "kerman-bombing-2024" || g.Property != "deaths" {
			continue
		}
		agree := map[string]bool{}
		for i, c := range g.Claims {
			if g.Agreeing[i] {
				agree[c.Value] = true
			}
		}
		for _, v := range []string{"84", "At least 91", "nearly 100", "approximately 90", "over 90"} {
			if !agree[v] && !agree[strings.ToLower(v)] {
				t.Errorf("Kerman deaths: %q should agree with the record; agreeing: %v", v, agree)
			}
		}
		if d := cmp.Diff(&reconcile.Range{Min: 91, Max: 99}, g.Agreed); d != "" {
			t.Errorf("Kerman deaths agreed range (-want +got):\n%s", d)
		}
	}

	// With the bundled verdicts, Shah Cheragh and the toll are settled and
	// what stays open is what the record does not settle.
	for _, f := range r.Findings {
		settled := f.Event == "shah-cheragh-attack-2022" || (f.Event == "kerman-bombing-2024" && f.Property == "deaths")
		if settled && f.Status != reconcile.Resolved {
			t.Errorf("%s %s %s should be resolved by the bundled verdicts", f.Event, f.Property, f.Kind)
		}
		if f.Event == "kerman-bombing-2024" && f.Property == "method" && f.Status != reconcile.Open {
			t.Errorf("Kerman method is genuinely disputed and must stay open")
		}
	}
}
