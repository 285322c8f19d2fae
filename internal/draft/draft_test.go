package draft

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/crosscheck/crosscheck/reconcile/load"
)

// The sentences here are written for the purpose, against the small
// vocabulary in testdata/vocab: an Aden market bombing on 14 May 2023, an
// Aden port attack on 20 June 2023 and a Mosul checkpoint attack on 2
// September 2022, with their places, some nationalities and groups.

var (
	fixtureOnce sync.Once
	fixture     *load.Loaded
	fixtureErr  error
)

func loadFixture(t testing.TB) *load.Loaded {
	t.Helper()
	fixtureOnce.Do(func() { fixture, fixtureErr = load.Load("testdata/vocab") })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	for _, p := range fixture.Problems {
		if !strings.Contains(p.Message, "no source files") {
			t.Fatalf("fixture vocabulary: %s", p)
		}
	}
	return fixture
}

func propose(t testing.TB, text string) *Result {
	t.Helper()
	l := loadFixture(t)
	res, err := Propose([]byte(text), l.Vocab, Options{Phrase: l.Options})
	if err != nil {
		t.Fatalf("Propose(%q): %v", text, err)
	}
	return res
}

// want is a proposal a test expects. Empty fields are not checked; "-"
// means the field must be empty.
type want struct {
	property, value, event, attributed, hedge string
}

func (w want) String() string {
	s := fmt.Sprintf("%s %q", w.property, w.value)
	if w.event != "" {
		s += " event " + w.event
	}
	if w.attributed != "" {
		s += fmt.Sprintf(" attributed to %q", w.attributed)
	}
	if w.hedge != "" {
		s += fmt.Sprintf(" hedged %q", w.hedge)
	}
	return s
}

func field(got, want string) bool {
	switch want {
	case "":
		return true
	case "-":
		return got == ""
	}
	return got == want
}

func (w want) matches(c Claim) bool {
	return c.Property == w.property && c.Value == w.value && field(c.Event, w.event) &&
		field(c.AttributedTo, w.attributed) && field(c.Hedge, w.hedge)
}

func listClaims(cs []Claim) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "\n\t%s %q event %s attributed %q hedge %q  # %s", c.Property, c.Value, c.Event, c.AttributedTo, c.Hedge, c.Why)
	}
	if b.Len() == 0 {
		return " none"
	}
	return b.String()
}

func TestFamilies(t *testing.T) {
	const market, port, mosul = "aden-market-bombing-2023", "aden-port-attack-2023", "mosul-checkpoint-attack-2022"
	tests := []struct {
		name string
		text string
		want []want
		// not lists "property value" pairs that must not be proposed; "*"
		// as the whole entry forbids any proposal.
		not []string
	}{
		// Counts, with each word that says what a figure counts.
		{"killed", "The blast at the Aden central market killed 23 people, officials said.",
			[]want{{"deaths", "23", market, "officials", ""}}, nil},
		{"dead", "The Aden bombing left 30 dead.", []want{{"deaths", "30", market, "", ""}}, nil},
		{"deaths of", "The Aden bombing resulted in the deaths of 11 shoppers.", []want{{"deaths", "11", market, "", ""}}, nil},
		{"fatalities", "There were 17 fatalities in the Aden bombing.", []want{{"deaths", "17", market, "", ""}}, nil},
		{"lives", "The Aden bombing claimed 19 lives.", []want{{"deaths", "19", market, "", ""}}, nil},
		{"lives of", "The Aden bombing claimed the lives of at least 131 people.", []want{{"deaths", "at least 131", market, "", ""}}, nil},
		{"died", "At least 12 people died in the Aden bombing.", []want{{"deaths", "At least 12", market, "", ""}}, nil},
		{"toll", "The death toll from the blast rose to 25, according to the Health Ministry.",
			[]want{{"deaths", "25", TodoEvent, "the Health Ministry", ""}}, nil},
		{"number of dead", "The number of dead in the Aden bombing reached 31.", []want{{"deaths", "31", market, "", ""}}, nil},
		{"injured", "Police said 56 people were injured in the Aden bombing.", []want{{"injured", "56", market, "Police", ""}}, nil},
		{"wounded", "The Aden bombing wounded nearly 60.", []want{{"injured", "nearly 60", market, "", ""}}, nil},
		{"injuries on", "The Aden bombing inflicted injuries on approximately 80 individuals.", []want{{"injured", "approximately 80", market, "", ""}}, nil},
		{"gunmen", "Three gunmen stormed the Port of Aden on June 20, 2023.",
			[]want{{"perpetrators", "Three", port, "", ""}, {"date", "June 20, 2023", port, "", ""}}, nil},
		{"bombers", "Two suicide bombers blew themselves up at the central market in Aden.",
			[]want{{"perpetrators", "Two", market, "", ""}, {"location", "central market in Aden", market, "", ""}}, nil},
		{"attackers", "The five attackers fled the Port of Aden after the attack.", []want{{"perpetrators", "five", port, "", ""}}, nil},
		{"perpetrators", "Both perpetrators and 4 suspects were caught at the Port of Aden after the attack.",
			[]want{{"perpetrators", "4", port, "", ""}}, nil},
		{"of their bombers", "The group said two of their suicide bombers attacked the Aden central market.",
			[]want{{"perpetrators", "two", market, "", ""}}, nil},
		{"arrested", "Eight people were arrested after the Aden bombing.", []want{{"arrested", "Eight", market, "", ""}}, nil},
		{"detained beats suspects", "Police detained 14 suspects after the Aden bombing.",
			[]want{{"arrested", "14", market, "", ""}}, []string{"perpetrators 14"}},
		{"detention of", "The raids led to the detention of 2,919 suspects.", []want{{"arrested", "2,919", TodoEvent, "", ""}}, nil},
		// Number words and vague amounts, as phrase.Count reads them.
		{"number words", "One hundred and twelve people were killed in the Mosul checkpoint attack.",
			[]want{{"deaths", "One hundred and twelve", mosul, "", ""}}, nil},
		{"hyphenated", "The Aden bombing killed twenty-three people.", []want{{"deaths", "twenty-three", market, "", ""}}, nil},
		{"dozens", "The Aden bombing injured dozens.", []want{{"injured", "dozens", market, "", ""}}, nil},
		{"range", "The Aden bombing killed between 15 and 20 people.", []want{{"deaths", "between 15 and 20", market, "", ""}}, nil},
		// Two claims in one sentence, each with its own verb or sharing one.
		{"two verbs", "The gunmen opened fire at the Port of Aden, killing 137 people and injuring more than 100 others.",
			[]want{{"deaths", "137", port, "", ""}, {"injured", "more than 100", port, "", ""}}, nil},
		{"shared verb", "The Aden bombing killed 40 Yemenis and 3 Americans.",
			[]want{{"deaths-yemenis", "40", market, "", ""}, {"deaths-us-service-members", "3", market, "", ""}}, nil},
		{"dead and injured", "The Aden bombing left 30 dead and 45 injured.",
			[]want{{"deaths", "30", market, "", ""}, {"injured", "45", market, "", ""}}, nil},
		// Attribution.
		{"according to", "The Aden bombing killed 22 people, according to IRNA.", []want{{"deaths", "22", market, "IRNA", ""}}, nil},
		{"minister said", "The Interior Minister said 40 people had died in the Aden bombing.",
			[]want{{"deaths", "40", market, "The Interior Minister", ""}}, nil},
		{"media indicated", "Iranian media sources indicated that the Aden bombing killed 31.",
			[]want{{"deaths", "31", market, "Iranian media sources", ""}}, nil},
		{"aside", "On May 15, state media, citing hospital officials, reported that 27 people were killed in the Aden bombing.",
			[]want{{"deaths", "27", market, "state media", ""}}, nil},
		{"said at the end", "Nine people were killed in the Aden bombing, said Ahmed Saleh.",
			[]want{{"deaths", "Nine", market, "Ahmed Saleh", ""}}, nil},
		{"no speaker", "The Aden bombing killed 22 people.", []want{{"deaths", "22", market, "-", "-"}}, nil},
		{"hedge", "The Aden bombing was reportedly carried out by two gunmen.",
			[]want{{"perpetrators", "two", market, "", "reportedly"}}, nil},
		// Dates, with their precision.
		{"day", "The bombing on May 14, 2023 killed 23 people at the market in Aden.",
			[]want{{"date", "May 14, 2023", market, "", ""}, {"deaths", "23", market, "", ""}}, nil},
		{"month", "In May 2023, a bomb exploded at the Aden central market.",
			[]want{{"date", "May 2023", market, "", ""}, {"location", "Aden central market", market, "", ""}}, nil},
		{"day first", "The attack on 2 September 2022 at a checkpoint in Mosul killed 8.",
			[]want{{"date", "2 September 2022", mosul, "", ""}, {"deaths", "8", mosul, "", ""}}, nil},
		{"claimed on", "On May 15, 2023, a day after the Aden bombing, AQAP claimed responsibility.",
			[]want{{"claimed-on", "May 15, 2023", market, "", ""}, {"responsibility", "AQAP", market, "AQAP", "claimed"}}, []string{"date May 15, 2023"}},
		{"attack date, then a claim", "On May 14, 2023, a bomb exploded at the Aden central market, and AQAP claimed responsibility.",
			[]want{{"date", "May 14, 2023", market, "", ""}}, []string{"claimed-on May 14, 2023"}},
		{"relative", "A car bomb exploded at the Aden central market last Sunday.",
			[]want{{"date", "last Sunday", market, "", ""}}, nil},
		{"anchor, not the date", "Since June 2023, attacks in Aden have declined.", nil, []string{"date June 2023"}},
		{"report date", "On May 16, 2023, officials reported that the Aden bombing killed 25.",
			[]want{{"deaths", "25", market, "officials", ""}}, []string{"date May 16, 2023"}},
		// Places, through aliases.
		{"alias", "The attack at Souq al-Tawila was the deadliest this year.",
			[]want{{"location", "Souq al-Tawila", market, "", ""}}, nil},
		{"no event there", "A car bomb killed 9 people in Basra.",
			[]want{{"deaths", "9", TodoEvent, "", ""}, {"location", "Basra", TodoEvent, "", ""}}, nil},
		{"place in passing", "Officials in Aden discussed the budget.", nil, []string{"*"}},
		{"place in the event's name", "The 2023 Aden market bombing shocked the city.",
			[]want{{"location", "Aden", market, "", ""}, {"date", "2023", market, "", ""}}, nil},
		{"place of the event", "On June 20, 2023, four men entered the Port of Aden.",
			[]want{{"location", "Port of Aden", port, "", ""}, {"date", "June 20, 2023", port, "", ""}}, nil},
		{"place named with its preposition", "The gunmen struck near the Port of Aden on June 20, 2023.",
			[]want{{"location", "near the Port of Aden", port, "", ""}}, nil},
		// Nationalities and demonyms of the attackers, not of the victims.
		{"nationality", "The attack on the Aden central market was carried out by two Yemeni gunmen.",
			[]want{{"perpetrator-nationality", "Yemeni", market, "", ""}, {"perpetrators", "two", market, "", ""}}, nil},
		{"demonym", "Somalis were identified among the attackers in the Aden bombing.",
			[]want{{"perpetrator-nationality", "Somalis", market, "", ""}}, nil},
		{"descent", "Police arrested the attackers in the Aden bombing, all men of East African descent.",
			[]want{{"perpetrator-nationality", "of East African descent", market, "", ""}}, nil},
		{"victims", "The Aden bombing killed 13 American soldiers.", nil, []string{"perpetrator-nationality American"}},
		// Organisations claiming or blamed.
		{"claimed responsibility", "AQAP claimed responsibility for the Aden bombing.",
			[]want{{"responsibility", "AQAP", market, "AQAP", "claimed"}}, nil},
		{"claimed by", "The Aden bombing was claimed by al-Shabaab.",
			[]want{{"responsibility", "al-Shabaab", market, "al-Shabaab", "claimed"}}, nil},
		{"blamed", "Officials blamed Al-Shabaab for the Aden bombing.",
			[]want{{"responsibility", "Al-Shabaab", market, "Officials", "-"}}, nil},
		{"pointing fingers", "The Aden bombing came despite Yemeni officials pointing fingers at the United States and al-Shabaab.",
			[]want{{"responsibility", "United States and al-Shabaab", market, "Yemeni officials", ""}}, nil},
		{"held responsible", "Officials held AQAP responsible for the Aden bombing.",
			[]want{{"responsibility", "AQAP", market, "Officials", "-"}}, nil},
		{"orchestrated by", "Officials said the Aden bombing was orchestrated by external patrons.",
			[]want{{"responsibility", "external patrons", market, "Officials", ""}}, nil},
		{"hypothetical", "Analysts think Yemen would blame the Aden bombing on Al-Shabaab.", nil, []string{"responsibility Al-Shabaab"}},
		{"passive killed by", "The commander of AQAP was killed by a drone strike near the Port of Aden.", nil, []string{"responsibility AQAP"}},
		// Events named, placed or dated; else left for the reviewer.
		{"paragraph names the event", "Gunmen attacked the Port of Aden on Tuesday. They killed 6 guards.",
			[]want{{"deaths", "6", port, "", ""}}, nil},
		{"refers back", "Gunmen attacked the Port of Aden.\n\nThe attack was claimed by AQAP.",
			[]want{{"responsibility", "AQAP", port, "", ""}}, nil},
		{"unknown", "Gunmen killed 5 people on Tuesday.", []want{{"deaths", "5", TodoEvent, "", ""}}, nil},
		{"anniversary of another event", "The bomb, set off on the first anniversary of the Mosul checkpoint attack, killed 12 at the Aden central market.",
			[]want{{"deaths", "12", market, "", ""}}, nil},
		{"possessive is not a verb", "Reports of an attack at the Aden central market in mid May 2023 show the Islamic State’s reach.",
			[]want{{"date", "mid May 2023", market, "-", ""}}, nil},
		{"two events in one sentence", "A bomb in Mosul killed 8 in September 2022, and a bomb at the Aden central market in May 2023 killed 23.",
			[]want{{"deaths", "8", mosul, "", ""}, {"deaths", "23", market, "", ""}}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := propose(t, tc.text)
			for _, w := range tc.want {
				found := false
				for _, c := range res.Claims {
					found = found || w.matches(c)
				}
				if !found {
					t.Errorf("want %s; got:%s", w, listClaims(res.Claims))
				}
			}
			for _, n := range tc.not {
				for _, c := range res.Claims {
					if n == "*" || c.Property+" "+c.Value == n {
						t.Errorf("unwanted %s %q; got:%s", c.Property, c.Value, listClaims(res.Claims))
					}
				}
			}
			for _, c := range res.Claims {
				if !strings.Contains(tc.text, c.Quote) || !strings.Contains(c.Quote, c.Value) {
					t.Errorf("%s %q: quote %q is not verbatim or does not carry the value", c.Property, c.Value, c.Quote)
				}
			}
		})
	}
}

// TestNotCasualtyFigures: furniture, and numbers that count nothing a
// fact-checker tracks, propose nothing.
func TestNotCasualtyFigures(t *testing.T) {
	for _, text := range []string{
		// page furniture
		"To view or add a comment, sign in",
		"RECOMMEND:\n\n17",
		"Share this article: 23 people killed in Aden bombing",
		"0\n498",
		"Author:",
		"AP photo of the Aden bombing that killed 23 people",
		"Gunmen at the Port of Aden killed 6 guards on June 20, 2023. Image source",
		"The Aden central market after the blast that killed 23 (above).",
		"Related: Aden bombing kills 23",
		// numbers that are not casualty figures
		"Call +44 20 7946 0958 for details of the Aden bombing victims.",
		"In 2023 the group carried out the Aden bombing.",
		"See page 3 of 12 for the list of those killed in the Aden bombing.",
		"The Aden bombing came on the fourth anniversary of the attack.",
		"Within a 24-hour period, the group had claimed more than 30 different operations.",
		"The victims of the Aden bombing were aged 25 to 40.",
		"A 25-year-old man was killed in the Aden bombing.",
		"Some 40 percent of those killed in the Aden bombing were children.",
		"The Aden bombing happened 14 hours after the warning.",
		"The concert hall near the Port of Aden had around 6,000 attendees.",
		"Four men entered the Port of Aden.",
		"ISKP attacks in Pakistan killed dozens at a time.",
	} {
		res := propose(t, text)
		for _, c := range res.Claims {
			if fam := c.Property; fam == "deaths" || fam == "injured" || fam == "perpetrators" || fam == "arrested" || strings.HasPrefix(fam, "deaths-") {
				t.Errorf("%q: proposed %s %q (%s)", text, c.Property, c.Value, c.Why)
			}
		}
	}
}

func TestSourceBlock(t *testing.T) {
	tests := []struct {
		name, text            string
		title, published, why string
	}{
		{"dotted date line", "17 May 2024\n\nFriday, 16:12\n\nWHO IS THEIR FOE?\n\nISIS-Khorasan as a new nightmare\n\nAuthor:\n\n15.04.2024\n\nText.",
			"ISIS-Khorasan as a new nightmare", "2024-04-15", "read day first"},
		{"written date line", "\"Aden bombing: what we know\"\nJanuary 4, 2024\nBy Jane Doe\n\nThe Aden bombing killed 23.",
			"Aden bombing: what we know", "2024-01-04", "line 2"},
		{"no date line", "Aden bombing\n\nOn May 14, 2023, a bomb exploded at the Aden central market.",
			"Aden bombing", "", "2023-05-14"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := propose(t, tc.text).Source
			if s.Title != tc.title || s.Published != tc.published || !strings.Contains(s.PublishedWhy, tc.why) {
				t.Errorf("got title %q, published %q (%s); want %q, %q (…%s…)", s.Title, s.Published, s.PublishedWhy, tc.title, tc.published, tc.why)
			}
		})
	}
	s := propose(t, "An article by Jane Doe@ Aden Times\n\nThe Aden bombing killed 23.").Source
	if s.Author != "Jane Doe" || s.Outlet != "Aden Times" {
		t.Errorf("byline: got author %q, outlet %q", s.Author, s.Outlet)
	}
}

// TestPublishedAnchorsDates: with a date line, a year-less date is placed
// by it and matched to the event by its full date.
func TestPublishedAnchorsDates(t *testing.T) {
	res := propose(t, "Attack\n\n2023-05-20\n\nA bomb exploded at the market on May 14, killing 23.")
	for _, c := range res.Claims {
		if c.Property == "date" && c.Value == "May 14" && c.Event == "aden-market-bombing-2023" {
			return
		}
	}
	t.Errorf("want date \"May 14\" of aden-market-bombing-2023; got:%s", listClaims(res.Claims))
}

// TestDraftLints: a draft of an article using every family, saved in a
// corpus with the fixture vocabulary and the article, parses as TOML and
// lints with no problems but the deliberate TODO markers.
func TestDraftLints(t *testing.T) {
	article := strings.Join([]string{
		"Aden bombing: the toll rises",
		"",
		"May 16, 2023",
		"",
		"To view or add a comment, sign in",
		"",
		"The blast at the Aden central market on May 14, 2023 killed 23 people and wounded 41 others, officials said.",
		"AQAP claimed responsibility for the Aden bombing, which was reportedly carried out by two Yemeni gunmen.",
		"Officials blamed Al-Shabaab and the United States for the Aden bombing.",
		"Police detained 14 suspects after the attack on the Port of Aden last Tuesday.",
		"A car bomb killed 9 people in Basra.",
		"The Interior Minister said that \"at least 40\" had died \\ \t in the Aden bombing.",
	}, "\n")
	res := propose(t, article)
	if len(res.Claims) < 10 {
		t.Fatalf("want at least 10 proposals; got:%s", listClaims(res.Claims))
	}
	out := res.TOML(Layout{Article: "texts/aden.txt", Text: "../texts/aden.txt"})
	var m map[string]any
	if _, err := toml.Decode(string(out), &m); err != nil {
		t.Fatalf("not TOML: %v\n%s", err, out)
	}
	dir := t.TempDir()
	for _, sub := range []string{"vocabulary", "sources", "texts"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	vocabulary, err := os.ReadFile("testdata/vocab/vocabulary.toml")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"vocabulary/vocabulary.toml": vocabulary,
		"texts/aden.txt":             []byte(article),
		"sources/aden.toml":          out,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	problems := lintProblems(t, dir)
	for _, p := range problems {
		t.Errorf("%s", p)
	}
	if len(problems) > 0 {
		t.Logf("draft:\n%s", out)
	}
}

func TestInputErrors(t *testing.T) {
	l := loadFixture(t)
	for name, text := range map[string][]byte{
		"binary":      {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0},
		"invalid":     []byte("The Aden bombing killed 23 \xff\xfe people."),
		"controls":    []byte(strings.Repeat("\x01\x02\x03abc", 100)),
		"not latin-1": []byte("caf\xe9"),
	} {
		_, err := Propose(text, l.Vocab, Options{})
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: want an InputError, got %v", name, err)
		}
	}
	_, err := Propose([]byte("caf\xe9 au lait\nline two \xff"), l.Vocab, Options{})
	if err == nil || !strings.Contains(err.Error(), "line 1, column 4") {
		t.Errorf("invalid UTF-8: want its line and column, got %v", err)
	}
	for name, text := range map[string]string{
		"empty":        "",
		"blank":        "\n\n   \n\t\n",
		"no sentences": "aden bombing killed 23 people and wounded 41 more but there is no capital letter or full stop anywhere",
		"one word":     "Aden",
	} {
		res, err := Propose([]byte(text), l.Vocab, Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var m map[string]any
		if _, err := toml.Decode(string(res.TOML(Layout{Article: name})), &m); err != nil {
			t.Errorf("%s: not TOML: %v", name, err)
		}
	}
}

// TestLargeInput: a 5 MB article (the seeds repeated, and one without a
// single line break or full stop) is drafted in bounded time and proposes
// at most MaxClaims.
func TestLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	l := loadFixture(t)
	var seeds []byte
	files, _ := filepath.Glob(filepath.Join(bundled, "texts", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, data...)
		seeds = append(seeds, '\n')
	}
	seeds = append(seeds, []byte("The Aden bombing killed 23 people and wounded 41 others at the Aden central market on May 14, 2023.\n")...)
	const size = 5 << 20
	inputs := map[string][]byte{
		"articles":    repeatTo(seeds, size),
		"one line":    repeatTo([]byte("killing 5 people and injuring 7 in Aden, according to officials, "), size),
		"numbers":     repeatTo([]byte("1 2, 3 "), size),
		"one word":    repeatTo([]byte("a"), size),
		"many dashes": repeatTo([]byte("twenty-"), size),
	}
	for name, text := range inputs {
		start := time.Now()
		res, err := Propose(text, l.Vocab, Options{Phrase: l.Options})
		took := time.Since(start)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		t.Logf("%s: %d bytes, %d claims (%d more left out) in %v", name, len(text), len(res.Claims), res.Dropped, took)
		if len(res.Claims) > DefaultMaxClaims {
			t.Errorf("%s: %d claims, more than %d", name, len(res.Claims), DefaultMaxClaims)
		}
		if took > 20*time.Second {
			t.Errorf("%s: took %v", name, took)
		}
		res.TOML(Layout{Article: name})
	}
}

func repeatTo(b []byte, n int) []byte {
	out := make([]byte, 0, n+len(b))
	for len(out) < n {
		out = append(out, b...)
	}
	return out
}

func TestTextRef(t *testing.T) {
	corpus := filepath.FromSlash("/c/claims")
	article := filepath.FromSlash("/c/claims/texts/a.txt")
	tests := []struct {
		article, out, text, hint string
	}{
		{article, filepath.FromSlash("/c/claims/sources/a.toml"), "../texts/a.txt", ""},
		{article, filepath.FromSlash("/c/claims/a.toml"), "texts/a.txt", ""},
		{article, "", "", "claims/sources, text = \"../texts/a.txt\""},
		{article, filepath.FromSlash("/tmp/a.toml"), "", "not inside the claims directory"},
		{filepath.FromSlash("/home/a.txt"), filepath.FromSlash("/c/claims/sources/a.toml"), "", "archive a copy under claims/texts"},
		{filepath.FromSlash("/c/claims-old/a.txt"), filepath.FromSlash("/c/claims/sources/a.toml"), "", "archive a copy"},
	}
	for _, tc := range tests {
		text, hint := TextRef(corpus, "claims", tc.article, tc.out)
		if text != tc.text || !strings.Contains(hint, tc.hint) {
			t.Errorf("TextRef(%q, %q): got %q, %q; want %q, …%s…", tc.article, tc.out, text, hint, tc.text, tc.hint)
		}
	}
}

// FuzzPropose: arbitrary bytes never panic, and whatever is drafted
// renders as TOML that parses.
func FuzzPropose(f *testing.F) {
	for _, s := range []string{
		"The Aden bombing killed 23 people and wounded 41 others, officials said.",
		"\"Title\"\n15.04.2024\n\nAQAP claimed responsibility for the Aden bombing on May 14, 2023.",
		"killing twenty-one- and -plus 5+ 1,00 1.5 million between 5 and",
		"Jan. 3rd, 2024 - 2024-13-45 last Friday 31 February",
		"\xff\x00",
		"a \"quote\\\" \u2028 \u007f",
		"İİİİ SOURCE » x\nREPUBLISHED FROM İİ UNDER y\nAN ARTICLE BY ſ@ K",
	} {
		f.Add([]byte(s))
	}
	l := loadFixture(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Propose(data, l.Vocab, Options{Phrase: l.Options})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error that is not an InputError: %v", err)
			}
			return
		}
		out := res.TOML(Layout{Article: "fuzz.txt"})
		var m map[string]any
		if _, err := toml.Decode(string(out), &m); err != nil {
			t.Fatalf("not TOML: %v\n%s", err, out)
		}
		for _, c := range res.Claims {
			if !strings.Contains(string(data), c.Quote) {
				t.Fatalf("quote %q is not in the text", c.Quote)
			}
		}
	})
}

// BenchmarkPropose drafts the five seed articles with the bundled
// vocabulary.
func BenchmarkPropose(b *testing.B) {
	l, err := load.Load(bundled)
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(bundled, "texts", "*.txt"))
	var texts [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, text := range texts {
			if _, err := Propose(text, l.Vocab, Options{Phrase: l.Options}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
