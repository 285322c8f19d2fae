package reports

import (
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
)

func day(y int, m time.Month, d int) int64 { return reconcile.DayOf(y, m, d) }

func days(y int, m time.Month, d int) reconcile.Range {
	return reconcile.Range{Min: day(y, m, d), Max: day(y, m, d)}
}

// kerman is a hand-built result in the shape the core produces: a deaths
// group with a revision and an outlier "over 100", an open-ended date, and a
// place group where one source puts the attack in the wrong city.
func kerman() reconcile.Result {
	count := func(min, max int64, gloss string) reconcile.Reading {
		return reconcile.Reading{Kind: reconcile.Count, Range: reconcile.Range{Min: min, Max: max}, Point: min, Gloss: gloss}
	}
	tasnim := reconcile.Claim{
		ID: "tasnim#1", Source: "tasnim", Event: "kerman-bombing-2024", Property: "deaths",
		Value: "103", Quote: "103 people were killed", AttributedTo: "Iranian health ministry",
		AsOf: days(2024, 1, 3), Reading: count(103, 103, `"103": exactly 103`), Verified: true,
		Pos: reconcile.Pos{File: "sources/tasnim.toml", Line: 10, Col: 1},
	}
	irna := reconcile.Claim{
		ID: "irna#1", Source: "irna", Event: "kerman-bombing-2024", Property: "deaths",
		Value: "95", Quote: "the death toll was revised to 95", AttributedTo: "Iranian health ministry",
		AsOfText: "2024-01-05", AsOf: days(2024, 1, 5), Reading: count(95, 95, `"95": exactly 95`), Verified: true,
		Pos: reconcile.Pos{File: "sources/irna.toml", Line: 12, Col: 1},
	}
	aei := reconcile.Claim{
		ID: "aei-deaths", Source: "aei", Event: "kerman-bombing-2024", Property: "deaths",
		Value: "nearly 100", Quote: "Twin suicide bombings killed nearly 100 people in Kerman, Iran, last Wednesday, in an attack that the Islamic State claimed",
		AsOf:    reconcile.Range{Min: day(2024, 1, 1), Max: day(2024, 1, 31)},
		Reading: count(90, 99, `"nearly 100": 90 to 99 (nearly: up to 10% below, never reaching it)`), Verified: true,
		Pos: reconcile.Pos{File: "sources/aei.toml", Line: 9, Col: 1},
	}
	conv := reconcile.Claim{
		ID: "conversation#1", Source: "conversation", Event: "kerman-bombing-2024", Property: "deaths",
		Value: "over 100", Quote: "killing over 100 people", Hedge: "reportedly",
		AsOf:    days(2024, 1, 10),
		Reading: count(101, reconcile.Unbounded, `"over 100": 101 or more`),
		Pos:     reconcile.Pos{File: "sources/conversation.toml", Line: 8, Col: 1},
	}
	deaths := reconcile.GroupResult{
		Group: reconcile.Group{Event: "kerman-bombing-2024", Property: "deaths", Kind: reconcile.Count, Cumulative: true,
			Claims: []reconcile.Claim{tasnim, irna, aei, conv}},
		Agreeing:   []bool{false, true, true, false},
		Superseded: []bool{true, false, false, false},
		Agreed:     &reconcile.Range{Min: 95, Max: 95},
		Estimate:   &reconcile.Estimate{Low: 90, Best: 95, High: 99},
	}
	conflict := reconcile.Finding{
		Event: "kerman-bombing-2024", Property: "deaths", Kind: reconcile.Conflict,
		Severity: reconcile.Warning, Status: reconcile.Open,
		Summary: "over 100 (The Conversation, 10 Jan 2024) cannot hold with 95 (IRNA) or nearly 100 (AEI)",
		Why:     "The Conversation's \"over 100\" means at least 101.\nIRNA reported 95 five days earlier.",
		Claims: []reconcile.FindingClaim{
			{Claim: conv, Role: reconcile.Subject},
			{Claim: irna, Role: reconcile.Against},
			{Claim: aei, Role: reconcile.Against},
		},
	}
	revision := reconcile.Finding{
		Event: "kerman-bombing-2024", Property: "deaths", Kind: reconcile.Revision,
		Severity: reconcile.Note, Status: reconcile.Open,
		Summary: "Iranian health ministry revised 103 to 95",
		Why:     "The ministry lowered its count after double-counted victims were found.",
		Claims: []reconcile.FindingClaim{
			{Claim: tasnim, Role: reconcile.Subject},
			{Claim: irna, Role: reconcile.Against},
		},
	}
	deaths.Findings = []reconcile.Finding{revision, conflict}

	when := reconcile.Claim{
		ID: "aei#2", Source: "aei", Event: "kerman-bombing-2024", Property: "date",
		Value: "last Wednesday", Quote: "last Wednesday", AsOf: reconcile.Range{Min: day(2024, 1, 1), Max: day(2024, 1, 31)},
		Reading: reconcile.Reading{Kind: reconcile.Date, Range: reconcile.Range{Min: day(2024, 1, 3), Max: reconcile.Unbounded},
			Point: day(2024, 1, 3), Gloss: `"last Wednesday": on or after 3 Jan 2024`},
		Verified: true, Pos: reconcile.Pos{File: "sources/aei.toml", Line: 20, Col: 1},
	}
	date := reconcile.GroupResult{
		Group:    reconcile.Group{Event: "kerman-bombing-2024", Property: "date", Kind: reconcile.Date, Claims: []reconcile.Claim{when}},
		Agreeing: []bool{true}, Superseded: []bool{false},
		Agreed: &reconcile.Range{Min: day(2024, 1, 3), Max: reconcile.Unbounded},
	}

	shiraz := reconcile.Claim{
		ID: "irna#2", Source: "irna", Event: "shiraz-attack-2023", Property: "place",
		Value: "Shah Cheragh shrine", Quote: "at the Shah Cheragh shrine", AsOf: days(2023, 10, 26),
		Reading:  reconcile.Reading{Kind: reconcile.Place, Terms: []string{"shah-cheragh-shrine"}, Gloss: `"Shah Cheragh shrine": place shah-cheragh-shrine`},
		Verified: true, Pos: reconcile.Pos{File: "sources/irna.toml", Line: 30, Col: 1},
	}
	isfahan := reconcile.Claim{
		ID: "tasnim#2", Source: "tasnim", Event: "shiraz-attack-2023", Property: "place",
		Value: "Isfahan", Quote: "in Isfahan", AsOf: days(2023, 10, 27),
		Reading:  reconcile.Reading{Kind: reconcile.Place, Terms: []string{"isfahan"}, Gloss: `"Isfahan": place isfahan`},
		Verified: true, Pos: reconcile.Pos{File: "sources/tasnim.toml", Line: 30, Col: 1},
	}
	wrongCity := reconcile.Finding{
		Event: "shiraz-attack-2023", Property: "place", Kind: reconcile.Conflict,
		Severity: reconcile.Error, Status: reconcile.Open,
		Summary: "Isfahan (Tasnim) is not within Shah Cheragh shrine (IRNA)",
		Claims: []reconcile.FindingClaim{
			{Claim: isfahan, Role: reconcile.Subject},
			{Claim: shiraz, Role: reconcile.Against},
		},
	}
	place := reconcile.GroupResult{
		Group:    reconcile.Group{Event: "shiraz-attack-2023", Property: "place", Kind: reconcile.Place, Claims: []reconcile.Claim{shiraz, isfahan}},
		Agreeing: []bool{true, false}, Superseded: []bool{false, false},
		Findings: []reconcile.Finding{wrongCity},
	}

	return reconcile.Result{
		Sources: []reconcile.Source{
			{ID: "aei", Title: "Why the Islamic State Bombing in Iran Should Have Western Leaders Worried", Outlet: "AEI", Published: "2024-01", File: "sources/aei.toml", Text: "texts/aei.txt"},
			{ID: "conversation", Title: "Kerman", Outlet: "The Conversation", Published: "2024-01-10", File: "sources/conversation.toml"},
			{ID: "irna", Title: "Toll revised", Outlet: "IRNA", Published: "2024-01-05", File: "sources/irna.toml", Text: "texts/irna.txt"},
			{ID: "tasnim", Title: "Blasts", Outlet: "Tasnim", Published: "2024-01-03", File: "sources/tasnim.toml", Text: "texts/tasnim.txt"},
		},
		Events: map[string]reconcile.Event{
			"kerman-bombing-2024": {ID: "kerman-bombing-2024", Name: "Kerman bombings"},
			"shiraz-attack-2023":  {ID: "shiraz-attack-2023", Name: "Shah Cheragh attack"},
		},
		Properties: map[string]reconcile.Property{
			"deaths": {ID: "deaths", Name: "Deaths", Kind: reconcile.Count, Cumulative: true},
			"date":   {ID: "date", Name: "Date", Kind: reconcile.Date},
			"place":  {ID: "place", Name: "Place", Kind: reconcile.Place},
		},
		// Deliberately out of the promised order: renderers must not rely on it.
		Groups:   []reconcile.GroupResult{place, deaths, date},
		Findings: []reconcile.Finding{revision, conflict, wrongCity},
		Problems: []reconcile.Problem{
			{Pos: reconcile.Pos{File: "sources/tasnim.toml", Line: 14, Col: 1}, Severity: reconcile.Warning, Message: `unknown key "qoute"`},
			{Pos: reconcile.Pos{File: "sources/aei.toml", Line: 3, Col: 9}, Severity: reconcile.Error, Message: "quote not found in texts/aei.txt"},
		},
		Claims: 7, Verified: 5, Unverified: 1,
	}
}
