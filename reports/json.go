package reports

import (
	"encoding/json"
	"io"

	"github.com/crosscheck/crosscheck/reconcile"
)

type reportJSON struct {
	Sources  []sourceJSON        `json:"sources"`
	Groups   []groupJSON         `json:"groups"`
	Findings []findingJSON       `json:"findings"`
	Problems []reconcile.Problem `json:"problems"`
}

type sourceJSON struct {
	ID        string `json:"id"`
	File      string `json:"file"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

type groupJSON struct {
	Event    string        `json:"event"`
	Property string        `json:"property"`
	Kind     string        `json:"kind"`
	Claims   []claimJSON   `json:"claims"`
	Agreed   *boundsJSON   `json:"agreed"`
	Estimate *estimateJSON `json:"estimate"`
}

type findingJSON struct {
	Event    string      `json:"event"`
	Property string      `json:"property"`
	Kind     string      `json:"kind"`
	Severity string      `json:"severity"`
	Status   string      `json:"status"`
	Summary  string      `json:"summary"`
	Claims   []claimJSON `json:"claims"`
}

// claimJSON is one claim as both groups and findings list it. Min and Max
// are integers for counts, ISO dates for dates, null for an open upper end
// and for term kinds, which carry Terms instead.
type claimJSON struct {
	ID           string    `json:"id"`
	Source       string    `json:"source"`
	File         string    `json:"file"`
	Line         int       `json:"line"`
	Value        string    `json:"value"`
	Min          any       `json:"min"`
	Max          any       `json:"max"`
	Terms        *[]string `json:"terms,omitempty"`
	Reading      string    `json:"reading"`
	AsOf         string    `json:"as_of"`
	Quote        string    `json:"quote"`
	AttributedTo string    `json:"attributed_to"`
	Hedge        string    `json:"hedge"`
	Note         string    `json:"note"`
	Verified     bool      `json:"verified"`
	Agrees       bool      `json:"agrees"`
	Superseded   bool      `json:"superseded"`
	Role         string    `json:"role,omitempty"`
}

type boundsJSON struct {
	Min any `json:"min"`
	Max any `json:"max"`
}

type estimateJSON struct {
	Low  int64  `json:"low"`
	Best int64  `json:"best"`
	High *int64 `json:"high"`
}

// JSON writes the full report as one indented object: sources, groups with
// their claims, agreed range and estimate, findings, and problems. Every list
// is sorted and never null, so the same corpus gives byte-identical output
// and diffs between runs show only what changed.
func JSON(w io.Writer, r reconcile.Result) error {
	out := reportJSON{
		Sources:  []sourceJSON{},
		Groups:   []groupJSON{},
		Findings: []findingJSON{},
		Problems: sortedProblems(r.Problems),
	}
	if out.Problems == nil {
		out.Problems = []reconcile.Problem{}
	}
	for _, s := range r.Sources {
		out.Sources = append(out.Sources, sourceJSON{
			ID: s.ID, File: s.File, Title: s.Title, Outlet: s.Outlet, Published: s.Published, Text: s.Text,
		})
	}
	// Findings name claims but not their standing in the group, so index
	// each claim's agrees/superseded marks to repeat them there.
	type claimKey struct{ event, property, id string }
	standing := map[claimKey][2]bool{}
	for _, g := range sortedGroups(r.Groups) {
		gj := groupJSON{Event: g.Event, Property: g.Property, Kind: string(g.Kind), Claims: []claimJSON{}}
		for i, c := range g.Claims {
			cj := newClaimJSON(c, g.Kind)
			cj.Agrees = i < len(g.Agreeing) && g.Agreeing[i]
			cj.Superseded = i < len(g.Superseded) && g.Superseded[i]
			standing[claimKey{g.Event, g.Property, c.ID}] = [2]bool{cj.Agrees, cj.Superseded}
			gj.Claims = append(gj.Claims, cj)
		}
		if g.Agreed != nil {
			min, max := bounds(*g.Agreed, g.Kind)
			gj.Agreed = &boundsJSON{Min: min, Max: max}
		}
		if e := estimate(g); e != nil {
			ej := &estimateJSON{Low: e.Low, Best: e.Best}
			if e.High != reconcile.Unbounded {
				ej.High = &e.High
			}
			gj.Estimate = ej
		}
		out.Groups = append(out.Groups, gj)
	}
	for _, f := range sortedFindings(r.Findings) {
		fj := findingJSON{
			Event: f.Event, Property: f.Property, Kind: string(f.Kind),
			Severity: string(f.Severity), Status: string(f.Status), Summary: f.Summary,
			Claims: []claimJSON{},
		}
		kind := r.Properties[f.Property].Kind
		for _, c := range f.Claims {
			cj := newClaimJSON(c.Claim, kind)
			st := standing[claimKey{f.Event, f.Property, c.ID}]
			cj.Agrees, cj.Superseded = st[0], st[1]
			cj.Role = string(c.Role)
			fj.Claims = append(fj.Claims, cj)
		}
		out.Findings = append(out.Findings, fj)
	}
	return writeJSON(w, out)
}

func newClaimJSON(c reconcile.Claim, groupKind reconcile.Kind) claimJSON {
	k := readingKind(c.Reading, groupKind)
	cj := claimJSON{
		ID: c.ID, Source: c.Source, File: c.Pos.File, Line: c.Pos.Line,
		Value: c.Value, Reading: c.Reading.Gloss, AsOf: isoSpan(c.AsOf),
		Quote: c.Quote, AttributedTo: c.AttributedTo, Hedge: c.Hedge, Note: c.Note,
		Verified: c.Verified,
	}
	if isTermKind(k) {
		terms := c.Reading.Terms
		if terms == nil {
			terms = []string{}
		}
		cj.Terms = &terms
	} else {
		cj.Min, cj.Max = bounds(c.Reading.Range, k)
	}
	return cj
}

// bounds renders a range's ends for JSON: integers for counts, ISO dates
// for dates, nil for an open upper end and for kinds that have no range.
func bounds(r reconcile.Range, k reconcile.Kind) (min, max any) {
	switch k {
	case reconcile.Count:
		min, max = r.Min, r.Max
	case reconcile.Date:
		min, max = reconcile.FormatDay(r.Min), reconcile.FormatDay(r.Max)
	default:
		return nil, nil
	}
	if r.Open() {
		max = nil
	}
	return min, max
}

// writeJSON indents with two spaces and leaves <, > and & alone: quotes
// are read by people, and "\u0026" helps nobody.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
