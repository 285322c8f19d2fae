// Package reports renders what crosscheck concluded: lint lines, the check
// listing, the JSON report, the terminal table, explain timelines and value
// readings. Renderers take a reconcile.Result (or, for lint and value, a few
// plain values) and an io.Writer; they never load files or read the clock, so
// the same Result always renders to the same bytes.
package reports

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
)

// Stats are the corpus counts every summary line starts with.
type Stats struct {
	Sources int
	Claims  int
	// Verified claims had their quote found in the archived text;
	// Unverified claims come from sources with no archived text to check.
	Verified   int
	Unverified int
	// Groups reconciled (event and property pairs with claims); 0 before
	// reconciling.
	Groups int
}

// StatsOf takes the counts from a reconciled result.
func StatsOf(r reconcile.Result) Stats {
	return Stats{Sources: len(r.Sources), Claims: r.Claims, Verified: r.Verified, Unverified: r.Unverified, Groups: len(r.Groups)}
}

// plural renders "1 error", "2 errors".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// corpusLine is the shared start of lint and check summaries, e.g.
// "6 sources, 74 claims (68 verified, 6 unverified)".
func corpusLine(s Stats) string {
	return fmt.Sprintf("%s, %s (%d verified, %d unverified)",
		plural(s.Sources, "source"), plural(s.Claims, "claim"), s.Verified, s.Unverified)
}

// severityCounts renders "0 errors, 2 warnings", adding notes only when
// there are some, since notes never fail a run.
func severityCounts(errors, warnings, notes int) string {
	s := plural(errors, "error") + ", " + plural(warnings, "warning")
	if notes > 0 {
		s += ", " + plural(notes, "note")
	}
	return s
}

// sortedProblems orders problems by place in the corpus, as the core does,
// so output never depends on the order the loader found them in.
func sortedProblems(ps []reconcile.Problem) []reconcile.Problem {
	out := slices.Clone(ps)
	reconcile.SortProblems(out)
	return out
}

// sortedGroups orders groups by event, then property, as Result promises;
// sorting again costs little and keeps renderers safe from a careless caller.
func sortedGroups(gs []reconcile.GroupResult) []reconcile.GroupResult {
	out := slices.Clone(gs)
	slices.SortStableFunc(out, func(a, b reconcile.GroupResult) int {
		return cmp.Or(cmp.Compare(a.Event, b.Event), cmp.Compare(a.Property, b.Property))
	})
	return out
}

// isTermKind reports whether a kind is read as vocabulary terms rather
// than as a range.
func isTermKind(k reconcile.Kind) bool {
	switch k {
	case reconcile.Place, reconcile.Nationality, reconcile.Category, reconcile.Text:
		return true
	}
	return false
}

// readingKind is the kind a reading was made as, falling back to the
// group's kind for readings built without one.
func readingKind(rd reconcile.Reading, fallback reconcile.Kind) reconcile.Kind {
	if rd.Kind != "" {
		return rd.Kind
	}
	return fallback
}

// ReadAs says in a few characters how a value was read: "[90, 99]",
// "[101, ∞)", "Jan 2024", "shiraz". It is the column a fact-checker scans
// to challenge an interpretation.
func ReadAs(rd reconcile.Reading, k reconcile.Kind) string {
	switch readingKind(rd, k) {
	case reconcile.Count:
		return rd.Range.String()
	case reconcile.Date:
		return reconcile.FormatDays(rd.Range)
	case reconcile.Text:
		return strings.Join(rd.Terms, " | ")
	default:
		return strings.Join(rd.Terms, ", ")
	}
}

// readAsBrief is ReadAs for tables and timelines: term ids lose their
// class prefix (see shortTerms).
func readAsBrief(rd reconcile.Reading, k reconcile.Kind) string {
	switch readingKind(rd, k) {
	case reconcile.Place, reconcile.Nationality, reconcile.Category:
		return shortTerms(rd.Terms)
	}
	return ReadAs(rd, k)
}

// isoSpan renders a day range in the forms the claims format itself uses:
// "2024-01-04", "2024-01-01..2024-01-31", or "2024-01-01.." when open.
func isoSpan(r reconcile.Range) string {
	switch {
	case r.Open():
		return reconcile.FormatDay(r.Min) + ".."
	case r.Min == r.Max:
		return reconcile.FormatDay(r.Min)
	default:
		return reconcile.FormatDay(r.Min) + ".." + reconcile.FormatDay(r.Max)
	}
}

// ISORange renders a date reading for one-line output: one ISO day, or
// [first, last] with ∞ for no last day.
func ISORange(r reconcile.Range) string {
	switch {
	case r.Open():
		return "[" + reconcile.FormatDay(r.Min) + ", ∞)"
	case r.Min == r.Max:
		return reconcile.FormatDay(r.Min)
	default:
		return "[" + reconcile.FormatDay(r.Min) + ", " + reconcile.FormatDay(r.Max) + "]"
	}
}

// agreedText renders a group's agreed range for people.
func agreedText(r reconcile.Range, k reconcile.Kind) string {
	if k == reconcile.Date {
		return reconcile.FormatDays(r)
	}
	return r.String()
}

// estimate is a group's low/best/high figure when it has a meaning: for
// counts only. A "best" day is not something a fact-checker reports.
func estimate(g reconcile.GroupResult) *reconcile.Estimate {
	if g.Kind != reconcile.Count {
		return nil
	}
	return g.Estimate
}

// verdictText renders a recorded decision in one line:
// `"84" (Jane Doe, 2024-02-01): the forensic count; rejects conversation`.
func verdictText(v *reconcile.Verdict) string {
	s := fmt.Sprintf("%q", v.Established)
	var who []string
	if v.By != "" {
		who = append(who, v.By)
	}
	if v.Decided != "" {
		who = append(who, v.Decided)
	}
	if len(who) > 0 {
		s += " (" + strings.Join(who, ", ") + ")"
	}
	if v.Reason != "" {
		s += ": " + strings.TrimRight(v.Reason, ".")
	}
	if len(v.Rejects) > 0 {
		s += "; rejects " + strings.Join(v.Rejects, ", ")
	}
	return s
}

// estimateText renders "low 91, best 95, high 99" (high "∞" when no
// agreeing claim sets an upper end).
func estimateText(e reconcile.Estimate) string {
	high := "∞"
	if e.High != reconcile.Unbounded {
		high = fmt.Sprint(e.High)
	}
	return fmt.Sprintf("low %d, best %d, high %s", e.Low, e.Best, high)
}

// verdict is the agrees? column: superseded wins over agreement, since a
// revised figure is neither endorsed nor disputed any more.
func verdict(g reconcile.GroupResult, i int) string {
	switch {
	case i < len(g.Superseded) && g.Superseded[i]:
		return "superseded"
	case i < len(g.Agreeing) && g.Agreeing[i]:
		return "✓"
	default:
		return "✗"
	}
}

// sourceName is the outlet a reader knows, or the source id when the
// source names none.
func sourceName(r reconcile.Result, id string) string {
	if s := r.Source(id); s != nil {
		return s.Name()
	}
	return id
}

// eventTitle renders "Kerman bombings (kerman-bombing-2024)".
func eventTitle(r reconcile.Result, id string) string {
	if e, ok := r.Events[id]; ok && e.Name != "" && e.Name != id {
		return e.Name + " (" + id + ")"
	}
	return id
}

// propertyTitle renders "Deaths (deaths)".
func propertyTitle(r reconcile.Result, id string) string {
	if p, ok := r.Properties[id]; ok && p.Name != "" && p.Name != id {
		return p.Name + " (" + id + ")"
	}
	return id
}

// excerpt shortens a quote to at most n runes for a table cell, keeping the
// part that carries the value: when the value's words appear past the start
// of a long quote, the window moves to them ("…the crowd, killing 137
// people…"), since the opening words of a paragraph rarely show what was
// claimed.
func excerpt(quote, value string, n int) string {
	q := []rune(strings.Join(strings.Fields(quote), " "))
	if len(q) <= n {
		return string(q)
	}
	at, size := indexFold(q, []rune(strings.Join(strings.Fields(value), " ")))
	if at < 0 || at+size <= n-1 || size > n-2 {
		return truncate(string(q), n)
	}
	// Centre the value in a window of n-2 runes, leaving room for an
	// ellipsis at each end, then trim to whole words.
	start := max(0, at-(n-2-size)/2)
	end := min(len(q), start+n-2)
	start = max(0, end-(n-2))
	if i := indexRune(q[start:at], ' '); start > 0 && q[start-1] != ' ' && i >= 0 {
		start += i + 1
	}
	if i := lastIndexRune(q[at+size:end], ' '); end < len(q) && q[end] != ' ' && i >= 0 {
		end = at + size + i
	}
	out := strings.Trim(string(q[start:end]), " ,;:")
	if start > 0 {
		out = "…" + out
	}
	if end < len(q) {
		out += "…"
	}
	return out
}

// indexFold finds needle in hay ignoring case, returning its rune offset
// and length, or -1.
func indexFold(hay, needle []rune) (int, int) {
	if len(needle) == 0 {
		return -1, 0
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		if strings.EqualFold(string(hay[i:i+len(needle)]), string(needle)) {
			return i, len(needle)
		}
	}
	return -1, 0
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

func lastIndexRune(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

// shortTerms renders term ids without their class ("org:is-k" → "is-k",
// "category:method/suicide-bombing" → "suicide-bombing"): in a table under
// a property heading the class is plain, and the full ids are in the JSON.
func shortTerms(terms []string) string {
	out := make([]string, len(terms))
	for i, t := range terms {
		if _, local, ok := strings.Cut(t, ":"); ok {
			t = local
		}
		if j := strings.LastIndexByte(t, '/'); j >= 0 {
			t = t[j+1:]
		}
		out[i] = t
	}
	return strings.Join(out, ", ")
}

// truncate shortens s to at most n runes on a word boundary where one is
// near, marking the cut with "…".
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)*2/3 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// sortedFindings orders findings as the core does (open first, then by
// severity, event, property): sorting again costs little and keeps renderers
// right for hand-built results.
func sortedFindings(fs []reconcile.Finding) []reconcile.Finding {
	out := slices.Clone(fs)
	reconcile.SortFindings(out)
	return out
}

// tally counts findings the way every summary line reports them: open ones
// by severity, and how many a verdict resolved.
type tally struct {
	open, resolved          int
	errors, warnings, notes int
}

func tallyFindings(fs []reconcile.Finding) tally {
	var t tally
	for _, f := range fs {
		if f.Status != reconcile.Open {
			t.resolved++
			continue
		}
		t.open++
		switch f.Severity {
		case reconcile.Error:
			t.errors++
		case reconcile.Warning:
			t.warnings++
		default:
			t.notes++
		}
	}
	return t
}
