package phrase

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/google/go-cmp/cmp"
)

func day(y int, m time.Month, d int) int64 { return reconcile.DayOf(y, m, d) }

func days(y1 int, m1 time.Month, d1 int, y2 int, m2 time.Month, d2 int) reconcile.Range {
	return reconcile.Range{Min: day(y1, m1, d1), Max: day(y2, m2, d2)}
}

func oneDay(y int, m time.Month, d int) reconcile.Range { return days(y, m, d, y, m, d) }

type dateCase struct {
	in       string
	want     reconcile.Range
	warnings []string
}

func runDate(t *testing.T, pub reconcile.Range, cases []dateCase) {
	t.Helper()
	for _, c := range cases {
		got, warnings, err := Date(c.in, pub, DefaultOptions())
		if err != nil {
			t.Errorf("Date(%q): unexpected error %v", c.in, err)
			continue
		}
		want := reconcile.Reading{Kind: reconcile.Date, Range: c.want, Point: c.want.Min}
		got.Gloss = ""
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Date(%q) (-want +got):\n%s", c.in, diff)
		}
		if diff := cmp.Diff(c.warnings, warnings); diff != "" {
			t.Errorf("Date(%q) warnings (-want +got):\n%s", c.in, diff)
		}
	}
}

func TestDateAbsolute(t *testing.T) {
	// Absolute dates do not depend on publication, even an unknown one.
	for _, pub := range []reconcile.Range{Unknown, oneDay(2024, 1, 10)} {
		runDate(t, pub, []dateCase{
			{in: "2024-01-03", want: oneDay(2024, 1, 3)},
			{in: "Jan. 3, 2024", want: oneDay(2024, 1, 3)},
			{in: "Jan 3, 2024", want: oneDay(2024, 1, 3)},
			{in: "January 3rd 2024", want: oneDay(2024, 1, 3)},
			{in: "January 3, 2024", want: oneDay(2024, 1, 3)},
			{in: "january 3 2024", want: oneDay(2024, 1, 3)},
			{in: "3 January 2024", want: oneDay(2024, 1, 3)},
			{in: "3 Jan. 2024", want: oneDay(2024, 1, 3)},
			{in: "3rd of January 2024", want: oneDay(2024, 1, 3)},
			{in: "the 3rd of January, 2024", want: oneDay(2024, 1, 3)},
			{in: "on January 3, 2024", want: oneDay(2024, 1, 3)},
			{in: "“January 3, 2024”", want: oneDay(2024, 1, 3)},
			{in: "January 3, 2024.", want: oneDay(2024, 1, 3)},
			{in: "Sept. 11, 2001", want: oneDay(2001, 9, 11)},
			{in: "February 29, 2024", want: oneDay(2024, 2, 29)},
			{in: "January 3, 2024 evening", want: oneDay(2024, 1, 3)},
			{in: "January 2024", want: days(2024, 1, 1, 2024, 1, 31)},
			{in: "Jan 2024", want: days(2024, 1, 1, 2024, 1, 31)},
			{in: "January of 2024", want: days(2024, 1, 1, 2024, 1, 31)},
			{in: "October 2022", want: days(2022, 10, 1, 2022, 10, 31)},
			{in: "February 2023", want: days(2023, 2, 1, 2023, 2, 28)},
			{in: "2024-02", want: days(2024, 2, 1, 2024, 2, 29)},
			{in: "2014", want: days(2014, 1, 1, 2014, 12, 31)},
			{in: "in 2014", want: days(2014, 1, 1, 2014, 12, 31)},
			{in: "2024-01-08..2024-01-14", want: days(2024, 1, 8, 2024, 1, 14)},
			{in: "January 3-5, 2024", want: days(2024, 1, 3, 2024, 1, 5)},
			{in: "January 3 to 5, 2024", want: days(2024, 1, 3, 2024, 1, 5)},
			{in: "3–5 January 2024", want: days(2024, 1, 3, 2024, 1, 5)},
			{in: "early January 2024", want: days(2024, 1, 1, 2024, 1, 10)},
			{in: "mid-January 2024", want: days(2024, 1, 11, 2024, 1, 20)},
			{in: "late February 2024", want: days(2024, 2, 21, 2024, 2, 29)},
			{in: "the end of January 2024", want: days(2024, 1, 21, 2024, 1, 31)},
			{in: "the beginning of March 2024", want: days(2024, 3, 1, 2024, 3, 10)},
			{in: "early 2023", want: days(2023, 1, 1, 2023, 4, 30)},
			{in: "mid-2023", want: days(2023, 5, 1, 2023, 8, 31)},
			{in: "late 2023", want: days(2023, 9, 1, 2023, 12, 31)},
		})
	}
}

func TestDateWeekday(t *testing.T) {
	pub := oneDay(2024, 4, 2)
	runDate(t, pub, []dateCase{
		// March 22, 2024 was a Friday: a matching weekday is no warning.
		{in: "Friday, March 22", want: oneDay(2024, 3, 22)},
		{in: "Friday, March 22, 2024", want: oneDay(2024, 3, 22)},
		{in: "Fri. 22 March 2024", want: oneDay(2024, 3, 22)},
		{in: "on Friday, March 22", want: oneDay(2024, 3, 22)},
		{in: "Friday the 22nd of March", want: oneDay(2024, 3, 22)},
		// A mismatch is read as the date, with a warning: the date is more
		// often right than the weekday, but a person should look.
		{in: "Saturday, March 22", want: oneDay(2024, 3, 22), warnings: []string{
			`"Saturday, March 22": March 22, 2024 was a Friday, not a Saturday`,
		}},
		{in: "Thursday, January 3, 2024", want: oneDay(2024, 1, 3), warnings: []string{
			`"Thursday, January 3, 2024": January 3, 2024 was a Wednesday, not a Thursday`,
		}},
	})
}

func TestDateYearless(t *testing.T) {
	runDate(t, oneDay(2024, 4, 2), []dateCase{
		{in: "March 22", want: oneDay(2024, 3, 22)},
		{in: "22 March", want: oneDay(2024, 3, 22)},
		{in: "on March 22", want: oneDay(2024, 3, 22)},
		{in: "the 22nd of March", want: oneDay(2024, 3, 22)},
		{in: "April 2", want: oneDay(2024, 4, 2)},       // the publication day itself
		{in: "April 3", want: oneDay(2023, 4, 3)},       // after publication: last year's
		{in: "December 25", want: oneDay(2023, 12, 25)}, // across a year end
		{in: "February 29", want: oneDay(2024, 2, 29)},  // a leap year
		{in: "in March", want: days(2024, 3, 1, 2024, 3, 31)},
		{in: "April", want: days(2024, 4, 1, 2024, 4, 30)}, // began before publication
		{in: "May", want: days(2023, 5, 1, 2023, 5, 31)},
		{in: "early March", want: days(2024, 3, 1, 2024, 3, 10)},
	})
	runDate(t, oneDay(2023, 6, 1), []dateCase{
		{in: "February 29", want: oneDay(2020, 2, 29)},
	})
	// Published in a span that spans years: the latest not after its end.
	runDate(t, days(2023, 12, 20, 2024, 1, 10), []dateCase{
		// Published December 20-27, "December 28" would be 2022's.
		{in: "December 28", want: oneDay(2023, 12, 28), warnings: []string{
			`"December 28": no year given and publication (20 Dec 2023 – 10 Jan 2024) straddles it; read as 2023, the previous year if published before 28 Dec 2023`,
		}},
		{in: "January 15", want: oneDay(2023, 1, 15)},
		{in: "January 5", want: oneDay(2024, 1, 5), warnings: []string{
			`"January 5": no year given and publication (20 Dec 2023 – 10 Jan 2024) straddles it; read as 2024, the previous year if published before 5 Jan 2024`,
		}},
	})
	// A weekday checks the year chosen.
	runDate(t, oneDay(2025, 1, 10), []dateCase{
		{in: "Friday, March 22", want: oneDay(2024, 3, 22)},
	})
	runDate(t, oneDay(2026, 1, 10), []dateCase{
		{in: "Friday, March 22", want: oneDay(2025, 3, 22), warnings: []string{
			`"Friday, March 22": March 22, 2025 was a Saturday, not a Friday`,
		}},
	})
}

func TestDateGloss(t *testing.T) {
	pub := oneDay(2024, 1, 4)
	for _, c := range []struct{ in, want string }{
		{"Jan. 3, 2024", `"Jan. 3, 2024": 3 Jan 2024`},
		{"January 2024", `"January 2024": Jan 2024 (a month: any day in it)`},
		{"2014", `"2014": 2014 (a year: any day in it)`},
		{"early January 2024", `"early January 2024": 1 Jan 2024 – 10 Jan 2024 (early in a month: days 1 to 10)`},
		{"March 22", `"March 22": 22 Mar 2023 (no year given: the latest March 22 not after publication)`},
		{"last Wednesday", `"last Wednesday": 3 Jan 2024 (last Wednesday: the latest Wednesday before the publication day, published 4 Jan 2024)`},
	} {
		got, _, err := Date(c.in, pub, DefaultOptions())
		if err != nil {
			t.Errorf("Date(%q): %v", c.in, err)
			continue
		}
		if got.Gloss != c.want {
			t.Errorf("Date(%q).Gloss\n got %s\nwant %s", c.in, got.Gloss, c.want)
		}
	}
}

func TestDateErrors(t *testing.T) {
	pub := oneDay(2024, 1, 4)
	for _, c := range []struct {
		in     string
		pub    reconcile.Range
		reason string
	}{
		{"", pub, "empty"},
		{"soon", pub, "not a date form crosscheck reads; write \"2024-01-03\""},
		{"next week", pub, "not a date form"},
		{"February 30, 2024", pub, "there is no February 30 in 2024: it has 29 days"},
		{"February 29, 2023", pub, "there is no February 29 in 2023"},
		{"April 31", pub, "there is no April 31"},
		{"January 32, 2024", pub, "there is no January 32 in 2024"},
		{"January 0", pub, "there is no January 0"},
		{"3/1/2024", pub, "numeric dates"},
		{"2024-13-01", pub, "no month 13"},
		{"2024-02-30", pub, "February 2024 has 29 days"},
		{"2024-1-3", pub, "not a date in a form crosscheck reads here"},
		{"2024-01-14..2024-01-08", pub, "runs backwards"},
		{"January 5-3, 2024", pub, "runs backwards"},
		{"Jan 3 at noon", pub, `did not understand "at noon" after the date`},
		{"January 3, 2024, 84 dead", pub, "did not understand"},
		{"Friday, March 2024", pub, "a weekday only goes with a single day"},
		{"Friday, March 22-23, 2024", pub, "a weekday only goes with a single day"},
		{"March 22", Unknown, "no year given and the source needs a `published` date"},
		{"in March", reconcile.Range{Min: 5, Max: 4}, "`published`"},
		{"last Wednesday", Unknown, "the source needs a `published` date"},
		{"yesterday", reconcile.Range{Min: 0, Max: reconcile.Unbounded}, "out of range"},
		{"earlier this month", oneDay(2024, 1, 1), "names no day"},
	} {
		got, _, err := Date(c.in, c.pub, DefaultOptions())
		if err == nil {
			t.Errorf("Date(%q) = %v, want an error containing %q", c.in, got.Range, c.reason)
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) || pe.Kind != reconcile.Date {
			t.Errorf("Date(%q) error %v is not a date *Error", c.in, err)
			continue
		}
		if !strings.Contains(pe.Reason, c.reason) {
			t.Errorf("Date(%q) error %q, want reason containing %q", c.in, err, c.reason)
		}
	}
}

func TestSpan(t *testing.T) {
	for _, c := range []struct {
		in   string
		want reconcile.Range
	}{
		{"2024-01-03", oneDay(2024, 1, 3)},
		{" 2024-01-03 ", oneDay(2024, 1, 3)},
		{"2024-01", days(2024, 1, 1, 2024, 1, 31)},
		{"2023-02", days(2023, 2, 1, 2023, 2, 28)},
		{"2024", days(2024, 1, 1, 2024, 12, 31)},
		{"2024-01-08..2024-01-14", days(2024, 1, 8, 2024, 1, 14)},
		{"2024-01-08 .. 2024-01-14", days(2024, 1, 8, 2024, 1, 14)},
		{"2024-01-08..2024-01-08", oneDay(2024, 1, 8)},
		{"2024-01..2024-03", days(2024, 1, 1, 2024, 3, 31)},
		{"0001-01-01", reconcile.Range{Min: -719162, Max: -719162}},
		{"9999-12-31", reconcile.Range{Min: 2932896, Max: 2932896}},
	} {
		got, err := Span(c.in)
		if err != nil {
			t.Errorf("Span(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("Span(%q) = %v, want %v", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, reason string }{
		{"", "empty"},
		{"January 3, 2024", `write a day as "2024-01-03", a month as "2024-01", a year as "2024", or a span as "2024-01-08..2024-01-14"`},
		{"2024-01-14..2024-01-08", "runs backwards"},
		{"2024-1-3", "not a date"},
		{"24-01-03", "not a date"},
		{"2024/01/03", "not a date"},
		{"2024-00", "no month 00"},
		{"2023-02-29", "February 2023 has 28 days"},
		{"0000", "no year 0"},
		{"2024-01-08..", "a date on each side"},
		{"..2024-01-08", "a date on each side"},
		{"2024-01-08..2024-01-09..2024-01-10", "not a date"},
	} {
		got, err := Span(c.in)
		var pe *Error
		if err == nil || !errors.As(err, &pe) {
			t.Errorf("Span(%q) = %v, %v; want an *Error containing %q", c.in, got, err, c.reason)
			continue
		}
		if !strings.Contains(pe.Reason, c.reason) {
			t.Errorf("Span(%q) error %q, want reason containing %q", c.in, err, c.reason)
		}
	}
}

func TestCivil(t *testing.T) {
	// The hand-written calendar must agree with the time package across
	// leap years and centuries. (reconcile.DayOf goes through a
	// time.Duration, which saturates outside 1678-2262, so it is compared
	// only inside those years.)
	for y := 1; y <= 9999; y += 7 {
		for _, m := range []time.Month{1, 2, 3, 12} {
			for _, d := range []int{1, 28, daysIn(int64(y), m)} {
				z := daysFrom(int64(y), m, d)
				if want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400; z != want {
					t.Fatalf("daysFrom(%d, %d, %d) = %d, want %d", y, m, d, z, want)
				}
				if y > 1700 && y < 2200 {
					if want := reconcile.DayOf(y, m, d); z != want {
						t.Fatalf("daysFrom(%d, %d, %d) = %d, but reconcile.DayOf says %d", y, m, d, z, want)
					}
				}
				gy, gm, gd := civil(z)
				if gy != int64(y) || gm != m || gd != d {
					t.Fatalf("civil(%d) = %d-%d-%d, want %d-%d-%d", z, gy, gm, gd, y, m, d)
				}
				if want := reconcile.DayTime(z).Weekday(); weekday(z) != want {
					t.Fatalf("weekday(%d) = %v, want %v", z, weekday(z), want)
				}
			}
		}
	}
	for _, r := range []reconcile.Range{oneDay(2024, 1, 3), days(2024, 1, 1, 2024, 1, 31), days(2023, 1, 1, 2023, 12, 31), days(2023, 12, 30, 2024, 1, 2)} {
		if got, want := string(appendDays(nil, r.Min, r.Max)), reconcile.FormatDays(r); got != want {
			t.Errorf("appendDays(%v) = %q, want %q as reconcile.FormatDays", r, got, want)
		}
	}
}
