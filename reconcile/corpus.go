package reconcile

// Event is a vocabulary event, as far as reconciliation and reports need it.
type Event struct {
	ID    string
	Name  string
	Date  string // as written in the vocabulary, "" if not given
	Place string // place id, "" if not given
}

// Property is a vocabulary property.
type Property struct {
	ID         string
	Name       string
	Kind       Kind
	Cumulative bool // see Group.Cumulative
}

// Corpus is everything loaded from a claims directory, already validated:
// the plain value the loader hands to Run. Claims whose value could not be
// read are not in Claims; the reason is in Problems.
type Corpus struct {
	Root       string // the claims directory as given
	Sources    []Source
	Claims     []Claim
	Events     map[string]Event
	Properties map[string]Property
	Hierarchy  Hierarchy
	Problems   []Problem
	Verdicts   []Verdict
	// Unverified counts claims whose source has no archived text, so their
	// quotes could not be checked (not an error).
	Unverified int
}

// Result is everything a run concluded; reports render it and nothing else.
type Result struct {
	Sources    []Source
	Events     map[string]Event
	Properties map[string]Property
	Groups     []GroupResult // sorted by event, then property
	Findings   []Finding     // open first, then by severity, event, property
	Problems   []Problem     // sorted by file, line, col
	Claims     int
	Verified   int
	Unverified int

	sourceIndex map[string]int // id -> index in Sources, built by Run
}

// Source returns the source with the given id, or nil. Results built by
// Run find it in constant time; hand-built ones by a scan.
func (r *Result) Source(id string) *Source {
	if r.sourceIndex != nil {
		if i, ok := r.sourceIndex[id]; ok && i < len(r.Sources) && r.Sources[i].ID == id {
			return &r.Sources[i]
		}
		return nil
	}
	for i := range r.Sources {
		if r.Sources[i].ID == id {
			return &r.Sources[i]
		}
	}
	return nil
}
