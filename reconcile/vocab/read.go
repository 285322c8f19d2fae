package vocab

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
)

// separator joins several terms in one value: "Israel and the United
// States", "Tajik, Uzbek & Kyrgyz", "IS-K or Jaish al-Adl".
var separator = regexp.MustCompile(`(?i)\s*(?:,|&|\band\b|\bor\b)\s*`)

// maySeparate reports whether s could hold a separator: a comma, an
// ampersand, or the letters of "and" or "or" in any case. Most values are
// one name, and the regular expression costs far more than this look.
func maySeparate(s string) bool {
	if strings.ContainsAny(s, ",&") {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		switch s[i] | 0x20 {
		case 'o':
			if s[i+1]|0x20 == 'r' {
				return true
			}
		case 'a':
			if i+2 < len(s) && s[i+1]|0x20 == 'n' && s[i+2]|0x20 == 'd' {
				return true
			}
		}
	}
	return false
}

// maxParts and maxLen bound the segmentation search, whose cost grows with
// the square of the parts times the length; no honest value comes near.
const (
	maxParts = 64
	maxLen   = 2000
)

// namespaces says where a value of kind (for a category kind, of property)
// is looked up, and how to name what was looked for.
func (v *Vocabulary) namespaces(kind reconcile.Kind, property string) (ns []string, noun string, err string) {
	switch kind {
	case reconcile.Place:
		return []string{"place", "country"}, "place or country", ""
	case reconcile.Nationality:
		return []string{"nationality"}, "nationality", ""
	case reconcile.Category:
		terms := categoryTerms
		if property != "" {
			p, ok := v.properties[property]
			switch {
			case !ok:
				return nil, "", fmt.Sprintf("there is no property %q in the vocabulary", property)
			case p.Kind != reconcile.Category:
				return nil, "", fmt.Sprintf("property %q is a %s property, not a category one", property, p.Kind)
			}
			terms = p.Terms
		}
		var nouns []string
		for _, t := range terms {
			switch t {
			case "category":
				if property == "" {
					for _, p := range v.propOrder {
						ns = append(ns, "category/"+p)
					}
					nouns = append(nouns, "category")
				} else {
					ns = append(ns, "category/"+property)
					nouns = append(nouns, property+" category")
				}
			case "organisation":
				ns = append(ns, "org")
				nouns = append(nouns, "organisation")
			case "person", "country":
				ns = append(ns, t)
				nouns = append(nouns, t)
			}
		}
		return ns, orList(nouns), ""
	}
	return nil, "", fmt.Sprintf("%s values are not vocabulary terms", kind)
}

func orList(words []string) string {
	switch len(words) {
	case 0:
		return "term"
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// lookup finds the term a name stands for in any of the namespaces. A
// name found as two different terms (an organisation and a person both
// called "Hamas"?) is ambiguous rather than silently the first.
func (v *Vocabulary) lookup(ns []string, name string) (ids []string) {
	k := textnorm.Key(name)
	if k == "" {
		return nil
	}
	for _, n := range ns {
		if id, ok := v.names[n][k]; ok && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// Read reads a value of a term kind (place, nationality, category) as the
// canonical ids of the terms it names; text values come back normalised.
// property matters only for categories, whose vocabulary is per property;
// "" searches every category. Several terms may be joined with "and", "or",
// "&" or commas, but a name that itself contains one ("Bosnia and
// Herzegovina") is still read whole: of the ways to cut the value into
// known names, the one with the fewest pieces wins. A value that cannot be
// read is a *phrase.Error whose Reason suggests the nearest known name.
func (v *Vocabulary) Read(kind reconcile.Kind, property, s string) (reconcile.Reading, error) {
	fail := func(format string, args ...any) (reconcile.Reading, error) {
		return reconcile.Reading{}, &phrase.Error{Phrase: s, Kind: kind, Reason: fmt.Sprintf(format, args...)}
	}
	if kind == reconcile.Text {
		n := strings.ToLower(textnorm.Normalize(s))
		if n == "" {
			return fail("it is empty")
		}
		return reconcile.Reading{Kind: kind, Terms: []string{n}, Gloss: fmt.Sprintf("%q: as text, %q", s, n)}, nil
	}
	ns, noun, bad := v.namespaces(kind, property)
	if bad != "" {
		return fail("%s", bad)
	}

	// parts are the stretches between separators, as byte ranges of s, so
	// that adjacent parts can be rejoined with their original separators.
	type span struct{ from, to int }
	var parts []span
	at := 0
	var seps [][]int
	if maySeparate(s) {
		seps = separator.FindAllStringIndex(s, -1)
	}
	for _, m := range seps {
		if strings.TrimSpace(s[at:m[0]]) != "" {
			parts = append(parts, span{at, m[0]})
		}
		at = m[1]
	}
	if strings.TrimSpace(s[at:]) != "" {
		parts = append(parts, span{at, len(s)})
	}
	if len(parts) == 0 {
		return fail("it names no %s", noun)
	}
	if len(s) > maxLen {
		return fail("it is longer than %d bytes, too long for a list of names", maxLen)
	}
	if len(parts) > maxParts {
		return fail("it joins more than %d names", maxParts)
	}
	text := func(i, j int) string { return strings.TrimSpace(s[parts[i].from:parts[j-1].to]) }

	// best[j] is the fewest known names covering parts[:j]; cut[j] where
	// the last of them starts. Ambiguous names stop the search with an
	// error of their own rather than being skipped over.
	const none = maxParts + 1
	best := make([]int, len(parts)+1)
	cut := make([]int, len(parts)+1)
	for j := 1; j <= len(parts); j++ {
		best[j] = none
		for i := 0; i < j; i++ {
			if best[i] == none || best[i]+1 >= best[j] {
				continue
			}
			ids := v.lookup(ns, text(i, j))
			if len(ids) > 1 {
				return fail("%q is ambiguous: it names %s; make the vocabulary's names distinct", text(i, j), v.describe(ids))
			}
			if len(ids) == 1 {
				best[j], cut[j] = best[i]+1, i
			}
		}
	}
	if best[len(parts)] == none {
		for i := range parts {
			if covered(parts, i, func(a, b int) bool { return len(v.lookup(ns, text(a, b))) > 0 }) {
				continue
			}
			name := text(i, i+1)
			hint := ""
			if c := textnorm.Closest(name, v.candidates(ns)); c != "" {
				hint = fmt.Sprintf("; did you mean %q?", c)
			}
			return fail("no %s is called %q%s (if the name is right, add it to the vocabulary as an alias)", noun, name, hint)
		}
		return fail("its names do not fit together as known %s names", noun)
	}
	var ids, names []string
	for j := len(parts); j > 0; j = cut[j] {
		id := v.lookup(ns, text(cut[j], j))[0]
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Reverse(ids)
	// "Kerman, Iran" names one place, Kerman, and says where it is: for
	// places, a term that another term of the value lies within only
	// locates it, and is dropped so the reading is as precise as the value.
	var context []string
	if kind == reconcile.Place {
		var kept []string
		for _, id := range ids {
			locates := false
			for _, other := range ids {
				if other != id && v.Within(other, id) {
					locates = true
				}
			}
			if locates {
				context = append(context, v.Name(id))
			} else {
				kept = append(kept, id)
			}
		}
		ids = kept
	}
	for _, id := range ids {
		names = append(names, v.Name(id))
	}
	gloss := fmt.Sprintf("%q: %s", s, strings.Join(names, "; "))
	if len(context) > 0 {
		gloss += " (in " + strings.Join(context, ", ") + ")"
	}
	return reconcile.Reading{Kind: kind, Terms: ids, Gloss: gloss}, nil
}

// covered reports whether part i lies in some run of parts that reads as
// a known name, so that the error names a part that is really unknown.
func covered[T any](parts []T, i int, known func(a, b int) bool) bool {
	for a := 0; a <= i; a++ {
		for b := i + 1; b <= len(parts); b++ {
			if known(a, b) {
				return true
			}
		}
	}
	return false
}

func (v *Vocabulary) describe(ids []string) string {
	var out []string
	for _, id := range ids {
		c, local := SplitTermID(id)
		out = append(out, fmt.Sprintf("%s %q (%s)", classWord(c), local, v.Name(id)))
	}
	return orList(out)
}

func (v *Vocabulary) candidates(ns []string) []string {
	var out []string
	for _, n := range ns {
		for _, e := range v.entries[n] {
			out = append(out, e.Name)
		}
	}
	return out
}

// Suggest returns the known name nearest to name among the names a value
// of kind could use (any property's, for categories), or "" when nothing
// is close enough to be a plausible misspelling.
func (v *Vocabulary) Suggest(kind reconcile.Kind, name string) string {
	ns, _, bad := v.namespaces(kind, "")
	if bad != "" {
		return ""
	}
	return textnorm.Closest(name, v.candidates(ns))
}
