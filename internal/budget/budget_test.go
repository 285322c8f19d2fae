package budget

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// settings reads the collector's settings without changing them.
func settings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// restore puts the collector's settings back as they were when the test
// started.
func restore(t *testing.T) {
	percent, limit := settings()
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
}

// While held, no collection starts, even with the heap far past a limit
// that would otherwise start one at every allocation; released, the
// settings are what they were.
func TestHoldKeepsTheCollectorOff(t *testing.T) {
	restore(t)
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(1 << 20)

	release := Hold()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var keep [][]byte
	for range 64 {
		keep = append(keep, make([]byte, 1<<20))
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	release()
	runtime.KeepAlive(keep)

	if after.NumGC != before.NumGC {
		t.Errorf("%d collections ran while held, want none", after.NumGC-before.NumGC)
	}
	if percent, limit := settings(); percent != -1 || limit != 1<<20 {
		t.Errorf("after release: GC percent %d, memory limit %d; want -1 and %d, as before", percent, limit, 1<<20)
	}
}

// Lifting the budget waits for a hold to be released, so the release
// cannot put the budget back in place after it was lifted.
func TestLiftOutlastsHold(t *testing.T) {
	restore(t)
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(Bytes)

	release := Hold()
	done := make(chan struct{})
	go func() {
		mu.Lock()
		lift()
		mu.Unlock()
		close(done)
	}()
	select {
	case <-done:
		t.Fatal("the budget was lifted during a hold")
	case <-time.After(50 * time.Millisecond):
	}
	release()
	<-done
	if percent, limit := settings(); percent != 200 || limit != math.MaxInt64 {
		t.Errorf("after a lift during a hold: GC percent %d, memory limit %d; want 200 and no limit", percent, limit)
	}
}
