package reports

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
)

// kermanReport is a hand-built result in the shape Run produces for the
// Kerman texts: official figures revised from 103 to 84, analyses saying
// "at least 91", "nearly 100", "over 90" and "approximately 90", and one
// "over 100" that the fact-checker's verdict (95) contradicts; a date,
// method and perpetrator group; and a one-claim group for the 2022 Shah
// Cheragh attack. Unit tests use it rather than the bundled corpus so they
// do not change whenever a claim file does; the browser test renders the
// real corpus.
func kermanReport() reconcile.Result {
	const ev = "kerman-bombing-2024"
	month := func(y int, m time.Month) reconcile.Range {
		return reconcile.Range{Min: day(y, m, 1), Max: reconcile.DayOf(y, m+1, 1) - 1}
	}
	count := func(min, max int64, gloss string) reconcile.Reading {
		return reconcile.Reading{Kind: reconcile.Count, Range: reconcile.Range{Min: min, Max: max}, Point: min, Gloss: gloss}
	}
	terms := func(k reconcile.Kind, gloss string, ts ...string) reconcile.Reading {
		return reconcile.Reading{Kind: k, Terms: ts, Gloss: gloss}
	}
	at := func(file string, line int) reconcile.Pos { return reconcile.Pos{File: file, Line: line, Col: 1} }
	claim := func(id, src, prop, value, quote string, asOf reconcile.Range, rd reconcile.Reading, pos reconcile.Pos) reconcile.Claim {
		return reconcile.Claim{ID: id, Source: src, Event: ev, Property: prop, Value: value, Quote: quote,
			AsOf: asOf, Reading: rd, Verified: !strings.HasPrefix(src, "irna") && src != "tasnim", Pos: pos}
	}

	tasnim := claim("tasnim#1", "tasnim", "deaths", "103", "103 people were killed", days(2024, 1, 3),
		count(103, 103, `"103": exactly 103`), at("sources/tasnim.toml", 10))
	tasnim.AttributedTo, tasnim.Authority = "Iranian officials", "iranian-officials"
	irna := claim("irna#1", "irna", "deaths", "84", "the toll was revised to 84 after some victims were counted twice", days(2024, 1, 4),
		count(84, 84, `"84": exactly 84`), at("sources/irna.toml", 10))
	irna.AttributedTo, irna.Authority, irna.AsOfText = "Iranian officials", "iranian-officials", "2024-01-04"
	farda := claim("radiofarda#1", "radiofarda", "deaths", "at least 91", "At least 91 people were killed in the explosions", month(2024, 1),
		count(91, reconcile.Unbounded, `"at least 91": 91 or more`), at("sources/radiofarda.toml", 12))
	conv := claim("conversation#1", "conversation", "deaths", "over 100", "resulted in the deaths of over 100 people", month(2024, 1),
		count(101, reconcile.Unbounded, `"over 100": 101 or more`), at("sources/conversation.toml", 11))
	conv.Hedge = "reportedly"
	aei := claim("aei-deaths", "aei", "deaths", "nearly 100", "Twin suicide bombings killed nearly 100 people in Kerman, Iran, last Wednesday", month(2024, 1),
		count(90, 99, `"nearly 100": 90 to 99 (nearly: up to 10% below, never reaching it)`), at("sources/aei.toml", 12))
	disunited := claim("iskp-disunited#1", "iskp-disunited", "deaths", "over 90", "the January 3 ISKP bombings that claimed the lives of over 90 people", month(2024, 3),
		count(91, reconcile.Unbounded, `"over 90": 91 or more`), at("sources/iskp-disunited.toml", 12))
	foe := claim("eurasia-foe#1", "eurasia-foe", "deaths", "approximately 90", "resulted in approximately 90 deaths", days(2024, 4, 15),
		count(81, 99, `"approximately 90": 81 to 99 (approximately: within 10%)`), at("sources/eurasia-foe.toml", 12))
	verdict := &reconcile.Verdict{
		Event: ev, Property: "deaths", Established: "95", Reading: count(95, 95, `"95": exactly 95`),
		AsOf: days(2024, 1, 24), AsOfText: "2024-01-24", Rejects: []string{"tasnim"},
		Reason:   "The health ministry withdrew 103 after finding victims counted twice; its final list names 95.",
		Evidence: []string{"https://example.org/kerman-victims-list", "irna"}, Decided: "2024-02-01", By: "Verification desk",
		Pos: at("verdicts/kerman.toml", 1),
	}
	contradicts := reconcile.Finding{
		Event: ev, Property: "deaths", Kind: reconcile.ContradictsVerdict, Severity: reconcile.Error, Status: reconcile.Open,
		Summary: "over 100 (The Conversation, Jan 2024) contradicts the established 95, decided 2024-02-01: The health ministry withdrew 103 after finding victims counted twice; its final list names 95.",
		Why:     `"over 100" was read as [101, ∞); the verdict at verdicts/kerman.toml:1:1 establishes "95", read as 95. The claim's source is not among those the verdict rejects (tasnim), so a person must look: reject it, or revisit the verdict.`,
		Claims:  []reconcile.FindingClaim{{Claim: conv, Role: reconcile.Subject}, {Claim: farda, Role: reconcile.Against}, {Claim: aei, Role: reconcile.Against}},
		Verdict: verdict,
	}
	revision := reconcile.Finding{
		Event: ev, Property: "deaths", Kind: reconcile.Revision, Severity: reconcile.Note, Status: reconcile.Resolved,
		Summary: "Iranian officials revised 103 (Tasnim, 3 Jan 2024) to 84 (IRNA, 4 Jan 2024)",
		Claims:  []reconcile.FindingClaim{{Claim: tasnim, Role: reconcile.Subject}, {Claim: irna, Role: reconcile.Against}},
		Verdict: verdict,
	}
	deaths := reconcile.GroupResult{
		Group: reconcile.Group{Event: ev, Property: "deaths", Kind: reconcile.Count, Cumulative: true, Verdict: verdict,
			Claims: []reconcile.Claim{aei, conv, foe, disunited, irna, farda, tasnim}},
		Agreeing:   []bool{true, false, true, true, true, true, false},
		Superseded: []bool{false, false, false, false, false, false, true},
		Agreed:     &reconcile.Range{Min: 91, Max: 99},
		Estimate:   &reconcile.Estimate{Low: 91, Best: 95, High: 99},
		Findings:   []reconcile.Finding{contradicts, revision},
	}

	dateRd := func(r reconcile.Range, gloss string) reconcile.Reading {
		return reconcile.Reading{Kind: reconcile.Date, Range: r, Point: r.Min, Gloss: gloss}
	}
	date := reconcile.GroupResult{
		Group: reconcile.Group{Event: ev, Property: "date", Kind: reconcile.Date, Claims: []reconcile.Claim{
			claim("aei#2", "aei", "date", "last Wednesday", "killed nearly 100 people in Kerman, Iran, last Wednesday", month(2024, 1),
				dateRd(reconcile.Range{Min: day(2024, 1, 3), Max: reconcile.Unbounded}, `"last Wednesday": on or after 3 Jan 2024`), at("sources/aei.toml", 20)),
			claim("eurasia-foe#2", "eurasia-foe", "date", "January 2024", "In January 2024, a bombing orchestrated by extremists", days(2024, 4, 15),
				dateRd(month(2024, 1), `"January 2024": Jan 2024`), at("sources/eurasia-foe.toml", 20)),
			claim("iskp-disunited#2", "iskp-disunited", "date", "January 3", "the January 3 ISKP bombings", month(2024, 3),
				dateRd(days(2024, 1, 3), `"January 3": 3 Jan 2024`), at("sources/iskp-disunited.toml", 20)),
			claim("radiofarda#2", "radiofarda", "date", "January 3rd 2024", "Kerman deadly explosions January 3rd 2024", month(2024, 1),
				dateRd(days(2024, 1, 3), `"January 3rd 2024": 3 Jan 2024`), at("sources/radiofarda.toml", 20)),
		}},
		Agreeing: []bool{true, true, true, true}, Superseded: []bool{false, false, false, false},
		Agreed: &reconcile.Range{Min: day(2024, 1, 3), Max: day(2024, 1, 3)},
	}

	perp := reconcile.GroupResult{
		Group: reconcile.Group{Event: ev, Property: "perpetrator", Kind: reconcile.Category, Claims: []reconcile.Claim{
			claim("aei#3", "aei", "perpetrator", "Islamic State’s Khorasan branch", "Islamic State’s Khorasan branch, based in Afghanistan, claimed credit", month(2024, 1),
				terms(reconcile.Category, `"Islamic State’s Khorasan branch": Islamic State Khorasan Province`, "is-k"), at("sources/aei.toml", 28)),
			claim("conversation#2", "conversation", "perpetrator", "ISIS-K", "ISIS-K claimed responsibility for a bomb attack in Kerman, Iran", month(2024, 1),
				terms(reconcile.Category, `"ISIS-K": Islamic State Khorasan Province`, "is-k"), at("sources/conversation.toml", 20)),
			claim("radiofarda#3", "radiofarda", "perpetrator", "IS Khorasan", "the Afghanistan branch of the Islamic State group, known as IS Khorasan, claimed responsibility", month(2024, 1),
				terms(reconcile.Category, `"IS Khorasan": Islamic State Khorasan Province`, "is-k"), at("sources/radiofarda.toml", 28)),
		}},
		Agreeing: []bool{true, true, true}, Superseded: []bool{false, false, false},
	}

	briefcase := claim("radiofarda#4", "radiofarda", "method", "two briefcase bombs detonated remotely",
		"Iranian media sources indicated that the attack involved 'two briefcase bombs' detonated remotely", month(2024, 1),
		terms(reconcile.Category, `"two briefcase bombs detonated remotely": remote-detonated bombing`, "remote-bombing"), at("sources/radiofarda.toml", 36))
	briefcase.AttributedTo = "Iranian media"
	twin := claim("aei#4", "aei", "method", "twin suicide bombings", "Twin suicide bombings killed nearly 100 people", month(2024, 1),
		terms(reconcile.Category, `"twin suicide bombings": suicide bombing`, "suicide-bombing"), at("sources/aei.toml", 36))
	methodConflict := reconcile.Finding{
		Event: ev, Property: "method", Kind: reconcile.Conflict, Severity: reconcile.Warning, Status: reconcile.Open,
		Summary: "two briefcase bombs detonated remotely (Radio Farda, Jan 2024) cannot hold with twin suicide bombings (AEI, Jan 2024)",
		Claims:  []reconcile.FindingClaim{{Claim: briefcase, Role: reconcile.Subject}, {Claim: twin, Role: reconcile.Against}},
	}
	method := reconcile.GroupResult{
		Group:    reconcile.Group{Event: ev, Property: "method", Kind: reconcile.Category, Claims: []reconcile.Claim{twin, briefcase}},
		Agreeing: []bool{true, false}, Superseded: []bool{false, false},
		Findings: []reconcile.Finding{methodConflict},
	}

	shirazDeaths := claim("iskp-disunited#3", "iskp-disunited", "deaths", "15", "an IS-affiliated group killed 15 people in a shooting at the Shah Cheragh Shrine in Shiraz",
		month(2024, 3), count(15, 15, `"15": exactly 15`), at("sources/iskp-disunited.toml", 28))
	shirazDeaths.Event = "shiraz-attack-2022"
	shiraz := reconcile.GroupResult{
		Group:    reconcile.Group{Event: "shiraz-attack-2022", Property: "deaths", Kind: reconcile.Count, Cumulative: true, Claims: []reconcile.Claim{shirazDeaths}},
		Agreeing: []bool{true}, Superseded: []bool{false},
		Agreed: &reconcile.Range{Min: 15, Max: 15}, Estimate: &reconcile.Estimate{Low: 15, Best: 15, High: 15},
	}

	r := reconcile.Result{
		Sources: []reconcile.Source{
			{ID: "aei", Title: "Why the Islamic State Bombing in Iran Should Have Western Leaders Worried", Outlet: "AEI",
				URL: "https://www.aei.org/op-eds/why-the-islamic-state-bombing-in-iran-should-have-western-leaders-worried/", Published: "2024-01",
				Kind: "analysis", File: "sources/aei.toml", Text: "texts/002_2ee532dbf2938e26.txt"},
			{ID: "conversation", Title: "Iran terror blast highlights success, and risks, of ISIS-K’s regional strategy", Outlet: "The Conversation",
				Published: "2024-01", Kind: "analysis", File: "sources/conversation.toml", Text: "texts/001_fdd7dbb79d709f7c.txt"},
			{ID: "eurasia-foe", Title: "Who is their foe? ISIS-Khorasan as a new nightmare, or Eurasia's next Trojan horse",
				Published: "2024-04-15", Kind: "analysis", File: "sources/eurasia-foe.toml", Text: "texts/003_1895da89900b68c6.txt"},
			{ID: "irna", Title: "Kerman toll revised", Outlet: "IRNA", Published: "2024-01-04", Kind: "news", File: "sources/irna.toml"},
			{ID: "iskp-disunited", Title: "The ISKP Thrives in a Disunited World", Published: "2024-03", Kind: "analysis",
				File: "sources/iskp-disunited.toml", Text: "texts/004_c049526a2c111bfc.txt"},
			{ID: "radiofarda", Title: "Kerman Attack Analysis: ISIS Khorasan, Iran's Security Puzzle, and the Road Ahead", Outlet: "Radio Farda",
				Authors: []string{"Mehdi Beigi"}, Published: "2024-01", Kind: "analysis", File: "sources/radiofarda.toml", Text: "texts/000_5cb4a7e2a538759b.txt"},
			{ID: "tasnim", Title: "Blasts in Kerman", Outlet: "Tasnim", Published: "2024-01-03", Kind: "news", File: "sources/tasnim.toml"},
		},
		Events: map[string]reconcile.Event{
			ev:                   {ID: ev, Name: "Kerman bombings", Date: "2024-01-03", Place: "kerman"},
			"shiraz-attack-2022": {ID: "shiraz-attack-2022", Name: "Shah Cheragh shrine attack", Date: "2022-10-26"},
		},
		Properties: map[string]reconcile.Property{
			"deaths":      {ID: "deaths", Name: "Deaths", Kind: reconcile.Count, Cumulative: true},
			"date":        {ID: "date", Name: "Date", Kind: reconcile.Date},
			"perpetrator": {ID: "perpetrator", Name: "Perpetrator", Kind: reconcile.Category},
			"method":      {ID: "method", Name: "Method", Kind: reconcile.Category},
		},
		Groups:   []reconcile.GroupResult{date, deaths, method, perp, shiraz},
		Findings: []reconcile.Finding{contradicts, methodConflict, revision},
		Problems: []reconcile.Problem{{Pos: at("sources/irna.toml", 3), Severity: reconcile.Warning, Message: "source has no text: its quotes cannot be checked"}},
	}
	for _, g := range r.Groups {
		for _, c := range g.Claims {
			r.Claims++
			if c.Verified {
				r.Verified++
			} else {
				r.Unverified++
			}
		}
	}
	return r
}

// hostileClaims puts markup where a claim file can put text: a quote, a title,
// an outlet, a value, an attribution, a URL and a verdict reason.
func hostileClaims() reconcile.Result {
	r := kermanReport()
	const script, img = `<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`
	for i := range r.Sources {
		if r.Sources[i].ID == "conversation" {
			r.Sources[i].Title = "Kerman " + script
			r.Sources[i].Outlet = "The " + img + " Conversation"
			r.Sources[i].URL = "javascript:alert(1)"
			r.Sources[i].Authors = []string{img}
		}
	}
	for gi := range r.Groups {
		g := &r.Groups[gi]
		for ci := range g.Claims {
			if g.Claims[ci].Source == "conversation" {
				g.Claims[ci].Quote = "killed " + script + " over 100 " + img
				g.Claims[ci].Value = "over 100 " + script
				g.Claims[ci].AttributedTo = img
				g.Claims[ci].Note = "</blockquote><script>x</script>"
			}
		}
		if g.Verdict != nil {
			g.Verdict.Reason = "reason " + script
			g.Verdict.Evidence = append(g.Verdict.Evidence, "javascript:alert(2)", `"><script>alert(3)</script>`)
		}
	}
	r.Findings[0].Summary = "over 100 " + script + " contradicts"
	r.Problems = append(r.Problems, reconcile.Problem{Pos: reconcile.Pos{File: "sources/" + img + ".toml", Line: 1, Col: 1}, Severity: reconcile.Error, Message: script})
	return r
}

func renderHTML(t *testing.T, r reconcile.Result) string {
	t.Helper()
	return render(t, func(b *bytes.Buffer) error {
		return HTML(b, r, HTMLOptions{Title: "Kerman bombings: what the sources say"})
	})
}

func TestHTMLEscapesClaimContent(t *testing.T) {
	out := renderHTML(t, hostileClaims())
	// The page itself has no scripts and no images, so any such tag came
	// from a claim file.
	for _, bad := range []string{"<script", "<img", `href="javascript:`, "</blockquote><script"} {
		if i := strings.Index(strings.ToLower(out), bad); i >= 0 {
			t.Errorf("unescaped %q in output near: %s", bad, out[max(0, i-80):min(len(out), i+80)])
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;", // quote, title, value, reason, summary
		"&lt;img src=x onerror=alert(1)&gt;",    // outlet, attribution, authors
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks the escaped text %q", want)
		}
	}
	// The hostile outlet reaches SVG text and an aria-label attribute too.
	if !regexp.MustCompile(`aria-label="The &lt;img src=x onerror=alert\(1\)&gt; Conversation: over 100`).MatchString(out) {
		t.Error("chart bar's aria-label does not carry the escaped outlet")
	}
	if strings.Contains(out, `href="#ZgotmplZ"`) || strings.Contains(out, "ZgotmplZ") {
		t.Error("an unsafe URL reached the template instead of being shown as text")
	}
}

func TestHTMLIsDeterministic(t *testing.T) {
	a := renderHTML(t, kermanReport())
	for range 3 {
		if b := renderHTML(t, kermanReport()); a != b {
			t.Fatal("two renders of the same result differ")
		}
	}
}

func TestHTMLSelfContained(t *testing.T) {
	out := renderHTML(t, kermanReport())
	// Links to sources are fine; anything the browser would fetch on its
	// own (stylesheets, fonts, scripts, images) is not.
	for _, bad := range []string{"<link", "<script", "<img", "@import", "url(http", "<iframe"} {
		if strings.Contains(out, bad) {
			t.Errorf("page loads %q from outside", bad)
		}
	}
	if !strings.Contains(out, "@media print") || !strings.Contains(out, `name="viewport"`) {
		t.Error("page lacks print CSS or the viewport meta tag")
	}
}

func TestHTMLStructure(t *testing.T) {
	r := kermanReport()
	out := renderHTML(t, r)
	charts := 0
	for _, g := range r.Groups {
		if !isTermKind(g.Kind) {
			charts++
		}
		if !strings.Contains(out, `id="`+GroupAnchor(g.Event, g.Property)+`"`) {
			t.Errorf("no section for group %s %s", g.Event, g.Property)
		}
	}
	if got := strings.Count(out, `<svg class="chart"`); got != charts {
		t.Errorf("%d charts, want one per count or date group (%d)", got, charts)
	}
	// Findings come before the first group, open before resolved, and
	// each links to its group.
	findings, firstGroup := strings.Index(out, `id="findings"`), strings.Index(out, `class="event"`)
	if findings < 0 || firstGroup < 0 || findings > firstGroup {
		t.Error("findings are not at the top")
	}
	open, resolved := strings.Index(out, `class="finding open`), strings.Index(out, `class="finding resolved`)
	if open < 0 || resolved < 0 || open > resolved {
		t.Error("open findings do not come first")
	}
	if !strings.Contains(out, `<a class="group-link" href="#g-kerman-bombing-2024--deaths">`) {
		t.Error("finding does not link to its group")
	}
	for _, want := range []string{
		"The Conversation: over 100, from 101 with no upper bound, as of Jan 2024, disagrees",
		"Tasnim: 103, exactly 103, as of 3 Jan 2024, superseded",
		"AEI: last Wednesday, on or after 3 Jan 2024, as of Jan 2024, agrees",
		"<blockquote>Twin suicide bombings killed nearly 100 people in Kerman, Iran, last Wednesday</blockquote>",
		`<a href="https://www.aei.org/op-eds/why-the-islamic-state-bombing-in-iran-should-have-western-leaders-worried/">`,
		"<cite>Blasts in Kerman</cite>", // no URL: plain title
		"agreed: [91, 99]",
		`<a href="https://example.org/kerman-victims-list">`,
		`<a href="#s-irna">IRNA</a>`, // evidence naming a source links to it
		"unverified: no archived text",
		"<dt>Attributed to</dt><dd>Iranian media</dd>",
		"<dt>Hedge</dt><dd>reportedly</dd>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestHTMLEmptyResult(t *testing.T) {
	out := renderHTML(t, reconcile.Result{})
	if !strings.Contains(out, "No findings") || strings.Contains(out, "<svg") {
		t.Error("an empty result should render a page saying there are no findings, with no charts")
	}
}

func TestCountScaleSeparatesKermanFigures(t *testing.T) {
	rs := []reconcile.Range{{Min: 84, Max: 84}, {Min: 90, Max: 99}, {Min: 101, Max: reconcile.Unbounded}, {Min: 103, Max: 103}}
	s, ticks := countScale(rs)
	if s.log || s.lo > 83.5 || s.lo < 70 || s.hi < 106 || s.hi > 130 {
		t.Errorf("domain [%v, %v] log=%v: want a linear axis close around 84..103 with room for the arrow", s.lo, s.hi, s.log)
	}
	if len(ticks) < 3 || len(ticks) > chartMaxTicks+2 {
		t.Errorf("%d ticks", len(ticks))
	}
	// 84 ends before "nearly 100" starts, which ends before "over 100".
	x84, w84 := s.span(rs[0])
	x90, w90 := s.span(rs[1])
	x101, w101 := s.span(rs[2])
	if !(x84+w84 <= x90 && x90+w90 <= x101 && x101+w101 > 99.9) {
		t.Errorf("bars overlap or the open bar stops short: 84 %v+%v, 90–99 %v+%v, 101– %v+%v", x84, w84, x90, w90, x101, w101)
	}
}

func TestCountScaleGoesLogarithmicForWideSpreads(t *testing.T) {
	s, ticks := countScale([]reconcile.Range{{Min: 12, Max: 12}, {Min: 2000, Max: 3000}})
	if !s.log {
		t.Fatal("12 vs 2000–3000 should be drawn on a log axis")
	}
	if ticks[0].Label != "10" || ticks[len(ticks)-1].Label != "10,000" {
		t.Errorf("ticks %v", ticks)
	}
}

func TestDateScale(t *testing.T) {
	for _, tc := range []struct {
		name        string
		ranges      []reconcile.Range
		first, last string
	}{
		{"days", []reconcile.Range{days(2024, 1, 3), {Min: day(2024, 1, 3), Max: reconcile.Unbounded}}, "31 Dec", "8 Jan"},
		{"months", []reconcile.Range{days(2024, 1, 3), days(2024, 4, 15)}, "2024", "May"},
		{"years", []reconcile.Range{days(2019, 1, 3), days(2024, 4, 15)}, "2019", "2025"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ticks := dateScale(tc.ranges)
			if got := ticks[0].Label; got != tc.first {
				t.Errorf("first tick %q, want %q", got, tc.first)
			}
			if got := ticks[len(ticks)-1].Label; got != tc.last {
				t.Errorf("last tick %q, want %q (all: %v)", got, tc.last, ticks)
			}
			if len(ticks) > chartMaxTicks+2 {
				t.Errorf("%d ticks crowd the axis", len(ticks))
			}
		})
	}
}

func TestAnchorsAreDistinctAndSafe(t *testing.T) {
	seen := map[string]string{}
	for _, id := range []string{"aei#2", "aei-2", "AEI-2", "a b", "a/b", `"><x`} {
		a := htmlAnchor("c", id)
		if prev, ok := seen[a]; ok {
			t.Errorf("%q and %q share anchor %q", prev, id, a)
		}
		seen[a] = id
		if !regexp.MustCompile(`^c-[a-z0-9-]+$`).MatchString(a) {
			t.Errorf("anchor %q for %q is not a plain slug", a, id)
		}
	}
	if got := GroupAnchor("kerman-bombing-2024", "deaths"); got != "g-kerman-bombing-2024--deaths" {
		t.Errorf("GroupAnchor = %q", got)
	}
}
