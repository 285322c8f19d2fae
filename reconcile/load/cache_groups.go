package load

// The cache also remembers reconciled groups (reconcile.GroupMemo), so that
// a run after one source changed reconciles only the groups that source is
// in. A group's key (reconcile's) stands for its claims, verdict and source
// names; the context the loader works out (the vocabulary, the settings,
// the executable, the corpus paths) is its salt and heads each file. The
// files are CacheDir/<corpus>/groups-<i>-of-<n>.bin, n a power of two (up to
// 64, about 512 groups a file) that grows with the number of groups, laid
// out like the source shards (see cache.go):
//
//	magic "xgroups\x01" | format u32 | n u32 | i u32 | context [32] | body length u64
//	body: entries, each key [32] | result
//	crc32c of all the above, u32
//
// A shard is rewritten only when a group reconciled this run belongs in
// it, keeping the entries this run used; the others are dropped then.
// Files are read only when a run needs them (see groupStore).

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/bits"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/workers"
	"github.com/crosscheck/crosscheck/reconcile"
)

var groupsMagic = [8]byte{'x', 'g', 'r', 'o', 'u', 'p', 's', 1}

// groupStore is the groups part of a corpus's cache. Its files are read
// when first needed: all of them, in the background, for a run that
// reconciles every group (prefetch); for an incremental check, only those
// that the few groups it reconciles belong in, since the snapshot holds
// the rest.
type groupStore struct {
	dir string
	ctx [32]byte // of this run; entries made under another are not used

	listed  chan struct{}          // closed once the directory is listed
	shards  map[string]*groupShard // by file name
	layouts []int                  // the shards' ns, each once
	once    sync.Once              // starts prefetch
	fetched chan struct{}          // closed once prefetch has read them all

	// keepAll: keep every entry of a rewritten shard, not only those
	// this run used (an incremental check uses few of them), and keep
	// the layout there is.
	keepAll bool

	// fresh holds the groups reconciled this run, in the order they
	// were put: a list, not a map, since nothing looks one up until
	// save. Putting 350,000 groups into a map took about 0.25 s of CPU
	// at 200,000 sources, most of it missing the processor's caches.
	// A run puts each key once (a group's key names its event and
	// property), so the list holds no key twice.
	mu    sync.Mutex
	fresh []freshGroup
	stats struct{ reused, reconciled atomic.Int64 }
}

type freshGroup struct {
	key    [32]byte
	result []byte
}

// groupShard is one file of the store, read at most once.
type groupShard struct {
	name    string
	n       int
	read    sync.Once
	ctx     [32]byte
	entries map[[32]byte]*groupEntry // nil until read, or if it cannot be trusted
}

type groupEntry struct {
	result string
	used   atomic.Bool
}

// openGroups starts listing the groups cached for the corpus in dir.
func openGroups(dir string) *groupStore {
	g := &groupStore{dir: dir, listed: make(chan struct{}), fetched: make(chan struct{}),
		shards: map[string]*groupShard{}}
	go func() {
		defer close(g.listed)
		des, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		for _, de := range des {
			if _, n, ok := groupShardIndex(de.Name()); ok {
				g.shards[de.Name()] = &groupShard{name: de.Name(), n: n}
				if !slices.Contains(g.layouts, n) {
					g.layouts = append(g.layouts, n)
				}
			}
		}
		slices.Sort(g.layouts)
	}()
	return g
}

// prefetch starts reading every file, for a run that will ask for every
// group; the channel is closed once they are read.
func (g *groupStore) prefetch() <-chan struct{} {
	g.once.Do(func() {
		go func() {
			defer close(g.fetched)
			<-g.listed
			for _, sh := range g.shards {
				g.load(sh)
			}
		}()
	})
	return g.fetched
}

// prefetchGroups starts reading the cached groups for a run that
// reconciles them all.
func prefetchGroups(c *cacheStore) {
	if c != nil {
		c.groups.prefetch()
	}
}

func groupShardName(i, n int) string { return fmt.Sprintf("groups-%d-of-%d.bin", i, n) }

// groupShardIndex is i and n of a file named as a group shard of a layout
// save could have written; any other name is not one (a name is all that
// is known of a file until it is read).
func groupShardIndex(name string) (i, n int, ok bool) {
	_, err := fmt.Sscanf(name, "groups-%d-of-%d.bin", &i, &n)
	return i, n, err == nil && n > 0 && n <= maxGroupShards && n&(n-1) == 0 && i >= 0 && i < n && name == groupShardName(i, n)
}

// maxGroupShards is the most files save lays the groups out in.
const maxGroupShards = 64

// shardOf is the shard of a layout of n files that key belongs in.
func shardOf(key [32]byte, n int) int { return int(binary.LittleEndian.Uint32(key[:4]) % uint32(n)) }

// load reads a shard, once; a shard that cannot be trusted is left out
// (and so rewritten when a group belongs in it).
func (g *groupStore) load(sh *groupShard) {
	sh.read.Do(func() {
		data, release, err := readCacheFile(filepath.Join(g.dir, sh.name))
		if err != nil {
			return
		}
		if !sh.take(data) {
			release()
		}
	})
}

// take checks a shard's bytes and takes its entries.
func (sh *groupShard) take(data []byte) bool {
	if len(data) < shardHeaderSize+4 {
		return false
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) ||
		[8]byte(data[:8]) != groupsMagic || binary.LittleEndian.Uint32(data[8:]) != cacheFormat {
		return false
	}
	n, i := int(binary.LittleEndian.Uint32(data[12:])), int(binary.LittleEndian.Uint32(data[16:]))
	if sh.name != groupShardName(i, n) || binary.LittleEndian.Uint64(data[52:]) != uint64(len(body)-shardHeaderSize) {
		return false
	}
	s := unsafe.String(unsafe.SliceData(body), len(body))
	d := &dec{s: s, i: shardHeaderSize}
	var keys [][32]byte
	var results []string
	for d.i < len(s) && !d.bad {
		keys = append(keys, d.sum())
		results = append(results, d.str())
	}
	if d.bad {
		return false
	}
	entries := make([]groupEntry, len(results))
	sh.entries = make(map[[32]byte]*groupEntry, len(results))
	for k, r := range results {
		entries[k].result = r
		sh.entries[keys[k]] = &entries[k]
	}
	sh.ctx = [32]byte(data[20:52])
	return true
}

// start readies the store for a run whose context is ctx.
func (g *groupStore) start(ctx [32]byte) {
	<-g.listed
	g.ctx = ctx
}

// Get is reconcile.GroupMemo's. A group is looked for in the shard it
// belongs in under each layout there is (one, unless a run stopped
// between writing one layout and removing another).
func (g *groupStore) Get(key [32]byte) (string, bool) {
	for _, n := range g.layouts {
		sh := g.shards[groupShardName(shardOf(key, n), n)]
		if sh == nil {
			continue
		}
		g.load(sh)
		if sh.ctx != g.ctx {
			continue
		}
		if e := sh.entries[key]; e != nil {
			e.used.Store(true)
			g.stats.reused.Add(1)
			return e.result, true
		}
	}
	return "", false
}

// Put is reconcile.GroupMemo's.
func (g *groupStore) Put(key [32]byte, result []byte) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.fresh = append(g.fresh, freshGroup{key, result})
	g.stats.reconciled.Add(1)
}

// save rewrites the shards that groups reconciled this run belong in, or
// all of them when the number of groups calls for another layout.
func (g *groupStore) save() (written int) {
	<-g.listed
	keep := func(e *groupEntry) bool { return g.keepAll || e.used.Load() }
	n := 0
	if g.keepAll && len(g.layouts) == 1 {
		n = g.layouts[0]
	} else {
		// The layout follows the number of groups kept, which needs
		// every shard read.
		used := 0
		for _, sh := range g.shards {
			g.load(sh)
			if sh.ctx == g.ctx {
				for _, e := range sh.entries {
					if keep(e) {
						used++
					}
				}
			}
		}
		n = 1
		if k := (used + len(g.fresh)) / 512; k > 1 {
			n = min(maxGroupShards, 1<<bits.Len(uint(k-1)))
		}
	}
	layout := fmt.Sprintf("-of-%d.bin", n) // how this layout's shards end
	dirty := make([]bool, n)
	for _, f := range g.fresh {
		dirty[shardOf(f.key, n)] = true
	}
	for name := range g.shards {
		if !strings.HasSuffix(name, layout) {
			for i := range dirty { // the layout changed
				dirty[i] = true
			}
			break
		}
	}
	var idx []int
	for i := range dirty {
		if dirty[i] {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return 0
	}
	type entry struct {
		key    [32]byte
		result string
		fresh  []byte
	}
	// Each shard's list is made at the size its fresh entries need,
	// rather than grown one entry at a time.
	sizes := make([]int, n)
	for _, f := range g.fresh {
		sizes[shardOf(f.key, n)]++
	}
	content := make([][]entry, n)
	for i := range content {
		content[i] = make([]entry, 0, sizes[i])
	}
	for _, f := range g.fresh {
		i := shardOf(f.key, n)
		content[i] = append(content[i], entry{key: f.key, fresh: f.result})
	}
	var again map[[32]byte]bool // the fresh keys, made if an old entry is kept
	isFresh := func(k [32]byte) bool {
		if again == nil {
			again = make(map[[32]byte]bool, len(g.fresh))
			for _, f := range g.fresh {
				again[f.key] = true
			}
		}
		return again[k]
	}
	// Entries kept can only be in a dirty shard of this layout, or in a
	// shard of another (which makes every shard dirty).
	for name, sh := range g.shards {
		if strings.HasSuffix(name, layout) {
			if i, _, _ := groupShardIndex(name); !dirty[i] {
				continue
			}
		}
		g.load(sh)
		if sh.ctx != g.ctx {
			continue
		}
		for k, e := range sh.entries {
			if i := shardOf(k, n); dirty[i] && keep(e) {
				if !isFresh(k) {
					content[i] = append(content[i], entry{key: k, result: e.result})
				}
			}
		}
	}
	var mu sync.Mutex
	workers.Each(len(idx), func(k int) {
		i := idx[k]
		// Built in a buffer the next shard reuses, as the sources'
		// shards are (writeShard): at 200,000 sources a buffer grown
		// afresh for each shard allocated five times the 88 MB
		// written, all of it memory the process had not used yet.
		e := encBufs.Get().(*enc)
		defer encBufs.Put(e)
		e.b = append(e.b[:0], make([]byte, shardHeaderSize)...)
		copy(e.b, groupsMagic[:])
		binary.LittleEndian.PutUint32(e.b[8:], cacheFormat)
		binary.LittleEndian.PutUint32(e.b[12:], uint32(n))
		binary.LittleEndian.PutUint32(e.b[16:], uint32(i))
		copy(e.b[20:52], g.ctx[:])
		for _, en := range content[i] {
			e.b = append(e.b, en.key[:]...)
			if en.fresh != nil {
				e.uv(uint64(len(en.fresh)))
				e.b = append(e.b, en.fresh...)
			} else {
				e.str(en.result)
			}
		}
		binary.LittleEndian.PutUint64(e.b[52:], uint64(len(e.b)-shardHeaderSize))
		e.b = binary.LittleEndian.AppendUint32(e.b, crc32.Checksum(e.b, castagnoli))
		if writeAtomic(g.dir, groupShardName(i, n), e.b) {
			mu.Lock()
			written++
			mu.Unlock()
		}
	})
	// Shards of another layout are left from a smaller or larger corpus.
	for name := range g.shards {
		if !strings.HasSuffix(name, layout) {
			os.Remove(filepath.Join(g.dir, name))
		}
	}
	return written
}

// Reconcile reconciles the corpus (reconcile.RunWith, reordering l.Claims
// into their groups rather than copying them). With a cache, a group whose
// claims, verdict and source names are what they were in a run under the
// same vocabulary and settings is taken from it, and the groups reconciled
// are kept there for the next run; the result is the same either way.
func (l *Loaded) Reconcile() reconcile.Result {
	l.Close() // a second Reconcile does not write beside the first
	o := reconcile.RunOptions{InPlace: true}
	g := l.groups
	if g != nil {
		g.start(l.context)
		o.Memo, o.Salt, o.ClaimKeys = g, l.context[:], l.claimKeys
		l.claimKeys = nil // the claims are about to move
	}
	var r reconcile.Result
	var snap func() int // writes the next snapshot, if there is one to write
	if l.inc != nil {
		r, snap = l.reconcileIncrement(o)
	} else {
		r = reconcile.RunWith(l.Corpus, o)
		l.tally = &Tally{Sources: len(l.Sources), Claims: l.ClaimCount, Verified: r.Verified, Unverified: l.Unverified, Groups: len(r.Groups)}
		if l.draft != nil {
			sd := l.draft
			snap = func() int { return l.saveSnapshot(sd, &r) }
			l.draft = nil
		}
	}
	if g != nil {
		l.Cache.GroupsReused, l.Cache.GroupsReconciled = int(g.stats.reused.Load()), int(g.stats.reconciled.Load())
	}
	if l.findingsOnly {
		// Not always known (see Options.FindingsOnly): never given.
		r.Events, r.Properties = nil, nil
	}
	if l.brief {
		// r.Findings are copies: the groups' findings, which the
		// snapshot is made from, keep their claims.
		for i := range r.Findings {
			f := &r.Findings[i]
			f.At, f.Claims = f.Where(), nil
		}
	}
	// The cache is written while the caller renders the result: neither
	// changes what the other reads. The snapshot and the groups' shards
	// are written at the same time too: the snapshot's writer spends
	// much of its time on one core, copying what it encoded on both.
	l.writing.Add(1)
	go func() {
		defer l.writing.Done()
		var snapped, saved int
		var both sync.WaitGroup
		if snap != nil {
			both.Go(func() { snapped = snap() })
		}
		if g != nil {
			saved = g.save()
		}
		both.Wait()
		l.Cache.Written += snapped + saved
	}()
	return r
}

// Tally is what a summary line counts. Before Reconcile it has no groups.
func (l *Loaded) Tally() Tally {
	if l.tally != nil {
		return *l.tally
	}
	t := Tally{Sources: len(l.Sources), Claims: l.ClaimCount, Unverified: l.Unverified}
	for i := range l.Claims {
		if l.Claims[i].Verified {
			t.Verified++
		}
	}
	return t
}
