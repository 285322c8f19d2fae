//go:build !linux

package load

// hugePages is Linux's advice; elsewhere there is none to give.
func hugePages[T any](s []T) {}
