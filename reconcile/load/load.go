// Package load reads a claims directory (docs/format.md) into a
// reconcile.Corpus: it checks every file strictly, verifies every quote
// against its archived text, reads every value, and reports everything
// wrong with the input as Problems with file, line and column. It reads the
// disk; reconcile does not.
package load

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/budget"
	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/internal/workers"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// Publisher is who publishes fact-checks made from this corpus
// ([publisher] in crosscheck.toml), for ClaimReview export.
type Publisher struct {
	Name string
	URL  string
}

// Loaded is a loaded corpus and what else its files configure.
type Loaded struct {
	reconcile.Corpus
	Vocab     *vocab.Vocabulary
	Options   phrase.Options
	Publisher Publisher
	// ClaimCount is every [[claim]] table read, including those left out
	// of Corpus.Claims because their value could not be read.
	ClaimCount int
	// Cache says what the cache did, when one was used; what Reconcile
	// writes is counted once Close returns.
	Cache CacheStats

	groups    *groupStore // the cache's reconciled groups, if there is a cache
	context   [32]byte    // what every cached result depends on (see cache.go)
	claimKeys []reconcile.ClaimKey

	// For a check (Options.FindingsOnly) with a cache: what the next
	// snapshot keeps of the files, or, when this run starts from the
	// last one's snapshot, what it takes from it (incremental.go).
	draft        *snapshotDraft
	inc          *increment
	tally        *Tally
	brief        bool // Options.BriefFindings
	findingsOnly bool // Options.FindingsOnly

	// writing is Reconcile's writing of the cache, which goes on in the
	// background while the caller renders the result (see Close).
	writing sync.WaitGroup
}

// Close waits until what Reconcile writes to the cache is written. Call
// it before the process exits: a write cut short leaves the cache as it
// was (see writeAtomic), so the next run does more work, but is never
// misled.
func (l *Loaded) Close() { l.writing.Wait() }

// Normalize is the quote normaliser: see textnorm.Normalize.
func Normalize(s string) string { return textnorm.Normalize(s) }

// SettingsFile is the name of the settings file at the corpus root.
const SettingsFile = "crosscheck.toml"

// MaxFileSize bounds what is read into memory: no claim file or archived
// article is anywhere near it, and a mistaken path to a disk image should
// be a problem, not an exhausted machine.
const MaxFileSize = 64 << 20

// Options say how Load may keep what it worked out between runs.
type Options struct {
	// CacheDir, if not "", is a directory where each source file's parsed
	// and verified result is kept, keyed by the file's content, its
	// archived text's, the vocabulary's and the settings', so that the
	// next run only reads and hashes the files that did not change (see
	// cache.go). It is created if missing. A cache that cannot be read,
	// is damaged or out of date is rebuilt, and one that cannot be
	// written is skipped: the result is the same with or without it.
	CacheDir string
	// FindingsOnly says the caller needs from Reconcile only the
	// findings, the problems and the counts (Tally), as check's text,
	// github and sarif output do. With a cache, a check then starts from
	// a snapshot of the last one and reads only the sources that changed
	// and those sharing a group with them (incremental.go); the result's
	// Sources and Groups are then left empty, Corpus holds only the
	// claims that were reconciled again, and Vocab, Hierarchy, Events
	// and Properties are nil when nothing needed the vocabulary built.
	// The result's Events and Properties are left out either way.
	FindingsOnly bool
	// BriefFindings says the caller reads of a finding where it is
	// reported, not its claims, as check's text and github output do:
	// Reconcile then leaves every finding's Claims out, with At set to
	// where it is reported (reconcile.Finding.Where), and a check from
	// the snapshot does not put together the claims of the findings it
	// takes from there. The findings in the result's Groups, if any, keep
	// their claims.
	BriefFindings bool
}

// Load reads the corpus in dir. The error is only for being unable to
// start (dir missing or not a directory); everything wrong inside it is in
// Problems, so that one run reports all of it.
func Load(dir string) (*Loaded, error) { return LoadWith(dir, Options{}) }

// LoadWith is Load with options.
func LoadWith(dir string, o Options) (*Loaded, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read claims directory: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("claims directory %s is not a directory", dir)
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read claims directory: %w", err)
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, fmt.Errorf("cannot read claims directory: %w", err)
	}
	newLoader := func(speculate bool) *loader {
		return &loader{dir: dir, root: root, realRoot: realRoot, cacheDir: o.CacheDir, findingsOnly: o.FindingsOnly, brief: o.BriefFindings,
			speculate: speculate, texts: newTextTable()}
	}
	l := newLoader(true)
	out := l.load()
	if l.redo.Load() {
		// A file that looked like a source defined vocabulary too, so
		// sources were resolved without it: do it all again, reading
		// every file before resolving any.
		out = newLoader(false).load()
	}
	return out, nil
}

type loader struct {
	dir      string // as given, for Pos.File
	root     string // absolute
	realRoot string // absolute, symlinks resolved
	problems []reconcile.Problem

	cacheDir     string
	findingsOnly bool
	brief        bool
	// clashes are the problems of duplicate source and claim ids.
	clashes []reconcile.Problem
	// vocabProblems are those of building the vocabulary, which the
	// snapshot keeps.
	vocabProblems []reconcile.Problem
	// hashing: a cache is in use, so files and texts are hashed.
	hashing bool
	// start is when the load began (nanoseconds since the epoch): every
	// stamp it takes is from no earlier.
	start int64
	// textsUnread counts sources whose text's stamp held.
	textsUnread atomic.Int64
	// speculate: parse files that look like plain sources only once the
	// vocabulary is built, straight before resolving them, so that no
	// parsed file waits in memory for the rest. redo is set when one
	// turns out to define vocabulary after all.
	speculate bool
	redo      atomic.Bool
	kept      atomic.Int64 // bytes of files kept to be parsed later

	texts    *textTable
	realDirs sync.Map // of *realDir, by directory relative to the root
}

func (l *loader) file(rel string) string { return filepath.Join(l.dir, filepath.FromSlash(rel)) }

func (l *loader) errorf(p reconcile.Pos, format string, args ...any) {
	l.problems = append(l.problems, reconcile.Problem{Pos: p, Severity: reconcile.Error, Message: fmt.Sprintf(format, args...)})
}

// clash is errorf for an id that two files share.
func (l *loader) clash(p reconcile.Pos, format string, args ...any) {
	l.errorf(p, format, args...)
	l.clashes = append(l.clashes, l.problems[len(l.problems)-1])
}

// slot is one file of the corpus on its way through loading.
type slot struct {
	rel, file string
	typ       fs.FileMode // from the directory listing
	sum       [32]byte    // of its bytes, when hashing
	stamp     stamp       // its stamp, when hashing, as of this run
	stampHit  bool        // the cache's stamp for it held: it was not read
	// Exactly one of these says where the file is:
	data   []byte      // read, to be parsed once the vocabulary is built
	hit    *cacheEntry // its result is in the cache (if still valid)
	parsed *parsedFile // parsed
	// res is the file's source, resolved: from the cache (entry), or
	// worked out, when cacheable to be saved there.
	res       *sourceResult
	reused    bool
	entry     *cacheEntry
	cacheable bool
	reread    bool // a plain source not kept: read it again to parse it
	// keptText is the text's stamp as of this run, for a source an
	// incremental check keeps as the cache has it, with no res.
	keptText stamp
	// est is how many claims the file is expected to resolve, off where
	// they go in the load's array of claims.
	est, off int
}

// sourceResult is a source file parsed and resolved: everything the rest
// of loading needs from it, which is also what the cache keeps.
type sourceResult struct {
	src     reconcile.Source
	idKey   reconcile.Pos // of its id key, or its header
	nclaims int           // [[claim]] tables, usable or not
	// claims are the ones that go into the corpus, with where each sets
	// its id (or its header): in the load's arrays, if they fitted.
	claims     []reconcile.Claim
	idPos      []reconcile.Pos
	problems   []reconcile.Problem // all of the file's own, parsing and resolving
	unverified int
	textKey    [32]byte
	textStamp  stamp  // of the archived text, as of when textKey was made
	textRaw    string // its text key as written
	sum        [32]byte
	key        reconcile.ClaimKey // of its first claim, once made
	// clash: its id or a given claim id is another source's too; dup: it
	// is left out of the corpus for it.
	clash, dup bool
}

// claimKey is the key of the source's k-th claim (see
// reconcile.RunOptions.ClaimKeys): a claim is what its source file, its
// archived text and where the file is make it, under the context.
func (r *sourceResult) claimKey(rel string, sum [32]byte, k int) reconcile.ClaimKey {
	h := sha256.New()
	h.Write([]byte(rel))
	h.Write(sum[:])
	h.Write(r.textKey[:])
	var fp [32]byte
	h.Sum(fp[:0])
	var key reconcile.ClaimKey
	copy(key[:12], fp[:])
	binary.LittleEndian.PutUint32(key[12:], uint32(k))
	return key
}

func (l *loader) load() *Loaded {
	out := &Loaded{Options: phrase.DefaultOptions(), brief: l.brief, findingsOnly: l.findingsOnly}
	out.Root = l.dir

	// The cache is read while the directory is walked.
	var cache *cacheStore
	cacheRead := make(chan struct{})
	go func() {
		defer close(cacheRead)
		if l.cacheDir != "" {
			cache = openCache(l)
		}
	}()
	walked := l.walk()
	<-cacheRead
	l.hashing = cache != nil
	l.start = clock().UnixNano()

	// Read every file (and hash it), and parse all but those that look
	// like plain sources; those, and sources whose result is cached,
	// wait for the vocabulary.
	slots := make([]slot, len(walked))
	runs := dirRuns(walked, 256)
	workers.Each(len(runs), func(k int) {
		from, to := runs[k][0], runs[k][1]
		in := notOpen
		if cache != nil { // stamps are looked at
			dir, _ := path.Split(walked[from].rel)
			in = openDir(l.file(dir))
			defer in.close()
		}
		for i := from; i < to; i++ {
			l.first(&slots[i], walked[i], cache, in)
		}
	})

	var defs vocab.Defs
	ctx := newContextHash(l)
	for i := range slots {
		f := slots[i].parsed
		if f == nil {
			continue
		}
		if f.settings != nil {
			if f.settings.approx != nil {
				out.Options.Approx = *f.settings.approx
			}
			out.Publisher = f.settings.publisher
		}
		if f.rel == SettingsFile || hasDefs(f) {
			ctx.add(f.rel, slots[i].sum)
		}
		defs.Events = append(defs.Events, f.defs.Events...)
		defs.Properties = append(defs.Properties, f.defs.Properties...)
		defs.Places = append(defs.Places, f.defs.Places...)
		defs.Countries = append(defs.Countries, f.defs.Countries...)
		defs.Nationalities = append(defs.Nationalities, f.defs.Nationalities...)
		defs.Organisations = append(defs.Organisations, f.defs.Organisations...)
		defs.Persons = append(defs.Persons, f.defs.Persons...)
		defs.Categories = append(defs.Categories, f.defs.Categories...)
	}
	// The vocabulary is built while the snapshot is matched against the
	// files and cached results are taken. A check from the snapshot with
	// nothing to resolve, no verdict and no group to reconcile needs
	// nothing of it but its problems, which the snapshot keeps: it is
	// built only once something needs it.
	var v *vocab.Vocabulary
	built := make(chan struct{})
	var starting sync.Once
	finished := false
	build := func() {
		starting.Do(func() {
			go func() {
				defer close(built)
				v, l.vocabProblems = vocab.Build(defs)
			}()
		})
	}
	vocabulary := func() *vocab.Vocabulary {
		build()
		<-built
		if !finished {
			finished = true
			l.problems = append(l.problems, l.vocabProblems...)
			defs = vocab.Defs{}
			for i := range slots {
				if f := slots[i].parsed; f != nil && hasDefs(f) {
					f.defs, f.builtDefs = vocab.Defs{}, true
				}
			}
			out.Vocab, out.Hierarchy = v, v
			out.Events, out.Properties = v.Events(), v.Properties()
		}
		return v
	}
	ctxSum := ctx.sum()
	var inc *increment
	if l.findingsOnly && cache != nil {
		inc = l.plan(slots, cache, ctxSum, build)
	}
	if inc == nil {
		build()
	}

	// Every source goes into one array of claims, each file into its own
	// stretch of it.
	var work, hits []int
	total := 0
	for i := range slots {
		if s := &slots[i]; s.data != nil || s.reread || s.hit != nil || (s.parsed != nil && s.parsed.source != nil) {
			work = append(work, i)
			if s.hit != nil {
				hits = append(hits, i)
			}
			s.off = total
			total += s.est
		}
	}
	// An incremental check reads few sources: each gets room of its own,
	// and the array is made only if the check takes the long way.
	var claims []reconcile.Claim
	var idPos []reconcile.Pos
	all := func() {
		// Written through before the collector first reads them (see
		// touch).
		release := budget.Hold()
		claims, idPos = make([]reconcile.Claim, total), make([]reconcile.Pos, total)
		// Not advised onto transparent huge pages, as it was from
		// 2ddec6e to 17fe4bf: on the virtual machine we measure on,
		// the kernel zeroed the 650 MB array's huge pages at 200,000
		// sources in about 2 s of CPU (5% of a check's), against a
		// fifth of that for pages of 4 KB. Huge pages there are
		// memory the host backs afresh.
		touch(claims)
		touch(idPos)
		release()
	}
	stretch := func(s *slot) ([]reconcile.Claim, []reconcile.Pos) {
		if claims == nil {
			return make([]reconcile.Claim, 0, s.est), make([]reconcile.Pos, 0, s.est)
		}
		return claims[s.off : s.off : s.off+s.est], idPos[s.off : s.off : s.off+s.est]
	}
	if inc == nil {
		all()
		prefetchGroups(cache)
	}

	// Results the cache still holds need no vocabulary: they are taken
	// while it is built.
	reuseHits := func() {
		workers.Each(len(hits), func(k int) {
			s := &slots[hits[k]]
			claims, idPos := stretch(s)
			l.reuse(s, ctxSum, claims, idPos)
		})
	}
	if inc == nil {
		reuseHits()
	}
	if inc != nil {
		if l.loadIncrement(inc, slots, out, vocabulary, out.Options, cache, ctxSum, stretch) {
			return out
		}
		build() // alongside, as on the long way from the start
		all()
		prefetchGroups(cache)
		reuseHits() // the long way after all
	}
	v = vocabulary()

	// Resolve the rest.
	workers.Each(len(work), func(k int) {
		if s := &slots[work[k]]; !s.reused && s.res == nil {
			claims, idPos := stretch(s)
			l.second(s, v, out.Options, cache, claims, idPos)
		}
	})
	if l.hashing {
		// The claims' keys come from their file's: made here, on every
		// core, rather than while the claims are put together.
		workers.Each(len(slots), func(i int) {
			if s := &slots[i]; s.res != nil {
				s.res.sum = s.sum
				s.res.key = s.res.claimKey(s.res.src.File, s.sum, 0)
			}
		})
	}
	l.texts = nil // every quote is verified
	l.forgetRealDirs()
	if l.redo.Load() {
		return out // LoadWith starts again
	}
	if cache != nil {
		out.Cache = cache.save(l, slots, ctxSum)
		out.groups, out.context = cache.groups, ctxSum
	}

	var sources []*sourceResult
	for i := range slots {
		s := &slots[i]
		switch {
		case s.res != nil:
			l.problems = append(l.problems, s.res.problems...)
			out.ClaimCount += s.res.nclaims
			sources = append(sources, s.res)
		case s.parsed != nil:
			l.problems = append(l.problems, s.parsed.problems...)
			out.ClaimCount += s.parsed.nclaims
		}
	}

	switch {
	case len(walked) == 0:
		l.errorf(reconcile.Pos{File: l.dir}, "no .toml files in %s; a corpus needs source files with [source] and [[claim]] tables (see docs/format.md), or give the right directory", l.dir)
	case len(sources) == 0:
		l.errorf(reconcile.Pos{File: l.dir}, "no source files in %s: none of its .toml files has a [source] table; add one per article (see docs/format.md)", l.dir)
	}

	// A repeated source id makes its claims' source ambiguous, so the
	// later file's claims are checked but kept out of the corpus.
	first := map[string]*sourceResult{}
	dup := make([]bool, len(sources))
	inPlace := true // every file's claims are in its stretch of claims
	nclaims := 0
	for i, r := range sources {
		inPlace = inPlace && (len(r.claims) == 0 || inside(claims, r.claims))
		id := r.src.ID
		if g, ok := first[id]; ok {
			dup[i] = true
			r.dup, r.clash, g.clash = true, true, true
			l.clash(r.idKey, "duplicate source id %q: %s has it too; give one of them a different id", id, g.src.Pos)
			continue
		}
		first[id] = r
		nclaims += len(r.claims)
	}

	// The corpus's claims: the stretches closed up in place, or, should a
	// file have resolved more claims than it was given room for, copied.
	out.Sources = make([]reconcile.Source, 0, len(sources))
	if inPlace {
		out.Claims = claims[:0]
	} else {
		out.Claims = make([]reconcile.Claim, 0, nclaims)
	}
	type claimAt struct {
		pos reconcile.Pos
		r   *sourceResult
	}
	givenAt := map[string]claimAt{}
	var keyOf []reconcile.ClaimKey
	if l.hashing {
		keyOf = make([]reconcile.ClaimKey, 0, nclaims)
	}
	for i, r := range sources {
		if dup[i] {
			continue
		}
		out.Sources = append(out.Sources, r.src)
		out.Unverified += r.unverified
		for k := range r.claims {
			c := &r.claims[k]
			// An id made from the source's ("irna#3") cannot clash: an id
			// given has no "#", and the sources' ids differ. Only the
			// ids given need looking up.
			if hasGivenID(c.ID) {
				if p, ok := givenAt[c.ID]; ok {
					r.clash, p.r.clash = true, true
					l.clash(r.idPos[k], "duplicate claim id %q: the claim at %s has it too; give one of them a different id", c.ID, p.pos)
					continue
				}
				givenAt[c.ID] = claimAt{c.Pos, r}
			}
			// In place, the claim moves down or stays: what it
			// overwrites was moved or dropped before.
			if w := len(out.Claims); inPlace && &claims[w] == c {
				out.Claims = out.Claims[:w+1]
			} else {
				out.Claims = append(out.Claims, *c)
			}
			if keyOf != nil {
				key := r.key
				binary.LittleEndian.PutUint32(key[12:], uint32(k))
				keyOf = append(keyOf, key)
			}
		}
	}
	if inPlace {
		clear(claims[len(out.Claims):]) // let go of what was moved down
	}

	sourceIDs := make([]string, 0, len(first))
	for id := range first {
		sourceIDs = append(sourceIDs, id)
	}
	sort.Strings(sourceIDs)
	out.Verdicts = l.verdicts(slots, v, out.Options, sourceIDs)

	bySourceFile := func(a, b reconcile.Source) int { return strings.Compare(a.File, b.File) }
	if !slices.IsSortedFunc(out.Sources, bySourceFile) {
		slices.SortStableFunc(out.Sources, bySourceFile)
	}
	// The claims are in file order already unless the corpus holds
	// inline tables; sorting a slice of large structs costs, so look
	// first.
	byPos := func(a, b reconcile.Claim) int {
		switch {
		case posLess(a.Pos, b.Pos):
			return -1
		case posLess(b.Pos, a.Pos):
			return 1
		}
		return 0
	}
	if !slices.IsSortedFunc(out.Claims, byPos) {
		slices.SortStableFunc(out.Claims, byPos)
		keyOf = nil // no longer in their claims' order
	}
	out.claimKeys = keyOf
	out.Problems = sortProblems(l.problems)
	if l.findingsOnly && cache != nil {
		out.draft = l.draftSnapshot(slots)
	}
	return out
}

// dirRuns splits the files the walk found, sorted so that each
// directory's are together, into runs [from, to) of at most n files of
// one directory each: the files are looked at a run at a time, each
// with its directory open (see dirFD).
func dirRuns(files []walked, n int) [][2]int {
	var runs [][2]int
	dirOf := func(rel string) string { dir, _ := path.Split(rel); return dir }
	for from := 0; from < len(files); {
		to, dir := from+1, dirOf(files[from].rel)
		for to < len(files) && to-from < n && dirOf(files[to].rel) == dir {
			to++
		}
		runs = append(runs, [2]int{from, to})
		from = to
	}
	return runs
}

// first reads one file, and parses it unless it can wait. in is its
// directory, open if stamps are looked at.
func (l *loader) first(s *slot, w walked, cache *cacheStore, in dirFD) {
	s.rel, s.file, s.typ = w.rel, l.file(w.rel), w.typ
	settingsFile := s.rel == SettingsFile
	// A file whose result is cached is only hashed, and one that looks
	// like a plain source is kept only while keepBudget lasts (beyond, it
	// is read again when its turn comes): neither is parsed yet.
	if cache != nil && !settingsFile && s.typ.IsRegular() {
		// Stat first: a cached file whose stamp still holds need not
		// be read at all.
		if e := cache.entries[s.rel]; e != nil && unchanged(in, path.Base(s.rel), s.file, e.stamp, e.stampedAt) {
			s.sum, s.stamp, s.stampHit = e.sum, e.stamp, true
			s.hit, s.est = e, e.nclaims
			return
		}
	}
	var data []byte
	look := func(b []byte, owned bool) {
		if l.hashing {
			s.sum = sha256.Sum256(b)
		}
		if cache != nil && !settingsFile {
			if e := cache.lookup(s.rel, s.sum); e != nil {
				s.hit, s.est = e, e.nclaims
				return
			}
		}
		if l.speculate && !settingsFile && looksLikeSource(b) {
			// Each claim has a header of its own, as a rule: an
			// estimate.
			s.est = bytes.Count(b, []byte("[[claim]]"))
			if l.kept.Add(int64(len(b))) > keepBudget {
				s.reread = true
				return
			}
			s.data = b
		} else {
			data = b
		}
		if !owned {
			s.data, data = bytes.Clone(s.data), bytes.Clone(data)
		}
	}
	read := false
	if s.typ.IsRegular() {
		s.stamp, read = readScratch(s.file, func(b []byte) { look(b, false) })
	}
	if !read {
		b, st, err := readRegular(s.file)
		if err != nil {
			s.parsed = unreadable(s.rel, s.file, err)
			return
		}
		s.stamp = st
		look(b, true)
	}
	if data != nil || (s.hit == nil && s.data == nil && !s.reread) {
		s.parsed = parseFile(s.rel, s.file, data, settingsFile)
		s.est = len(s.parsed.claims)
	}
}

// clock is time.Now, but for tests of the cache, which need runs that
// happen later than the files they read were written.
var clock = time.Now

// keepBudget bounds the bytes of files kept from being read to being
// parsed: a corpus larger than that reads those beyond it twice rather
// than hold them all at once.
var keepBudget int64 = 64 << 20

// inside reports whether part lies within all.
func inside(all, part []reconcile.Claim) bool {
	if len(all) == 0 || len(part) == 0 {
		return false
	}
	start := uintptr(unsafe.Pointer(&all[0]))
	p := uintptr(unsafe.Pointer(&part[0]))
	size := unsafe.Sizeof(all[0])
	return p >= start && p+uintptr(len(part))*size <= start+uintptr(len(all))*size
}

// reuse takes a source file's result from the cache, if the cache's is
// still the right one under the context ctx. claims and idPos are where
// its claims go (empty, with room for as many as it was expected to have).
func (l *loader) reuse(s *slot, ctx [32]byte, claims []reconcile.Claim, idPos []reconcile.Pos) {
	e := s.hit
	if e == nil || e.ctx != ctx {
		return
	}
	if key, st := l.currentText(s.rel, e); key == e.textKey {
		if r, ok := decodeEntry(e, s.file, claims, idPos); ok {
			r.textStamp = st
			s.res, s.reused, s.entry, s.hit = r, true, e, nil
		}
	}
}

// second resolves a source file the cache could not give (see reuse).
// claims and idPos are where its claims go (empty, with room for as many
// as it was expected to have).
func (l *loader) second(s *slot, v *vocab.Vocabulary, opts phrase.Options, cache *cacheStore, claims []reconcile.Claim, idPos []reconcile.Pos) {
	if s.hit != nil {
		// Out of date (or damaged): read it again and work it out.
		s.hit = nil
		s.stampHit = false
		data, st, err := l.readFile(s.file, s.typ)
		if err != nil {
			s.parsed = unreadable(s.rel, s.file, err)
			return
		}
		s.sum, s.stamp = sha256.Sum256(data), st
		s.data = data
	}
	if s.reread {
		data, st, err := l.readFile(s.file, s.typ)
		if err != nil {
			s.parsed = unreadable(s.rel, s.file, err)
			return
		}
		if l.hashing {
			s.sum, s.stamp = sha256.Sum256(data), st
		}
		s.data = data
	}
	data := s.data
	if data != nil {
		s.parsed = parseFile(s.rel, s.file, data, false)
		s.data = nil
		if l.speculate && hasDefs(s.parsed) {
			l.redo.Store(true)
		}
	}
	f := s.parsed
	if f == nil || f.source == nil {
		return
	}
	textRaw := f.source.src.Text
	r := l.resolve(f, v, opts, claims, idPos)
	s.res = &sourceResult{
		src: f.source.src, idKey: f.source.key("id"), nclaims: f.nclaims,
		claims: r.claims, idPos: r.idPos, unverified: r.unverified, textKey: r.textKey, textStamp: r.textStamp, textRaw: textRaw,
		problems: append(slices.Clip(f.problems), r.problems...),
	}
	s.cacheable = cache != nil && pure(f)
	if data != nil {
		// The file's bytes are in memory only for the strings taken
		// from them: copy those out, and let the rest go.
		compactStrings(data, s.res)
	}
	// What is left of the parsed file is its verdicts, if any; its
	// source and claims are resolved now, and what they point into (the
	// file's bytes, its index) can go.
	f.source, f.claims, f.problems, f.nclaims = nil, nil, nil, 0
}

// verdicts resolves the verdicts of the files parsed this run, in file
// order, against the corpus's source ids (sorted).
func (l *loader) verdicts(slots []slot, v *vocab.Vocabulary, opts phrase.Options, sourceIDs []string) []reconcile.Verdict {
	var out []reconcile.Verdict
	for i := range slots {
		if f := slots[i].parsed; f != nil {
			for _, pv := range f.verdicts {
				if rv, ok := l.verdict(pv, v, opts, sourceIDs); ok {
					out = append(out, rv)
				}
			}
		}
	}
	return out
}

// pure reports whether a parsed file is a source and nothing else, so its
// result depends only on itself, its text, the vocabulary and the
// settings, and can be cached.
func pure(f *parsedFile) bool {
	return f.source != nil && len(f.verdicts) == 0 && !hasDefs(f) && f.settings == nil && f.rel != SettingsFile
}

func hasDefs(f *parsedFile) bool {
	d := &f.defs
	return f.builtDefs || len(d.Events)+len(d.Properties)+len(d.Places)+len(d.Countries)+len(d.Nationalities)+
		len(d.Organisations)+len(d.Persons)+len(d.Categories) > 0
}

// looksLikeSource guesses, from the bytes alone, that a file is a source
// defining no vocabulary. A wrong guess costs time, not correctness: a
// file guessed wrongly the other way is parsed early, and one that defines
// vocabulary after all makes the load start again without guessing.
func looksLikeSource(data []byte) bool {
	if !bytes.Contains(data, []byte("[source]")) {
		return false
	}
	for _, t := range vocabTables {
		if bytes.Contains(data, []byte("[["+t)) {
			return false
		}
	}
	return true
}

func unreadable(rel, file string, err error) *parsedFile {
	return &parsedFile{rel: rel, file: file, problems: []reconcile.Problem{{
		Pos: reconcile.Pos{File: file}, Severity: reconcile.Error,
		Message: fmt.Sprintf("cannot read file: %v; fix its permissions or remove it", err),
	}}}
}

func posLess(a, b reconcile.Pos) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// sortProblems orders problems by file, line, column and message, and
// drops exact repeats, so output does not depend on which worker finished
// first.
func sortProblems(ps []reconcile.Problem) []reconcile.Problem {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Pos != ps[j].Pos {
			return posLess(ps[i].Pos, ps[j].Pos)
		}
		return ps[i].Message < ps[j].Message
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// walked is a .toml file the walk found: its path relative to the root,
// slash-separated, and its type as the directory listing gave it.
type walked struct {
	rel string
	typ fs.FileMode
}

// walkDir is a directory the walk is to list: its path, and its path
// relative to the root, slash-separated, with a slash at the end ("" for
// the root).
type walkDir struct{ path, rel string }

// walk lists the corpus's .toml files, sorted. Hidden files and
// directories (.git, editor backups) are skipped; symbolic links to
// directories are not followed, so a link loop cannot make the walk
// endless. It is filepath.WalkDir's walk, with the directories read on
// every core.
func (l *loader) walk() []walked {
	info, err := os.Lstat(l.dir)
	if err != nil {
		l.errorf(reconcile.Pos{File: l.dir}, "cannot read the claims directory: %v", unwrapPath(err))
		return nil
	}
	if !info.IsDir() {
		return nil // a link to a directory, which WalkDir does not follow either
	}
	var (
		mu      sync.Mutex
		cond    = sync.NewCond(&mu)
		queue   = []walkDir{{l.dir, ""}}
		pending = 1 // directories queued or being read
		out     []walked
		rootErr error
	)
	worker := func() {
		for {
			mu.Lock()
			for len(queue) == 0 && pending > 0 {
				cond.Wait()
			}
			if pending == 0 {
				mu.Unlock()
				return
			}
			dir := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			mu.Unlock()

			des, err := os.ReadDir(dir.path)
			var files []walked
			var dirs []walkDir
			if err == nil {
				for _, d := range des {
					name := d.Name()
					switch {
					case strings.HasPrefix(name, "."):
					case d.IsDir():
						dirs = append(dirs, walkDir{filepath.Join(dir.path, name), dir.rel + name + "/"})
					case strings.HasSuffix(name, ".toml"):
						files = append(files, walked{dir.rel + name, d.Type()})
					}
				}
			}

			mu.Lock()
			switch {
			case err != nil && dir.rel == "":
				rootErr = err
			case err != nil:
				l.errorf(reconcile.Pos{File: dir.path}, "cannot read: %v; fix its permissions or remove it", unwrapPath(err))
			}
			out = append(out, files...)
			queue = append(queue, dirs...)
			pending += len(dirs) - 1
			cond.Broadcast()
			mu.Unlock()
		}
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker()
		}()
	}
	wg.Wait()
	if rootErr != nil {
		l.errorf(reconcile.Pos{File: l.dir}, "cannot read the claims directory: %v", unwrapPath(rootErr))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].rel < out[j].rel })
	return out
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readFile reads a file the walk found: straight away when the listing
// says it is a regular file, else (or if that fails) through readRegular.
func (l *loader) readFile(path string, typ fs.FileMode) ([]byte, stamp, error) {
	if typ.IsRegular() {
		if data, st, ok := readFast(path); ok {
			return data, st, nil
		}
	}
	return readRegular(path)
}

// readRegular reads a regular file no larger than MaxFileSize. Checking
// first matters: reading a named pipe would wait forever. The stamp is
// taken after that check, before reading, so a change while the file is
// read shows in the next run's stamp. (This is the way round for files
// the fast reads could not take: one more stat is nothing here.)
func readRegular(path string) ([]byte, stamp, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, stamp{}, unwrapPath(err)
	}
	if !info.Mode().IsRegular() {
		return nil, stamp{}, fmt.Errorf("not a regular file")
	}
	if info.Size() > MaxFileSize {
		return nil, stamp{}, fmt.Errorf("larger than %d MiB", MaxFileSize>>20)
	}
	st, _ := statStamp(path)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, stamp{}, unwrapPath(err)
	}
	return data, st, nil
}
