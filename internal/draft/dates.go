package draft

import (
	"strconv"
	"strings"
)

// dateHit is a date written in the text. Only forms phrase.Date reads are
// looked for, and every value is read by it before it is proposed.
type dateHit struct {
	t0, t1           int
	year, month, day int // 0 when not written
	relative         bool
	precision        string // "day", "month", "relative"
}

func monthAt(toks []token, i int) (int, int) {
	if i >= len(toks) || toks[i].kind != tWord || !toks[i].upper {
		return 0, 0
	}
	m := monthNumber[toks[i].key]
	if m == 0 {
		return 0, 0
	}
	j := i + 1
	if len(toks[i].key) <= 4 && j < len(toks) && toks[j].text == "." && toks[j].glued {
		j++ // "Jan."
	}
	return m, j
}

func dayAt(toks []token, i int) (int, bool) {
	if i >= len(toks) || toks[i].kind != tNum || len(toks[i].text) > 2 {
		return 0, false
	}
	switch strings.ToLower(toks[i].suffix) {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	if i+1 < len(toks) && toks[i+1].isPunct(":") && toks[i+1].glued {
		return 0, false // a time, "16:12"
	}
	d, _ := strconv.Atoi(toks[i].text)
	return d, d >= 1 && d <= 31
}

func yearAt(toks []token, i int) (int, bool) {
	if i >= len(toks) || toks[i].kind != tNum || len(toks[i].text) != 4 || toks[i].suffix != "" {
		return 0, false
	}
	y, err := strconv.Atoi(toks[i].text)
	return y, err == nil && y >= 1000 && y <= 2999
}

// findDates lists the dates in toks, leftmost first, never overlapping.
func findDates(toks []token) []dateHit {
	var out []dateHit
	for i := 0; i < len(toks); i++ {
		if h, ok := dateAt(toks, i); ok {
			out = append(out, h)
			i = h.t1 - 1
		}
	}
	return out
}

func dateAt(toks []token, i int) (dateHit, bool) {
	t := toks[i]
	// "last Wednesday": read against the publication date.
	if t.is("last") && i+1 < len(toks) && toks[i+1].upper && weekdays[toks[i+1].key] {
		return dateHit{t0: i, t1: i + 2, relative: true, precision: "relative"}, true
	}
	// "early January 2024", "mid-2023" is a year and left out.
	start := i
	if t.is("early", "late", "mid") {
		k := i + 1
		if k < len(toks) && toks[k].isDash() && toks[k].glued {
			k++
		}
		if m, j := monthAt(toks, k); m != 0 {
			if y, ok := yearAt(toks, j); ok {
				return dateHit{t0: start, t1: j + 1, year: y, month: m, precision: "part of a month"}, true
			}
			return dateHit{t0: start, t1: j, month: m, precision: "part of a month"}, true
		}
		return dateHit{}, false
	}
	// "Jan. 3, 2024", "January 3rd 2024", "March 22", "October 2022".
	if m, j := monthAt(toks, i); m != 0 {
		if d, ok := dayAt(toks, j); ok {
			h := dateHit{t0: i, t1: j + 1, month: m, day: d, precision: "day"}
			k := j + 1
			if k < len(toks) && toks[k].text == "," {
				k++
			}
			if y, ok := yearAt(toks, k); ok {
				h.year, h.t1 = y, k+1
			}
			return h, true
		}
		k := j
		if k < len(toks) && toks[k].is("of") {
			k++
		}
		if y, ok := yearAt(toks, k); ok {
			return dateHit{t0: i, t1: k + 1, month: m, year: y, precision: "month"}, true
		}
		return dateHit{}, false
	}
	// "17 May 2024", "7th of October", "3 January".
	if d, ok := dayAt(toks, i); ok && !(i > 0 && toks[i-1].kind == tNum) {
		k := i + 1
		if k < len(toks) && toks[k].is("of") {
			k++
		}
		if m, j := monthAt(toks, k); m != 0 {
			h := dateHit{t0: i, t1: j, month: m, day: d, precision: "day"}
			if y, ok := yearAt(toks, j); ok {
				h.year, h.t1 = y, j+1
			}
			return h, true
		}
	}
	// "2024-01-03"
	if y, ok := yearAt(toks, i); ok && i+4 < len(toks) && toks[i+1].isDash() && toks[i+1].glued &&
		toks[i+2].kind == tNum && toks[i+2].glued && len(toks[i+2].text) == 2 &&
		toks[i+3].isDash() && toks[i+3].glued && toks[i+4].kind == tNum && toks[i+4].glued && len(toks[i+4].text) == 2 {
		m, _ := strconv.Atoi(toks[i+2].text)
		d, _ := strconv.Atoi(toks[i+4].text)
		if m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return dateHit{t0: i, t1: i + 5, year: y, month: m, day: d, precision: "day"}, true
		}
	}
	return dateHit{}, false
}
