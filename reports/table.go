package reports

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/crosscheck/crosscheck/reconcile"
)

// Terminal column budgets: a row stays within about 170 columns, and the
// quote is the column that gives way; its full text is in the JSON and in
// explain.
const (
	sourceWidth = 32
	valueWidth  = 28
	quoteWidth  = 44
)

// Table writes the readable report: per event, per property, a table of every
// claim (who said it, the words they used, how crosscheck read them, when it
// held, whether it agrees), followed by the range the agreeing claims allow,
// the low/best/high estimate for counts, and the group's findings.
func Table(w io.Writer, r reconcile.Result) error {
	p := &printer{w: w}
	p.printf("%s\n", corpusLine(StatsOf(r)))
	event := ""
	for _, g := range sortedGroups(r.Groups) {
		if g.Event != event {
			event = g.Event
			title := eventTitle(r, event)
			p.printf("\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
		}
		p.printf("\n%s\n", groupHeading(r, g))
		if err := claimTable(w, r, g); err != nil {
			return err
		}
		if g.Agreed != nil {
			p.printf("  agreed:   %s\n", agreedText(*g.Agreed, g.Kind))
		} else if len(g.Claims) > 0 && !isTermKind(g.Kind) {
			p.printf("  agreed:   no range all agreeing claims allow\n")
		}
		if e := estimate(g); e != nil {
			p.printf("  estimate: %s\n", estimateText(*e))
		}
		if g.Verdict != nil {
			p.printf("  verdict:  %s\n", verdictText(g.Verdict))
		}
		for _, f := range sortedFindings(g.Findings) {
			p.printf("  %s %s [%s]: %s\n", f.Status, f.Severity, f.Kind, f.Summary)
		}
	}
	if len(r.Problems) > 0 {
		p.printf("\nProblems\n========\n")
		for _, pr := range sortedProblems(r.Problems) {
			p.printf("%s\n", problemLine(pr))
		}
	}
	return p.err
}

// groupHeading renders "Deaths (deaths): count, cumulative".
func groupHeading(r reconcile.Result, g reconcile.GroupResult) string {
	h := propertyTitle(r, g.Property) + ": " + string(g.Kind)
	if g.Cumulative {
		h += ", cumulative"
	}
	return h
}

func claimTable(w io.Writer, r reconcile.Result, g reconcile.GroupResult) error {
	t := tablewriter.NewTable(w,
		// Cells are already cut to size; letting the library wrap them again
		// would split words mid-row.
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoFormat(tw.Off),
	)
	t.Header("source", "value", "read as", "as of", "agrees?", "quote")
	for i, c := range g.Claims {
		src := sourceName(r, c.Source)
		if c.AttributedTo != "" {
			src += ", citing " + c.AttributedTo
		}
		value := c.Value
		if c.Hedge != "" {
			value = c.Hedge + ": " + value
		}
		if err := t.Append(
			truncate(src, sourceWidth),
			truncate(value, valueWidth),
			readAsBrief(c.Reading, g.Kind),
			reconcile.FormatDays(c.AsOf),
			verdict(g, i),
			excerpt(c.Quote, c.Value, quoteWidth),
		); err != nil {
			return err
		}
	}
	return t.Render()
}

// printer keeps the first write error so rendering code reads as a
// sequence of prints.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}
