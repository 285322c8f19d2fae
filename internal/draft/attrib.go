package draft

import (
	"fmt"

	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

var speechVerbs = set("said", "says", "say", "told", "tells", "reported", "reports",
	"indicated", "indicates", "announced", "announces", "stated", "states", "confirmed",
	"confirms", "added", "adds", "noted", "notes", "declared", "declares", "wrote", "writes",
	"revealed", "reveals", "posits", "posited", "insisted", "insists", "estimated",
	"estimates", "quoted", "mentioned", "mentions", "claimed", "claims", "claiming", "alleged",
	"alleges", "warned", "warns")

// claimVerbs report speech only before a clause ("ISIS claims had carried
// out the attack"); "claimed responsibility" or "claimed the lives" are
// other things.
var claimVerbs = set("claimed", "claims", "claiming", "alleged", "alleges")

var clauseStarts = set("that", "had", "has", "have", "was", "were", "is", "are", "it", "they", "he", "she", "to")

// speakerNouns make a subject someone who can be quoted.
var speakerNouns = set("minister", "ministry", "official", "officials", "spokesman",
	"spokeswoman", "spokesperson", "agency", "media", "sources", "source", "police",
	"governor", "authorities", "authority", "government", "president", "witness",
	"witnesses", "investigators", "statement", "report", "reports", "news", "army",
	"military", "prosecutor", "prosecutors", "commander", "group", "analyst", "analysts",
	"expert", "experts", "researcher", "officer", "officers", "tv", "television",
	"newspaper", "outlet", "channel", "ministers", "court", "judge", "mayor", "coroner",
	"doctors", "hospital", "officials", "observers", "monitors", "reporters", "correspondent")

// subjectStops end a subject when walking back from its verb.
var subjectStops = set("that", "and", "but", "while", "after", "as", "although", "when",
	"which", "who", "however", "despite", "because", "since", "if", "whereas", "so",
	"though", "where", "whom", "before", "until", "unless", "whether")

var pronouns = set("he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those", "one", "someone", "some", "others")

// attribution is whom a sentence says it reports.
type attribution struct {
	who string
	how string
}

// attributionOf finds who a sentence quotes: "according to X", "as
// reported by X", "X said/reported/indicated ...", "..., said X", "X
// issued a statement ...".
func (d *drafter) attributionOf(text string, toks []token, mentions []mention) attribution {
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.kind != tWord {
			continue
		}
		switch {
		case t.is("according") && k+1 < len(toks) && toks[k+1].is("to"):
			if a, b := nounPhraseAfter(toks, k+2); b > a {
				who := text[toks[a].lo:toks[b-1].hi]
				return attribution{who: who, how: fmt.Sprintf("%q", "according to "+who)}
			}
		case t.is("by") && k > 0 && toks[k-1].is("reported", "cited", "quoted", "announced"):
			if a, b := nounPhraseAfter(toks, k+1); b > a {
				who := text[toks[a].lo:toks[b-1].hi]
				return attribution{who: who, how: fmt.Sprintf("%q", toks[k-1].text+" by "+who)}
			}
		case t.is("issued", "released", "published") && k+2 < len(toks) && toks[k+1].is("a", "an") && toks[k+2].is("statement"):
			if a, b, ok := d.subjectBefore(toks, k, mentions); ok {
				who := text[toks[a].lo:toks[b-1].hi]
				return attribution{who: who, how: fmt.Sprintf("%q", who+" "+wordsText(toks, k, k+3))}
			}
		case speechVerbs[t.key]:
			if claimVerbs[t.key] && !(k+1 < len(toks) && clauseStarts[toks[k+1].key]) {
				continue
			}
			if a, b, ok := d.subjectBefore(toks, k, mentions); ok {
				who := text[toks[a].lo:toks[b-1].hi]
				gap := " "
				if b < k {
					gap = " ... "
				}
				return attribution{who: who, how: fmt.Sprintf("%q", who+gap+t.text)}
			}
			// "..., said Ahmad Vahidi."
			if k > 0 && (toks[k-1].isPunct(",") || isCloser(toks[k-1])) {
				if a, b := nounPhraseAfter(toks, k+1); b > a && toks[a].upper && (b == len(toks) || toks[b].isPunct(",.;")) {
					who := text[toks[a].lo:toks[b-1].hi]
					return attribution{who: who, how: fmt.Sprintf("%q", t.text+" "+who)}
				}
			}
		}
	}
	return attribution{}
}

// subjectBefore finds the subject of the verb at toks[k], as tokens
// [a, b): the words back to the start of its clause, if they name someone
// who can be quoted. An apposition or an aside is skipped: in "Irna, the
// government news agency, reported" the subject is "Irna".
func (d *drafter) subjectBefore(toks []token, k int, mentions []mention) (int, int, bool) {
	a := clauseStart(toks, k)
	if a >= k && k >= 2 && toks[k-1].isPunct(",") {
		// "Iranian media, referencing local security agencies, reported":
		// the subject is before the aside.
		aside := clauseStart(toks, k-1)
		if aside > 1 && aside < k-1 && k-1-aside <= 8 && toks[aside-1].isPunct(",") {
			k, a = aside-1, clauseStart(toks, aside-1)
		}
	}
	if a >= k || k-a > 7 {
		return 0, 0, false
	}
	// "Irna, the government news agency, reported", "Ali Afshari, a
	// political analyst and human rights activist ..., says": a name
	// followed by a description of it is the subject.
	c := a
	for c > 0 && a-c < 20 && !toks[c-1].isPunct(",") {
		c--
	}
	if c >= 2 && c < len(toks) && toks[c].is("the", "a", "an") {
		b := clauseStart(toks, c-1)
		if c-1-b >= 1 && c-1-b <= 4 && allCapitalised(toks[b:c-1]) {
			return b, c - 1, true
		}
	}
	// A leading adverb or conjunction is not part of the subject.
	for a < k && (stopWords[toks[a].key] && !toks[a].is("the", "a", "an")) {
		a++
	}
	if a >= k || pronouns[toks[a].key] && k-a == 1 {
		return 0, 0, false
	}
	// Someone who can be quoted: an official or a medium ("Iranian media
	// sources"), a proper name ("Aaron adds"), or a known organisation,
	// person or country.
	for i := a; i < k; i++ {
		if speakerNouns[toks[i].key] || toks[i].upper && i > 0 {
			return a, k, true
		}
	}
	if allCapitalised(toks[a:k]) {
		return a, k, true
	}
	for _, m := range mentions {
		if m.t0 >= a && m.t1 <= k && (m.class == vocab.OrganisationClass || m.class == vocab.PersonClass || m.class == vocab.CountryClass) {
			return a, k, true
		}
	}
	return 0, 0, false
}

// clauseStart walks back from toks[k] to the first token of its clause.
func clauseStart(toks []token, k int) int {
	a := k
	for a > 0 && k-a < 40 {
		p := toks[a-1]
		if p.kind == tPunct && !(p.glued && (p.isDash() || p.text == ".")) {
			break
		}
		// "so-called" is a compound, not the conjunction "so".
		if p.kind == tWord && subjectStops[p.key] && !(a < len(toks) && toks[a].glued && toks[a].isDash()) {
			break
		}
		a--
	}
	return a
}

func allCapitalised(toks []token) bool {
	for _, t := range toks {
		if t.kind == tWord && !t.upper {
			return false
		}
	}
	return len(toks) > 0
}

// nounPhraseAfter is the name or noun phrase starting at toks[a]: words
// up to a clause boundary, at most eight.
func nounPhraseAfter(toks []token, a int) (int, int) {
	b := a
	for b < len(toks) && b-a < 8 {
		t := toks[b]
		if t.kind == tPunct && !(t.glued && (t.isDash() || t.text == ".")) {
			break
		}
		if t.kind == tWord && (subjectStops[t.key] || speechVerbs[t.key] || t.is("on", "in", "at", "for", "with", "on", "to")) {
			break
		}
		b++
	}
	for b > a && toks[b-1].kind == tPunct {
		b--
	}
	return a, b
}

// hedgeBefore finds "reportedly" or "purportedly" among the few words
// before a value, within its sentence.
func hedgeBefore(toks []token, at int) string {
	for k := at - 1; k >= 0 && k >= at-10; k-- {
		switch {
		case toks[k].is("reportedly"):
			return "reportedly"
		case toks[k].is("purportedly", "allegedly"):
			return "purportedly"
		case toks[k].isPunct(";:"):
			return ""
		}
	}
	return ""
}
