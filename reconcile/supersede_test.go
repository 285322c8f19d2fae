package reconcile

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// statedLater is the definition firstSuperseding answers by: the same
// authority made claim j after claim i.
func (rc *reconciler) statedLater(i, j int) bool {
	a, b := &rc.g.Claims[i], &rc.g.Claims[j]
	if before(a.AsOf, b.AsOf) {
		return true
	}
	return a.AsOf == b.AsOf && a.AsOfText != "" && b.AsOfText != "" &&
		a.Pos.File == b.Pos.File && a.Pos.Line < b.Pos.Line
}

// firstSuperseding finds for every claim what looking at every later
// claim in turn finds: the first stated after it that cannot hold with
// it. Random groups of every kind, with claims sharing days, files and
// readings, overlapping day ranges, and same-day claims ordered by their
// line in a file.
func TestFirstSupersedingIsTheFirstPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	dayChoices := []string{"2024-01-03", "2024-01-04", "2024-01-05", "2024-01-09", "2024-01-03..2024-01-05", "2024-01-01..2024-01-31", "2024-01-04..2024-01-09"}
	ranges := []Range{{84, 84}, {91, unbounded}, {90, 99}, {101, unbounded}, {81, 99}, {95, 95}, {103, 103}, {60, 60}, {0, 10}}
	dates := []Range{days("2024-01-03"), days("2024-01-01..2024-01-31"), days("2024-01-04..2024-01-06"), days("2024-02-01")}
	termChoices := [][]string{{"place:kerman"}, {"place:shiraz"}, {"place:shah-cheragh"}, {"country:IR"}, {"place:isfahan"}, {"place:kerman", "place:shiraz"}}
	kinds := []struct {
		kind       Kind
		cumulative bool
	}{{Count, true}, {Count, false}, {Date, true}, {Date, false}, {Place, false}, {Category, false}, {Text, false}}
	for round := range 300 {
		k := kinds[round%len(kinds)]
		n := 1 + rng.IntN(60)
		files := 1 + rng.IntN(4)
		var cs []tc
		for range n {
			c := tc{src: fmt.Sprintf("f%d", rng.IntN(files)), value: "v", asOf: dayChoices[rng.IntN(len(dayChoices))], by: "ministry", explicitAsOf: rng.IntN(2) == 0}
			switch k.kind {
			case Count:
				c.r = ranges[rng.IntN(len(ranges))]
			case Date:
				c.r = dates[rng.IntN(len(dates))]
			default:
				c.terms = termChoices[rng.IntN(len(termChoices))]
			}
			cs = append(cs, c)
		}
		g := build(k.kind, k.cumulative, cs...)
		// Distinct lines in any order: same-day claims in one file are
		// ordered by line, not by their place in the group.
		for i, line := range rng.Perm(n) {
			g.Claims[i].Pos.Line = 10 + line
		}
		rc := &reconciler{g: &g, l: lookup()}
		reps := make([]int, 0, n)
		for i := range g.Claims {
			if rng.IntN(3) > 0 { // some claims stand for none: classes skip them
				reps = append(reps, i)
			}
		}
		want := make([]int, len(reps))
		for x, i := range reps {
			want[x] = -1
			for y, j := range reps {
				if y != x && rc.statedLater(i, j) && !rc.compatible(i, j) {
					want[x] = y
					break
				}
			}
		}
		if got := rc.firstSuperseding(reps); !slices.Equal(got, want) {
			t.Fatalf("round %d (%s, cumulative %v, %d claims): firstSuperseding %v, want %v", round, k.kind, k.cumulative, n, got, want)
		}
	}
}
