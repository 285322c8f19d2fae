package gen

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// claim is one [[claim]] table.
type claim struct {
	event, property string
	value           wording
	quote           string
	attributed      string
	asOf            wording // value "" when absent
	hedge, note, id string
	disagrees       bool
}

// sourceGen builds one source: its TOML and its archived text. It is used
// by one goroutine at a time and reuses its buffers.
type sourceGen struct {
	w    *world
	cfg  *config
	hotC []float64 // cumulative weights of w.hot[1:]

	r         *rand.Rand
	toml      bytes.Buffer
	text      bytes.Buffer
	sentences []string
	claims    []claim

	// per source
	id      string
	e       *event
	pub     time.Time
	pubDay  bool // published is known to the day
	outlet  int
	kind    string
	hasText bool
	used    map[string]int // event/property → times used
	auth    map[string]bool

	// statistics
	nClaims, nDisagree, nTexts int
}

func newSourceGen(w *world, cfg *config) *sourceGen {
	g := &sourceGen{w: w, cfg: cfg, used: map[string]int{}, auth: map[string]bool{}}
	sum := 0.0
	for j := range max(0, len(w.hot)-1) {
		sum += 1 / float64(j+1)
		g.hotC = append(g.hotC, sum)
	}
	return g
}

// pickEvent: a tenth of the sources report the biggest event, another
// tenth the other hot events (Zipf), the rest any event.
func (g *sourceGen) pickEvent() int {
	r, w := g.r, g.w
	x := r.Float64()
	switch {
	case x < 0.10 || (x < 0.20 && len(g.hotC) == 0):
		return w.hot[0]
	case x < 0.20:
		y := r.Float64() * g.hotC[len(g.hotC)-1]
		for j, c := range g.hotC {
			if y < c {
				return w.hot[j+1]
			}
		}
		return w.hot[len(w.hot)-1]
	}
	return r.IntN(len(w.events))
}

// generate fills g.toml and g.text for source i.
func (g *sourceGen) generate(i int) {
	g.r = rand.New(rand.NewPCG(g.cfg.seed^0x9e3779b97f4a7c15, uint64(i)))
	r := g.r
	g.toml.Reset()
	g.text.Reset()
	g.sentences = g.sentences[:0]
	g.claims = g.claims[:0]
	clear(g.used)
	clear(g.auth)

	g.id = sourceID(i)
	ei := g.pickEvent()
	g.e = &g.w.events[ei]
	e := g.e
	var delay int
	switch x := r.IntN(100); {
	case x < 50:
		delay = r.IntN(2)
	case x < 85:
		delay = 2 + r.IntN(6)
	case x < 97:
		delay = 8 + r.IntN(53)
	default:
		delay = 61 + r.IntN(340)
	}
	g.pub = e.day.AddDate(0, 0, delay)
	g.outlet = r.IntN(len(outletList))
	g.kind = outletList[g.outlet].kind
	if g.kind == "news" && delay > 7 && r.IntN(2) == 0 {
		g.kind = "analysis"
	}
	if g.kind == "claim of responsibility" && e.org < 0 {
		g.kind = "news"
	}
	g.hasText = r.IntN(100) >= 8

	// published, of mixed precision.
	var published wording
	g.pubDay = false
	p := r.IntN(100)
	if delay > 7 {
		p += 10 // later pieces are dated less precisely more often
	}
	switch {
	case p < 70:
		published = wording{value: isoDay(g.pub), native: true}
		g.pubDay = true
	case p < 82:
		published = str(isoDay(g.pub))
		g.pubDay = true
	case p < 92:
		published = str(g.pub.Format("2006-01"))
	case p < 96:
		published = str(g.pub.Format("2006"))
	default:
		mon := g.pub.AddDate(0, 0, -((int(g.pub.Weekday()) + 6) % 7))
		published = str(isoDay(mon) + ".." + isoDay(mon.AddDate(0, 0, 6)))
	}

	// Claims.
	for len(g.claims) < g.cfg.claimsPerSource {
		g.addClaim(ei)
	}

	// [source]
	o := outletList[g.outlet]
	city := g.w.places[e.city].name
	title := g.title()
	b := &g.toml
	b.WriteString("[source]\n")
	kv(b, "title", title)
	kv(b, "outlet", o.name)
	switch x := r.IntN(10); {
	case x < 6:
		kv(b, "author", g.author())
	case x < 7:
		b.WriteString("author = [")
		writeStr(b, g.author())
		b.WriteString(", ")
		writeStr(b, g.author())
		b.WriteString("]\n")
	}
	kv(b, "url", fmt.Sprintf("https://www.%s.example/%s/%s-%d", o.host, g.pub.Format("2006/01"), slugWords(title, 6), i))
	kvPhrase(b, "published", published)
	kv(b, "kind", g.kind)
	kv(b, "language", "en")
	if g.hasText {
		kv(b, "text", "../../texts/"+shardDir(i)+"/"+g.id+".txt")
	}
	for _, c := range g.claims {
		b.WriteString("\n[[claim]]\n")
		kv(b, "event", c.event)
		kv(b, "property", c.property)
		kvPhrase(b, "value", c.value)
		kv(b, "quote", c.quote)
		if c.attributed != "" {
			kv(b, "attributed_to", c.attributed)
		}
		if c.asOf.value != "" {
			kvPhrase(b, "as_of", c.asOf)
		}
		if c.hedge != "" {
			kv(b, "hedge", c.hedge)
		}
		if c.note != "" {
			kv(b, "note", c.note)
		}
		if c.id != "" {
			kv(b, "id", c.id)
		}
		g.nClaims++
		if c.disagrees {
			g.nDisagree++
		}
	}
	if !g.hasText {
		return
	}
	g.nTexts++

	// The archived text: the title, a dateline, and the quote sentences
	// among filler, in paragraphs.
	t := &g.text
	t.WriteString(title)
	t.WriteString("\n\n")
	if g.pubDay {
		fmt.Fprintf(t, "%s, %s %d (%s) - ", strings.ToUpper(city), monthFull[g.pub.Month()], g.pub.Day(), o.name)
	} else {
		fmt.Fprintf(t, "%s (%s) - ", strings.ToUpper(city), o.name)
	}
	target := 500 + r.IntN(500)
	if g.kind == "analysis" {
		target += 600
	}
	size := 0
	for _, s := range g.sentences {
		size += len(s) + 1
	}
	for size < target {
		f := g.fill(fillers[r.IntN(len(fillers))])
		g.sentences = append(g.sentences, f)
		size += len(f) + 1
	}
	// Shuffle all but the first sentence, which leads.
	rest := g.sentences[1:]
	r.Shuffle(len(rest), func(a, b int) { rest[a], rest[b] = rest[b], rest[a] })
	inPara := 0
	for k, s := range g.sentences {
		if k > 0 {
			if inPara >= 2+r.IntN(3) {
				t.WriteString("\n\n")
				inPara = 0
			} else {
				t.WriteByte(' ')
			}
		}
		t.WriteString(s)
		inPara++
	}
	t.WriteString("\n")
}

func (g *sourceGen) title() string {
	e := g.e
	city := g.w.places[e.city].name
	noun := categoryList[e.method].noun
	switch g.r.IntN(5) {
	case 0:
		return fmt.Sprintf("Dozens feared dead in %s %s", city, noun)
	case 1:
		return fmt.Sprintf("What we know about the %s %s", city, noun)
	case 2:
		return fmt.Sprintf("Death toll rises after %s in %s", noun, city)
	case 3:
		return fmt.Sprintf("%s: questions remain after deadly %s", city, noun)
	}
	return fmt.Sprintf("Attack in %s, %s", city, countryList[g.w.places[e.city].country].name)
}

func (g *sourceGen) author() string {
	return authorFirst[g.r.IntN(len(authorFirst))] + " " + authorLast[g.r.IntN(len(authorLast))]
}

// fill replaces a filler's slots.
func (g *sourceGen) fill(s string) string {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return s
	}
	e := g.e
	c := g.w.places[e.city]
	var b strings.Builder
	for i >= 0 {
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '}') + i
		switch s[i+1 : j] {
		case "city":
			b.WriteString(c.name)
		case "country":
			b.WriteString(countryList[c.country].name)
		case "region":
			b.WriteString(g.w.places[c.region].name)
		case "outlet":
			b.WriteString(outletList[g.outlet].name)
		case "weekday":
			b.WriteString(weekdays[e.day.AddDate(0, 0, 1+g.r.IntN(3)).Weekday()])
		}
		s = s[j+1:]
		i = strings.IndexByte(s, '{')
	}
	b.WriteString(s)
	return b.String()
}

// How a quote fits in a sentence of the text.
const (
	clauseFrame     = iota // "police said 12 people were killed"
	participleFrame        // "killing 12 people"
	nounFrame              // "the bombing in Shiraz"
)

// nounOrClause tells the noun phrases among date and place quotes ("the
// bombing in Shiraz") from the clauses ("the bombing took place on ...").
func nounOrClause(quote, noun string) int {
	if (strings.HasPrefix(quote, "the "+noun+" ") || strings.HasPrefix(quote, "the attack ")) && !strings.Contains(quote, " took place ") {
		return nounFrame
	}
	return clauseFrame
}

var participleLeads = []string{
	"The explosion tore through the crowd, ", "The attackers opened fire without warning, ",
	"The assault lasted several minutes, ", "The blast was heard across the city, ",
	"The attack came without warning, ",
}

var nounLeads = []string{
	"Officials gave new details about ", "Witnesses described ", "Investigators are still examining ",
	"Condolences poured in after ", "Much remains unknown about ",
}

// sentence wraps a quote into a sentence of the text.
func (g *sourceGen) sentence(frame int, body string) string {
	switch frame {
	case participleFrame:
		return participleLeads[g.r.IntN(len(participleLeads))] + body + "."
	case nounFrame:
		return nounLeads[g.r.IntN(len(nounLeads))] + body + "."
	}
	lead := leadIns[g.r.IntN(len(leadIns))]
	if strings.Contains(lead, "{weekday}") {
		lead = strings.ReplaceAll(lead, "{weekday}", weekdays[g.e.day.Weekday()])
	}
	return lead + body + trailers[g.r.IntN(len(trailers))]
}

var propWeights = []struct {
	id string
	w  int
}{
	{"deaths", 22}, {"injured", 13}, {"date", 10}, {"location", 12}, {"method", 10},
	{"responsibility", 10}, {"perpetrators", 8}, {"perpetrator-nationality", 8}, {"revision", 4},
}

// addClaim adds one claim (two for a revision) to the source.
func (g *sourceGen) addClaim(primary int) {
	r := g.r
	ei := primary
	// Now and then a claim about an earlier event the piece recalls.
	if primary > 0 && r.IntN(100) < 12 {
		sec := primary - 1 - r.IntN(min(primary, 300))
		if !g.w.events[sec].day.After(g.pub) {
			ei = sec
		}
	}
	e := &g.w.events[ei]
	total := 0
	for _, p := range propWeights {
		total += p.w
	}
	var prop string
	for try := 0; try < 4; try++ {
		x := r.IntN(total)
		for _, p := range propWeights {
			if x -= p.w; x < 0 {
				prop = p.id
				break
			}
		}
		if prop == "revision" || prop == "deaths" || prop == "injured" || g.used[e.id+"/"+prop] == 0 {
			break
		}
	}
	if prop == "revision" && g.cfg.claimsPerSource-len(g.claims) < 2 {
		prop = "deaths"
	}
	if prop != "revision" && prop != "deaths" && prop != "injured" && g.used[e.id+"/"+prop] > 0 {
		prop = pick(r, "deaths", "injured")
	}
	if prop != "revision" {
		g.used[e.id+"/"+prop]++
	}
	disagree := r.IntN(1000) < g.cfg.disagreePermille
	c := claim{event: e.id, property: prop, disagrees: disagree}
	switch prop {
	case "deaths", "injured", "perpetrators":
		g.countClaim(&c, e, disagree)
	case "revision":
		g.revision(e)
		return
	case "date":
		g.dateClaim(&c, e, disagree)
	case "location":
		g.placeClaim(&c, e, disagree)
	case "perpetrator-nationality":
		g.natClaim(&c, e, disagree)
	case "method":
		g.methodClaim(&c, e, disagree)
	case "responsibility":
		g.respClaim(&c, e, disagree)
	}
	if r.IntN(100) < 2 {
		c.id = fmt.Sprintf("%s-%s-%d", g.id, c.property, len(g.claims)+1)
	}
	if r.IntN(100) < 1 {
		c.note = pick(r, "Figure may include the attackers.", "Quoted from a translated statement.", "The outlet later updated this article.")
	}
	g.claims = append(g.claims, c)
}

// authority picks one not yet used for this event in this source.
func (g *sourceGen) authority(ev string) int {
	for {
		a := g.r.IntN(len(authorityList))
		if !g.auth[ev+"/"+authorityList[a].field] || len(g.auth) >= len(authorityList) {
			g.auth[ev+"/"+authorityList[a].field] = true
			return a
		}
	}
}

// known is the figure a source can know for a count property at its
// publication: cumulative tolls rise over the first days.
func (g *sourceGen) known(e *event, prop string) int {
	truth := truthOf(e, prop)
	if prop == "perpetrators" {
		return truth
	}
	switch d := int(g.pub.Sub(e.day).Hours() / 24); {
	case d <= 0:
		return max(1, truth*(55+g.r.IntN(46))/100)
	case d == 1:
		return max(1, truth*(80+g.r.IntN(21))/100)
	}
	return truth
}

func truthOf(e *event, prop string) int {
	switch prop {
	case "deaths":
		return e.deaths
	case "injured":
		return e.injured
	}
	return e.perps
}

func (g *sourceGen) countClaim(c *claim, e *event, disagree bool) {
	r := g.r
	n := g.known(e, c.property)
	if disagree {
		if c.property == "perpetrators" {
			n = e.perps + 3 + r.IntN(5)
		} else {
			n = n*2 + 5 + r.IntN(n+10)
		}
	}
	var p wording
	switch truth := truthOf(e, c.property); {
	case disagree:
		p = countPhrase(r, n, true)
	case n < truth:
		// An early, partial toll is reported as a lower bound, which the
		// final figure does not contradict.
		p = str(pick(r, "at least ", "at least ", "no fewer than ", "upwards of ") + num(n))
	default:
		p = countPhrase(r, n, false)
	}
	c.value = p
	var body string
	attributed := r.IntN(2) == 0
	switch {
	case attributed:
		a := authorityList[g.authority(e.id)]
		c.attributed = a.field
		switch c.property {
		case "deaths":
			body = pick(r, a.says+" "+people(p, "people", "person")+" had been killed",
				a.says+" the death toll had risen to "+p.words)
		case "injured":
			body = a.says + " " + people(p, "people", "person") + " had been wounded"
		default:
			body = a.says + " " + people(p, "attackers", "attacker") + " had taken part"
		}
	case c.property == "deaths":
		body = pick(r,
			"killing "+people(p, "people", "person"),
			people(p, "people", "person")+" were killed",
			"the death toll rose to "+p.words,
			people(p, "people", "person")+" died in the attack",
			"the attack left "+people(p, "people", "person")+" dead")
	case c.property == "injured":
		body = pick(r,
			people(p, "people", "person")+" were wounded",
			"injuring "+people(p, "others", "other"),
			people(p, "people", "person")+" were injured",
			"wounding "+people(p, "bystanders", "bystander"))
	default:
		body = pick(r,
			"the attack was carried out by "+people(p, "attackers", "attacker"),
			people(p, "gunmen", "gunman")+" took part",
			"the attack involved "+people(p, "assailants", "assailant"))
	}
	participle := strings.HasSuffix(strings.Fields(body)[0], "ing")
	if participle && r.IntN(100) < 12 {
		c.hedge = "reportedly"
		body = "reportedly " + body
	}
	if !participle && g.pubDay && r.IntN(100) < 3 {
		// A figure that held the day before publication.
		c.asOf = wording{value: isoDay(g.pub.AddDate(0, 0, -1)), native: true}
		body = "by the previous evening " + body
	}
	c.quote = body
	if participle {
		g.sentences = append(g.sentences, g.sentence(participleFrame, body))
	} else {
		g.sentences = append(g.sentences, g.sentence(clauseFrame, body))
	}
}

// revision: one authority gives a figure and later changes it, in one
// sentence: two claims with the same attributed_to.
func (g *sourceGen) revision(e *event) {
	r := g.r
	prop := pick(r, "deaths", "deaths", "injured")
	truth := e.deaths
	what := "death toll"
	if prop == "injured" {
		truth, what = e.injured, "number of injured"
	}
	a := authorityList[g.authority(e.id)]
	first, second := max(1, truth*(40+r.IntN(40))/100), truth
	verb := "raised it to"
	down := r.IntN(10) == 0
	if down {
		first, second = truth+2+r.IntN(truth/2+3), truth
		verb = "revised it down to"
	}
	if first == second {
		second++
	}
	// The first figure of an upward revision was a lower bound ("at least
	// 30"): the final toll does not contradict it. A downward revision is
	// a disagreement with the earlier figure.
	p1 := str(pick(r, "at least ", "no fewer than ") + num(first))
	if down {
		p1 = countPhrase(r, first, true)
	}
	p2 := countPhrase(r, second, true)
	q1 := "initially put the " + what + " at " + p1.words
	q2 := "later " + verb + " " + p2.words
	g.used[e.id+"/"+prop] += 2
	asOf := wording{value: isoDay(e.day), native: true}
	g.claims = append(g.claims,
		claim{event: e.id, property: prop, value: p1, quote: q1, attributed: a.field, asOf: asOf, disagrees: down},
		claim{event: e.id, property: prop, value: p2, quote: q2, attributed: a.field})
	g.sentences = append(g.sentences, g.sentence(clauseFrame, a.who+" "+q1+" but "+q2))
}

func (g *sourceGen) dateClaim(c *claim, e *event, disagree bool) {
	r := g.r
	day := e.day
	if disagree {
		day = day.AddDate(0, 0, pick(r, -1, 1)*(2+r.IntN(8)))
	}
	var pub time.Time
	if g.pubDay {
		pub = g.pub
	}
	p := datePhrase(r, day, pub)
	if disagree {
		p = str(fmt.Sprintf("%s %d, %d", monthAP[day.Month()], day.Day(), day.Year()))
	}
	c.value = p
	noun := categoryList[e.method].noun
	f := strings.Fields(p.value)
	switch {
	case p.native:
		// A TOML date is the checker's transcription; the text says it
		// in words.
		c.quote = fmt.Sprintf("the %s took place on %d %s %d", noun, day.Day(), monthFull[day.Month()], day.Year())
	case f[0] == "last" || f[0] == "yesterday" || strings.HasSuffix(p.value, " ago"):
		c.quote = "the " + noun + " " + p.words
	case len(f) == 1: // a weekday
		c.quote = pick(r, "the "+noun+" on "+p.words, "on "+p.words+" attackers struck")
	case len(f) == 2 && len(f[1]) == 4: // "January 2024", "early January 2024"
		c.quote = "the " + noun + " in " + p.words
	case len(f) == 3 && (f[0] == "early" || f[0] == "late" || strings.HasPrefix(f[0], "mid-")):
		c.quote = "the " + noun + " in " + p.words
	default:
		c.quote = pick(r, "the "+noun+" on "+p.words, "on "+p.words+" attackers struck")
	}
	g.sentences = append(g.sentences, g.sentence(nounOrClause(c.quote, noun), c.quote))
}

func (g *sourceGen) placeClaim(c *claim, e *event, disagree bool) {
	r := g.r
	w := g.w
	pi := e.place
	if disagree {
		// Another city, usually in another country.
		ci := w.places[e.city].country
		if r.IntN(3) > 0 {
			ci = (ci + 1 + r.IntN(len(countryList)-1)) % len(countryList)
		}
		cs := w.byCountry[ci]
		pi = cs[r.IntN(len(cs))]
		if pi == e.city {
			pi = cs[(r.IntN(len(cs))+1)%len(cs)]
		}
		if pi == e.city {
			c.disagrees = false
		}
	} else {
		// Any level of the hierarchy above the truth.
		switch x := r.IntN(10); {
		case x < 3:
			pi = e.place
		case x < 7:
			pi = e.city
		case x < 9:
			pi = w.places[e.city].region
		default:
			pi = -1 // the country
		}
	}
	var name string
	if pi < 0 {
		name = countryList[w.places[e.city].country].name
	} else {
		pl := w.places[pi]
		name = pl.name
		if len(pl.aliases) > 0 && r.IntN(3) == 0 {
			name = pl.aliases[r.IntN(len(pl.aliases))]
		}
	}
	c.value = str(name)
	noun := categoryList[e.method].noun
	if pi >= 0 && w.places[pi].level == 2 {
		c.quote = pick(r, "the "+noun+" at the "+name, "attackers struck the "+name)
	} else {
		c.quote = pick(r, "the "+noun+" in "+name, "the attack in "+name)
	}
	g.sentences = append(g.sentences, g.sentence(nounOrClause(c.quote, noun), c.quote))
}

func (g *sourceGen) natClaim(c *claim, e *event, disagree bool) {
	r := g.r
	var name string
	if disagree {
		for {
			n := nationalityList[r.IntN(len(nationalityList))]
			if n.country == "" {
				continue
			}
			related := false
			for _, t := range e.nats {
				tn := nationalityList[t]
				if tn.id == n.id || (len(tn.within) > 0 && len(n.within) > 0 && tn.within[0] == n.within[0]) {
					related = true
				}
			}
			if !related {
				name = n.name
				break
			}
		}
	} else {
		t := nationalityList[e.nats[0]]
		switch x := r.IntN(10); {
		case x < 5 || len(t.within) == 0:
			name = t.name
			if len(e.nats) > 1 {
				name += " and " + nationalityList[e.nats[1]].name
			}
		case x < 7 && len(t.aliases) > 0 && len(e.nats) == 1:
			name = t.aliases[0]
		default:
			g := nationalityList[natIndex(t.within[0])]
			name = g.name
			// A grouping covers both only if both are in it.
			if len(e.nats) > 1 {
				t2 := nationalityList[e.nats[1]]
				if t2.within[0] != t.within[0] {
					name += " and " + t2.name
				}
			}
		}
	}
	c.value = str(name)
	if r.IntN(5) == 0 {
		c.hedge = "suspected"
		c.quote = "the suspected attackers were " + name + " nationals"
	} else {
		c.quote = pick(r, "the attackers were "+name+" nationals", "investigators identified the attackers as "+name+" citizens")
	}
	g.sentences = append(g.sentences, g.sentence(clauseFrame, c.quote))
}

func natIndex(id string) int {
	for i, n := range nationalityList {
		if n.id == id {
			return i
		}
	}
	panic("unknown nationality " + id)
}

func (g *sourceGen) methodClaim(c *claim, e *event, disagree bool) {
	r := g.r
	t := categoryList[e.method]
	var cat category
	if disagree {
		for {
			cat = categoryList[r.IntN(len(categoryList))]
			if cat.property != "method" || cat.id == t.id || contains(t.within, cat.id) || contains(cat.within, t.id) {
				continue
			}
			if len(t.within) > 0 && contains(cat.within, t.within[0]) {
				continue // a sibling is not clearly a different method
			}
			break
		}
	} else {
		cat = t
		if len(t.within) > 0 && r.IntN(3) == 0 {
			cat = categoryList[g.w.catIdx["method/"+t.within[0]]]
		}
	}
	name := cat.name
	if len(cat.aliases) > 0 && r.IntN(2) == 0 {
		name = cat.aliases[r.IntN(len(cat.aliases))]
	}
	c.value = str(name)
	c.quote = pick(r, "officials blamed "+name, "the attack involved "+name, "investigators pointed to "+name)
	g.sentences = append(g.sentences, g.sentence(clauseFrame, c.quote))
}

func (g *sourceGen) respClaim(c *claim, e *event, disagree bool) {
	r := g.r
	w := g.w
	var name string
	var isOrg bool
	switch {
	case disagree:
		for {
			o := r.IntN(len(w.orgs))
			if e.org >= 0 && family(w, o) == family(w, e.org) {
				continue
			}
			name, isOrg = orgName(r, w.orgs[o]), true
			break
		}
	case e.org >= 0:
		o := w.orgs[e.org]
		if o.parent >= 0 && r.IntN(3) == 0 {
			o = w.orgs[o.parent]
		}
		name, isOrg = orgName(r, o), true
	case e.lone:
		cat := categoryList[w.catIdx["responsibility/lone-attacker"]]
		name = pick(r, append([]string{cat.name}, cat.aliases...)...)
	default:
		cat := categoryList[w.catIdx["responsibility/unknown-attackers"]]
		name = pick(r, append([]string{cat.name}, cat.aliases...)...)
	}
	c.value = str(name)
	switch {
	case isOrg && g.kind == "claim of responsibility":
		c.hedge = "claimed"
		c.quote = name + " claimed responsibility for the attack"
	case isOrg && r.IntN(3) == 0:
		c.hedge = "suspected"
		c.quote = "officials suspected " + name + " of carrying out the attack"
	case isOrg:
		c.quote = pick(r, name+" claimed responsibility for the attack", "the attack was blamed on "+name)
	default:
		c.quote = "the attack was the work of " + name
	}
	g.sentences = append(g.sentences, g.sentence(clauseFrame, c.quote))
}

func family(w *world, o int) int {
	if w.orgs[o].parent >= 0 {
		return w.orgs[o].parent
	}
	return o
}

func orgName(r *rand.Rand, o org) string {
	if len(o.aliases) > 0 && r.IntN(2) == 0 {
		return o.aliases[r.IntN(len(o.aliases))]
	}
	return o.name
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// sourceID is s004213; shardDir is the directory of a thousand it is in.
func sourceID(i int) string { return fmt.Sprintf("s%06d", i) }
func shardDir(i int) string { return fmt.Sprintf("%04d", i/1000) }

func slugWords(s string, n int) string {
	words := strings.Split(slug(s), "-")
	if len(words) > n {
		words = words[:n]
	}
	return strings.Join(words, "-")
}

// TOML writing: basic strings with the escapes TOML requires.

func writeStr(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(b, `\u%04X`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}

func kv(b *bytes.Buffer, k, v string) {
	b.WriteString(k)
	b.WriteString(" = ")
	writeStr(b, v)
	b.WriteByte('\n')
}

func kvPhrase(b *bytes.Buffer, k string, p wording) {
	if !p.native {
		kv(b, k, p.value)
		return
	}
	b.WriteString(k)
	b.WriteString(" = ")
	b.WriteString(p.value)
	b.WriteByte('\n')
}

func kvList(b *bytes.Buffer, k string, vs []string) {
	b.WriteString(k)
	b.WriteString(" = [")
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		writeStr(b, v)
	}
	b.WriteString("]\n")
}
