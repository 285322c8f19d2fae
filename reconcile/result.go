package reconcile

// FindingKind says what sort of disagreement a finding is.
type FindingKind string

const (
	// Conflict: claims that cannot all hold, whenever each was made.
	Conflict FindingKind = "conflict"
	// Revision: the same authority replaced its own figure; the earlier one
	// is superseded. Informational: the record explains itself.
	Revision FindingKind = "revision"
	// Stale: a source published after a revision repeats the superseded
	// figure.
	Stale FindingKind = "stale"
)

// Status says whether a fact-checker has settled a finding.
type Status string

const (
	Open     Status = "open"
	Resolved Status = "resolved"
)

// Role says which side of a finding a claim stands on.
type Role string

const (
	// Subject claims are what the finding is about: the outlier, the stale
	// repetition, the superseded figure.
	Subject Role = "subject"
	// Against claims are the ones the subject cannot hold with (or, for a
	// revision, the figure that replaced it).
	Against Role = "against"
)

// FindingClaim is a claim as it takes part in a finding.
type FindingClaim struct {
	Claim
	Role Role
}

// Finding is one thing a fact-checker should look at in a group.
type Finding struct {
	Event    string
	Property string
	Kind     FindingKind
	Severity Severity
	Status   Status
	// Summary is one line a person can read without the rest, e.g.
	// "over 100 (The Conversation, Jan 2024) cannot hold with nearly 100
	// (AEI) or approximately 90 (...)".
	Summary string
	// Why is the longer explanation that `explain` prints.
	Why string
	// At is where the finding is reported: the first subject claim, or,
	// once scoped to a change, the subject claim the change brought in.
	At     Pos
	Claims []FindingClaim
	// Verdict is the fact-checker's decision on this group, if there is
	// one: it resolved the finding, or the finding contradicts it.
	Verdict *Verdict
}

// Where is where the finding is reported: At, or else its first subject
// claim, or else its first claim.
func (f *Finding) Where() Pos {
	if f.At.File != "" {
		return f.At
	}
	for i := range f.Claims {
		if f.Claims[i].Role == Subject {
			return f.Claims[i].Pos
		}
	}
	if len(f.Claims) > 0 {
		return f.Claims[0].Pos
	}
	return Pos{}
}

// Estimate is a low / best / high figure for a count group, in the manner
// of conflict-casualty datasets, drawn only from the claims that agree.
type Estimate struct {
	Low  int64
	Best int64
	High int64 // Unbounded when no agreeing claim sets an upper end
}

// GroupResult is what reconciliation concluded about one group.
type GroupResult struct {
	Group
	// Agreeing marks, per claim (same order as Group.Claims), whether it is
	// in the largest set of claims that can all hold at once.
	Agreeing []bool
	// Superseded marks claims an authority later revised.
	Superseded []bool
	// Rejected marks claims the group's verdict rejects: from a source it
	// names, and not saying what the record says. A rejected source's
	// claims that do say it are not rejected.
	Rejected []bool
	// Agreed is the range the agreeing claims allow as of the latest of
	// them (count and date groups); nil for other kinds or an empty group.
	Agreed   *Range
	Estimate *Estimate
	Findings []Finding
	// Problems are what reconciling showed to be wrong with the input,
	// such as a verdict no claim agrees with.
	Problems []Problem
}

// Hierarchy answers the one question reconciliation asks of the
// vocabulary: is one term the same as, or inside, another? ("Shah Cheragh
// shrine" is within "Shiraz"; "Tajik" is within "Central Asian".)
type Hierarchy interface {
	// Within reports whether term lies inside ancestor, or is it.
	Within(term, ancestor string) bool
	// Name is the term's display name.
	Name(term string) string
}
