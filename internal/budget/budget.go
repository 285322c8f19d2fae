// Package budget decides when the collector runs while crosscheck works.
//
// A run allocates a few times what it keeps, in one go, and then exits, so
// collecting whenever the heap doubles (the runtime's default) mostly
// costs time. Within the budget the collector runs only when the budget is
// near, so a corpus of 20,000 sources checks in under 400 MB (376 MiB and
// the executable) with few collections, and a run the cache spares most of
// its work, with none. Once the live heap alone fills most of the budget,
// the budget is lifted and the heap may grow to three times what is live
// (marking a heap of gigabytes costs seconds a collection). GOGC or
// GOMEMLIMIT in the environment leave all of it to the runtime.
package budget

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Bytes is the budget.
const Bytes = 376 << 20

var (
	// mu orders changes to the collector's settings: Hold's, and the
	// lifting of the budget, which a finalizer does at any moment.
	mu   sync.Mutex
	once sync.Once
)

// Start puts the budget in place, once per process; later calls do
// nothing.
func Start() {
	once.Do(func() {
		if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(Bytes)
		watch()
	})
}

// sentinel is an object whose finalizer runs after each collection.
type sentinel struct{ _ *int }

// watch lifts the budget after the first collection that finds the live
// heap past 70% of it, where keeping to it would cost more and more
// collections.
func watch() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() == metrics.KindUint64 && s[0].Value.Uint64() > Bytes*7/10 {
			mu.Lock()
			defer mu.Unlock()
			lift()
			return
		}
		watch()
	})
}

func lift() {
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(200)
}

// Hold keeps the collector from starting until release is called; a
// collection under way when it is called is finished first. (One that is
// just starting at that moment may still run, but an array made while it
// marks is not scanned by it.) It is for making a large array and writing
// to all of it before the collector first reads it (see the loader's
// touch): release promptly, since the heap grows unchecked meanwhile and
// finalizers wait. Holds do not nest.
func Hold() (release func()) {
	mu.Lock()
	percent := debug.SetGCPercent(-1) // waits for a collection under way
	limit := debug.SetMemoryLimit(math.MaxInt64)
	return func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
		mu.Unlock()
	}
}
