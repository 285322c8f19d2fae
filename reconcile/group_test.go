package reconcile

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// tree is a test hierarchy: child -> parent.
type tree map[string]string

func (t tree) Within(term, ancestor string) bool {
	for x, n := term, 0; x != "" && n < 100; x, n = t[x], n+1 {
		if x == ancestor {
			return true
		}
	}
	return false
}

func (t tree) Name(term string) string { return term }

var places = tree{
	"place:shah-cheragh": "place:shiraz", "place:shiraz": "place:fars", "place:fars": "country:IR",
	"place:isfahan": "country:IR", "place:kerman": "country:IR", "place:tehran": "country:IR",
	"nat:tajik": "nat:central-asian", "nat:uzbek": "nat:central-asian",
	"cat:suicide-bombing": "cat:bombing", "cat:remote-detonation": "cat:bombing",
}

func day(s string) int64 {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return DayOf(t.Year(), t.Month(), t.Day())
}

// days reads "2024-01-04" or "2024-01-05..2024-01-10".
func days(s string) Range {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		b = a
	}
	return Range{Min: day(a), Max: day(b)}
}

// claim builds a test claim. value is the phrase, r its reading; asOf as for
// days; src names the source and the authority unless by is given.
type tc struct {
	src, value, asOf, by string
	r                    Range
	terms                []string
	explicitAsOf         bool
}

func build(kind Kind, cumulative bool, cs ...tc) Group {
	g := Group{Event: "e", Property: "p", Kind: kind, Cumulative: cumulative}
	for i, c := range cs {
		auth := "source:" + c.src
		if c.by != "" {
			auth = c.by
		}
		cl := Claim{
			ID: fmt.Sprintf("%s#%d", c.src, i+1), Source: c.src, Event: "e", Property: "p",
			Value: c.value, AttributedTo: c.by, Authority: auth, AsOf: days(c.asOf),
			Reading: Reading{Kind: kind, Range: c.r, Point: c.r.Min, Terms: c.terms},
			Pos:     Pos{File: c.src + ".toml", Line: 10 + i, Col: 1},
		}
		if c.explicitAsOf {
			cl.AsOfText = c.asOf
		}
		g.Claims = append(g.Claims, cl)
	}
	return g
}

func lookup() Lookup {
	return Lookup{Hierarchy: places, Sources: map[string]*Source{
		"conv": {ID: "conv", Outlet: "The Conversation"}, "aei": {ID: "aei", Outlet: "AEI"},
		"irna": {ID: "irna", Outlet: "IRNA"}, "farda": {ID: "farda", Outlet: "Radio Farda"},
	}}
}

// verdicts summarises a result as the fact-checker reads it: which values
// agree, which were superseded, and the findings' kinds and subjects.
func verdicts(r GroupResult) []string {
	var out []string
	for i, c := range r.Claims {
		state := "disagrees"
		switch {
		case r.Superseded[i]:
			state = "superseded"
		case r.Agreeing[i]:
			state = "agrees"
		}
		out = append(out, c.Source+" "+c.Value+": "+state)
	}
	for _, f := range r.Findings {
		var subj []string
		for _, c := range f.Claims {
			if c.Role == Subject {
				subj = append(subj, c.Source+" "+c.Value)
			}
		}
		out = append(out, string(f.Kind)+": "+strings.Join(subj, ", "))
	}
	return out
}

var unbounded = int64(Unbounded)

// The Kerman death toll: the official count was revised 103 → 95 → 84 on
// 3–4 January; later sources give higher figures as injured died; "over
// 100", published some time in January, fits none of the current record.
func kerman() Group {
	return build(Count, true,
		tc{src: "irna", value: "103", asOf: "2024-01-03", by: "Ahmad Vahidi", r: Range{103, 103}, explicitAsOf: true},
		tc{src: "irna", value: "95", asOf: "2024-01-03", by: "Ahmad Vahidi", r: Range{95, 95}, explicitAsOf: true},
		tc{src: "irna", value: "84", asOf: "2024-01-04", by: "Ahmad Vahidi", r: Range{84, 84}, explicitAsOf: true},
		tc{src: "farda", value: "at least 91", asOf: "2024-01-05..2024-01-31", r: Range{91, unbounded}},
		tc{src: "conv", value: "over 100", asOf: "2024-01-01..2024-01-31", r: Range{101, unbounded}},
		tc{src: "aei", value: "nearly 100", asOf: "2024-01-05..2024-01-10", r: Range{90, 99}},
		tc{src: "x", value: "over 90", asOf: "2024-03-25..2024-03-31", r: Range{91, unbounded}},
		tc{src: "y", value: "approximately 90", asOf: "2024-04-15", r: Range{81, 99}},
	)
}

func TestKermanDeathToll(t *testing.T) {
	r := ReconcileGroup(kerman(), lookup())
	want := []string{
		"irna 103: superseded", "irna 95: superseded", "irna 84: agrees",
		"farda at least 91: agrees", "conv over 100: disagrees", "aei nearly 100: agrees",
		"x over 90: agrees", "y approximately 90: agrees",
		"revision: irna 103, irna 95",
		"conflict: conv over 100",
	}
	if d := cmp.Diff(want, verdicts(r)); d != "" {
		t.Errorf("verdicts (-want +got):\n%s", d)
	}
	conflict := r.Findings[1].Summary
	for _, s := range []string{"over 100 (The Conversation, Jan 2024) cannot hold with", "84 (IRNA, 4 Jan 2024)", "nearly 100 (AEI", "matches only the superseded 103", "revised to 84 on 4 Jan 2024"} {
		if !strings.Contains(conflict, s) {
			t.Errorf("conflict summary lacks %q:\n%s", s, conflict)
		}
	}
	if !strings.Contains(r.Findings[0].Summary, "103 (3 Jan 2024), then 95 (3 Jan 2024), then 84 (4 Jan 2024)") {
		t.Errorf("revision summary: %s", r.Findings[0].Summary)
	}
	// Agreeing floors: 91; ceiling from the latest agreeing claim (≈90, ≤99).
	if d := cmp.Diff(&Range{91, 99}, r.Agreed); d != "" {
		t.Errorf("agreed (-want +got):\n%s", d)
	}
	if r.Estimate == nil || r.Estimate.Low != 91 || r.Estimate.High != 99 || r.Estimate.Best < 91 || r.Estimate.Best > 99 {
		t.Errorf("estimate = %+v, want low 91, high 99, best between", r.Estimate)
	}
}

// A source published after the revision that repeats the superseded figure
// is stale, not merely in conflict.
func TestStaleRepetition(t *testing.T) {
	g := build(Count, true,
		tc{src: "irna", value: "103", asOf: "2024-01-03", by: "Ahmad Vahidi", r: Range{103, 103}},
		tc{src: "irna", value: "84", asOf: "2024-01-04", by: "Ahmad Vahidi", r: Range{84, 84}},
		tc{src: "conv", value: "103", asOf: "2024-01-06", r: Range{103, 103}},
		tc{src: "aei", value: "nearly 100", asOf: "2024-01-08", r: Range{90, 99}},
	)
	r := ReconcileGroup(g, lookup())
	want := []string{"irna 103: superseded", "irna 84: agrees", "conv 103: disagrees", "aei nearly 100: agrees",
		"revision: irna 103", "stale: conv 103"}
	if d := cmp.Diff(want, verdicts(r)); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if s := r.Findings[1].Summary; !strings.Contains(s, "repeats 103, which Ahmad Vahidi revised to 84 on 4 Jan 2024") {
		t.Errorf("stale summary: %s", s)
	}
}

func TestCountsAgreeOrConflict(t *testing.T) {
	tests := []struct {
		name       string
		cumulative bool
		claims     []tc
		want       []string
	}{{
		name:       "a toll that rises later is not a conflict",
		cumulative: true,
		claims: []tc{
			{src: "a", value: "84", asOf: "2024-01-04", r: Range{84, 84}},
			{src: "b", value: "95", asOf: "2024-01-20", r: Range{95, 95}},
		},
		want: []string{"a 84: agrees", "b 95: agrees"},
	}, {
		name:       "a toll that falls later is a conflict",
		cumulative: true,
		claims: []tc{
			{src: "a", value: "95", asOf: "2024-01-04", r: Range{95, 95}},
			{src: "b", value: "84", asOf: "2024-01-20", r: Range{84, 84}},
			{src: "c", value: "at least 90", asOf: "2024-01-21", r: Range{90, unbounded}},
		},
		want: []string{"a 95: agrees", "b 84: disagrees", "c at least 90: agrees", "conflict: b 84"},
	}, {
		name:       "same-day figures must overlap even for a rising count",
		cumulative: true,
		claims: []tc{
			{src: "a", value: "84", asOf: "2024-01-04", r: Range{84, 84}},
			{src: "b", value: "over 100", asOf: "2024-01-04", r: Range{101, unbounded}},
			{src: "c", value: "about 85", asOf: "2024-01-04", r: Range{77, 93}},
		},
		want: []string{"a 84: agrees", "b over 100: disagrees", "c about 85: agrees", "conflict: b over 100"},
	}, {
		name: "Crocus: over 130 and 137 agree",
		claims: []tc{
			{src: "a", value: "over 130", asOf: "2024-04-15", r: Range{131, unbounded}},
			{src: "b", value: "137", asOf: "2024-03-25", r: Range{137, 137}},
		},
		want: []string{"a over 130: agrees", "b 137: agrees"},
	}, {
		name: "Kabul: at least 169, roughly 170 and 170 agree",
		claims: []tc{
			{src: "a", value: "at least 169", asOf: "2024-01-05", r: Range{169, unbounded}},
			{src: "b", value: "roughly 170", asOf: "2024-04-15", r: Range{153, 187}},
			{src: "c", value: "170", asOf: "2024-03-25", r: Range{170, 170}},
		},
		want: []string{"a at least 169: agrees", "b roughly 170: agrees", "c 170: agrees"},
	}, {
		name: "the majority stands; each outlier is reported once",
		claims: []tc{
			{src: "a", value: "2", asOf: "2024-01-05", r: Range{2, 2}},
			{src: "b", value: "two", asOf: "2024-01-06", r: Range{2, 2}},
			{src: "c", value: "four", asOf: "2024-01-07", r: Range{4, 4}},
			{src: "d", value: "4", asOf: "2024-01-07", r: Range{4, 4}},
			{src: "e", value: "a few", asOf: "2024-01-08", r: Range{2, 5}},
		},
		want: []string{"a 2: agrees", "b two: agrees", "c four: disagrees", "d 4: disagrees", "e a few: agrees", "conflict: c four, d 4"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ReconcileGroup(build(Count, tt.cumulative, tt.claims...), lookup())
			if d := cmp.Diff(tt.want, verdicts(r)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestTermsAgreeThroughTheHierarchy(t *testing.T) {
	tests := []struct {
		name   string
		kind   Kind
		claims []tc
		want   []string
	}{{
		name: "Shiraz against Isfahan",
		kind: Place,
		claims: []tc{
			{src: "conv", value: "Shiraz", asOf: "2024-01-10", terms: []string{"place:shiraz"}},
			{src: "y", value: "Isfahan", asOf: "2024-04-15", terms: []string{"place:isfahan"}},
			{src: "x", value: "Shah Cheragh shrine", asOf: "2024-03-25", terms: []string{"place:shah-cheragh"}},
		},
		want: []string{"conv Shiraz: agrees", "y Isfahan: disagrees", "x Shah Cheragh shrine: agrees", "conflict: y Isfahan"},
	}, {
		name: "Kerman within Iran agrees",
		kind: Place,
		claims: []tc{
			{src: "a", value: "Kerman", asOf: "2024-01-10", terms: []string{"place:kerman"}},
			{src: "b", value: "Iran", asOf: "2024-01-10", terms: []string{"country:IR"}},
		},
		want: []string{"a Kerman: agrees", "b Iran: agrees"},
	}, {
		name: "Tajik within Central Asian agrees",
		kind: Nationality,
		claims: []tc{
			{src: "a", value: "Tajik", asOf: "2024-01-10", terms: []string{"nat:tajik"}},
			{src: "b", value: "Central Asian", asOf: "2024-03-25", terms: []string{"nat:central-asian"}},
		},
		want: []string{"a Tajik: agrees", "b Central Asian: agrees"},
	}, {
		name: "a set agrees with its grouping, not with a part of it",
		kind: Nationality,
		claims: []tc{
			{src: "a", value: "Central Asian", asOf: "2024-03-25", terms: []string{"nat:central-asian"}},
			{src: "b", value: "Tajik and Uzbek", asOf: "2024-03-26", terms: []string{"nat:tajik", "nat:uzbek"}},
			{src: "c", value: "Central Asians", asOf: "2024-03-27", terms: []string{"nat:central-asian"}},
			{src: "d", value: "Tajik", asOf: "2024-03-28", terms: []string{"nat:tajik"}},
			{src: "e", value: "Tajiks", asOf: "2024-03-29", terms: []string{"nat:tajik"}},
		},
		want: []string{"a Central Asian: agrees", "b Tajik and Uzbek: disagrees", "c Central Asians: agrees", "d Tajik: agrees", "e Tajiks: agrees", "conflict: b Tajik and Uzbek"},
	}, {
		name: "suicide bombers against remote detonation; a plain bombing fits both",
		kind: Category,
		claims: []tc{
			{src: "a", value: "suicide bombers", asOf: "2024-01-05", terms: []string{"cat:suicide-bombing"}},
			{src: "b", value: "detonated remotely", asOf: "2024-01-05", terms: []string{"cat:remote-detonation"}},
			{src: "c", value: "suicide bombings", asOf: "2024-01-07", terms: []string{"cat:suicide-bombing"}},
			{src: "d", value: "bomb attack", asOf: "2024-01-07", terms: []string{"cat:bombing"}},
		},
		want: []string{"a suicide bombers: agrees", "b detonated remotely: disagrees", "c suicide bombings: agrees", "d bomb attack: agrees", "conflict: b detonated remotely"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ReconcileGroup(build(tt.kind, false, tt.claims...), lookup())
			if d := cmp.Diff(tt.want, verdicts(r)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// Whatever the input, the agreeing set must be internally consistent, and
// every claim left out must contradict something in it (else it should have
// been kept), and every finding must name claims on both sides.
func TestAgreeingSetIsConsistentAndMaximal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		cumulative := trial%2 == 0
		var cs []tc
		for i := 0; i < 2+rng.IntN(30); i++ {
			lo := int64(rng.IntN(50))
			hi := lo + int64(rng.IntN(20))
			if rng.IntN(5) == 0 {
				hi = unbounded
			}
			d := 1 + rng.IntN(20)
			span := fmt.Sprintf("2024-01-%02d", d)
			if rng.IntN(3) == 0 {
				span += fmt.Sprintf("..2024-01-%02d", d+rng.IntN(8))
			}
			by := ""
			if rng.IntN(4) == 0 {
				by = "authority"
			}
			cs = append(cs, tc{src: fmt.Sprintf("s%d", i), value: fmt.Sprint(lo), asOf: span, r: Range{lo, hi}, by: by})
		}
		g := build(Count, cumulative, cs...)
		r := ReconcileGroup(g, lookup())
		rc := &reconciler{g: &r.Group, l: lookup()}
		for i := range g.Claims {
			if r.Superseded[i] && r.Agreeing[i] {
				t.Fatalf("trial %d: claim %d both superseded and agreeing", trial, i)
			}
			for j := range g.Claims {
				if r.Agreeing[i] && r.Agreeing[j] && !rc.compatible(i, j) {
					t.Fatalf("trial %d: agreeing claims %d and %d contradict each other", trial, i, j)
				}
			}
			if r.Agreeing[i] || r.Superseded[i] {
				continue
			}
			clash := false
			for j := range g.Claims {
				clash = clash || (r.Agreeing[j] && !rc.compatible(i, j))
			}
			if !clash {
				t.Fatalf("trial %d: claim %d left out but contradicts nothing kept", trial, i)
			}
		}
		for _, f := range r.Findings {
			var subj, against int
			for _, c := range f.Claims {
				if c.Role == Subject {
					subj++
				} else {
					against++
				}
			}
			if subj == 0 || against == 0 || f.Summary == "" {
				t.Fatalf("trial %d: finding %+v lacks a side or a summary", trial, f)
			}
		}
	}
}

// bigGroup is one event reported by n sources with a handful of figures
// and publication days, as a wire story repeated across an archive is.
func bigGroup(n int) Group {
	rng := rand.New(rand.NewPCG(7, 7))
	figures := []Range{{84, 84}, {91, unbounded}, {90, 99}, {101, unbounded}, {81, 99}, {95, 95}}
	var cs []tc
	for i := 0; i < n; i++ {
		d := 4 + rng.IntN(27)
		cs = append(cs, tc{src: fmt.Sprintf("s%d", i), value: "v", asOf: fmt.Sprintf("2024-01-%02d", d), r: figures[rng.IntN(len(figures))]})
	}
	return build(Count, true, cs...)
}

func BenchmarkReconcileGroup10k(b *testing.B) {
	g := bigGroup(10000)
	l := lookup()
	b.ResetTimer()
	for b.Loop() {
		ReconcileGroup(g, l)
	}
}

func TestDayOfCoversEveryYear(t *testing.T) {
	for _, tt := range []struct {
		y    int
		m    time.Month
		d    int
		want int64
	}{{1970, 1, 1, 0}, {2024, 1, 3, 19725}, {1, 1, 1, -719162}, {9999, 12, 31, 2932896}} {
		if got := DayOf(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("DayOf(%d-%02d-%02d) = %d, want %d", tt.y, tt.m, tt.d, got, tt.want)
		}
		if got := FormatDay(tt.want); got != fmt.Sprintf("%04d-%02d-%02d", tt.y, tt.m, tt.d) {
			t.Errorf("FormatDay(%d) = %s", tt.want, got)
		}
	}
}
