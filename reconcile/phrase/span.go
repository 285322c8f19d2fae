package phrase

import (
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
)

// precision is how much of a date a phrase pins down; it decides the gloss
// and whether a weekday may be checked against it.
type precision uint8

const (
	pDay precision = iota
	pMonth
	pYear
	pSpan
)

const spanForms = `write a day as "2024-01-03", a month as "2024-01", a year as "2024", or a span as "2024-01-08..2024-01-14"`

// Span reads the precise date forms used by `published`, `as_of` and event
// dates: "2024-01-03", "2024-01", "2024", or "2024-01-08..2024-01-14".
// Either side of a span may itself be a month or a year ("2024-01..2024-03"
// is January to March); the span runs from the first day of its first side
// to the last day of its second, and must not run backwards.
func Span(s string) (reconcile.Range, error) {
	lo, hi, _, reason := span(s)
	if reason != "" {
		return reconcile.Range{}, &Error{Phrase: trimPhrase(s), Kind: reconcile.Date, Reason: reason}
	}
	return reconcile.Range{Min: lo, Max: hi}, nil
}

func span(s string) (lo, hi int64, p precision, reason string) {
	s = trimPhrase(s)
	if s == "" {
		return 0, 0, 0, "the date is empty; " + spanForms
	}
	if i := strings.Index(s, ".."); i >= 0 {
		if trimPhrase(s[:i]) == "" || trimPhrase(s[i+2:]) == "" {
			return 0, 0, 0, "a span needs a date on each side of \"..\"; " + spanForms
		}
		alo, _, _, ra := isoDate(trimPhrase(s[:i]))
		if ra != "" {
			return 0, 0, 0, ra
		}
		_, bhi, _, rb := isoDate(trimPhrase(s[i+2:]))
		if rb != "" {
			return 0, 0, 0, rb
		}
		if alo > bhi {
			return 0, 0, 0, "the span runs backwards; write the earlier date first, as in \"2024-01-08..2024-01-14\""
		}
		return alo, bhi, pSpan, ""
	}
	return isoDate(s)
}

// isoDate reads one of YYYY, YYYY-MM and YYYY-MM-DD, digits exactly so.
func isoDate(s string) (lo, hi int64, p precision, reason string) {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return 0, 0, 0, notISO(s)
	}
	y, ok := digits(s[:4])
	if !ok {
		return 0, 0, 0, notISO(s)
	}
	if y == 0 {
		return 0, 0, 0, "there is no year 0; " + spanForms
	}
	if len(s) == 4 {
		return daysFrom(int64(y), 1, 1), daysFrom(int64(y), 12, 31), pYear, ""
	}
	if s[4] != '-' {
		return 0, 0, 0, notISO(s)
	}
	m, ok := digits(s[5:7])
	if !ok {
		return 0, 0, 0, notISO(s)
	}
	if m < 1 || m > 12 {
		return 0, 0, 0, quote(s) + " has no month " + s[5:7] + "; months run from 01 to 12"
	}
	month := time.Month(m)
	if len(s) == 7 {
		return daysFrom(int64(y), month, 1), daysFrom(int64(y), month, daysIn(int64(y), month)), pMonth, ""
	}
	if s[7] != '-' {
		return 0, 0, 0, notISO(s)
	}
	d, ok := digits(s[8:10])
	if !ok {
		return 0, 0, 0, notISO(s)
	}
	if n := daysIn(int64(y), month); d < 1 || d > n {
		return 0, 0, 0, quote(s) + " is not a day: " + monthNames[m] + " " + s[:4] + " has " + itoa(n) + " days"
	}
	z := daysFrom(int64(y), month, d)
	return z, z, pDay, ""
}

func notISO(s string) string {
	return quote(s) + " is not a date in a form crosscheck reads here; " + spanForms
}

func digits(t string) (int, bool) {
	v := 0
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			return 0, false
		}
		v = v*10 + int(t[i]-'0')
	}
	return v, len(t) > 0
}

func itoa(v int) string { return string(appendInt(nil, int64(v))) }
