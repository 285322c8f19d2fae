package phrase

import (
	"math/bits"
	"strings"
)

// maxCount is the largest figure a count may state. It sits well below
// reconcile.Unbounded so that N+1, N+width and shared multipliers can never
// wrap around: anything bigger is an error, never a silently wrong range.
const maxCount = 1_000_000_000_000_000_000

// wclass is the grammatical role of a number word.
type wclass uint8

const (
	wNone    wclass = iota
	wUnit           // zero..nine
	wTeen           // ten..nineteen
	wTens           // twenty..ninety
	wHundred        // hundred
	wScale          // thousand, million, billion, trillion
	wDozen          // dozen
	wAnd            // "one hundred and twenty"
	wDash           // "twenty-one"
)

type wordInfo struct {
	class wclass
	v     uint64
}

var numberWords = map[string]wordInfo{
	"zero": {wUnit, 0}, "one": {wUnit, 1}, "two": {wUnit, 2}, "three": {wUnit, 3},
	"four": {wUnit, 4}, "five": {wUnit, 5}, "six": {wUnit, 6}, "seven": {wUnit, 7},
	"eight": {wUnit, 8}, "nine": {wUnit, 9},
	"ten": {wTeen, 10}, "eleven": {wTeen, 11}, "twelve": {wTeen, 12}, "thirteen": {wTeen, 13},
	"fourteen": {wTeen, 14}, "fifteen": {wTeen, 15}, "sixteen": {wTeen, 16},
	"seventeen": {wTeen, 17}, "eighteen": {wTeen, 18}, "nineteen": {wTeen, 19},
	"twenty": {wTens, 20}, "thirty": {wTens, 30}, "forty": {wTens, 40}, "fourty": {wTens, 40},
	"fifty": {wTens, 50}, "sixty": {wTens, 60}, "seventy": {wTens, 70}, "eighty": {wTens, 80},
	"ninety":   {wTens, 90},
	"hundred":  {wHundred, 100},
	"thousand": {wScale, 1e3}, "million": {wScale, 1e6}, "billion": {wScale, 1e9},
	"trillion": {wScale, 1e12},
	"dozen":    {wDozen, 12},
}

// pluralScales are the number words that make a figure vague ("dozens of").
// They count as numbers wherever a phrase is checked for a second figure.
var pluralScales = map[string]bool{
	"tens": true, "dozens": true, "scores": true, "hundreds": true,
	"thousands": true, "millions": true, "billions": true, "trillions": true,
}

// ordinalWords matter only right after a dash: "twenty-first" must not
// read as twenty followed by the noun "first".
var ordinalWords = map[string]bool{
	"first": true, "second": true, "third": true, "fourth": true, "fifth": true,
	"sixth": true, "seventh": true, "eighth": true, "ninth": true,
}

func lookupWord(t token) wordInfo {
	if t.kind != tWord {
		return wordInfo{}
	}
	var buf [16]byte
	return numberWords[string(lowerKey(&buf, t.text))]
}

// IsNumberWord reports whether w, ignoring case, is an English number word
// crosscheck reads: "thirteen", "hundred", "dozen", or a vague plural such
// as "dozens" or "thousands".
func IsNumberWord(w string) bool {
	var buf [16]byte
	k := lowerKey(&buf, w)
	if k == nil {
		return false
	}
	if _, ok := numberWords[string(k)]; ok {
		return true
	}
	return pluralScales[string(k)]
}

// isNumberish reports whether a token states or implies a figure, for the
// "no second figure" check on a phrase's trailing words.
func isNumberish(t token) bool {
	switch t.kind {
	case tNum:
		return true
	case tWord:
		var buf [16]byte
		k := lowerKey(&buf, t.text)
		if k == nil {
			return false
		}
		if _, ok := numberWords[string(k)]; ok {
			return true
		}
		return pluralScales[string(k)] || vagueCounts[string(k)].hi != 0
	}
	return false
}

// Numbers returns the figures a phrase states, each as written: numerals
// with their separators and multipliers ("6,000", "1.5 million") and runs
// of number words ("twenty-one", "one hundred and twenty", "dozens",
// "hundreds of thousands"). The loader uses it to check that a claim's
// value appears in its quote.
func Numbers(s string) []string {
	var out []string
	l := lexer{s: s}
	for {
		t := l.next()
		if t.kind == tEOF {
			return out
		}
		if t.kind != tNum && !numberWord(t) {
			continue
		}
		end := t.end
		for {
			save := l.pos
			u := l.next()
			if t.kind == tNum {
				// Only multipliers continue a numeral: "1.5 million".
				if c := lookupWord(u).class; c == wHundred || c == wScale || c == wDozen {
					end = u.end
					continue
				}
			} else if numberWord(u) {
				end = u.end
				continue
			} else if u.is("and") || u.kind == tDash || u.is("of") && isPlural(t) {
				// Joiners belong to the figure only when a number word
				// follows: "one hundred and twenty", "hundreds of
				// thousands", but not "bread and butter".
				if w := l.next(); numberWord(w) {
					end = w.end
					continue
				}
			}
			l.pos = save
			break
		}
		out = append(out, s[t.pos:end])
	}
}

func numberWord(t token) bool { return lookupWord(t).class != wNone || isPlural(t) }

func isPlural(t token) bool {
	if t.kind != tWord {
		return false
	}
	var buf [16]byte
	return pluralScales[string(lowerKey(&buf, t.text))]
}

// num is a figure as written, kept in parts so that a range can share a
// trailing multiplier ("2 to 3 million") before its whole value is settled.
type num struct {
	mant uint64 // the digits, separators dropped
	dec  int    // how many of them follow the decimal point
	// point is how many digits were written after a decimal point, trailing
	// zeros included: "6.000" has 3 and dec 0.
	point int
	mult  uint64 // trailing multiplier words multiplied out; 1 if none
	text  string // as written
}

func (n num) scaled() bool { return n.mult > 1 }

// value is the figure as a whole number, or a reason it is not one.
func (n num) value() (uint64, string) {
	if n.point == 3 && n.mult == 1 {
		// "6.000" is six in English but six thousand in much of Europe:
		// refuse to guess.
		return 0, quote(n.text) + " is ambiguous (a decimal point or a thousands separator?); write \"6,000\" or \"6\""
	}
	if n.point > 0 && n.mult == 1 {
		return 0, quote(n.text) + " is not a whole number; write a whole figure, or a fraction of a multiplier such as \"1.5 million\""
	}
	hi, lo := bits.Mul64(n.mant, n.mult)
	div := pow10(n.dec)
	if hi >= div {
		return 0, tooLarge(n.text)
	}
	q, r := bits.Div64(hi, lo, div)
	if r != 0 {
		return 0, quote(n.text) + " is not a whole number"
	}
	if q > maxCount {
		return 0, tooLarge(n.text)
	}
	return q, ""
}

func tooLarge(text string) string {
	return quote(text) + " is too large to be a count (the limit is 10^18)"
}

func pow10(n int) uint64 {
	p := uint64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// mulCap multiplies, reporting false when the product passes maxCount.
func mulCap(a, b uint64) (uint64, bool) {
	hi, lo := bits.Mul64(a, b)
	if hi != 0 || lo > maxCount {
		return 0, false
	}
	return lo, true
}

// parseNumeral reads digits ("84", "6,000", "1.5") and any multiplier words
// after them ("1.5 million", "2 dozen"). ok is false when no numeral is
// next; reason is set when one is next but malformed.
func parseNumeral(l *lexer) (n num, ok bool, reason string) {
	save := l.pos
	t := l.next()
	if t.kind != tNum {
		l.pos = save
		return num{}, false, ""
	}
	if t.suffix != "" {
		switch strings.ToLower(t.suffix) {
		case "st", "nd", "rd", "th":
			return num{}, true, quote(t.text+t.suffix) + " is an ordinal, not a count"
		}
		return num{}, true, quote(t.text+t.suffix) + " has letters glued to it; write the figure in full, such as \"1.5 million\" or \"1,500,000\""
	}
	n, reason = parseDigits(t.text)
	if reason != "" {
		return num{}, true, reason
	}
	end := t.end
	for {
		save := l.pos
		u := l.next()
		c := lookupWord(u)
		if c.class != wHundred && c.class != wScale && c.class != wDozen {
			l.pos = save
			break
		}
		m, fits := mulCap(n.mult, c.v)
		if !fits {
			return num{}, true, tooLarge(l.s[t.pos:u.end])
		}
		n.mult = m
		end = u.end
	}
	n.text = l.s[t.pos:end]
	return n, true, ""
}

// parseDigits checks thousands separators strictly: "1,00" is more likely
// a typo than a figure, and a wrong figure is worse than an error.
func parseDigits(s string) (num, string) {
	n := num{mult: 1, text: s}
	intEnd := strings.IndexByte(s, '.')
	if intEnd < 0 {
		intEnd = len(s)
	} else if strings.IndexByte(s[intEnd+1:], '.') >= 0 || strings.IndexByte(s[intEnd+1:], ',') >= 0 {
		return num{}, quote(s) + " is not a number crosscheck reads; write it as \"6,000\" or \"1.5 million\""
	}
	if strings.IndexByte(s[:intEnd], ',') >= 0 {
		group := 0
		for i := 0; i < intEnd; i++ {
			if s[i] == ',' {
				if (i == group && group != 0) || (group == 0 && i > 3) || (group != 0 && i-group != 3) {
					return num{}, quote(s) + " has misplaced thousands separators; write it as \"6,000\" or \"6000\""
				}
				group = i + 1
			}
		}
		if intEnd-group != 3 {
			return num{}, quote(s) + " has misplaced thousands separators; write it as \"6,000\" or \"6000\""
		}
	}
	sig := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ',' || c == '.' {
			continue
		}
		if i > intEnd {
			n.dec++
		}
		if n.mant == 0 && c == '0' {
			continue
		}
		sig++
		if sig > 19 {
			return num{}, tooLarge(s)
		}
		n.mant = n.mant*10 + uint64(c-'0')
	}
	// Trailing zeros after the point say nothing ("1.50 million"); dropping
	// them keeps the divisor small.
	for n.dec > 0 && n.mant%10 == 0 {
		n.mant /= 10
		n.dec--
	}
	if n.dec > 18 {
		return num{}, quote(s) + " has too many decimal places"
	}
	if intEnd < len(s) {
		n.point = len(s) - intEnd - 1
	}
	return n, ""
}

// parseWords reads a spelt-out figure: "thirteen", "twenty-one",
// "three thousand", "one hundred and twenty", "a hundred", "two dozen",
// "half a dozen". It stops before anything that would not continue the
// figure, so "five five" reads as five followed by trailing words.
func parseWords(l *lexer) (n num, ok bool, reason string) {
	start := l.pos
	first := l.peek()
	if first.kind != tWord {
		return num{}, false, ""
	}
	var total, cur uint64
	last := wNone
	lastScale := uint64(1 << 62)
	if first.is("half") || first.is("a") || first.is("an") {
		l.next()
		if first.is("half") {
			if l.words("a", "dozen") || l.words("an", "dozen") {
				return num{mant: 6, mult: 1, text: l.s[first.pos:l.pos]}, true, ""
			}
			l.pos = start
			return num{}, false, ""
		}
		save := l.pos
		if l.next().is("half") {
			l.skip(tDash)
			if l.next().is("dozen") {
				return num{mant: 6, mult: 1, text: l.s[first.pos:l.pos]}, true, ""
			}
		}
		l.pos = save
		switch lookupWord(l.peek()).class {
		case wHundred, wScale, wDozen:
			cur, last = 1, wUnit
		default:
			l.pos = start
			return num{}, false, ""
		}
	}
	textStart := first.pos
	textEnd := first.end
loop:
	for {
		save := l.pos
		t := l.next()
		w := lookupWord(t)
		c := w.class
		if t.kind == tDash {
			c = wDash
		} else if t.is("and") {
			c = wAnd
		}
		okHere := false
		switch c {
		case wUnit, wTeen:
			switch last {
			case wNone:
				okHere = true
			case wHundred, wScale, wAnd:
				okHere = w.v > 0
			case wTens, wDash:
				okHere = c == wUnit && w.v > 0 && cur%10 == 0
			}
			if okHere {
				cur += w.v
			}
		case wTens:
			okHere = last == wNone || last == wHundred || last == wScale || last == wAnd
			okHere = okHere && cur%100 == 0
			if okHere {
				cur += w.v
			}
		case wHundred:
			okHere = (last == wUnit || last == wTeen || last == wTens) && cur >= 1 && cur <= 99
			if okHere {
				cur *= 100
			}
		case wScale:
			okHere = last != wNone && last != wAnd && last != wDash && last != wScale && cur > 0 && w.v < lastScale
			if okHere {
				p, fits := mulCap(cur, w.v)
				if !fits || total+p > maxCount {
					return num{}, true, tooLarge(l.s[textStart:t.end])
				}
				total += p
				cur = 0
				lastScale = w.v
			}
		case wDozen:
			okHere = (last == wUnit || last == wTeen || last == wTens) && total == 0 && cur > 0
			if okHere {
				textEnd = t.end
				return num{mant: cur, mult: 12, text: l.s[textStart:textEnd]}, true, ""
			}
		case wAnd, wDash:
			// Only a joiner when a number word that may follow comes next.
			nx := lookupWord(l.peek())
			if c == wAnd {
				okHere = (last == wHundred || last == wScale) && (nx.class == wUnit || nx.class == wTeen || nx.class == wTens) && nx.v > 0
			} else {
				okHere = last == wTens && cur%10 == 0 && nx.class == wUnit && nx.v > 0
			}
		}
		if !okHere {
			l.pos = save
			break loop
		}
		if c == wUnit && w.v == 0 {
			// "zero" stands alone.
			last = c
			textEnd = t.end
			break loop
		}
		last = c
		textEnd = t.end
	}
	if last == wNone {
		l.pos = start
		return num{}, false, ""
	}
	v := total + cur
	n = num{mant: v, mult: 1, text: l.s[textStart:textEnd]}
	// A figure ending in a multiplier can lend it to the start of a range:
	// "two to three thousand".
	switch {
	case last == wScale && cur == 0:
		n.mant, n.mult = v/lastScale, lastScale
	case last == wHundred && total == 0:
		n.mant, n.mult = v/100, 100
	}
	return n, true, ""
}
