package load

import (
	"slices"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// verdict resolves a [[verdict]]'s ids against the vocabulary and the
// sources, and reads its established value the way a claim's value is read
// for that property. A verdict that cannot be resolved is a problem and is
// left out: a half-understood verdict must not silence a finding.
func (l *loader) verdict(pv parsedVerdict, v *vocab.Vocabulary, opts phrase.Options, sourceIDs []string) (reconcile.Verdict, bool) {
	ok := pv.complete
	if pv.event != "" {
		if _, known := v.Event(pv.event); !known {
			ok = false
			l.errorf(pv.key("event"), "verdict on unknown event %q%s", pv.event, suggestID(pv.event, v.EventIDs(), func(name string) (string, bool) { return v.EventByName(name) }))
		}
	}
	prop, known := v.Property(pv.property)
	if pv.property != "" && !known {
		ok = false
		l.errorf(pv.key("property"), "verdict on unknown property %q%s", pv.property, suggestID(pv.property, v.PropertyIDs(), nil))
	}
	for _, id := range pv.rejects {
		if _, found := slices.BinarySearch(sourceIDs, id); !found {
			ok = false
			hint := "; rejects takes source ids (a source's id defaults to its file name)"
			if c := textnorm.Closest(id, sourceIDs); c != "" {
				hint = "; did you mean \"" + c + "\"?"
			}
			l.errorf(pv.key("rejects"), "verdict rejects unknown source %q%s", id, hint)
		}
	}
	out := reconcile.Verdict{
		Event: pv.event, Property: pv.property, Established: pv.established, Rejects: pv.rejects,
		Reason: pv.reason, Evidence: pv.evidence, Decided: pv.decided, By: pv.by,
		AsOf: reconcile.Always, AsOfText: pv.asOf, Pos: pv.pos,
	}
	if pv.asOfOK {
		out.AsOf = pv.asOfDays
	}
	if !ok || !known {
		return out, false
	}
	var err error
	switch prop.Kind {
	case reconcile.Count:
		out.Reading, err = phrase.Count(pv.established, opts)
	case reconcile.Date:
		// A verdict has no publication date to resolve "last Wednesday"
		// against: it must name the date.
		out.Reading, _, err = phrase.Date(pv.established, phrase.Unknown, opts)
	default:
		out.Reading, err = v.Read(prop.Kind, prop.ID, pv.established)
	}
	if err != nil {
		l.errorf(pv.key("established"), "cannot read the established value: %v", err)
		return out, false
	}
	return out, true
}
