package reconcile

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
)

// Lookup is what reconciling a group needs to know beyond its claims: how
// vocabulary terms nest, and how to name a source in a sentence.
type Lookup struct {
	Hierarchy Hierarchy
	Sources   map[string]*Source
}

// ReconcileGroup decides which claims in one group can all hold at once and
// reports the rest against them. It is pure, and costs time in the number of
// distinct (reading, as-of) shapes in the group rather than in claims, so a
// story repeated by thousands of sources stays cheap.
//
// The steps, in the order a fact-checker would take them:
//  1. revisions: an authority that later gives a figure incompatible with its
//     own earlier one has revised it; the earlier figure is superseded and
//     takes no further part;
//  2. stale claims: made after a revision, they repeat the superseded figure;
//     they too are explained and take no further part;
//  3. the largest set of the remaining claims that can all hold at once;
//  4. every claim outside it is reported against the claims it contradicts.
func ReconcileGroup(g Group, l Lookup) GroupResult {
	n := len(g.Claims)
	// One allocation for the three per-claim flags.
	flags := make([]bool, 3*n)
	res := GroupResult{Group: g, Agreeing: flags[:n:n], Superseded: flags[n : 2*n : 2*n]}
	if n == 0 {
		return res
	}
	rc := &reconciler{g: &res.Group, l: l}
	revs := rc.revisions(res.Superseded)
	stale := rc.stale(revs)
	explained := flags[2*n:]
	for i := range explained {
		explained[i] = res.Superseded[i] || (stale != nil && stale[i] != nil)
	}
	rc.largestAgreeing(explained, res.Agreeing)
	for _, r := range revs {
		res.Findings = append(res.Findings, rc.revisionFinding(r))
	}
	res.Findings = append(res.Findings, rc.disagreements(res.Superseded, stale, revs)...)
	if g.Verdict != nil {
		res.Problems = append(res.Problems, rc.applyVerdict(&res, g.Verdict)...)
	}
	if g.Kind == Count || g.Kind == Date {
		res.Agreed, res.Estimate = rc.agreed(res.Agreeing)
	}
	return res
}

type reconciler struct {
	g      *Group
	l      Lookup
	shapes []*shape // of the claims neither superseded nor stale, set by largestAgreeing
	// onlySuperseded memoises matchesOnlySuperseded by reading.
	onlySuperseded map[readingID]*staleMatch
	// conflict says which shapes cannot hold with which, for groups
	// with many shapes (else each shape's adj does).
	conflict *conflictMatrix
	// summaries memoises summary by shape, sides sideNamed by the
	// shapes a side is made of.
	summaries map[int]*labelSummary
	sides     map[string]namedSide
}

func (rc *reconciler) compatible(i, j int) bool {
	return compatible(rc.g, rc.l.Hierarchy, &rc.g.Claims[i], &rc.g.Claims[j])
}

// revision is one authority's chain of figures: the superseded ones and
// the claim that stands last.
type revision struct {
	authority  string
	superseded []int
	// replacedBy maps each superseded claim to the claim that contradicted it.
	replacedBy map[int]int
	last       int
	// readings holds the first of the superseded claims (in their order)
	// that says each thing they say.
	readings []int
}

// revisions finds, for each authority, the claims it later contradicted
// itself on. A claim is superseded by the first claim of its authority (in
// claim order) that it was stated before and cannot hold with. Claims that
// read alike and hold as of the same time, with no as_of of their own,
// are superseded alike and by the same claim, so the work is done once
// for each such class: it grows with the number of distinct figures and
// days an authority gave, not with the number of sources quoting them.
func (rc *reconciler) revisions(superseded []bool) []revision {
	byAuthority := rc.repeatedAuthorities()
	if len(byAuthority) == 0 {
		return nil
	}
	type class struct {
		members []int // positions in the authority's claims, ascending
		by      int   // position of the claim superseding them, or -1
	}
	type classKey struct {
		shape shapeID
		own   int // the claim's index, for one with an as_of of its own; else -1
	}
	var out []revision
	for _, auth := range sortedKeys(byAuthority) {
		idx := byAuthority[auth]
		if len(idx) < 2 {
			continue
		}
		index := map[classKey]int{}
		var classes []*class
		for x, i := range idx {
			c := &rc.g.Claims[i]
			k := classKey{shape: shapeID{reading: rc.readingKey(c), asOf: c.AsOf}, own: -1}
			if c.AsOfText != "" {
				// Same-day claims with an as_of each are ordered by
				// their place in the file, so each is a class alone.
				k.own = i
			}
			ci, ok := index[k]
			if !ok {
				ci = len(classes)
				index[k] = ci
				classes = append(classes, &class{})
			}
			classes[ci].members = append(classes[ci].members, x)
		}
		// Classes are in the order of their first claims, so the first
		// class that supersedes a class holds the first claim that does.
		reps := make([]int, len(classes))
		for c, a := range classes {
			reps[c] = idx[a.members[0]]
		}
		revised := false
		for c, b := range rc.firstSuperseding(reps) {
			classes[c].by = -1
			if b >= 0 {
				classes[c].by = classes[b].members[0]
				revised = true
			}
		}
		if !revised {
			continue
		}
		// The superseded claims, in the order a pairwise scan of the
		// authority's claims would meet them: by the earlier of the two
		// positions in each superseding pair, then the later, then the
		// earlier claim first. The chain is followed from the first.
		type marked struct{ x, by int }
		var ms []marked
		for _, a := range classes {
			if a.by >= 0 {
				for _, x := range a.members {
					ms = append(ms, marked{x, a.by})
				}
			}
		}
		slices.SortFunc(ms, func(p, q marked) int {
			return cmp.Or(cmp.Compare(min(p.x, p.by), min(q.x, q.by)), cmp.Compare(max(p.x, p.by), max(q.x, q.by)), cmp.Compare(p.x, q.x))
		})
		r := revision{authority: auth, replacedBy: make(map[int]int, len(ms)), superseded: make([]int, len(ms))}
		for k, m := range ms {
			i := idx[m.x]
			superseded[i] = true
			r.superseded[k] = i
			r.replacedBy[i] = idx[m.by]
		}
		// The chain ends at the authority's latest claim that nothing
		// superseded; follow replacements to find it.
		last := r.superseded[0]
		for superseded[last] {
			last = r.replacedBy[last]
		}
		r.last = last
		slices.SortFunc(r.superseded, rc.byTime)
		seen := map[readingID]bool{}
		for _, i := range r.superseded {
			if k := rc.readingKey(&rc.g.Claims[i]); !seen[k] {
				seen[k] = true
				r.readings = append(r.readings, i)
			}
		}
		out = append(out, r)
	}
	return out
}

func (rc *reconciler) byTime(i, j int) int {
	a, b := &rc.g.Claims[i], &rc.g.Claims[j]
	return cmp.Or(cmp.Compare(a.AsOf.Min, b.AsOf.Min), cmp.Compare(a.AsOf.Max, b.AsOf.Max),
		strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line))
}

// repeatedAuthorities maps each authority that more than one claim is
// attributed to (the only ones that can revise a figure) to its claims,
// in claim order. Most claims are a source's own, one authority each, so
// only the repeated ones get a list.
func (rc *reconciler) repeatedAuthorities() map[string][]int {
	claims := rc.g.Claims
	var out map[string][]int
	add := func(a string) {
		if out == nil {
			out = map[string][]int{}
		}
		if _, done := out[a]; done {
			return
		}
		var idx []int
		for i := range claims {
			if claims[i].Authority == a {
				idx = append(idx, i)
			}
		}
		out[a] = idx
	}
	if len(claims) <= 16 {
		for i := range claims {
			a := claims[i].Authority
			for j := i + 1; a != "" && j < len(claims); j++ {
				if claims[j].Authority == a {
					add(a)
					break
				}
			}
		}
		return out
	}
	// Most claims in a large group name no authority: size the count for
	// those that do.
	named := 0
	for i := range claims {
		if claims[i].Authority != "" {
			named++
		}
	}
	if named < 2 {
		return out
	}
	count := make(map[string]int, named)
	for i := range claims {
		if a := claims[i].Authority; a != "" {
			count[a]++
		}
	}
	for i := range claims {
		if a := claims[i].Authority; a != "" && count[a] > 1 {
			if out == nil {
				out = map[string][]int{}
			}
			out[a] = append(out[a], i)
		}
	}
	return out
}

// shape is a set of claims that read the same and hold as of the same time;
// they stand or fall together.
type shape struct {
	index     int // in rc.shapes
	claims    []int
	weight    int
	conflicts int // total weight of live shapes this one cannot hold with
	alive     bool
	adj       []int // shapes it cannot hold with, when rc.conflict is nil
}

// maxMatrix is the most shapes whose conflicts are kept as a bit matrix
// (n²/8 bytes: 32 MiB) rather than as lists, which a large group with
// many conflicts would fill with tens of millions of entries.
const maxMatrix = 16384

// minMatrix is the fewest shapes for which the matrix pays.
var minMatrix = 64

// conflictMatrix holds which shapes cannot hold with which: row a, bit b.
type conflictMatrix struct {
	words int
	bits  []uint64
}

func newConflictMatrix(n int) *conflictMatrix {
	w := (n + 63) / 64
	return &conflictMatrix{words: w, bits: make([]uint64, n*w)}
}

func (m *conflictMatrix) row(a int) []uint64 { return m.bits[a*m.words : (a+1)*m.words] }

func (m *conflictMatrix) set(a, b int) {
	m.bits[a*m.words+b/64] |= 1 << (b % 64)
	m.bits[b*m.words+a/64] |= 1 << (a % 64)
}

// neighbours calls f with each shape that cannot hold with shape a, in
// order.
func (rc *reconciler) neighbours(a int, f func(b int)) {
	if rc.conflict == nil {
		for _, b := range rc.shapes[a].adj {
			f(b)
		}
		return
	}
	for w, word := range rc.conflict.row(a) {
		for word != 0 {
			f(w*64 + bits.TrailingZeros64(word))
			word &= word - 1
		}
	}
}

// peel is a priority queue of shapes by conflicts (most first), then
// weight (least first), then place (last first): the order in which
// largestAgreeing drops them. Entries go stale as conflicts fall and are
// skipped when popped.
type peel []peelItem

type peelItem struct{ conflicts, weight, shape int }

func (h peel) less(i, j int) bool {
	a, b := h[i], h[j]
	if a.conflicts != b.conflicts {
		return a.conflicts > b.conflicts
	}
	if a.weight != b.weight {
		return a.weight < b.weight
	}
	return a.shape > b.shape
}

func (h *peel) push(x peelItem) {
	*h = append(*h, x)
	for i := len(*h) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		(*h)[i], (*h)[p] = (*h)[p], (*h)[i]
		i = p
	}
}

func (h *peel) pop() peelItem {
	old := *h
	top := old[0]
	n := len(old) - 1
	old[0] = old[n]
	*h = old[:n]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.less(l, m) {
			m = l
		}
		if r < n && h.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		(*h)[i], (*h)[m] = (*h)[m], (*h)[i]
		i = m
	}
	return top
}

// readingID identifies what a claim says: its range for counts and dates,
// its terms otherwise.
type readingID struct {
	r     Range
	terms string
}

// shapeID identifies what a claim says and, where time matters, when.
type shapeID struct {
	reading readingID
	asOf    Range
}

// readingKey identifies what a claim says, whenever it said it.
func (rc *reconciler) readingKey(c *Claim) readingID {
	if rc.g.Kind == Count || rc.g.Kind == Date {
		return readingID{r: c.Reading.Range}
	}
	return readingID{terms: strings.Join(c.Reading.Terms, "\x00")}
}

// shapeKey identifies what a claim says and, where time matters, when.
func (rc *reconciler) shapeKey(c *Claim) shapeID {
	if !rc.g.Cumulative {
		return shapeID{reading: rc.readingKey(c)}
	}
	return shapeID{reading: rc.readingKey(c), asOf: c.AsOf}
}

// largestAgreeing finds a largest set of claims that can all hold at once.
// Exact search is a maximum-clique problem, so it peels instead: while any
// conflict remains, drop the shape that contradicts the most claims (ties:
// the one fewer claims support, then the later one in the file order), then
// take back any dropped shape that contradicts nothing kept. On the small
// disagreements real corpora hold this is the exact answer, and it names the
// most contradicted claim first, which is what a reader wants to see.
func (rc *reconciler) largestAgreeing(explained, agreeing []bool) {
	// Which shape each claim has (-1: explained), then each shape's
	// claims as a stretch of one array. Most groups are a handful of
	// claims, for which looking through the shapes beats a map.
	claims := rc.g.Claims
	of := make([]int32, len(claims))
	var keys []shapeID
	var index map[shapeID]int
	var counts []int
	for i := range claims {
		if explained[i] {
			of[i] = -1
			continue
		}
		k := rc.shapeKey(&claims[i])
		s := -1
		if index != nil {
			if j, ok := index[k]; ok {
				s = j
			}
		} else {
			for j := range keys {
				if keys[j] == k {
					s = j
					break
				}
			}
		}
		if s < 0 {
			s = len(keys)
			keys = append(keys, k)
			counts = append(counts, 0)
			if index == nil && len(keys) > 16 {
				index = make(map[shapeID]int, len(claims))
				for j, kj := range keys {
					index[kj] = j
				}
			} else if index != nil {
				index[k] = s
			}
		}
		of[i] = int32(s)
		counts[s]++
	}
	slab := make([]shape, len(keys))
	shapes := make([]*shape, len(keys))
	members := make([]int, 0, len(claims))
	for s := range slab {
		slab[s] = shape{index: s, alive: true, weight: counts[s], claims: members[len(members) : len(members) : len(members)+counts[s]]}
		members = members[:len(members)+counts[s]]
		shapes[s] = &slab[s]
	}
	for i, s := range of {
		if s >= 0 {
			shapes[s].claims = append(shapes[s].claims, i)
		}
	}
	rc.shapes = shapes
	if len(shapes) > minMatrix && len(shapes) <= maxMatrix {
		rc.conflict = newConflictMatrix(len(shapes))
	}
	// Every pair of shapes is compared. For figures and dates, what
	// decides is a shape's range and day, copied together first: reaching
	// into each shape's first claim for them, a claim anywhere in an
	// array of 20,000 for a large group, made the comparisons wait on
	// memory.
	holds := func(a, b int) bool { return rc.compatible(shapes[a].claims[0], shapes[b].claims[0]) }
	if g := rc.g; g.Kind == Count || g.Kind == Date {
		type when struct{ reading, asOf Range }
		at := make([]when, len(shapes))
		for s, sh := range shapes {
			c := &claims[sh.claims[0]]
			at[s] = when{c.Reading.Range, c.AsOf}
		}
		holds = func(a, b int) bool {
			return rangesHold(g.Cumulative, at[a].reading, at[a].asOf, at[b].reading, at[b].asOf)
		}
	}
	for a := range shapes {
		for b := a + 1; b < len(shapes); b++ {
			if !holds(a, b) {
				if rc.conflict != nil {
					rc.conflict.set(a, b)
				} else {
					shapes[a].adj = append(shapes[a].adj, b)
					shapes[b].adj = append(shapes[b].adj, a)
				}
				shapes[a].conflicts += shapes[b].weight
				shapes[b].conflicts += shapes[a].weight
			}
		}
	}
	// Drop the worst shape while any conflict remains: the one that
	// contradicts the most claims, then the one fewest claims support,
	// then the later.
	var queue peel
	for i, s := range shapes {
		if s.conflicts > 0 {
			queue.push(peelItem{s.conflicts, s.weight, i})
		}
	}
	// Conflicts only fall, so an entry whose shape has fewer conflicts now
	// is put back with them, and an entry that is still true is the worst.
	var dropped []int
	for len(queue) > 0 {
		top := queue.pop()
		worst := shapes[top.shape]
		if worst.conflicts != top.conflicts {
			if worst.conflicts > 0 {
				queue.push(peelItem{worst.conflicts, worst.weight, top.shape})
			}
			continue
		}
		worst.alive = false
		dropped = append(dropped, top.shape)
		if rc.conflict == nil {
			for _, j := range worst.adj {
				shapes[j].conflicts -= worst.weight
			}
			continue
		}
		for w, word := range rc.conflict.row(top.shape) {
			for word != 0 {
				shapes[w*64+bits.TrailingZeros64(word)].conflicts -= worst.weight
				word &= word - 1
			}
		}
	}
	slices.SortStableFunc(dropped, func(a, b int) int { return cmp.Compare(shapes[b].weight, shapes[a].weight) })
	for _, d := range dropped {
		clash := false
		rc.neighbours(d, func(j int) { clash = clash || shapes[j].alive })
		if !clash {
			shapes[d].alive = true
		}
	}
	for _, s := range shapes {
		if s.alive {
			for _, i := range s.claims {
				agreeing[i] = true
			}
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
