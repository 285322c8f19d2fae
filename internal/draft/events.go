package draft

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

type eventInfo struct {
	id      string
	place   string // place or country term id, "" if unknown
	days    reconcile.Range
	hasDate bool
	// month and day of an event dated to a single day, so that a year-less
	// "March 22" can be matched when the article's publication date is
	// unknown. Events dated more loosely are not matched that way: "January
	// 3" says nothing about an event of "2024-01".
	month, day int
}

func loadEvents(v *vocab.Vocabulary) []eventInfo {
	var out []eventInfo
	evs := v.Events()
	for _, id := range v.EventIDs() {
		e := evs[id]
		info := eventInfo{id: id, place: e.Place}
		if e.Date != "" {
			if r, err := phrase.Span(e.Date); err == nil {
				info.days, info.hasDate = r, true
				if r.Min == r.Max {
					t := reconcile.DayTime(r.Min)
					info.month, info.day = int(t.Month()), t.Day()
				}
			}
		}
		out = append(out, info)
	}
	return out
}

// when is a date of the text as event resolution uses it.
type when struct {
	days      reconcile.Range
	known     bool // days is set
	month     int  // year-less date when the publication is unknown
	day       int
	text      string
	precision string
}

func (w when) matches(e eventInfo) bool {
	if !e.hasDate {
		return false
	}
	if w.known {
		return w.days.Overlaps(e.days)
	}
	return w.month != 0 && w.day != 0 && w.month == e.month && w.day == e.day
}

// usable reports whether the date can say which event is meant: a
// relative date cannot while the publication date is unknown.
func (w when) usable() bool { return w.known || w.month != 0 && w.day != 0 }

// soonAfter reports a date within a month after the event.
func (w when) soonAfter(e eventInfo) bool {
	return w.known && e.hasDate && w.days.Min > e.days.Max && w.days.Min-e.days.Max <= 31
}

// signals are what a sentence or a paragraph says that can pick out an
// event.
type signals struct {
	named  []mention // event names
	places []mention // places (not countries: "in Iran" picks out nothing)
	dates  []when
}

func (s signals) empty() bool { return len(s.named) == 0 && len(s.places) == 0 && len(s.dates) == 0 }

// choice is the outcome of event resolution.
type choice struct {
	event      string // "" when left to the reviewer
	why        string
	candidates []string
}

// resolve picks the event the signals point to. Names are the strongest
// signal, then places, then dates; dates narrow the others down. When
// several events remain and only one of them spans every date given, that
// one is meant ("in October 2022 and August 2023, twin ... incursions at
// the Shahchirag ... shrine" is both attacks together).
func (d *drafter) resolve(s signals, scope string) (choice, bool) {
	if s.empty() {
		return choice{}, false
	}
	var cands []string
	var basis string
	switch {
	case len(s.named) > 0:
		for _, m := range s.named {
			cands = appendNew(cands, m.term)
		}
		basis = "names " + quoteMentions(s.named)
	case len(s.places) > 0:
		// An event at the place or inside it ("Kabul" for the Kabul
		// airport bombing); failing that, one at a place containing it
		// ("Soleimani's grave" for the bombing in Kerman).
		for _, e := range d.events {
			for _, m := range s.places {
				if e.place != "" && (e.place == m.term || d.v.Within(e.place, m.term)) {
					cands = appendNew(cands, e.id)
				}
			}
		}
		if len(cands) == 0 {
			for _, e := range d.events {
				for _, m := range s.places {
					if e.place != "" && d.v.Within(m.term, e.place) {
						cands = appendNew(cands, e.id)
					}
				}
			}
		}
		basis = "names " + quoteMentions(s.places)
		if len(cands) == 0 {
			if len(s.dates) > 0 {
				// The place is unknown to every event, but the date may
				// still tell.
				return d.resolve(signals{dates: s.dates}, scope)
			}
			return choice{why: fmt.Sprintf("the %s %s, but no event in the vocabulary took place there", scope, basis)}, true
		}
	default:
		for _, e := range d.events {
			for _, w := range s.dates {
				if w.matches(e) {
					cands = appendNew(cands, e.id)
				}
			}
		}
		if len(cands) == 0 {
			return choice{}, false
		}
	}
	if len(s.dates) > 0 {
		var texts []string
		for _, w := range s.dates {
			texts = append(texts, w.text)
		}
		dated := "the date " + strings.Join(texts, ", ")
		if len(texts) > 1 {
			dated = "the dates " + strings.Join(texts, ", ")
		}
		if basis == "" {
			basis = "gives " + dated
		} else {
			basis += " and " + dated
		}
		// An event the vocabulary gives no date is not ruled out by one.
		var kept []string
		for _, id := range cands {
			e := d.event(id)
			for _, w := range s.dates {
				if w.matches(e) || !e.hasDate {
					kept = append(kept, id)
					break
				}
			}
		}
		if len(kept) == 0 {
			// "On January 4, 2024, a day after the deadly explosions ... in
			// Kerman": a date soon after an event there is a later
			// development of it (a claim, a toll, an arrest), not another
			// event.
			for _, id := range cands {
				e := d.event(id)
				for _, w := range s.dates {
					if w.soonAfter(e) {
						kept = append(kept, id)
						break
					}
				}
			}
			if len(kept) > 0 {
				basis += " (within a month after it)"
			}
		}
		switch {
		case len(kept) == 0 && len(s.named) == 0:
			return choice{why: fmt.Sprintf("the %s %s, but no known event there matches that date", scope, basis), candidates: cands}, true
		case len(kept) > 0:
			cands = kept
		}
		if len(cands) > 1 && len(s.dates) > 1 {
			var all []string
			for _, id := range cands {
				e := d.event(id)
				every := true
				for _, w := range s.dates {
					every = every && w.matches(e)
				}
				if every {
					all = append(all, id)
				}
			}
			if len(all) == 1 {
				return choice{event: all[0], why: fmt.Sprintf("the %s %s, and only %s spans all of them", scope, basis, all[0])}, true
			}
		}
	}
	if len(cands) == 1 {
		return choice{event: cands[0], why: fmt.Sprintf("the %s %s", scope, basis)}, true
	}
	// A place and a date that fit both an attack and a longer event
	// containing it (the Shah Cheragh attack of October 2022, and both
	// attacks taken together) mean the attack: the narrower reading.
	if len(s.dates) > 0 && (len(s.named) > 0 || len(s.places) > 0) {
		if id := d.innermost(cands); id != "" {
			return choice{event: id, why: fmt.Sprintf("the %s %s; of the events that fit, %s is the narrowest and the others span it", scope, basis, id)}, true
		}
	}
	sort.Strings(cands)
	return choice{why: fmt.Sprintf("the %s %s, which fits more than one event", scope, basis), candidates: cands}, true
}

// innermost is the one candidate whose dates every other candidate's
// dates contain, or "".
func (d *drafter) innermost(cands []string) string {
	for _, id := range cands {
		e := d.event(id)
		if !e.hasDate {
			continue
		}
		inside := true
		for _, other := range cands {
			o := d.event(other)
			if other != id && (!o.hasDate || !o.days.Contains(e.days) || o.days == e.days) {
				inside = false
				break
			}
		}
		if inside {
			return id
		}
	}
	return ""
}

func (d *drafter) event(id string) eventInfo {
	for _, e := range d.events {
		if e.id == id {
			return e
		}
	}
	return eventInfo{}
}

func quoteMentions(ms []mention) string {
	var out []string
	for _, m := range ms {
		out = appendNew(out, fmt.Sprintf("%q", m.text))
	}
	return strings.Join(out, ", ")
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// readDate reads a date of the text with phrase.Date, against the
// publication date when known. A year-less or relative date cannot be
// placed without it; it is still proposed (the loader reads it once the
// reviewer fills in `published`), and matched to events by month and day.
func (d *drafter) readDate(h dateHit, text string) (when, bool) {
	w := when{text: text, precision: h.precision}
	pub := d.pub
	if !d.pubKnown {
		if h.relative || h.year == 0 {
			// Only the form is checked here, against an arbitrary day.
			pub = reconcile.Range{Min: reconcile.DayOf(2000, time.June, 15), Max: reconcile.DayOf(2000, time.June, 15)}
			if _, _, err := phrase.Date(text, pub, d.opts.Phrase); err != nil {
				return w, false
			}
			w.month, w.day = h.month, h.day
			return w, true
		}
	}
	r, _, err := phrase.Date(text, pub, d.opts.Phrase)
	if err != nil {
		return w, false
	}
	w.days, w.known = r.Range, true
	return w, true
}
