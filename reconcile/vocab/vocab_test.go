package vocab

import (
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
)

func at(line int) At {
	return At{Pos: reconcile.Pos{File: "v.toml", Line: line, Col: 1}, Keys: map[string]reconcile.Pos{
		"id":      {File: "v.toml", Line: line + 1, Col: 1},
		"within":  {File: "v.toml", Line: line + 2, Col: 1},
		"aliases": {File: "v.toml", Line: line + 3, Col: 1},
	}}
}

func sample() Defs {
	return Defs{
		Properties: []PropertyDef{
			{ID: "deaths", Name: "Deaths", Kind: "count", Cumulative: true},
			{ID: "place", Name: "Place", Kind: "place"},
			{ID: "nationality", Name: "Nationality", Kind: "nationality"},
			{ID: "method", Name: "Method", Kind: "category"},
			{ID: "responsibility", Name: "Responsibility", Kind: "category", Terms: []string{"organisation", "person", "country"}},
		},
		Countries: []CountryDef{{Code: "IR", Aliases: []string{"Islamic Republic of Iran"}}, {Code: "US", Aliases: []string{"U.S.", "USA"}}},
		Places: []PlaceDef{
			{ID: "fars", Name: "Fars province", Aliases: []string{"Fars"}, Within: "IR"},
			{ID: "shiraz", Name: "Shiraz", Within: "fars"},
			{ID: "shah-cheragh-shrine", Name: "Shah Cheragh shrine", Aliases: []string{"Shahcheragh", "Shah Cheragh", "Shahchirag"}, Within: "shiraz"},
		},
		Nationalities: []NationalityDef{
			{ID: "central-asian", Name: "Central Asian"},
			{ID: "tajik", Name: "Tajik", Aliases: []string{"Tajiks", "Tajikistani"}, Country: "TJ", Within: []string{"central-asian"}},
			{ID: "uzbek", Name: "Uzbek", Within: []string{"central-asian"}},
		},
		Organisations: []OrganisationDef{
			{ID: "islamic-state", Name: "Islamic State", Aliases: []string{"ISIS", "ISIL", "IS"}},
			{ID: "is-k", Name: "Islamic State Khorasan Province", Aliases: []string{"IS-K", "ISIS-K", "ISKP", "IS Khorasan"}, Within: []string{"islamic-state"}},
			{ID: "irgc", Name: "Islamic Revolutionary Guard Corps", Aliases: []string{"IRGC", "Revolutionary Guards"}},
		},
		Persons: []PersonDef{{ID: "qasem-soleimani", Name: "Qasem Soleimani", Aliases: []string{"Qassem Soleimani", "Qassem Suleimani", "Soleimani"}, Organisations: []string{"irgc"}}},
		Categories: []CategoryDef{
			{Property: "method", ID: "bombing", Name: "bombing", Aliases: []string{"bombings", "explosions"}},
			{Property: "method", ID: "suicide-bombing", Name: "suicide bombing", Aliases: []string{"suicide bombings", "suicide bombers"}, Within: []string{"bombing"}},
		},
		Events: []EventDef{{ID: "kerman-bombing-2024", Name: "Kerman bombings", Aliases: []string{"Kerman attack"}, Place: "IR"}},
	}
}

func build(t *testing.T, d Defs) *Vocabulary {
	t.Helper()
	v, problems := Build(d)
	if len(problems) > 0 {
		t.Fatalf("unexpected problems: %v", problems)
	}
	return v
}

func TestAliases(t *testing.T) {
	v := build(t, sample())
	cases := []struct {
		kind     reconcile.Kind
		property string
		phrase   string
		want     []string
	}{
		{reconcile.Category, "responsibility", "IS-K", []string{"org:is-k"}},
		{reconcile.Category, "responsibility", "ISIS-K", []string{"org:is-k"}},
		{reconcile.Category, "responsibility", "ISKP", []string{"org:is-k"}},
		{reconcile.Category, "responsibility", "Islamic State Khorasan Province", []string{"org:is-k"}},
		{reconcile.Category, "responsibility", "the Islamic State–Khorasan Province", []string{"org:is-k"}},
		{reconcile.Category, "responsibility", "IS K", []string{"org:is-k"}},
		{reconcile.Category, "responsibility", "is-k", []string{"org:is-k"}},
		{reconcile.Category, "responsibility", "Qassem Suleimani", []string{"person:qasem-soleimani"}},
		{reconcile.Category, "responsibility", "Qasem Soleimani", []string{"person:qasem-soleimani"}},
		{reconcile.Category, "responsibility", "Israel and the United States", []string{"country:IL", "country:US"}},
		{reconcile.Category, "responsibility", "the U.S., Israel, and IS-K", []string{"country:US", "country:IL", "org:is-k"}},
		{reconcile.Category, "method", "suicide bombers", []string{"category:method/suicide-bombing"}},
		{reconcile.Place, "", "Shahcheragh", []string{"place:shah-cheragh-shrine"}},
		{reconcile.Place, "", "Shah Cheragh", []string{"place:shah-cheragh-shrine"}},
		{reconcile.Place, "", "Shah-Cheragh", []string{"place:shah-cheragh-shrine"}},
		{reconcile.Place, "", "Iran", []string{"country:IR"}},
		{reconcile.Place, "", "Iran (Islamic Republic of)", []string{"country:IR"}},
		{reconcile.Place, "", "Bosnia and Herzegovina", []string{"country:BA"}},
		{reconcile.Place, "", "Bonaire, Sint Eustatius And Saba", []string{"country:BQ"}},
		{reconcile.Place, "", "Shiraz & Shiraz", []string{"place:shiraz"}},
		{reconcile.Place, "", "Shah Cheragh, Shiraz, Iran", []string{"place:shah-cheragh-shrine"}},
		{reconcile.Place, "", "Shiraz and the United States", []string{"place:shiraz", "country:US"}},
		{reconcile.Nationality, "", "Tajiks and Uzbek", []string{"nationality:tajik", "nationality:uzbek"}},
		{reconcile.Nationality, "", "Tajikistani", []string{"nationality:tajik"}},
	}
	for _, c := range cases {
		r, err := v.Read(c.kind, c.property, c.phrase)
		if err != nil {
			t.Errorf("Read(%s, %q): %v", c.kind, c.phrase, err)
			continue
		}
		if diff := cmp.Diff(c.want, r.Terms); diff != "" {
			t.Errorf("Read(%s, %q) terms (-want +got):\n%s", c.kind, c.phrase, diff)
		}
		if r.Kind != c.kind {
			t.Errorf("Read(%s, %q) kind %s", c.kind, c.phrase, r.Kind)
		}
	}
}

func TestGloss(t *testing.T) {
	v := build(t, sample())
	r, err := v.Read(reconcile.Place, "place", "Shah Cheragh, Shiraz, Iran")
	if err != nil {
		t.Fatal(err)
	}
	if want := `"Shah Cheragh, Shiraz, Iran": Shah Cheragh shrine (in Shiraz, Iran)`; r.Gloss != want {
		t.Errorf("gloss = %s, want %s", r.Gloss, want)
	}
}

func TestJoiningWordsIsNotHyphenating(t *testing.T) {
	v := build(t, sample())
	// "ISK" would be a different name from "IS-K": only hyphens and
	// spaces are interchangeable, so the reader must not guess.
	if _, err := v.Read(reconcile.Category, "responsibility", "ISK"); err == nil {
		t.Fatal(`"ISK" read as a known name`)
	}
}

func TestReadErrors(t *testing.T) {
	v := build(t, sample())
	cases := []struct {
		kind     reconcile.Kind
		property string
		phrase   string
		want     string
	}{
		{reconcile.Place, "", "Shirz", `cannot read "Shirz" as a place: no place or country is called "Shirz"; did you mean "Shiraz"? (if the name is right, add it to the vocabulary as an alias)`},
		{reconcile.Place, "", "Shiraz and Kermn", `cannot read "Shiraz and Kermn" as a place: no place or country is called "Kermn"; did you mean "Kerman"? (if the name is right, add it to the vocabulary as an alias)`},
		{reconcile.Nationality, "", "Tajk", `cannot read "Tajk" as a nationality: no nationality is called "Tajk"; did you mean "Tajik"? (if the name is right, add it to the vocabulary as an alias)`},
		{reconcile.Category, "method", "IS-K", `cannot read "IS-K" as a category: no method category is called "IS-K" (if the name is right, add it to the vocabulary as an alias)`},
		{reconcile.Category, "deaths", "IS-K", `cannot read "IS-K" as a category: property "deaths" is a count property, not a category one`},
		{reconcile.Place, "", " and ", `cannot read " and " as a place: it names no place or country`},
		{reconcile.Count, "", "84", `cannot read "84" as a count: count values are not vocabulary terms`},
	}
	// Kerman is not in the sample; add it so the suggestion exists.
	d := sample()
	d.Places = append(d.Places, PlaceDef{ID: "kerman", Name: "Kerman", Within: "IR"})
	v = build(t, d)
	for _, c := range cases {
		_, err := v.Read(c.kind, c.property, c.phrase)
		var pe *phrase.Error
		if !errors.As(err, &pe) {
			t.Errorf("Read(%s, %q): error %v is not a *phrase.Error", c.kind, c.phrase, err)
			continue
		}
		if got := err.Error(); got != c.want {
			t.Errorf("Read(%s, %q):\n got %s\nwant %s", c.kind, c.phrase, got, c.want)
		}
	}
}

func TestWithin(t *testing.T) {
	v := build(t, sample())
	yes := [][2]string{
		{"place:shah-cheragh-shrine", "place:shiraz"},
		{"place:shah-cheragh-shrine", "place:fars"},
		{"place:shah-cheragh-shrine", "country:IR"},
		{"place:shiraz", "country:IR"},
		{"place:shiraz", "place:shiraz"},
		{"country:IR", "country:IR"},
		{"nationality:tajik", "nationality:central-asian"},
		{"org:is-k", "org:islamic-state"},
		{"person:qasem-soleimani", "org:irgc"},
		{"category:method/suicide-bombing", "category:method/bombing"},
		{"no:such", "no:such"},
	}
	no := [][2]string{
		{"place:shiraz", "place:shah-cheragh-shrine"},
		{"country:IR", "place:shiraz"},
		{"nationality:central-asian", "nationality:tajik"},
		{"nationality:tajik", "nationality:uzbek"},
		{"org:islamic-state", "org:is-k"},
		{"place:shiraz", "country:US"},
		{"no:such", "country:IR"},
	}
	// Terms trace their ancestors when first asked: asked first from
	// several goroutines at once (run with -race), then again.
	check := func() {
		for _, p := range yes {
			if !v.Within(p[0], p[1]) {
				t.Errorf("Within(%s, %s) = false", p[0], p[1])
			}
		}
		for _, p := range no {
			if v.Within(p[0], p[1]) {
				t.Errorf("Within(%s, %s) = true", p[0], p[1])
			}
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(check)
	}
	wg.Wait()
	check()
	var h reconcile.Hierarchy = v
	for id, want := range map[string]string{
		"place:shah-cheragh-shrine": "Shah Cheragh shrine",
		"country:IR":                "Iran",
		"country:US":                "United States",
		"org:is-k":                  "Islamic State Khorasan Province",
		"unknown:x":                 "unknown:x",
	} {
		if got := h.Name(id); got != want {
			t.Errorf("Name(%s) = %q, want %q", id, got, want)
		}
	}
	if e, _ := v.Event("kerman-bombing-2024"); e.Place != "country:IR" {
		t.Errorf("event place = %q", e.Place)
	}
}

func TestSuggest(t *testing.T) {
	v := build(t, sample())
	cases := []struct {
		kind reconcile.Kind
		name string
		want string
	}{
		{reconcile.Place, "Shiraaz", "Shiraz"},
		{reconcile.Place, "Shah Cherag shrine", "Shah Cheragh shrine"},
		{reconcile.Place, "Irn", "Iran"},
		{reconcile.Nationality, "Tadjik", "Tajik"},
		{reconcile.Category, "ISIS-KP", "ISIS-K"},
		{reconcile.Category, "suicide bomber", "suicide bombers"},
		{reconcile.Place, "Atlantis Underwater City", ""},
		{reconcile.Count, "84", ""},
	}
	for _, c := range cases {
		if got := v.Suggest(c.kind, c.name); got != c.want {
			t.Errorf("Suggest(%s, %q) = %q, want %q", c.kind, c.name, got, c.want)
		}
	}
}

func TestBuildProblems(t *testing.T) {
	d := sample()
	d.Places = append(d.Places,
		PlaceDef{ID: "a", Name: "A", Within: "b", At: at(100)},
		PlaceDef{ID: "b", Name: "B", Within: "c", At: at(110)},
		PlaceDef{ID: "c", Name: "C", Within: "a", At: at(120)},
		PlaceDef{ID: "self", Name: "Self", Within: "self", At: at(130)},
		PlaceDef{ID: "shiraz", Name: "Shiraz again", At: at(140)},
		PlaceDef{ID: "shiraz-2", Name: "Shiraz City", Aliases: []string{"Shiraz"}, Within: "shiraaz", At: at(150)},
		PlaceDef{ID: "Bad Id", Name: "Bad", At: at(160)},
		PlaceDef{ID: "georgia", Name: "Georgia", Within: "us", At: at(170)},
	)
	d.Nationalities = append(d.Nationalities, NationalityDef{ID: "x", Name: "X", Country: "Tajikistan", Within: []string{"centralasian"}, At: at(200)})
	d.Properties = append(d.Properties,
		PropertyDef{ID: "deaths", Name: "Deaths", Kind: "count", At: at(300)},
		PropertyDef{ID: "injured", Name: "Injured", Kind: "cuont", At: at(310)},
	)
	_, problems := Build(d)
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		`v.toml:301:1: error: duplicate property id "deaths": already defined at :0:0; rename or remove one of them`,
		`v.toml:310:1: error: unknown kind "cuont" for property "injured"; did you mean "count"? (kinds: count, date, place, nationality, category, text)`,
		`v.toml:141:1: error: duplicate place id "shiraz": already defined at :0:0; rename or remove one of them`,
		`v.toml:153:1: error: alias "Shiraz" of place "shiraz-2" also names place "shiraz", Shiraz (at :0:0); a name must pick out one term: remove it or make it more specific`,
		`v.toml:161:1: error: place id "Bad Id" must be lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "bad-id")`,
		`v.toml:170:1: error: name "Georgia" of place "georgia" also names country "GE", Georgia (built in from ISO 3166); a name must pick out one term: remove it or make it more specific`,
		`v.toml:200:1: error: country of nationality "x" "Tajikistan" is not an ISO 3166 alpha-2 country code; did you mean "TJ" (Tajikistan)?`,
		`v.toml:152:1: error: place "shiraz-2" is within "shiraaz", which is neither a place id nor an ISO 3166 country code; did you mean "shiraz"?`,
		`v.toml:172:1: error: place "georgia" is within "us", which is neither a place id nor an ISO 3166 country code; did you mean "US"? (country codes are upper case)`,
		`v.toml:202:1: error: nationality "x" is within "centralasian", which is not a nationality id; did you mean "central-asian"?`,
		`v.toml:122:1: error: "within" makes a cycle: a is within b is within c is within a; a term cannot be within itself, so remove one of these links`,
		`v.toml:132:1: error: "within" makes a cycle: self is within self; a term cannot be within itself, so remove one of these links`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestNames(t *testing.T) {
	v := build(t, sample())
	var orgs []string
	for _, e := range v.Names(OrganisationClass) {
		if e.Term == "org:is-k" {
			orgs = append(orgs, e.Name)
		}
	}
	if want := "Islamic State Khorasan Province|IS-K|ISIS-K|ISKP|IS Khorasan"; strings.Join(orgs, "|") != want {
		t.Errorf("names of is-k = %q", strings.Join(orgs, "|"))
	}
	if ev := v.Names(EventClass); len(ev) != 2 || ev[0].Term != "kerman-bombing-2024" {
		t.Errorf("event names = %v", ev)
	}
	if id, ok := v.EventByName("the Kerman attack"); !ok || id != "kerman-bombing-2024" {
		t.Errorf("EventByName = %q, %v", id, ok)
	}
	if n := len(v.Terms(CountryClass)); n < 240 {
		t.Errorf("only %d countries built in", n)
	}
}

// maySeparate never says no where the separator matches.
func TestMaySeparate(t *testing.T) {
	for _, s := range []string{"Iran and Iraq", "Iran AND Iraq", "A, B", "A & B", "Iran Or Iraq", "x OR", "AND", "or", "Kerman", "Shaishandpur", "Oregon", "ANDORRA", "k", "", "\u212a", "and\u00a0or"} {
		if separator.MatchString(s) && !maySeparate(s) {
			t.Errorf("maySeparate(%q) is false, but the separator matches", s)
		}
	}
}

// An id is lower-case ASCII letters, digits and hyphens, and does not
// start with a hyphen: the rule the pattern below writes down.
func TestValidID(t *testing.T) {
	rule := regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	for _, s := range []string{"", "a", "9", "-", "-a", "a-", "a--b", "kerman-2024", "ev-00051", "Kerman", "kerman 2024",
		"kerman_2024", "café", "a.b", "a/b", "a:b", "\x00", "a\x00", "ｋ", "shah-cheragh", "1-2-3"} {
		if got, want := ValidID(s), rule.MatchString(s); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", s, got, want)
		}
	}
}
