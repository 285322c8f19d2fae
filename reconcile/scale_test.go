package reconcile

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// authorityGroup is one event whose figures come from a few authorities,
// each quoted by many sources on many days, with the figures revised over
// time: the shape of a story an archive repeats for weeks.
func authorityGroup(n int) Group {
	rng := rand.New(rand.NewPCG(9, 9))
	figures := []Range{{84, 84}, {91, unbounded}, {90, 99}, {101, unbounded}, {81, 99}, {95, 95}, {103, 103}, {60, 60}}
	authorities := []string{"health ministry", "police", "Red Crescent"}
	var cs []tc
	for i := 0; i < n; i++ {
		d := 4 + rng.IntN(27)
		by := ""
		if rng.IntN(4) > 0 {
			by = authorities[rng.IntN(len(authorities))]
		}
		cs = append(cs, tc{src: fmt.Sprintf("s%d", i), value: "v", asOf: fmt.Sprintf("2024-01-%02d", d), by: by, r: figures[rng.IntN(len(figures))]})
	}
	return build(Count, true, cs...)
}

// A group of ten thousand claims reconciles in milliseconds, whoever they
// are attributed to, and its findings are one per reading, not one per
// pair of claims.
func TestLargeGroupIsQuick(t *testing.T) {
	for _, g := range []Group{bigGroup(10000), authorityGroup(10000)} {
		start := time.Now()
		r := ReconcileGroup(g, lookup())
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("a group of %d claims took %v", len(g.Claims), d)
		}
		if len(r.Findings) > 100 {
			t.Errorf("%d findings for a group of %d claims", len(r.Findings), len(g.Claims))
		}
	}
}

func BenchmarkReconcileGroup10kAuthorities(b *testing.B) {
	g := authorityGroup(10000)
	l := lookup()
	for b.Loop() {
		ReconcileGroup(g, l)
	}
}

// formatDaysFast says what package time says, wherever it answers.
func TestFormatDaysFast(t *testing.T) {
	check := func(r Range) {
		t.Helper()
		got, ok := formatDaysFast(r)
		if !ok {
			return
		}
		if want := formatDays(r); got != want {
			t.Fatalf("%v: %q, want %q", r, got, want)
		}
	}
	for _, y := range []int{1000, 1582, 1899, 1900, 1969, 1970, 2000, 2023, 2024, 2100, 2400, 9999} {
		start := DayOf(y, 1, 1)
		for d := start - 40; d < start+400; d++ {
			for _, span := range []int64{0, 1, 27, 28, 29, 30, 31, 58, 59, 364, 365, 366} {
				check(Range{Min: d, Max: d + span})
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 3))
	for range 200000 {
		a := DayOf(1000, 1, 1) + rng.Int64N(DayOf(9999, 12, 31)-DayOf(1000, 1, 1))
		check(Range{Min: a, Max: a + rng.Int64N(800)})
	}
	if _, ok := formatDaysFast(Range{Min: DayOf(999, 12, 31), Max: DayOf(999, 12, 31)}); ok {
		t.Error("three-digit years go through package time")
	}
}

// A side made of whole agreeing shapes is labelled as listLabels labels
// its claims one by one.
func TestSideLabels(t *testing.T) {
	defer func(n int) { sideByClaims = n }(sideByClaims)
	sideByClaims = 0 // every side from the summaries
	rng := rand.New(rand.NewPCG(6, 6))
	checked := 0
	for range 3000 {
		g, l := randomGroup(rng)
		// More sources and values than randomGroup gives, so that sides
		// have more than namedInSummary of each.
		for i := range g.Claims {
			if rng.IntN(2) == 0 {
				g.Claims[i].Source = fmt.Sprintf("x%d", rng.IntN(30))
			}
		}
		rc := &reconciler{g: &g, l: l}
		explained := make([]bool, len(g.Claims))
		agreeing := make([]bool, len(g.Claims))
		rc.largestAgreeing(explained, agreeing)
		var alive []int
		for s, sh := range rc.shapes {
			if sh.alive {
				alive = append(alive, s)
			}
		}
		for range 3 {
			var pick []int
			for _, s := range alive {
				if rng.IntN(2) == 0 {
					pick = append(pick, s)
				}
			}
			if len(pick) == 0 {
				continue
			}
			var union []int
			for _, s := range pick {
				union = append(union, rc.shapes[s].claims...)
			}
			slices.Sort(union)
			sd := rc.side(pick)
			if got, want := sd.labels("or"), rc.listLabels(union, "or"); got != want {
				t.Fatalf("side labels %q, claim by claim %q", got, want)
			}
			if sd.n != len(union) || !slices.Equal(sd.first, union[:min(len(union), keptInFinding)]) {
				t.Fatalf("side has %d claims first %v; union %d first %v", sd.n, sd.first, len(union), union[:min(len(union), keptInFinding)])
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d sides checked", checked)
	}
}

// Conflicts kept as a matrix or as lists give the same result.
func TestConflictMatrix(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 12))
	for trial := range 400 {
		g, l := randomGroup(rng)
		minMatrix = 1 << 30
		want := ReconcileGroup(g, l)
		minMatrix = 0
		got := ReconcileGroup(g, l)
		minMatrix = 64
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("trial %d: with the matrix (-lists +matrix):\n%s", trial, diff)
		}
	}
}

// BenchmarkReconcileGroup10kShapes is a group of 10,000 claims that
// nearly all differ in figure or day: a cumulative toll reported for
// months. Its shapes (figure and day) are compared pair by pair to find
// the largest set that can hold together, so its cost grows with the
// square of the shapes; at 200,000 generated sources the largest toll
// group has some thousands.
func BenchmarkReconcileGroup10kShapes(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	var cs []tc
	for i := range 10000 {
		v := int64(50 + rng.IntN(120))
		r := Range{Min: v, Max: v}
		if rng.IntN(3) == 0 {
			r.Max = unbounded
		}
		cs = append(cs, tc{src: fmt.Sprintf("s%d", i), value: "v", asOf: fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(3), 1+rng.IntN(28)), r: r})
	}
	g := build(Count, true, cs...)
	l := lookup()
	for b.Loop() {
		ReconcileGroup(g, l)
	}
}
