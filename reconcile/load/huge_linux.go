//go:build linux

package load

import (
	"syscall"
	"unsafe"
)

// hugePages asks the kernel to back a large, fresh allocation with huge
// pages where it can (transparent huge pages in "madvise" mode, the usual
// default). Touching hundreds of megabytes of new memory a small page at a
// time costs a fault each, which on a virtual machine is most of what
// filling it costs; a huge page takes one fault for 512 small ones. It is
// a hint: the memory and its contents are the same either way.
func hugePages(p unsafe.Pointer, size uintptr) {
	const huge = 2 << 20
	start := (uintptr(p) + huge - 1) &^ (huge - 1)
	end := (uintptr(p) + size) &^ (huge - 1)
	if end <= start {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Add(p, start-uintptr(p))), end-start)
	syscall.Madvise(b, 14) // MADV_HUGEPAGE
}
