package load

import (
	"os"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/workers"
)

// touch writes to every page of a newly made array once, on every core,
// before it is filled.
//
// A large array holding pointers is scanned by the collector as a whole,
// filled or not. A page the collector reads before anything was written
// to it is mapped to the kernel's shared zero page, and the first write
// then copies it and flushes the old mapping from every core's TLB, which
// a virtual machine pays for in interrupts between cores. At 200,000
// sources the array of claims is 650 MB, and those copies cost seconds
// of system time. A page written first is mapped once, by that write. The
// collector must not start in between: make the array and touch it under
// budget.Hold.
func touch[T any](s []T) {
	var zero T
	size := int(unsafe.Sizeof(zero))
	if size == 0 || len(s) == 0 {
		return
	}
	// Elements a step apart start less than a page apart, so every page
	// from the first element's start to the last one's has a start in it;
	// the last element is written for the page its end may be on.
	step := max(1, os.Getpagesize()/size)
	const pagesPerTask = 512
	per := step * pagesPerTask
	workers.Each((len(s)+per-1)/per, func(k int) {
		end := min(len(s), (k+1)*per)
		for i := k * per; i < end; i += step {
			s[i] = zero
		}
		if end == len(s) {
			s[end-1] = zero
		}
	})
}
