package workers

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// Every index is visited exactly once, whatever the number of cores.
func TestEachVisitsEveryIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 7} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 100, 10007} {
			seen := make([]atomic.Int32, n)
			Each(n, func(i int) { seen[i].Add(1) })
			for i := range seen {
				if got := seen[i].Load(); got != 1 {
					t.Fatalf("GOMAXPROCS=%d n=%d: index %d visited %d times, want 1", procs, n, i, got)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}
