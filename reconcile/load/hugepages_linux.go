//go:build linux

package load

import (
	"syscall"
	"unsafe"
)

// hugePages asks the kernel to back the whole 2 MB pages of a large array
// with huge pages, where it is set to on request (transparent huge pages
// in "madvise" mode; with "always" it does so anyway, with "never" it
// does not). The array of claims (650 MB at 200,000 sources) is then
// mapped in a few hundred faults rather than a few hundred thousand, and
// putting claims into their groups, which reads and writes it out of
// order, misses the TLB far less. It is only advice: an error, or a
// kernel that finds no huge page free, changes nothing.
func hugePages[T any](s []T) {
	if len(s) == 0 {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	if first, last, ok := hugeSpan(start, start+uintptr(len(s))*unsafe.Sizeof(s[0])); ok {
		syscall.Syscall(syscall.SYS_MADVISE, first, last-first, 14 /* MADV_HUGEPAGE */)
	}
}
