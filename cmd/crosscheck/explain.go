package main

import (
	"io"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reports"
)

const explainAbout = `
Explain tells the story of one event's claims about a property (or about
every property, when PROPERTY is left out): each claim oldest first by the
date it held, who made it and on whose authority, the words used and how
they were read, and whether it agrees or was superseded; then each finding
with the full reasoning behind it.

EVENT is an event id (or name) from the vocabulary, PROPERTY a property id.

Exit status: 0 explained, 2 could not run (including an unknown event or
property).
`

func runExplain(args []string, stdout, stderr io.Writer) int {
	f := newFlags("explain", explainAbout)
	dir := f.String("dir", defaultDir, "claims `directory`")
	cache := f.cacheFlags()
	positional, code, ok := f.parse(args, stdout, stderr)
	if !ok {
		return code
	}
	if len(positional) < 1 || len(positional) > 2 {
		return fail(stderr, "explain: want EVENT [PROPERTY], got %d arguments; run 'crosscheck explain -h' for usage", len(positional))
	}
	l, code, ok := openCached(*dir, cache, stderr)
	if !ok {
		return code
	}
	defer l.Close() // the cache, written while the result is rendered
	r := reconcileCorpus(l)

	event, ok := findEvent(r, positional[0])
	if !ok {
		if id, byName := l.Vocab.EventByName(positional[0]); byName {
			event, ok = id, true
		}
	}
	if !ok {
		return fail(stderr, "explain: unknown event %q%s", positional[0], hint(positional[0], eventIDs(r)))
	}
	property := ""
	if len(positional) == 2 {
		property = positional[1]
		have := propertiesOf(r, event)
		if !slices.Contains(have, property) {
			return fail(stderr, "explain: no claims about property %q of %s%s; its properties: %s",
				property, event, hint(property, have), strings.Join(have, ", "))
		}
	}
	if err := reports.Explain(stdout, r, event, property); err != nil {
		return fail(stderr, "%v", err)
	}
	return exitOK
}

// findEvent accepts an event id as given, or in another case.
func findEvent(r reconcile.Result, s string) (string, bool) {
	for _, id := range eventIDs(r) {
		if strings.EqualFold(id, s) {
			return id, true
		}
	}
	return "", false
}

// eventIDs lists every event the vocabulary defines or a claim names, sorted.
func eventIDs(r reconcile.Result) []string {
	var ids []string
	for id := range r.Events {
		ids = append(ids, id)
	}
	for _, g := range r.Groups {
		ids = append(ids, g.Event)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// propertiesOf lists the properties an event has claims about, sorted.
func propertiesOf(r reconcile.Result, event string) []string {
	var ps []string
	for _, g := range r.Groups {
		if g.Event == event {
			ps = append(ps, g.Property)
		}
	}
	slices.Sort(ps)
	return slices.Compact(ps)
}

// hint is a did-you-mean suffix, or "" when nothing is close.
func hint(s string, candidates []string) string {
	if m := suggest(s, candidates); m != "" {
		return " (did you mean " + `"` + m + `"?)`
	}
	return ""
}
