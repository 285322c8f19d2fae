// Package phrase reads the words a source uses for a value ("at least 91",
// "nearly 100", "Jan. 3, 2024", "last Wednesday") as ranges. It is pure: the
// publication date a relative date needs is passed in.
//
// Every reading carries a Gloss saying in words how the phrase was read, so
// a fact-checker can challenge the interpretation rather than trust it. The
// rules, and the defaults for vague quantities, are listed in
// docs/reading.md; the doc comments on Count and Date repeat them.
//
// The readers hand-scan their input (no regular expressions) and allocate
// little beyond the Gloss, because a corpus may hold hundreds of thousands of
// claims and every one is read on every run.
package phrase

import (
	"fmt"
	"math"

	"github.com/crosscheck/crosscheck/reconcile"
)

// Options are the readings a project may tune in its crosscheck.toml.
type Options struct {
	// Approx is the relative width given to approximations ("about 90",
	// "nearly 100"): 0.10 reads "about 90" as 81 to 99.
	Approx float64
}

// DefaultOptions are the documented defaults (docs/format.md).
func DefaultOptions() Options { return Options{Approx: 0.10} }

// Validate reports whether the options are usable as written, so the loader
// can point at a bad crosscheck.toml setting. The readers themselves never
// fail on bad options: they clamp Approx into [0, 1] and read NaN as the
// default, because a reading with a wrong width is easier to notice in a
// report than a corpus that will not load at all.
func (o Options) Validate() error {
	if math.IsNaN(o.Approx) || o.Approx < 0 || o.Approx > 1 {
		return fmt.Errorf("approximation must be between 0 and 1 (0.10 reads \"about 90\" as 81 to 99), not %v", o.Approx)
	}
	return nil
}

// approxPPM is Approx in parts per million. Widths are computed in integer
// arithmetic from it, so that "about 45" at 0.10 is 4.5 rounded up to 5
// whatever the binary expansion of 0.10 happens to be.
func (o Options) approxPPM() uint64 {
	a := o.Approx
	switch {
	case math.IsNaN(a):
		a = DefaultOptions().Approx
	case a < 0:
		a = 0
	case a > 1:
		a = 1
	}
	return uint64(math.Round(a * 1e6))
}

// Unknown is the publication range of a source whose date is not known. Any
// range with Min > Max means the same; this one is spelt out so callers need
// not invent their own. The zero Range is not "unknown": it is 1 January
// 1970, a real day.
var Unknown = reconcile.Range{Min: 1, Max: 0}

// Error says which phrase could not be read and why.
type Error struct {
	Phrase string
	Kind   reconcile.Kind
	Reason string
}

func (e *Error) Error() string {
	return "cannot read " + quote(e.Phrase) + " as a " + string(e.Kind) + ": " + e.Reason
}

func quote(s string) string { return "\"" + s + "\"" }
