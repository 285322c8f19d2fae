package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// Value phrases. Every phrase generated here stays within the forms the
// readers document (docs/format.md, reconcile/phrase): a figure, number
// words, a qualifier before it, "between A and B", a vague amount, a date
// in ISO, AP or long form, a month, a month and day, or "last <weekday>".
// Each phrase for a figure n is built so that its reading contains n: a
// source that agrees with the truth is read as agreeing.

// wording is a value as the source file writes it and the words the quote
// uses for it.
type wording struct {
	value  string // the TOML value: a string's contents, or a native literal
	native bool   // value is a TOML integer or date, written bare
	words  string // what the quote says
}

func str(s string) wording { return wording{value: s, words: s} }

// step is the rounding a writer uses for a figure of n's size.
func step(n int) int {
	switch {
	case n < 50:
		return 5
	case n < 200:
		return 10
	case n < 1000:
		return 50
	}
	return 100
}

// approx is the width the readers give "about R" at the default 0.10:
// a tenth of R rounded half up, at least 1.
func approx(r int) int { return max(1, (r+5)/10) }

// num writes a figure as a writer would: 1,200 with a separator.
func num(n int) string {
	s := strconv.Itoa(n)
	if n < 1000 {
		return s
	}
	out := []byte{}
	for i, c := range []byte(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, c)
	}
	return string(out)
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// countPhrase returns a wording whose reading contains n. exact limits it
// to forms that state n itself (for outliers, whose point must be clear).
func countPhrase(r *rand.Rand, n int, exact bool) wording {
	if exact {
		switch r.IntN(4) {
		case 0, 1:
			if n < 1000 {
				return wording{value: strconv.Itoa(n), native: true, words: strconv.Itoa(n)}
			}
			return str(num(n))
		case 2:
			return str(pick(r, "at least ", "no fewer than ") + num(n))
		default:
			if n >= 1 && n <= 99 {
				return str(spell(n))
			}
			return str(num(n))
		}
	}
	s := step(n)
	down := n / s * s // largest multiple of s at or below n
	up := (n + s - 1) / s * s
	for {
		switch x := r.IntN(100); {
		case x < 22: // exact figure, a TOML integer
			if n < 1000 {
				return wording{value: strconv.Itoa(n), native: true, words: strconv.Itoa(n)}
			}
		case x < 28: // number words
			if n >= 1 && n <= 99 {
				return str(spell(n))
			}
		case x < 42: // at least
			l := n
			if r.IntN(2) == 0 && down >= 1 {
				l = down
			}
			return str(pick(r, "at least ", "at least ", "at least ", "no fewer than ", "upwards of ", "a minimum of ") + num(l))
		case x < 52: // more than / over
			l := down
			if l == n {
				l = n - s
			}
			if l >= 1 {
				return str(pick(r, "more than ", "over ", "more than ", "in excess of ") + num(l))
			}
		case x < 56: // up to
			return str(pick(r, "up to ", "as many as ") + num(up))
		case x < 59: // fewer than
			u := (n/s + 1) * s
			return str(pick(r, "fewer than ", "under ", "less than ") + num(u))
		case x < 69: // about
			rr := (n + s/2) / s * s
			if rr >= 1 && abs(n-rr) <= approx(rr) {
				return str(pick(r, "about ", "around ", "some ", "roughly ", "an estimated ", "approximately ") + num(rr))
			}
		case x < 77: // nearly
			rr := (n/s + 1) * s
			if rr-approx(rr) <= n && n <= rr-1 {
				return str(pick(r, "nearly ", "almost ", "close to ", "just under ") + num(rr))
			}
		case x < 81: // just over
			rr := down
			if rr == n {
				rr -= s
			}
			if rr >= 1 && n <= rr+approx(rr) {
				return str(pick(r, "just over ", "slightly more than ") + num(rr))
			}
		case x < 88: // a range
			a := down
			if a == n && r.IntN(2) == 0 {
				a = n - s
			}
			b := a + s*(1+r.IntN(2))
			if a >= 1 && a <= n && n <= b {
				switch r.IntN(4) {
				case 0:
					return str(num(a) + " to " + num(b))
				case 1:
					return str("from " + num(a) + " to " + num(b))
				default:
					return str("between " + num(a) + " and " + num(b))
				}
			}
		case x < 95: // a vague amount
			var opts []string
			switch {
			case n == 12:
				opts = append(opts, "a dozen")
			case n >= 2 && n <= 3:
				opts = append(opts, "a couple")
			}
			if n >= 2 && n <= 5 {
				opts = append(opts, "a few", "a handful")
			}
			if n >= 3 && n <= 9 {
				opts = append(opts, "several")
			}
			if n >= 24 && n <= 99 {
				opts = append(opts, "dozens", "dozens")
			}
			if n >= 40 && n <= 199 {
				opts = append(opts, "scores")
			}
			if n >= 200 && n <= 999 {
				opts = append(opts, "hundreds")
			}
			if n >= 2000 && n <= 9999 {
				opts = append(opts, "thousands")
			}
			if len(opts) > 0 {
				return str(opts[r.IntN(len(opts))])
			}
		default: // "N or more", "N+"
			if n >= 1 {
				return str(num(n) + pick(r, " or more", "+"))
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// vague reports whether a count wording is a plural amount that takes "of"
// before a noun: "dozens of people", but "several people".
func vague(p wording) bool {
	switch p.value {
	case "dozens", "scores", "hundreds", "thousands":
		return true
	}
	return false
}

// people is the wording with its noun: "at least 12 people", "dozens of
// people", "one person".
func people(p wording, noun, singular string) string {
	switch {
	case vague(p):
		return p.words + " of " + noun
	case p.words == "1" || p.words == "one":
		return p.words + " " + singular
	}
	return p.words + " " + noun
}

func isoDay(t time.Time) string { return t.Format("2006-01-02") }

// datePhrase writes day t. pub is the publication day when known to the
// day (relative forms need it), or the zero time.
func datePhrase(r *rand.Rand, t time.Time, pub time.Time) wording {
	d := -1 // days from t to publication
	if !pub.IsZero() {
		d = int(pub.Sub(t).Hours() / 24)
	}
	for {
		switch x := r.IntN(100); {
		case x < 16:
			return wording{value: isoDay(t), native: true, words: isoDay(t)}
		case x < 38:
			return str(fmt.Sprintf("%s %d, %d", monthAP[t.Month()], t.Day(), t.Year()))
		case x < 52:
			return str(fmt.Sprintf("%s %d, %d", monthFull[t.Month()], t.Day(), t.Year()))
		case x < 60:
			return str(fmt.Sprintf("%d %s %d", t.Day(), monthFull[t.Month()], t.Year()))
		case x < 65:
			return str(fmt.Sprintf("%s %d", monthFull[t.Month()], t.Year()))
		case x < 68:
			part := "early "
			switch {
			case t.Day() > 20:
				part = "late "
			case t.Day() > 10:
				part = "mid-"
			}
			return str(fmt.Sprintf("%s%s %d", part, monthFull[t.Month()], t.Year()))
		case x < 80:
			// "March 22": the year is the latest not after publication.
			if d >= 0 && d < 300 {
				return str(fmt.Sprintf("%s %d", monthFull[t.Month()], t.Day()))
			}
		case x < 88:
			// "last Wednesday": the latest Wednesday strictly before
			// publication.
			if d >= 1 && d <= 6 {
				return str("last " + weekdays[t.Weekday()])
			}
		case x < 93:
			// "Wednesday": the latest on or before publication.
			if d >= 0 && d <= 6 {
				return str(weekdays[t.Weekday()])
			}
		case x < 96:
			if d == 1 {
				return str("yesterday")
			}
		default:
			if d >= 2 && d <= 9 {
				return str(spell(d) + " days ago")
			}
		}
	}
}
