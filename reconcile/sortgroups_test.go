package reconcile

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// However many shares the groups come in, and in whatever order within
// each, sortedGroups orders them all by event and then property, also
// where events and properties differ only late, start one another, or
// hold zero bytes.
func TestSortedGroups(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, shares := range []int{1, 2, 3, 4, 5, 7, 8} {
		for _, n := range []int{0, 1, 2, 9, 100, 1000} {
			groups := make([]Group, n)
			awkward := randomFindings(rng, n, -1)
			for i := range groups {
				if i%2 == 0 {
					groups[i] = Group{Event: awkward[i].Event, Property: awkward[i].Property}
					continue
				}
				// Few distinct events, so that properties decide often.
				groups[i] = Group{Event: fmt.Sprintf("ev-%d", rng.IntN(n/3+1)), Property: fmt.Sprintf("p%d", rng.IntN(4))}
			}
			// Shares of random sizes, laid end to end.
			base := make([]int32, shares)
			for s := 1; s < shares; s++ {
				base[s] = base[s-1] + int32(rng.IntN(n-int(base[s-1])+1))
			}
			order := sortedGroups(groups, base)
			if len(order) != n {
				t.Fatalf("%d shares, %d groups: order has %d", shares, n, len(order))
			}
			seen := make([]bool, n)
			for k, i := range order {
				if seen[i] {
					t.Fatalf("%d shares, %d groups: group %d twice", shares, n, i)
				}
				seen[i] = true
				if k > 0 {
					a, b := groups[order[k-1]], groups[i]
					if cmp.Or(strings.Compare(a.Event, b.Event), strings.Compare(a.Property, b.Property)) > 0 {
						t.Fatalf("%d shares, %d groups: %s/%s before %s/%s", shares, n, a.Event, a.Property, b.Event, b.Property)
					}
				}
			}
		}
	}
}
