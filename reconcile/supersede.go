package reconcile

import (
	"slices"
	"sort"
)

// firstSuperseding finds, for each of an authority's claims (reps, in
// claim order), the first one in that order that the authority stated
// after it and that cannot hold with it (compatible); -1 where none.
// reps[k] is a claim index standing for a class of claims that read alike
// and hold as of the same time, so the answer is the class's.
//
// A claim is stated after another when it holds as of a later time (its
// as-of days all come after the other's). Two claims as of the same day
// count as ordered only when both carry an explicit as_of in the same
// file: then the file's order is the order of statements ("an initial
// 103, then 95"). Otherwise a same-day difference is a plain
// disagreement, not a revision.
//
// Comparing every pair is quadratic in the classes, and the classes grow
// with the archive: an authority quoted by 3,600 sources on 160 days
// comes in 1,300 classes, in 240 readings. But whether a later claim can
// hold with an earlier one depends only on what the two read, so it is
// asked at most once per pair of readings; and the first claim of a
// reading stated after a given day is found by binary search. The cost
// grows with classes times readings: far less than classes squared where
// figures repeat, as much where every class reads differently. Same-day
// claims ordered by their place in one file, the only other way to be
// stated later, are few and looked at one by one.
func (rc *reconciler) firstSuperseding(reps []int) []int {
	type entry struct {
		from int64 // the class's as-of day range starts here
		k    int   // class number
	}
	// Readings, numbered by first appearance; each with its classes by
	// as-of start, latest first, and the least class number among the
	// first n of them.
	readingOf := make([]int, len(reps))
	number := map[readingID]int{}
	var byStart [][]entry
	for k, i := range reps {
		id := rc.readingKey(&rc.g.Claims[i])
		r, ok := number[id]
		if !ok {
			r = len(byStart)
			number[id] = r
			byStart = append(byStart, nil)
		}
		readingOf[k] = r
		byStart[r] = append(byStart[r], entry{rc.g.Claims[i].AsOf.Min, k})
	}
	least := make([][]int, len(byStart))
	for r, es := range byStart {
		slices.SortStableFunc(es, func(a, b entry) int {
			switch {
			case a.from > b.from:
				return -1
			case a.from < b.from:
				return 1
			}
			return 0
		})
		least[r] = make([]int, len(es))
		for n, e := range es {
			least[r][n] = e.k
			if n > 0 {
				least[r][n] = min(least[r][n-1], e.k)
			}
		}
	}
	// Readings in the order of their first class: once one's first class
	// comes after the best found, so do all the rest.
	order := make([]int, len(byStart))
	for r := range order {
		order[r] = r
	}
	slices.SortFunc(order, func(a, b int) int { return least[a][len(least[a])-1] - least[b][len(least[b])-1] })

	// Whether a claim of reading b stated later can hold with one of
	// reading a, for the pairs asked: a map, since with readings that
	// never repeat, as in a toll that rises every day, few of all the
	// pairs are asked.
	holdsLater := map[[2]int]bool{}

	// Claims with an as_of of their own, by file and day: same-day claims
	// there are ordered by line.
	type fileDay struct {
		file string
		day  Range
	}
	sameDay := map[fileDay][]int{}
	for k, i := range reps {
		if c := &rc.g.Claims[i]; c.AsOfText != "" {
			fd := fileDay{c.Pos.File, c.AsOf}
			sameDay[fd] = append(sameDay[fd], k)
		}
	}

	out := make([]int, len(reps))
	for k, i := range reps {
		a := &rc.g.Claims[i]
		best := -1
		for _, r := range order {
			if best >= 0 && least[r][len(least[r])-1] >= best {
				break
			}
			es := byStart[r]
			n := sort.Search(len(es), func(x int) bool { return es[x].from <= a.AsOf.Max })
			if n == 0 || (best >= 0 && least[r][n-1] >= best) {
				continue
			}
			// es[0] is stated after a, as every one of the first n is.
			pair := [2]int{readingOf[k], r}
			holds, asked := holdsLater[pair]
			if !asked {
				holds = rc.compatible(i, reps[es[0].k])
				holdsLater[pair] = holds
			}
			if !holds {
				best = least[r][n-1]
			}
		}
		if a.AsOfText != "" {
			for _, x := range sameDay[fileDay{a.Pos.File, a.AsOf}] {
				if best >= 0 && x >= best {
					break
				}
				if j := reps[x]; rc.g.Claims[j].Pos.Line > a.Pos.Line && !rc.compatible(i, j) {
					best = x
				}
			}
		}
		out[k] = best
	}
	return out
}
