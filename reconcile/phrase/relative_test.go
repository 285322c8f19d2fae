package phrase

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
)

// 2024-01-04 was a Thursday; 2024-01-01 a Monday.
func TestRelativeDay(t *testing.T) {
	runDate(t, oneDay(2024, 1, 4), []dateCase{
		{in: "today", want: oneDay(2024, 1, 4)},
		{in: "this morning", want: oneDay(2024, 1, 4)},
		{in: "tonight", want: oneDay(2024, 1, 4)},
		{in: "earlier today", want: oneDay(2024, 1, 4)},
		{in: "yesterday", want: oneDay(2024, 1, 3)},
		{in: "Yesterday evening", want: oneDay(2024, 1, 3)},
		{in: "late yesterday", want: oneDay(2024, 1, 3)},
		{in: "last night", want: oneDay(2024, 1, 3)},
		{in: "the day before yesterday", want: oneDay(2024, 1, 2)},
		{in: "tomorrow", want: oneDay(2024, 1, 5)},
		{in: "3 days ago", want: oneDay(2024, 1, 1)},
		{in: "three days ago", want: oneDay(2024, 1, 1)},
		{in: "a day ago", want: oneDay(2024, 1, 3)},
		// "last <weekday>": the latest such weekday strictly before.
		{in: "last Wednesday", want: oneDay(2024, 1, 3)},
		{in: "last Wed.", want: oneDay(2024, 1, 3)},
		{in: "this past Wednesday", want: oneDay(2024, 1, 3)},
		{in: "last Thursday", want: oneDay(2023, 12, 28)},
		{in: "last Friday", want: oneDay(2023, 12, 29)},
		{in: "last Wednesday night", want: oneDay(2024, 1, 3)},
		// A bare weekday: the latest on or before publication.
		{in: "Monday", want: oneDay(2024, 1, 1)},
		{in: "on Monday", want: oneDay(2024, 1, 1)},
		{in: "Thursday", want: oneDay(2024, 1, 4)},
		{in: "on Friday", want: oneDay(2023, 12, 29)},
		{in: "Wednesday night", want: oneDay(2024, 1, 3)},
		{in: "early Wednesday", want: oneDay(2024, 1, 3)},
		{in: "last week", want: days(2023, 12, 25, 2023, 12, 31)},
		{in: "this past week", want: days(2023, 12, 28, 2024, 1, 3)},
		{in: "over the past week", want: days(2023, 12, 28, 2024, 1, 3)},
		{in: "this week", want: days(2024, 1, 1, 2024, 1, 7)},
		{in: "earlier this week", want: days(2024, 1, 1, 2024, 1, 3)},
		{in: "last weekend", want: days(2023, 12, 30, 2023, 12, 31)},
		{in: "over the weekend", want: days(2023, 12, 30, 2023, 12, 31)},
		{in: "this weekend", want: days(2023, 12, 30, 2023, 12, 31)},
		{in: "earlier this month", want: days(2024, 1, 1, 2024, 1, 3)},
		{in: "this month", want: days(2024, 1, 1, 2024, 1, 31)},
		{in: "last month", want: days(2023, 12, 1, 2023, 12, 31)},
		{in: "last year", want: days(2023, 1, 1, 2023, 12, 31)},
		{in: "this year", want: days(2024, 1, 1, 2024, 12, 31)},
		{in: "earlier this year", want: days(2024, 1, 1, 2024, 1, 3)},
	})
	// Published on a Sunday, "the weekend" is the one just ending.
	runDate(t, oneDay(2024, 1, 7), []dateCase{
		{in: "the weekend", want: days(2024, 1, 6, 2024, 1, 7)},
		{in: "last weekend", want: days(2023, 12, 30, 2023, 12, 31)},
		{in: "last Sunday", want: oneDay(2023, 12, 31)},
		{in: "Sunday", want: oneDay(2024, 1, 7)},
	})
	// Published on March 1 of a leap year.
	runDate(t, oneDay(2024, 3, 1), []dateCase{
		{in: "yesterday", want: oneDay(2024, 2, 29)},
		{in: "last month", want: days(2024, 2, 1, 2024, 2, 29)},
	})
}

// When publication is only known as a span, a relative date is every day
// it could mean for any publication day in the span.
func TestRelativeSpan(t *testing.T) {
	// Thursday 4 to Wednesday 10 January: "last Wednesday" is the 3rd
	// whichever day it was published (on the 10th it is strictly before).
	runDate(t, days(2024, 1, 4, 2024, 1, 10), []dateCase{
		{in: "last Wednesday", want: oneDay(2024, 1, 3)},
		{in: "Wednesday", want: days(2024, 1, 3, 2024, 1, 10)},
		{in: "yesterday", want: days(2024, 1, 3, 2024, 1, 9)},
	})
	// The ISO week of 8 to 14 January.
	week := days(2024, 1, 8, 2024, 1, 14)
	runDate(t, week, []dateCase{
		{in: "last Wednesday", want: days(2024, 1, 3, 2024, 1, 10)},
		{in: "today", want: week},
		{in: "yesterday", want: days(2024, 1, 7, 2024, 1, 13)},
		{in: "last week", want: days(2024, 1, 1, 2024, 1, 7)},
		{in: "this week", want: week},
		// Published on the Monday, "earlier this week" names no day; on
		// the other days it does, so the reading is what they allow.
		{in: "earlier this week", want: days(2024, 1, 8, 2024, 1, 13)},
		{in: "last month", want: days(2023, 12, 1, 2023, 12, 31)},
	})
	// A week straddling a month end.
	runDate(t, days(2024, 1, 29, 2024, 2, 4), []dateCase{
		{in: "last month", want: days(2023, 12, 1, 2024, 1, 31)},
		{in: "earlier this month", want: days(2024, 1, 1, 2024, 2, 3)},
	})
	// Known only to the year.
	runDate(t, days(2024, 1, 1, 2024, 12, 31), []dateCase{
		{in: "last year", want: days(2023, 1, 1, 2023, 12, 31)},
		{in: "yesterday", want: days(2023, 12, 31, 2024, 12, 30)},
	})
}

// Every relative rule must be monotone in the publication day, or joining
// the readings of a span from its ends alone would be wrong.
func TestRelativeMonotone(t *testing.T) {
	start := reconcile.DayOf(2023, 12, 1)
	for k := rToday; k <= rEarlierThisYear; k++ {
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			r := rel{kind: k, wd: wd, n: 5}
			var plo, phi int64
			seen := false
			for p := start; p < start+400; p++ {
				lo, hi, ok := r.on(p)
				if !ok {
					continue
				}
				if lo > hi {
					t.Fatalf("rel %d on %s: %d > %d", k, reconcile.FormatDay(p), lo, hi)
				}
				if seen && (lo < plo || hi < phi) {
					t.Fatalf("rel %d (%v) not monotone at %s", k, wd, reconcile.FormatDay(p))
				}
				plo, phi, seen = lo, hi, true
			}
		}
	}
}
