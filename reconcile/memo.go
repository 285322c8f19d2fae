package reconcile

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"sync"
)

// A GroupMemo remembers reconciled groups between runs, so that a run on a
// corpus that changed in one source reconciles only the groups that source
// is in. Run asks it for each group by a key that stands for everything the
// group's result depends on, and gives it each group it had to reconcile.
// It must be safe for use by several goroutines.
type GroupMemo interface {
	// Get returns what Put stored under key, if it has it.
	Get(key [32]byte) (string, bool)
	// Put stores a group's encoded result under its key.
	Put(key [32]byte, result []byte)
}

// RunOptions say how RunWith works.
type RunOptions struct {
	// InPlace reorders c.Claims into their groups instead of copying
	// them (see RunInPlace).
	InPlace bool
	// Memo, if not nil, is asked for each group's result before the
	// group is reconciled, and given each result worked out.
	Memo GroupMemo
	// Salt goes into every group's key. It must change whenever the
	// corpus's Hierarchy may answer differently (the vocabulary changed),
	// since the groups' claims do not show that.
	Salt []byte
	// ClaimKeys, if not nil, has one key a claim (in c.Claims' order)
	// that stands for everything in it and in its source: the same key,
	// the same claim from the same source. Group keys are then made from
	// them, which is quicker than from the claims and sources themselves.
	// (The loader makes them from the hashes of the claim's source file,
	// which holds both, and of its archived text.)
	ClaimKeys []ClaimKey
}

// ClaimKey identifies a claim's content (see RunOptions.ClaimKeys).
type ClaimKey [16]byte

// RunWith is Run with options. The result does not depend on them.
func RunWith(c Corpus, o RunOptions) Result { return run(c, o) }

// memoFormat changes whenever what a group's result holds, or how it is
// encoded, does.
const memoFormat = 2

var keyBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// groupKey hashes everything ReconcileGroup reads: the group, its claims,
// its verdict, how its sources are named, and the salt.
func groupKey(g *Group, keys []ClaimKey, l Lookup, salt []byte) [32]byte {
	bp := keyBuffers.Get().(*[]byte)
	b := (*bp)[:0]
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(x int64) { b = binary.AppendVarint(b, x) }
	strs := func(ss []string) {
		if ss == nil {
			num(-1)
			return
		}
		num(int64(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	rng := func(r Range) { num(r.Min); num(r.Max) }
	pos := func(p Pos) { str(p.File); num(int64(p.Line)); num(int64(p.Col)) }
	reading := func(r Reading) {
		str(string(r.Kind))
		rng(r.Range)
		num(r.Point)
		strs(r.Terms)
		str(r.Gloss)
	}
	flag := func(v bool) {
		if v {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	str("crosscheck group " + strconv.Itoa(memoFormat))
	str(string(salt))
	str(g.Event)
	str(g.Property)
	str(string(g.Kind))
	flag(g.Cumulative)
	flag(g.Verdict != nil)
	if v := g.Verdict; v != nil {
		for _, s := range []string{v.Event, v.Property, v.Established, v.AsOfText, v.Reason, v.Decided, v.By} {
			str(s)
		}
		reading(v.Reading)
		rng(v.AsOf)
		strs(v.Rejects)
		strs(v.Evidence)
		pos(v.Pos)
	}
	num(int64(len(g.Claims)))
	flag(keys != nil)
	for i := range g.Claims {
		c := &g.Claims[i]
		if keys != nil {
			b = append(b, keys[i][:]...)
			continue
		}
		for _, s := range []string{c.ID, c.Source, c.Event, c.Property, c.Value, c.Quote, c.AttributedTo, c.Authority, c.Hedge, c.Note, c.AsOfText} {
			str(s)
		}
		rng(c.AsOf)
		reading(c.Reading)
		flag(c.Verified)
		pos(c.Pos)
		if s := l.Sources[c.Source]; s != nil {
			str(s.Name())
		} else {
			num(-1)
		}
	}
	key := sha256.Sum256(b)
	*bp = b
	keyBuffers.Put(bp)
	return key
}

// encodeGroupResult writes what ReconcileGroup concluded about its group,
// naming claims by their place in the group; nil if a finding holds a
// claim that is not the group's.
func encodeGroupResult(r *GroupResult) []byte {
	var b []byte
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(x int64) { b = binary.AppendVarint(b, x) }
	pos := func(p Pos) { str(p.File); num(int64(p.Line)); num(int64(p.Col)) }
	bits := func(fs []bool) {
		packed := make([]byte, (len(fs)+7)/8)
		for i, f := range fs {
			if f {
				packed[i/8] |= 1 << (i % 8)
			}
		}
		b = append(b, packed...)
	}
	type claimAt struct {
		pos Pos
		id  string
	}
	var index map[claimAt]int
	n := len(r.Claims)
	num(int64(n))
	bits(r.Agreeing)
	bits(r.Superseded)
	if r.Rejected != nil {
		num(1)
		bits(r.Rejected)
	} else {
		num(0)
	}
	if r.Agreed != nil {
		num(1)
		num(r.Agreed.Min)
		num(r.Agreed.Max)
	} else {
		num(0)
	}
	if r.Estimate != nil {
		num(1)
		num(r.Estimate.Low)
		num(r.Estimate.Best)
		num(r.Estimate.High)
	} else {
		num(0)
	}
	num(int64(len(r.Findings)))
	for i := range r.Findings {
		f := &r.Findings[i]
		str(string(f.Kind))
		str(string(f.Severity))
		str(string(f.Status))
		str(f.Summary)
		str(f.Why)
		pos(f.At)
		if f.Verdict != nil {
			num(1)
		} else {
			num(0)
		}
		num(int64(len(f.Claims)))
		for k := range f.Claims {
			fc := &f.Claims[k]
			if index == nil {
				index = make(map[claimAt]int, n)
				for j := range r.Claims {
					index[claimAt{r.Claims[j].Pos, r.Claims[j].ID}] = j
				}
			}
			j, ok := index[claimAt{fc.Pos, fc.ID}]
			if !ok {
				return nil
			}
			num(int64(j))
			str(string(fc.Role))
		}
	}
	num(int64(len(r.Problems)))
	for _, p := range r.Problems {
		pos(p.Pos)
		str(string(p.Severity))
		str(p.Message)
	}
	return b
}

// decodeGroupResult reads what encodeGroupResult wrote for a group with
// the same key, or reports that it cannot.
func decodeGroupResult(s string, g Group) (r GroupResult, ok bool) {
	d := memoDecoder{s: s}
	n := len(g.Claims)
	if d.num() != int64(n) {
		return r, false
	}
	flags := make([]bool, 3*n)
	d.bits(flags[:n])
	d.bits(flags[n : 2*n])
	r = GroupResult{Group: g, Agreeing: flags[:n:n], Superseded: flags[n : 2*n : 2*n]}
	if d.num() == 1 {
		r.Rejected = flags[2*n:]
		d.bits(r.Rejected)
	}
	if d.num() == 1 {
		r.Agreed = &Range{Min: d.num(), Max: d.num()}
	}
	if d.num() == 1 {
		r.Estimate = &Estimate{Low: d.num(), Best: d.num(), High: d.num()}
	}
	if k := d.count(); k > 0 {
		r.Findings = make([]Finding, k)
		for i := range r.Findings {
			f := &r.Findings[i]
			f.Event, f.Property = g.Event, g.Property
			f.Kind, f.Severity, f.Status = FindingKind(d.str()), Severity(d.str()), Status(d.str())
			f.Summary, f.Why = d.str(), d.str()
			f.At = d.pos()
			if d.num() == 1 {
				if g.Verdict == nil {
					return r, false
				}
				f.Verdict = g.Verdict
			}
			f.Claims = make([]FindingClaim, d.count())
			for k := range f.Claims {
				at := d.num()
				if at < 0 || at >= int64(n) {
					return r, false
				}
				f.Claims[k] = FindingClaim{Claim: g.Claims[at], Role: Role(d.str())}
			}
		}
	}
	if k := d.count(); k > 0 {
		r.Problems = make([]Problem, k)
		for i := range r.Problems {
			p := &r.Problems[i]
			p.Pos = d.pos()
			p.Severity = Severity(d.str())
			p.Message = d.str()
		}
	}
	return r, !d.bad && d.i == len(d.s)
}

type memoDecoder struct {
	s   string
	i   int
	bad bool
}

func (d *memoDecoder) num() int64 {
	var u uint64
	for shift := uint(0); d.i < len(d.s) && shift < 64; shift += 7 {
		c := d.s[d.i]
		d.i++
		u |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return int64(u>>1) ^ -int64(u&1)
		}
	}
	d.bad, d.i = true, len(d.s)
	return 0
}

// count reads a number of things that take a byte or more each.
func (d *memoDecoder) count() int {
	n := d.num()
	if n < 0 || n > int64(len(d.s)-d.i) {
		d.bad, d.i = true, len(d.s)
		return 0
	}
	return int(n)
}

func (d *memoDecoder) str() string {
	var n uint64
	for shift := uint(0); ; shift += 7 {
		if d.i >= len(d.s) || shift >= 64 {
			d.bad, d.i = true, len(d.s)
			return ""
		}
		c := d.s[d.i]
		d.i++
		n |= uint64(c&0x7f) << shift
		if c < 0x80 {
			break
		}
	}
	if n > uint64(len(d.s)-d.i) {
		d.bad, d.i = true, len(d.s)
		return ""
	}
	s := d.s[d.i : d.i+int(n)]
	d.i += int(n)
	return s
}

func (d *memoDecoder) pos() Pos {
	return Pos{File: d.str(), Line: int(d.num()), Col: int(d.num())}
}

func (d *memoDecoder) bits(fs []bool) {
	k := (len(fs) + 7) / 8
	if len(d.s)-d.i < k {
		d.bad, d.i = true, len(d.s)
		return
	}
	for i := range fs {
		fs[i] = d.s[d.i+i/8]&(1<<(i%8)) != 0
	}
	d.i += k
}
