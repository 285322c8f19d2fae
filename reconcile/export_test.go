package reconcile

// SetMinShared lets external tests split the grouping of small corpora
// between cores.
func SetMinShared(n int) (old int) { old, minShared = minShared, n; return old }
