package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/reconcile"
)

// ValueReading is one phrase as the value command read it.
type ValueReading struct {
	Input   string
	Kind    reconcile.Kind
	Reading reconcile.Reading
}

// valueRange renders a reading's range for one-line output: count ranges
// as [min, max], dates as ISO days, terms as their ids.
func valueRange(v ValueReading) string {
	k := readingKind(v.Reading, v.Kind)
	switch k {
	case reconcile.Count:
		return v.Reading.Range.String()
	case reconcile.Date:
		return ISORange(v.Reading.Range)
	}
	return ReadAs(v.Reading, k)
}

// Values writes one line per phrase, columns aligned so a list of phrases
// can be compared at a glance:
//
//	"nearly 100"  →  [90, 99]   nearly 100: 90 to 99 (...)
func Values(w io.Writer, vs []ValueReading) error {
	inW, rgW := 0, 0
	for _, v := range vs {
		inW = max(inW, utf8.RuneCountInString(fmt.Sprintf("%q", v.Input)))
		rgW = max(rgW, utf8.RuneCountInString(valueRange(v)))
	}
	for _, v := range vs {
		in, rg := fmt.Sprintf("%q", v.Input), valueRange(v)
		line := pad(in, inW) + "  →  " + pad(rg, rgW) + "   " + v.Reading.Gloss
		if _, err := fmt.Fprintln(w, strings.TrimRight(line, " ")); err != nil {
			return err
		}
	}
	return nil
}

func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s)))
}

type valueJSON struct {
	Input   string    `json:"input"`
	Kind    string    `json:"kind"`
	Min     any       `json:"min"`
	Max     any       `json:"max"`
	Terms   *[]string `json:"terms,omitempty"`
	Reading string    `json:"reading"`
}

// ValuesJSON writes one JSON object per line per phrase (JSON Lines), so a
// script can read results as they come: min and max are integers for
// counts, ISO dates for dates, null for no upper end; term kinds give
// "terms" and null bounds.
func ValuesJSON(w io.Writer, vs []ValueReading) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, v := range vs {
		k := readingKind(v.Reading, v.Kind)
		out := valueJSON{Input: v.Input, Kind: string(k), Reading: v.Reading.Gloss}
		if isTermKind(k) {
			terms := v.Reading.Terms
			if terms == nil {
				terms = []string{}
			}
			out.Terms = &terms
		} else {
			out.Min, out.Max = bounds(v.Reading.Range, k)
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}
