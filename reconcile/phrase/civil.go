package phrase

import "time"

// Calendar arithmetic on day numbers (days since 1970-01-01, as
// reconcile.DayOf counts them), done by hand because the time package's
// conversions cost more than the rest of a date reading put together. The
// algorithms are the well-known proleptic Gregorian ones: shift the year to
// start in March so the leap day falls at its end, then count 400-year eras.

// Day numbers outside years 1 to 9999 are refused before any arithmetic, so
// nothing here can overflow.
var (
	minDay = daysFrom(1, 1, 1)
	maxDay = daysFrom(9999, 12, 31)
)

func daysFrom(y int64, m time.Month, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (int64(m) + 9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civil(z int64) (y int64, m time.Month, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = time.Month(mp + 3)
	} else {
		m = time.Month(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func weekday(z int64) time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (z + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int64, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// monday is the Monday starting the ISO week that holds day z.
func monday(z int64) int64 {
	return z - (int64(weekday(z))+6)%7
}

func monthStart(z int64) int64 {
	_, _, d := civil(z)
	return z - int64(d) + 1
}

func monthEnd(z int64) int64 {
	y, m, _ := civil(z)
	return daysFrom(y, m, daysIn(y, m))
}

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

var monthShort = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// appendDay writes "3 Jan 2024", the style of reconcile.FormatDays.
func appendDay(b []byte, z int64) []byte {
	y, m, d := civil(z)
	b = appendInt(b, int64(d))
	b = append(b, ' ')
	b = append(b, monthShort[m]...)
	b = append(b, ' ')
	return appendInt(b, y)
}

func appendInt(b []byte, v int64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
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
	return append(b, d[i:]...)
}

// appendDays writes a day range the way reconcile.FormatDays does: a day, a
// whole month, a whole year, or first – last. It is repeated here so a
// reading need not go through the time package.
func appendDays(b []byte, lo, hi int64) []byte {
	ly, lm, ld := civil(lo)
	hy, hm, hd := civil(hi)
	switch {
	case lo == hi:
		return appendDay(b, lo)
	case ld == 1 && ly == hy && lm == hm && hd == daysIn(hy, hm):
		b = append(b, monthShort[lm]...)
		b = append(b, ' ')
		return appendInt(b, ly)
	case ly == hy && lm == 1 && ld == 1 && hm == 12 && hd == 31:
		return appendInt(b, ly)
	}
	b = appendDay(b, lo)
	b = append(b, " – "...)
	return appendDay(b, hi)
}
