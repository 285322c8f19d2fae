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

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/workers"
	"github.com/crosscheck/crosscheck/reconcile"
)

var groupsMagic = [8]byte{'x', 'g', 'r', 'o', 'u', 'p', 's', 1}

// groupStore is the groups part of a corpus's cache.
type groupStore struct {
	dir string
	ctx [32]byte // of this run; entries made under another are not used

	ready  chan struct{} // closed once the shards are read
	shards map[string]*groupShard

	old map[[32]byte]*groupEntry // read only once the run starts

	// keepAll: keep every entry of a rewritten shard, not only those
	// this run used (an incremental check uses few of them).
	keepAll bool

	mu    sync.Mutex
	fresh map[[32]byte][]byte
	stats struct{ reused, reconciled atomic.Int64 }
}

type groupShard struct {
	ctx  [32]byte
	keys [][32]byte
}

type groupEntry struct {
	result string
	shard  string
	used   atomic.Bool
}

// openGroups starts reading the groups cached for the corpus in dir.
func openGroups(dir string) *groupStore {
	g := &groupStore{dir: dir, ready: make(chan struct{}), shards: map[string]*groupShard{},
		old: map[[32]byte]*groupEntry{}, fresh: map[[32]byte][]byte{}}
	go func() {
		defer close(g.ready)
		des, err := os.ReadDir(dir)
		if err != nil {
			return
		}
		var names []string
		for _, de := range des {
			if isGroupShardName(de.Name()) {
				names = append(names, de.Name())
			}
		}
		for _, name := range names {
			data, release, err := readCacheFile(filepath.Join(dir, name))
			if err != nil {
				continue
			}
			if !g.readShard(name, data) {
				release()
			}
		}
	}()
	return g
}

func groupShardName(i, n int) string { return fmt.Sprintf("groups-%d-of-%d.bin", i, n) }

func isGroupShardName(name string) bool {
	var i, n int
	_, err := fmt.Sscanf(name, "groups-%d-of-%d.bin", &i, &n)
	return err == nil && name == groupShardName(i, n)
}

// readShard checks one shard and takes its entries; a shard that cannot
// be trusted is left out (and so rewritten when a group belongs in it),
// and false returned.
func (g *groupStore) readShard(name string, data []byte) bool {
	if len(data) < shardHeaderSize+4 {
		return false
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) ||
		[8]byte(data[:8]) != groupsMagic || binary.LittleEndian.Uint32(data[8:]) != cacheFormat {
		return false
	}
	n, i := int(binary.LittleEndian.Uint32(data[12:])), int(binary.LittleEndian.Uint32(data[16:]))
	if name != groupShardName(i, n) || binary.LittleEndian.Uint64(data[52:]) != uint64(len(body)-shardHeaderSize) {
		return false
	}
	sh := &groupShard{ctx: [32]byte(data[20:52])}
	s := unsafe.String(unsafe.SliceData(body), len(body))
	d := &dec{s: s, i: shardHeaderSize}
	var results []string
	for d.i < len(s) && !d.bad {
		sh.keys = append(sh.keys, d.sum())
		results = append(results, d.str())
	}
	if d.bad {
		return false
	}
	g.shards[name] = sh
	entries := make([]groupEntry, len(results))
	for k, r := range results {
		entries[k] = groupEntry{result: r, shard: name}
		g.old[sh.keys[k]] = &entries[k]
	}
	return true
}

// start readies the store for a run whose context is ctx.
func (g *groupStore) start(ctx [32]byte) {
	<-g.ready
	g.ctx = ctx
	for k, e := range g.old {
		if g.shards[e.shard].ctx != ctx {
			delete(g.old, k)
		}
	}
}

// Get is reconcile.GroupMemo's.
func (g *groupStore) Get(key [32]byte) (string, bool) {
	e := g.old[key]
	if e == nil {
		return "", false
	}
	e.used.Store(true)
	g.stats.reused.Add(1)
	return e.result, true
}

// Put is reconcile.GroupMemo's.
func (g *groupStore) Put(key [32]byte, result []byte) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.fresh[key] = result
	g.stats.reconciled.Add(1)
}

// save rewrites the shards that groups reconciled this run belong in, or
// all of them when the number of groups calls for another layout.
func (g *groupStore) save() (written int) {
	keep := func(e *groupEntry) bool { return g.keepAll || e.used.Load() }
	used := 0
	for _, e := range g.old {
		if keep(e) {
			used++
		}
	}
	total := used + len(g.fresh)
	n := 1
	if k := total / 512; k > 1 {
		n = min(64, 1<<bits.Len(uint(k-1)))
	}
	shardOf := func(k [32]byte) int { return int(binary.LittleEndian.Uint32(k[:4]) % uint32(n)) }
	layout := fmt.Sprintf("-of-%d.bin", n) // how this layout's shards end
	dirty := make([]bool, n)
	for k := range g.fresh {
		dirty[shardOf(k)] = true
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
	content := make([][]entry, n)
	for k, r := range g.fresh {
		i := shardOf(k)
		content[i] = append(content[i], entry{key: k, fresh: r})
	}
	for k, e := range g.old {
		if i := shardOf(k); dirty[i] && keep(e) {
			if _, again := g.fresh[k]; !again {
				content[i] = append(content[i], entry{key: k, result: e.result})
			}
		}
	}
	var mu sync.Mutex
	workers.Each(len(idx), func(k int) {
		i := idx[k]
		e := &enc{b: make([]byte, shardHeaderSize, 64<<10)}
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
	o := reconcile.RunOptions{InPlace: true}
	g := l.groups
	if g != nil {
		g.start(l.context)
		o.Memo, o.Salt, o.ClaimKeys = g, l.context[:], l.claimKeys
		l.claimKeys = nil // the claims are about to move
	}
	if l.inc != nil {
		r := l.reconcileIncrement(o)
		l.Cache.GroupsReused, l.Cache.GroupsReconciled = int(g.stats.reused.Load()), int(g.stats.reconciled.Load())
		l.Cache.Written += g.save()
		return r
	}
	r := reconcile.RunWith(l.Corpus, o)
	l.tally = &Tally{Sources: len(l.Sources), Claims: l.ClaimCount, Verified: r.Verified, Unverified: l.Unverified, Groups: len(r.Groups)}
	if l.draft != nil {
		l.saveSnapshot(&r)
		l.draft = nil
	}
	if g != nil {
		l.Cache.GroupsReused, l.Cache.GroupsReconciled = int(g.stats.reused.Load()), int(g.stats.reconciled.Load())
		l.Cache.Written += g.save()
	}
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
