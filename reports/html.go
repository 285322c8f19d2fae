package reports

import (
	"bytes"
	"embed"
	"fmt"
	"hash/fnv"
	"html/template"
	"io"
	"net/url"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
)

// HTMLOptions are the few things about an HTML report that the result
// does not say.
type HTMLOptions struct {
	// Title heads the page; "" gives "Crosscheck report".
	Title string
	// Generated is printed under the title as given ("2024-02-01", a
	// commit id). Renderers never read the clock, so the caller decides
	// what, if anything, dates the report.
	Generated string
}

//go:embed html.tmpl
var htmlFiles embed.FS

// Everything from a claim file reaches the page through html/template's
// contextual escaping: the view below holds plain strings only, never
// template.HTML, so a quote, title or outlet holding markup shows as text.
var htmlTemplate = template.Must(template.New("html.tmpl").ParseFS(htmlFiles, "html.tmpl"))

type htmlPage struct {
	Title, Generated string
	Stats            Stats
	GroupsText       string // "5 groups"
	ProblemsText     string // "1 problem", "" when there are none
	Open, Resolved   int
	OpenSeverities   string
	Findings         []htmlFinding
	Events           []htmlEvent
	Sources          []htmlSource
	Problems         []htmlProblem
}

type htmlFinding struct {
	Kind, Severity, Status string
	Summary, Why           string
	Group, GroupHref       string
	Where                  string
	Verdict                *htmlVerdict
}

type htmlVerdict struct {
	Established, Gloss, AsOf string
	Reason, Decided, By      string
	Rejects                  []htmlLink
	Evidence                 []htmlLink
	Where                    string
}

// htmlLink is a link when Href is set, else plain text.
type htmlLink struct{ Text, Href string }

type htmlEvent struct {
	ID, Name, Anchor string
	Date             string
	Summary          string // "15 groups, 4 open findings"
	open             int
	Groups           []htmlGroup
}

type htmlGroup struct {
	Anchor, Title, ID, Kind string
	Cumulative              bool
	Agreed, Estimate        string
	Chart                   *chart
	Table                   bool // term kinds: a table of values instead of a chart
	Claims                  []htmlClaim
	Findings                []htmlFinding
	Verdict                 *htmlVerdict
}

type htmlClaim struct {
	Anchor, Standing, Mark string
	Who                    string // the outlet a reader knows
	Value, ReadAs, Gloss   string
	AsOf, AsOfNote         string
	Quote, Note            string
	AttributedTo, Hedge    string
	Where                  string
	Verified               bool
	// Checked says what became of the quote check, in words.
	Checked string
	Source  htmlSource
}

type htmlSource struct {
	ID, Anchor          string
	Title, Href, Outlet string
	Authors, Published  string
	Kind, Text, Where   string
	Claims              string // "2 claims"
}

type htmlProblem struct {
	Where, Severity, Message string
}

// HTML writes the report as one self-contained page for people: findings
// first (open ones on top), then per event and property a number line or
// time line of the claims (a table for places, nationalities, categories
// and text), every claim with its source, quote and reading, the sources,
// and any problems with the input. The page needs no network and no
// JavaScript, reads on a phone, and prints.
func HTML(w io.Writer, r reconcile.Result, opts HTMLOptions) error {
	page := htmlView(r, opts)
	// Render into memory so a template error never leaves half a page.
	var buf bytes.Buffer
	if err := htmlTemplate.Execute(&buf, page); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func htmlView(r reconcile.Result, opts HTMLOptions) htmlPage {
	page := htmlPage{Title: opts.Title, Generated: opts.Generated, Stats: StatsOf(r), GroupsText: plural(len(r.Groups), "group")}
	if len(r.Problems) > 0 {
		page.ProblemsText = plural(len(r.Problems), "problem")
	}
	if page.Title == "" {
		page.Title = "Crosscheck report"
	}
	sources := map[string]htmlSource{}
	claimsPer := map[string]int{}
	for _, g := range r.Groups {
		for _, c := range g.Claims {
			claimsPer[c.Source]++
		}
	}
	for _, s := range r.Sources {
		hs := htmlSourceOf(s)
		hs.Claims = plural(claimsPer[s.ID], "claim")
		sources[s.ID] = hs
		page.Sources = append(page.Sources, hs)
	}
	t := tallyFindings(r.Findings)
	page.Open, page.Resolved = t.open, t.resolved
	for _, f := range sortedFindings(r.Findings) {
		page.Findings = append(page.Findings, htmlFindingOf(r, f, sources))
	}
	if page.Open > 0 {
		page.OpenSeverities = severityCounts(t.errors, t.warnings, t.notes)
	}
	for _, g := range sortedGroups(r.Groups) {
		if n := len(page.Events); n == 0 || page.Events[n-1].ID != g.Event {
			e := htmlEvent{ID: g.Event, Name: g.Event, Anchor: htmlAnchor("e", g.Event)}
			if ev, ok := r.Events[g.Event]; ok {
				if ev.Name != "" {
					e.Name = ev.Name
				}
				e.Date = ev.Date
			}
			page.Events = append(page.Events, e)
		}
		e := &page.Events[len(page.Events)-1]
		e.Groups = append(e.Groups, htmlGroupOf(r, g, sources))
		for _, f := range g.Findings {
			if f.Status == reconcile.Open {
				e.open++
			}
		}
	}
	for i := range page.Events {
		e := &page.Events[i]
		e.Summary = plural(len(e.Groups), "group")
		if e.open > 0 {
			e.Summary += ", " + plural(e.open, "open finding")
		}
	}
	for _, p := range sortedProblems(r.Problems) {
		page.Problems = append(page.Problems, htmlProblem{Where: p.Pos.String(), Severity: string(p.Severity), Message: p.Message})
	}
	return page
}

func htmlSourceOf(s reconcile.Source) htmlSource {
	hs := htmlSource{
		ID: s.ID, Anchor: htmlAnchor("s", s.ID), Title: s.Title, Href: htmlWebURL(s.URL), Outlet: s.Outlet,
		Authors: strings.Join(s.Authors, ", "), Published: s.Published, Kind: s.Kind, Text: s.Text, Where: s.File,
	}
	if hs.Title == "" {
		hs.Title = s.ID
	}
	return hs
}

func htmlGroupOf(r reconcile.Result, g reconcile.GroupResult, sources map[string]htmlSource) htmlGroup {
	hg := htmlGroup{
		Anchor: GroupAnchor(g.Event, g.Property), ID: g.Property, Kind: string(g.Kind), Cumulative: g.Cumulative,
		Title: g.Property,
	}
	if p, ok := r.Properties[g.Property]; ok && p.Name != "" {
		hg.Title = p.Name
	}
	if g.Agreed != nil {
		hg.Agreed = agreedText(*g.Agreed, g.Kind)
	} else if len(g.Claims) > 0 && !isTermKind(g.Kind) {
		hg.Agreed = "no range all agreeing claims allow"
	}
	if e := estimate(g); e != nil {
		hg.Estimate = estimateText(*e)
	}
	if isTermKind(g.Kind) {
		hg.Table = true
	} else {
		hg.Chart = newChart(r, g, hg.Anchor, claimAnchor)
	}
	for _, i := range timeline(g) {
		c := g.Claims[i]
		st := standing(g, i)
		hc := htmlClaim{
			Anchor: claimAnchor(c), Standing: st, Mark: standingMark(st), Who: sourceName(r, c.Source),
			Value: c.Value, ReadAs: ReadAs(c.Reading, g.Kind), Gloss: c.Reading.Gloss,
			AsOf: reconcile.FormatDays(c.AsOf), Quote: c.Quote, Note: c.Note,
			AttributedTo: c.AttributedTo, Hedge: c.Hedge, Where: htmlWhere(c.Pos), Verified: c.Verified,
			Source: sources[c.Source],
		}
		if c.AsOfText == "" {
			hc.AsOfNote = "publication date"
		}
		if hc.Source.ID == "" {
			hc.Source = htmlSource{ID: c.Source, Title: c.Source, Anchor: htmlAnchor("s", c.Source)}
		}
		switch {
		case c.Verified:
			hc.Checked = "quote found in the archived text"
		case hc.Source.Text == "":
			hc.Checked = "unverified: no archived text"
		default:
			hc.Checked = "quote not verified"
		}
		hg.Claims = append(hg.Claims, hc)
	}
	for _, f := range sortedFindings(g.Findings) {
		hg.Findings = append(hg.Findings, htmlFindingOf(r, f, sources))
	}
	if g.Verdict != nil {
		hg.Verdict = htmlVerdictOf(g.Kind, g.Verdict, sources)
	}
	return hg
}

func htmlFindingOf(r reconcile.Result, f reconcile.Finding, sources map[string]htmlSource) htmlFinding {
	hf := htmlFinding{
		Kind: string(f.Kind), Severity: string(f.Severity), Status: string(f.Status),
		Summary: f.Summary, Why: strings.TrimSpace(f.Why),
		Group:     htmlEventName(r, f.Event) + " › " + htmlPropertyDisplay(r, f.Property),
		GroupHref: "#" + GroupAnchor(f.Event, f.Property),
		Where:     htmlWhere(f.Where()),
	}
	if f.Verdict != nil {
		hf.Verdict = htmlVerdictOf(r.Properties[f.Property].Kind, f.Verdict, sources)
	}
	return hf
}

func htmlVerdictOf(k reconcile.Kind, v *reconcile.Verdict, sources map[string]htmlSource) *htmlVerdict {
	hv := &htmlVerdict{
		Established: v.Established, Gloss: v.Reading.Gloss, Reason: v.Reason,
		Decided: v.Decided, By: v.By, Where: htmlWhere(v.Pos),
	}
	if v.AsOfText != "" && v.AsOf != reconcile.Always {
		hv.AsOf = reconcile.FormatDays(v.AsOf)
	}
	if hv.Gloss == "" && v.Reading.Kind != "" {
		hv.Gloss = ReadAs(v.Reading, k)
	}
	for _, id := range v.Rejects {
		hv.Rejects = append(hv.Rejects, sourceLink(id, sources))
	}
	for _, e := range v.Evidence {
		if u := htmlWebURL(e); u != "" {
			hv.Evidence = append(hv.Evidence, htmlLink{Text: e, Href: u})
		} else {
			hv.Evidence = append(hv.Evidence, sourceLink(e, sources))
		}
	}
	return hv
}

// sourceLink names a source by outlet and links to its entry in the
// sources list; anything not a known source id stays plain text.
func sourceLink(id string, sources map[string]htmlSource) htmlLink {
	s, ok := sources[id]
	if !ok {
		return htmlLink{Text: id}
	}
	text := s.Outlet
	if text == "" {
		text = s.Title
	}
	return htmlLink{Text: text, Href: "#" + s.Anchor}
}

// webURL is u when it is an absolute http or https address, else "". A
// claim file is not trusted to choose what a click does, so javascript:,
// data: and relative links are shown as text, not followed.
func htmlWebURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return p.String()
}

func htmlWhere(p reconcile.Pos) string {
	if p.File == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

func htmlEventName(r reconcile.Result, id string) string {
	if e, ok := r.Events[id]; ok && e.Name != "" {
		return e.Name
	}
	return id
}

func htmlPropertyDisplay(r reconcile.Result, id string) string {
	if p, ok := r.Properties[id]; ok && p.Name != "" {
		return p.Name
	}
	return id
}

// GroupAnchor is the fragment id of a group's section in the HTML report,
// e.g. "g-kerman-bombing-2024--deaths". ClaimReview links point at it, so
// it must stay stable across releases.
func GroupAnchor(event, property string) string {
	return htmlAnchor("g", event+"--"+property)
}

func claimAnchor(c reconcile.Claim) string { return htmlAnchor("c", c.ID) }

// anchor makes a fragment id from an id of the corpus. Vocabulary and
// source ids are already lower-case slugs and pass through readably; any
// other id is slugged and given a hash of the original, so two ids that
// slug alike ("aei#2", "aei-2") still get different anchors.
func htmlAnchor(prefix, id string) string {
	var b strings.Builder
	b.WriteString(prefix + "-")
	clean := true
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
			clean = false
		default:
			b.WriteByte('-')
			clean = false
		}
	}
	if !clean {
		h := fnv.New32a()
		h.Write([]byte(id))
		fmt.Fprintf(&b, "-%08x", h.Sum32())
	}
	return b.String()
}
