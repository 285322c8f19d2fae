package reports

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
)

func render(t *testing.T, f func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestProblemsLinesThenSummary(t *testing.T) {
	r := kerman()
	got := render(t, func(b *bytes.Buffer) error { return Problems(b, r.Problems, StatsOf(r)) })
	want := `sources/aei.toml:3:9: error: quote not found in texts/aei.txt
sources/tasnim.toml:14:1: warning: unknown key "qoute"
4 sources, 7 claims (5 verified, 1 unverified): 1 error, 1 warning
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Problems (-want +got):\n%s", diff)
	}
	if !HasErrors(r.Problems) || HasErrors(r.Problems[:1]) {
		t.Error("HasErrors should count only error problems")
	}
}

func TestProblemsClean(t *testing.T) {
	got := render(t, func(b *bytes.Buffer) error {
		return Problems(b, nil, Stats{Sources: 6, Claims: 74, Verified: 68, Unverified: 6})
	})
	if want := "6 sources, 74 claims (68 verified, 6 unverified): 0 errors, 0 warnings\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLintJSONEmptyProblemsIsArray(t *testing.T) {
	got := render(t, func(b *bytes.Buffer) error { return LintJSON(b, nil, Stats{Sources: 1, Claims: 2, Verified: 2}) })
	want := `{
  "sources": 1,
  "claims": 2,
  "verified": 2,
  "unverified": 0,
  "problems": []
}
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LintJSON (-want +got):\n%s", diff)
	}
}

func TestLintJSONProblemFields(t *testing.T) {
	r := kerman()
	var out struct {
		Problems []map[string]any `json:"problems"`
	}
	got := render(t, func(b *bytes.Buffer) error { return LintJSON(b, r.Problems, StatsOf(r)) })
	if err := json.Unmarshal([]byte(got), &out); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"file": "sources/aei.toml", "line": 3.0, "col": 9.0, "severity": "error", "message": "quote not found in texts/aei.txt"}
	if diff := cmp.Diff(want, out.Problems[0]); diff != "" {
		t.Errorf("first problem (-want +got):\n%s", diff)
	}
}

// decodeReport parses the JSON report generically, so the test sees what a
// consumer in any language would.
func decodeReport(t *testing.T, r reconcile.Result) (string, map[string]any) {
	t.Helper()
	got := render(t, func(b *bytes.Buffer) error { return JSON(b, r) })
	var m map[string]any
	if err := json.Unmarshal([]byte(got), &m); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, got)
	}
	return got, m
}

func groupClaims(t *testing.T, m map[string]any, event, property string) (map[string]any, []any) {
	t.Helper()
	for _, g := range m["groups"].([]any) {
		g := g.(map[string]any)
		if g["event"] == event && g["property"] == property {
			return g, g["claims"].([]any)
		}
	}
	t.Fatalf("no group %s %s", event, property)
	return nil, nil
}

func TestJSONIsDeterministic(t *testing.T) {
	a, _ := decodeReport(t, kerman())
	for range 5 {
		if b, _ := decodeReport(t, kerman()); a != b {
			t.Fatal("two renders of the same result differ")
		}
	}
}

func TestJSONTopLevelShape(t *testing.T) {
	_, m := decodeReport(t, kerman())
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	if len(keys) != 4 || m["sources"] == nil || m["groups"] == nil || m["findings"] == nil || m["problems"] == nil {
		t.Errorf("top-level keys = %v, want sources, groups, findings, problems", keys)
	}
	src := m["sources"].([]any)[0].(map[string]any)
	want := map[string]any{
		"id": "aei", "file": "sources/aei.toml", "outlet": "AEI", "published": "2024-01", "text": "texts/aei.txt",
		"title": "Why the Islamic State Bombing in Iran Should Have Western Leaders Worried",
	}
	if diff := cmp.Diff(want, src); diff != "" {
		t.Errorf("source (-want +got):\n%s", diff)
	}
	groups := m["groups"].([]any)
	var order []string
	for _, g := range groups {
		g := g.(map[string]any)
		order = append(order, g["event"].(string)+" "+g["property"].(string))
	}
	wantOrder := []string{"kerman-bombing-2024 date", "kerman-bombing-2024 deaths", "shiraz-attack-2023 place"}
	if diff := cmp.Diff(wantOrder, order); diff != "" {
		t.Errorf("groups not sorted by event, property (-want +got):\n%s", diff)
	}
}

func TestJSONCountClaims(t *testing.T) {
	_, m := decodeReport(t, kerman())
	g, claims := groupClaims(t, m, "kerman-bombing-2024", "deaths")
	if diff := cmp.Diff(map[string]any{"min": 95.0, "max": 95.0}, g["agreed"]); diff != "" {
		t.Errorf("agreed (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"low": 90.0, "best": 95.0, "high": 99.0}, g["estimate"]); diff != "" {
		t.Errorf("estimate (-want +got):\n%s", diff)
	}
	over := claims[3].(map[string]any)
	want := map[string]any{
		"id": "conversation#1", "source": "conversation", "file": "sources/conversation.toml", "line": 8.0,
		"value": "over 100", "min": 101.0, "max": nil, "reading": `"over 100": 101 or more`,
		"as_of": "2024-01-10", "quote": "killing over 100 people", "attributed_to": "", "hedge": "reportedly",
		"note": "", "verified": false, "agrees": false, "superseded": false,
	}
	if diff := cmp.Diff(want, over); diff != "" {
		t.Errorf("unbounded claim (-want +got):\n%s", diff)
	}
	nearly := claims[2].(map[string]any)
	if nearly["as_of"] != "2024-01-01..2024-01-31" || nearly["min"] != 90.0 || nearly["max"] != 99.0 || nearly["agrees"] != true {
		t.Errorf("nearly 100 claim = %v", nearly)
	}
	if first := claims[0].(map[string]any); first["superseded"] != true {
		t.Errorf("revised claim not marked superseded: %v", first)
	}
	if _, ok := over["terms"]; ok {
		t.Error("count claims must not carry terms")
	}
}

func TestJSONDatesAreISOAndOpenEndIsNull(t *testing.T) {
	_, m := decodeReport(t, kerman())
	g, claims := groupClaims(t, m, "kerman-bombing-2024", "date")
	c := claims[0].(map[string]any)
	if c["min"] != "2024-01-03" || c["max"] != nil {
		t.Errorf("date claim min/max = %v/%v, want 2024-01-03/null", c["min"], c["max"])
	}
	if diff := cmp.Diff(map[string]any{"min": "2024-01-03", "max": nil}, g["agreed"]); diff != "" {
		t.Errorf("agreed (-want +got):\n%s", diff)
	}
	if g["estimate"] != nil {
		t.Errorf("dates have no estimate, got %v", g["estimate"])
	}
	// Even if the core computes one, a "best day" is not reported.
	r := kerman()
	for i := range r.Groups {
		if r.Groups[i].Kind == reconcile.Date {
			r.Groups[i].Estimate = &reconcile.Estimate{Low: 19725, Best: 19725, High: 19725}
		}
	}
	_, m = decodeReport(t, r)
	if g, _ := groupClaims(t, m, "kerman-bombing-2024", "date"); g["estimate"] != nil {
		t.Errorf("date group estimate = %v, want null", g["estimate"])
	}
	if table := render(t, func(b *bytes.Buffer) error { return Table(b, r) }); strings.Contains(table, "19725") {
		t.Error("table shows a date estimate as day numbers")
	}
}

func TestJSONTermClaims(t *testing.T) {
	_, m := decodeReport(t, kerman())
	g, claims := groupClaims(t, m, "shiraz-attack-2023", "place")
	c := claims[0].(map[string]any)
	if c["min"] != nil || c["max"] != nil {
		t.Errorf("place claim has bounds: %v %v", c["min"], c["max"])
	}
	if diff := cmp.Diff([]any{"shah-cheragh-shrine"}, c["terms"]); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
	if g["agreed"] != nil || g["estimate"] != nil {
		t.Errorf("place group agreed/estimate = %v/%v, want null/null", g["agreed"], g["estimate"])
	}
}

func TestJSONFindings(t *testing.T) {
	_, m := decodeReport(t, kerman())
	fs := m["findings"].([]any)
	var order []string
	for _, f := range fs {
		f := f.(map[string]any)
		order = append(order, f["severity"].(string)+" "+f["kind"].(string))
	}
	// Open first, then errors before warnings before notes.
	if diff := cmp.Diff([]string{"error conflict", "warning conflict", "note revision"}, order); diff != "" {
		t.Errorf("finding order (-want +got):\n%s", diff)
	}
	conflict := fs[1].(map[string]any)
	if conflict["status"] != "open" || conflict["event"] != "kerman-bombing-2024" || conflict["property"] != "deaths" {
		t.Errorf("conflict = %v", conflict)
	}
	subject := conflict["claims"].([]any)[0].(map[string]any)
	if subject["role"] != "subject" || subject["id"] != "conversation#1" || subject["max"] != nil {
		t.Errorf("subject claim = %v", subject)
	}
	against := conflict["claims"].([]any)[1].(map[string]any)
	if against["role"] != "against" || against["agrees"] != true {
		t.Errorf("against claim = %v", against)
	}
}

func TestJSONEmptyResultHasArraysNotNull(t *testing.T) {
	got := render(t, func(b *bytes.Buffer) error { return JSON(b, reconcile.Result{}) })
	want := "{\n  \"sources\": [],\n  \"groups\": [],\n  \"findings\": [],\n  \"problems\": []\n}\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestJSONDoesNotEscapeHTML(t *testing.T) {
	r := kerman()
	r.Groups[0].Claims[0].Quote = "Israel & the US <said>"
	got, _ := decodeReport(t, r)
	if !strings.Contains(got, "Israel & the US <said>") {
		t.Error("quote characters were escaped")
	}
}

func TestCheck(t *testing.T) {
	r := kerman()
	got := render(t, func(b *bytes.Buffer) error { return Check(b, r, StatsOf(r)) })
	want := `sources/aei.toml:3:9: error: quote not found in texts/aei.txt
sources/tasnim.toml:14:1: warning: unknown key "qoute"
sources/tasnim.toml:30:1: error: [conflict] shiraz-attack-2023 place: Isfahan (Tasnim) is not within Shah Cheragh shrine (IRNA)
sources/conversation.toml:8:1: warning: [conflict] kerman-bombing-2024 deaths: over 100 (The Conversation, 10 Jan 2024) cannot hold with 95 (IRNA) or nearly 100 (AEI)
sources/tasnim.toml:10:1: note: [revision] kerman-bombing-2024 deaths: Iranian health ministry revised 103 to 95
4 sources, 7 claims (5 verified, 1 unverified): 1 error, 1 warning; 3 groups: 3 open findings (1 error, 1 warning, 1 note)
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
}

func TestCheckFails(t *testing.T) {
	r := kerman()
	if !CheckFails(r) {
		t.Error("error problems and open conflicts should fail check")
	}
	r.Problems = nil
	if !CheckFails(r) {
		t.Error("open conflicts should fail check")
	}
	// Only the revision note left open: informational, passes.
	for i := range r.Findings {
		if r.Findings[i].Kind == reconcile.Conflict {
			r.Findings[i].Status = reconcile.Resolved
		}
	}
	if CheckFails(r) {
		t.Error("resolved conflicts and notes should not fail check")
	}
	got := render(t, func(b *bytes.Buffer) error { return Check(b, r, StatsOf(r)) })
	if !strings.HasSuffix(got, "3 groups: 1 open finding (0 errors, 0 warnings, 1 note), 2 resolved\n") {
		t.Errorf("summary = %q", got)
	}
}

func TestTable(t *testing.T) {
	r := kerman()
	got := render(t, func(b *bytes.Buffer) error { return Table(b, r) })
	for _, want := range []string{
		"Kerman bombings (kerman-bombing-2024)\n=====================================\n",
		"Deaths (deaths): count, cumulative\n",
		"[101, ∞)",         // unbounded count
		"after 2024-01-03", // open-ended date
		"Jan 2024",         // a month-wide as-of
		"10 Jan 2024",      // a single day
		"superseded",       // revised figure
		"✓", "✗",           // agreement marks
		"reportedly: over 100",                     // hedges stay visible
		"IRNA, citing Iranian health…",             // attribution, cut on a word to fit
		"Twin suicide bombings killed nearly 100…", // long quote cut on a word after its value
		"  agreed:   95\n",
		"  estimate: low 90, best 95, high 99\n",
		"  open warning [conflict]: over 100 (The Conversation",
		"Problems\n========\nsources/aei.toml:3:9: error: quote not found",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table lacks %q:\n%s", want, got)
		}
	}
	if strings.Index(got, "Kerman bombings") > strings.Index(got, "Shah Cheragh attack") {
		t.Error("events not in id order")
	}
	if again := render(t, func(b *bytes.Buffer) error { return Table(b, kerman()) }); again != got {
		t.Error("table output is not deterministic")
	}
}

func TestExplainTimeline(t *testing.T) {
	r := kerman()
	got := render(t, func(b *bytes.Buffer) error { return Explain(b, r, "kerman-bombing-2024", "deaths") })
	// Oldest first by as-of: the month-wide AEI claim starts on 1 Jan.
	order := []string{"AEI (aei)", "Tasnim (tasnim)", "IRNA (irna)", "The Conversation (conversation)"}
	last := -1
	for _, s := range order {
		i := strings.Index(got, s)
		if i < 0 || i < last {
			t.Fatalf("timeline not oldest first at %q:\n%s", s, got)
		}
		last = i
	}
	for _, want := range []string{
		`2024-01-03              Tasnim (tasnim): "103" → 103  superseded`,
		"attributed to Iranian health ministry\n",
		"                          “103 people were killed”\n",
		`2024-01-10              The Conversation (conversation): "over 100" → [101, ∞)  disagrees`,
		"hedged: reportedly",
		"  open warning [conflict]: over 100",
		"      IRNA reported 95 five days earlier.\n",
		"  estimate: low 90, best 95, high 99\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("explain lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Date (date)") {
		t.Error("explain with a property printed other groups")
	}
	all := render(t, func(b *bytes.Buffer) error { return Explain(b, r, "kerman-bombing-2024", "") })
	if !strings.Contains(all, "Date (date): date") || !strings.Contains(all, "no findings") {
		t.Errorf("explain of a whole event lacks its date group:\n%s", all)
	}
}

func TestValues(t *testing.T) {
	vs := []ValueReading{
		{Input: "nearly 100", Kind: reconcile.Count, Reading: reconcile.Reading{Kind: reconcile.Count, Range: reconcile.Range{Min: 90, Max: 99}, Gloss: "nearly 100: 90 to 99 (up to 10% below)"}},
		{Input: "over 100", Kind: reconcile.Count, Reading: reconcile.Reading{Kind: reconcile.Count, Range: reconcile.Range{Min: 101, Max: reconcile.Unbounded}, Gloss: "over 100: 101 or more"}},
	}
	got := render(t, func(b *bytes.Buffer) error { return Values(b, vs) })
	want := "\"nearly 100\"  →  [90, 99]   nearly 100: 90 to 99 (up to 10% below)\n" +
		"\"over 100\"    →  [101, ∞)   over 100: 101 or more\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Values (-want +got):\n%s", diff)
	}
	vs[0].Reading.Range = reconcile.Range{Min: 100, Max: 100}
	got = render(t, func(b *bytes.Buffer) error { return Values(b, vs) })
	want = "\"nearly 100\"  →  100        nearly 100: 90 to 99 (up to 10% below)\n" +
		"\"over 100\"    →  [101, ∞)   over 100: 101 or more\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Values aligns columns (-want +got):\n%s", diff)
	}
}

func TestValuesJSON(t *testing.T) {
	vs := []ValueReading{
		{Input: "over 100", Kind: reconcile.Count, Reading: reconcile.Reading{Kind: reconcile.Count, Range: reconcile.Range{Min: 101, Max: reconcile.Unbounded}, Gloss: "over 100: 101 or more"}},
		{Input: "January 2024", Kind: reconcile.Date, Reading: reconcile.Reading{Kind: reconcile.Date, Range: reconcile.Range{Min: day(2024, 1, 1), Max: day(2024, 1, 31)}, Gloss: "January 2024"}},
		{Input: "Shiraz & Isfahan", Kind: reconcile.Place, Reading: reconcile.Reading{Kind: reconcile.Place, Terms: []string{"shiraz", "isfahan"}, Gloss: "shiraz, isfahan"}},
	}
	got := render(t, func(b *bytes.Buffer) error { return ValuesJSON(b, vs) })
	want := `{"input":"over 100","kind":"count","min":101,"max":null,"reading":"over 100: 101 or more"}
{"input":"January 2024","kind":"date","min":"2024-01-01","max":"2024-01-31","reading":"January 2024"}
{"input":"Shiraz & Isfahan","kind":"place","min":null,"max":null,"terms":["shiraz","isfahan"],"reading":"shiraz, isfahan"}
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ValuesJSON (-want +got):\n%s", diff)
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"  spaces   collapse\n here ", 40, "spaces collapse here"},
		{"Twin suicide bombings killed nearly 100 people", 24, "Twin suicide bombings…"},
		{"Twin suicide bombings killed nearly 100 people", 20, "Twin suicide bombin…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
	} {
		if got := truncate(tc.in, tc.n); got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestExcerptKeepsTheValue(t *testing.T) {
	quote := "The Kerman blast follows two other recent attacks in Iran claimed by ISIS-K: an October 2022 attack on the Shahcheragh shrine in Shiraz"
	for _, tc := range []struct {
		value, want string
	}{
		// The value is past the first window: the window moves to it.
		{"Shiraz", "…attack on the Shahcheragh shrine in Shiraz"},
		{"October 2022", "…by ISIS-K: an October 2022 attack on the…"},
		// Near the start, or not in the quote at all: the quote's start.
		{"Kerman", "The Kerman blast follows two other recent…"},
		{"2022-10-26", "The Kerman blast follows two other recent…"},
	} {
		got := excerpt(quote, tc.value, 44)
		if got != tc.want {
			t.Errorf("excerpt(…, %q) = %q, want %q", tc.value, got, tc.want)
		}
		if n := len([]rune(got)); n > 44 {
			t.Errorf("excerpt(…, %q) is %d runes, more than 44", tc.value, n)
		}
	}
	if got := excerpt("short quote", "x", 44); got != "short quote" {
		t.Errorf("short quotes are kept whole, got %q", got)
	}
}

func TestShortTerms(t *testing.T) {
	got := shortTerms([]string{"org:is-k", "category:method/suicide-bombing", "country:US", "plain"})
	if want := "is-k, suicide-bombing, US, plain"; got != want {
		t.Errorf("shortTerms = %q, want %q", got, want)
	}
}

func TestVerdictShown(t *testing.T) {
	r := kerman()
	for i := range r.Groups {
		if r.Groups[i].Property == "deaths" {
			r.Groups[i].Verdict = &reconcile.Verdict{
				Event: "kerman-bombing-2024", Property: "deaths", Established: "95",
				Rejects: []string{"conversation"}, Reason: "the revised official count",
				Evidence: []string{"texts/irna.txt"}, Decided: "2024-02-01", By: "J. Editor",
			}
		}
	}
	want := `verdict:  "95" (J. Editor, 2024-02-01): the revised official count; rejects conversation`
	table := render(t, func(b *bytes.Buffer) error { return Table(b, r) })
	if !strings.Contains(table, want) {
		t.Errorf("table lacks %q:\n%s", want, table)
	}
	explain := render(t, func(b *bytes.Buffer) error { return Explain(b, r, "kerman-bombing-2024", "deaths") })
	if !strings.Contains(explain, want) || !strings.Contains(explain, "evidence: texts/irna.txt") {
		t.Errorf("explain lacks the verdict:\n%s", explain)
	}
}
