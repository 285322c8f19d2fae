package load

// An incremental check (Options.FindingsOnly) starts from the snapshot of
// the last one (snapshot.go). The groups whose findings may have changed
// are those with a claim from a source that changed (before or after the
// change), those with a claim from a file parsed on every run, and those
// with a verdict; they are reconciled again from all their claims, which
// means decoding the cached sources that share a group with a change, and
// no others. Every other group's findings are the snapshot's. Anything the
// snapshot cannot vouch for sends the check the long way, which gives the
// same result: another context (vocabulary, settings, crosscheck), a file
// removed, a file that is no longer what kind it was, a changed file that
// is not a plain source, or a source or given claim id that a change made
// (or unmade) a duplicate.

import (
	"encoding/binary"
	"slices"
	"sort"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/workers"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

type groupID struct{ event, property string }

// increment is what an incremental check needs from loading to
// reconciling.
type increment struct {
	snap *snapshot
	old  []int32 // per slot: its file's index in snap.files, -1 if new
	// changed are the slots of sources that changed or are new; live,
	// those of sources parsed on every run (not plain sources).
	changed, live []int
	textStamps    []stamp // per slot of an unchanged source: its text's
	slotOf        []int32 // per file of the snapshot still here: its slot
	touched       map[groupID]bool
	pl            *places

	// What the snapshot gives for the groups not touched.
	findings []reconcile.Finding
	problems []reconcile.Problem
	verified int
	groups   int
	sources  int // in the corpus, this run
	// What the next snapshot keeps of the files: for the slots kept
	// (kept), the snapshot's entry; for the others, in slot order, fresh.
	// (Put together only when the next snapshot is written, alongside
	// the report: copying 200,000 entries took a tenth of a second.)
	kept  []bool
	fresh []snapFile
}

// Tally is what a check's summary line counts.
type Tally struct {
	Sources, Claims, Verified, Unverified, Groups int
}

// plan matches this run's files with the snapshot's; nil when the
// snapshot cannot be used. Only stats and text checks are done here:
// nothing is decoded yet. It calls build, which starts building the
// vocabulary, as soon as it knows the check will need it.
func (l *loader) plan(slots []slot, cache *cacheStore, ctx [32]byte, build func()) *increment {
	sn := cache.snap
	if sn == nil || sn.ctx != ctx || len(sn.files) == 0 {
		return nil
	}
	in := &increment{snap: sn, old: make([]int32, len(slots)), textStamps: make([]stamp, len(slots))}
	var candidates []int
	j := 0
	for i := range slots {
		s := &slots[i]
		if j < len(sn.files) && sn.files[j].rel < s.rel {
			return nil // removed
		}
		in.old[i] = -1
		var sf *snapFile
		if j < len(sn.files) && sn.files[j].rel == s.rel {
			sf, in.old[i] = &sn.files[j], int32(j)
			j++
		}
		switch {
		case s.parsed != nil || (sf != nil && !sf.cached):
			// Parsed on every run: settings, vocabulary, verdicts,
			// sources with those, unreadable files. It must be what
			// it was.
			if sf == nil || sf.cached || sf.sum != s.sum {
				return nil
			}
			if s.parsed == nil || s.parsed.source != nil {
				in.live = append(in.live, i)
			}
		case sf != nil && s.hit != nil && s.hit.ctx == ctx && s.hit.sum == sf.sum && s.hit.textKey == sf.textKey:
			candidates = append(candidates, i)
		default:
			in.changed = append(in.changed, i)
		}
	}
	if j != len(sn.files) {
		return nil // removed
	}
	if in.needVocabulary(slots) {
		build()
	}
	same := make([]bool, len(candidates))
	workers.Each(len(candidates), func(k int) {
		i := candidates[k]
		s := &slots[i]
		if key, st := l.currentText(s.rel, s.hit); key == s.hit.textKey {
			same[k], in.textStamps[i] = true, st
		}
	})
	for k, i := range candidates {
		if !same[k] {
			in.changed = append(in.changed, i)
		}
	}
	sort.Ints(in.changed)
	if in.needVocabulary(slots) {
		build()
	}
	return in
}

// needVocabulary says whether the check must build the vocabulary: to
// resolve a source, or a verdict. (Groups to reconcile, which also need
// it, come only from those.) plan starts the build on it, and
// loadIncrement waits for the build on it.
func (in *increment) needVocabulary(slots []slot) bool {
	return len(in.changed) > 0 || len(in.live) > 0 || hasVerdicts(slots)
}

// hasVerdicts reports whether any file this run parsed holds verdicts,
// which are resolved with the vocabulary on every check.
func hasVerdicts(slots []slot) bool {
	for i := range slots {
		if f := slots[i].parsed; f != nil && len(f.verdicts) > 0 {
			return true
		}
	}
	return false
}

// loadIncrement finishes loading for an incremental check: out's corpus
// is then the touched groups' claims. false means the snapshot cannot
// vouch for this run; whatever it resolved stays resolved for the long
// way.
func (l *loader) loadIncrement(in *increment, slots []slot, out *Loaded, vocabulary func() *vocab.Vocabulary, opts phrase.Options,
	cache *cacheStore, ctx [32]byte, stretch func(*slot) ([]reconcile.Claim, []reconcile.Pos)) bool {
	sn := in.snap
	// The table of the files' places takes two maps the size of the
	// corpus, which nothing before reading the groups back needs: it is
	// made alongside.
	placed := make(chan *places, 1)
	go func() { placed <- l.places(slots) }()
	resolve := append(slices.Clone(in.changed), in.live...)
	var v *vocab.Vocabulary
	if in.needVocabulary(slots) {
		v = vocabulary()
	}
	workers.Each(len(resolve), func(k int) {
		s := &slots[resolve[k]]
		claims, idPos := stretch(s)
		if s.hit != nil {
			l.reuse(s, ctx, claims, idPos)
		}
		if !s.reused {
			l.second(s, v, opts, cache, claims, idPos)
		}
	})
	if l.redo.Load() {
		return false
	}
	for _, i := range in.changed {
		s := &slots[i]
		if s.res == nil || !(s.reused || s.cacheable) {
			return false // not a plain source (any more)
		}
		if o := in.old[i]; o >= 0 && sn.files[o].clash {
			return false
		}
	}
	for _, i := range in.live {
		if s := &slots[i]; s.res == nil || sn.files[in.old[i]].clash {
			return false
		}
	}

	// A changed source's id, and its given claim ids, must be its own,
	// before and after.
	replaced := make([]bool, len(sn.files))
	for _, i := range in.changed {
		if o := in.old[i]; o >= 0 {
			replaced[o] = true
		}
	}
	// Checked against the few changed sources, rather than by a table of
	// every source's id: at 200,000 sources that table, and sorting its
	// ids, cost more than the rest of this function.
	ids := make(map[string]bool, len(in.changed))
	given := map[uint64]int{}
	for _, i := range in.changed {
		r := slots[i].res
		if ids[r.src.ID] {
			return false
		}
		ids[r.src.ID] = true
		for k := range r.claims {
			if id := r.claims[k].ID; hasGivenID(id) {
				h := claimIDHash(id)
				if given[h]++; given[h] > 1 {
					return false
				}
			}
		}
	}
	for k := range sn.files {
		f := &sn.files[k]
		if replaced[k] {
			continue
		}
		if f.id != "" && ids[f.id] {
			return false
		}
		if len(given) > 0 {
			for b := 0; b < len(f.ids); b += 8 {
				if given[binary.LittleEndian.Uint64([]byte(f.ids[b:b+8]))] > 0 {
					return false
				}
			}
		}
	}

	// The groups to reconcile again.
	touched := map[groupID]bool{}
	for _, i := range resolve {
		for k := range slots[i].res.claims {
			c := &slots[i].res.claims[k]
			touched[groupID{c.Event, c.Property}] = true
		}
	}
	var verdicts []reconcile.Verdict
	if v != nil && hasVerdicts(slots) {
		verdicts = l.verdicts(slots, v, opts, sourceIDsAfter(sn, replaced, slots, in.changed))
	}
	for i := range slots {
		if f := slots[i].parsed; f != nil {
			for _, pv := range f.verdicts {
				touched[groupID{pv.event, pv.property}] = true
			}
		}
	}
	in.slotOf = make([]int32, len(sn.files))
	for i, o := range in.old {
		if o >= 0 {
			in.slotOf[o] = int32(i)
		}
	}
	for k := range sn.groups {
		g := &sn.groups[k]
		for _, m := range g.members {
			if replaced[m] {
				touched[groupID{g.event, g.property}] = true
				break
			}
		}
	}
	// Their other sources, and the groups left as they were.
	decode := make([]bool, len(slots))
	var untouched []int
	before := 0 // the touched groups' findings, as the snapshot has them
	for k := range sn.groups {
		g := &sn.groups[k]
		if !touched[groupID{g.event, g.property}] {
			untouched = append(untouched, k)
			continue
		}
		before += max(findingsIn(g.body), 0)
		for _, m := range g.members {
			if sn.files[m].clash {
				return false // some of its claims may have been left out
			}
			if i := in.slotOf[m]; slots[i].res == nil {
				decode[i] = true
			}
		}
	}
	var members []int
	for i, d := range decode {
		if d {
			members = append(members, i)
		}
	}
	workers.Each(len(members), func(k int) {
		s := &slots[members[k]]
		claims, idPos := stretch(s)
		l.reuse(s, ctx, claims, idPos)
	})
	for _, i := range members {
		if !slots[i].reused {
			return false // a damaged entry: the long way reads it again
		}
	}
	pl := <-placed
	// The groups left as they were are read back, each into its stretch
	// of one array of findings (see findingsIn), which has room after
	// them for the touched groups' findings once they are reconciled
	// again: about as many as they had.
	at := make([]int, len(untouched)+1)
	for k, g := range untouched {
		n := findingsIn(sn.groups[g].body)
		if n < 0 {
			return false
		}
		at[k+1] = at[k] + n
	}
	findings := make([]reconcile.Finding, at[len(untouched)], at[len(untouched)]+2*before+16)
	type read struct {
		problems []reconcile.Problem
		ok       bool
	}
	reads := make([]read, len(untouched))
	workers.Each(len(untouched), func(k int) {
		g := &sn.groups[untouched[k]]
		r := &reads[k]
		r.problems, r.ok = pl.readGroupBody(g.body, g.event, g.property, l.brief, findings[at[k]:at[k+1]:at[k+1]])
	})
	for k := range reads {
		if !reads[k].ok {
			return false
		}
	}
	fileProblems := make([][]reconcile.Problem, len(slots))
	ok := true
	for i := range slots {
		s := &slots[i]
		if o := in.old[i]; o >= 0 && s.res == nil && s.parsed == nil {
			var whole bool
			if fileProblems[i], whole = pl.problemsFrom(sn.files[o].problems); !whole {
				ok = false
			}
		}
	}
	clashes, whole := pl.problemsFrom(sn.clashes)
	vocabProblems, vocabWhole := pl.problemsFrom(sn.vocabulary)
	if !ok || !whole || !vocabWhole {
		return false
	}

	// From here on, this run is incremental. Groups to reconcile come
	// only from what needed the vocabulary built (needVocabulary); with
	// none, its problems are the snapshot's.
	if v == nil {
		l.vocabProblems = vocabProblems
		l.problems = append(l.problems, vocabProblems...)
	}
	in.touched, in.pl = touched, pl
	for _, k := range untouched {
		in.verified += sn.groups[k].verified
	}
	in.groups = len(untouched)
	np := 0
	for k := range reads {
		np += len(reads[k].problems)
	}
	in.findings, in.problems = findings, make([]reconcile.Problem, 0, np)
	for k := range reads {
		in.problems = append(in.problems, reads[k].problems...)
	}
	kept := make([]bool, len(slots))
	for i := range slots {
		s := &slots[i]
		if s.hit != nil {
			// Unchanged and not needed: kept in the cache as it is.
			kept[i] = true
			s.keptText = in.textStamps[i]
			s.reused, s.entry, s.hit = true, s.hit, nil
		}
	}
	l.texts = nil
	l.forgetRealDirs()
	out.Cache = cache.save(l, slots, ctx)
	out.Cache.Incremental = true
	cache.groups.keepAll = true
	out.groups, out.context = cache.groups, ctx

	// The corpus: the touched groups' claims, with their sources.
	n := 0
	for i := range slots {
		if r := slots[i].res; r != nil && !kept[i] {
			for k := range r.claims {
				if touched[groupID{r.claims[k].Event, r.claims[k].Property}] {
					n++
				}
			}
		}
	}
	out.Claims, out.claimKeys = make([]reconcile.Claim, 0, n), make([]reconcile.ClaimKey, 0, n)
	in.kept = kept
	for i := range slots {
		s := &slots[i]
		if kept[i] {
			f := &sn.files[in.old[i]]
			out.ClaimCount += f.nclaims
			out.Unverified += f.unverified
			if f.inCorpus {
				in.sources++
			}
			l.problems = append(l.problems, fileProblems[i]...)
			continue
		}
		in.fresh = append(in.fresh, l.snapFileOf(s, s.res != nil, false, pl))
		switch {
		case s.res != nil:
			r := s.res
			r.sum = s.sum
			r.key = r.claimKey(r.src.File, s.sum, 0)
			l.problems = append(l.problems, r.problems...)
			out.ClaimCount += r.nclaims
			out.Unverified += r.unverified
			in.sources++
			out.Sources = append(out.Sources, r.src)
			for k := range r.claims {
				c := &r.claims[k]
				if touched[groupID{c.Event, c.Property}] {
					out.Claims = append(out.Claims, *c)
					key := r.key
					binary.LittleEndian.PutUint32(key[12:], uint32(k))
					out.claimKeys = append(out.claimKeys, key)
				}
			}
		case s.parsed != nil:
			l.problems = append(l.problems, s.parsed.problems...)
			out.ClaimCount += s.parsed.nclaims
		}
	}
	l.problems = append(l.problems, clashes...)
	out.Verdicts = verdicts
	out.Problems = sortProblems(l.problems)
	out.inc = in
	return true
}

// snapFileOf is what the snapshot keeps of a file, as loaded this run.
func (l *loader) snapFileOf(s *slot, inCorpus, clash bool, pl *places) snapFile {
	f := snapFile{rel: s.rel, sum: s.sum}
	r := s.res
	switch {
	case r != nil:
		f.cached = s.reused || s.cacheable
		f.inCorpus, f.clash = inCorpus, clash
		f.textKey, f.id, f.nclaims = r.textKey, r.src.ID, r.nclaims
		if inCorpus {
			f.unverified = r.unverified
		}
		var ids []byte
		for k := range r.claims {
			if id := r.claims[k].ID; hasGivenID(id) {
				ids = binary.LittleEndian.AppendUint64(ids, claimIDHash(id))
			}
		}
		f.ids = string(ids)
		if f.cached {
			e := &enc{}
			pl.putProblems(e, r.problems)
			f.problems = string(e.b)
		}
	case s.parsed != nil:
		f.nclaims = s.parsed.nclaims
	}
	return f
}

// snapshotDraft is what a full check keeps for its snapshot until its
// groups are reconciled.
type snapshotDraft struct {
	files               []snapFile // one a slot
	clashes, vocabulary string
	pl                  *places
}

// draftSnapshot notes what the snapshot of a full check keeps of its
// files.
func (l *loader) draftSnapshot(slots []slot) *snapshotDraft {
	sd := &snapshotDraft{files: make([]snapFile, len(slots)), pl: l.places(slots)}
	workers.Each(len(slots), func(i int) {
		s := &slots[i]
		sd.files[i] = l.snapFileOf(s, s.res != nil && !s.res.dup, s.res != nil && s.res.clash, sd.pl)
	})
	e := &enc{}
	sd.pl.putProblems(e, l.clashes)
	sd.clashes = string(e.b)
	e = &enc{}
	sd.pl.putProblems(e, l.vocabProblems)
	sd.vocabulary = string(e.b)
	return sd
}

// snapGroupOf is what the snapshot keeps of a reconciled group, its
// members numbered as this run's slots.
//
// The body is left out when withBody is false: the caller has it
// encoded as the snapshot is written (snapshot.bodies).
func snapGroupOf(r *reconcile.GroupResult, pl *places, withBody bool) (snapGroup, bool) {
	g := snapGroup{event: r.Event, property: r.Property}
	last := ""
	for k := range r.Claims {
		c := &r.Claims[k]
		if c.Verified {
			g.verified++
		}
		if k > 0 && c.Pos.File == last {
			continue
		}
		last = c.Pos.File
		m, ok := pl.index(c.Pos.File)
		if !ok {
			return g, false
		}
		g.members = append(g.members, m)
	}
	slices.Sort(g.members)
	g.members = slices.Compact(g.members)
	if withBody {
		b := pl.groupBody(r)
		g.body = unsafe.String(unsafe.SliceData(b), len(b)) // b is not written to again
	}
	return g, true
}

// saveSnapshot writes the snapshot of a full check; written is 1 if it
// did, else 0.
func (l *Loaded) saveSnapshot(sd *snapshotDraft, r *reconcile.Result) (written int) {
	groups := make([]snapGroup, len(r.Groups))
	ok := make([]bool, len(r.Groups))
	workers.Each(len(r.Groups), func(i int) { groups[i], ok[i] = snapGroupOf(&r.Groups[i], sd.pl, false) })
	if slices.Contains(ok, false) {
		return 0
	}
	sn := &snapshot{ctx: l.context, files: sd.files, groups: groups, clashes: sd.clashes, vocabulary: sd.vocabulary,
		bodies: func(i int, e *enc) { sd.pl.appendGroupBody(e, &r.Groups[i]) }}
	if sn.write(l.Cache.Dir) {
		return 1
	}
	return 0
}

// reconcileIncrement reconciles the touched groups and puts them together
// with the rest, from the snapshot; snap writes the next snapshot (nil
// when the snapshot holds as it is) and says how many files it wrote.
func (l *Loaded) reconcileIncrement(o reconcile.RunOptions) (res reconcile.Result, snap func() int) {
	in := l.inc
	sub := reconcile.RunWith(l.Corpus, o)
	res = reconcile.Result{Events: l.Events, Properties: l.Properties,
		Claims: l.ClaimCount, Verified: in.verified + sub.Verified, Unverified: l.Unverified}
	res.Findings = append(in.findings, sub.Findings...)
	res.Problems = append(sub.Problems, in.problems...)
	reconcile.SortFindings(res.Findings)
	reconcile.SortProblems(res.Problems)
	l.tally = &Tally{Sources: in.sources, Claims: res.Claims, Verified: res.Verified,
		Unverified: res.Unverified, Groups: in.groups + len(sub.Groups)}
	if len(in.changed) == 0 {
		return res, nil
	}
	in.changed = nil // a second Reconcile finds nothing changed
	return res, func() int { return l.nextSnapshot(in, sub.Groups) }
}

// nextSnapshot writes the snapshot after an incremental check: the groups
// not touched as they were (their files now numbered as this run's
// slots), and the touched ones as reconciled now. written is 1 if it
// did, else 0.
func (l *Loaded) nextSnapshot(in *increment, reconciled []reconcile.GroupResult) (written int) {
	sn := in.snap
	fresh := make([]snapGroup, len(reconciled))
	ok := make([]bool, len(reconciled))
	workers.Each(len(reconciled), func(k int) {
		fresh[k], ok[k] = snapGroupOf(&reconciled[k], in.pl, true)
	})
	if slices.Contains(ok, false) {
		return 0
	}
	// Renumbered in place: this snapshot is not read again.
	kept := make([]bool, len(sn.groups))
	workers.Each(len(sn.groups), func(k int) {
		g := &sn.groups[k]
		if kept[k] = !in.touched[groupID{g.event, g.property}]; kept[k] {
			for n, m := range g.members {
				g.members[n] = in.slotOf[m]
			}
		}
	})
	// The snapshot's groups and the fresh ones are each in order of
	// event and property (a snapshot out of order is not read), and none
	// is in both: merged, they are in order.
	before := func(a, b *snapGroup) bool {
		return a.event < b.event || (a.event == b.event && a.property < b.property)
	}
	groups := make([]snapGroup, 0, in.groups+len(fresh))
	j := 0
	for k := range sn.groups {
		g := &sn.groups[k]
		if !kept[k] {
			continue
		}
		for j < len(fresh) && before(&fresh[j], g) {
			groups = append(groups, fresh[j])
			j++
		}
		groups = append(groups, *g)
	}
	groups = append(groups, fresh[j:]...)
	files := make([]snapFile, len(in.kept))
	j = 0
	for i, kept := range in.kept {
		if kept {
			files[i] = sn.files[in.old[i]]
		} else {
			files[i] = in.fresh[j]
			j++
		}
	}
	next := &snapshot{ctx: l.context, files: files, groups: groups, clashes: sn.clashes, vocabulary: sn.vocabulary}
	if next.write(l.Cache.Dir) {
		return 1
	}
	return 0
}

// sourceIDsAfter is the corpus's source ids, sorted, once the changed
// sources replace what the snapshot had of them.
func sourceIDsAfter(sn *snapshot, replaced []bool, slots []slot, changed []int) []string {
	ids := make([]string, 0, len(sn.files)+len(changed))
	for k := range sn.files {
		if f := &sn.files[k]; f.id != "" && !replaced[k] {
			ids = append(ids, f.id)
		}
	}
	for _, i := range changed {
		ids = append(ids, slots[i].res.src.ID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
