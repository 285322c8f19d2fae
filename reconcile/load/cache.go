package load

// The cache (Options.CacheDir) keeps, for every file that is a source and
// nothing else, what parsing and resolving it produced: the source, its
// claims with their readings and verified flags, its problems and counts.
// A later run always parses the vocabulary and settings, but a source
// file whose bytes, archived text, vocabulary and settings are what they
// were is taken from the cache instead of being decoded and resolved
// again. Whether a file's bytes are what they were is known from its stamp
// (see stamp.go) when that still holds, else by reading and hashing it. So
// a change to one source costs one source's work; a change to the
// vocabulary or settings, or a new crosscheck, costs a full run.
//
// Layout: CacheDir/<corpus>/shard-<i>-of-<n>.bin, where <corpus> stands
// for the corpus's absolute path and the directory as given (which every
// Pos.File starts with), and a source file belongs to shard
// fnv(rel) mod n; n grows with the corpus, a power of two, about a
// thousand sources a shard, so that one changed file rewrites a small
// file while a run reads few. A shard file is
//
//	magic "xcheck\x00\x01" | format u32 | n u32 | i u32 | context [32] | body length u64
//	body: entries, each rel | file sha256 [32] | text key [32] | text as written |
//	      file stamp | text stamp | stamped at | claims | entry
//	crc32c of all the above, u32
//
// (integers little-endian; strings and the entry with a uvarint length).
// The context is a hash of the cache format, the crosscheck executable,
// the corpus paths, and the bytes of the settings and of every file that
// defines vocabulary: an entry is only used under the context it was made
// in, and only for the same file bytes and text key (see textKey). A
// shard that is truncated, corrupt, of another format or unreadable is
// ignored and rewritten. Shards are written to a temporary file in the
// same directory and renamed over the old one, so concurrent runs
// only ever see whole files, each consistent by itself (the last writer
// wins).

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/workers"
	"github.com/crosscheck/crosscheck/reconcile"
)

// cacheFormat is the version of the cache's layout and of what an entry
// holds; change it with either.
const cacheFormat = 5

var cacheMagic = [8]byte{'x', 'c', 'h', 'e', 'c', 'k', 0, 1}

const shardHeaderSize = 8 + 4 + 4 + 4 + 32 + 8

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// CacheStats says what the cache did in one load.
type CacheStats struct {
	Dir      string // this corpus's directory in the cache
	Reused   int    // source files taken from the cache
	Resolved int    // source files parsed and resolved, then cached
	Damaged  int    // cache files that could not be trusted (corrupt, truncated, another format)
	Written  int    // cache files written
	// Of those reused, the source files whose stamps showed them
	// unchanged, so that they were not read, and the sources whose
	// archived texts were known unchanged the same way.
	Unread, TextsUnread int
	// Groups taken from the cache and reconciled, by Loaded.Reconcile.
	GroupsReused, GroupsReconciled int
	// Incremental: a check (Options.FindingsOnly) started from the last
	// one's snapshot.
	Incremental bool
}

type cacheStore struct {
	dir     string
	entries map[string]*cacheEntry // by rel
	shards  map[string]*shardRead  // by file name
	damaged int
	groups  *groupStore
	snap    *snapshot // the last check's, if asked for and sound
}

// shardRead is a shard file as this run found it.
type shardRead struct {
	ctx     [32]byte
	entries []*cacheEntry
}

type cacheEntry struct {
	rel     string
	sum     [32]byte // of the source file
	textKey [32]byte
	textRaw string // the source's text key as written, "" if none
	nclaims int    // claims in the corpus from it
	blob    string // the encoded sourceResult
	ctx     [32]byte
	shard   string // the file it was read from
	// The file's and the text's stamps, taken no earlier than stampedAt.
	stamp, textStamp stamp
	stampedAt        int64
}

// openCache reads this corpus's cache, or returns nil when the cache
// directory cannot be made.
func openCache(l *loader) *cacheStore {
	key := sha256.Sum256([]byte(l.root + "\x00" + l.dir))
	dir := filepath.Join(l.cacheDir, fmt.Sprintf("%x", key[:12]))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil
	}
	c := &cacheStore{dir: dir, entries: map[string]*cacheEntry{}, shards: map[string]*shardRead{}, groups: openGroups(dir)}
	var snapRead chan struct{}
	if l.findingsOnly {
		snapRead = make(chan struct{})
		go func() {
			defer close(snapRead)
			c.snap = readSnapshot(dir)
		}()
		defer func() { <-snapRead }()
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return c
	}
	var names []string
	for _, de := range des {
		name := de.Name()
		switch {
		case strings.HasPrefix(name, ".tmp-"):
			// Left by a run that died before renaming it.
			if info, err := de.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
				os.Remove(filepath.Join(dir, name))
			}
		case isShardName(name):
			names = append(names, name)
		}
	}
	read := make([]*shardRead, len(names))
	workers.Each(len(names), func(i int) { read[i] = readShard(filepath.Join(dir, names[i]), names[i]) })
	for i, r := range read {
		if r == nil {
			c.damaged++
			continue
		}
		c.shards[names[i]] = r
		for _, e := range r.entries {
			c.entries[e.rel] = e
		}
	}
	return c
}

func shardName(i, n int) string { return fmt.Sprintf("shard-%d-of-%d.bin", i, n) }

func isShardName(name string) bool {
	var i, n int
	_, err := fmt.Sscanf(name, "shard-%d-of-%d.bin", &i, &n)
	return err == nil && name == shardName(i, n)
}

// lookup finds the entry for a file with these bytes.
func (c *cacheStore) lookup(rel string, sum [32]byte) *cacheEntry {
	if e := c.entries[rel]; e != nil && e.sum == sum {
		return e
	}
	return nil
}

// readShard reads and checks one shard file; nil if it cannot be
// trusted.
func readShard(path, name string) *shardRead {
	data, release, err := readCacheFile(path)
	if err != nil {
		return nil
	}
	r := shardFrom(data, name)
	if r == nil {
		release()
	}
	return r
}

func shardFrom(data []byte, name string) *shardRead {
	if len(data) < shardHeaderSize+4 {
		return nil
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) {
		return nil
	}
	if [8]byte(data[:8]) != cacheMagic || binary.LittleEndian.Uint32(data[8:]) != cacheFormat {
		return nil
	}
	n, i := int(binary.LittleEndian.Uint32(data[12:])), int(binary.LittleEndian.Uint32(data[16:]))
	if name != shardName(i, n) || binary.LittleEndian.Uint64(data[52:]) != uint64(len(body)-shardHeaderSize) {
		return nil
	}
	r := &shardRead{ctx: [32]byte(data[20:52])}
	// The entries' strings are slices of this one string, which nothing
	// writes to again.
	s := unsafe.String(unsafe.SliceData(body), len(body))
	d := &dec{s: s, i: shardHeaderSize}
	for d.i < len(s) && !d.bad {
		e := &cacheEntry{ctx: r.ctx, shard: name}
		e.rel = d.str()
		e.sum = d.sum()
		e.textKey = d.sum()
		e.textRaw = d.str()
		e.stamp, e.textStamp, e.stampedAt = d.stamp(), d.stamp(), d.iv()
		e.nclaims = d.n()
		e.blob = d.str()
		r.entries = append(r.entries, e)
	}
	if d.bad {
		return nil
	}
	return r
}

// save writes the shards whose content changed, and removes shards of
// another layout.
func (c *cacheStore) save(l *loader, slots []slot, ctx [32]byte) CacheStats {
	st := CacheStats{Dir: c.dir, Damaged: c.damaged, TextsUnread: int(l.textsUnread.Load())}
	var keep []*slot
	for i := range slots {
		s := &slots[i]
		switch {
		case s.reused:
			st.Reused++
			if s.stampHit {
				st.Unread++
			}
			keep = append(keep, s)
		case s.cacheable:
			st.Resolved++
			keep = append(keep, s)
		}
	}
	n := 1
	if k := len(keep) / 1024; k > 1 {
		n = min(256, 1<<bits.Len(uint(k-1)))
	}
	shards := make([][]*slot, n)
	for _, s := range keep {
		i := int(fnv32a(s.rel) % uint32(n))
		shards[i] = append(shards[i], s)
	}
	// A check after one change rewrites one shard: which one is worked
	// out on every core, as it looks at every file.
	changed := make([]bool, n)
	workers.Each(n, func(i int) {
		ss := shards[i]
		name := shardName(i, n)
		old := c.shards[name]
		same := old != nil && old.ctx == ctx && len(old.entries) == len(ss)
		for _, s := range ss {
			e := s.entry
			same = same && s.reused && e.shard == name &&
				s.stamp == e.stamp && s.textStamp() == e.textStamp && l.stampedAt(s) == e.stampedAt
		}
		changed[i] = !same && len(ss) > 0
	})
	var dirty []int
	for i := range changed {
		if changed[i] {
			dirty = append(dirty, i)
		}
	}
	var mu sync.Mutex
	workers.Each(len(dirty), func(k int) {
		i := dirty[k]
		if c.writeShard(l, i, n, ctx, shards[i]) {
			mu.Lock()
			st.Written++
			mu.Unlock()
		}
	})
	for name := range c.shards {
		var i, m int
		fmt.Sscanf(name, "shard-%d-of-%d.bin", &i, &m)
		if m != n || (i < n && len(shards[i]) == 0) {
			os.Remove(filepath.Join(c.dir, name))
		}
	}
	return st
}

// fnv32a is FNV-1a of s, 32 bits, which says which shard a file's entry
// is in.
func fnv32a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// textStamp is the stamp of s's archived text as of this run.
func (s *slot) textStamp() stamp {
	if s.res == nil {
		return s.keptText
	}
	return s.res.textStamp
}

// stampedAt is the time saved with s's stamps. An unchanged file keeps
// its entry's, so that its shard stays as it was, unless this run's time
// would settle stamps the entry's time did not. Otherwise it is this
// run's, or 0 with no stamp.
func (l *loader) stampedAt(s *slot) int64 {
	if !s.stamp.known() {
		return 0
	}
	if e := s.entry; s.reused && s.stamp == e.stamp && s.textStamp() == e.textStamp {
		settled := func(at int64) bool {
			return s.stamp.settled(at) && (!e.textStamp.known() || e.textStamp.settled(at))
		}
		if settled(e.stampedAt) || !settled(l.start) {
			return e.stampedAt
		}
	}
	return l.start
}

func (c *cacheStore) writeShard(l *loader, i, n int, ctx [32]byte, ss []*slot) bool {
	// A shard is built whole (its header holds its length) in a buffer
	// that the next shard reuses: at 20,000 sources a fresh one per shard
	// was a third of what a first run allocates besides the claims.
	e := encBufs.Get().(*enc)
	defer encBufs.Put(e)
	e.b = append(e.b[:0], make([]byte, shardHeaderSize)...)
	copy(e.b, cacheMagic[:])
	binary.LittleEndian.PutUint32(e.b[8:], cacheFormat)
	binary.LittleEndian.PutUint32(e.b[12:], uint32(n))
	binary.LittleEndian.PutUint32(e.b[16:], uint32(i))
	copy(e.b[20:52], ctx[:])
	for _, s := range ss {
		e.str(s.rel)
		e.b = append(e.b, s.sum[:]...)
		if s.res != nil {
			e.b = append(e.b, s.res.textKey[:]...)
			e.str(s.res.textRaw)
		} else {
			e.b = append(e.b, s.entry.textKey[:]...)
			e.str(s.entry.textRaw)
		}
		e.stamp(s.stamp)
		e.stamp(s.textStamp())
		e.iv(l.stampedAt(s))
		if s.reused {
			e.uv(uint64(s.entry.nclaims))
			e.str(s.entry.blob)
		} else {
			e.uv(uint64(len(s.res.claims)))
			// The entry's length comes first: encode it after a
			// placeholder of the largest size, then close the gap.
			at := len(e.b)
			e.b = append(e.b, make([]byte, binary.MaxVarintLen64)...)
			encodeEntry(e, s.res, s.file)
			n := len(e.b) - at - binary.MaxVarintLen64
			var lb [binary.MaxVarintLen64]byte
			w := binary.PutUvarint(lb[:], uint64(n))
			copy(e.b[at+w:], e.b[at+binary.MaxVarintLen64:])
			copy(e.b[at:], lb[:w])
			e.b = e.b[:at+w+n]
		}
	}
	binary.LittleEndian.PutUint64(e.b[52:], uint64(len(e.b)-shardHeaderSize))
	e.b = binary.LittleEndian.AppendUint32(e.b, crc32.Checksum(e.b, castagnoli))
	return writeAtomic(c.dir, shardName(i, n), e.b)
}

// encBufs are buffers to encode into, each used by one worker at a time.
var encBufs = sync.Pool{New: func() any { return &enc{} }}

// writeAtomic writes data to dir/name so that no reader ever sees part of
// it: a temporary file in the same directory, then renamed. It is not
// synced to disk first: a crash may leave a shard empty or torn, but every
// shard carries its length and checksum, so such a shard is found damaged
// and rebuilt, and a run does not wait on the disk for what is only a
// cache.
func writeAtomic(dir, name string, data []byte) bool {
	return writeAtomicWith(dir, name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomicWith is writeAtomic for data that write writes.
func writeAtomicWith(dir, name string, write func(io.Writer) error) bool {
	f, err := os.CreateTemp(dir, ".tmp-"+name+"-*")
	if err != nil {
		return false
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(f.Name())
		return false
	}
	return true
}

// contextHash sums up what every cached result depends on besides its
// own file and text.
type contextHash struct{ h hash.Hash }

func newContextHash(l *loader) *contextHash {
	c := &contextHash{h: sha256.New()}
	if l.hashing {
		fmt.Fprintf(c.h, "crosscheck cache %d\x00%s\x00%q\x00%q\x00%q\x00", cacheFormat, executableID(), l.dir, l.root, l.realRoot)
	}
	return c
}

// add counts in a file the vocabulary or settings come from.
func (c *contextHash) add(rel string, sum [32]byte) {
	fmt.Fprintf(c.h, "%q\x00", rel)
	c.h.Write(sum[:])
}

func (c *contextHash) sum() (s [32]byte) {
	c.h.Sum(s[:0])
	return s
}

// executableID identifies the running crosscheck, so that a cache made by
// another build (which may read values differently) is not used: the Go
// build ID near the start of the executable, else a hash of all of it,
// else the build information.
var executableID = sync.OnceValue(func() string {
	path, err := os.Executable()
	if err == nil {
		// The build ID is near the start: read that much first, and
		// all of the executable only if it is not there.
		if f, err := os.Open(path); err == nil {
			head := make([]byte, 64<<10)
			n, _ := io.ReadFull(f, head)
			f.Close()
			const marker = "\xff Go build ID: \""
			if i := strings.Index(string(head[:n]), marker); i >= 0 {
				rest := string(head[i+len(marker) : n])
				if j := strings.IndexByte(rest, '"'); j > 0 {
					return "build " + rest[:j]
				}
			}
		}
		if data, err := os.ReadFile(path); err == nil {
			return fmt.Sprintf("sha256 %x", sha256.Sum256(data))
		}
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		return bi.String()
	}
	return "unknown"
})

// The encoding of a sourceResult: strings and counts as uvarints (a slice
// as its length plus one, 0 for nil), signed integers zigzag-encoded,
// positions with the file left out when it is the source file's own.

type enc struct{ b []byte }

func (e *enc) uv(x uint64) { e.b = binary.AppendUvarint(e.b, x) }
func (e *enc) iv(x int64)  { e.b = binary.AppendVarint(e.b, x) }

func (e *enc) str(s string) {
	e.uv(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *enc) strs(ss []string) {
	if ss == nil {
		e.uv(0)
		return
	}
	e.uv(uint64(len(ss)) + 1)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *enc) boolean(b bool) {
	if b {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *enc) pos(p reconcile.Pos, file string) {
	if p.File == file {
		e.uv(0)
	} else {
		e.uv(uint64(len(p.File)) + 1)
		e.b = append(e.b, p.File...)
	}
	e.iv(int64(p.Line))
	e.iv(int64(p.Col))
}

func (e *enc) stamp(s stamp) {
	e.iv(s.size)
	e.iv(s.mtime)
	e.iv(s.ctime)
	e.uv(s.ino)
	e.uv(s.dev)
}

func (e *enc) rng(r reconcile.Range) {
	e.iv(r.Min)
	e.iv(r.Max)
}

func encodeEntry(e *enc, r *sourceResult, file string) {
	s := &r.src
	for _, x := range []string{s.ID, s.Title, s.Outlet} {
		e.str(x)
	}
	e.strs(s.Authors)
	for _, x := range []string{s.URL, s.Published} {
		e.str(x)
	}
	e.rng(s.PublishedDays)
	for _, x := range []string{s.Kind, s.Language, s.Text, s.File} {
		e.str(x)
	}
	e.pos(s.Pos, file)
	e.pos(r.idKey, file)
	e.uv(uint64(r.nclaims))
	e.uv(uint64(r.unverified))
	e.uv(uint64(len(r.claims)))
	for i := range r.claims {
		e.claim(&r.claims[i], file)
		e.pos(r.idPos[i], file)
	}
	e.problems(r.problems, func(p reconcile.Pos) { e.pos(p, file) })
}

// claim writes a claim; file is the source file, which its position
// names as a rule.
func (e *enc) claim(c *reconcile.Claim, file string) {
	for _, x := range []string{c.ID, c.Source, c.Event, c.Property, c.Value, c.Quote, c.AttributedTo, c.Authority, c.Hedge, c.Note, c.AsOfText} {
		e.str(x)
	}
	e.rng(c.AsOf)
	e.str(string(c.Reading.Kind))
	e.rng(c.Reading.Range)
	e.iv(c.Reading.Point)
	e.strs(c.Reading.Terms)
	e.str(c.Reading.Gloss)
	e.boolean(c.Verified)
	e.pos(c.Pos, file)
}

// problems writes a list of problems, each position with pos: the shards
// name files as the source's, the snapshot as paths in the corpus.
func (e *enc) problems(ps []reconcile.Problem, pos func(reconcile.Pos)) {
	e.uv(uint64(len(ps)))
	for _, p := range ps {
		pos(p.Pos)
		e.str(string(p.Severity))
		e.str(p.Message)
	}
}

// dec reads what enc wrote; any inconsistency sets bad, and from then on
// it reads zeros.
type dec struct {
	s   string
	i   int
	bad bool
}

func (d *dec) fail() {
	d.bad = true
	d.i = len(d.s)
}

func (d *dec) uv() uint64 {
	var x uint64
	for shift := uint(0); d.i < len(d.s); shift += 7 {
		b := d.s[d.i]
		d.i++
		if shift == 63 && b > 1 {
			break
		}
		if b < 0x80 {
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
	}
	d.fail()
	return 0
}

func (d *dec) iv() int64 {
	u := d.uv()
	return int64(u>>1) ^ -int64(u&1)
}

// n reads a count of things that take at least a byte each.
func (d *dec) n() int {
	x := d.uv()
	if x > uint64(len(d.s)-d.i) {
		d.fail()
		return 0
	}
	return int(x)
}

// u32 reads a fixed-width length of what follows, which enc patches in
// once it knows it.
func (d *dec) u32() int {
	if len(d.s)-d.i < 4 {
		d.fail()
		return 0
	}
	x := binary.LittleEndian.Uint32([]byte(d.s[d.i : d.i+4]))
	d.i += 4
	if uint64(x) > uint64(len(d.s)-d.i) {
		d.fail()
		return 0
	}
	return int(x)
}

// skip passes over n bytes, which u32 has found are there.
func (d *dec) skip(n int) { d.i += n }

func (d *dec) str() string {
	n := d.n()
	s := d.s[d.i : d.i+n]
	d.i += n
	return s
}

func (d *dec) sum() (s [32]byte) {
	if len(d.s)-d.i < 32 {
		d.fail()
		return s
	}
	copy(s[:], d.s[d.i:])
	d.i += 32
	return s
}

func (d *dec) strs() []string {
	n := d.n()
	if n == 0 {
		return nil
	}
	out := make([]string, n-1)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *dec) boolean() bool {
	switch d.uv() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *dec) pos(file string) reconcile.Pos {
	p := reconcile.Pos{File: file}
	if n := d.n(); n > 0 {
		n--
		if n > len(d.s)-d.i {
			d.fail()
			return p
		}
		p.File = d.s[d.i : d.i+n]
		d.i += n
	}
	p.Line, p.Col = int(d.iv()), int(d.iv())
	return p
}

func (d *dec) claim(c *reconcile.Claim, file string) {
	c.ID, c.Source, c.Event, c.Property, c.Value, c.Quote = d.str(), d.str(), d.str(), d.str(), d.str(), d.str()
	c.AttributedTo, c.Authority, c.Hedge, c.Note, c.AsOfText = d.str(), d.str(), d.str(), d.str(), d.str()
	c.AsOf = d.rng()
	c.Reading.Kind = reconcile.Kind(d.str())
	c.Reading.Range = d.rng()
	c.Reading.Point = d.iv()
	c.Reading.Terms = d.strs()
	c.Reading.Gloss = d.str()
	c.Verified = d.boolean()
	c.Pos = d.pos(file)
}

// problems reads what enc.problems wrote, each position with pos; nil for
// none.
func (d *dec) problems(pos func() reconcile.Pos) []reconcile.Problem {
	n := d.n()
	if n == 0 {
		return nil
	}
	ps := make([]reconcile.Problem, n)
	for i := range ps {
		p := &ps[i]
		p.Pos = pos()
		p.Severity = reconcile.Severity(d.str())
		p.Message = d.str()
	}
	return ps
}

func (d *dec) rng() reconcile.Range { return reconcile.Range{Min: d.iv(), Max: d.iv()} }

func (d *dec) stamp() stamp {
	return stamp{size: d.iv(), mtime: d.iv(), ctime: d.iv(), ino: d.uv(), dev: d.uv()}
}

// decodeEntry reads a cached sourceResult; file is the source file as
// positions name it. Its claims go into claims and idPos, which have room
// for as many as the entry says it has.
func decodeEntry(ce *cacheEntry, file string, claims []reconcile.Claim, idPos []reconcile.Pos) (*sourceResult, bool) {
	d := &dec{s: ce.blob}
	r := &sourceResult{textKey: ce.textKey, textRaw: ce.textRaw}
	s := &r.src
	s.ID, s.Title, s.Outlet = d.str(), d.str(), d.str()
	s.Authors = d.strs()
	s.URL, s.Published = d.str(), d.str()
	s.PublishedDays = d.rng()
	s.Kind, s.Language, s.Text, s.File = d.str(), d.str(), d.str(), d.str()
	s.Pos = d.pos(file)
	r.idKey = d.pos(file)
	r.nclaims = int(d.uv())
	r.unverified = int(d.uv())
	if n := d.n(); n > 0 {
		if n != ce.nclaims || n > cap(claims) || n > cap(idPos) {
			return nil, false
		}
		r.claims, r.idPos = claims[:n], idPos[:n]
		for i := range r.claims {
			d.claim(&r.claims[i], file)
			r.idPos[i] = d.pos(file)
		}
	} else if ce.nclaims != 0 {
		return nil, false
	}
	r.problems = d.problems(func() reconcile.Pos { return d.pos(file) })
	if d.bad || d.i != len(d.s) {
		return nil, false
	}
	return r, true
}
