package phrase

import "strconv"

// vagueRange is crosscheck's default reading of a word that names a
// quantity without a figure. The defaults are deliberately conventional,
// not generous: "dozens" stops below a hundred because a journalist with a
// hundred and twenty deaths writes "more than a hundred", and a reading that
// is too wide hides real disagreements between sources.
//
//	a couple    2 to 3
//	a few       2 to 5
//	a handful   2 to 5
//	several     3 to 9
//	tens        20 to 99
//	dozens      24 to 99      (two dozen or more, fewer than a hundred)
//	scores      40 to 199     (two score or more, fewer than two hundred)
//	hundreds    200 to 999
//	thousands   2,000 to 9,999
//	millions    2,000,000 to 9,999,999 (billions, trillions alike)
//
// "a few", "a couple" and "several" may be followed by multipliers: "a few
// hundred" is 2 to 5 hundreds, up to the next hundred: 200 to 599. A plural
// may be followed by "of" and a larger plural: "tens of thousands" is
// 20,000 to 99,999, "hundreds of thousands" 200,000 to 999,999.
type vagueRange struct {
	lo, hi uint64
	why    string // the rule in words, for the gloss
}

// vagueCounts are the small vague counts; all but "several" need "a".
var vagueCounts = map[string]vagueRange{
	"couple":  {2, 3, "a couple: 2 or 3"},
	"few":     {2, 5, "a few: 2 to 5"},
	"handful": {2, 5, "a handful: 2 to 5"},
	"several": {3, 9, "several: 3 to 9"},
}

var vaguePlurals = map[string]vagueRange{
	"tens":      {20, 99, "tens: 20 to 99"},
	"dozens":    {24, 99, "dozens: two dozen or more, fewer than a hundred"},
	"scores":    {40, 199, "scores: two score or more, fewer than two hundred"},
	"hundreds":  {200, 999, "hundreds: two hundred or more, fewer than a thousand"},
	"thousands": {2e3, 1e4 - 1, "thousands: two thousand or more, fewer than ten thousand"},
	"millions":  {2e6, 1e7 - 1, "millions: two million or more, fewer than ten million"},
	"billions":  {2e9, 1e10 - 1, "billions: two billion or more, fewer than ten billion"},
	"trillions": {2e12, 1e13 - 1, "trillions: two trillion or more, fewer than ten trillion"},
}

// pluralMult is what a plural multiplies when it follows "of".
var pluralMult = map[string]uint64{
	"hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}

func lowerWord(t token) string {
	if t.kind != tWord {
		return ""
	}
	var buf [16]byte
	k := lowerKey(&buf, t.text)
	// Map look-ups below index with string(k) directly; this copy is only
	// made once a word is known to matter.
	return string(k)
}

// parseVague reads a quantity named without a figure. ok is false when none
// is next; reason is set when one is next but cannot be read.
func parseVague(l *lexer) (v vagueRange, text string, ok bool, reason string) {
	start := l.pos
	t := l.next()
	if t.kind != tWord {
		l.pos = start
		return vagueRange{}, "", false, ""
	}
	var buf [16]byte
	switch {
	case t.is("a") || t.is("several"):
		u := t
		if t.is("a") {
			u = l.next()
			if u.is("several") || u.kind != tWord {
				l.pos = start
				return vagueRange{}, "", false, ""
			}
		}
		base, found := vagueCounts[string(lowerKey(&buf, u.text))]
		if !found {
			l.pos = start
			return vagueRange{}, "", false, ""
		}
		end := u.end
		mult := uint64(1)
		for {
			save := l.pos
			l.words("of") // "a couple of hundred"
			m := l.next()
			w := lookupWord(m)
			f := w.v
			if w.class != wHundred && w.class != wScale && w.class != wDozen {
				f = pluralMult[string(lowerKey(&buf, m.text))] // "several thousands"
				if m.kind != tWord || f == 0 {
					l.pos = save
					break
				}
			}
			p, fits := mulCap(mult, f)
			if !fits {
				return vagueRange{}, "", true, tooLarge(l.s[t.pos:m.end])
			}
			mult, end = p, m.end
		}
		text = l.s[t.pos:end]
		if mult == 1 {
			return base, text, true, ""
		}
		lo, ok1 := mulCap(base.lo, mult)
		hi, ok2 := mulCap(base.hi+1, mult)
		if !ok1 || !ok2 {
			return vagueRange{}, "", true, tooLarge(text)
		}
		why := base.why + ", times " + groupNum(mult) + ", up to just below " + strconv.FormatUint(base.hi+1, 10) + " times " + groupNum(mult)
		return vagueRange{lo, hi - 1, why}, text, true, ""
	}
	base, found := vaguePlurals[string(lowerKey(&buf, t.text))]
	if !found {
		l.pos = start
		return vagueRange{}, "", false, ""
	}
	save := l.pos
	if l.words("of") {
		m := l.next()
		if f := pluralMult[lowerWord(m)]; f != 0 && f > base.hi {
			lo, ok1 := mulCap(base.lo, f)
			hi, ok2 := mulCap(base.hi+1, f)
			text = l.s[t.pos:m.end]
			if !ok1 || !ok2 {
				return vagueRange{}, "", true, tooLarge(text)
			}
			why := lowerWord(t) + " of " + lowerWord(m) + ": " + strconv.FormatUint(base.lo, 10) + " to " + strconv.FormatUint(base.hi, 10) + " times " + groupNum(f)
			return vagueRange{lo, hi - 1, why}, text, true, ""
		}
	}
	l.pos = save
	return base, t.text, true, ""
}

// groupNum writes a whole number with thousands separators, as reports do.
func groupNum(v uint64) string {
	var b [32]byte
	return string(appendGrouped(b[:0], v))
}

func appendGrouped(b []byte, v uint64) []byte {
	var d [20]byte
	i := len(d)
	for {
		i--
		d[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	digits := d[i:]
	for j, c := range digits {
		if j > 0 && (len(digits)-j)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, c)
	}
	return b
}
