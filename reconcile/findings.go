package reconcile

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// namedInSummary is how many claims a one-line summary names on each side
// before it says "and N more": enough to recognise the sources, short
// enough to read in a CI log.
const namedInSummary = 3

// keptInFinding bounds the claims a finding lists as its other side, so a
// story repeated by ten thousand sources does not make a ten-thousand-line
// finding. The summary still counts them all.
const keptInFinding = 20

func (rc *reconciler) sourceName(c *Claim) string {
	if s := rc.l.Sources[c.Source]; s != nil {
		return s.Name()
	}
	return c.Source
}

// shortTitle keeps a title's first words, up to about 40 characters, so a
// one-line summary stays one line.
func shortTitle(t string) string {
	const limit = 40
	if utf8.RuneCountInString(t) <= limit {
		return t
	}
	cut := 0
	for i, r := range t {
		if i > limit {
			break
		}
		if r == ' ' {
			cut = i
		}
	}
	if cut == 0 {
		cut = len(string([]rune(t)[:limit]))
	}
	return strings.TrimRight(t[:cut], " ,:;") + "…"
}

// label names a claim in a sentence: `over 100 (The Conversation, Jan 2024)`.
func (rc *reconciler) label(c *Claim) string {
	return c.Value + " (" + rc.sourceName(c) + ", " + FormatDays(c.AsOf) + ")"
}

// listLabels joins claim labels into "a, b or c", naming at most
// namedInSummary of them. Claims that read alike and hold as of the same
// time are named once, with their sources together; the rest are counted.
// It looks at each claim once with no allocation, so a side of ten thousand
// claims costs little.
func (rc *reconciler) listLabels(idx []int, conj string) string {
	type entry struct {
		value   string
		asOf    Range
		sources []string
		more    int
	}
	var named []*entry
	unnamed := 0
	for _, i := range idx {
		c := &rc.g.Claims[i]
		var e *entry
		for _, n := range named {
			if n.value == c.Value && n.asOf == c.AsOf {
				e = n
				break
			}
		}
		if e == nil {
			if len(named) == namedInSummary {
				unnamed++
				continue
			}
			e = &entry{value: c.Value, asOf: c.AsOf}
			named = append(named, e)
		}
		name := rc.sourceName(c)
		switch {
		case slices.Contains(e.sources, name):
		case len(e.sources) < namedInSummary:
			e.sources = append(e.sources, name)
		default:
			e.more++
		}
	}
	parts := make([]string, 0, len(named))
	for _, e := range named {
		who := strings.Join(e.sources, "; ")
		if e.more > 0 {
			who += " and " + strconv.Itoa(e.more) + " more"
		}
		parts = append(parts, e.value+" ("+who+", "+FormatDays(e.asOf)+")")
	}
	return joinLabels(parts, unnamed, conj)
}

// distinctFirst is the first claim of the namedInSummary-th distinct pair
// among entries sorted by their first claims, or a claim after all of
// them if there are fewer.
func distinctFirst(entries []*labelEntry) int {
	var keys []labelKey
	for _, e := range entries {
		k := labelKey{e.value, e.asOf}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
			if len(keys) == namedInSummary {
				return e.first
			}
		}
	}
	return int(^uint(0) >> 1)
}

// joinLabels joins named labels and counts the unnamed claims.
func joinLabels(parts []string, unnamed int, conj string) string {
	switch {
	case unnamed == 1:
		return strings.Join(parts, ", ") + " and 1 more claim"
	case unnamed > 0:
		return strings.Join(parts, ", ") + " and " + strconv.Itoa(unnamed) + " more claims"
	case len(parts) == 1:
		return parts[0]
	default:
		return strings.Join(parts[:len(parts)-1], ", ") + " " + conj + " " + parts[len(parts)-1]
	}
}

func (rc *reconciler) authorityName(i int) string {
	if c := &rc.g.Claims[i]; c.AttributedTo != "" {
		return c.AttributedTo
	}
	return rc.sourceName(&rc.g.Claims[i])
}

func (rc *reconciler) finding(kind FindingKind, sev Severity, subject, against []int) Finding {
	f := Finding{Event: rc.g.Event, Property: rc.g.Property, Kind: kind, Severity: sev, Status: Open}
	f.Claims = make([]FindingClaim, 0, len(subject)+min(len(against), keptInFinding))
	for _, i := range subject {
		f.Claims = append(f.Claims, FindingClaim{Claim: rc.g.Claims[i], Role: Subject})
	}
	if len(subject) > 0 {
		f.At = rc.g.Claims[subject[0]].Pos
	}
	for x, i := range against {
		if x == keptInFinding {
			break
		}
		f.Claims = append(f.Claims, FindingClaim{Claim: rc.g.Claims[i], Role: Against})
	}
	return f
}

func (rc *reconciler) revisionFinding(r revision) Finding {
	f := rc.finding(Revision, Note, r.superseded, []int{r.last})
	var steps []string
	for _, i := range append(slices.Clone(r.superseded), r.last) {
		c := &rc.g.Claims[i]
		steps = append(steps, fmt.Sprintf("%s (%s)", c.Value, FormatDays(c.AsOf)))
	}
	who := rc.authorityName(r.last)
	f.Summary = fmt.Sprintf("%s revised its figure: %s; the earlier figures are superseded", who, strings.Join(steps, ", then "))
	f.Why = fmt.Sprintf("Claims attributed to the same authority (%s) that cannot both hold are read as a revision: the later statement replaces the earlier one, which takes no further part in the comparison.", who)
	return f
}

// disagreements reports every claim outside the agreeing set against the
// agreeing claims it contradicts, and any claim that repeats a superseded
// figure after its revision as stale. Claims that read alike and hold as of
// the same time share one finding.
func (rc *reconciler) disagreements(superseded []bool, stale []*staleMatch, revs []revision) []Finding {
	var out []Finding
	// Stale claims are reported one finding per shape too, but their shape
	// never entered the agreeing search, so gather them here.
	var staleShapes map[shapeID][]int
	var staleOrder []shapeID
	for i := range rc.g.Claims {
		if stale == nil || superseded[i] || stale[i] == nil {
			continue
		}
		if staleShapes == nil {
			staleShapes = map[shapeID][]int{}
		}
		k := rc.shapeKey(&rc.g.Claims[i])
		if _, ok := staleShapes[k]; !ok {
			staleOrder = append(staleOrder, k)
		}
		staleShapes[k] = append(staleShapes[k], i)
	}
	for _, k := range staleOrder {
		subject := staleShapes[k]
		m := stale[subject[0]]
		f := rc.finding(Stale, Warning, subject, []int{m.by, m.old})
		f.Summary = fmt.Sprintf("%s repeats %s, which %s revised to %s on %s",
			rc.listLabels(subject, "and"), rc.g.Claims[m.old].Value, rc.authorityName(m.by),
			rc.g.Claims[m.by].Value, FormatDays(rc.g.Claims[m.by].AsOf))
		f.Why = "The claim was made after the revision, yet matches only the superseded figure."
		out = append(out, f)
	}
	// One finding per reading, not per (reading, day): "84" said on
	// twenty different days is one thing for a person to look at.
	var byReading map[readingID][]*shape
	var readings []readingID
	for _, s := range rc.shapes {
		if s.alive {
			continue
		}
		if byReading == nil {
			byReading = map[readingID][]*shape{}
		}
		k := rc.readingKey(&rc.g.Claims[s.claims[0]])
		if _, ok := byReading[k]; !ok {
			readings = append(readings, k)
		}
		byReading[k] = append(byReading[k], s)
	}
	// Each subject claim is in one finding, but the agreeing claims it is
	// reported against may be in every finding of the group: that side is
	// worked out from the agreeing shapes' summaries (see against), never
	// claim by claim, so a group of ten thousand claims with many outliers
	// costs the number of shapes times the outliers, not claims times
	// outliers.
	// seen[j] == round marks shape j as taken in this round: one array
	// for all the readings, where a map each would be made and grown.
	var seen []int
	if len(readings) > 0 {
		seen = make([]int, len(rc.shapes))
	}
	for x, k := range readings {
		round := x + 1
		var subject []int
		var against []int // alive shapes
		for _, s := range byReading[k] {
			subject = append(subject, s.claims...)
			rc.neighbours(s.index, func(j int) {
				if rc.shapes[j].alive && seen[j] != round {
					seen[j] = round
					against = append(against, j)
				}
			})
		}
		slices.Sort(subject)
		slices.Sort(against)
		first := subject[0]
		side, names := rc.sideNamed(against)
		f := rc.finding(Conflict, Error, subject, side.first)
		f.Summary = fmt.Sprintf("%s cannot hold with %s", rc.listLabels(subject, "and"), names)
		if m := rc.matchesOnlySuperseded(first, revs); m != nil {
			f.Summary += fmt.Sprintf("; it matches only the superseded %s, revised to %s on %s",
				rc.label(&rc.g.Claims[m.old]), rc.g.Claims[m.by].Value, FormatDays(rc.g.Claims[m.by].AsOf))
		}
		f.Why = rc.whyN(first, side.first, side.n)
		out = append(out, f)
	}
	return out
}

// sideNamed is rc.side(against) and its labels("or"), worked out once
// for each distinct side: outliers in a large group are mostly reported
// against the same agreeing shapes.
func (rc *reconciler) sideNamed(against []int) (sideOf, string) {
	key := make([]byte, 0, 4*len(against))
	for _, s := range against {
		key = binary.LittleEndian.AppendUint32(key, uint32(s))
	}
	if n, ok := rc.sides[string(key)]; ok {
		return n.side, n.names
	}
	n := namedSide{side: rc.side(against)}
	n.names = n.side.labels("or")
	if rc.sides == nil {
		rc.sides = map[string]namedSide{}
	}
	rc.sides[string(key)] = n
	return n.side, n.names
}

type namedSide struct {
	side  sideOf
	names string
}

// labelEntry is what listLabels gathers for claims that read alike and
// hold as of the same time, within one shape: how many, the first, the
// first namedInSummary names of their sources with how many claims each.
type labelEntry struct {
	value  string
	asOf   Range
	first  int // claim index
	count  int
	top    []labelName // by first claim index
	claims []int
}

type labelName struct {
	name         string
	first, count int
}

type labelKey struct {
	value string
	asOf  Range
}

// labelSummary is an agreeing shape's claims as listLabels names them:
// its (value, time) pairs by their first claim.
type labelSummary struct {
	entries []*labelEntry
	byKey   map[labelKey]*labelEntry // when there are many
}

func (sum *labelSummary) entry(k labelKey) *labelEntry {
	if sum.byKey != nil {
		return sum.byKey[k]
	}
	for _, e := range sum.entries {
		if e.value == k.value && e.asOf == k.asOf {
			return e
		}
	}
	return nil
}

// summary sums up an agreeing shape's claims once for all the findings
// they are named in.
func (rc *reconciler) summary(shape int) *labelSummary {
	if sum, ok := rc.summaries[shape]; ok {
		return sum
	}
	sum := &labelSummary{}
	for _, i := range rc.shapes[shape].claims {
		c := &rc.g.Claims[i]
		k := labelKey{c.Value, c.AsOf}
		e := sum.entry(k)
		if e == nil {
			e = &labelEntry{value: c.Value, asOf: c.AsOf, first: i}
			sum.entries = append(sum.entries, e)
			if sum.byKey != nil {
				sum.byKey[k] = e
			} else if len(sum.entries) > 8 {
				sum.byKey = make(map[labelKey]*labelEntry, 16)
				for _, e := range sum.entries {
					sum.byKey[labelKey{e.value, e.asOf}] = e
				}
			}
		}
		e.count++
		e.claims = append(e.claims, i)
		e.top = rc.countName(e.top, rc.sourceName(c), i)
	}
	if rc.summaries == nil {
		rc.summaries = map[int]*labelSummary{}
	}
	rc.summaries[shape] = sum
	return sum
}

// countName counts a claim by its source's name among the first
// namedInSummary names.
func (rc *reconciler) countName(top []labelName, name string, i int) []labelName {
	for x := range top {
		if top[x].name == name {
			top[x].count++
			return top
		}
	}
	if len(top) < namedInSummary {
		top = append(top, labelName{name: name, first: i, count: 1})
	}
	return top
}

// sideByClaims is the size up to which a side is labelled claim by claim.
var sideByClaims = 256

// sideOf is one side of a finding made of whole agreeing shapes.
type sideOf struct {
	rc     *reconciler
	shapes []int
	n      int   // claims in all
	first  []int // the first claims, as many as a finding keeps
}

// side gathers the agreeing shapes a finding is reported against, in the
// order of their first claims.
func (rc *reconciler) side(shapes []int) sideOf {
	sd := sideOf{rc: rc, shapes: slices.Clone(shapes)}
	for _, s := range shapes {
		sd.n += len(rc.shapes[s].claims)
	}
	slices.SortFunc(sd.shapes, func(a, b int) int { return rc.shapes[a].claims[0] - rc.shapes[b].claims[0] })
	// The first claims of the side are in the shapes whose first claims
	// come first.
	keep := max(keptInFinding, namedInSummary)
	for _, s := range sd.shapes[:min(len(sd.shapes), keep)] {
		cs := rc.shapes[s].claims
		sd.first = append(sd.first, cs[:min(len(cs), keep)]...)
	}
	slices.Sort(sd.first)
	sd.first = sd.first[:min(len(sd.first), keep)]
	return sd
}

// labels is listLabels of all the side's claims, from the shapes'
// summaries: the first namedInSummary (value, time) pairs by their first
// claim, each with its first namedInSummary source names, and the rest
// counted. A name among a pair's first over its shapes is among the first
// in one of them, so only those are looked up across the shapes.
func (sd sideOf) labels(conj string) string {
	if sd.n <= sideByClaims {
		// Small sides are quicker to go through claim by claim.
		union := make([]int, 0, sd.n)
		for _, s := range sd.shapes {
			union = append(union, sd.rc.shapes[s].claims...)
		}
		slices.Sort(union)
		return sd.rc.listLabels(union, conj)
	}
	type agg struct {
		key   labelKey
		first int
		count int
		parts []*labelEntry
	}
	// The first pairs over the side are among the first of some shape
	// (with their first claim): pick them from those, then count each
	// over every shape.
	// Shapes come in the order of their first claims, and a shape's
	// pairs all come after its first: once the pairs found are enough and
	// the next shape starts after them, no later shape adds one.
	var cands []*labelEntry
	for x, s := range sd.shapes {
		if len(cands) >= namedInSummary && x >= namedInSummary {
			slices.SortFunc(cands, func(x, y *labelEntry) int { return x.first - y.first })
			if distinctFirst(cands) <= sd.rc.shapes[s].claims[0] {
				break
			}
		}
		es := sd.rc.summary(s).entries
		cands = append(cands, es[:min(len(es), namedInSummary)]...)
	}
	slices.SortFunc(cands, func(x, y *labelEntry) int { return x.first - y.first })
	var named []*agg
	for _, e := range cands {
		k := labelKey{e.value, e.asOf}
		if !slices.ContainsFunc(named, func(a *agg) bool { return a.key == k }) {
			named = append(named, &agg{key: k, first: e.first})
			if len(named) == namedInSummary {
				break
			}
		}
	}
	for _, a := range named {
		for _, s := range sd.shapes {
			if e := sd.rc.summary(s).entry(a.key); e != nil {
				a.count += e.count
				a.parts = append(a.parts, e)
			}
		}
	}
	unnamed := sd.n
	parts := make([]string, 0, len(named))
	for _, a := range named {
		unnamed -= a.count
		top := a.parts[0].top
		if len(a.parts) > 1 {
			// A pair in several shapes (rare): its claims in order.
			var claims []int
			for _, e := range a.parts {
				claims = append(claims, e.claims...)
			}
			slices.Sort(claims)
			top = nil
			for _, i := range claims {
				top = sd.rc.countName(top, sd.rc.sourceName(&sd.rc.g.Claims[i]), i)
			}
		}
		more := a.count
		who := make([]string, len(top))
		for x, n := range top {
			who[x] = n.name
			more -= n.count
		}
		w := strings.Join(who, "; ")
		if more > 0 {
			w += " and " + strconv.Itoa(more) + " more"
		}
		parts = append(parts, a.key.value+" ("+w+", "+FormatDays(a.key.asOf)+")")
	}
	return joinLabels(parts, unnamed, conj)
}

type staleMatch struct{ old, by int }

// matchesOnlySuperseded finds a superseded figure that claim i matches while
// it does not match the authority's last figure (time ignored). The answer
// depends only on what the claim says (unless it is a last figure itself),
// so it is worked out once per reading.
func (rc *reconciler) matchesOnlySuperseded(i int, revs []revision) *staleMatch {
	if len(revs) == 0 {
		return nil
	}
	for _, r := range revs {
		if i == r.last {
			return rc.matchSuperseded(i, revs)
		}
	}
	k := rc.readingKey(&rc.g.Claims[i])
	if m, ok := rc.onlySuperseded[k]; ok {
		return m
	}
	m := rc.matchSuperseded(i, revs)
	if rc.onlySuperseded == nil {
		rc.onlySuperseded = map[readingID]*staleMatch{}
	}
	rc.onlySuperseded[k] = m
	return m
}

func (rc *reconciler) matchSuperseded(i int, revs []revision) *staleMatch {
	c := &rc.g.Claims[i]
	for _, r := range revs {
		if i == r.last || sameReading(rc.g, rc.l.Hierarchy, c, &rc.g.Claims[r.last]) {
			continue
		}
		// The first superseded claim that matches is the first of the
		// first reading that does.
		for _, old := range r.readings {
			if sameReading(rc.g, rc.l.Hierarchy, c, &rc.g.Claims[old]) {
				return &staleMatch{old: old, by: r.last}
			}
		}
	}
	return nil
}

// stale marks claims made certainly after a revision that repeat the
// superseded figure: they are explained by the revision, so, like the
// superseded figures themselves, they take no part in finding the agreeing
// set. "Repeat" is narrower than "match": for a count that can rise, a
// later "at least 91" may be the toll rising past the revised 84, but a
// later "103" is the withdrawn figure said again.
func (rc *reconciler) stale(revs []revision) []*staleMatch {
	if len(revs) == 0 {
		return nil // nothing is stale without a revision
	}
	out := make([]*staleMatch, len(rc.g.Claims))
	for i := range rc.g.Claims {
		m := rc.matchesOnlySuperseded(i, revs)
		if m != nil && rc.certainlyAfter(i, m.by) && repeats(rc.g, &rc.g.Claims[i], &rc.g.Claims[m.old]) {
			out[i] = m
		}
	}
	return out
}

func repeats(g *Group, a, old *Claim) bool {
	if g.Kind != Count {
		return true // matching is repeating for dates, places and categories
	}
	ra, ro := a.Reading.Range, old.Reading.Range
	return ra == ro || (a.Reading.Point == old.Reading.Point && ra.Overlaps(ro))
}

func (rc *reconciler) certainlyAfter(i, j int) bool {
	return before(rc.g.Claims[j].AsOf, rc.g.Claims[i].AsOf)
}

// why spells out, for `explain`, how each side was read and why they cannot
// both hold.
func (rc *reconciler) why(subject int, against []int) string {
	return rc.whyN(subject, against, len(against))
}

// whyN is why for a side of n claims of which against are the first.
func (rc *reconciler) whyN(subject int, against []int, n int) string {
	s := &rc.g.Claims[subject]
	var b strings.Builder
	b.Grow(256)
	// What fmt's %q would write, without fmt.
	b.WriteString(strconv.Quote(s.Value))
	b.WriteString(" from ")
	b.WriteString(rc.sourceName(s))
	b.WriteString(" was read as ")
	b.WriteString(readingText(rc.g.Kind, s.Reading, rc.l.Hierarchy))
	b.WriteString(".")
	for x, i := range against {
		if x == namedInSummary {
			b.WriteString(" And " + strconv.Itoa(n-x) + " more.")
			break
		}
		a := &rc.g.Claims[i]
		b.WriteString(" ")
		b.WriteString(strconv.Quote(a.Value))
		b.WriteString(" from ")
		b.WriteString(rc.sourceName(a))
		b.WriteString(" was read as ")
		b.WriteString(readingText(rc.g.Kind, a.Reading, rc.l.Hierarchy))
		switch {
		case rc.g.Kind != Count && rc.g.Kind != Date:
			b.WriteString("; neither contains the other.")
		case rc.g.Cumulative && before(a.AsOf, s.AsOf):
			b.WriteString(" as of " + FormatDays(a.AsOf) + ", earlier; a count that can only rise cannot fall to the later figure.")
		case rc.g.Cumulative && before(s.AsOf, a.AsOf):
			b.WriteString(" as of " + FormatDays(a.AsOf) + ", later; a count that can only rise cannot fall to it.")
		case rc.g.Cumulative:
			b.WriteString(" as of " + FormatDays(a.AsOf) + ", which may be the same time; no value lies in both.")
		default:
			b.WriteString("; no value lies in both.")
		}
	}
	return b.String()
}

func readingText(k Kind, r Reading, h Hierarchy) string {
	switch k {
	case Date:
		return FormatDays(r.Range)
	case Count:
		if r.Range.Open() {
			return strconv.FormatInt(r.Range.Min, 10) + " or more"
		}
		if r.Range.Min == r.Range.Max {
			return "exactly " + strconv.FormatInt(r.Range.Min, 10)
		}
		return strconv.FormatInt(r.Range.Min, 10) + " to " + strconv.FormatInt(r.Range.Max, 10)
	default:
		names := make([]string, len(r.Terms))
		for i, t := range r.Terms {
			names[i] = t
			if h != nil {
				names[i] = h.Name(t)
			}
		}
		return strings.Join(names, " and ")
	}
}

// agreed is the range the agreeing claims allow as of the latest of them.
// For a cumulative count the figure can only have risen, so every agreeing
// claim sets a floor, but only the latest ones (those no agreeing claim is
// certainly later than) set a ceiling. The estimate takes the median of the
// figures those latest claims state, kept inside the agreed range.
func (rc *reconciler) agreed(agreeing []bool) (*Range, *Estimate) {
	var idx []int
	for i, ok := range agreeing {
		if ok {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil, nil
	}
	r := Range{Min: 0, Max: Unbounded}
	if rc.g.Kind == Date {
		r.Min = -Unbounded
	}
	// A claim is among the latest when no agreeing claim certainly follows
	// it, i.e. it may hold as late as the latest-starting one.
	lastStart := int64(-Unbounded)
	for _, i := range idx {
		lastStart = max(lastStart, rc.g.Claims[i].AsOf.Min)
	}
	var points []int64
	for _, i := range idx {
		c := &rc.g.Claims[i]
		r.Min = max(r.Min, c.Reading.Range.Min)
		if !rc.g.Cumulative || c.AsOf.Max >= lastStart {
			r.Max = min(r.Max, c.Reading.Range.Max)
			points = append(points, c.Reading.Point)
		}
	}
	if r.Min > r.Max {
		// Cannot happen for a consistent set; guard so a bug shows as no
		// estimate rather than an inverted range.
		return nil, nil
	}
	slices.Sort(points)
	best := points[len(points)/2]
	if len(points)%2 == 0 {
		best = points[len(points)/2-1] + (points[len(points)/2]-points[len(points)/2-1])/2
	}
	best = min(max(best, r.Min), r.Max)
	return &r, &Estimate{Low: r.Min, Best: best, High: r.Max}
}
