package load

// A check needs the findings, problems and counts of a corpus, not every
// group's claims (Options.FindingsOnly). So beside the sources and groups,
// the cache keeps a snapshot of the last such check: for each file what it
// was (its bytes' and text's keys), what it contributed on its own (its
// problems, counts, source id and given claim ids), and for each group the
// files with claims in it and what reconciling it found. A later check
// whose context is the same reads only the files that changed and the
// sources that share a group with them (incremental.go), and takes every
// other group's findings from the snapshot.
//
// Layout: CacheDir/<corpus>/check.bin,
//
//	magic "xchecks\x01" | format u32 | context [32]
//	body: files, groups, clashes (problems), each as a count and entries,
//	      and the vocabulary's problems
//	body length u64 | crc32c of all the above, u32
//
// A file entry is rel | sum [32] | text key [32] | flags | source id |
// given claim ids (8-byte hashes) | claims | unverified | problems; a group
// entry is event | property | members (file indices, as increments) |
// verified | body (findings and problems). Positions in the snapshot name
// their file by its path relative to the corpus, so a group's body stays
// right when files are added before it. Like the shards it is written
// whole and renamed into place, and a snapshot that fails any check is
// not used: the check then works everything out and writes a new one.

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/workers"
	"github.com/crosscheck/crosscheck/reconcile"
)

const snapshotName = "check.bin"

var snapshotMagic = [8]byte{'x', 'c', 'h', 'e', 'c', 'k', 's', 1}

const snapshotHeaderSize = 8 + 4 + 32

// snapshot is the last check of a corpus, as read back.
type snapshot struct {
	ctx     [32]byte
	files   []snapFile  // sorted by rel
	groups  []snapGroup // sorted by event, then property
	clashes string      // encoded problems: duplicate source and claim ids
	// vocabulary is the encoded problems of building the vocabulary,
	// which the context stands for: a check that needs nothing else of
	// it does not build it (see loadIncrement).
	vocabulary string
	// bodies, when set, appends group i's body to e, for write to call
	// instead of reading groups[i].body. A full check's snapshot is
	// written so: its bodies (230 MB at 200,000 sources) are encoded a
	// batch at a time into buffers the next batch reuses, rather than
	// each into memory of its own, all held until the last is written.
	// write calls it from several goroutines at once, each with an e of
	// its own: it may only append to e, and read what does not change.
	bodies func(i int, e *enc)
}

type snapFile struct {
	rel          string
	sum, textKey [32]byte
	// cached: a source and nothing else, whose result the cache keeps.
	// Other files are parsed on every run.
	cached bool
	// inCorpus: a source whose claims went into the corpus (not one whose
	// id another file had first).
	inCorpus bool
	// clash: its source id, or one of its given claim ids, is another
	// file's too.
	clash bool
	id    string // its source id, if it is a source
	// ids holds a hash (claimIDHash) of each of its given claim ids, 8
	// bytes each.
	ids                 string
	nclaims, unverified int
	problems            string // its own, encoded (cached sources only)
}

type snapGroup struct {
	event, property string
	members         []int32 // of files, ascending
	verified        int
	body            string // encoded findings and problems
}

// bodyBatch is how many groups' bodies a snapshot written from a check's
// groups (snapshot.bodies) encodes at a time, on every core, before they
// are written.
const bodyBatch = 1024

// claimIDHash stands for a given claim id in the snapshot (FNV-1a, the
// same from run to run). Two ids with the same hash only make a check
// take the longer way.
func claimIDHash(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}

// readSnapshot reads and checks dir's snapshot; nil if there is none or it
// cannot be trusted.
func readSnapshot(dir string) *snapshot {
	data, release, err := readCacheFile(filepath.Join(dir, snapshotName))
	if err != nil {
		return nil
	}
	sn := snapshotFrom(data)
	if sn == nil {
		release()
	}
	return sn
}

func snapshotFrom(data []byte) *snapshot {
	if len(data) < snapshotHeaderSize+8+4 {
		return nil
	}
	body := data[:len(data)-12]
	if crc32.Checksum(data[:len(data)-4], castagnoli) != binary.LittleEndian.Uint32(data[len(data)-4:]) ||
		[8]byte(data[:8]) != snapshotMagic || binary.LittleEndian.Uint32(data[8:]) != cacheFormat ||
		binary.LittleEndian.Uint64(data[len(data)-12:]) != uint64(len(body)-snapshotHeaderSize) {
		return nil
	}
	sn := &snapshot{ctx: [32]byte(data[12:44])}
	// Its strings are slices of this one string, which nothing writes to.
	d := &dec{s: unsafe.String(unsafe.SliceData(body), len(body)), i: snapshotHeaderSize}
	sn.files = make([]snapFile, d.n())
	for i := range sn.files {
		f := &sn.files[i]
		f.rel = d.str()
		f.sum, f.textKey = d.sum(), d.sum()
		flags := d.uv()
		f.cached, f.inCorpus, f.clash = flags&1 != 0, flags&2 != 0, flags&4 != 0
		f.id, f.ids = d.str(), d.str()
		f.nclaims, f.unverified = d.n(), d.n()
		f.problems = d.str()
		if len(f.ids)%8 != 0 || (i > 0 && sn.files[i-1].rel >= f.rel) {
			d.fail()
		}
	}
	sn.groups = make([]snapGroup, d.n())
	members := make([]int32, 0, len(sn.files))
	for i := range sn.groups {
		g := &sn.groups[i]
		g.event, g.property = d.str(), d.str()
		n, at := d.n(), int64(-1)
		start := len(members)
		for range n {
			at += int64(d.uv()) + 1
			if at >= int64(len(sn.files)) {
				d.fail()
				break
			}
			members = append(members, int32(at))
		}
		g.members = members[start:len(members):len(members)]
		g.verified = d.n()
		g.body = d.str()
		if i > 0 {
			p := &sn.groups[i-1]
			if p.event > g.event || (p.event == g.event && p.property >= g.property) {
				d.fail()
			}
		}
	}
	sn.clashes = d.str()
	sn.vocabulary = d.str()
	if d.bad || d.i != len(d.s) {
		return nil
	}
	return sn
}

// write saves the snapshot under dir, whole or not at all. It goes to the
// file as it is encoded, so the groups' bodies are not copied once more
// into one buffer the size of the snapshot.
func (sn *snapshot) write(dir string) bool {
	return writeAtomicWith(dir, snapshotName, func(w io.Writer) error {
		crc := crc32.New(castagnoli)
		out := bufio.NewWriterSize(io.MultiWriter(w, crc), 256<<10)
		e := &enc{b: make([]byte, 0, 64<<10)}
		body := 0
		flush := func() {
			body += len(e.b)
			out.Write(e.b)
			e.b = e.b[:0]
		}
		e.b = append(e.b, snapshotMagic[:]...)
		e.b = binary.LittleEndian.AppendUint32(e.b, cacheFormat)
		e.b = append(e.b, sn.ctx[:]...)
		out.Write(e.b)
		e.b = e.b[:0]
		e.uv(uint64(len(sn.files)))
		for i := range sn.files {
			f := &sn.files[i]
			e.str(f.rel)
			e.b = append(e.b, f.sum[:]...)
			e.b = append(e.b, f.textKey[:]...)
			var flags uint64
			for bit, on := range []bool{f.cached, f.inCorpus, f.clash} {
				if on {
					flags |= 1 << bit
				}
			}
			e.uv(flags)
			e.str(f.id)
			e.str(f.ids)
			e.uv(uint64(f.nclaims))
			e.uv(uint64(f.unverified))
			e.str(f.problems)
			if len(e.b) > 32<<10 {
				flush()
			}
		}
		e.uv(uint64(len(sn.groups)))
		// With sn.bodies, each worker encodes a run of a batch's groups
		// into a buffer of its own; ends[k] is where the batch's k-th
		// body ends in its worker's buffer.
		parts := min(runtime.GOMAXPROCS(0), bodyBatch)
		var bufs []enc
		var ends []int
		if sn.bodies != nil {
			bufs, ends = make([]enc, parts), make([]int, bodyBatch)
		}
		for from := 0; from < len(sn.groups); from += bodyBatch {
			if out.Flush() != nil {
				break // the file cannot be written: encode no more
			}
			to := min(from+bodyBatch, len(sn.groups))
			per := (to - from + parts - 1) / parts
			if sn.bodies != nil {
				workers.Each(parts, func(p int) {
					b := &bufs[p]
					b.b = b.b[:0]
					for i := from + p*per; i < min(from+(p+1)*per, to); i++ {
						sn.bodies(i, b)
						ends[i-from] = len(b.b)
					}
				})
			}
			for i := from; i < to; i++ {
				g := &sn.groups[i]
				e.str(g.event)
				e.str(g.property)
				e.uv(uint64(len(g.members)))
				at := int64(-1)
				for _, m := range g.members {
					e.uv(uint64(int64(m) - at - 1))
					at = int64(m)
				}
				e.uv(uint64(g.verified))
				// The body is the one held, or else the one just
				// encoded: one of the two is empty.
				held, encoded := g.body, []byte(nil)
				if sn.bodies != nil {
					k := i - from
					encoded = bufs[k/per].b[:ends[k]]
					if k%per > 0 {
						encoded = encoded[ends[k-1]:]
					}
				}
				e.uv(uint64(len(held) + len(encoded)))
				flush()
				body += len(held) + len(encoded)
				out.WriteString(held)
				out.Write(encoded)
			}
		}
		e.str(sn.clashes)
		e.str(sn.vocabulary)
		flush()
		e.b = binary.LittleEndian.AppendUint64(e.b, uint64(body))
		out.Write(e.b)
		if err := out.Flush(); err != nil {
			return err
		}
		_, err := w.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32()))
		return err
	})
}

// places turns the files positions name into paths relative to the
// corpus, and back, so that what the snapshot holds does not depend on
// where in its table a file is. It is made once from a run's files and
// only read after that, from every core.
type places struct {
	rels []string          // this run's files, relative to the corpus, by slot
	at   map[string]int32  // file, as positions name it -> slot
	file map[string]string // rel -> file
	l    *loader
}

func (l *loader) places(slots []slot) *places {
	pl := &places{rels: make([]string, len(slots)), at: make(map[string]int32, len(slots)),
		file: make(map[string]string, len(slots)), l: l}
	for i := range slots {
		pl.rels[i] = slots[i].rel
		pl.at[slots[i].file] = int32(i)
		pl.file[slots[i].rel] = slots[i].file
	}
	return pl
}

// index is the slot of the file a position names, if it is one of this
// run's.
func (pl *places) index(file string) (int32, bool) {
	i, ok := pl.at[file]
	return i, ok
}

// put writes p, naming its file by rel when it is one of the corpus's.
func (pl *places) put(e *enc, p reconcile.Pos) {
	if i, ok := pl.at[p.File]; ok {
		e.uv(1)
		e.str(pl.rels[i])
	} else {
		e.uv(0)
		e.str(p.File)
	}
	e.iv(int64(p.Line))
	e.iv(int64(p.Col))
}

func (pl *places) get(d *dec) reconcile.Pos {
	var p reconcile.Pos
	switch d.uv() {
	case 0:
		p.File = d.str()
	case 1:
		rel := d.str()
		f, ok := pl.file[rel]
		if !ok {
			f = pl.l.file(rel) // a file no longer in the corpus
		}
		p.File = f
	default:
		d.fail()
	}
	p.Line, p.Col = int(d.iv()), int(d.iv())
	return p
}

// putProblems writes ps with their files named as put names them.
func (pl *places) putProblems(e *enc, ps []reconcile.Problem) {
	e.problems(ps, func(p reconcile.Pos) { pl.put(e, p) })
}

// problemsFrom reads a list putProblems wrote as the whole of s; false if
// s is not one.
func (pl *places) problemsFrom(s string) ([]reconcile.Problem, bool) {
	d := &dec{s: s}
	ps := d.problems(func() reconcile.Pos { return pl.get(d) })
	return ps, !d.bad && d.i == len(d.s)
}

// groupBody encodes what a check shows of a reconciled group: its
// findings, each with where it is reported and its claims whole (behind
// their length in bytes, so that a brief read skips them), and its
// problems. A finding that points at the group's verdict is marked so:
// groups with a verdict are reconciled on every check (see
// incremental.go), never read back.
func (pl *places) groupBody(r *reconcile.GroupResult) []byte {
	// Built in a reused buffer and copied out at its size: most bodies
	// are a few bytes, some hold thousands of claims.
	e := encBufs.Get().(*enc)
	defer encBufs.Put(e)
	e.b = e.b[:0]
	pl.appendGroupBody(e, r)
	return bytes.Clone(e.b)
}

// appendGroupBody appends what groupBody returns to e.
func (pl *places) appendGroupBody(e *enc, r *reconcile.GroupResult) {
	e.uv(uint64(len(r.Findings)))
	for i := range r.Findings {
		f := &r.Findings[i]
		for _, s := range []string{string(f.Kind), string(f.Severity), string(f.Status), f.Summary, f.Why} {
			e.str(s)
		}
		pl.put(e, f.At)
		e.boolean(f.Verdict != nil)
		// Where it is reported, and how many bytes its claims take: a
		// check that shows only that (brief) skips them.
		pl.put(e, f.Where())
		e.uv(uint64(len(f.Claims)))
		size := len(e.b)
		e.b = append(e.b, 0, 0, 0, 0)
		for k := range f.Claims {
			c := &f.Claims[k]
			pl.put(e, c.Pos)
			e.claim(&c.Claim, c.Pos.File)
			e.str(string(c.Role))
		}
		binary.LittleEndian.PutUint32(e.b[size:], uint32(len(e.b)-size-4))
	}
	pl.putProblems(e, r.Problems)
}

// findingsIn is how many findings a body groupBody wrote holds, or -1 if
// it is too short to say. The findings of every group a check reads back
// go into one array, each group's into its stretch: copying a few hundred
// thousand findings from one array per group into one took longer than
// reading them.
func findingsIn(body string) int {
	d := &dec{s: body}
	n := d.n()
	if d.bad {
		return -1
	}
	return n
}

// readGroupBody reads what groupBody wrote for the group event, property,
// into fs, which has room for exactly its findings (findingsIn); brief,
// the findings without their claims (see Options.BriefFindings).
func (pl *places) readGroupBody(s, event, property string, brief bool, fs []reconcile.Finding) ([]reconcile.Problem, bool) {
	d := &dec{s: s}
	if d.n() != len(fs) || d.bad {
		return nil, false
	}
	for i := range fs {
		f := &fs[i]
		f.Event, f.Property = event, property
		f.Kind, f.Severity, f.Status = reconcile.FindingKind(d.str()), reconcile.Severity(d.str()), reconcile.Status(d.str())
		f.Summary, f.Why = d.str(), d.str()
		f.At = pl.get(d)
		if d.boolean() {
			return nil, false // a verdict's group: see groupBody
		}
		where := pl.get(d)
		n := d.n()
		size := d.u32()
		if brief {
			f.At = where
			d.skip(size)
			continue
		}
		end := d.i + size
		f.Claims = make([]reconcile.FindingClaim, n)
		for k := range f.Claims {
			c := &f.Claims[k]
			p := pl.get(d)
			d.claim(&c.Claim, p.File)
			c.Role = reconcile.Role(d.str())
		}
		if d.i != end {
			d.fail()
		}
	}
	ps := d.problems(func() reconcile.Pos { return pl.get(d) })
	return ps, !d.bad && d.i == len(d.s)
}

// hasGivenID reports whether a claim id was given in its file, rather than
// made from its source's ("irna#3"): only given ids can clash.
func hasGivenID(id string) bool { return strings.IndexByte(id, '#') < 0 }
