package reconcile

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/workers"
)

// Run groups a corpus's claims by event and property, reconciles each group
// and gathers the findings. It is pure: the same corpus gives the same
// result, whatever order the claims arrived in.
func Run(c Corpus) Result { return run(c, RunOptions{}) }

// RunInPlace is Run for a caller done with the order of c.Claims: it
// reorders them into their groups instead of copying them, so a large
// corpus needs one copy of its claims fewer. The result's groups share
// c.Claims.
func RunInPlace(c Corpus) Result { return run(c, RunOptions{InPlace: true}) }

func run(c Corpus, o RunOptions) Result {
	res := Result{
		Sources:    slices.Clone(c.Sources),
		Events:     c.Events,
		Properties: c.Properties,
		Problems:   slices.Clone(c.Problems),
		Claims:     len(c.Claims),
		Unverified: c.Unverified,
	}
	slices.SortFunc(res.Sources, func(a, b Source) int { return strings.Compare(a.ID, b.ID) })
	l := Lookup{Hierarchy: c.Hierarchy, Sources: make(map[string]*Source, len(res.Sources))}
	res.sourceIndex = make(map[string]int, len(res.Sources))
	for i := range res.Sources {
		l.Sources[res.Sources[i].ID] = &res.Sources[i]
		res.sourceIndex[res.Sources[i].ID] = i
	}
	if o.ClaimKeys != nil && len(o.ClaimKeys) != len(c.Claims) {
		o.ClaimKeys = nil
	}
	// Grouping keeps the claims' order, so claims that come sorted (as a
	// loader gives them, in file order) make sorted groups: one look at
	// them all, where most neighbours share a file, is cheaper than one
	// at each group, where none do.
	sortedIn := slices.IsSortedFunc(c.Claims, compareClaims)
	groups, keys, problems := groupClaims(c, o.InPlace, o.ClaimKeys)
	res.Problems = append(res.Problems, problems...)
	res.Groups = make([]GroupResult, len(groups))
	// Groups are independent, so they reconcile on every core; results land
	// in their own slot, keeping the output order fixed.
	var verified atomic.Int64
	workers.Each(len(groups), func(i int) {
		g := groups[i]
		var gk []ClaimKey
		if keys != nil {
			gk = keys[i]
		}
		if !sortedIn && !slices.IsSortedFunc(g.Claims, compareClaims) {
			if gk == nil {
				slices.SortStableFunc(g.Claims, compareClaims)
			} else {
				// The keys go where their claims go.
				idx := make([]int, len(g.Claims))
				for k := range idx {
					idx[k] = k
				}
				slices.SortStableFunc(idx, func(a, b int) int { return compareClaims(g.Claims[a], g.Claims[b]) })
				cs, ks := slices.Clone(g.Claims), slices.Clone(gk)
				for k, from := range idx {
					g.Claims[k], gk[k] = cs[from], ks[from]
				}
			}
		}
		v := 0
		for k := range g.Claims {
			if g.Claims[k].Verified {
				v++
			}
		}
		verified.Add(int64(v))
		if o.Memo == nil {
			res.Groups[i] = ReconcileGroup(g, l)
			return
		}
		key := groupKey(&g, gk, l, o.Salt)
		if enc, ok := o.Memo.Get(key); ok {
			if r, ok := decodeGroupResult(enc, g); ok {
				res.Groups[i] = r
				return
			}
		}
		res.Groups[i] = ReconcileGroup(g, l)
		if enc := encodeGroupResult(&res.Groups[i]); enc != nil {
			o.Memo.Put(key, enc)
		}
	})
	res.Verified = int(verified.Load())
	nf := 0
	for i := range res.Groups {
		nf += len(res.Groups[i].Findings)
	}
	res.Findings = make([]Finding, 0, nf)
	for i := range res.Groups {
		res.Findings = append(res.Findings, res.Groups[i].Findings...)
		res.Problems = append(res.Problems, res.Groups[i].Problems...)
	}
	SortFindings(res.Findings)
	SortProblems(res.Problems)
	return res
}

// minShared is the fewest claims whose grouping is split between cores.
var minShared = 65536

// groupClaims gathers claims by event and property and attaches each
// group's verdict. A verdict on a group with no claims, or a second verdict
// on the same group, is a problem rather than silently ignored. The groups'
// claims are one array, a copy of c.Claims or (inPlace) c.Claims itself
// reordered.
func groupClaims(c Corpus, inPlace bool, claimKeys []ClaimKey) ([]Group, [][]ClaimKey, []Problem) {
	type key struct{ event, property string }
	// Which group each claim goes to, and how many each gets. The groups
	// are split between the cores by a hash of their key: each core
	// numbers the groups of its share, going through all the claims, and
	// the shares are laid end to end.
	of := make([]int32, len(c.Claims))
	shares := min(runtime.GOMAXPROCS(0), 256) // a share number fits a byte
	if len(c.Claims) < minShared {
		shares = 1
	}
	seed := maphash.MakeSeed()
	share := make([]uint8, len(c.Claims))
	if shares > 1 {
		const stretch = 16384
		workers.Each((len(c.Claims)+stretch-1)/stretch, func(k int) {
			for n := k * stretch; n < min(len(c.Claims), (k+1)*stretch); n++ {
				cl := &c.Claims[n]
				h := maphash.String(seed, cl.Event) ^ maphash.String(seed, cl.Property)*0x9e3779b97f4a7c15
				share[n] = uint8(h % uint64(shares))
			}
		})
	}
	type part struct {
		keys  []key
		index map[key]int32
	}
	parts := make([]part, shares)
	workers.Each(shares, func(pi int) {
		p := &parts[pi]
		p.index = make(map[key]int32, len(c.Claims)/4/shares)
		last := int32(-1)
		for n := range c.Claims {
			if int(share[n]) != pi {
				continue
			}
			cl := &c.Claims[n]
			// A source's claims are mostly about one event, and come
			// together: try the last group first.
			if last >= 0 && p.keys[last].event == cl.Event && p.keys[last].property == cl.Property {
				of[n] = last
				continue
			}
			k := key{cl.Event, cl.Property}
			i, ok := p.index[k]
			if !ok {
				i = int32(len(p.keys))
				p.index[k] = i
				p.keys = append(p.keys, k)
			}
			of[n] = i
			last = i
		}
	})
	ngroups := 0
	for pi := range parts {
		ngroups += len(parts[pi].keys)
	}
	groups := make([]Group, 0, ngroups)
	base := make([]int32, shares)
	for pi := range parts {
		base[pi] = int32(len(groups))
		for _, k := range parts[pi].keys {
			pr := c.Properties[k.property]
			groups = append(groups, Group{Event: k.event, Property: k.property, Kind: pr.Kind, Cumulative: pr.Cumulative})
		}
	}
	counts := make([]int, len(groups))
	for n := range of {
		of[n] += base[share[n]]
		counts[of[n]]++
	}
	groupOf := func(event, property string) (int, bool) {
		k := key{event, property}
		h := maphash.String(seed, event) ^ maphash.String(seed, property)*0x9e3779b97f4a7c15
		pi := 0
		if shares > 1 {
			pi = int(h % uint64(shares))
		}
		i, ok := parts[pi].index[k]
		return int(base[pi] + i), ok
	}
	var problems []Problem
	verdicts := slices.Clone(c.Verdicts)
	slices.SortFunc(verdicts, func(a, b Verdict) int {
		return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line))
	})
	for vi := range verdicts {
		v := &verdicts[vi]
		i, ok := groupOf(v.Event, v.Property)
		switch {
		case !ok:
			problems = append(problems, Problem{Pos: v.Pos, Severity: Error, Message: fmt.Sprintf(
				"verdict on %s %s: no claim in the corpus is about that event and property; fix the ids, or remove the verdict", v.Event, v.Property)})
		case groups[i].Verdict != nil:
			problems = append(problems, Problem{Pos: v.Pos, Severity: Error, Message: fmt.Sprintf(
				"a second verdict on %s %s (the first is at %s); merge them into one", v.Event, v.Property, groups[i].Verdict.Pos)})
		default:
			groups[i].Verdict = v
		}
	}

	// Groups in order of event and property, each group's claims at
	// their place in the array, in the order they came.
	order := sortedGroups(groups, base)
	start := make([]int, len(groups))
	off := 0
	for _, g := range order {
		start[g] = off
		off += counts[g]
	}
	next := slices.Clone(start)
	dest := make([]int32, len(c.Claims))
	for n := range dest {
		dest[n] = int32(next[of[n]])
		next[of[n]]++
	}
	// The claim keys, if any, are copied to where their claims go.
	var keys []ClaimKey
	if claimKeys != nil {
		keys = make([]ClaimKey, len(claimKeys))
		for n, d := range dest {
			keys[d] = claimKeys[n]
		}
	}
	var all []Claim
	if inPlace {
		all = c.Claims
		permute(all, dest)
	} else {
		all = make([]Claim, len(c.Claims))
		const chunk = 4096
		workers.Each((len(dest)+chunk-1)/chunk, func(k int) {
			for n := k * chunk; n < min(len(dest), (k+1)*chunk); n++ {
				all[dest[n]] = c.Claims[n]
			}
		})
	}
	// Each group's claims are in the order they came; run sorts them.
	sorted := make([]Group, len(groups))
	var groupKeys [][]ClaimKey
	if keys != nil {
		groupKeys = make([][]ClaimKey, len(groups))
	}
	for k, g := range order {
		sorted[k] = groups[g]
		sorted[k].Claims = all[start[g] : start[g]+counts[g] : start[g]+counts[g]]
		if keys != nil {
			groupKeys[k] = keys[start[g] : start[g]+counts[g] : start[g]+counts[g]]
		}
	}
	return sorted, groupKeys, problems
}

// sortedGroups is the order of groups by event and property. The groups
// come in shares (share i starts at base[i]), each sorted on its own core
// and then merged. What is sorted are the groups' places, each beside a
// prefix of its event and property (see placePrefix): comparing the
// strings themselves reads two places in memory far apart, for each of
// millions of comparisons.
func sortedGroups(groups []Group, base []int32) []int {
	keys := make([]sortPrefix, len(groups))
	for i := range groups {
		keys[i] = placePrefix(0, groups[i].Event, groups[i].Property, int32(i))
	}
	compare := func(x, y sortPrefix) int {
		if c := x.compare(y); c != 0 {
			return c
		}
		a, b := &groups[x.at], &groups[y.at]
		return cmp.Or(strings.Compare(a.Event, b.Event), strings.Compare(a.Property, b.Property))
	}
	bounds := make([]int, 0, len(base)+1)
	for _, b := range base {
		bounds = append(bounds, int(b))
	}
	bounds = append(bounds, len(groups))
	workers.Each(len(base), func(s int) { slices.SortFunc(keys[bounds[s]:bounds[s+1]], compare) })
	// Merge the sorted shares pairwise until one is left.
	spare := make([]sortPrefix, len(keys))
	for len(bounds) > 2 {
		next := []int{0}
		pairs := (len(bounds) - 1) / 2
		workers.Each(pairs, func(p int) {
			lo, mid, hi := bounds[2*p], bounds[2*p+1], bounds[2*p+2]
			a, b, out := keys[lo:mid], keys[mid:hi], spare[lo:lo]
			for len(a) > 0 && len(b) > 0 {
				if compare(b[0], a[0]) < 0 {
					out, b = append(out, b[0]), b[1:]
				} else {
					out, a = append(out, a[0]), a[1:]
				}
			}
			out = append(append(out, a...), b...)
		})
		for p := 0; p < pairs; p++ {
			next = append(next, bounds[2*p+2])
		}
		if (len(bounds)-1)%2 == 1 { // an odd share out: carried over as it is
			lo, hi := bounds[len(bounds)-2], bounds[len(bounds)-1]
			copy(spare[lo:hi], keys[lo:hi])
			next = append(next, hi)
		}
		keys, spare, bounds = spare, keys, next
	}
	order := make([]int, len(keys))
	for k := range keys {
		order[k] = int(keys[k].at)
	}
	return order
}

func compareClaims(a, b Claim) int {
	// A source's claims share one file name string: no need to compare
	// its bytes.
	if !sameString(a.Pos.File, b.Pos.File) {
		if c := strings.Compare(a.Pos.File, b.Pos.File); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(a.Pos.Line, b.Pos.Line); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// sameString reports whether a and b are the same bytes in memory; false
// says nothing.
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

func severityRank(s Severity) int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	case Note:
		return 2
	}
	return 0 // as a map lookup of an unknown severity gave
}

// SortFindings puts open findings first, then the most severe, then by event
// and property, so the top of a report is what needs a person. Findings
// equal in all of that, and in summary, keep their order.
func SortFindings(fs []Finding) {
	// The findings' places are sorted, not the findings: a stable sort
	// moves each finding, some 170 bytes, many times over, which took a
	// tenth of a second for the findings of 200,000 sources. Each is then
	// moved once, to where it belongs. The places are sorted by a prefix
	// of what orders them, held beside them (see sortPrefix): comparing
	// the findings themselves, spread over tens of megabytes, waits on
	// memory at nearly every comparison.
	keys := make([]sortPrefix, len(fs))
	for i := range fs {
		f := &fs[i]
		keys[i] = placePrefix(byte(statusRank(f.Status)<<2|severityRank(f.Severity)), f.Event, f.Property, int32(i))
	}
	slices.SortFunc(keys, func(x, y sortPrefix) int {
		if c := x.compare(y); c != 0 {
			return c
		}
		a, b := &fs[x.at], &fs[y.at]
		return cmp.Or(
			strings.Compare(a.Event, b.Event),
			strings.Compare(a.Property, b.Property),
			strings.Compare(a.Summary, b.Summary),
			cmp.Compare(x.at, y.at),
		)
	})
	// keys[k].at is the finding that belongs at k: follow each cycle of
	// moves once, marking each place filled by setting keys[k].at = k.
	for k := range keys {
		if keys[k].at == int32(k) {
			continue
		}
		held, j := fs[k], k
		for {
			next := int(keys[j].at)
			keys[j].at = int32(j)
			if next == k {
				fs[j] = held
				break
			}
			fs[j] = fs[next]
			j = next
		}
	}
}

// sortPrefix is the start of a place in an order by event and property,
// packed into integers (see placePrefix), beside the index of what it is
// the place of.
type sortPrefix struct {
	k0, k1, k2 uint64
	at         int32
}

// placePrefix packs a lead byte (a finding's status and severity, say),
// the first 15 bytes of event, padded with zero bytes, and event's
// length; then, if event fits in those 15 bytes, the first 7 of
// property, padded likewise. (Two events alike in their first 15 bytes,
// padded, differ only in trailing zero bytes if both fit, where the
// shorter comes first, or else the one that fits is the other's start:
// either way their lengths decide.) One prefix is less than another only
// if its lead byte, event and property sort first; equal prefixes leave
// it to the strings.
func placePrefix(lead byte, event, property string, at int32) sortPrefix {
	var b [24]byte
	b[0] = lead
	copy(b[1:16], event)
	b[16] = byte(min(len(event), 16))
	if len(event) <= 15 {
		copy(b[17:], property)
	}
	return sortPrefix{binary.BigEndian.Uint64(b[0:]), binary.BigEndian.Uint64(b[8:]), binary.BigEndian.Uint64(b[16:]), at}
}

func (x sortPrefix) compare(y sortPrefix) int {
	return cmp.Or(cmp.Compare(x.k0, y.k0), cmp.Compare(x.k1, y.k1), cmp.Compare(x.k2, y.k2))
}

func statusRank(s Status) int {
	if s == Open {
		return 0
	}
	return 1
}

// SortProblems orders problems by file, line, column, then message.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), strings.Compare(a.Message, b.Message))
	})
}
