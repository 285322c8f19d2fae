// Package phrase reads the words a source uses for a value ("at least 91",
// "nearly 100", "Jan. 3, 2024", "last Wednesday") as ranges. It is pure: the
// publication date a relative date needs is passed in.
package phrase

import (
	"errors"

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

var errTODO = errors.New("not implemented yet")

// Count reads a count phrase as a whole-number range.
func Count(s string, o Options) (reconcile.Reading, error) {
	return reconcile.Reading{}, errTODO
}

// Date reads a date phrase as a day range. published is the day range of
// the source's publication, used for year-less ("March 22") and relative
// ("last Wednesday") dates. Warnings are readings that succeeded but deserve
// a look ("Friday, March 22" when March 22 was not a Friday).
func Date(s string, published reconcile.Range, o Options) (r reconcile.Reading, warnings []string, err error) {
	return reconcile.Reading{}, nil, errTODO
}

// Span reads the precise date forms used by `published`, `as_of` and event
// dates: "2024-01-03", "2024-01", "2024", or "2024-01-08..2024-01-14".
func Span(s string) (reconcile.Range, error) {
	return reconcile.Range{}, errTODO
}
