package load

import (
	"os"
	"testing"
	"unsafe"
)

// touch writes into every page an array spans, whatever its elements'
// size, so that none is left for the collector to read first.
func TestTouchWritesEveryPage(t *testing.T) {
	type small struct{ a byte }
	type claimSized struct {
		mark byte
		_    [311]byte
	}
	type pageAndABit struct {
		mark byte
		_    [4200]byte
	}
	check := func(t *testing.T, base uintptr, size, n int, marked func(i int) bool) {
		t.Helper()
		page := uintptr(os.Getpagesize())
		// The pages the array spans, from the one its first byte is on.
		first, last := base/page, (base+uintptr(size*n)-1)/page
		written := map[uintptr]bool{}
		for i := range n {
			if !marked(i) {
				start := base + uintptr(i*size)
				for p := start / page; p <= (start+uintptr(size)-1)/page; p++ {
					written[p] = true
				}
			}
		}
		for p := first; p <= last; p++ {
			if !written[p] {
				t.Fatalf("page %d of %d (element size %d, %d elements) was not written", p-first, last-first+1, size, n)
			}
		}
	}
	for _, n := range []int{1, 2, 13, 14, 1000, 100000} {
		s := make([]small, n)
		for i := range s {
			s[i].a = 1
		}
		touch(s)
		check(t, uintptr(unsafe.Pointer(&s[0])), 1, n, func(i int) bool { return s[i].a == 1 })

		c := make([]claimSized, n)
		for i := range c {
			c[i].mark = 1
		}
		touch(c)
		check(t, uintptr(unsafe.Pointer(&c[0])), int(unsafe.Sizeof(c[0])), n, func(i int) bool { return c[i].mark == 1 })

		if n <= 1000 {
			b := make([]pageAndABit, n)
			for i := range b {
				b[i].mark = 1
			}
			touch(b)
			check(t, uintptr(unsafe.Pointer(&b[0])), int(unsafe.Sizeof(b[0])), n, func(i int) bool { return b[i].mark == 1 })
		}
	}
	touch([]struct{}{{}, {}}) // elements of no size: nothing to write
	touch([]int(nil))
}
