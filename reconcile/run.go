package reconcile

// Run groups a corpus's claims by event and property, reconciles each group
// and gathers the findings. It is pure: the same corpus gives the same result.
func Run(c Corpus) Result {
	return Result{Sources: c.Sources, Events: c.Events, Properties: c.Properties, Problems: c.Problems}
}

// ReconcileGroup decides which claims in one group can all hold at once and
// reports the rest against them.
func ReconcileGroup(g Group, h Hierarchy) GroupResult {
	return GroupResult{Group: g}
}
