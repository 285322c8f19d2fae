package draft

import (
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// mention is a vocabulary name found in the text.
type mention struct {
	class  vocab.Class
	term   string // term id; the plain id for events
	t0, t1 int    // tokens of the paragraph
	text   string // as written
}

// pattern is one vocabulary name as the token keys it must match.
type pattern struct {
	words []string
	// caps[i] says what case the i-th word must have in the text: names
	// are proper nouns, and "IS K" or "AP" must not match "is k" or "ap".
	caps []capRule
	term string
}

type capRule uint8

const (
	anyCase capRule = iota
	initialCap
	allCaps
)

// gazetteer finds the vocabulary's names in tokens. Names are compared as
// textnorm.Key compares them (case, apostrophes, dots and hyphens
// forgiven), plus the case rules above.
type gazetteer struct {
	byFirst map[vocab.Class]map[string][]pattern
}

func newGazetteer(v *vocab.Vocabulary, categoryPrefix string) *gazetteer {
	g := &gazetteer{byFirst: map[vocab.Class]map[string][]pattern{}}
	for _, c := range []vocab.Class{vocab.EventClass, vocab.PlaceClass, vocab.CountryClass, vocab.NationalityClass, vocab.OrganisationClass, vocab.PersonClass, vocab.CategoryClass} {
		m := map[string][]pattern{}
		for _, e := range v.Names(c) {
			if c == vocab.CategoryClass && (categoryPrefix == "" || !strings.HasPrefix(e.Term, categoryPrefix)) {
				continue
			}
			p, ok := compile(e.Name)
			if !ok {
				continue
			}
			p.term = e.Term
			m[p.words[0]] = append(m[p.words[0]], p)
		}
		for k, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
			m[k] = ps
		}
		g.byFirst[c] = m
	}
	return g
}

func compile(name string) (pattern, bool) {
	var p pattern
	for i, t := range tokenize(name, 0, len(name), nil) {
		if t.kind == tPunct {
			continue
		}
		if i == 0 && t.key == "the" {
			continue // textnorm.Key drops a leading "the"
		}
		p.words = append(p.words, t.key)
		p.caps = append(p.caps, capOf(t.text))
	}
	return p, len(p.words) > 0
}

func capOf(w string) capRule {
	letters, upper := 0, 0
	first := true
	initial := false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if first {
			initial = unicode.IsUpper(r)
			first = false
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	switch {
	case letters >= 2 && upper == letters:
		return allCaps
	case initial && letters > 3:
		// Short particles are written either way: "al-Shabaab", "Al-Shabaab".
		return initialCap
	}
	return anyCase
}

func (r capRule) fits(t token) bool {
	switch r {
	case initialCap:
		return t.upper
	case allCaps:
		return capOf(t.text) == allCaps
	}
	return true
}

// find returns the leftmost-longest mentions of one class in toks.
func (g *gazetteer) find(c vocab.Class, text string, toks []token) []mention {
	m := g.byFirst[c]
	if len(m) == 0 {
		return nil
	}
	var out []mention
	for i := 0; i < len(toks); i++ {
		if toks[i].kind == tPunct {
			continue
		}
		best, bestEnd := "", -1
		for _, p := range m[toks[i].key] {
			if end, ok := p.match(toks, i); ok && end > bestEnd {
				best, bestEnd = p.term, end
			}
		}
		if bestEnd > 0 {
			out = append(out, mention{class: c, term: best, t0: i, t1: bestEnd, text: text[toks[i].lo:toks[bestEnd-1].hi]})
			i = bestEnd - 1
		}
	}
	return out
}

// match reports where p ends if it starts at toks[i]. Dashes between the
// words are skipped, as textnorm.Key makes them spaces.
func (p pattern) match(toks []token, i int) (int, bool) {
	j := i
	for w := range p.words {
		for w > 0 && j < len(toks) && toks[j].isDash() {
			j++
		}
		if j >= len(toks) || toks[j].kind == tPunct || toks[j].key != p.words[w] || !p.caps[w].fits(toks[j]) {
			return 0, false
		}
		j++
	}
	return j, true
}
