package phrase

import (
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
)

const dateForms = `write "2024-01-03", "January 3, 2024", "3 January 2024", "January 2024", "2024", "March 22", or a relative date such as "yesterday" or "last Wednesday"`

func dateErr(s, reason string) error {
	return &Error{Phrase: trimPhrase(s), Kind: reconcile.Date, Reason: reason}
}

var monthWords = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayWords = map[string]time.Weekday{
	"sunday": time.Sunday, "sun": time.Sunday,
	"monday": time.Monday, "mon": time.Monday,
	"tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday, "weds": time.Wednesday,
	"thursday": time.Thursday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"friday": time.Friday, "fri": time.Friday,
	"saturday": time.Saturday, "sat": time.Saturday,
}

// timeOfDay words may follow a day ("Wednesday night") without changing it.
var timeOfDay = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "night": true,
	"overnight": true, "midday": true, "noon": true, "midnight": true,
}

func parseMonth(l *lexer) (time.Month, bool) {
	save := l.pos
	t := l.next()
	if t.kind == tWord {
		var buf [16]byte
		if m, ok := monthWords[string(lowerKey(&buf, t.text))]; ok {
			l.skip(tPeriod) // "Jan."
			return m, true
		}
	}
	l.pos = save
	return 0, false
}

func parseWeekday(l *lexer) (time.Weekday, bool) {
	save := l.pos
	t := l.next()
	if t.kind == tWord {
		var buf [16]byte
		if w, ok := weekdayWords[string(lowerKey(&buf, t.text))]; ok {
			l.skip(tPeriod)
			return w, true
		}
	}
	l.pos = save
	return 0, false
}

// parseDayOfMonth reads "3", "03" or "3rd". Any one- or two-digit number is
// taken, so that "January 32" is refused as a day that does not exist
// rather than as words that are not understood.
func parseDayOfMonth(l *lexer) (int, bool) {
	save := l.pos
	t := l.next()
	if t.kind == tNum && len(t.text) <= 2 && allDigits(t.text) {
		switch t.suffix {
		case "", "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
			d := int(t.text[0] - '0')
			if len(t.text) == 2 {
				d = d*10 + int(t.text[1]-'0')
			}
			return d, true
		}
	}
	l.pos = save
	return 0, false
}

func parseYear(l *lexer) (int64, bool) {
	save := l.pos
	t := l.next()
	if t.kind == tNum && len(t.text) == 4 && t.suffix == "" && allDigits(t.text) {
		y := int64(t.text[0]-'0')*1000 + int64(t.text[1]-'0')*100 + int64(t.text[2]-'0')*10 + int64(t.text[3]-'0')
		if y >= 1 {
			return y, true
		}
	}
	l.pos = save
	return 0, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// part is "early", "mid" or "late": a third of a month or of a year.
type part uint8

const (
	whole part = iota
	early
	middle
	late
)

func parsePart(l *lexer) part {
	save := l.pos
	t := l.next()
	switch {
	case t.is("early") || t.is("earlier"):
		return early
	case t.is("mid") || t.is("middle"):
		l.skip(tDash) // "mid-2023"
		return middle
	case t.is("late") || t.is("later"):
		return late
	case t.is("the") || t.is("start") || t.is("beginning") || t.is("end"):
		l.pos = save
		l.words("the")
		u := l.next()
		p := whole
		switch {
		case u.is("start") || u.is("beginning"):
			p = early
		case u.is("middle"):
			p = middle
		case u.is("end"):
			p = late
		}
		if p != whole && l.words("of") {
			return p
		}
	}
	l.pos = save
	return whole
}

// thirds of a month: days 1-10, 11-20, 21-end.
func monthPart(y int64, m time.Month, p part) (int64, int64) {
	first := daysFrom(y, m, 1)
	last := daysFrom(y, m, daysIn(y, m))
	switch p {
	case early:
		return first, first + 9
	case middle:
		return first + 10, first + 19
	case late:
		return first + 20, last
	}
	return first, last
}

// thirds of a year: January-April, May-August, September-December.
func yearPart(y int64, p part) (int64, int64) {
	switch p {
	case early:
		return daysFrom(y, 1, 1), daysFrom(y, 4, 30)
	case middle:
		return daysFrom(y, 5, 1), daysFrom(y, 8, 31)
	case late:
		return daysFrom(y, 9, 1), daysFrom(y, 12, 31)
	}
	return daysFrom(y, 1, 1), daysFrom(y, 12, 31)
}

var partRule = [...]string{
	whole:  "",
	early:  "early in a month: days 1 to 10",
	middle: "the middle of a month: days 11 to 20",
	late:   "late in a month: day 21 to the month's end",
}

var yearPartRule = [...]string{
	whole:  "",
	early:  "early in a year: January to April",
	middle: "the middle of a year: May to August",
	late:   "late in a year: September to December",
}

// pubKnown reports whether a publication range can anchor a date, and why
// not. Ranges outside years 1 to 9999 are refused so that no arithmetic on
// them can overflow.
func pubKnown(pub reconcile.Range) (bool, string) {
	if pub.Min > pub.Max {
		return false, ""
	}
	if pub.Min < minDay || pub.Max > maxDay {
		return false, "the publication date is out of range (years 1 to 9999)"
	}
	return true, ""
}

// Date reads a date phrase as a day range. published is the day range of
// the source's publication, used for year-less ("March 22") and relative
// ("last Wednesday") dates; pass Unknown (any range with Min > Max) when
// the source gives none, and such phrases are an error saying so. Warnings
// are readings that succeeded but deserve a look ("Friday, March 22" when
// March 22 was not a Friday).
//
// Absolute forms: "2024-01-03", "2024-01", "2024", "2024-01-08..2024-01-14",
// "Jan. 3, 2024", "January 3rd 2024", "3 January 2024", "the 3rd of January
// 2024", "January 3-5, 2024", "January 2024", "in 2014", and "early" (days
// 1-10), "mid" (11-20) or "late" (21-end) of a month; of a year they are
// January-April, May-August and September-December ("mid-2023"). A leading
// weekday ("Friday, March 22") is checked, never trusted.
//
// A year-less date ("March 22", "22 March", "in March") is the latest such
// date not after the last day of publication: a source published in April
// 2024 that says "March 22" means 2024, one published in February means
// 2023. A warning says so when the publication range straddles the date.
//
// Relative forms are read against each possible publication day and the
// results joined into one range: "today", "yesterday", "last night", "the
// day before yesterday", "tomorrow", "N days ago", "last Wednesday" (the
// latest Wednesday strictly before publication), "Wednesday" or "on
// Wednesday" (the latest Wednesday on or before publication, since news
// reports say "on Wednesday" of the day of publication too), "last week"
// (Monday to Sunday of the previous week), "this past week" (the seven days
// before publication), "this week", "earlier this week", "last weekend",
// "the weekend", "last month", "this month", "earlier this month", "last
// year", "this year" and "earlier this year". A time of day may follow a
// day ("Wednesday night").
func Date(s string, published reconcile.Range, o Options) (r reconcile.Reading, warnings []string, err error) {
	_ = o // no date reading is tunable yet; the parameter keeps the API stable
	phrase := trimPhrase(s)
	if phrase == "" {
		return reconcile.Reading{}, nil, dateErr(s, "the value is empty; "+dateForms)
	}
	if isoLike(phrase) {
		lo, hi, p, reason := span(phrase)
		if reason != "" {
			return reconcile.Reading{}, nil, dateErr(s, reason)
		}
		g := dateGloss(phrase, lo, hi)
		switch p {
		case pMonth:
			g = append(g, " (a month: any day in it)"...)
		case pYear:
			g = append(g, " (a year: any day in it)"...)
		case pSpan:
			g = append(g, " (a span: both ends included)"...)
		}
		return dateReading(lo, hi, g), nil, nil
	}

	l := lexer{s: s}
	_ = l.words("on") || l.words("in") || l.words("during") || l.words("by")
	if rel, ok, reason := parseRelative(&l); ok {
		if reason != "" {
			return reconcile.Reading{}, nil, dateErr(s, reason)
		}
		if reason := dateTail(&l, rel.dayLong()); reason != "" {
			return reconcile.Reading{}, nil, dateErr(s, reason)
		}
		return readRelative(s, rel, published)
	}
	// "early Wednesday", "late yesterday": a time of day, not a third of a
	// month, when a day follows.
	if save := l.pos; l.words("early") || l.words("late") {
		if rel, ok, reason := parseRelative(&l); ok && reason == "" && rel.dayLong() {
			if reason := dateTail(&l, true); reason != "" {
				return reconcile.Reading{}, nil, dateErr(s, reason)
			}
			return readRelative(s, rel, published)
		}
		if _, ok := parseWeekday(&l); !ok {
			l.pos = save
		} else {
			l.pos = save
			l.next()
		}
	}
	wd, hasWd := parseWeekday(&l)
	if hasWd {
		l.skip(tComma)
		save := l.pos
		if dateTail(&l, true) == "" {
			// A weekday on its own is relative: "Monday", "on Monday".
			return readRelative(s, rel{kind: rWeekday, wd: wd}, published)
		}
		l.pos = save
		l.words("the")
	}
	d, reason := parseAbsolute(&l)
	if reason != "" {
		return reconcile.Reading{}, nil, dateErr(s, reason)
	}
	if hasWd && (d.prec != pDay || d.dayRange) {
		return reconcile.Reading{}, nil, dateErr(s, "a weekday only goes with a single day, as in \"Friday, March 22\"")
	}
	if reason := dateTail(&l, d.prec == pDay); reason != "" {
		return reconcile.Reading{}, nil, dateErr(s, reason)
	}

	var rule string
	if d.year == 0 {
		// No year written: place it by publication.
		if ok, why := pubKnown(published); !ok {
			if why == "" {
				why = "the source needs a `published` date to place it"
			}
			return reconcile.Reading{}, nil, dateErr(s, "no year given and "+why+"; write the year, as in \"March 22, 2024\"")
		}
		var w string
		var reason string
		d, rule, w, reason = placeYear(phrase, d, published)
		if reason != "" {
			return reconcile.Reading{}, nil, dateErr(s, reason)
		}
		if w != "" {
			warnings = append(warnings, w)
		}
	}
	if hasWd {
		if actual := weekday(d.lo); actual != wd {
			warnings = append(warnings, quote(phrase)+": "+monthNames[d.month]+" "+itoa(d.day)+", "+string(appendInt(nil, d.resolvedYear))+" was a "+actual.String()+", not a "+wd.String())
		}
	}
	g := dateGloss(phrase, d.lo, d.hi)
	var note string
	switch {
	case d.dayRange:
		note = "a span of days: both ends included"
	case d.prec == pMonth && d.part != whole:
		note = partRule[d.part]
	case d.prec == pMonth:
		note = "a month: any day in it"
	case d.prec == pYear && d.part != whole:
		note = yearPartRule[d.part]
	case d.prec == pYear:
		note = "a year: any day in it"
	}
	if rule != "" {
		if note != "" {
			note += "; "
		}
		note += rule
	}
	if note != "" {
		g = append(g, " ("...)
		g = append(g, note...)
		g = append(g, ')')
	}
	return dateReading(d.lo, d.hi, g), warnings, nil
}

// isoLike reports whether a phrase is meant as an ISO date or span, so that
// a malformed one gets the ISO forms in its error rather than the prose ones.
func isoLike(s string) bool {
	if len(s) < 4 || !allDigits(s[:4]) {
		return false
	}
	if len(s) == 4 {
		return true
	}
	return s[4] == '-' && len(s) > 5 && isDigit(s[5]) || len(s) > 5 && s[4:6] == ".."
}

func dateGloss(phrase string, lo, hi int64) []byte {
	g := make([]byte, 0, len(phrase)+128)
	g = append(g, '"')
	g = append(g, phrase...)
	g = append(g, "\": "...)
	return appendDays(g, lo, hi)
}

func dateReading(lo, hi int64, g []byte) reconcile.Reading {
	return reconcile.Reading{Kind: reconcile.Date, Range: reconcile.Range{Min: lo, Max: hi}, Point: lo, Gloss: string(g)}
}

// dateTail accepts what may end a date: a time of day after a single day
// ("Wednesday night"), a stray comma or full stop.
func dateTail(l *lexer, day bool) string {
	l.skip(tComma)
	start := l.pos
	t := l.next()
	if day && t.kind == tWord {
		var buf [16]byte
		if timeOfDay[string(lowerKey(&buf, t.text))] {
			t = l.next()
		}
	}
	if t.kind == tPeriod {
		t = l.next()
	}
	if t.kind != tEOF {
		return "did not understand " + quote(trimPhrase(l.s[start:])) + " after the date; " + dateForms
	}
	return ""
}

// absDate is an absolute date as parsed; year 0 means none was written.
type absDate struct {
	lo, hi       int64
	prec         precision
	year         int64
	resolvedYear int64
	month        time.Month
	day, day2    int
	part         part
	dayRange     bool
}

func parseAbsolute(l *lexer) (absDate, string) {
	var d absDate
	start := l.pos
	d.part = parsePart(l)
	if m, ok := parseMonth(l); ok {
		d.month = m
		if day, ok := parseDayOfMonth(l); ok && d.part == whole {
			d.day, d.day2, d.prec = day, day, pDay
			// "January 3-5", "January 3 to 5"
			save := l.pos
			if l.skip(tDash) || l.words("to") || l.words("and") || l.words("through") {
				if d2, ok := parseDayOfMonth(l); ok {
					d.day2, d.dayRange = d2, true
				} else {
					l.pos = save
				}
			}
			l.skip(tComma)
			d.year, _ = parseYear(l)
			return settle(l, d, start)
		}
		save := l.pos
		l.skip(tComma)
		l.words("of")
		if y, ok := parseYear(l); ok {
			d.year = y
		} else {
			l.pos = save
		}
		d.prec = pMonth
		return settle(l, d, start)
	}
	if d.part == whole {
		l.words("the")
		if day, ok := parseDayOfMonth(l); ok {
			d.day, d.day2, d.prec = day, day, pDay
			save := l.pos
			if l.skip(tDash) || l.words("to") || l.words("and") {
				if d2, ok := parseDayOfMonth(l); ok {
					d.day2, d.dayRange = d2, true
				} else {
					l.pos = save
				}
			}
			l.words("of")
			m, ok := parseMonth(l)
			if !ok {
				return d, notADate(l, start)
			}
			d.month = m
			l.skip(tComma)
			d.year, _ = parseYear(l)
			return settle(l, d, start)
		}
	}
	if y, ok := parseYear(l); ok {
		d.year, d.prec = y, pYear
		return settle(l, d, start)
	}
	return d, notADate(l, start)
}

// notADate explains a phrase that matched no date form, singling out the
// numeric forms that are ambiguous between countries.
func notADate(l *lexer, start int) string {
	l.pos = start
	for t := l.next(); t.kind != tEOF; t = l.next() {
		if t.kind == tSlash {
			return "numeric dates such as " + quote(trimPhrase(l.s[start:])) + " mean different days in different countries; write \"2024-01-03\" or \"January 3, 2024\""
		}
	}
	return "not a date form crosscheck reads; " + dateForms
}

// settle turns a parsed date into days, once its year is known.
func settle(l *lexer, d absDate, start int) (absDate, string) {
	if d.year == 0 {
		return d, ""
	}
	return resolve(d, d.year)
}

// resolve computes the day range of d in year y, checking the days exist.
func resolve(d absDate, y int64) (absDate, string) {
	d.resolvedYear = y
	switch d.prec {
	case pYear:
		d.lo, d.hi = yearPart(y, d.part)
	case pMonth:
		d.lo, d.hi = monthPart(y, d.month, d.part)
	case pDay:
		n := daysIn(y, d.month)
		if d.day < 1 || d.day2 < 1 || d.day > n || d.day2 > n {
			bad := d.day
			if d.day2 > n || d.day2 < 1 {
				bad = d.day2
			}
			return d, "there is no " + monthNames[d.month] + " " + itoa(bad) + " in " + string(appendInt(nil, y)) + ": it has " + itoa(n) + " days"
		}
		if d.day2 < d.day {
			return d, "the span of days runs backwards; write the earlier day first"
		}
		d.lo = daysFrom(y, d.month, d.day)
		d.hi = d.lo + int64(d.day2-d.day)
	}
	return d, ""
}

// placeYear gives a year-less date the latest year in which it does not
// start after the last possible publication day.
func placeYear(phrase string, d absDate, pub reconcile.Range) (absDate, string, string, string) {
	if d.prec == pDay && (max(d.day, d.day2) > daysIn(2000, d.month) || min(d.day, d.day2) < 1) {
		// Not in any year (2000 was a leap year): say so plainly.
		bad := d.day
		if d.day2 > daysIn(2000, d.month) || d.day2 < 1 {
			bad = d.day2
		}
		return d, "", "", "there is no " + monthNames[d.month] + " " + itoa(bad)
	}
	py, _, _ := civil(pub.Max)
	var r absDate
	found := false
	// Eight years back always reaches a February 29.
	for y := py; y >= py-8 && y >= 1; y-- {
		if d.prec == pDay && d.day2 > daysIn(y, d.month) {
			continue
		}
		c, reason := resolve(d, y)
		if reason != "" {
			return d, "", "", reason
		}
		if c.lo <= pub.Max {
			r, found = c, true
			break
		}
	}
	if !found {
		return d, "", "", "no year given, and no year places it before publication; write the year"
	}
	what := monthNames[d.month]
	if d.prec == pDay {
		what += " " + itoa(d.day)
	}
	if d.part != whole {
		what = [...]string{"", "early ", "mid-", "late "}[d.part] + what
	}
	rule := "no year given: the latest " + what + " not after publication"
	warn := ""
	if r.lo > pub.Min {
		b := []byte(quote(phrase))
		b = append(b, ": no year given and publication ("...)
		b = appendDays(b, pub.Min, pub.Max)
		b = append(b, ") straddles it; read as "...)
		b = appendInt(b, r.resolvedYear)
		b = append(b, ", the previous year if published before "...)
		b = appendDay(b, r.lo)
		warn = string(b)
	}
	return r, rule, warn, ""
}
