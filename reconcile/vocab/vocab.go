// Package vocab is a corpus's vocabulary: events, properties, and the terms
// claims name (places, countries, nationalities, organisations, persons,
// categories), each with its names, aliases and place in a hierarchy. It
// implements reconcile.Hierarchy and reads term-valued phrases.
//
// Term ids are namespaced by class, so a place and an organisation may share
// a local id: "place:shiraz", "country:IR", "nationality:tajik", "org:is-k",
// "person:qasem-soleimani", "category:method/suicide-bombing". Events and
// properties are not terms; they keep their plain ids.
package vocab

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
)

// Class is the kind of thing a term names; it is also the prefix of the
// term's id.
type Class string

const (
	PlaceClass        Class = "place"
	CountryClass      Class = "country"
	NationalityClass  Class = "nationality"
	OrganisationClass Class = "org"
	PersonClass       Class = "person"
	CategoryClass     Class = "category"
	// EventClass is only for Names: events are not terms.
	EventClass Class = "event"
)

// TermID builds the canonical id of a term from its class and local id
// (for categories the local id is "property/id").
func TermID(c Class, local string) string { return string(c) + ":" + local }

// SplitTermID is the inverse of TermID.
func SplitTermID(id string) (Class, string) {
	c, local, _ := strings.Cut(id, ":")
	return Class(c), local
}

// ValidID reports whether s is usable as an id: lower-case ASCII letters,
// digits and hyphens, not starting with a hyphen. Ids end up in file names,
// URLs and command lines, where anything else needs quoting.
func ValidID(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return s != ""
}

// Slug suggests a valid id for s ("Shah Cheragh" → "shah-cheragh").
func Slug(s string) string {
	return strings.Trim(strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r == ' ':
			return '-'
		}
		return -1
	}, textnorm.Key(s)), "-")
}

// Property is a vocabulary property with what only the loader needs.
type Property struct {
	reconcile.Property
	// Terms lists the vocabularies a category property's values come from
	// ("category", "organisation", "person", "country").
	Terms       []string
	Description string
}

// Entry is one name of a term as written in the vocabulary.
type Entry struct {
	Term string // canonical term id (event id for EventClass)
	Name string
}

type term struct {
	id       string
	class    Class
	local    string
	name     string   // display name
	names    []string // every name and alias as written, display name first
	parents  []string // term ids
	property string   // categories: the property they belong to
	country  string   // nationalities: ISO code, "" if none
	builtin  bool     // an ISO country
	at       At
	parentAt reconcile.Pos // where its parents were declared

	// ancestors are every term it lies within, worked out once, when
	// first asked: reconciling a group asks the same pairs over and
	// over.
	traced    sync.Once
	ancestors []string
}

// Vocabulary is built once by Build and then only read, so it is safe for
// concurrent use.
type Vocabulary struct {
	terms map[string]*term
	order []string // term ids: built-in countries first, then definition order
	// names maps a namespace ("place", "country", "nationality", "org",
	// "person", "category/<property>", "event") to name Keys to ids.
	names map[string]map[string]string
	// entries keeps each namespace's names in definition order, for
	// suggestions and for Names.
	entries    map[string][]Entry
	events     map[string]reconcile.Event
	eventOrder []string
	eventAt    map[string]At
	properties map[string]Property
	propOrder  []string
	propAt     map[string]At
}

// newVocabulary makes an empty vocabulary, with room for events events:
// a corpus of years has tens of thousands, and growing maps to that size
// step by step costs a check that builds the vocabulary a tenth of its
// time.
func newVocabulary(events int) *Vocabulary {
	return &Vocabulary{
		terms:      map[string]*term{},
		names:      map[string]map[string]string{"event": make(map[string]string, events)},
		entries:    map[string][]Entry{},
		events:     make(map[string]reconcile.Event, events),
		eventAt:    make(map[string]At, events),
		properties: map[string]Property{},
		propAt:     map[string]At{},
	}
}

// Within reports whether term is ancestor or lies inside it, following
// "within" links (places, nationalities, organisations, categories) and a
// person's organisations. Build removes cycles, and the walk remembers what
// it visited, so it ends whatever the links.
func (v *Vocabulary) Within(term, ancestor string) bool {
	if term == ancestor {
		return true
	}
	if v == nil {
		return false
	}
	t := v.terms[term]
	return t != nil && slices.Contains(t.lineage(v), ancestor)
}

// lineage is every term t lies within, nearest first.
func (t *term) lineage(v *Vocabulary) []string {
	t.traced.Do(func() {
		seen := map[string]bool{t.id: true}
		for queue := []*term{t}; len(queue) > 0; queue = queue[1:] {
			for _, p := range queue[0].parents {
				if !seen[p] {
					seen[p] = true
					t.ancestors = append(t.ancestors, p)
					if pt := v.terms[p]; pt != nil {
						queue = append(queue, pt)
					}
				}
			}
		}
	})
	return t.ancestors
}

// Name is the term's display name, or the id itself for an unknown term.
func (v *Vocabulary) Name(term string) string {
	if v != nil {
		if t := v.terms[term]; t != nil {
			return t.name
		}
	}
	return term
}

// Has reports whether id is a term of this vocabulary.
func (v *Vocabulary) Has(id string) bool { _, ok := v.terms[id]; return ok }

// Parents are the terms a term is directly within, in declared order.
func (v *Vocabulary) Parents(id string) []string {
	if t := v.terms[id]; t != nil {
		return slices.Clone(t.parents)
	}
	return nil
}

// NationalityCountry is a nationality's ISO country code, "" if none.
func (v *Vocabulary) NationalityCountry(id string) string {
	if t := v.terms[id]; t != nil {
		return t.country
	}
	return ""
}

// Events are the vocabulary's events by id (a fresh map).
func (v *Vocabulary) Events() map[string]reconcile.Event {
	out := make(map[string]reconcile.Event, len(v.events))
	for k, e := range v.events {
		out[k] = e
	}
	return out
}

// Event looks up an event by id.
func (v *Vocabulary) Event(id string) (reconcile.Event, bool) {
	e, ok := v.events[id]
	return e, ok
}

// EventIDs lists event ids in definition order.
func (v *Vocabulary) EventIDs() []string { return slices.Clone(v.eventOrder) }

// EventByName resolves an event name or alias (or id) to its id.
func (v *Vocabulary) EventByName(name string) (string, bool) {
	if _, ok := v.events[name]; ok {
		return name, true
	}
	id, ok := v.names["event"][textnorm.Key(name)]
	return id, ok
}

// Properties are the properties by id, as reconciliation needs them.
func (v *Vocabulary) Properties() map[string]reconcile.Property {
	out := make(map[string]reconcile.Property, len(v.properties))
	for k, p := range v.properties {
		out[k] = p.Property
	}
	return out
}

// Property looks up a property by id.
func (v *Vocabulary) Property(id string) (Property, bool) {
	p, ok := v.properties[id]
	return p, ok
}

// PropertyIDs lists property ids in definition order.
func (v *Vocabulary) PropertyIDs() []string { return slices.Clone(v.propOrder) }

// Terms lists the ids of every term of a class, built-ins first, then in
// definition order.
func (v *Vocabulary) Terms(c Class) []string {
	var out []string
	for _, id := range v.order {
		if v.terms[id].class == c {
			out = append(out, id)
		}
	}
	return out
}

// Names lists every name and alias of every term of a class (every event
// name and alias for EventClass), display names first within each term, in
// a stable order. The draft command uses it to spot vocabulary in articles.
func (v *Vocabulary) Names(c Class) []Entry {
	if c == EventClass {
		return slices.Clone(v.entries["event"])
	}
	var out []Entry
	for _, id := range v.order {
		t := v.terms[id]
		if t.class != c {
			continue
		}
		for _, n := range t.names {
			out = append(out, Entry{Term: id, Name: n})
		}
	}
	return out
}

// Resolve looks a name up among the terms of one class; for categories,
// across every property's categories (use Read to stay within one).
func (v *Vocabulary) Resolve(c Class, name string) (string, bool) {
	k := textnorm.Key(name)
	if c == CategoryClass {
		for _, p := range v.propOrder {
			if id, ok := v.names["category/"+p][k]; ok {
				return id, true
			}
		}
		return "", false
	}
	id, ok := v.names[string(c)][k]
	return id, ok
}

// ---- building

// nameKey is a name's key (textnorm.Key) in its namespace.
type nameKey struct{ namespace, key string }

type builder struct {
	v        *Vocabulary
	problems []reconcile.Problem
	// nameAt remembers where each (namespace, key) was first claimed, to
	// say where the other use is when two terms share a name.
	nameAt map[nameKey]reconcile.Pos
}

func (b *builder) errorf(p reconcile.Pos, format string, args ...any) {
	b.problems = append(b.problems, reconcile.Problem{Pos: p, Severity: reconcile.Error, Message: fmt.Sprintf(format, args...)})
}

// Build checks the definitions and builds the vocabulary. A definition with
// a problem is left out or partly used, so that one mistake is reported once
// rather than again at every claim that uses the term.
func Build(d Defs) (*Vocabulary, []reconcile.Problem) {
	b := &builder{v: newVocabulary(len(d.Events)), nameAt: make(map[nameKey]reconcile.Pos, len(d.Events)+len(d.Places))}
	b.countries(d.Countries)
	b.properties(d.Properties)
	places := b.places(d.Places)
	nats := b.nationalities(d.Nationalities)
	orgs := b.organisations(d.Organisations)
	persons := b.persons(d.Persons)
	cats := b.categories(d.Categories)
	events := b.events(d.Events)

	// Parents are resolved only once every term is known, so a file may
	// mention a place defined in a later file.
	for _, p := range places {
		if p.def.Within != "" {
			if id, ok := b.placeRef(p.def.Within, p.def.At.Key("within"), func() string { return fmt.Sprintf("place %q is within", p.def.ID) }); ok {
				p.t.parents = []string{id}
			}
		}
	}
	for _, n := range nats {
		n.t.parents = b.refs(NationalityClass, "", n.def.Within, n.def.At.Key("within"), func() string { return fmt.Sprintf("nationality %q is within", n.def.ID) }, "nationality")
	}
	for _, o := range orgs {
		o.t.parents = b.refs(OrganisationClass, "", o.def.Within, o.def.At.Key("within"), func() string { return fmt.Sprintf("organisation %q is within", o.def.ID) }, "organisation")
	}
	for _, p := range persons {
		p.t.parents = b.refs(OrganisationClass, "", p.def.Organisations, p.def.At.Key("organisation"), func() string { return fmt.Sprintf("person %q belongs to", p.def.ID) }, "organisation")
	}
	for _, c := range cats {
		c.t.parents = b.refs(CategoryClass, c.def.Property+"/", c.def.Within, c.def.At.Key("within"), func() string { return fmt.Sprintf("category %q is within", c.def.ID) }, fmt.Sprintf("%s category", c.def.Property))
	}
	for _, e := range events {
		if e.def.Place == "" {
			continue
		}
		if id, ok := b.placeRef(e.def.Place, e.def.At.Key("place"), func() string { return fmt.Sprintf("event %q happened in", e.def.ID) }); ok {
			ev := b.v.events[e.def.ID]
			ev.Place = id
			b.v.events[e.def.ID] = ev
		}
	}
	b.breakCycles()
	return b.v, b.problems
}

type built[D any] struct {
	def D
	t   *term
}

// addTerm checks a definition's id, name and aliases and registers the
// term; nil when the id is unusable (already reported).
func (b *builder) addTerm(c Class, ns, local, what, id, name string, aliases []string, at At) *term {
	if !ValidID(id) {
		hint := ""
		if s := Slug(id); s != "" && s != id {
			hint = fmt.Sprintf(" (e.g. %q)", s)
		}
		b.errorf(at.Key("id"), "%s id %q must be lower-case letters, digits and hyphens, starting with a letter or digit%s", what, id, hint)
		return nil
	}
	tid := TermID(c, local)
	if old := b.v.terms[tid]; old != nil {
		b.errorf(at.Key("id"), "duplicate %s id %q: already defined at %s; rename or remove one of them", what, id, old.at.Pos)
		return nil
	}
	if name == "" {
		name = id
	}
	t := &term{id: tid, class: c, local: local, name: name, at: at}
	b.v.terms[tid] = t
	b.v.order = append(b.v.order, tid)
	b.name(ns, t, name, at.Key("name"), "name", what)
	for _, a := range aliases {
		b.name(ns, t, a, at.Key("aliases"), "alias", what)
	}
	return t
}

// name registers one name of t in namespace ns. Two terms answering to one
// name would make a claim's reading depend on which was defined first, so
// that is an error, not a silent preference.
func (b *builder) name(ns string, t *term, n string, pos reconcile.Pos, role, what string) {
	k := textnorm.Key(n)
	if k == "" {
		b.errorf(pos, "%s %q of %s %q has no letters or digits; remove it", role, n, what, t.local)
		return
	}
	if b.v.names[ns] == nil {
		b.v.names[ns] = map[string]string{}
	}
	clash := func(other string, at reconcile.Pos) {
		o := b.v.terms[other]
		where := " (at " + at.String() + ")"
		if o.builtin && at == (reconcile.Pos{}) {
			where = " (built in from ISO 3166)"
		}
		b.errorf(pos, "%s %q of %s %q also names %s %q, %s%s; a name must pick out one term: remove it or make it more specific",
			role, n, what, t.local, classWord(o.class), o.local, o.name, where)
	}
	if other, ok := b.v.names[ns][k]; ok {
		if other != t.id {
			clash(other, b.nameAt[nameKey{ns, k}])
		}
		return
	}
	// Places and countries answer the same questions ("where?"), so a
	// place may not reuse a country's name or the other way round.
	cross := map[string]string{"place": "country", "country": "place"}[ns]
	if other, ok := b.v.names[cross][k]; ok && cross != "" {
		clash(other, b.nameAt[nameKey{cross, k}])
		return
	}
	b.v.names[ns][k] = t.id
	b.nameAt[nameKey{ns, k}] = pos
	t.names = append(t.names, n)
	b.v.entries[ns] = append(b.v.entries[ns], Entry{Term: t.id, Name: n})
}

func classWord(c Class) string {
	if c == OrganisationClass {
		return "organisation"
	}
	return string(c)
}

func (b *builder) properties(defs []PropertyDef) {
	for _, d := range defs {
		if !ValidID(d.ID) {
			b.errorf(d.At.Key("id"), "property id %q must be lower-case letters, digits and hyphens, starting with a letter or digit", d.ID)
			continue
		}
		if _, ok := b.v.properties[d.ID]; ok {
			b.errorf(d.At.Key("id"), "duplicate property id %q: already defined at %s; rename or remove one of them", d.ID, b.v.propAt[d.ID].Pos)
			continue
		}
		kind := reconcile.Kind(d.Kind)
		if !slices.Contains(Kinds, kind) {
			b.errorf(d.At.Key("kind"), "unknown kind %q for property %q%s (kinds: %s)", d.Kind, d.ID, didYouMean(d.Kind, kindNames()), strings.Join(kindNames(), ", "))
			continue
		}
		if d.Cumulative && kind != reconcile.Count {
			b.errorf(d.At.Key("cumulative"), "\"cumulative\" applies only to count properties, and %q is a %s property; remove it", d.ID, kind)
		}
		terms := d.Terms
		if kind == reconcile.Category {
			if len(terms) == 0 {
				terms = []string{"category"}
			}
			seen := map[string]bool{}
			var ok []string
			for _, t := range terms {
				switch {
				case !slices.Contains(categoryTerms, t):
					b.errorf(d.At.Key("terms"), "unknown vocabulary %q in \"terms\" of property %q%s (choose from %s)", t, d.ID, didYouMean(t, categoryTerms), strings.Join(categoryTerms, ", "))
				case !seen[t]:
					seen[t] = true
					ok = append(ok, t)
				}
			}
			terms = ok
		} else if len(terms) > 0 {
			b.errorf(d.At.Key("terms"), "\"terms\" applies only to category properties, and %q is a %s property; remove it", d.ID, kind)
			terms = nil
		}
		name := d.Name
		if name == "" {
			name = d.ID
		}
		b.v.properties[d.ID] = Property{
			Property:    reconcile.Property{ID: d.ID, Name: name, Kind: kind, Cumulative: d.Cumulative && kind == reconcile.Count},
			Terms:       terms,
			Description: d.Description,
		}
		b.v.propOrder = append(b.v.propOrder, d.ID)
		b.v.propAt[d.ID] = d.At
	}
}

// Kinds are the property kinds, in the order the documentation lists them.
var Kinds = []reconcile.Kind{reconcile.Count, reconcile.Date, reconcile.Place, reconcile.Nationality, reconcile.Category, reconcile.Text}

var categoryTerms = []string{"category", "organisation", "person", "country"}

func kindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = string(k)
	}
	return out
}

func didYouMean(s string, candidates []string) string {
	if c := textnorm.Closest(s, candidates); c != "" && c != s {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return ""
}

func (b *builder) places(defs []PlaceDef) []built[PlaceDef] {
	var out []built[PlaceDef]
	for _, d := range defs {
		if t := b.addTerm(PlaceClass, "place", d.ID, "place", d.ID, d.Name, d.Aliases, d.At); t != nil {
			out = append(out, built[PlaceDef]{d, t})
		}
	}
	return out
}

func (b *builder) nationalities(defs []NationalityDef) []built[NationalityDef] {
	var out []built[NationalityDef]
	for _, d := range defs {
		t := b.addTerm(NationalityClass, "nationality", d.ID, "nationality", d.ID, d.Name, d.Aliases, d.At)
		if t == nil {
			continue
		}
		if d.Country != "" {
			if code, ok := b.countryCode(d.Country, d.At.Key("country"), fmt.Sprintf("country of nationality %q", d.ID)); ok {
				t.country = code
			}
		}
		out = append(out, built[NationalityDef]{d, t})
	}
	return out
}

func (b *builder) organisations(defs []OrganisationDef) []built[OrganisationDef] {
	var out []built[OrganisationDef]
	for _, d := range defs {
		if t := b.addTerm(OrganisationClass, "org", d.ID, "organisation", d.ID, d.Name, d.Aliases, d.At); t != nil {
			out = append(out, built[OrganisationDef]{d, t})
		}
	}
	return out
}

func (b *builder) persons(defs []PersonDef) []built[PersonDef] {
	var out []built[PersonDef]
	for _, d := range defs {
		if t := b.addTerm(PersonClass, "person", d.ID, "person", d.ID, d.Name, d.Aliases, d.At); t != nil {
			out = append(out, built[PersonDef]{d, t})
		}
	}
	return out
}

func (b *builder) categories(defs []CategoryDef) []built[CategoryDef] {
	var out []built[CategoryDef]
	for _, d := range defs {
		p, ok := b.v.properties[d.Property]
		switch {
		case !ok:
			b.errorf(d.At.Key("property"), "category %q is for property %q, which is not in the vocabulary%s", d.ID, d.Property, didYouMean(d.Property, b.v.propOrder))
			continue
		case p.Kind != reconcile.Category:
			b.errorf(d.At.Key("property"), "category %q is for property %q, which is a %s property, not a category one", d.ID, d.Property, p.Kind)
			continue
		}
		t := b.addTerm(CategoryClass, "category/"+d.Property, d.Property+"/"+d.ID, d.Property+" category", d.ID, d.Name, d.Aliases, d.At)
		if t == nil {
			continue
		}
		t.property = d.Property
		out = append(out, built[CategoryDef]{d, t})
	}
	return out
}

func (b *builder) events(defs []EventDef) []built[EventDef] {
	var out []built[EventDef]
	for _, d := range defs {
		if !ValidID(d.ID) {
			b.errorf(d.At.Key("id"), "event id %q must be lower-case letters, digits and hyphens, starting with a letter or digit", d.ID)
			continue
		}
		if _, ok := b.v.events[d.ID]; ok {
			b.errorf(d.At.Key("id"), "duplicate event id %q: already defined at %s; rename or remove one of them", d.ID, b.v.eventAt[d.ID].Pos)
			continue
		}
		name := d.Name
		if name == "" {
			name = d.ID
		}
		b.v.events[d.ID] = reconcile.Event{ID: d.ID, Name: name, Date: d.Date}
		b.v.eventOrder = append(b.v.eventOrder, d.ID)
		b.v.eventAt[d.ID] = d.At
		b.eventName(d.ID, name, d.At.Key("name"), "name")
		for _, a := range d.Aliases {
			b.eventName(d.ID, a, d.At.Key("aliases"), "alias")
		}
		out = append(out, built[EventDef]{d, nil})
	}
	return out
}

// eventName registers a name of an event; events are not terms, but
// their names are held to the same rule, one name one event.
func (b *builder) eventName(id, n string, pos reconcile.Pos, role string) {
	k := textnorm.Key(n)
	if k == "" {
		b.errorf(pos, "%s %q of event %q has no letters or digits; remove it", role, n, id)
		return
	}
	names := b.v.names["event"] // made by newVocabulary
	if other, ok := names[k]; ok {
		if other != id {
			b.errorf(pos, "%s %q of event %q also names event %q (at %s); a name must pick out one event: remove it or make it more specific",
				role, n, id, other, b.nameAt[nameKey{"event", k}])
		}
		return
	}
	names[k] = id
	b.nameAt[nameKey{"event", k}] = pos
	b.v.entries["event"] = append(b.v.entries["event"], Entry{Term: id, Name: n})
}

// placeRef resolves a "within" or event "place": a place id, or an ISO
// alpha-2 code (upper case, so it cannot be mistaken for a place id).
func (b *builder) placeRef(ref string, pos reconcile.Pos, what func() string) (string, bool) {
	if id := TermID(PlaceClass, ref); b.v.terms[id] != nil {
		return id, true
	}
	if id := TermID(CountryClass, ref); len(ref) == 2 && b.v.terms[id] != nil {
		return id, true
	}
	var cands []string
	for _, id := range b.v.order {
		if t := b.v.terms[id]; t.class == PlaceClass || t.class == CountryClass {
			cands = append(cands, t.local)
		}
	}
	hint := didYouMean(ref, cands)
	if up := strings.ToUpper(ref); len(ref) == 2 && b.v.terms[TermID(CountryClass, up)] != nil {
		hint = fmt.Sprintf("; did you mean %q? (country codes are upper case)", up)
	}
	b.errorf(pos, "%s %q, which is neither a place id nor an ISO 3166 country code%s", what(), ref, hint)
	return "", false
}

// refs resolves a list of ids of one class; unknown ones are reported and
// dropped.
func (b *builder) refs(c Class, prefix string, ids []string, pos reconcile.Pos, what func() string, noun string) []string {
	var out []string
	for _, ref := range ids {
		id := TermID(c, prefix+ref)
		if b.v.terms[id] != nil {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
			continue
		}
		var cands []string
		for _, tid := range b.v.order {
			if t := b.v.terms[tid]; t.class == c && strings.HasPrefix(t.local, prefix) {
				cands = append(cands, strings.TrimPrefix(t.local, prefix))
			}
		}
		b.errorf(pos, "%s %q, which is not a %s id%s", what(), ref, noun, didYouMean(ref, cands))
	}
	return out
}

// breakCycles reports each cycle of "within" links once and cuts the link
// that closes it, so the hierarchy is a DAG from here on. Terms are visited
// in definition order, which makes the reported link deterministic.
func (b *builder) breakCycles() {
	const (
		unseen = iota
		active
		done
	)
	state := map[string]int{}
	var stack []string
	var visit func(id string)
	visit = func(id string) {
		state[id] = active
		stack = append(stack, id)
		t := b.v.terms[id]
		kept := t.parents[:0:0]
		for _, p := range t.parents {
			switch state[p] {
			case active:
				i := slices.Index(stack, p)
				path := make([]string, 0, len(stack)-i+1)
				for _, s := range stack[i:] {
					path = append(path, b.v.terms[s].local)
				}
				path = append(path, b.v.terms[p].local)
				key := "within"
				if t.class == PersonClass {
					key = "organisation"
				}
				b.errorf(t.at.Key(key), "%q makes a cycle: %s; a term cannot be within itself, so remove one of these links", key, strings.Join(path, " is within "))
				continue
			case unseen:
				visit(p)
			}
			kept = append(kept, p)
		}
		t.parents = kept
		stack = stack[:len(stack)-1]
		state[id] = done
	}
	for _, id := range b.v.order {
		if state[id] == unseen {
			visit(id)
		}
	}
}
