package phrase

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/google/go-cmp/cmp"
)

const inf = reconcile.Unbounded

type countCase struct {
	in       string
	min, max int64
	point    int64
}

func runCount(t *testing.T, cases []countCase) {
	t.Helper()
	for _, c := range cases {
		got, err := Count(c.in, DefaultOptions())
		if err != nil {
			t.Errorf("Count(%q): unexpected error %v", c.in, err)
			continue
		}
		want := reconcile.Reading{Kind: reconcile.Count, Range: reconcile.Range{Min: c.min, Max: c.max}, Point: c.point}
		got.Gloss = ""
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Count(%q) (-want +got):\n%s", c.in, diff)
		}
	}
}

func TestCountExact(t *testing.T) {
	runCount(t, []countCase{
		{"84", 84, 84, 84},
		{"0", 0, 0, 0},
		{"6,000", 6000, 6000, 6000},
		{"6000", 6000, 6000, 6000},
		{"1,234,567", 1234567, 1234567, 1234567},
		{"two", 2, 2, 2},
		{"Thirteen", 13, 13, 13},
		{"twenty-one", 21, 21, 21},
		{"twenty one", 21, 21, 21},
		{"ninety‑nine", 99, 99, 99}, // non-breaking hyphen
		{"three thousand", 3000, 3000, 3000},
		{"a hundred", 100, 100, 100},
		{"one hundred and twenty", 120, 120, 120},
		{"two thousand three hundred and forty-five", 2345, 2345, 2345},
		{"nineteen hundred", 1900, 1900, 1900},
		{"a thousand", 1000, 1000, 1000},
		{"1.5 million", 1_500_000, 1_500_000, 1_500_000},
		{"0.5 million", 500_000, 500_000, 500_000},
		{"1.25 thousand", 1250, 1250, 1250},
		{"3 thousand", 3000, 3000, 3000},
		{"2 dozen", 24, 24, 24},
		{"a dozen", 12, 12, 12},
		{"two dozen", 24, 24, 24},
		{"half a dozen", 6, 6, 6},
		{"a half-dozen", 6, 6, 6},
		{"zero", 0, 0, 0},
		{"none", 0, 0, 0},
		{"no one", 0, 0, 0},
		{"exactly 12", 12, 12, 12},
		{"a total of 84", 84, 84, 84},
		// Trailing noun phrases are ignored when they state no figure.
		{"137 people", 137, 137, 137},
		{"13 American service members", 13, 13, 13},
		{"170 civilians", 170, 170, 170},
		{"15-year-old boys", 15, 15, 15},
		{"84, including children", 84, 84, 84},
		// Quotes, curly or straight, and stray spaces carry no meaning.
		{"“84”", 84, 84, 84},
		{"'84'", 84, 84, 84},
		{"  84  ", 84, 84, 84},
		{"84\u00a0people", 84, 84, 84},
		{"1,000,000,000,000,000,000", 1e18, 1e18, 1e18},
	})
}

func TestCountBounds(t *testing.T) {
	runCount(t, []countCase{
		{"at least 91", 91, inf, 91},
		{"At Least 91 people", 91, inf, 91},
		{"no fewer than 91", 91, inf, 91},
		{"no less than 91", 91, inf, 91},
		{"91 or more", 91, inf, 91},
		{"91+", 91, inf, 91},
		{"100-plus", 100, inf, 100},
		{"upwards of 100", 100, inf, 100},
		{"more than 100", 101, inf, 100},
		{"over 100", 101, inf, 100},
		{"above 100", 101, inf, 100},
		{"in excess of 100", 101, inf, 100},
		{"more than a dozen", 13, inf, 12},
		{"over 1.5 million", 1_500_001, inf, 1_500_000},
		{"at most 10", 0, 10, 10},
		{"up to 10", 0, 10, 10},
		{"as many as 10", 0, 10, 10},
		{"no more than 10", 0, 10, 10},
		{"10 or fewer", 0, 10, 10},
		{"fewer than 10", 0, 9, 10},
		{"less than 10", 0, 9, 10},
		{"under 10", 0, 9, 10},
		{"below 10", 0, 9, 10},
		{"less than a hundred", 0, 99, 100},
		{"fewer than 1", 0, 0, 1},
	})
}

func TestCountApproximations(t *testing.T) {
	runCount(t, []countCase{
		{"about 90", 81, 99, 90},
		{"approximately 90", 81, 99, 90},
		{"around 6,000", 5400, 6600, 6000},
		{"roughly 50", 45, 55, 50},
		{"some 14 hours", 13, 15, 14},
		{"an estimated 6,000", 5400, 6600, 6000},
		{"estimated 6,000", 5400, 6600, 6000},
		{"circa 200", 180, 220, 200},
		{"c. 200", 180, 220, 200},
		{"more or less 40", 36, 44, 40},
		{"~50", 45, 55, 50},
		{"20 or so", 18, 22, 20},
		{"about a dozen", 11, 13, 12},
		{"about 45", 40, 50, 45}, // 4.5 rounds half up to 5
		{"about 5", 4, 6, 5},     // 0.5 would round to 1 anyway
		{"about 3", 2, 4, 3},     // 0.3: widths are at least 1
		{"about 0", 0, 1, 0},
		{"nearly 100", 90, 99, 100},
		{"almost 100", 90, 99, 100},
		{"close to 100", 90, 99, 100},
		{"just under 100", 90, 99, 100},
		{"nearly 1", 0, 0, 1},
		{"just over 100", 101, 110, 100},
		{"about 15 to 20", 13, 22, 17},
	})
}

func TestCountRanges(t *testing.T) {
	runCount(t, []countCase{
		{"between 15 and 20", 15, 20, 17},
		{"15 to 20", 15, 20, 17},
		{"15-20", 15, 20, 17},
		{"15–20", 15, 20, 17},
		{"15 — 20", 15, 20, 17},
		{"from 15 to 20", 15, 20, 17},
		{"15 or 16", 15, 16, 15},
		{"16 or 15", 15, 16, 15},
		{"one or two", 1, 2, 1},
		{"15-20 people", 15, 20, 17},
		{"between one hundred and twenty and 130", 120, 130, 125},
		{"2 to 3 million", 2_000_000, 3_000_000, 2_500_000},
		{"1.5 to 2 million", 1_500_000, 2_000_000, 1_750_000},
		{"two to three thousand", 2000, 3000, 2500},
		{"between 15 and 20 thousand", 15000, 20000, 17500},
		{"100 to 2 thousand", 100, 2000, 1050}, // 100 thousand would run backwards
		{"15 to 15", 15, 15, 15},
	})
}

func TestCountVague(t *testing.T) {
	runCount(t, []countCase{
		{"a couple", 2, 3, 2},
		{"a couple of", 2, 3, 2},
		{"a few", 2, 5, 3},
		{"a handful", 2, 5, 3},
		{"several", 3, 9, 5},
		{"several people", 3, 9, 5},
		{"tens", 20, 99, 44},
		{"dozens", 24, 99, 49},
		{"Dozens of people", 24, 99, 49},
		{"scores", 40, 199, 89},
		{"hundreds", 200, 999, 447},
		{"thousands", 2000, 9999, 4472},
		{"millions", 2_000_000, 9_999_999, 4_472_136},
		{"tens of thousands", 20_000, 99_999, 44_721},
		{"hundreds of thousands", 200_000, 999_999, 447_213},
		{"a few hundred", 200, 599, 346},
		{"a couple of hundred", 200, 399, 282},
		{"several thousand", 3000, 9999, 5477},
		{"several dozen", 36, 119, 65},
		{"a few dozen", 24, 71, 41},
		{"several hundred thousand", 300_000, 999_999, 547_722},
		{"at least dozens", 24, inf, 49},
		{"up to hundreds", 0, 999, 447},
		{"some dozens", 24, 99, 49},
	})
}

func TestCountGloss(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"84", `"84": exactly 84`},
		{"thirteen", `"thirteen": exactly 13`},
		{"three thousand", `"three thousand": exactly 3,000 (three thousand = 3,000)`},
		{"at least 91", `"at least 91": 91 or more (at least N: N or more)`},
		{"over 100", `"over 100": 101 or more (over N: above N, so N+1 or more)`},
		{"upwards of 100", `"upwards of 100": 100 or more (upwards of N: N or more, read inclusively)`},
		{"91 or more", `"91 or more": 91 or more (N or more)`},
		{"fewer than 10", `"fewer than 10": 0 to 9 (fewer than N: below N, so N-1 or fewer)`},
		{"nearly 100", `"nearly 100": 90 to 99 (nearly N: up to 10% below N, never reaching it)`},
		{"about 90", `"about 90": 81 to 99 (about N: within 10% of N either way)`},
		{"about 3", `"about 3": 2 to 4 (about N: within 10% of N either way, but at least 1)`},
		{"c. 200", `"c. 200": 180 to 220 (c. N: within 10% of N either way)`},
		{"just over 100", `"just over 100": 101 to 110 (just over N: above N by up to 10%)`},
		{"“between 15 and 20”", `"between 15 and 20": 15 to 20 (a range: both ends included)`},
		{"2 to 3 million", `"2 to 3 million": 2,000,000 to 3,000,000 (a range: both ends included; the multiplier applies to both figures)`},
		{"dozens", `"dozens": 24 to 99 (dozens: two dozen or more, fewer than a hundred)`},
		{"a few hundred", `"a few hundred": 200 to 599 (a few: 2 to 5, times 100, up to just below 6 times 100)`},
	} {
		got, err := Count(c.in, DefaultOptions())
		if err != nil {
			t.Errorf("Count(%q): %v", c.in, err)
			continue
		}
		if got.Gloss != c.want {
			t.Errorf("Count(%q).Gloss\n got %s\nwant %s", c.in, got.Gloss, c.want)
		}
	}
}

func TestCountOptions(t *testing.T) {
	for _, c := range []struct {
		in       string
		approx   float64
		min, max int64
		gloss    string
	}{
		{"about 90", 0.20, 72, 108, "within 20% of N"},
		{"nearly 100", 0.05, 95, 99, "up to 5% below N"},
		{"about 1000", 0.125, 875, 1125, "within 12.5% of N"},
		{"about 90", 0, 89, 91, "within 0% of N either way, but at least 1"},
		{"about 90", math.NaN(), 81, 99, "within 10%"}, // NaN reads as the default
		{"about 90", -1, 89, 91, "within 0%"},          // clamped to 0
		{"about 90", 7, 0, 180, "within 100%"},         // clamped to 1
	} {
		got, err := Count(c.in, Options{Approx: c.approx})
		if err != nil {
			t.Errorf("Count(%q, %v): %v", c.in, c.approx, err)
			continue
		}
		if want := (reconcile.Range{Min: c.min, Max: c.max}); got.Range != want {
			t.Errorf("Count(%q, %v) = %v, want %v", c.in, c.approx, got.Range, want)
		}
		if !strings.Contains(got.Gloss, c.gloss) {
			t.Errorf("Count(%q, %v).Gloss = %q, want it to contain %q", c.in, c.approx, got.Gloss, c.gloss)
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, a := range []float64{0, 0.1, 1} {
		if err := (Options{Approx: a}).Validate(); err != nil {
			t.Errorf("Validate(%v) = %v", a, err)
		}
	}
	for _, a := range []float64{-0.1, 1.5, math.NaN(), math.Inf(1)} {
		if err := (Options{Approx: a}).Validate(); err == nil {
			t.Errorf("Validate(%v) = nil, want an error", a)
		}
	}
}

func TestCountErrors(t *testing.T) {
	for _, c := range []struct{ in, reason string }{
		{"", "empty"},
		{"   ", "empty"},
		{"“”", "empty"},
		{"many people", `no number found; write a figure such as "91"`},
		{"unknown", "no number found"},
		{"some people", "no figure after \"some\""},
		{"at least", "no figure after \"at least\""},
		{"-5", "cannot be negative"},
		{"−5", "cannot be negative"},
		{"minus 3", "cannot be negative"},
		{"1.5", "not a whole number"},
		{"2.2505 thousand", "2.2505 thousand\" is not a whole number"},
		{"6.000", "ambiguous"},
		{"1,00", "misplaced thousands separators"},
		{"10,00,000", "misplaced thousands separators"},
		{",100", "words before the figure"},
		{"3rd", "ordinal"},
		{"twenty-first", "ordinal"},
		{"1m", "letters glued"},
		{"84%", "percentage"},
		{"84 percent", "percentage"},
		{"84 per cent of victims", "percentage"},
		{"killed 84 people", `words before the figure are not understood ("killed")`},
		{"84 people and 3 soldiers", `second figure "3"`},
		{"84 people, one of them a child", `second figure "one"`},
		{"dozens of people, hundreds injured", `second figure "hundreds"`},
		{"five five", "second figure"},
		{"20 to 15", "runs backwards"},
		{"between 15", "\"between\" needs two figures"},
		{"between 15 and", "expected a second figure"},
		{"from 15", "\"from\" needs two figures"},
		{"between dozens and hundreds", "a range needs two figures"},
		{"at least 15 to 20", "one qualifier at a time"},
		{"at least 91 or more", "one qualifier at a time"},
		{"nearly dozens", "needs a figure, not a vague amount"},
		{"nearly 0", "zero leaves no count"},
		{"fewer than 0", "zero leaves no count"},
		{"99999999999999999999", "too large"},
		{"1,000,000,000,000,000,001", "too large"},
		{"a billion billion", "second figure"},
		{"9 trillion trillion", "too large"},
		{"10 billion billion", "too large"},
		{"a few trillion million", "too large"},
	} {
		got, err := Count(c.in, DefaultOptions())
		if err == nil {
			t.Errorf("Count(%q) = %v, want an error containing %q", c.in, got.Range, c.reason)
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Count(%q) error %T is not *Error", c.in, err)
			continue
		}
		if pe.Kind != reconcile.Count || !strings.Contains(pe.Reason, c.reason) {
			t.Errorf("Count(%q) error %q, want reason containing %q", c.in, err, c.reason)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	_, err := Count("“many”", DefaultOptions())
	want := `cannot read "many" as a count: no number found; write a figure such as "91", "at least 91", "nearly 100", "between 15 and 20" or "dozens"`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
