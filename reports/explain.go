package reports

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
)

// Explain writes the timeline of one group, or of every group of an event
// when property is "": each claim oldest first by when it held, who made it
// and on whose authority, the words and their reading, and where it stands;
// then each finding with its full explanation. The caller checks that the
// event and property exist.
func Explain(w io.Writer, r reconcile.Result, event, property string) error {
	p := &printer{w: w}
	title := eventTitle(r, event)
	p.printf("%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
	matched := 0
	for _, g := range sortedGroups(r.Groups) {
		if g.Event != event || (property != "" && g.Property != property) {
			continue
		}
		matched++
		p.printf("\n%s\n", groupHeading(r, g))
		// Dates are when each claim held: its as_of, else its publication.
		p.printf("  %-22s  %s\n", "as of", "source: value → read as, standing")
		for _, i := range timeline(g) {
			c := g.Claims[i]
			who := sourceName(r, c.Source)
			if who != c.Source {
				who += " (" + c.Source + ")"
			}
			p.printf("  %-22s  %s: %q → %s  %s\n",
				isoSpan(c.AsOf), who, c.Value, readAsBrief(c.Reading, g.Kind), standing(g, i))
			var details []string
			if c.Quote != "" {
				details = append(details, fmt.Sprintf("“%s”", strings.Join(strings.Fields(c.Quote), " ")))
			}
			if c.AttributedTo != "" {
				details = append(details, "attributed to "+c.AttributedTo)
			}
			if c.Hedge != "" {
				details = append(details, "hedged: "+c.Hedge)
			}
			if c.Note != "" {
				details = append(details, "note: "+c.Note)
			}
			for _, d := range details {
				p.printf("  %-22s  %s\n", "", d)
			}
		}
		if g.Agreed != nil {
			p.printf("\n  agreed:   %s\n", agreedText(*g.Agreed, g.Kind))
		}
		if e := estimate(g); e != nil {
			p.printf("  estimate: %s\n", estimateText(*e))
		}
		if v := g.Verdict; v != nil {
			p.printf("  verdict:  %s\n", verdictText(v))
			for _, e := range v.Evidence {
				p.printf("            evidence: %s\n", e)
			}
		}
		for _, f := range sortedFindings(g.Findings) {
			p.printf("\n  %s %s [%s]: %s\n", f.Status, f.Severity, f.Kind, f.Summary)
			if why := strings.TrimSpace(f.Why); why != "" {
				for _, line := range strings.Split(why, "\n") {
					p.printf("      %s\n", strings.TrimRight(line, " "))
				}
			}
		}
		if len(g.Findings) == 0 {
			p.printf("\n  no findings: every claim can hold with the others\n")
		}
	}
	if matched == 0 {
		p.printf("\nno claims about this event yet\n")
	}
	return p.err
}

// timeline orders a group's claims by when they held, earliest first, then
// by place in the corpus, so revisions read in the order they happened.
func timeline(g reconcile.GroupResult) []int {
	idx := make([]int, len(g.Claims))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		ca, cb := g.Claims[a], g.Claims[b]
		return cmp.Or(
			cmp.Compare(ca.AsOf.Min, cb.AsOf.Min),
			cmp.Compare(ca.AsOf.Max, cb.AsOf.Max),
			cmp.Compare(ca.Pos.File, cb.Pos.File),
			cmp.Compare(ca.Pos.Line, cb.Pos.Line),
		)
	})
	return idx
}

// standing says in words where a claim stands in its group.
func standing(g reconcile.GroupResult, i int) string {
	switch verdict(g, i) {
	case "superseded":
		return "superseded"
	case "✓":
		return "agrees"
	default:
		return "disagrees"
	}
}
