package phrase

import (
	"math"
	"math/bits"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
)

// qual is what a qualifier does to the figure it governs.
type qual uint8

const (
	qExact     qual = iota
	qAtLeast        // [N, ∞)
	qMoreThan       // [N+1, ∞)
	qAtMost         // [0, N]
	qFewerThan      // [0, N-1]
	qAbout          // [N-w, N+w]
	qNearly         // [N-w, N-1]
	qJustOver       // [N+1, N+w]
	qBetween        // "between A and B"
	qFrom           // "from A to B"
)

type prefixRule struct {
	words []string // lower case, in order
	label string   // the words joined, made once so reading allocates nothing
	q     qual
	// period: the last word is an abbreviation that may take a full stop
	// ("c. 100", "approx. 90").
	period bool
}

// prefixes is keyed by first word so a phrase is only tried against the
// rules that could match it. Within a key, longer rules come first.
var prefixes = func() map[string][]prefixRule {
	rules := []prefixRule{
		// Lower bounds. "upwards of" is read inclusively: it is used of
		// round figures that were themselves reached ("upwards of 100 were
		// injured" is said of 100 as readily as of 101).
		{words: w("at least"), q: qAtLeast},
		{words: w("at the least"), q: qAtLeast},
		{words: w("no fewer than"), q: qAtLeast},
		{words: w("no less than"), q: qAtLeast},
		{words: w("not fewer than"), q: qAtLeast},
		{words: w("not less than"), q: qAtLeast},
		{words: w("a minimum of"), q: qAtLeast},
		{words: w("upwards of"), q: qAtLeast},
		{words: w("upward of"), q: qAtLeast},
		{words: w("more than"), q: qMoreThan},
		{words: w("well over"), q: qMoreThan},
		{words: w("well above"), q: qMoreThan},
		{words: w("well in excess of"), q: qMoreThan},
		{words: w("over"), q: qMoreThan},
		{words: w("above"), q: qMoreThan},
		{words: w("in excess of"), q: qMoreThan},
		{words: w("greater than"), q: qMoreThan},
		// Upper bounds.
		{words: w("at most"), q: qAtMost},
		{words: w("at the most"), q: qAtMost},
		{words: w("up to"), q: qAtMost},
		{words: w("as many as"), q: qAtMost},
		{words: w("as much as"), q: qAtMost},
		{words: w("no more than"), q: qAtMost},
		{words: w("not more than"), q: qAtMost},
		{words: w("a maximum of"), q: qAtMost},
		{words: w("fewer than"), q: qFewerThan},
		{words: w("less than"), q: qFewerThan},
		{words: w("well under"), q: qFewerThan},
		{words: w("well below"), q: qFewerThan},
		{words: w("under"), q: qFewerThan},
		{words: w("below"), q: qFewerThan},
		// Approximations.
		{words: w("about"), q: qAbout},
		{words: w("approximately"), q: qAbout},
		{words: w("approx"), q: qAbout, period: true},
		{words: w("around"), q: qAbout},
		{words: w("roughly"), q: qAbout},
		{words: w("some"), q: qAbout},
		{words: w("an estimated"), q: qAbout},
		{words: w("estimated"), q: qAbout},
		{words: w("est"), q: qAbout, period: true},
		{words: w("circa"), q: qAbout},
		{words: w("ca"), q: qAbout, period: true},
		{words: w("c"), q: qAbout, period: true},
		{words: w("more or less"), q: qAbout},
		{words: w("somewhere around"), q: qAbout},
		{words: w("in the region of"), q: qAbout},
		{words: w("on the order of"), q: qAbout},
		{words: w("nearly"), q: qNearly},
		{words: w("almost"), q: qNearly},
		{words: w("close to"), q: qNearly},
		{words: w("just under"), q: qNearly},
		{words: w("just below"), q: qNearly},
		{words: w("just short of"), q: qNearly},
		{words: w("just shy of"), q: qNearly},
		{words: w("not quite"), q: qNearly},
		{words: w("a little under"), q: qNearly},
		{words: w("slightly under"), q: qNearly},
		{words: w("slightly fewer than"), q: qNearly},
		{words: w("slightly less than"), q: qNearly},
		{words: w("just over"), q: qJustOver},
		{words: w("just above"), q: qJustOver},
		{words: w("just more than"), q: qJustOver},
		{words: w("a little over"), q: qJustOver},
		{words: w("a little more than"), q: qJustOver},
		{words: w("slightly over"), q: qJustOver},
		{words: w("slightly more than"), q: qJustOver},
		{words: w("slightly above"), q: qJustOver},
		// Ranges and plain figures.
		{words: w("between"), q: qBetween},
		{words: w("from"), q: qFrom},
		{words: w("exactly"), q: qExact},
		{words: w("precisely"), q: qExact},
		{words: w("a total of"), q: qExact},
	}
	m := map[string][]prefixRule{}
	for _, r := range rules {
		r.label = strings.Join(r.words, " ")
		m[r.words[0]] = append(m[r.words[0]], r)
	}
	for k, rs := range m {
		// Longest first, so "more or less" beats "more than"'s neighbours
		// and "a little over" beats "a".
		for i := 1; i < len(rs); i++ {
			for j := i; j > 0 && len(rs[j].words) > len(rs[j-1].words); j-- {
				rs[j], rs[j-1] = rs[j-1], rs[j]
			}
		}
		m[k] = rs
	}
	return m
}()

func w(s string) []string { return strings.Fields(s) }

// parsePrefix consumes the longest qualifier at the start of a phrase.
func parsePrefix(l *lexer) (q qual, label string, found bool) {
	save := l.pos
	t := l.next()
	if t.kind == tTilde {
		return qAbout, "~", true
	}
	if t.kind != tWord {
		l.pos = save
		return qExact, "", false
	}
	var buf [16]byte
	rules := prefixes[string(lowerKey(&buf, t.text))]
	for _, r := range rules {
		l.pos = save
		if l.words(r.words...) {
			if r.period && l.skip(tPeriod) {
				return r.q, r.label + ".", true
			}
			return r.q, r.label, true
		}
	}
	l.pos = save
	return qExact, "", false
}

// quantity is a figure or a vague amount.
type quantity struct {
	exact bool
	n     num
	vague vagueRange
	text  string
}

func parseQuantity(l *lexer) (q quantity, ok bool, reason string) {
	save := l.pos
	t := l.next()
	switch {
	case t.is("none") || t.is("nobody") || t.is("nil"):
		return quantity{exact: true, n: num{mult: 1, text: t.text}, text: t.text}, true, ""
	case t.is("no"):
		if u := l.next(); u.is("one") {
			text := l.s[t.pos:u.end]
			return quantity{exact: true, n: num{mult: 1, text: text}, text: text}, true, ""
		}
	}
	l.pos = save
	if n, ok, reason := parseNumeral(l); ok {
		return quantity{exact: true, n: n, text: n.text}, true, reason
	}
	if n, ok, reason := parseWords(l); ok {
		return quantity{exact: true, n: n, text: n.text}, true, reason
	}
	if v, text, ok, reason := parseVague(l); ok {
		return quantity{vague: v, text: text}, true, reason
	}
	return quantity{}, false, ""
}

// startsQuantity reports whether a figure or vague amount is next, without
// consuming it.
func startsQuantity(l *lexer) bool {
	save := l.pos
	_, ok, _ := parseQuantity(l)
	l.pos = save
	return ok
}

// postfix qualifiers: "91 or more", "100+", "100-plus", "20 or so".
func parsePostfix(l *lexer) (q qual, label string, found bool) {
	save := l.pos
	t := l.next()
	switch {
	case t.kind == tPlus:
		return qAtLeast, "N+", true
	case t.is("plus"):
		return qAtLeast, "N plus", true
	case t.kind == tDash:
		if l.next().is("plus") {
			return qAtLeast, "N-plus", true
		}
	case t.is("or") || t.is("and"):
		u := l.next()
		if t.is("or") && (u.is("so") || u.is("thereabouts") || u.is("thereabout")) {
			return qAbout, "N or " + lowerWord(u), true
		}
		if u.is("more") || u.is("over") || u.is("above") || u.is("greater") || u.is("up") {
			return qAtLeast, "N " + lowerWord(t) + " " + lowerWord(u), true
		}
		if t.is("or") && (u.is("fewer") || u.is("less") || u.is("under") || u.is("below")) {
			return qAtMost, "N or " + lowerWord(u), true
		}
	}
	l.pos = save
	return qExact, "", false
}

func countErr(s, reason string) error {
	return &Error{Phrase: trimPhrase(s), Kind: reconcile.Count, Reason: reason}
}

const countForms = `write a figure such as "91", "at least 91", "nearly 100", "between 15 and 20" or "dozens"`

// Count reads a count phrase as a whole-number range.
//
// A phrase is an optional qualifier, a figure (digits, number words, or a
// vague amount such as "dozens"), optionally a second figure making a range,
// and any trailing words that state no figure ("137 people"). A second
// figure, a percentage or an ordinal anywhere in the trailing words is an
// error rather than something to guess past. With w the approximation width
// (Options.Approx of the figure, rounded half up, at least 1):
//
//	84, "eighty-four", "a dozen", "1.5 million"   exactly that figure
//	at least / no fewer than / no less than / upwards of N, N or more, N+
//	                                    [N, ∞)  ("upwards of" is inclusive)
//	more than / over / above / in excess of N
//	                                    [N+1, ∞)
//	at most / up to / as many as / no more than N, N or fewer
//	                                    [0, N]
//	fewer than / less than / under / below N
//	                                    [0, N-1]
//	about / approximately / around / roughly / some / an estimated /
//	circa / more or less N, N or so     [N-w, N+w], never below 0
//	nearly / almost / close to / just under N
//	                                    [N-w, N-1]
//	just over N                         [N+1, N+w]
//	between A and B, A to B, A-B, A–B, from A to B
//	                                    [A, B]; B below A is an error
//	A or B                              [A, B] in either order
//	about A to B                        [A-w(A), B+w(B)]
//
// Vague amounts, crosscheck's documented defaults:
//
//	a couple 2-3, a few 2-5, a handful 2-5, several 3-9,
//	tens 20-99, dozens 24-99, scores 40-199, hundreds 200-999,
//	thousands 2,000-9,999, millions 2,000,000-9,999,999 (and so on);
//	"a few hundred" 200-599 (2 to 5 hundreds, up to the next hundred),
//	"several dozen" 36-119, "tens of thousands" 20,000-99,999,
//	"hundreds of thousands" 200,000-999,999.
//
// "at least"-like qualifiers on a vague amount keep its lower end and open
// the top; "up to"-like ones keep its upper end from 0; "about"-like ones
// leave it as it is; "nearly"-like ones are an error.
//
// A multiplier ending a range applies to both ends when that keeps the
// range the right way round: "2 to 3 million" is 2,000,000 to 3,000,000.
// Figures above 10^18, fractions that stay fractions ("1.5"), negative
// figures, and "6.000" (a decimal point or a European thousands
// separator?) are errors. Point is the figure stated; the midpoint (rounded
// down) for a range; the geometric mean (rounded) for a vague amount, whose
// upper end is many times its lower.
func Count(s string, o Options) (reconcile.Reading, error) {
	l := lexer{s: s}
	first := l.peek()
	if first.kind == tEOF {
		return reconcile.Reading{}, countErr(s, "the value is empty; "+countForms)
	}
	if first.kind == tMinus || first.is("minus") || first.is("negative") ||
		(first.kind == tDash && isDigitAfterSpace(s, first.end)) {
		return reconcile.Reading{}, countErr(s, "a count cannot be negative; "+countForms)
	}
	pre, preLabel, _ := parsePrefix(&l)
	afterPrefix := l.pos
	q1pos := l.peek().pos
	q1, ok, reason := parseQuantity(&l)
	if !ok {
		l.pos = afterPrefix
		return reconcile.Reading{}, countErr(s, noFigureReason(&l, preLabel))
	}
	if reason != "" {
		return reconcile.Reading{}, countErr(s, reason)
	}

	// A second figure: a range.
	var q2 quantity
	ranged := false
	orRange := false
	sepSave := l.pos
	sep := l.next()
	switch {
	case pre == qBetween:
		if !(sep.is("and") || sep.is("to") || sep.kind == tDash) {
			return reconcile.Reading{}, countErr(s, `"between" needs two figures, as in "between 15 and 20"`)
		}
		ranged = true
	case pre == qFrom:
		if !(sep.is("to") || sep.kind == tDash) {
			return reconcile.Reading{}, countErr(s, `"from" needs two figures, as in "from 15 to 20"`)
		}
		ranged = true
	case sep.is("to") || sep.kind == tDash:
		ranged = startsQuantity(&l)
	case sep.is("or"):
		ranged = startsQuantity(&l)
		orRange = ranged
	}
	if ranged {
		var ok bool
		q2, ok, reason = parseQuantity(&l)
		if !ok {
			return reconcile.Reading{}, countErr(s, "expected a second figure after "+quote(trimPhrase(s[q1pos:sep.end]))+`, as in "between 15 and 20"`)
		}
		if reason != "" {
			return reconcile.Reading{}, countErr(s, reason)
		}
		if !q1.exact || !q2.exact {
			return reconcile.Reading{}, countErr(s, "a range needs two figures, not a vague amount such as "+quote(pick(q1, q2).text))
		}
	} else {
		l.pos = sepSave
	}

	post, postLabel, hasPost := parsePostfix(&l)
	if hasPost && (pre != qExact || ranged) && !(pre == qAbout && post == qAbout) {
		return reconcile.Reading{}, countErr(s, "one qualifier at a time: "+quote(trimPhrase(s))+" has one before the figure and one after it")
	}

	// Whatever follows must not state another figure.
	if reason := checkTrailing(&l, q1); reason != "" {
		return reconcile.Reading{}, countErr(s, reason)
	}

	b := gloss{o: o}
	if ranged {
		return b.readRange(s, pre, preLabel, orRange, q1, q2)
	}
	if hasPost {
		pre, preLabel = post, postLabel
	}
	if !q1.exact {
		return b.readVague(s, pre, preLabel, q1)
	}
	n, reason := q1.n.value()
	if reason != "" {
		return reconcile.Reading{}, countErr(s, reason)
	}
	return b.readFigure(s, pre, preLabel, n, q1)
}

func pick(a, b quantity) quantity {
	if !a.exact {
		return a
	}
	return b
}

func isDigitAfterSpace(s string, i int) bool {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i < len(s) && isDigit(s[i])
}

// noFigureReason explains a phrase without a figure where one was expected,
// naming the words in the way when a figure does come later.
func noFigureReason(l *lexer, preLabel string) string {
	start := l.pos
	for {
		save := l.pos
		t := l.next()
		if t.kind == tEOF {
			break
		}
		l.pos = save
		if startsQuantity(l) {
			before := strings.TrimSpace(l.s[start:t.pos])
			if before == "" {
				break
			}
			return "words before the figure are not understood (" + quote(before) + "); " + countForms
		}
		l.next()
	}
	if preLabel != "" {
		return "no figure after " + quote(preLabel) + "; " + countForms
	}
	return "no number found; " + countForms
}

// checkTrailing lets a noun phrase follow the figure ("137 people",
// "dozens of civilians") but refuses a second figure, a percentage or an
// ordinal, any of which would mean the phrase says something else.
func checkTrailing(l *lexer, q quantity) string {
	t := l.next()
	switch {
	case t.kind == tPercent || t.is("percent") || t.is("pct") || (t.is("per") && l.peek().is("cent")):
		return "a percentage is not a count; " + countForms
	case t.kind == tDash:
		if u := l.peek(); u.kind == tWord {
			if ordinalWords[lowerWord(u)] {
				return quote(q.text+t.text+u.text) + " is an ordinal, not a count"
			}
		}
	}
	for ; t.kind != tEOF; t = l.next() {
		if isNumberish(t) {
			return "found a second figure " + quote(t.text+t.suffix) + " after " + quote(q.text) + `; write one figure, or a range such as "between 15 and 20"`
		}
	}
	return ""
}

// gloss builds readings and their explanations.
type gloss struct {
	o Options
	b []byte
}

func (g *gloss) start(s string) {
	p := trimPhrase(s)
	g.b = make([]byte, 0, len(p)+112)
	g.b = append(g.b, '"')
	g.b = append(g.b, p...)
	g.b = append(g.b, "\": "...)
}

func (g *gloss) rangeWords(lo, hi uint64, open bool) {
	switch {
	case open:
		g.b = appendGrouped(g.b, lo)
		g.b = append(g.b, " or more"...)
	case lo == hi:
		g.b = append(g.b, "exactly "...)
		g.b = appendGrouped(g.b, lo)
	default:
		g.b = appendGrouped(g.b, lo)
		g.b = append(g.b, " to "...)
		g.b = appendGrouped(g.b, hi)
	}
}

func (g *gloss) percent() {
	ppm := g.o.approxPPM()
	g.b = strconv.AppendUint(g.b, ppm/10000, 10)
	if frac := ppm % 10000; frac != 0 {
		f := strconv.FormatUint(frac+10000, 10)[1:] // zero-padded to 4
		g.b = append(g.b, '.')
		g.b = append(g.b, strings.TrimRight(f, "0")...)
	}
	g.b = append(g.b, '%')
}

// width is the approximation width for n: Approx of n, rounded half up,
// at least 1. forced reports that the minimum applied.
func (g *gloss) width(n uint64) (w uint64, forced bool) {
	hi, lo := bits.Mul64(n, g.o.approxPPM())
	lo, c := bits.Add64(lo, 500_000, 0)
	hi += c
	w, _ = bits.Div64(hi, lo, 1_000_000)
	if w < 1 {
		return 1, true
	}
	return w, false
}

func reading(lo, hi uint64, open bool, point uint64, b []byte) reconcile.Reading {
	r := reconcile.Reading{Kind: reconcile.Count, Range: reconcile.Range{Min: int64(lo), Max: int64(hi)}, Point: int64(point), Gloss: string(b)}
	if open {
		r.Range.Max = reconcile.Unbounded
	}
	return r
}

func (g *gloss) readFigure(s string, q qual, label string, n uint64, qt quantity) (reconcile.Reading, error) {
	var lo, hi uint64
	open := false
	var w uint64
	var forced bool
	switch q {
	case qExact:
		lo, hi = n, n
	case qAtLeast:
		lo, open = n, true
	case qMoreThan:
		lo, open = n+1, true
	case qAtMost:
		lo, hi = 0, n
	case qFewerThan:
		if n == 0 {
			return reconcile.Reading{}, countErr(s, quote(label)+" zero leaves no count")
		}
		lo, hi = 0, n-1
	case qAbout:
		w, forced = g.width(n)
		lo, hi = n-min(w, n), n+w
	case qNearly:
		if n == 0 {
			return reconcile.Reading{}, countErr(s, quote(label)+" zero leaves no count")
		}
		w, forced = g.width(n)
		lo, hi = n-min(w, n), n-1
	case qJustOver:
		w, forced = g.width(n)
		lo, hi = n+1, n+w
	}
	g.start(s)
	g.rangeWords(lo, hi, open)
	if q == qExact {
		if n != qt.n.mant || qt.n.mult != 1 || qt.n.point != 0 {
			// Spelt-out or multiplied figures get their arithmetic shown.
			g.b = append(g.b, " ("...)
			g.b = append(g.b, strings.ToLower(qt.text)...)
			g.b = append(g.b, " = "...)
			g.b = appendGrouped(g.b, n)
			g.b = append(g.b, ')')
		}
		return reading(lo, hi, open, n, g.b), nil
	}
	// The qualifier as a pattern: "at least N", "N+", "~N", "N or so".
	form := label
	switch {
	case strings.HasPrefix(label, "N"):
	case label == "~":
		form = "~N"
	default:
		form = label + " N"
	}
	var rule string
	switch q {
	case qAtLeast:
		rule = "N or more"
		if label == "upwards of" || label == "upward of" {
			rule = "N or more, read inclusively"
		}
	case qMoreThan:
		rule = "above N, so N+1 or more"
	case qAtMost:
		rule = "N or fewer"
	case qFewerThan:
		rule = "below N, so N-1 or fewer"
	}
	g.b = append(g.b, " ("...)
	g.b = append(g.b, form...)
	if rule != form {
		g.b = append(g.b, ": "...)
		g.b = append(g.b, rule...)
	}
	switch q {
	case qAbout:
		g.b = append(g.b, "within "...)
		g.percent()
		g.b = append(g.b, " of N either way"...)
	case qNearly:
		g.b = append(g.b, "up to "...)
		g.percent()
		g.b = append(g.b, " below N, never reaching it"...)
	case qJustOver:
		g.b = append(g.b, "above N by up to "...)
		g.percent()
	}
	if forced {
		g.b = append(g.b, ", but at least 1"...)
	}
	g.b = append(g.b, ')')
	return reading(lo, hi, open, n, g.b), nil
}

func (g *gloss) readVague(s string, q qual, label string, qt quantity) (reconcile.Reading, error) {
	v := qt.vague
	lo, hi := v.lo, v.hi
	open := false
	point := uint64(math.Round(math.Sqrt(float64(lo) * float64(hi))))
	point = max(lo, min(point, hi))
	how := ""
	switch q {
	case qExact, qAbout:
		// "some dozens" is no vaguer than "dozens".
	case qAtLeast, qMoreThan:
		open = true
		how = "; " + label + " " + strings.ToLower(qt.text) + ": its lowest reading or more"
	case qAtMost, qFewerThan:
		lo = 0
		how = "; " + label + " " + strings.ToLower(qt.text) + ": up to its highest reading"
	default:
		return reconcile.Reading{}, countErr(s, quote(label)+" needs a figure, not a vague amount such as "+quote(qt.text)+"; "+countForms)
	}
	g.start(s)
	g.rangeWords(lo, hi, open)
	g.b = append(g.b, " ("...)
	g.b = append(g.b, v.why...)
	g.b = append(g.b, how...)
	g.b = append(g.b, ')')
	return reading(lo, hi, open, point, g.b), nil
}

func (g *gloss) readRange(s string, q qual, label string, either bool, q1, q2 quantity) (reconcile.Reading, error) {
	// Lend a trailing multiplier to the first figure when that makes sense:
	// "2 to 3 million", "between 15 and 20 thousand".
	shared := false
	if q2.n.scaled() && !q1.n.scaled() {
		a := q1.n
		a.mult = q2.n.mult
		if av, r := a.value(); r == "" {
			if bv, r := q2.n.value(); r == "" && av <= bv {
				q1.n = a
				shared = true
			}
		}
	}
	a, reason := q1.n.value()
	if reason != "" {
		return reconcile.Reading{}, countErr(s, reason)
	}
	b, reason := q2.n.value()
	if reason != "" {
		return reconcile.Reading{}, countErr(s, reason)
	}
	if a > b {
		if !either {
			return reconcile.Reading{}, countErr(s, "the range runs backwards ("+groupNum(a)+" to "+groupNum(b)+"); write the smaller figure first")
		}
		a, b = b, a
	}
	lo, hi := a, b
	switch q {
	case qExact, qBetween, qFrom:
	case qAbout:
		wa, _ := g.width(a)
		wb, _ := g.width(b)
		lo, hi = a-min(wa, a), b+wb
	default:
		return reconcile.Reading{}, countErr(s, "one qualifier at a time: "+quote(label)+" cannot govern a range; write \"between 15 and 20\" or \""+label+" 20\"")
	}
	g.start(s)
	g.rangeWords(lo, hi, false)
	switch {
	case q == qAbout:
		g.b = append(g.b, " (a range, "...)
		g.b = append(g.b, label...)
		g.b = append(g.b, ": each end widened by "...)
		g.percent()
		g.b = append(g.b, ", at least 1"...)
	case either:
		g.b = append(g.b, " (A or B: either figure, or any between"...)
	default:
		g.b = append(g.b, " (a range: both ends included"...)
	}
	if shared {
		g.b = append(g.b, "; the multiplier applies to both figures"...)
	}
	g.b = append(g.b, ')')
	return reading(lo, hi, false, a+(b-a)/2, g.b), nil
}

// Qualifiers lists, for each first word, the qualifiers that may open a
// count phrase ("at least", "nearly", "a total of"), longest first. It is
// the readers' own list, so a scanner looking for count phrases in running
// text (crosscheck draft) starts candidates exactly where Count would
// accept them and never drifts from it. Each qualifier is its words.
func Qualifiers() map[string][][]string {
	out := make(map[string][][]string, len(prefixes))
	for first, rules := range prefixes {
		for _, r := range rules {
			out[first] = append(out[first], r.words)
		}
	}
	return out
}
