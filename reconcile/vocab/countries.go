package vocab

import (
	"fmt"
	"slices"
	"strings"

	"github.com/biter777/countries"
	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
)

// isoCountry is one ISO 3166 entry as the vocabulary uses it.
type isoCountry struct {
	code  string
	name  string   // display name: the ISO name without a bracketed part
	names []string // every built-in name
}

// isoCountries lists the ISO 3166 countries in code order, with their English
// names. ISO writes some names with a bracketed qualifier ("Iran (Islamic
// Republic of)"); the short form before the bracket is what articles say, so
// it becomes the display name and an extra name, unless two countries would
// share it.
var isoCountries = func() []isoCountry {
	var out []isoCountry
	seen := map[string]bool{}
	short := map[string]int{}
	for _, c := range countries.All() {
		code := c.Alpha2()
		if len(code) != 2 || strings.ToUpper(code) != code || seen[code] {
			continue
		}
		seen[code] = true
		full := c.String()
		out = append(out, isoCountry{code: code, name: full, names: []string{full}})
		if s := shortName(full); s != full {
			short[textnorm.Key(s)]++
		}
	}
	for i := range out {
		if s := shortName(out[i].name); s != out[i].name && short[textnorm.Key(s)] == 1 {
			out[i].name = s
			out[i].names = []string{s, out[i].names[0]}
		}
	}
	return out
}()

func shortName(full string) string {
	if i := strings.Index(full, " ("); i > 0 {
		return full[:i]
	}
	return full
}

// countries registers every ISO country, then the corpus's [[country]]
// tables, which may rename one and add aliases but not invent codes.
func (b *builder) countries(defs []CountryDef) {
	for _, c := range isoCountries {
		t := &term{id: TermID(CountryClass, c.code), class: CountryClass, local: c.code, name: c.name, builtin: true}
		b.v.terms[t.id] = t
		b.v.order = append(b.v.order, t.id)
		for _, n := range c.names {
			k := textnorm.Key(n)
			if b.v.names["country"] == nil {
				b.v.names["country"] = map[string]string{}
			}
			if _, dup := b.v.names["country"][k]; dup {
				continue
			}
			b.v.names["country"][k] = t.id
			t.names = append(t.names, n)
			b.v.entries["country"] = append(b.v.entries["country"], Entry{Term: t.id, Name: n})
		}
	}
	defined := map[string]At{}
	for _, d := range defs {
		code, ok := b.countryCode(d.Code, d.At.Key("code"), "[[country]] code")
		if !ok {
			continue
		}
		if prev, dup := defined[code]; dup {
			b.errorf(d.At.Key("code"), "country %s already has a [[country]] table at %s; merge the two", code, prev.Pos)
			continue
		}
		defined[code] = d.At
		t := b.v.terms[TermID(CountryClass, code)]
		t.at = d.At
		if d.Name != "" {
			t.name = d.Name
			b.name("country", t, d.Name, d.At.Key("name"), "name", "country")
			// The display name goes first among the names, as for
			// every other term.
			if i := slices.Index(t.names, d.Name); i > 0 {
				t.names = append([]string{d.Name}, slices.Delete(slices.Clone(t.names), i, i+1)...)
			}
		}
		for _, a := range d.Aliases {
			b.name("country", t, a, d.At.Key("aliases"), "alias", "country")
		}
	}
}

// countryCode checks an ISO 3166 alpha-2 code, suggesting the upper-case
// form or the code of a country named instead of coded.
func (b *builder) countryCode(code string, pos reconcile.Pos, what string) (string, bool) {
	if len(code) == 2 && b.v.terms[TermID(CountryClass, code)] != nil {
		return code, true
	}
	hint := ""
	if up := strings.ToUpper(code); b.v.terms[TermID(CountryClass, up)] != nil {
		hint = fmt.Sprintf("; did you mean %q?", up)
	} else if id, ok := b.v.names["country"][textnorm.Key(code)]; ok {
		hint = fmt.Sprintf("; did you mean %q (%s)?", b.v.terms[id].local, b.v.terms[id].name)
	}
	b.errorf(pos, "%s %q is not an ISO 3166 alpha-2 country code%s", what, code, hint)
	return "", false
}
