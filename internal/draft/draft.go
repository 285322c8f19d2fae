// Package draft proposes claims from an article's plain text, for a person
// to review: casualty and other counts tied to what they count, dates,
// places, perpetrators' nationalities and who was held responsible, each
// with the article's own words as its value and the whole sentence that
// carries it as its quote. It works from the text, the corpus's vocabulary
// and crosscheck's value readers alone: no network, no model.
//
// It is pure: text and vocabulary in, proposals out. Reading files and
// deciding where the result goes is the command's business.
package draft

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// TodoEvent is the event of a claim whose event draft could not tell.
// It is not a valid event id (ids are lower case), so lint reports every
// such claim until a reviewer fills in the real one.
const TodoEvent = "TODO-event"

// TodoPublished stands for a publication date the text does not give;
// lint reports it until a reviewer fills it in.
const TodoPublished = "TODO"

// MaxInput bounds the article size, as the loader bounds archived texts.
const MaxInput = 64 << 20

// DefaultMaxClaims bounds the proposals from one article: more than this
// is no longer a draft a person can review.
const DefaultMaxClaims = 1000

// maxQuote is the longest quote proposed. A longer sentence is cut to the
// clause that carries the value, which still verifies: it is a verbatim
// piece of the text.
const maxQuote = 600

// Options tune a draft.
type Options struct {
	Phrase    phrase.Options // how count phrases are read (the corpus's settings)
	MaxClaims int            // 0 means DefaultMaxClaims
}

// Claim is one proposal.
type Claim struct {
	Event        string   // an event id, or TodoEvent
	Candidates   []string // events it may be about, when several fit
	Property     string
	Value        string // the article's words
	Quote        string // the sentence (or clause) carrying it, verbatim
	AttributedTo string
	Hedge        string
	// Why says what the value is and what tied it to its property;
	// EventWhy how the event was found (or why it was not); AttributionWhy
	// the words that name whom the sentence reports.
	Why            string
	EventWhy       string
	AttributionWhy string
	Line           int // of the quote in the article
}

// Source is what the text says about itself, for the [source] table.
// Each field's Why says where it came from.
type Source struct {
	Title, TitleWhy         string
	Published, PublishedWhy string // Published is "" when the text gives no date line
	Author, AuthorWhy       string // suggestions only
	Outlet, OutletWhy       string
}

// Result is a draft.
type Result struct {
	Source  Source
	Claims  []Claim
	Dropped int // proposals left out beyond Options.MaxClaims
	// Missing lists the facts not drafted because the vocabulary has no
	// property for them.
	Missing []string
	// Skipped counts paragraphs left out as page furniture, captions or
	// headings; Prose counts those read.
	Skipped, Prose int
}

// InputError is an article that cannot be drafted from, with why.
type InputError struct{ Reason string }

func (e *InputError) Error() string { return e.Reason }

// Check says why text cannot be an article, or returns nil. Archived texts
// must be UTF-8, or no quote drafted from them could verify.
func Check(text []byte) error {
	if len(text) > MaxInput {
		return &InputError{fmt.Sprintf("the text is larger than %d MiB; draft from the article's text, not a whole site or archive", MaxInput>>20)}
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return &InputError{fmt.Sprintf("the file looks binary (a NUL byte at offset %d); draft from the article's plain text (.txt)", i)}
	}
	if !utf8.Valid(text) {
		line, col := 1, 1
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && n <= 1 {
				return &InputError{fmt.Sprintf("the text is not valid UTF-8 (byte 0x%02x at line %d, column %d); save it as UTF-8, since quotes must match the archived text exactly", text[i], line, col)}
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			i += n
		}
	}
	control := 0
	for _, c := range text {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	if control > 0 && control*20 > len(text) {
		return &InputError{"the file looks binary (many control characters); draft from the article's plain text (.txt)"}
	}
	return nil
}

// Propose drafts claims from an article's text. The error is an
// *InputError when the text is not something to draft from (binary, not
// UTF-8, too large); an article with nothing to propose is a Result with no
// claims.
func Propose(text []byte, v *vocab.Vocabulary, o Options) (*Result, error) {
	if err := Check(text); err != nil {
		return nil, err
	}
	if v == nil {
		return nil, fmt.Errorf("draft needs a vocabulary")
	}
	if o.MaxClaims <= 0 {
		o.MaxClaims = DefaultMaxClaims
	}
	d := &drafter{text: string(text), v: v, opts: o, props: findProps(v), seen: map[string]bool{}, groups: map[string]string{}, pub: phrase.Unknown}
	respPrefix := ""
	if id := d.props.ids[famResponsibility]; id != "" {
		respPrefix = vocab.TermID(vocab.CategoryClass, id+"/")
	}
	d.gaz = newGazetteer(v, respPrefix)
	d.events = loadEvents(v)
	for f := range nFamilies {
		if d.props.ids[f] == "" {
			d.res.Missing = append(d.res.Missing, familyNames[f])
		}
	}
	paras := paragraphs(d.text)
	d.source(paras)
	for _, p := range paras {
		p.load(d.text)
		if p.skip != prose {
			d.res.Skipped++
		} else {
			d.res.Prose++
			d.paragraph(p)
		}
		p.unload()
	}
	if !d.pubKnown {
		d.res.Source.PublishedWhy = d.latest.describe()
	}
	return &d.res, nil
}

// latest is the latest full date a text gives, which its publication
// cannot precede: a hint when it has no date line.
type latest struct {
	day  int64
	text string
	line int
}

func (l latest) describe() string {
	if l.text == "" {
		return "the text gives no date line and no full date"
	}
	return fmt.Sprintf("the text gives no date line; the latest date it mentions is %q (line %d), so it was published on or after %s", l.text, l.line, reconcile.FormatDay(l.day))
}

var familyNames = [nFamilies]string{
	famDeaths: "deaths", famInjured: "injured", famPerpetrators: "number of perpetrators",
	famArrests: "arrests", famDate: "dates", famClaimedOn: "dates of claims of responsibility",
	famPlace: "places", famNationality: "perpetrators' nationalities", famResponsibility: "responsibility",
}

type drafter struct {
	text     string
	v        *vocab.Vocabulary
	opts     Options
	props    props
	gaz      *gazetteer
	events   []eventInfo
	pub      reconcile.Range
	pubKnown bool
	res      Result
	seen     map[string]bool
	groups   map[string]string // nationality → deaths sub-property, memoised
	// last is the event of the last paragraph that named anything, for
	// sentences that refer back to it.
	last   *choice
	latest latest
}

// view is one sentence with what was found in it, indexed from its first
// token.
type view struct {
	p        *paragraph
	s        sentence
	toks     []token
	mentions map[vocab.Class][]mention
	dates    []dateHit
	whens    []when
	dateOK   []bool
	// The event is looked for in the clause (when the sentence joins
	// several), then the sentence, then the paragraph.
	clauses []clause
	sig     signals
	para    *signals
	// prev is the event of the sentence before in the same paragraph,
	// which may settle what this one leaves open ("The January 3 bombing
	// was not the first time ..." after a sentence about Kerman).
	prev    string
	att     attribution
	attDone bool
	inc     *string // incidentIn(toks), once
	ref     *string // anaphor(toks), once
}

func (w *view) incident() string {
	if w.inc == nil {
		s := incidentIn(w.toks)
		w.inc = &s
	}
	return *w.inc
}

// clauseAt is the index of the clause holding toks[at].
func (w *view) clauseAt(at int) int {
	i := sort.Search(len(w.clauses), func(i int) bool { return w.clauses[i].t1 > at })
	return min(i, len(w.clauses)-1)
}

// clause is a main clause of a sentence: "twin suicide bombings at
// election rallies in Pakistan in July 2018 claimed the lives of at least
// 131 people, and twin bombings in downtown Kabul in July 2016 resulted in
// the deaths of 97" is about two events.
type clause struct {
	t0, t1 int
	sig    signals
	choice *choice
}

var classes = []vocab.Class{vocab.EventClass, vocab.PlaceClass, vocab.CountryClass, vocab.NationalityClass, vocab.OrganisationClass, vocab.PersonClass, vocab.CategoryClass}

func (d *drafter) paragraph(p *paragraph) {
	all := map[vocab.Class][]mention{}
	for _, c := range classes {
		all[c] = d.gaz.find(c, d.text, p.toks)
	}
	dates := findDates(p.toks)
	whens := make([]when, len(dates))
	ok := make([]bool, len(dates))
	for i, h := range dates {
		text := d.text[p.toks[h.t0].lo:p.toks[h.t1-1].hi]
		whens[i], ok[i] = d.readDate(h, text)
		if ok[i] && whens[i].known && h.year != 0 && h.day != 0 && whens[i].days.Min > d.latest.day {
			d.latest = latest{day: whens[i].days.Min, text: text, line: p.lineOf(p.toks[h.t0].lo)}
		}
	}
	psig := signalsIn(p.toks, all, dates, whens, ok, 0, len(p.toks))
	if !psig.empty() {
		defer func() {
			c, _ := d.resolve(psig, "paragraph")
			d.last = &c
		}()
	}
	prev := ""
	next := map[vocab.Class]int{} // first mention of each class not yet in a sentence
	nextDate := 0
	for _, s := range p.sents {
		w := &view{p: p, s: s, toks: p.toks[s.t0:s.t1], mentions: map[vocab.Class][]mention{}, para: &psig, prev: prev}
		// Mentions and dates are in token order, as are sentences, so
		// each is visited once however long the paragraph.
		for _, c := range classes {
			ms := all[c]
			i := next[c]
			for ; i < len(ms) && ms[i].t0 < s.t1; i++ {
				if m := ms[i]; m.t0 >= s.t0 && m.t1 <= s.t1 {
					m.t0 -= s.t0
					m.t1 -= s.t0
					w.mentions[c] = append(w.mentions[c], m)
				}
			}
			next[c] = i
		}
		for ; nextDate < len(dates) && dates[nextDate].t0 < s.t1; nextDate++ {
			if h := dates[nextDate]; h.t0 >= s.t0 && h.t1 <= s.t1 {
				h.t0 -= s.t0
				h.t1 -= s.t0
				w.dates = append(w.dates, h)
				w.whens = append(w.whens, whens[nextDate])
				w.dateOK = append(w.dateOK, ok[nextDate])
			}
		}
		w.sig = signalsIn(w.toks, w.mentions, w.dates, w.whens, w.dateOK, 0, len(w.toks))
		for _, c := range clauses(w.toks) {
			w.clauses = append(w.clauses, clause{t0: c[0], t1: c[1], sig: signalsIn(w.toks, w.mentions, w.dates, w.whens, w.dateOK, c[0], c[1])})
		}
		d.counts(w)
		d.dateClaims(w)
		d.yearClaims(w)
		d.places(w)
		d.nationalities(w)
		d.responsibility(w)
		if !w.sig.empty() {
			if c := d.eventOf(w, len(w.toks)-1); c.event != "" {
				prev = c.event
			} else {
				prev = ""
			}
		}
	}
}

// signalsIn gathers the event names, places and dates in toks[a:b]. A
// date that only anchors something else ("after the 7th of October
// attack", "since 2016") is no sign of which event the words are about.
func signalsIn(toks []token, ms map[vocab.Class][]mention, dates []dateHit, whens []when, ok []bool, a, b int) signals {
	var s signals
	for _, m := range between(ms[vocab.EventClass], a, b) {
		if !referenced(toks, m.t0) {
			s.named = append(s.named, m)
		}
	}
	// Places introduced as where something happened ("in Moscow", "at
	// the Shah Cheragh Shrine") outrank places mentioned in passing
	// ("overtures towards Kabul").
	s.places = between(ms[vocab.PlaceClass], a, b)
	var introduced []mention
	for _, m := range s.places {
		if placeIntro(toks, m) != "" {
			introduced = append(introduced, m)
		}
	}
	if len(introduced) > 0 {
		s.places = introduced
	}
	i := sort.Search(len(dates), func(i int) bool { return dates[i].t0 >= a })
	for ; i < len(dates) && dates[i].t1 <= b; i++ {
		if ok[i] && whens[i].usable() && !anchored(toks, dates[i].t0) {
			s.dates = append(s.dates, whens[i])
		}
	}
	return s
}

// between is the mentions lying within tokens [a, b); ms is in token
// order and its mentions do not overlap.
func between(ms []mention, a, b int) []mention {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].t0 >= a })
	j := i
	for j < len(ms) && ms[j].t1 <= b {
		j++
	}
	return ms[i:j:j]
}

// referenceWords put an event named after them in the background: "on
// the fourth anniversary of Qasem Soleimani’s assassination" is about
// something else that happened then. ("after the Aden bombing" is not:
// the arrests after a bombing belong to it.)
var referenceWords = set("anniversary", "commemorating", "marking", "memorial", "commemoration",
	"revenge", "avenge", "avenging", "like", "unlike")

// referenced reports an event name with a reference word a few words
// before it, in its clause.
func referenced(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if toks[j].kind == tPunct && !toks[j].glued {
			return false
		}
		if referenceWords[toks[j].key] {
			return true
		}
	}
	return false
}

var anchorWords = set("after", "before", "since", "until", "till", "following", "by", "from", "than", "prior")

func anchored(toks []token, k int) bool {
	if k > 0 && toks[k-1].is("the") {
		k--
	}
	return k > 0 && anchorWords[toks[k-1].key]
}

// clauses splits a sentence at semicolons and at a comma before "and",
// "but", "while" or "whereas", returning token ranges.
func clauses(toks []token) [][2]int {
	var out [][2]int
	start := 0
	for k := 0; k < len(toks); k++ {
		if toks[k].isPunct(";") || toks[k].isPunct(",") && k+1 < len(toks) && toks[k+1].is("and", "but", "while", "whereas") {
			out = append(out, [2]int{start, k})
			start = k + 1
		}
	}
	return append(out, [2]int{start, len(toks)})
}

// eventOf resolves the event of the words at toks[at]: from the clause,
// else the sentence, else the paragraph, else (for "the attack" in a
// paragraph that names nothing) the paragraph before.
func (d *drafter) eventOf(w *view, at int) choice {
	cl := &w.clauses[w.clauseAt(at)]
	if cl.choice != nil {
		return *cl.choice
	}
	type level struct {
		sig   signals
		scope string
	}
	levels := []level{{w.sig, "sentence"}, {*w.para, "paragraph"}}
	if len(w.clauses) > 1 {
		levels = append([]level{{cl.sig, "clause"}}, levels...)
	}
	var c choice
	found := false
	for i, l := range levels {
		r, decided := d.resolve(l.sig, l.scope)
		if !decided {
			continue
		}
		if r.event == "" && len(r.candidates) > 1 && w.prev != "" && slices.Contains(r.candidates, w.prev) {
			r = choice{event: w.prev, why: r.why + ", and the sentence before is about " + w.prev}
		}
		if r.event == "" && len(r.candidates) > 1 {
			// A wider scope may settle what this one leaves open.
			for _, wider := range levels[i+1:] {
				if pc, ok := d.resolve(wider.sig, wider.scope); ok && pc.event != "" && slices.Contains(r.candidates, pc.event) {
					r = choice{event: pc.event, why: r.why + ", and " + pc.why}
					break
				}
			}
		}
		if r.event != "" || len(r.candidates) > 0 {
			c, found = r, true
			break
		}
		if !found {
			// "names Isfahan, but no event took place there": kept as
			// the reason unless a wider scope finds the event.
			c = r
		}
	}
	if !found && c.why == "" {
		c = choice{why: "neither the sentence nor its paragraph names a known event, place or date"}
		// "The attack – Russia's deadliest in decades – was quickly
		// claimed by ...": a sentence that refers back to an attack, in a
		// paragraph that names none, is about the one the last paragraph
		// that named anything was about.
		if w.ref == nil {
			r := anaphor(w.toks)
			w.ref = &r
		}
		if ref := *w.ref; ref != "" && d.last != nil && d.last.event != "" {
			c = choice{event: d.last.event, why: fmt.Sprintf("the sentence refers back to %q and the paragraph before %s", ref, strings.TrimPrefix(d.last.why, "the paragraph "))}
		}
	}
	cl.choice = &c
	return c
}

// anaphor finds "the attack", "this latest attack", "the bombings".
func anaphor(toks []token) string {
	for k := 0; k+1 < len(toks); k++ {
		if !toks[k].is("the", "this", "that", "these") {
			continue
		}
		for j := k + 1; j < len(toks) && j <= k+2; j++ {
			if incidentNouns[toks[j].key] || toks[j].is("incident", "calamity", "tragedy") {
				return wordsText(toks, k, j+1)
			}
		}
	}
	return ""
}

// sentenceAttribution is whom the sentence reports, found once.
func (d *drafter) sentenceAttribution(w *view) attribution {
	if !w.attDone {
		var ms []mention
		for _, c := range []vocab.Class{vocab.OrganisationClass, vocab.PersonClass, vocab.CountryClass} {
			ms = append(ms, w.mentions[c]...)
		}
		w.att = d.attributionOf(d.text, w.toks, ms)
		w.attDone = true
	}
	return w.att
}

// proposal is what a finder hands to add.
type proposal struct {
	fam       family
	property  string // overrides the family's property (deaths groups)
	a, b      int    // value tokens of the sentence
	why       string
	hedge     string
	attribute *attribution // overrides the sentence's attribution
	event     *choice      // overrides the sentence's event
}

func (d *drafter) add(w *view, pr proposal) {
	prop := pr.property
	if prop == "" {
		prop = d.props.ids[pr.fam]
	}
	if prop == "" {
		return
	}
	value := d.text[w.toks[pr.a].lo:w.toks[pr.b-1].hi]
	var ch choice
	if pr.event != nil {
		ch = *pr.event
	} else {
		ch = d.eventOf(w, pr.a)
	}
	att := d.sentenceAttribution(w)
	if pr.attribute != nil {
		att = *pr.attribute
	}
	hedge := pr.hedge
	if hedge == "" {
		hedge = hedgeBefore(w.toks, pr.a)
	}
	quote := d.quote(w, pr.a, pr.b)
	// The same value for the same event, said twice, is one claim. Who
	// says it matters for figures and for who was behind an attack (an
	// authority revising its toll, a claim against an accusation), not for
	// a place or a date repeated in someone's quote.
	key := ch.event
	if key == "" {
		key = "?" + quote
	}
	key += "\x00" + prop + "\x00" + d.canonical(prop, value)
	if pr.fam <= famArrests || pr.fam == famResponsibility {
		key += "\x00" + textnorm.Key(att.who)
	}
	if d.seen[key] {
		return
	}
	if len(d.res.Claims) >= d.opts.MaxClaims {
		d.res.Dropped++
		return
	}
	d.seen[key] = true
	c := Claim{
		Event:          ch.event,
		Candidates:     ch.candidates,
		Property:       prop,
		Value:          value,
		Quote:          quote,
		AttributedTo:   att.who,
		AttributionWhy: att.how,
		Hedge:          hedge,
		Why:            pr.why,
		EventWhy:       ch.why,
		Line:           w.p.lineOf(w.toks[pr.a].lo),
	}
	if c.Event == "" {
		c.Event = TodoEvent
	}
	d.res.Claims = append(d.res.Claims, c)
}

// canonical is what a value means, for telling repeats: "Tajik" and
// "Tajik nationals" are one nationality, "over 90" and "more than 90" one
// range.
func (d *drafter) canonical(prop, value string) string {
	p, _ := d.v.Property(prop)
	switch p.Kind {
	case reconcile.Count:
		if r, err := phrase.Count(value, d.opts.Phrase); err == nil {
			return r.Range.String()
		}
	case reconcile.Date:
		if d.pubKnown {
			if r, _, err := phrase.Date(value, d.pub, d.opts.Phrase); err == nil {
				return r.Range.String()
			}
		}
	default:
		if r, err := d.v.Read(p.Kind, prop, value); err == nil {
			return strings.Join(r.Terms, ",")
		}
	}
	return textnorm.Key(value)
}

// quote is the sentence, or when that is too long to review the clause
// around the value, cut at punctuation and always verbatim.
func (d *drafter) quote(w *view, a, b int) string {
	if w.s.hi-w.s.lo <= maxQuote {
		return d.text[w.s.lo:w.s.hi]
	}
	toks := w.toks
	boundary := func(t token) bool { return t.kind == tPunct && !(t.glued && t.isDash()) }
	i, j := a, b
	for i > 0 && !boundary(toks[i-1]) && toks[b-1].hi-toks[i-1].lo <= maxQuote/2 {
		i--
	}
	for j < len(toks) && !boundary(toks[j]) && toks[j].hi-toks[i].lo <= maxQuote {
		j++
	}
	return d.text[toks[i].lo:toks[j-1].hi]
}

// counts proposes the figures tied to what they count.
func (d *drafter) counts(w *view) {
	toks := w.toks
	inDate := make([]bool, len(toks))
	for _, h := range w.dates {
		for k := h.t0; k < h.t1; k++ {
			inDate[k] = true
		}
	}
	nats := w.mentions[vocab.NationalityClass]
	natEnd := make([]bool, len(toks)+1)
	for _, m := range nats {
		natEnd[m.t1-1] = true
	}
	var hits []countHit
	for i := 0; i < len(toks); i++ {
		end, fig := phraseAt(toks, i)
		if end == 0 {
			continue
		}
		if notACount(toks, i, fig, end, inDate) != "" {
			i = end - 1
			continue
		}
		// The longest reading phrase.Count accepts: with its range and
		// postfix, else the figure and its qualifier alone.
		if !d.countReads(toks, i, end) {
			e2 := quantityAt(toks, fig)
			switch {
			case d.countReads(toks, i, e2):
				end = e2
			case d.countReads(toks, fig, e2):
				i, end = fig, e2
			default:
				i = end - 1
				continue
			}
		}
		h, ok := tieCount(toks, i, end, natEnd)
		if !ok {
			// A list shares its verb: "killed 170 civilians and 13
			// American soldiers".
			if n := len(hits); n > 0 && i > 0 && toks[i-1].is("and") && hits[n-1].viaLeft && hits[n-1].npEnd == i-1 {
				prev := hits[n-1]
				h = countHit{fam: prev.fam, t0: i, t1: end, trigger: prev.trigger, how: "counted by %q, shared with the figure before it", viaLeft: true, listOf: prev.listOf}
				h.npEnd = nounEnd(toks, end)
				ok = true
			}
		} else {
			h.listOf = len(hits)
		}
		if !ok {
			i = end - 1
			continue
		}
		if h.fam == famDeaths {
			for _, m := range between(nats, end, h.npEnd) {
				if g := d.groupOf(m.term); g != "" {
					h.group, h.groupWhy = g, fmt.Sprintf("%q names the group %s counts", m.text, g)
				}
			}
		}
		hits = append(hits, h)
		i = end - 1
	}
	d.shareGroups(hits)
	for _, h := range hits {
		value := d.text[toks[h.t0].lo:toks[h.t1-1].hi]
		prop := d.props.ids[h.fam]
		if h.group != "" {
			prop = h.group
		}
		why := fmt.Sprintf("%s: %q "+h.how, prop, value, h.trigger)
		if h.groupWhy != "" {
			why += "; " + h.groupWhy
		}
		d.add(w, proposal{fam: h.fam, property: h.group, a: h.t0, b: h.t1, why: why})
	}
}

func (d *drafter) countReads(toks []token, a, b int) bool {
	if b <= a {
		return false
	}
	_, err := phrase.Count(d.text[toks[a].lo:toks[b-1].hi], d.opts.Phrase)
	return err == nil
}

func (d *drafter) groupOf(nationality string) string {
	g, ok := d.groups[nationality]
	if !ok {
		g = d.props.groupFor(d.v, nationality)
		d.groups[nationality] = g
	}
	return g
}

// shareGroups handles a list of the dead split by group when the
// vocabulary splits deaths the same way: if one figure of the list names
// its group and exactly one other group is left, the figure that names none
// is that group ("killed 170 civilians and 13 American soldiers").
func (d *drafter) shareGroups(hits []countHit) {
	lists := map[int][]int{}
	for i, h := range hits {
		if h.fam == famDeaths {
			lists[h.listOf] = append(lists[h.listOf], i)
		}
	}
	for _, idx := range lists {
		if len(idx) < 2 {
			continue
		}
		used := map[string]bool{}
		var bare []int
		for _, i := range idx {
			if hits[i].group != "" {
				used[hits[i].group] = true
			} else {
				bare = append(bare, i)
			}
		}
		if len(used) == 0 || len(bare) != 1 {
			continue
		}
		var left []string
		for _, g := range d.props.groups {
			if !used[g.id] {
				left = append(left, g.id)
			}
		}
		if len(left) == 1 {
			hits[bare[0]].group = left[0]
			hits[bare[0]].groupWhy = fmt.Sprintf("the list splits the dead by group and %s is the group left; check the noun", left[0])
		}
	}
}
