package reconcile

import (
	"fmt"
	"slices"
	"strings"
)

// Verdict is a fact-checker's decision on one event and property: what the
// record establishes, and which sources' claims on it are wrong or outdated.
type Verdict struct {
	Event       string
	Property    string
	Established string  // the value phrase as written
	Reading     Reading // how Established was read, like any claim value
	// AsOf is when the established value held (its as_of key); for a
	// cumulative count a later higher figure does not contradict it. When
	// the verdict gives no as_of it holds at every time, so claims must
	// simply agree with it.
	AsOf     Range
	AsOfText string
	Rejects  []string // source ids
	Reason   string
	Evidence []string
	Decided  string // as written, "" if not given
	By       string
	Pos      Pos // of the [[verdict]] header
}

// Always is the time of a verdict without as_of: concurrent with every
// claim.
var Always = Range{Min: -Unbounded, Max: Unbounded}

// ContradictsVerdict: a claim that contradicts an established value and
// comes from a source the verdict does not reject. It is what CI must catch
// when a pull request adds a source that reopens a settled question.
const ContradictsVerdict FindingKind = "contradicts-verdict"

// applyVerdict settles what a verdict covers and raises what contradicts
// it. A finding is resolved when every claim in it either agrees with the
// established value or comes from a rejected source. Claims that contradict
// the established value from sources the verdict does not reject become one
// open finding per reading, naming the verdict; a conflict that only they
// kept open is then said by that finding instead.
func (rc *reconciler) applyVerdict(res *GroupResult, v *Verdict) []Problem {
	rejected := func(c *Claim) bool { return slices.Contains(v.Rejects, c.Source) }
	established := Claim{Value: v.Established, Reading: v.Reading, AsOf: v.AsOf, Source: "verdict"}
	agrees := func(c *Claim) bool { return compatible(rc.g, rc.l.Hierarchy, c, &established) }

	agreeing := 0
	var contradicting []int
	res.Rejected = make([]bool, len(rc.g.Claims))
	for i := range rc.g.Claims {
		c := &rc.g.Claims[i]
		// A rejected source's claim is itself rejected unless it says what
		// the record says; one that held earlier on a rising count is
		// rejected as outdated even though it agrees over time.
		res.Rejected[i] = rejected(c) && !sameReading(rc.g, rc.l.Hierarchy, c, &established)
		switch {
		case agrees(c):
			agreeing++
		case !rejected(c) && !res.Superseded[i]:
			contradicting = append(contradicting, i)
		}
	}
	var problems []Problem
	if agreeing == 0 {
		problems = append(problems, Problem{Pos: v.Pos, Severity: Error, Message: fmt.Sprintf(
			"verdict on %s %s establishes %q, which no claim in the group agrees with; check the value, or add the source that establishes it",
			v.Event, v.Property, v.Established)})
	}
	open, superseded := map[string]bool{}, map[string]bool{}
	for _, i := range contradicting {
		open[rc.g.Claims[i].ID] = true
	}
	for i, s := range res.Superseded {
		if s {
			superseded[rc.g.Claims[i].ID] = true
		}
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		f.Verdict = v
		covered, onlyContradicting := true, true
		for _, c := range f.Claims {
			// A superseded figure is explained by its revision; the
			// verdict covers it as it covers a rejected source.
			if agrees(&c.Claim) || rejected(&c.Claim) || superseded[c.ID] {
				continue
			}
			covered = false
			if !open[c.ID] {
				onlyContradicting = false
			}
		}
		switch {
		case covered:
			f.Status = Resolved
		case onlyContradicting && f.Kind != Revision:
			continue // said better by the contradicts-verdict finding below
		}
		kept = append(kept, f)
	}
	res.Findings = kept

	byReading := map[readingID][]int{}
	var order []readingID
	for _, i := range contradicting {
		k := rc.readingKey(&rc.g.Claims[i])
		if _, ok := byReading[k]; !ok {
			order = append(order, k)
		}
		byReading[k] = append(byReading[k], i)
	}
	var support []int
	if len(order) > 0 {
		for i := range rc.g.Claims {
			if agrees(&rc.g.Claims[i]) && !rejected(&rc.g.Claims[i]) {
				support = append(support, i)
			}
		}
	}
	for _, k := range order {
		subject := byReading[k]
		f := rc.finding(ContradictsVerdict, Error, subject, support)
		f.Verdict = v
		f.Summary = fmt.Sprintf("%s contradicts the established %s%s", rc.listLabels(subject, "and"), v.Established, verdictTail(v))
		f.Why = fmt.Sprintf("%q was read as %s; the verdict at %s establishes %q, read as %s. The claim's source is not among those the verdict rejects (%s), so a person must look: reject it, or revisit the verdict.",
			rc.g.Claims[subject[0]].Value, readingText(rc.g.Kind, rc.g.Claims[subject[0]].Reading, rc.l.Hierarchy), v.Pos,
			v.Established, readingText(rc.g.Kind, v.Reading, rc.l.Hierarchy), strings.Join(v.Rejects, ", "))
		res.Findings = append(res.Findings, f)
	}
	return problems
}

func verdictTail(v *Verdict) string {
	var b strings.Builder
	if v.Decided != "" {
		b.WriteString(", decided " + v.Decided)
	}
	if v.Reason != "" {
		b.WriteString(": " + v.Reason)
	}
	return b.String()
}
