package reconcile

// This file holds the one question every reconciliation step asks: can two
// claims both hold? Everything else (the largest agreeing set, revisions,
// staleness) is built from it.

// before reports whether a's time certainly precedes b's: a's latest possible
// day is earlier than b's earliest. Claims whose times might coincide are
// treated as concurrent, because crosscheck never assumes an order the
// record does not establish.
func before(a, b Range) bool { return a.Max < b.Min }

// compatible reports whether claims a and b of a group can both be true.
func compatible(g *Group, h Hierarchy, a, b *Claim) bool {
	switch g.Kind {
	case Count, Date:
		return rangesCompatible(g.Cumulative, a, b)
	case Text:
		return sameTerms(a.Reading.Terms, b.Reading.Terms)
	default:
		return termsCompatible(h, a.Reading.Terms, b.Reading.Terms)
	}
}

// rangesCompatible: for a cumulative count (deaths, injured) the true figure
// can only rise, so a claim made certainly earlier only needs some value no
// higher than some value of the later one. Otherwise the ranges must share a
// value.
func rangesCompatible(cumulative bool, a, b *Claim) bool {
	return rangesHold(cumulative, a.Reading.Range, a.AsOf, b.Reading.Range, b.AsOf)
}

// rangesHold is rangesCompatible for readings ra and rb as of days ta and
// tb.
func rangesHold(cumulative bool, ra, ta, rb, tb Range) bool {
	if cumulative {
		switch {
		case before(ta, tb):
			return ra.Min <= rb.Max
		case before(tb, ta):
			return rb.Min <= ra.Max
		}
	}
	return ra.Overlaps(rb)
}

// termsCompatible: two values agree when each term of one is the same as,
// inside, or contains some term of the other (Kerman and Iran; Tajik and
// Central Asian), so each may be a coarser or finer wording of the other.
func termsCompatible(h Hierarchy, a, b []string) bool {
	return coveredBy(h, a, b) && coveredBy(h, b, a)
}

func coveredBy(h Hierarchy, xs, ys []string) bool {
	for _, x := range xs {
		ok := false
		for _, y := range ys {
			if related(h, x, y) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func related(h Hierarchy, x, y string) bool {
	if x == y {
		return true
	}
	if h == nil {
		return false
	}
	return h.Within(x, y) || h.Within(y, x)
}

func sameTerms(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// sameReading ignores time: does claim a say what claim b said? Used to
// recognise a superseded figure repeated later.
func sameReading(g *Group, h Hierarchy, a, b *Claim) bool {
	switch g.Kind {
	case Count, Date:
		return a.Reading.Range.Overlaps(b.Reading.Range)
	case Text:
		return sameTerms(a.Reading.Terms, b.Reading.Terms)
	default:
		return termsCompatible(h, a.Reading.Terms, b.Reading.Terms)
	}
}
