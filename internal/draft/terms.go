package draft

import (
	"fmt"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

func incidentIn(toks []token) string {
	for _, t := range toks {
		if t.kind == tWord && incidentWords[t.key] {
			return t.text
		}
	}
	return ""
}

// dateClaims proposes the dates of attacks: a date in a sentence about an
// attack, or the very date of the event the sentence is about. A date that
// only anchors something else ("since 2016", "a day after the
// explosions"), or is when something was reported ("on January 4, Irna
// ... reported"), is not the event's date.
func (d *drafter) dateClaims(w *view) {
	toks := w.toks
	for i, h := range w.dates {
		if !w.dateOK[i] {
			continue
		}
		if h.t0 > 0 && toks[h.t0-1].is("since", "until", "till", "by", "before", "after", "from", "between", "through", "to", "than", "following") {
			continue
		}
		if inAnchorClause(toks, h.t0) {
			continue
		}
		value := d.text[toks[h.t0].lo:toks[h.t1-1].hi]
		what := h.precision
		if h.precision == "relative" {
			what = "relative to publication"
		}
		// "On January 4, 2024, a day after the deadly explosions ..., IS
		// Khorasan claimed responsibility": a date opening a sentence about
		// a claim is the claim's, unless the attack comes between them ("On
		// May 14, a bomb exploded ..., and AQAP claimed responsibility").
		if id := d.props.ids[famClaimedOn]; id != "" && h.t0 <= 1 {
			if tr, at := claimTrigger(toks, h.t1); tr != "" && (anchorsOther(toks, h.t1) || incidentIn(toks[h.t1:at]) == "") {
				d.add(w, proposal{fam: famClaimedOn, a: h.t0, b: h.t1,
					why: fmt.Sprintf("%s: %q (%s) opens the sentence saying the attack was %q", id, value, what, tr)})
				continue
			}
		}
		if d.props.ids[famDate] == "" || anchorsOther(toks, h.t1) || reportedAfter(toks, h.t1) {
			continue
		}
		wh := w.whens[i]
		ch := d.eventOf(w, h.t0)
		fits := ch.event != "" && (wh.matches(d.event(ch.event)) || !wh.usable())
		if !wh.usable() && ch.event != "" {
			ch.why += fmt.Sprintf("; %q is read against the publication date, once it is filled in", value)
		}
		if ch.event != "" && !fits {
			// The sentence is about one event and the date is another's:
			// "after the 7th of October attack" in a sentence about Kerman.
			other, ok := d.resolve(signals{dates: []when{wh}, places: placesIn(w, h.t0)}, "date")
			switch {
			case ok && other.event != "":
				other.why = fmt.Sprintf("%q is the date of %s (the sentence is otherwise about %s): %s", value, other.event, ch.event, strings.TrimPrefix(other.why, "the date "))
				fits = true
			case ok && len(other.candidates) > 0:
				other.why = fmt.Sprintf("%q is not the date of %s, which the sentence is about; it fits several events", value, ch.event)
			default:
				other = choice{why: fmt.Sprintf("%q is not the date of %s, which the sentence is about, nor of any other known event", value, ch.event)}
			}
			ch = other
		}
		inc := w.incident()
		if inc == "" && !fits {
			continue
		}
		why := fmt.Sprintf("%s: %q (%s) in a sentence about an attack (%q)", d.props.ids[famDate], value, what, inc)
		if inc == "" {
			why = fmt.Sprintf("%s: %q (%s) is the date of %s", d.props.ids[famDate], value, what, ch.event)
		}
		d.add(w, proposal{fam: famDate, a: h.t0, b: h.t1, why: why, event: &ch})
	}
}

// inAnchorClause reports a date inside an opening "Following the collapse
// of the Afghan government in August 2021, ..." clause: the date of
// something the main clause happened after, unless an attack is named
// right before it ("After the attack on May 14, ...").
func inAnchorClause(toks []token, at int) bool {
	c := at
	for c > 0 && !toks[c-1].isPunct(",;:") {
		c--
	}
	if !toks[c].is("following", "after", "before", "since", "until", "amid") {
		return false
	}
	for k := max(c, at-4); k < at; k++ {
		if incidentWords[toks[k].key] {
			return false
		}
	}
	return true
}

// yearClaims proposes the year written into an event's name: "the 2021
// Kabul Airport attack". A year anywhere else is too often the year of
// something else ("since 2016", "founded in 2014") to propose.
func (d *drafter) yearClaims(w *view) {
	id := d.props.ids[famDate]
	if id == "" {
		return
	}
	for _, m := range w.mentions[vocab.EventClass] {
		k := m.t0 - 1
		if k < 0 || w.toks[k].kind != tNum || w.toks[k].suffix != "" {
			continue
		}
		if _, ok := yearAt(w.toks, k); !ok {
			continue
		}
		ch := choice{event: m.term, why: fmt.Sprintf("the year is part of the event's name, %q", m.text)}
		d.add(w, proposal{fam: famDate, a: k, b: k + 1, event: &ch,
			why: fmt.Sprintf("%s: %q (a year) names the event %q", id, w.toks[k].text, d.text[w.toks[k].lo:w.toks[m.t1-1].hi])})
	}
}

// anchorsOther reports a date followed by "a day after", "before the":
// the date of something else, placed relative to the event.
func anchorsOther(toks []token, end int) bool {
	for k := end; k < len(toks) && k < end+4; k++ {
		if toks[k].is("after", "before", "following", "since", "prior") {
			return true
		}
	}
	return false
}

// reportedAfter reports a speech verb after the date and before any word
// of an attack: "On April 2, Iranian media ... reported the apprehension".
func reportedAfter(toks []token, end int) bool {
	for k := end; k < len(toks) && k < end+30; k++ {
		t := toks[k]
		if t.kind != tWord {
			continue
		}
		if incidentWords[t.key] {
			return false
		}
		if speechVerbs[t.key] && !claimVerbs[t.key] {
			return true
		}
	}
	return false
}

var responsibilityNouns = set("responsibility", "credit")

var claimingVerbs = set("claimed", "claiming", "claims", "claim", "assumed", "assuming", "assumes",
	"took", "taking", "takes", "accepted", "accepting", "accepts")

var incidentNouns = set("attack", "attacks", "bombing", "bombings", "blast", "blasts", "explosion",
	"explosions", "shooting", "massacre", "assault", "strike", "strikes")

// claimTrigger finds "claimed responsibility", "claimed credit" or
// "claimed the attack" at or after toks[from], returning its words and
// where it starts.
func claimTrigger(toks []token, from int) (string, int) {
	for k := from; k < len(toks); k++ {
		if n := claimAt(toks, k); n > 0 {
			return wordsText(toks, k, k+n), k
		}
	}
	return "", 0
}

// claimAt reports how many tokens a claim of responsibility takes at k.
func claimAt(toks []token, k int) int {
	if !claimingVerbs[toks[k].key] || toks[k].kind != tWord {
		return 0
	}
	j := k + 1
	if j < len(toks) && toks[j].is("the", "a", "an", "this") {
		j++
	}
	if j < len(toks) && responsibilityNouns[toks[j].key] {
		return j + 1 - k
	}
	if toks[k].is("claimed", "claiming", "claims", "claim") && j < len(toks) && j > k+1 && incidentNouns[toks[j].key] {
		return j + 1 - k
	}
	return 0
}

var placePrepositions = set("in", "at", "near", "inside", "outside", "into", "on", "onto", "across", "within", "around")

// places proposes where an attack happened: a place of the vocabulary
// after "in", "at", "near" and the like (or a possessive: "Moscow's Crocus
// City Hall") in a sentence about an attack; a place named in an event's
// name ("the 2021 Kabul Airport attack"); or a place that agrees with the
// event the sentence is about ("four men entered Moscow's Crocus City
// Hall", in a paragraph about that attack). A country is proposed only for
// a known event that lies in it and when the sentence names no finer place:
// "attacks in Afghanistan and Pakistan" is not about one event.
func (d *drafter) places(w *view) {
	id := d.props.ids[famPlace]
	if id == "" {
		return
	}
	inc := w.incident()
	proposed := map[int]bool{} // clauses with a place proposed
	for _, m := range w.mentions[vocab.PlaceClass] {
		intro := placeIntro(w.toks, m)
		var why string
		switch {
		case within(m, w.mentions[vocab.EventClass]):
			why = "is named in the event's name"
		case intro != "" && inc != "":
			why = fmt.Sprintf("%s, in a sentence about an attack (%q)", intro, inc)
		default:
			ch := d.eventOf(w, m.t0)
			if ch.event == "" {
				continue
			}
			// Without a preposition only the event's very place: "the
			// deputy governor of Kerman province" says whose governor, not
			// where the bombing was.
			e := d.event(ch.event)
			if e.place == "" || !(e.place == m.term || intro != "" && (d.v.Within(e.place, m.term) || d.v.Within(m.term, e.place))) {
				continue
			}
			why = fmt.Sprintf("agrees with where %s took place (%s)", ch.event, d.v.Name(e.place))
		}
		ci := w.clauseAt(m.t0)
		d.add(w, proposal{fam: famPlace, a: m.t0, b: m.t1, event: d.placeEvent(w, w.clauses[ci], m),
			why: fmt.Sprintf("%s: %q (%s) %s", id, m.text, d.v.Name(m.term), why)})
		proposed[ci] = true
	}
	if inc == "" {
		return
	}
	for _, m := range w.mentions[vocab.CountryClass] {
		if proposed[w.clauseAt(m.t0)] {
			continue
		}
		ch := d.eventOf(w, m.t0)
		if ch.event == "" {
			continue
		}
		// A country says nothing new about an event the vocabulary
		// already places more finely.
		e := d.event(ch.event)
		intro := placeIntro(w.toks, m)
		if intro == "" || !(e.place == "" || e.place == m.term) {
			continue
		}
		d.add(w, proposal{fam: famPlace, a: m.t0, b: m.t1,
			why: fmt.Sprintf("%s: %q %s, in a sentence about %s", id, m.text, intro, ch.event)})
	}
}

// placeEvent is the event of a place claim. When the sentence is about an
// event elsewhere ("The Kerman blast follows two other recent attacks on
// the Shahcheragh shrine in Shiraz, Iran, in October 2022 and August
// 2023"), the place and the clause's dates pick the event instead. When no
// known event happened there, the sentence's event stays: the source may
// place it wrongly, which is what crosscheck is for.
func (d *drafter) placeEvent(w *view, cl clause, m mention) *choice {
	ch := d.eventOf(w, m.t0)
	if ch.event == "" {
		return nil
	}
	e := d.event(ch.event)
	if e.place == "" || d.v.Within(e.place, m.term) || d.v.Within(m.term, e.place) {
		return nil
	}
	other, ok := d.resolve(signals{places: []mention{m}, dates: cl.sig.dates}, "place")
	switch {
	case ok && other.event != "":
		other.why = fmt.Sprintf("%s happened at %q (the sentence is otherwise about %s); %s", other.event, m.text, ch.event, strings.TrimPrefix(other.why, "the place "))
	case ok && len(other.candidates) > 0:
		other.why = fmt.Sprintf("%s did not happen at %q; %s", ch.event, m.text, strings.TrimPrefix(other.why, "the place "))
	default:
		ch.why += fmt.Sprintf("; note that the vocabulary places %s at %s, not at %q: check the source, as this claim will conflict with others", ch.event, d.v.Name(e.place), m.text)
		return &ch
	}
	return &other
}

func within(m mention, outer []mention) bool {
	for _, o := range outer {
		if m.t0 >= o.t0 && m.t1 <= o.t1 {
			return true
		}
	}
	return false
}

// placesIn lists the places of the clause holding toks[at].
func placesIn(w *view, at int) []mention {
	return w.clauses[w.clauseAt(at)].sig.places
}

func placeIntro(toks []token, m mention) string {
	if placePrepositions[toks[m.t0].key] {
		return "says where itself" // "near the grave of Qasem Soleimani"
	}
	k := m.t0 - 1
	if k >= 0 && toks[k].kind == tWord && (strings.HasSuffix(toks[k].text, "’s") || strings.HasSuffix(toks[k].text, "'s")) {
		return fmt.Sprintf("after %q", toks[k].text)
	}
	if k >= 0 && toks[k].is("the", "a", "an", "downtown", "central", "northern", "southern", "eastern", "western") {
		k--
	}
	if k >= 0 && placePrepositions[toks[k].key] {
		return fmt.Sprintf("after %q", toks[k].text)
	}
	return ""
}

var perpetratorNouns = set("perpetrators", "perpetrator", "attackers", "attacker", "bombers",
	"bomber", "gunmen", "gunman", "assailants", "assailant", "suspects", "suspect", "members",
	"member", "militants", "militant", "nationals", "national", "recruits", "recruit",
	"terrorists", "men", "man", "jihadists", "jihadist", "operatives", "operative",
	"shooters", "shooter", "detainees")

// nationalities proposes the nationality of attackers (or of the people
// arrested): a nationality of the vocabulary describing a perpetrator
// noun ("two Tajik ISIS-K members", "Tajik perpetrators", "men of Central
// Asian descent", "Tajiks identified among the assailants") in a sentence
// about an attack or an arrest. Victims' nationalities ("13 American
// soldiers") are left alone.
func (d *drafter) nationalities(w *view) {
	id := d.props.ids[famNationality]
	if id == "" || w.incident() == "" {
		return
	}
	toks := w.toks
	for _, m := range w.mentions[vocab.NationalityClass] {
		why := ""
		k := " " + textnorm.Key(m.text) + " "
		switch {
		case strings.Contains(k, " nationals ") || strings.Contains(k, " national ") || strings.Contains(k, " descent "):
			why = fmt.Sprintf("%q names them", m.text)
		default:
			if n := perpAfter(toks, m.t1); n != "" {
				why = fmt.Sprintf("%q describes %q", m.text, n)
			}
		}
		if why == "" {
			continue
		}
		d.add(w, proposal{fam: famNationality, a: m.t0, b: m.t1, why: fmt.Sprintf("%s: %s", id, why)})
	}
}

// perpAfter finds a perpetrator noun within a few words after k, or in
// "identified among the assailants".
func perpAfter(toks []token, k int) string {
	for n := 0; k < len(toks) && n <= 3; k++ {
		t := toks[k]
		if t.isDash() && t.glued {
			continue
		}
		if t.kind != tWord {
			return ""
		}
		if perpetratorNouns[t.key] && !(t.glued && k > 0 && toks[k-1].isDash()) {
			return t.text
		}
		if t.is("among") && k+2 < len(toks) && toks[k+1].is("the") && perpetratorNouns[toks[k+2].key] {
			return wordsText(toks, k, k+3)
		}
		if stopWords[t.key] && !t.is("were", "are") {
			return ""
		}
		n++
	}
	return ""
}

var blameVerbs = set("blamed", "blaming", "blame", "blames")

var pointVerbs = set("pointing", "pointed", "point", "points")

var holdVerbs = set("held", "hold", "holds", "holding")

var byVerbs = set("perpetrated", "orchestrated", "committed", "masterminded", "claimed", "staged", "executed")

var actVerbs = set("killed", "attacked", "bombed", "executed", "orchestrated", "perpetrated", "staged", "carried", "massacred")

// actObject reports whether the verb at k acts on an attack: "killed 15
// people", "executed a terrorist strike", "carried it out"; not "killed by
// a U.S. airstrike" (passive) nor "executed 1,329 operations".
func actObject(toks []token, k int) bool {
	if k+1 >= len(toks) || toks[k+1].is("by") {
		return false
	}
	if toks[k].is("killed", "massacred") {
		return true
	}
	determined := false
	for j := k + 1; j < len(toks) && j <= k+4; j++ {
		t := toks[j]
		if t.is("it") {
			return true
		}
		if incidentNouns[t.key] {
			// "orchestrated terrorist attacks" is a habit, not one attack;
			// "the Kerman bombings" or "a terrorist strike" is one.
			return determined || !strings.HasSuffix(t.key, "s")
		}
		if t.kind != tWord {
			return false
		}
		determined = determined || t.is("the", "a", "an", "this", "that", "these", "those", "both", "twin") || t.kind == tNum || phrase.IsNumberWord(t.text)
	}
	return false
}

// genericObject reports a claim of responsibility for attacks in general:
// "claimed responsibility for the majority of recent terrorist incidents".
func genericObject(toks []token, k int) bool {
	if k < len(toks) && toks[k].is("for") {
		k++
	}
	if k < len(toks) && toks[k].is("the") {
		k++
	}
	if k < len(toks) && toks[k].is("all") {
		// "all three episodes" names them; "all attacks" does not.
		return !(k+1 < len(toks) && (toks[k+1].kind == tNum || phrase.IsNumberWord(toks[k+1].text)))
	}
	return k < len(toks) && toks[k].is("majority", "most", "many", "numerous", "several", "dozens", "hundreds", "scores", "series", "multiple", "countless")
}

var modals = set("would", "could", "might", "may", "will", "to", "not", "should", "can", "never")

// responsibility proposes who was behind an attack: a group's claim
// ("IS-K claimed responsibility", "claimed by the ISKP"; attributed to
// the claimant, hedged "claimed"), an accusation ("officials pointing
// fingers at Israel and the United States", "blamed the attack on ...";
// attributed to the accuser), or the article's own statement ("carried out
// by ..."). Hypotheticals ("Iran would blame ...") are skipped.
func (d *drafter) responsibility(w *view) {
	id := d.props.ids[famResponsibility]
	if id == "" {
		return
	}
	prop, _ := d.v.Property(id)
	var terms, claimants []mention
	for _, t := range prop.Terms {
		switch t {
		case "organisation":
			terms = append(terms, w.mentions[vocab.OrganisationClass]...)
			claimants = append(claimants, w.mentions[vocab.OrganisationClass]...)
		case "person":
			terms = append(terms, w.mentions[vocab.PersonClass]...)
			claimants = append(claimants, w.mentions[vocab.PersonClass]...)
		case "country":
			terms = append(terms, w.mentions[vocab.CountryClass]...)
		case "category":
			terms = append(terms, w.mentions[vocab.CategoryClass]...)
		}
	}
	sortMentions(terms)
	sortMentions(claimants)
	toks := w.toks
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.kind != tWord {
			continue
		}
		n := claimAt(toks, k)
		if n == 0 && t.is("claimed", "claims", "claim") {
			// "The Islamic State claimed the Kerman bombings"
			j := k + 1
			if j < len(toks) && toks[j].is("the") {
				j++
			}
			for _, m := range w.mentions[vocab.EventClass] {
				if m.t0 == j {
					n = m.t1 - k
				}
			}
		}
		if n > 0 {
			// The claimant is the nearest group named before the claim.
			a, b, ok := listBefore(toks, claimants, k)
			if ok && !genericObject(toks, k+n) {
				d.addTerms(w, id, a, b, fmt.Sprintf("claimed: %q", wordsText(toks, k, k+n)), true)
			}
			k += n - 1
			continue
		}
		if k+1 < len(toks) && toks[k+1].is("by") && (byVerbs[t.key] || t.is("out") && k > 0 && toks[k-1].is("carried", "carry", "carries", "carrying") || incidentNouns[t.key]) {
			if a, b, ok := listAt(toks, terms, k+2); ok {
				claimed := t.is("claimed")
				how := wordsText(toks, k, k+2)
				if t.is("out") {
					how = "carried out by"
				}
				if claimed {
					d.addTerms(w, id, a, b, fmt.Sprintf("claimed: %q", how), true)
				} else {
					d.addTerms(w, id, a, b, fmt.Sprintf("%q", how), false)
				}
			}
			continue
		}
		// "an IS-affiliated group killed 15 people", "IS-K executed a
		// terrorist strike", "ISIS carried it out": the article's own
		// statement of who did it.
		if actVerbs[t.key] && actObject(toks, k) {
			if a, b, ok := listBefore(toks, claimants, k); ok && b == k-1 {
				d.addTerms(w, id, a, b, fmt.Sprintf("%q is the subject of %q", d.text[toks[a].lo:toks[b].hi], t.text), false)
				continue
			}
		}
		if k > 0 && modals[toks[k-1].key] {
			continue
		}
		var at int
		switch {
		case blameVerbs[t.key]:
			at = k + 1
			if at < len(toks) && toks[at].is("on") {
				at++ // "blamed on Israel"
			} else if _, _, ok := listAt(toks, terms, at); !ok {
				// "blamed the attack on Israel"
				for j := at; j < len(toks) && j < at+5; j++ {
					if toks[j].is("on") {
						at = j + 1
						break
					}
				}
			}
		case pointVerbs[t.key]:
			j := k + 1
			if j < len(toks) && toks[j].is("the", "a") {
				j++
			}
			if j+1 < len(toks) && toks[j].is("fingers", "finger") && toks[j+1].is("at") {
				at = j + 2
			}
		case holdVerbs[t.key]:
			if _, b, ok := listAt(toks, terms, k+1); ok && b+1 < len(toks) && toks[b+1].is("responsible") {
				at = k + 1
			}
		}
		if at == 0 {
			continue
		}
		a, b, ok := listAt(toks, terms, at)
		if !ok {
			continue
		}
		// An accusation is the accuser's, and no one's when the sentence
		// does not say whose: never the sentence's other speaker.
		how := wordsText(toks, k, at)
		pr := &attribution{}
		if s, e, ok := d.subjectBefore(toks, k, claimants); ok {
			who := d.text[toks[s].lo:toks[e-1].hi]
			pr = &attribution{who: who, how: fmt.Sprintf("%q", who+" "+how)}
		}
		d.addTermsAttributed(w, id, a, b, fmt.Sprintf("blamed: %q", how), pr)
		k = b
	}
}

func sortMentions(ms []mention) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].t0 < ms[j].t0 })
}

// listAt finds names of the vocabulary starting at toks[at] (after an
// optional "the"), joined by commas, "and", "or" or "&", and returns the
// tokens [a, b] they span. ms must be sorted.
func listAt(toks []token, ms []mention, at int) (int, int, bool) {
	if at < len(toks) && toks[at].is("the") {
		at++
	}
	first := sort.Search(len(ms), func(i int) bool { return ms[i].t0 >= at })
	if first == len(ms) || ms[first].t0 != at {
		return 0, 0, false
	}
	a, b := ms[first].t0, ms[first].t1-1
	for i := first + 1; i < len(ms); i++ {
		gap := ms[i].t0 - b - 1
		ok := gap >= 1 && gap <= 3
		for j := b + 1; ok && j < ms[i].t0; j++ {
			ok = toks[j].is("and", "or", "the") || toks[j].isPunct(",&")
		}
		if !ok {
			break
		}
		b = ms[i].t1 - 1
	}
	return a, b, true
}

// listBefore finds the name of the vocabulary closest before toks[k],
// within a few words and not across a semicolon. ms must be sorted.
func listBefore(toks []token, ms []mention, k int) (int, int, bool) {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].t1 > k }) - 1
	if i < 0 || k-ms[i].t1 > 12 {
		return 0, 0, false
	}
	for j := ms[i].t1; j < k; j++ {
		if toks[j].isPunct(";") {
			return 0, 0, false
		}
	}
	return ms[i].t0, ms[i].t1 - 1, true
}

// addTerms proposes a responsibility claim over tokens [a, b]; a claim by
// the group itself is attributed to it and hedged "claimed".
func (d *drafter) addTerms(w *view, id string, a, b int, how string, claim bool) {
	if claim {
		who := d.text[w.toks[a].lo:w.toks[b].hi]
		d.addTermsAttributed(w, id, a, b, how, &attribution{who: who, how: "the claim is its own"})
		return
	}
	d.addTermsAttributed(w, id, a, b, how, nil)
}

func (d *drafter) addTermsAttributed(w *view, id string, a, b int, how string, att *attribution) {
	value := d.text[w.toks[a].lo:w.toks[b].hi]
	r, err := d.v.Read(reconcile.Category, id, value)
	if err != nil {
		return
	}
	var names []string
	for _, t := range r.Terms {
		names = append(names, d.v.Name(t))
	}
	pr := proposal{fam: famResponsibility, a: a, b: b + 1, attribute: att,
		why: fmt.Sprintf("%s: %q (%s), %s", id, value, strings.Join(names, "; "), how)}
	if strings.HasPrefix(how, "claimed") {
		pr.hedge = "claimed"
	}
	d.add(w, pr)
}
