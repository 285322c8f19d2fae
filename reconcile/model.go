// Package reconcile holds crosscheck's model of sources and claims and the
// pure functions that decide which claims about one event and property can all
// hold at once. Nothing in this package reads files or the clock: loading and
// quote verification live in reconcile/load, phrase reading in
// reconcile/phrase, and renderers in reports.
package reconcile

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// Kind is what sort of value a property takes; it decides how a claim's value
// phrase is read and what "agree" means for two readings.
type Kind string

const (
	Count       Kind = "count"       // whole numbers, read as [min, max]
	Date        Kind = "date"        // calendar days, read as [first day, last day]
	Place       Kind = "place"       // a place in the vocabulary's hierarchy
	Nationality Kind = "nationality" // nationalities and their groupings
	Category    Kind = "category"    // method, responsibility, ...: terms with groupings
	Text        Kind = "text"        // free text; compared after normalisation
)

// Unbounded is the Max of a range with no upper end ("over 100").
const Unbounded = math.MaxInt64

// Range is a closed interval of whole numbers. Counts use it directly; dates
// use it as days since 1970-01-01 (see DayOf), so one mechanism serves both.
type Range struct {
	Min int64
	Max int64 // Unbounded when the phrase sets no upper end
}

// Open reports whether the range has no upper end.
func (r Range) Open() bool { return r.Max == Unbounded }

// Overlaps reports whether some value lies in both ranges.
func (r Range) Overlaps(o Range) bool { return r.Min <= o.Max && o.Min <= r.Max }

// Contains reports whether o lies wholly inside r.
func (r Range) Contains(o Range) bool { return r.Min <= o.Min && o.Max <= r.Max }

// Intersect returns the values common to both ranges; ok is false when none are.
func (r Range) Intersect(o Range) (Range, bool) {
	out := Range{Min: max(r.Min, o.Min), Max: min(r.Max, o.Max)}
	return out, out.Min <= out.Max
}

func (r Range) String() string {
	switch {
	case r.Open():
		return fmt.Sprintf("[%d, ∞)", r.Min)
	case r.Min == r.Max:
		return fmt.Sprintf("%d", r.Min)
	default:
		return fmt.Sprintf("[%d, %d]", r.Min, r.Max)
	}
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// DayOf turns a calendar date into the day number used by date ranges.
func DayOf(year int, month time.Month, day int) int64 {
	// Through Unix seconds rather than a time.Duration, which overflows
	// about 292 years from 1970; a UTC midnight divides exactly.
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// DayTime turns a day number back into a UTC midnight.
func DayTime(d int64) time.Time { return epoch.AddDate(0, 0, int(d)) }

// FormatDay renders a day number as an ISO date (2024-01-03).
func FormatDay(d int64) string {
	if d == Unbounded {
		return ""
	}
	return DayTime(d).Format("2006-01-02")
}

// FormatDays renders a day range the way a person would say it: a single
// day, a whole month, a whole year, or first..last.
func FormatDays(r Range) string {
	if r.Open() {
		return "after " + FormatDay(r.Min)
	}
	if s, ok := formatDaysFast(r); ok {
		return s
	}
	return formatDays(r)
}

// formatDays is FormatDays through package time, for every range.
func formatDays(r Range) string {
	a, b := DayTime(r.Min), DayTime(r.Max)
	switch {
	case r.Min == r.Max:
		return a.Format("2 Jan 2006")
	case a.Day() == 1 && b.AddDate(0, 0, 1).Day() == 1 && a.Year() == b.Year() && a.Month() == b.Month():
		return a.Format("Jan 2006")
	case a.YearDay() == 1 && b.Month() == 12 && b.Day() == 31 && a.Year() == b.Year():
		return a.Format("2006")
	default:
		return a.Format("2 Jan 2006") + " – " + b.Format("2 Jan 2006")
	}
}

// Days within the four-digit years, where formatDaysFast agrees with
// package time's layouts.
var (
	firstFastDay = DayOf(1000, 1, 1)
	lastFastDay  = DayOf(9999, 12, 31)
)

var monthAbbrevs = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// civil is the proleptic Gregorian date of a day number (days since
// 1970-01-01), by Howard Hinnant's days-to-civil algorithm.
func civil(d int64) (year int64, month, day int) {
	z := d + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	month = int(mp + 3)
	if month > 12 {
		month -= 12
	}
	year = yoe + era*400
	if month <= 2 {
		year++
	}
	return year, month, day
}

func appendDay(b []byte, y int64, m, d int) []byte {
	b = strconv.AppendInt(b, int64(d), 10)
	b = append(b, ' ')
	b = append(b, monthAbbrevs[m-1]...)
	b = append(b, ' ')
	return strconv.AppendInt(b, y, 10)
}

// formatDaysFast is FormatDays for closed ranges of four-digit years,
// without package time, which costs several times as much; reports
// format a range for every claim they show.
func formatDaysFast(r Range) (string, bool) {
	if r.Min < firstFastDay || r.Max > lastFastDay || r.Min > r.Max {
		return "", false
	}
	ay, am, ad := civil(r.Min)
	by, bm, bd := civil(r.Max)
	var buf [64]byte
	b := buf[:0]
	_, _, nd := civil(r.Max + 1)
	switch {
	case r.Min == r.Max:
		b = appendDay(b, ay, am, ad)
	case ad == 1 && nd == 1 && ay == by && am == bm:
		b = append(b, monthAbbrevs[am-1]...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, ay, 10)
	case am == 1 && ad == 1 && bm == 12 && bd == 31 && ay == by:
		b = strconv.AppendInt(b, ay, 10)
	default:
		b = appendDay(b, ay, am, ad)
		b = append(b, " – "...)
		b = appendDay(b, by, bm, bd)
	}
	return string(b), true
}

// Reading is how crosscheck understood a claim's value: the interpretation a
// fact-checker must be able to see and challenge.
type Reading struct {
	Kind  Kind
	Range Range // count and date kinds
	// Point is the figure the phrase states ("nearly 100" states 100); it
	// feeds best estimates. For dates it is the first day.
	Point int64
	// Terms are canonical vocabulary ids (place, nationality, category
	// kinds), or the normalised text (text kind). A value naming several
	// ("Israel and the United States") has several.
	Terms []string
	// Gloss says in words how the phrase was read, e.g.
	// `"nearly 100": 90 to 99 (nearly: up to 10% below, never reaching it)`.
	Gloss string
}

// Pos is a place in a claim file. Line and Col start at 1.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Severity ranks problems and findings. Errors fail lint and check;
// warnings are shown and fail check only when asked; notes never fail.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Problem is something wrong with the input itself (as opposed to a
// disagreement between sources): a misspelt key, a quote not in the text.
type Problem struct {
	Pos
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s: %s", p.Pos, p.Severity, p.Message) }

// Source is one article, statement or report, as its [source] table says.
type Source struct {
	ID      string
	Title   string
	Outlet  string
	Authors []string
	URL     string
	// Published is the publication date as written ("2024-01-03",
	// "2024-01", "2024"); PublishedDays is the day range it allows.
	Published     string
	PublishedDays Range
	Kind          string
	Language      string
	Text          string // archived text, relative to the corpus root; "" if none
	File          string // the source file, relative to the corpus root
	Pos           Pos    // of the [source] header
}

// Name is how a reader knows the source: its outlet, or, when the capture
// names none, the start of its title, or else its id.
func (s *Source) Name() string {
	switch {
	case s.Outlet != "":
		return s.Outlet
	case s.Title != "":
		return shortTitle(s.Title)
	}
	return s.ID
}

// Claim is one assertion a source makes about one property of one event.
type Claim struct {
	ID       string // explicit id, or "<source>#<n>" (n counts from 1 in file order)
	Source   string // source id
	Event    string
	Property string
	Value    string // the words the source uses (a TOML integer or date, formatted)
	Quote    string
	// AttributedTo is whom the source says it quotes; Authority is the
	// canonical form used to tell a revision (the same authority changing
	// its figure) from a disagreement between authorities.
	AttributedTo string
	Authority    string
	Hedge        string
	Note         string
	AsOfText     string // the as_of key as written, "" when absent
	// AsOf is the day range when the claim held: its as_of, or else its
	// source's publication date.
	AsOf     Range
	Reading  Reading
	Verified bool // the quote was found in the source's archived text
	Pos      Pos  // of the claim's [[claim]] header
}

// Group is every claim about one property of one event, the unit that
// reconciliation works on.
type Group struct {
	Event    string
	Property string
	Kind     Kind
	// Cumulative counts (deaths, injured) may rise over time, so an earlier
	// lower figure does not contradict a later higher one.
	Cumulative bool
	Claims     []Claim
	// Verdict is the fact-checker's decision on this event and property,
	// if one has been recorded.
	Verdict *Verdict
}
