package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/reconcile"
)

// The chart is laid out in two coordinate systems at once: horizontal
// positions are percentages of the chart's width, vertical ones are pixels.
// That lets one SVG fill a laptop column or a phone screen without scaling
// its text, which a viewBox would shrink to illegibility on a phone.
const (
	chartTop      = 24 // room above the first row for the agreed-range label
	chartRowH     = 42 // one claim: a label line, then its bar
	chartLabelY   = 14 // label baseline, from the top of the row
	chartBarY     = 20 // bar top, from the top of the row
	chartBarH     = 13
	chartAxisGap  = 6  // between the last row and the axis line
	chartAxisH    = 34 // axis line, tick marks and tick labels
	chartMaxTicks = 6  // more crowd a phone-width axis
	// A row's label and its as-of date share one line, which on a phone
	// holds about fifty-five characters; the label gives way, since the claim's
	// card below the chart has everything in full.
	chartLineBudget  = 54
	chartOutletWidth = 24
	chartValueWidth  = 20
)

// chart is a number line or time line for one count or date group: one
// row per claim, the agreed range shaded across all rows, and an axis.
type chart struct {
	ID     string // unique in the page; the chart's pattern is "p-" + ID
	Label  string // the whole chart in words, for the svg's aria-label
	Height int
	Rows   []chartRow
	Ticks  []chartTick
	Band   *chartBand
	AxisY  int
	// TickY and TickLabelY are where tick marks end and labels sit.
	TickY, TickLabelY int
	GridY             int // where grid lines start
	// Caption says what the axis measures and how it is scaled.
	Caption string
}

type chartRow struct {
	Href     string // the claim's card in the page
	Standing string // agrees, disagrees or superseded: the CSS class
	Mark     string // ✓, ✗ or ↻, so standing does not rest on colour alone
	Label    string // "The Conversation · over 100"
	AsOf     string
	Describe string // the row in words, for screen readers and tooltips
	Fill     string // a pattern reference for hatched standings; "" uses the CSS colour
	LabelY   int
	BarY     int
	ArrowY   int
	X, W     string // percentages
	Open     bool   // no upper end: draw an arrow past the axis end
}

type chartTick struct {
	X, Label, Anchor string
}

type chartBand struct {
	X, W, LabelX, LabelAnchor, Label string
	Y, H                             int
}

// chartScale maps values to percentages of the chart's width. Each whole value
// is a cell: for counts a cell is centred on its value, so the bar for "95"
// sits over the tick for 95; for dates a cell is the day itself, from
// midnight to midnight, so a month's bar runs from the 1st to the next 1st.
type chartScale struct {
	lo, hi float64 // domain, in value units
	log    bool
	offset float64 // where a value's cell starts, relative to the value
}

func (s chartScale) pos(v float64) float64 {
	var p float64
	if s.log {
		p = (math.Log10(v) - math.Log10(s.lo)) / (math.Log10(s.hi) - math.Log10(s.lo))
	} else {
		p = (v - s.lo) / (s.hi - s.lo)
	}
	return math.Max(0, math.Min(1, p)) * 100
}

// span is where a range's bar starts and how wide it is, in percent.
func (s chartScale) span(r reconcile.Range) (x, w float64) {
	a := float64(r.Min) + s.offset
	b := s.hi
	if !r.Open() {
		b = float64(r.Max) + s.offset + 1
	}
	x = s.pos(a)
	w = s.pos(b) - x
	// A single count on a wide axis would otherwise be a hairline.
	const minWidth = 0.8
	if w < minWidth {
		x, w = math.Max(0, x+w/2-minWidth/2), minWidth
	}
	return x, w
}

func chartPct(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) + "%" }

// newChart lays out a count or date group. Rows follow the timeline, so a
// revision reads top to bottom in the order it happened, as in explain.
func newChart(r reconcile.Result, g reconcile.GroupResult, id string, claimAnchor func(reconcile.Claim) string) *chart {
	if len(g.Claims) == 0 {
		return nil
	}
	ranges := make([]reconcile.Range, 0, len(g.Claims)+1)
	for _, c := range g.Claims {
		ranges = append(ranges, c.Reading.Range)
	}
	if g.Agreed != nil {
		ranges = append(ranges, *g.Agreed)
	}
	var s chartScale
	var ticks []chartTick
	if g.Kind == reconcile.Date {
		s, ticks = dateScale(ranges)
	} else {
		s, ticks = countScale(ranges)
	}
	ch := &chart{ID: id, Ticks: ticks}
	for _, i := range timeline(g) {
		c := g.Claims[i]
		st := standing(g, i)
		x, w := s.span(c.Reading.Range)
		y := chartTop + len(ch.Rows)*chartRowH
		asOf := shortDays(c.AsOf)
		row := chartRow{
			Href:     "#" + claimAnchor(c),
			Standing: st,
			Mark:     standingMark(st),
			Label:    rowLabel(sourceName(r, c.Source), c.Value, chartLineBudget-utf8.RuneCountInString(asOf)),
			AsOf:     asOf,
			Describe: describeBar(r, g.Kind, c, st),
			LabelY:   y + chartLabelY,
			BarY:     y + chartBarY,
			ArrowY:   y + chartBarY + chartBarH/2,
			X:        chartPct(x),
			W:        chartPct(w),
			Open:     c.Reading.Range.Open(),
		}
		if st == "disagrees" {
			row.Fill = "url(#p-" + id + ")"
		}
		ch.Rows = append(ch.Rows, row)
	}
	ch.AxisY = chartTop + len(ch.Rows)*chartRowH + chartAxisGap
	ch.Height = ch.AxisY + chartAxisH
	ch.TickY, ch.TickLabelY, ch.GridY = ch.AxisY+5, ch.AxisY+20, chartTop-4
	if g.Agreed != nil {
		x, w := s.span(*g.Agreed)
		b := &chartBand{X: chartPct(x), W: chartPct(w), Y: chartTop - 4, H: ch.AxisY - chartTop + 4,
			Label: "agreed: " + agreedText(*g.Agreed, g.Kind)}
		// Keep the label inside the chart when the band hugs an edge.
		switch mid := x + w/2; {
		case mid < 15:
			b.LabelX, b.LabelAnchor = chartPct(x), "start"
		case mid > 85:
			b.LabelX, b.LabelAnchor = chartPct(x+w), "end"
		default:
			b.LabelX, b.LabelAnchor = chartPct(mid), "middle"
		}
		ch.Band = b
	}
	what := "number line"
	if g.Kind == reconcile.Date {
		what = "time line"
	}
	ch.Label = fmt.Sprintf("%s of %s, %s from %s to %s", what, plural(len(g.Claims), "claim"),
		htmlPropertyName(r, g.Property), ticks[0].Label, ticks[len(ticks)-1].Label)
	if g.Agreed != nil {
		ch.Label += "; agreed " + agreedText(*g.Agreed, g.Kind)
	}
	switch {
	case s.log:
		ch.Caption = "Logarithmic scale: each step multiplies. "
	case g.Kind == reconcile.Count && s.lo > 0:
		ch.Caption = "The axis starts at " + ticks[0].Label + ", not zero. "
	case g.Kind == reconcile.Date:
		// Tick labels leave the year out to stay short on a phone.
		a, b := reconcile.DayTime(int64(s.lo)).Year(), reconcile.DayTime(int64(s.hi)-1).Year()
		if a == b {
			ch.Caption = fmt.Sprintf("Dates in %d. ", a)
		} else {
			ch.Caption = fmt.Sprintf("Dates from %d to %d. ", a, b)
		}
	}
	ch.Caption += "Arrows mark ranges with no upper end."
	return ch
}

// shortDays is FormatDays with a span's shared month and year said once
// ("5–31 Jan 2024", "5 Jan – 2 Feb 2024"), since publication spans are
// common as-of dates and the chart's label line has little room.
func shortDays(r reconcile.Range) string {
	s := reconcile.FormatDays(r)
	if r.Open() || !strings.Contains(s, " – ") {
		return s
	}
	a, b := reconcile.DayTime(r.Min), reconcile.DayTime(r.Max)
	switch {
	case a.Year() != b.Year():
		return s
	case a.Month() != b.Month():
		return a.Format("2 Jan") + " – " + b.Format("2 Jan 2006")
	}
	return a.Format("2") + "–" + b.Format("2 Jan 2006")
}

// rowLabel renders "The Conversation · over 100" in at most room
// characters (less the mark and the gap before the date). The value is
// what the row is about, so the outlet gives way first.
func rowLabel(outlet, value string, room int) string {
	room -= 4
	v := truncate(value, min(chartValueWidth, max(8, room-8-3)))
	o := truncate(outlet, min(chartOutletWidth, max(8, room-utf8.RuneCountInString(v)-3)))
	return o + " · " + v
}

func standingMark(st string) string {
	switch st {
	case "agrees":
		return "✓"
	case "superseded":
		return "↻"
	}
	return "✗"
}

// describeBar says a row in words: "The Conversation: over 100, from 101
// with no upper bound, as of Jan 2024, disagrees".
func describeBar(r reconcile.Result, k reconcile.Kind, c reconcile.Claim, st string) string {
	return fmt.Sprintf("%s: %s, %s, as of %s, %s", sourceName(r, c.Source), c.Value,
		rangeWords(c.Reading.Range, k), reconcile.FormatDays(c.AsOf), st)
}

func rangeWords(rg reconcile.Range, k reconcile.Kind) string {
	show := func(v int64) string { return strconv.FormatInt(v, 10) }
	if k == reconcile.Date {
		show = func(v int64) string { return reconcile.DayTime(v).Format("2 Jan 2006") }
	}
	switch {
	case rg.Open() && k == reconcile.Date:
		return "on or after " + show(rg.Min)
	case rg.Open():
		return "from " + show(rg.Min) + " with no upper bound"
	case rg.Min == rg.Max && k == reconcile.Date:
		return "on " + show(rg.Min)
	case rg.Min == rg.Max:
		return "exactly " + show(rg.Min)
	}
	return "from " + show(rg.Min) + " to " + show(rg.Max)
}

// extent is the span of values a chart must show: the lowest lower end and
// the highest finite end, where an open range's lower end counts as finite,
// since the bar must start inside the axis before its arrow runs on.
func chartExtent(ranges []reconcile.Range) (lo, hi, openHi int64, anyOpen bool) {
	lo, hi, openHi = math.MaxInt64, math.MinInt64, math.MinInt64
	for _, r := range ranges {
		lo = min(lo, r.Min)
		hi = max(hi, r.Min)
		if r.Open() {
			anyOpen = true
			openHi = max(openHi, r.Min)
		} else {
			hi = max(hi, r.Max)
		}
	}
	return lo, hi, openHi, anyOpen
}

// countScale picks a linear axis on round numbers (1, 2 or 5 times a power
// of ten) that starts near the lowest claim rather than at zero: what a
// reader must see is that 84, 90–99 and 101-or-more do not overlap, and a
// zero-based axis would squeeze them into one corner. When the claims span
// more than a factor of thirty the axis goes logarithmic instead, so one
// wild figure does not flatten the rest.
func countScale(ranges []reconcile.Range) (chartScale, []chartTick) {
	lo64, hi64, openHi, anyOpen := chartExtent(ranges)
	lo, hi := float64(lo64)-0.5, float64(hi64)+0.5
	if lo64 >= 1 && float64(hi64) >= 30*float64(lo64) {
		return logCountScale(lo, hi, float64(openHi), anyOpen)
	}
	// A lone figure still gets some axis around it, so its bar reads as a
	// point on a line rather than a block.
	if minSpan := math.Max(10, math.Abs(hi+lo)/2*0.15); hi-lo < minSpan {
		pad := (minSpan - (hi - lo)) / 2
		lo, hi = lo-pad, hi+pad
	}
	step := niceStep((hi - lo) / (chartMaxTicks - 1))
	start := math.Floor(lo/step) * step
	if lo64 >= 0 && start < 0 {
		start = 0
	}
	end := math.Ceil(hi/step) * step
	// Leave at least one step beyond the highest open lower end, so an
	// open bar is visibly longer than a closed one before its arrow.
	for anyOpen && end < float64(openHi)+0.5+step*0.9 {
		end += step
	}
	var ticks []chartTick
	s := chartScale{lo: start, hi: end, offset: -0.5}
	for v := start; v <= end+step/2; v += step {
		ticks = append(ticks, chartTick{X: chartPct(s.pos(v)), Label: formatCount(v)})
	}
	anchorEnds(ticks)
	return s, ticks
}

func logCountScale(lo, hi, openHi float64, anyOpen bool) (chartScale, []chartTick) {
	start := math.Pow(10, math.Floor(math.Log10(lo)))
	end := math.Pow(10, math.Ceil(math.Log10(hi)))
	if anyOpen && end < openHi*2 {
		end *= 10
	}
	s := chartScale{lo: start, hi: end, log: true, offset: -0.5}
	var all, decades []chartTick
	for p := start; p < end*1.5; p *= 10 {
		for _, m := range []float64{1, 2, 5} {
			if v := p * m; v <= end*1.0001 {
				all = append(all, chartTick{X: chartPct(s.pos(v)), Label: formatCount(v)})
			}
		}
		decades = append(decades, chartTick{X: chartPct(s.pos(p)), Label: formatCount(p)})
	}
	ticks := all
	if len(all) > chartMaxTicks+1 {
		ticks = decades
	}
	anchorEnds(ticks)
	return s, ticks
}

// niceStep rounds a raw step up to 1, 2 or 5 times a power of ten, and
// never below 1: counts are whole numbers.
func niceStep(raw float64) float64 {
	if raw <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// formatCount writes 12000 as "12,000", the way a newsroom prints figures.
func formatCount(v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// anchorEnds keeps the first and last tick labels inside the chart.
func anchorEnds(ticks []chartTick) {
	for i := range ticks {
		ticks[i].Anchor = "middle"
	}
	if len(ticks) > 1 {
		ticks[0].Anchor, ticks[len(ticks)-1].Anchor = "start", "end"
	}
}

// dateStep is one candidate spacing for time-axis ticks.
type dateStep struct {
	days, months, years int
}

func (d dateStep) approxDays() float64 {
	return float64(d.days) + 30.44*float64(d.months) + 365.25*float64(d.years)
}

var dateSteps = []dateStep{
	{days: 1}, {days: 2}, {days: 7}, {days: 14},
	{months: 1}, {months: 2}, {months: 3}, {months: 6},
	{years: 1}, {years: 2}, {years: 5}, {years: 10}, {years: 25}, {years: 50}, {years: 100},
}

// floor finds the tick at or before day d: weekly ticks fall on Mondays,
// monthly ones on the 1st, yearly ones on 1 January, so labels are the
// dates a reader expects.
func (d dateStep) floor(day int64) time.Time {
	t := reconcile.DayTime(day)
	switch {
	case d.days == 7 || d.days == 14:
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		t = t.AddDate(0, 0, -back)
		if d.days == 14 {
			// Pair Mondays by week number from the epoch, so the pick
			// does not depend on which claim came first.
			if reconcile.DayOf(t.Year(), t.Month(), t.Day())/7%2 != 0 {
				t = t.AddDate(0, 0, -7)
			}
		}
	case d.days > 0:
		n := reconcile.DayOf(t.Year(), t.Month(), t.Day())
		t = t.AddDate(0, 0, -int(((n%int64(d.days))+int64(d.days))%int64(d.days)))
	case d.months > 0:
		m := (t.Year()*12 + int(t.Month()) - 1) / d.months * d.months
		t = time.Date(m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC)
	default:
		t = time.Date(t.Year()/d.years*d.years, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func (d dateStep) next(t time.Time) time.Time { return t.AddDate(d.years, d.months, d.days) }

// label is short enough for six to fit a phone-width axis: "3 Jan",
// "Feb", or the year alone at January and on yearly axes. The caption
// says which years the axis covers.
func (d dateStep) label(t time.Time) string {
	switch {
	case d.years > 0, d.months > 0 && t.Month() == time.January:
		return t.Format("2006")
	case d.months > 0:
		return t.Format("Jan")
	}
	return t.Format("2 Jan")
}

// dateScale picks the coarsest calendar spacing that still gives a few
// ticks (days, weeks, months or years), with the axis running from one
// tick to another. A lone day gets about a week of axis around it.
func dateScale(ranges []reconcile.Range) (chartScale, []chartTick) {
	lo, hi, openHi, anyOpen := chartExtent(ranges)
	hi++ // the last day's cell ends at the next midnight
	if hi-lo < 7 {
		pad := (7 - (hi - lo) + 1) / 2
		lo, hi = lo-pad, hi+pad
	}
	step := dateSteps[len(dateSteps)-1]
	for _, st := range dateSteps {
		if float64(hi-lo)/st.approxDays() <= chartMaxTicks {
			step = st
			break
		}
	}
	start := step.floor(lo)
	end := start
	for dayNumber(end) < hi {
		end = step.next(end)
	}
	if anyOpen {
		for float64(dayNumber(end)-(openHi+1)) < step.approxDays()*0.9 {
			end = step.next(end)
		}
	}
	s := chartScale{lo: float64(dayNumber(start)), hi: float64(dayNumber(end))}
	var ticks []chartTick
	for t := start; !t.After(end); t = step.next(t) {
		ticks = append(ticks, chartTick{X: chartPct(s.pos(float64(dayNumber(t)))), Label: step.label(t)})
	}
	anchorEnds(ticks)
	return s, ticks
}

func dayNumber(t time.Time) int64 { return reconcile.DayOf(t.Year(), t.Month(), t.Day()) }

// propertyName is a property's display name, lower-cased for use inside a
// sentence ("deaths").
func htmlPropertyName(r reconcile.Result, id string) string {
	if p, ok := r.Properties[id]; ok && p.Name != "" {
		return strings.ToLower(p.Name)
	}
	return id
}
