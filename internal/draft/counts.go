package draft

import (
	"strings"

	"github.com/crosscheck/crosscheck/reconcile/phrase"
)

// qualifiers that may open a count phrase, by first word, longest first:
// the readers' own list, so a candidate starts exactly where phrase.Count
// would accept it.
var qualifiers = phrase.Qualifiers()

var multipliers = set("hundred", "thousand", "million", "billion", "dozen")

var vagueSmall = set("few", "couple", "handful")

var vaguePlural = set("tens", "dozens", "scores", "hundreds", "thousands", "millions")

// phraseAt finds a count phrase starting at toks[i]: an optional
// qualifier, a figure, optionally a second figure making a range, and an
// optional postfix ("or more", "+"). end is 0 when there is none. The
// figure is not yet checked: phrase.Count does that.
func phraseAt(toks []token, i int) (end int, figure int) {
	j := i
	between := false
	if t := toks[i]; t.kind == tWord {
		for _, q := range qualifiers[t.key] {
			if k, ok := words(toks, i, q); ok {
				j = k
				between = q[0] == "between"
				break
			}
		}
	}
	k := quantityAt(toks, j)
	if k == 0 {
		return 0, 0
	}
	figure = j
	end = k
	// A range: "15 to 20", "15-20", "between 15 and 20", "15 or 20".
	if end < len(toks) {
		sep := toks[end]
		if sep.is("to", "or") || sep.isDash() || (between && sep.is("and")) {
			if k2 := quantityAt(toks, end+1); k2 > 0 {
				end = k2
			}
		}
	}
	// Postfixes: "or more", "or so", "100+", "100-plus", "100 plus".
	if end < len(toks) {
		switch t := toks[end]; {
		case t.isPunct("+") && t.glued:
			end++
		case t.is("plus"):
			end++
		case t.isDash() && t.glued && end+1 < len(toks) && toks[end+1].is("plus"):
			end += 2
		case t.is("or") && end+1 < len(toks) && toks[end+1].is("more", "so", "over", "above", "thereabouts"):
			end += 2
		}
	}
	return end, figure
}

// words matches the given lower-case words at toks[i:].
func words(toks []token, i int, ws []string) (int, bool) {
	for _, w := range ws {
		if i >= len(toks) || toks[i].key != w {
			return 0, false
		}
		i++
	}
	return i, true
}

// quantityAt reads a figure at toks[i]: digits with any multiplier words,
// a run of number words, or a vague amount ("dozens", "a few", "several").
func quantityAt(toks []token, i int) int {
	if i >= len(toks) {
		return 0
	}
	t := toks[i]
	switch {
	case t.kind == tNum:
		if t.suffix != "" {
			return 0
		}
		j := i + 1
		for j < len(toks) && multipliers[toks[j].key] {
			j++
		}
		return j
	case t.kind != tWord:
		return 0
	case t.is("a", "an"):
		if i+1 < len(toks) && (multipliers[toks[i+1].key] || vagueSmall[toks[i+1].key]) {
			return numberRun(toks, i+1)
		}
		return 0
	case t.is("half"):
		if k, ok := words(toks, i+1, []string{"a", "dozen"}); ok {
			return k
		}
		return 0
	case t.is("several"):
		return numberRun(toks, i)
	case vaguePlural[t.key]:
		j := i + 1
		// "tens of thousands", "hundreds of thousands"
		if j+1 < len(toks) && toks[j].is("of") && vaguePlural[toks[j+1].key] {
			j += 2
		}
		return j
	case phrase.IsNumberWord(t.text):
		return numberRun(toks, i)
	}
	return 0
}

// numberRun extends a figure over number words, "and" between them ("one
// hundred and twenty") and hyphens ("twenty-one").
func numberRun(toks []token, i int) int {
	j := i + 1
	for j < len(toks) {
		t := toks[j]
		switch {
		case t.kind == tWord && (phrase.IsNumberWord(t.text) && !vaguePlural[t.key] || multipliers[t.key]):
			j++
		case (t.is("and") || t.isDash() && t.glued) && j+1 < len(toks) && toks[j+1].kind == tWord && phrase.IsNumberWord(toks[j+1].text) && !vaguePlural[toks[j+1].key]:
			j += 2
		default:
			return j
		}
	}
	return j
}

// countHit is a figure tied to what it counts.
type countHit struct {
	fam      family
	t0, t1   int // the value's tokens
	npEnd    int // just past the counted noun, for lists ("170 civilians and 13 ...")
	trigger  string
	how      string // how the trigger ties it, for the comment
	viaLeft  bool   // tied by a word before it, which a list may share
	group    string // deaths sub-property, from the counted noun's nationality
	groupWhy string
	listOf   int // index of the first hit of its list, or its own
}

// notACount reports why the figure at toks[f] (the phrase spanning
// [start, end)) is not a count of people, or "".
func notACount(toks []token, start, f, end int, inDate []bool) string {
	t := toks[f]
	if inDate[f] {
		return "part of a date"
	}
	if t.kind == tNum {
		digits := strings.ReplaceAll(t.text, ",", "")
		if len(digits) == 4 && !strings.Contains(t.text, ",") && digits >= "1000" && digits <= "2999" && start == f {
			return "a year"
		}
		if strings.Count(t.text, ".") > 0 && len(digits) > 4 {
			return "a dotted number"
		}
		if f > 0 && (toks[f-1].kind == tNum || toks[f-1].isPunct("+#:/") && t.glued) {
			return "part of a longer number"
		}
	}
	if f > 0 && toks[f-1].kind == tWord {
		if _, month := monthNumber[toks[f-1].key]; month && toks[f-1].upper {
			return "part of a date"
		}
	}
	if start > 0 && notCountBefore[toks[start-1].key] {
		return "a page, phone, age or reference number"
	}
	if end < len(toks) {
		n := toks[end]
		switch {
		case n.kind == tNum && !n.glued:
			return "part of a longer number"
		case n.isPunct("%％") || n.is("percent", "pct") || n.is("per") && end+1 < len(toks) && toks[end+1].is("cent"):
			return "a percentage"
		case n.isDash() && n.glued && end+1 < len(toks) && toks[end+1].glued && toks[end+1].kind == tWord:
			return "a compound modifier (\"24-hour\")"
		case n.isPunct(":/") && n.glued:
			return "a time or a fraction"
		case units[n.key]:
			return "a measure (" + n.text + ")"
		case n.kind == tWord && n.upper:
			if _, month := monthNumber[n.key]; month {
				return "part of a date"
			}
		case n.is("old"):
			return "an age"
		}
	}
	// "killing dozens at a time": a habit, not one event's toll.
	for k := end; k < len(toks) && k <= end+3; k++ {
		if toks[k].is("at") && k+2 < len(toks) && toks[k+1].is("a") && toks[k+2].is("time") {
			return "a general statement (\"at a time\")"
		}
	}
	return ""
}

// tieCount decides what a figure counts from the words around it, or
// returns ok false when nothing ties it to a casualty, perpetrator or
// arrest. Only adjacent words count, so a tie never crosses a clause.
func tieCount(toks []token, start, end int, natEnd []bool) (h countHit, ok bool) {
	h.t0, h.t1 = start, end
	h.npEnd = end
	// Left: a verb or a governing noun right before the phrase.
	if start > 0 {
		l := toks[start-1]
		if f, found := verbFamily[l.key]; found && l.kind == tWord {
			h.fam, h.trigger, h.how, h.viaLeft = f, l.text, "counted by %q just before it", true
			h.npEnd = nounEnd(toks, end)
			return h, true
		}
		if start > 1 {
			gov := toks[start-2]
			if f, found := nominalFamily[gov.key]; found && (l.is("of") || l.is("on", "to", "among") && f == famInjured) {
				h.fam, h.trigger, h.how, h.viaLeft = f, gov.text+" "+l.text, "counted by %q just before it", true
				h.npEnd = nounEnd(toks, end)
				return h, true
			}
			if l.is("by") && (perpetratedBy[gov.key] || gov.is("out") && start > 2 && toks[start-3].is("carried", "carry", "carries", "carrying")) {
				if e, head := personHead(toks, end); head {
					h.fam, h.trigger, h.how, h.npEnd = famPerpetrators, toks[start-2].text+" by", "the attack was %q them", e
					if gov.is("out") {
						h.trigger = "carried out by"
					}
					return h, true
				}
			}
		}
		if tr, f, found := tollBefore(toks, start); found {
			h.fam, h.trigger, h.how = f, tr, "given as the %q"
			return h, true
		}
	}
	// Right: the noun it counts, or a participle after that noun.
	k := end
	if k < len(toks) && toks[k].is("of") && k+1 < len(toks) && ofDeterminers[toks[k+1].key] {
		k += 2
	}
	mods := 0
	for k < len(toks) && mods <= 4 {
		t := toks[k]
		if t.isDash() && t.glued {
			k++
			continue
		}
		if t.kind != tWord {
			break
		}
		if f, found := headFamily[t.key]; found && (!bareHeads[t.key] || k == end) {
			h.fam, h.trigger, h.how, h.npEnd = f, t.text, "counts %q", k+1
			return h, true
		}
		if personNouns[t.key] || natEnd[k] {
			if f, tr, found := participleAfter(toks, k+1); found {
				h.fam, h.trigger, h.how, h.npEnd = f, t.text+" "+tr, "counts %q", k+1
				return h, true
			}
			if k+1 < len(toks) && (personNouns[toks[k+1].key] || natEnd[k+1]) {
				k++
				continue
			}
			return h, false
		}
		if stopWords[t.key] {
			break
		}
		k++
		mods++
	}
	// "91 were killed", "at least 84 died"
	if f, tr, found := participleAfter(toks, end); found {
		h.fam, h.trigger, h.how = f, tr, "is followed by %q"
		return h, true
	}
	return h, false
}

// nounEnd is just past the words after a figure up to the first
// function word ("170 civilians| and 13 ..."), so that a list can be
// recognised.
func nounEnd(toks []token, end int) int {
	k, last := end, end
	for n := 0; k < len(toks) && n <= 5; n++ {
		t := toks[k]
		if t.isDash() && t.glued {
			k++
			continue
		}
		if t.kind != tWord || stopWords[t.key] {
			break
		}
		k++
		last = k
	}
	return last
}

// personHead finds the person noun after a figure ("two Tajik ISIS-K
// members"), returning just past it.
func personHead(toks []token, end int) (int, bool) {
	for k, n := end, 0; k < len(toks) && n <= 4; k++ {
		t := toks[k]
		if t.isDash() && t.glued {
			continue
		}
		if t.kind != tWord || stopWords[t.key] {
			return 0, false
		}
		if personNouns[t.key] || headFamily[t.key] == famPerpetrators {
			return k + 1, true
		}
		n++
	}
	return 0, false
}

// participleAfter finds "were killed", "arrested", "have died", "lost
// their lives" at toks[k:], skipping up to three auxiliaries.
func participleAfter(toks []token, k int) (family, string, bool) {
	start := k
	for n := 0; k < len(toks) && n < 3 && auxiliaries[toks[k].key] && !participleOnly(toks[k]); n++ {
		k++
	}
	if k >= len(toks) || toks[k].kind != tWord {
		return 0, "", false
	}
	if f, ok := participleFamily[toks[k].key]; ok {
		return f, wordsText(toks, start, k+1), true
	}
	if toks[k].is("lost") && k+2 < len(toks) && toks[k+1].is("their") && toks[k+2].is("lives") {
		return famDeaths, wordsText(toks, start, k+3), true
	}
	return 0, "", false
}

func participleOnly(t token) bool { _, ok := participleFamily[t.key]; return ok }

// tollBefore finds "death toll rose to", "the toll from the blast stands
// at", "the number of dead reached" in the few words before a figure: the
// word right before it must link a toll to its figure.
func tollBefore(toks []token, start int) (string, family, bool) {
	if start == 0 || !toks[start-1].is("to", "at", "of", "reached", "hit", "is", "was", "topped", "exceeded", "passed") {
		return "", 0, false
	}
	for k := start - 1; k >= 0 && k >= start-8; k-- {
		t := toks[k]
		if t.kind != tWord {
			return "", 0, false
		}
		if t.is("toll") {
			return wordsText(toks, k, start), famDeaths, true
		}
		if k > 1 && toks[k-1].is("of") && toks[k-2].is("number") {
			switch {
			case t.is("dead", "deaths", "fatalities", "killed", "victims"):
				return wordsText(toks, k-2, start), famDeaths, true
			case t.is("injured", "wounded", "injuries"):
				return wordsText(toks, k-2, start), famInjured, true
			case t.is("arrests", "arrested", "detainees", "detained"):
				return wordsText(toks, k-2, start), famArrests, true
			}
		}
	}
	return "", 0, false
}

// wordsText joins token texts with single spaces (glued tokens without),
// for comments.
func wordsText(toks []token, a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a && !toks[i].glued {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].text)
	}
	return sb.String()
}
