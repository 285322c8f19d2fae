package reconcile

import (
	"runtime"

	"github.com/crosscheck/crosscheck/internal/workers"
)

// permute moves every claim to its place in the groups, in place: a[i] to
// a[dest[i]], and dest[i] with it, so that dest ends as 0, 1, 2, ...
// dest must be a permutation of the indexes of a.
//
// Following each cycle of the permutation is one claim swap per claim,
// but the swaps land anywhere in an array that at 200,000 sources is
// 650 MB, so each one waits on memory, one core at a time. So the array
// is first cut into one stretch per core and every claim is moved into
// the stretch its place is in: that pass goes through the array in
// order, writing at one front per stretch. The cycles are then each
// within one stretch and are followed on every core at once.
func permute[T any](a []T, dest []int32) {
	parts := min(runtime.GOMAXPROCS(0), 64)
	if parts <= 1 || len(a) < minShared {
		cycles(a, dest, 0)
		return
	}
	// Stretch p is [bound[p], bound[p+1]), bound[p] = ⌊p·n/parts⌋; a
	// claim whose place is x belongs to the last stretch starting at or
	// before x, the largest p with p·n < (x+1)·parts.
	n := int64(len(a))
	bound := make([]int, parts+1)
	for p := range bound {
		bound[p] = int(int64(p) * n / int64(parts))
	}
	stretchOf := func(x int32) int { return int(((int64(x)+1)*int64(parts) - 1) / n) }
	// next[p] is the first index of stretch p not yet known to hold one
	// of its own claims. Stretch p holds exactly bound[p+1]-bound[p]
	// claims whose place is in it, so filling each front in turn ends
	// with every claim in its stretch.
	next := make([]int, parts)
	copy(next, bound[:parts])
	for p := range parts {
		for next[p] < bound[p+1] {
			i := next[p]
			q := stretchOf(dest[i])
			if q == p {
				next[p]++
				continue
			}
			// Into stretch q's front; what was there comes to i and is
			// looked at next.
			j := next[q]
			a[i], a[j] = a[j], a[i]
			dest[i], dest[j] = dest[j], dest[i]
			next[q]++
		}
	}
	workers.Each(parts, func(p int) { cycles(a[bound[p]:bound[p+1]], dest[bound[p]:bound[p+1]], bound[p]) })
}

// cycles puts a[i] at a[dest[i]-off] by following each cycle of the
// permutation, one swap per claim; every dest[i]-off is an index of a.
func cycles[T any](a []T, dest []int32, off int) {
	for i := range a {
		for int(dest[i])-off != i {
			j := int(dest[i]) - off
			a[i], a[j] = a[j], a[i]
			dest[i], dest[j] = dest[j], dest[i]
		}
	}
}
