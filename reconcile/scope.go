package reconcile

// Scope keeps only the findings and problems that involve a file the
// change touched, so CI fails on what a pull request brought in and not on
// what the corpus already held. Everything was still loaded and reconciled
// first: a new claim is judged against the whole corpus. changed is asked
// about Pos.File values exactly as the loader wrote them.
//
// A finding involves a change when any of its claims, or the verdict it
// names, comes from a changed file; it is then placed on a changed subject
// claim if it has one (the new source, in a pull request), else on the
// changed claim or verdict.
func (r Result) Scope(changed func(file string) bool) Result {
	out := r
	out.Findings = nil
	for _, f := range r.Findings {
		if at, ok := changedPlace(f, changed); ok {
			f.At = at
			out.Findings = append(out.Findings, f)
		}
	}
	out.Problems = nil
	for _, p := range r.Problems {
		if changed(p.File) {
			out.Problems = append(out.Problems, p)
		}
	}
	return out
}

func changedPlace(f Finding, changed func(string) bool) (Pos, bool) {
	var fallback *Pos
	for i := range f.Claims {
		c := &f.Claims[i]
		if !changed(c.Pos.File) {
			continue
		}
		if c.Role == Subject {
			return c.Pos, true
		}
		if fallback == nil {
			fallback = &c.Pos
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	if f.Verdict != nil && changed(f.Verdict.Pos.File) {
		return f.Verdict.Pos, true
	}
	return Pos{}, false
}
