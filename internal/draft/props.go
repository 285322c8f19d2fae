package draft

import (
	"strings"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// family is a sort of fact draft knows how to spot. Which property of the
// corpus's vocabulary it becomes is looked up, not assumed: the first id in
// familyIDs that the vocabulary defines with the right kind. A family whose
// property the vocabulary lacks is not drafted at all, since a claim with an
// unknown property would only be a lint error.
type family uint8

const (
	famDeaths family = iota
	famInjured
	famPerpetrators
	famArrests
	famDate
	famClaimedOn
	famPlace
	famNationality
	famResponsibility
	nFamilies
)

var familyIDs = [nFamilies][]string{
	famDeaths:         {"deaths", "killed", "fatalities", "dead"},
	famInjured:        {"injured", "wounded", "injuries"},
	famPerpetrators:   {"perpetrators", "attackers", "perpetrator-count"},
	famArrests:        {"arrested", "arrests", "detained", "detentions"},
	famDate:           {"date", "event-date"},
	famClaimedOn:      {"claimed-on", "claim-date"},
	famPlace:          {"location", "place"},
	famNationality:    {"perpetrator-nationality", "perpetrators-nationality", "nationality"},
	famResponsibility: {"responsibility", "claimed-by", "perpetrator"},
}

var familyKind = [nFamilies]reconcile.Kind{
	famDeaths: reconcile.Count, famInjured: reconcile.Count, famPerpetrators: reconcile.Count,
	famArrests: reconcile.Count, famDate: reconcile.Date, famClaimedOn: reconcile.Date,
	famPlace: reconcile.Place, famNationality: reconcile.Nationality, famResponsibility: reconcile.Category,
}

// group is a sub-property of deaths that counts one group of the dead
// ("deaths-afghans"), found by its id; names are the keys of the words its
// name uses for the group, to be matched against the nationality of the
// counted noun ("13 American military personnel" → "US").
type group struct {
	id    string
	words string // Key of the property's name, padded with spaces
}

type props struct {
	ids    [nFamilies]string // "" when the vocabulary has no such property
	groups []group
}

func findProps(v *vocab.Vocabulary) props {
	var p props
	for f := range nFamilies {
		for _, id := range familyIDs[f] {
			if pr, ok := v.Property(id); ok && pr.Kind == familyKind[f] {
				p.ids[f] = id
				break
			}
		}
	}
	if d := p.ids[famDeaths]; d != "" {
		for _, id := range v.PropertyIDs() {
			pr, _ := v.Property(id)
			if strings.HasPrefix(id, d+"-") && pr.Kind == reconcile.Count {
				p.groups = append(p.groups, group{id: id, words: " " + textnorm.Key(pr.Name) + " "})
			}
		}
	}
	return p
}

// groupFor finds the deaths sub-property whose name mentions a nationality
// (by any of its names, or its country's).
func (p props) groupFor(v *vocab.Vocabulary, nationality string) string {
	var names []string
	for _, e := range v.Names(vocab.NationalityClass) {
		if e.Term == nationality {
			names = append(names, e.Name)
		}
	}
	if code := v.NationalityCountry(nationality); code != "" {
		country := vocab.TermID(vocab.CountryClass, code)
		names = append(names, code)
		for _, e := range v.Names(vocab.CountryClass) {
			if e.Term == country {
				names = append(names, e.Name)
			}
		}
	}
	for _, g := range p.groups {
		for _, n := range names {
			if k := textnorm.Key(n); k != "" && strings.Contains(g.words, " "+k+" ") {
				return g.id
			}
		}
	}
	return ""
}
