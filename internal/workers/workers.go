// Package workers runs independent pieces of work on every core.
//
// Loading and reconciling both have many small, unevenly sized jobs (one
// file, one group); handing out the next index from a shared counter keeps
// every core busy until the last job, where fixed shares would leave a
// core idle behind one large group.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(0), ..., f(n-1) on up to GOMAXPROCS goroutines and returns
// when all calls have returned. Calls may run in any order and at the same
// time, so f must only write to what index i owns.
func Each(n int, f func(i int)) {
	w := min(runtime.GOMAXPROCS(0), n)
	if w <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
