package phrase

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/reconcile"
)

var countSeeds = []string{
	"84", "6,000", "at least 91", "nearly 100", "between 15 and 20", "15–20",
	"dozens of people", "a few hundred", "tens of thousands", "1.5 million",
	"two to three thousand", "one hundred and twenty", "more than a dozen",
	"about 15 to 20", "100-plus", "“84”", "-5", "", "many", "99999999999999999999",
	"twenty-first", "6.000", "1,00", "half a dozen", "several hundred thousand",
}

func FuzzCount(f *testing.F) {
	for _, s := range countSeeds {
		f.Add(s, 0.10)
	}
	f.Add("about 90", 1.0)
	f.Add("nearly 1", 0.0)
	f.Fuzz(func(t *testing.T, s string, approx float64) {
		r, err := Count(s, Options{Approx: approx})
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Reason == "" || pe.Kind != reconcile.Count {
				t.Fatalf("Count(%q): error %v is not a count *Error with a reason", s, err)
			}
			return
		}
		if r.Kind != reconcile.Count || r.Range.Min < 0 || r.Range.Min > r.Range.Max {
			t.Fatalf("Count(%q) = %+v: want 0 <= Min <= Max", s, r)
		}
		if r.Range.Max != reconcile.Unbounded && r.Range.Max > 2*maxCount {
			t.Fatalf("Count(%q) = %v: Max beyond any stated figure", s, r.Range)
		}
		if r.Gloss == "" || (utf8.ValidString(s) && !utf8.ValidString(r.Gloss)) {
			t.Fatalf("Count(%q): bad gloss %q", s, r.Gloss)
		}
	})
}

var dateSeeds = []string{
	"2024-01-03", "Jan. 3, 2024", "3rd of January 2024", "January 2024", "2014",
	"mid-2023", "early January", "Friday, March 22", "March 22", "last Wednesday",
	"on Monday", "earlier this month", "2024-01-08..2024-01-14", "January 3-5, 2024",
	"3/1/2024", "February 29", "5 days ago", "the weekend", "", "yesterday night",
}

func FuzzDate(f *testing.F) {
	pub := reconcile.DayOf(2024, 1, 4)
	for _, s := range dateSeeds {
		f.Add(s, pub, pub)
		f.Add(s, pub-3, pub+3)
		f.Add(s, int64(1), int64(0))
	}
	f.Add("last Wednesday", minDay, maxDay)
	f.Add("yesterday", int64(-1<<63), int64(1<<63-1))
	f.Fuzz(func(t *testing.T, s string, pmin, pmax int64) {
		// Keep known publication spans to a few years so each input stays
		// quick; the readers themselves accept any span.
		if pmin <= pmax && pmax-pmin > 4000 && pmin > minDay && pmin < maxDay {
			pmax = pmin + pmax%4000
			if pmax < pmin {
				pmax = pmin
			}
		}
		r, _, err := Date(s, reconcile.Range{Min: pmin, Max: pmax}, DefaultOptions())
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Reason == "" || pe.Kind != reconcile.Date {
				t.Fatalf("Date(%q): error %v is not a date *Error with a reason", s, err)
			}
		} else if r.Kind != reconcile.Date || r.Range.Min > r.Range.Max || r.Point != r.Range.Min || r.Gloss == "" {
			t.Fatalf("Date(%q, %d..%d) = %+v: want Min <= Max, Point = Min, a gloss", s, pmin, pmax, r)
		}
		if sp, err := Span(s); err == nil && sp.Min > sp.Max {
			t.Fatalf("Span(%q) = %v: Min > Max", s, sp)
		}
	})
}
