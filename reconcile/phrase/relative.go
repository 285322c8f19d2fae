package phrase

import (
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
)

type relKind uint8

const (
	rToday relKind = iota
	rYesterday
	rDayBeforeYesterday
	rTomorrow
	rDaysAgo
	rLastWeekday // latest such weekday strictly before publication
	rWeekday     // latest such weekday on or before publication
	rLastWeek
	rPastWeek
	rThisWeek
	rEarlierThisWeek
	rLastWeekend
	rWeekend
	rLastMonth
	rThisMonth
	rEarlierThisMonth
	rLastYear
	rThisYear
	rEarlierThisYear
)

// rel is a date stated relative to publication.
type rel struct {
	kind relKind
	wd   time.Weekday
	n    int64 // rDaysAgo
}

// dayLong reports whether the reading is a single day, which may take a
// time of day after it.
func (r rel) dayLong() bool { return r.kind <= rWeekday }

// on is the reading for one publication day p. ok is false when the phrase
// names no day at all for that p ("earlier this month" on the 1st).
//
// Every rule is monotone in p (a later publication day never gives an
// earlier range), which is what lets readRelative join the readings for a
// publication span from its two ends alone.
func (r rel) on(p int64) (lo, hi int64, ok bool) {
	switch r.kind {
	case rToday:
		return p, p, true
	case rYesterday:
		return p - 1, p - 1, true
	case rDayBeforeYesterday:
		return p - 2, p - 2, true
	case rTomorrow:
		return p + 1, p + 1, true
	case rDaysAgo:
		return p - r.n, p - r.n, true
	case rLastWeekday:
		back := (int64(weekday(p)) - int64(r.wd) + 7) % 7
		if back == 0 {
			back = 7
		}
		return p - back, p - back, true
	case rWeekday:
		back := (int64(weekday(p)) - int64(r.wd) + 7) % 7
		return p - back, p - back, true
	case rLastWeek:
		m := monday(p)
		return m - 7, m - 1, true
	case rPastWeek:
		return p - 7, p - 1, true
	case rThisWeek:
		m := monday(p)
		return m, m + 6, true
	case rEarlierThisWeek:
		m := monday(p)
		return m, p - 1, m <= p-1
	case rLastWeekend:
		m := monday(p)
		return m - 2, m - 1, true
	case rWeekend:
		m := monday(p)
		if p >= m+5 {
			return m + 5, m + 6, true
		}
		return m - 2, m - 1, true
	case rLastMonth:
		first := monthStart(p)
		return monthStart(first - 1), first - 1, true
	case rThisMonth:
		return monthStart(p), monthEnd(p), true
	case rEarlierThisMonth:
		first := monthStart(p)
		return first, p - 1, first <= p-1
	case rLastYear:
		y, _, _ := civil(p)
		return daysFrom(y-1, 1, 1), daysFrom(y-1, 12, 31), true
	case rThisYear:
		y, _, _ := civil(p)
		return daysFrom(y, 1, 1), daysFrom(y, 12, 31), true
	case rEarlierThisYear:
		y, _, _ := civil(p)
		first := daysFrom(y, 1, 1)
		return first, p - 1, first <= p-1
	}
	return 0, 0, false
}

// rule says in words how the phrase was read, for the gloss.
func (r rel) rule() string {
	switch r.kind {
	case rToday:
		return "today: the publication day"
	case rYesterday:
		return "yesterday: the day before publication"
	case rDayBeforeYesterday:
		return "the day before yesterday: two days before publication"
	case rTomorrow:
		return "tomorrow: the day after publication"
	case rDaysAgo:
		return string(appendInt(nil, r.n)) + " days ago: that many days before publication"
	case rLastWeekday:
		return "last " + r.wd.String() + ": the latest " + r.wd.String() + " before the publication day"
	case rWeekday:
		return r.wd.String() + ": the latest " + r.wd.String() + " on or before the publication day"
	case rLastWeek:
		return "last week: Monday to Sunday of the week before publication"
	case rPastWeek:
		return "the past week: the seven days before publication"
	case rThisWeek:
		return "this week: Monday to Sunday of the publication week"
	case rEarlierThisWeek:
		return "earlier this week: from the Monday of the publication week to the day before publication"
	case rLastWeekend:
		return "last weekend: Saturday and Sunday of the week before publication"
	case rWeekend:
		return "the weekend: the latest Saturday and Sunday, that of the publication week if published on it"
	case rLastMonth:
		return "last month: the calendar month before publication"
	case rThisMonth:
		return "this month: the calendar month of publication"
	case rEarlierThisMonth:
		return "earlier this month: from the 1st of the publication month to the day before publication"
	case rLastYear:
		return "last year: the calendar year before publication"
	case rThisYear:
		return "this year: the calendar year of publication"
	case rEarlierThisYear:
		return "earlier this year: from January 1 of the publication year to the day before publication"
	}
	return ""
}

// parseRelative recognises the relative forms. ok is false when none is
// next; reason is set when one is next but cannot be read.
func parseRelative(l *lexer) (r rel, ok bool, reason string) {
	start := l.pos
	t := l.next()
	switch {
	case t.is("today") || t.is("tonight"):
		return rel{kind: rToday}, true, ""
	case t.is("yesterday"):
		return rel{kind: rYesterday}, true, ""
	case t.is("tomorrow"):
		return rel{kind: rTomorrow}, true, ""
	case t.is("earlier") || t.is("later"):
		if l.words("today") {
			return rel{kind: rToday}, true, ""
		}
		if t.is("earlier") && l.words("this") {
			switch u := l.next(); {
			case u.is("week"):
				return rel{kind: rEarlierThisWeek}, true, ""
			case u.is("month"):
				return rel{kind: rEarlierThisMonth}, true, ""
			case u.is("year"):
				return rel{kind: rEarlierThisYear}, true, ""
			}
		}
	case t.is("the"):
		switch {
		case l.words("day", "before", "yesterday"):
			return rel{kind: rDayBeforeYesterday}, true, ""
		case l.words("past", "week") || l.words("last", "week"):
			return rel{kind: rPastWeek}, true, ""
		case l.words("weekend"):
			return rel{kind: rWeekend}, true, ""
		}
	case t.is("over") || t.is("at"):
		if l.words("the", "weekend") {
			return rel{kind: rWeekend}, true, ""
		}
		if t.is("over") && (l.words("the", "past", "week") || l.words("the", "last", "week")) {
			return rel{kind: rPastWeek}, true, ""
		}
	case t.is("this") || t.is("past") || t.is("last"):
		if t.is("this") {
			if l.words("past") {
				// "this past Wednesday" is "last Wednesday".
				if wd, ok := parseWeekday(l); ok {
					return rel{kind: rLastWeekday, wd: wd}, true, ""
				}
				if l.words("week") {
					return rel{kind: rPastWeek}, true, ""
				}
				break
			}
			switch u := l.next(); {
			case u.is("morning") || u.is("afternoon") || u.is("evening"):
				return rel{kind: rToday}, true, ""
			case u.is("week"):
				return rel{kind: rThisWeek}, true, ""
			case u.is("weekend"):
				return rel{kind: rWeekend}, true, ""
			case u.is("month"):
				return rel{kind: rThisMonth}, true, ""
			case u.is("year"):
				return rel{kind: rThisYear}, true, ""
			}
			break
		}
		if wd, ok := parseWeekday(l); ok {
			return rel{kind: rLastWeekday, wd: wd}, true, ""
		}
		if t.is("past") {
			if l.words("week") {
				return rel{kind: rPastWeek}, true, ""
			}
			break
		}
		switch u := l.next(); {
		case u.is("night"):
			return rel{kind: rYesterday}, true, ""
		case u.is("week"):
			return rel{kind: rLastWeek}, true, ""
		case u.is("weekend"):
			return rel{kind: rLastWeekend}, true, ""
		case u.is("month"):
			return rel{kind: rLastMonth}, true, ""
		case u.is("year"):
			return rel{kind: rLastYear}, true, ""
		}
	}
	// "3 days ago", "three days ago", "a day ago"
	l.pos = start
	var n uint64
	var got bool
	if l.words("a", "day", "ago") {
		return rel{kind: rDaysAgo, n: 1}, true, ""
	}
	if nm, ok, why := parseNumeral(l); ok && why == "" {
		n, why = nm.value()
		got = why == ""
	} else if nm, ok, why := parseWords(l); ok && why == "" {
		n, why = nm.value()
		got = why == ""
	}
	if got && (l.words("days", "ago") || l.words("day", "ago")) {
		if n > 1_000_000 {
			return rel{}, true, "too many days ago to place"
		}
		return rel{kind: rDaysAgo, n: int64(n)}, true, ""
	}
	l.pos = start
	return rel{}, false, ""
}

// readRelative reads a relative date against every possible publication
// day and joins the results.
func readRelative(s string, r rel, pub reconcile.Range) (reconcile.Reading, []string, error) {
	if ok, why := pubKnown(pub); !ok {
		if why == "" {
			why = "the source needs a `published` date"
		}
		return reconcile.Reading{}, nil, dateErr(s, "a relative date is read from the publication date, and "+why+"; or write the date itself, as in \"January 3, 2024\"")
	}
	lo, hi := int64(0), int64(0)
	found := false
	for p := pub.Min; p <= pub.Max; p++ {
		if a, _, ok := r.on(p); ok {
			lo, found = a, true
			break
		}
	}
	for p := pub.Max; found && p >= pub.Min; p-- {
		if _, b, ok := r.on(p); ok {
			hi = b
			break
		}
	}
	if !found {
		return reconcile.Reading{}, nil, dateErr(s, "names no day before a publication on the first day of its week, month or year")
	}
	phrase := trimPhrase(s)
	g := dateGloss(phrase, lo, hi)
	g = append(g, " ("...)
	g = append(g, r.rule()...)
	if pub.Min == pub.Max {
		g = append(g, ", published "...)
	} else {
		g = append(g, ", for any publication day in "...)
	}
	g = appendDays(g, pub.Min, pub.Max)
	g = append(g, ')')
	return dateReading(lo, hi, g), nil, nil
}
