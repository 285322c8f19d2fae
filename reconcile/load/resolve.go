package load

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash/maphash"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
	"weak"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// archived is one archived text. A run that takes its sources from the
// cache only needs to know the text is unchanged, so the hash and the
// normalised text are made separately: the hash at most once, the
// normalised text once for the sources verified against it while any of
// them is.
type archived struct {
	real string // its path, symbolic links resolved

	summed   sync.Once
	sum      [32]byte // of its bytes (when hashing)
	sumStamp stamp    // from before they were read
	err      string   // why it cannot be used, "" if it can

	// norm is held weakly: sources citing the same text at the same time
	// share it, but the table of texts does not keep every one of them
	// until the last source is verified, which at 200,000 sources was
	// up to 700 MB of texts at once. A source citing a text whose normalised
	// form has gone reads it again, and is verified against, and keyed
	// by, what it read.
	normMu sync.Mutex
	norm   weak.Pointer[normText]
}

// normText is an archived text ready for quotes to be found in.
type normText struct {
	text  string
	sum   [32]byte // of its bytes, when hashing
	stamp stamp    // from before they were read
	err   string   // why it cannot be used, "" if it can
}

// read reads the text and calls use with its bytes (good only during
// the call), or returns why it cannot be used; st is its stamp from
// before it was read.
func (a *archived) read(use func([]byte)) (st stamp, problem string) {
	check := func(data []byte) {
		if !utf8.Valid(data) {
			p := firstInvalid(data)
			problem = fmt.Sprintf("is not valid UTF-8 (line %d, column %d); archive it as UTF-8", p.line, p.col)
			return
		}
		use(data)
	}
	if st, ok := readScratch(a.real, check); ok {
		return st, problem
	}
	data, st, err := readRegular(a.real)
	if err != nil {
		return stamp{}, fmt.Sprintf("cannot be read: %v", err)
	}
	check(data)
	return st, problem
}

// summary is the text's hash and problem, for telling whether a cached
// result still holds.
func (a *archived) summary() ([32]byte, string) {
	a.summed.Do(func() {
		a.sumStamp, a.err = a.read(func(data []byte) { a.sum = sha256.Sum256(data) })
	})
	return a.sum, a.err
}

// normalised is the text ready for quotes to be found in, with its hash
// when hashing (the key a result verified against it is cached under).
// The caller holds it for as long as it verifies against it.
func (a *archived) normalised(hashing bool) *normText {
	a.normMu.Lock()
	defer a.normMu.Unlock()
	if n := a.norm.Value(); n != nil {
		return n
	}
	n := &normText{}
	n.stamp, n.err = a.read(func(data []byte) {
		// data is the read's own buffer: Normalize reads it where it
		// is, and what it returns is copied only if it is data itself.
		in := unsafe.String(unsafe.SliceData(data), len(data))
		n.text = textnorm.Normalize(in)
		if unsafe.StringData(n.text) == unsafe.StringData(in) {
			n.text = strings.Clone(n.text)
		}
		if hashing {
			n.sum = sha256.Sum256(data)
		}
	})
	a.norm = weak.Make(n)
	return n
}

type resolvedClaim struct {
	reconcile.Claim
	idPos reconcile.Pos
}

type resolved struct {
	claims     []reconcile.Claim
	idPos      []reconcile.Pos // of each claim's id, or its header
	problems   []reconcile.Problem
	unverified int
	// textKey says what the source's archived text was (see textKey),
	// when hashing, and textStamp its stamp from before it was read.
	textKey   [32]byte
	textStamp stamp
	// ownAuthority is made by sourceAuthority, ids by claimID.
	ownAuthority string
	ids          []byte
}

func (r *resolved) errorf(p reconcile.Pos, format string, args ...any) {
	r.problems = append(r.problems, reconcile.Problem{Pos: p, Severity: reconcile.Error, Message: fmt.Sprintf(format, args...)})
}

func (r *resolved) warnf(p reconcile.Pos, format string, args ...any) {
	r.problems = append(r.problems, reconcile.Problem{Pos: p, Severity: reconcile.Warning, Message: fmt.Sprintf(format, args...)})
}

// resolve checks one source file's claims against the vocabulary and the
// source's archived text, and reads their values. The claims that go into
// the corpus are appended to claims and idPos.
func (l *loader) resolve(f *parsedFile, v *vocab.Vocabulary, opts phrase.Options, claims []reconcile.Claim, idPos []reconcile.Pos) resolved {
	r := resolved{claims: claims, idPos: idPos}
	s := f.source
	var text *normText // held until every quote is verified against it
	usable := false
	if s.src.Text != "" {
		var rel string
		text, rel, usable = l.archive(f, &r)
		s.src.Text = rel
	}
	for _, pc := range f.claims {
		c, ok := l.claim(f, pc, v, opts, &r)
		// Quotes are checked even for claims that are otherwise broken:
		// a run reports everything it can.
		switch {
		case s.src.Text == "":
			if ok {
				r.unverified++
			}
		case usable:
			c.Verified = verifyQuote(pc, text.text, s.src.Text, &r)
		}
		if ok {
			r.claims = append(r.claims, c.Claim)
			r.idPos = append(r.idPos, c.idPos)
		}
	}
	return r
}

// textAt is where a source's text key points.
type textAt struct {
	rel     string // relative to the corpus root, or as written if it cannot be placed
	problem string // why it cannot be used, reported at the text key; "" if it can
	real    string // its real path, if it can
	// Where to stat it: its name in its directory, open if in is, else
	// by its real path.
	in   dirFD
	name string
}

// locate places the text a source names: inside the corpus, with its
// symbolic links resolved. It does not read it.
func (l *loader) locate(fileRel, raw string) textAt {
	if filepath.IsAbs(raw) || strings.HasPrefix(raw, "/") {
		return textAt{rel: raw, problem: fmt.Sprintf("text %q must be a path relative to this file, inside the claims directory", raw)}
	}
	// Worked out on the slash-separated path relative to the root, which
	// is short, rather than on the absolute one: this runs once a source.
	rel := path.Join(path.Dir(fileRel), filepath.ToSlash(raw))
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return textAt{rel: raw, problem: fmt.Sprintf("text %q leads outside the claims directory; archive the text under it (e.g. in texts/) and point there", raw)}
	}
	real, in, name, err := l.realPath(rel)
	if err != nil {
		return textAt{rel: rel, problem: fmt.Sprintf("text %q cannot be read: %v; archive the article's text there or fix the path", raw, unwrapPath(err))}
	}
	if _, ok := within(l.realRoot, real); !ok {
		return textAt{rel: rel, problem: fmt.Sprintf("text %q is a symbolic link to a file outside the claims directory; archive a copy under it instead", raw)}
	}
	return textAt{rel: rel, real: real, in: in, name: name}
}

// textTable finds each archived text by its real path, so that sources
// citing the same text hash it once and share its normalised form while
// they are verified against it (see archived). Nearly every lookup is of
// a text not seen before, which sync.Map is slow at: the table is split
// into shards, each with a lock of its own.
type textTable struct {
	seed   maphash.Seed
	shards [64]struct {
		sync.Mutex
		m map[string]*archived
	}
}

func newTextTable() *textTable { return &textTable{seed: maphash.MakeSeed()} }

func (t *textTable) get(real string) *archived {
	sh := &t.shards[maphash.String(t.seed, real)%uint64(len(t.shards))]
	sh.Lock()
	defer sh.Unlock()
	a := sh.m[real]
	if a == nil {
		if sh.m == nil {
			sh.m = map[string]*archived{}
		}
		a = &archived{real: real}
		sh.m[real] = a
	}
	return a
}

// within is path relative to root, if it lies there; both are clean and
// absolute. (filepath.Rel says the same, at many times the cost, which
// counts once for every source.)
func within(root, path string) (string, bool) {
	if path == root {
		return ".", true
	}
	prefix := root
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	if strings.HasPrefix(path, prefix) {
		return path[len(prefix):], true
	}
	// filepath.Rel knows what a prefix does not, such as volumes whose
	// names ignore case on Windows.
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// realPath is filepath.EvalSymlinks of a text's path relative to the
// root (slash-separated, clean, inside it). Texts share a few
// directories, so each directory's real path is found once, and listed
// once: a name it lists as a regular file is that file (which saves a
// system call a text), and anything else goes the long way, so the
// answer and the errors are EvalSymlinks' own. A text found in its
// directory's listing comes with the directory, open if it could be
// opened, and its name there; else in is notOpen.
func (l *loader) realPath(rel string) (real string, in dirFD, name string, err error) {
	dir, base := path.Split(rel)
	v, ok := l.realDirs.Load(dir)
	if !ok {
		v, _ = l.realDirs.LoadOrStore(dir, &realDir{})
	}
	d := v.(*realDir)
	d.once.Do(func() {
		real, err := filepath.EvalSymlinks(filepath.Join(l.root, filepath.FromSlash(dir)))
		if err != nil {
			return
		}
		des, err := os.ReadDir(real)
		if err != nil {
			return
		}
		d.real, d.fd = real, openDir(real)
		d.regular = make(map[string]bool, len(des))
		for _, de := range des {
			d.regular[de.Name()] = de.Type().IsRegular()
		}
	})
	if d.regular[base] && base != "" && base != "." && base != ".." {
		// base is one name, and d.real clean: no need to clean again.
		if strings.HasSuffix(d.real, string(filepath.Separator)) {
			return d.real + base, d.fd, base, nil
		}
		return d.real + string(filepath.Separator) + base, d.fd, base, nil
	}
	real, err = filepath.EvalSymlinks(filepath.Join(l.root, filepath.FromSlash(rel)))
	return real, notOpen, "", err
}

// forgetRealDirs closes the texts' directories and forgets them: every
// text has been looked at.
func (l *loader) forgetRealDirs() {
	l.realDirs.Range(func(_, v any) bool {
		v.(*realDir).fd.close()
		return true
	})
	l.realDirs.Clear()
}

// realDir is a directory texts are in: its real path, and which of its
// names are regular files.
type realDir struct {
	once    sync.Once
	real    string
	fd      dirFD // open at real, while texts are looked at
	regular map[string]bool
}

// archive finds, checks and reads the source's text, returning it
// normalised (usable false if it cannot be used, which is reported at
// the text key) and its path relative to the corpus root.
func (l *loader) archive(f *parsedFile, r *resolved) (norm *normText, rel string, usable bool) {
	s := f.source
	at := s.key("text")
	t := l.locate(f.rel, s.src.Text)
	if t.problem != "" {
		r.errorf(at, "%s", t.problem)
		if l.hashing {
			r.textKey = textKey(t.rel, t.problem, "", [32]byte{})
		}
		return nil, t.rel, false
	}
	n := l.texts.get(t.real).normalised(l.hashing)
	if l.hashing {
		r.textKey, r.textStamp = textKey(t.rel, "", n.err, n.sum), n.stamp
	}
	if n.err != "" {
		r.errorf(at, "archived text %s %s", filepath.Join(l.dir, filepath.FromSlash(t.rel)), n.err)
		return nil, t.rel, false
	}
	return n, t.rel, true
}

// currentText is the textKey the text of a cached source file has now
// (what resolve would record for it, without normalising it) and the
// text's stamp. The file is unchanged, so it names the text it named when
// cached: a text whose stamp still holds is that entry's text, unread.
func (l *loader) currentText(fileRel string, e *cacheEntry) ([32]byte, stamp) {
	if e.textRaw == "" {
		return [32]byte{}, stamp{}
	}
	t := l.locate(fileRel, e.textRaw)
	if t.problem != "" {
		return textKey(t.rel, t.problem, "", [32]byte{}), stamp{}
	}
	// Most texts are cited by one source: the stat is not shared
	// through the table of texts, which costs more than it saves.
	if unchanged(t.in, t.name, t.real, e.textStamp, e.stampedAt) {
		l.textsUnread.Add(1)
		return e.textKey, e.textStamp
	}
	a := l.texts.get(t.real)
	sum, err := a.summary()
	return textKey(t.rel, "", err, sum), a.sumStamp
}

// textKey sums up everything about a source's archived text that its
// resolved claims and problems depend on: where it is, whether and why
// it cannot be used, and its bytes. No text at all is the zero key.
func textKey(rel, problem, err string, sum [32]byte) [32]byte {
	h := sha256.New()
	for _, s := range []string{rel, problem, err} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(sum[:])
	var k [32]byte
	h.Sum(k[:0])
	k[0] |= 1 // never the zero key
	return k
}

// claim checks one claim against the vocabulary and reads its value. ok
// is false when it cannot go into the corpus.
func (l *loader) claim(f *parsedFile, pc parsedClaim, v *vocab.Vocabulary, opts phrase.Options, r *resolved) (c resolvedClaim, ok bool) {
	s := f.source
	c.Claim = reconcile.Claim{
		ID:           pc.id,
		Source:       s.src.ID,
		Event:        pc.event,
		Property:     pc.property,
		Value:        pc.value,
		Quote:        pc.quote,
		AttributedTo: pc.attributed,
		Hedge:        pc.hedge,
		Note:         pc.note,
		AsOfText:     pc.asOf,
		Pos:          pc.pos,
	}
	c.idPos = pc.key("id")
	if c.ID == "" {
		c.ID = r.claimID(s.src.ID, pc.n, f.claims)
	}
	ok = pc.complete
	// A known event or property is named by the vocabulary's own string
	// for its id: all claims about it then share one, which grouping
	// hashes and compares millions of times, and equal strings at one
	// address compare without reading either.
	if pc.event != "" {
		if e, known := v.Event(pc.event); known {
			c.Event = e.ID
		} else {
			ok = false
			r.errorf(pc.key("event"), "unknown event %q%s", pc.event, suggestID(pc.event, v.EventIDs(), func(name string) (string, bool) { return v.EventByName(name) }))
		}
	}
	prop, known := v.Property(pc.property)
	if known {
		c.Property = prop.ID
	} else if pc.property != "" {
		ok = false
		r.errorf(pc.key("property"), "unknown property %q%s", pc.property, suggestID(pc.property, v.PropertyIDs(), nil))
	}
	if a, named := authority(pc.attributed, v); named {
		c.Authority = a
	} else {
		c.Authority = r.sourceAuthority(s.src.ID)
	}
	switch {
	case pc.asOf != "":
		c.AsOf = pc.asOfDays
		ok = ok && pc.asOfOK
	case s.publishedOK:
		c.AsOf = s.src.PublishedDays
	default:
		ok = false // the published problem explains it
	}
	if known && pc.value != "" {
		reading, err := readValue(prop, pc.value, s, v, opts, pc, r)
		if err != nil {
			ok = false
			var pe *phrase.Error
			if errors.As(err, &pe) {
				r.errorf(pc.key("value"), "%s", pe.Error())
			} else {
				r.errorf(pc.key("value"), "cannot read %q as a %s: %v", pc.value, prop.Kind, err)
			}
		}
		c.Reading = reading
	}
	// A value that could not be read has its own error; whether its
	// words are in the quote can wait until it is fixed.
	if ok && pc.quote != "" && !(pc.nativeValue && prop.Kind == reconcile.Date) {
		valueInQuote(pc, prop.Kind, r)
	}
	return c, ok
}

// readValue reads a claim's value with the reader its property's kind
// calls for.
func readValue(p vocab.Property, value string, s *parsedSource, v *vocab.Vocabulary, opts phrase.Options, pc parsedClaim, r *resolved) (reconcile.Reading, error) {
	switch p.Kind {
	case reconcile.Count:
		return phrase.Count(value, opts)
	case reconcile.Date:
		if !s.publishedOK {
			// Relative dates need the publication date, which is
			// already reported as unreadable.
			return reconcile.Reading{}, nil
		}
		reading, warnings, err := phrase.Date(value, s.src.PublishedDays, opts)
		for _, w := range warnings {
			r.warnf(pc.key("value"), "%s", w)
		}
		return reading, err
	}
	return v.Read(p.Kind, p.ID, value)
}

// suggestID proposes the id nearest to s, or the id of the event whose
// name s is (people type "Kerman bombings" where the id is wanted).
func suggestID(s string, ids []string, byName func(string) (string, bool)) string {
	if byName != nil {
		if id, ok := byName(s); ok {
			return fmt.Sprintf("; did you mean %q? (give the id, not the name)", id)
		}
	}
	if c := textnorm.Closest(s, ids); c != "" {
		return fmt.Sprintf("; did you mean %q?", c)
	}
	return "; add it to the vocabulary or fix the spelling"
}

// authority canonicalises whom a claim is attributed to, so that the same
// authority quoted in different words is recognised when it revises a
// figure: a known organisation or person is its term id, anyone else
// their name as a Key. named is false for a claim attributed to no one
// (or to nothing but punctuation): it is the source's own (see
// sourceAuthority).
func authority(attributed string, v *vocab.Vocabulary) (string, bool) {
	if strings.TrimSpace(attributed) == "" {
		return "", false
	}
	for _, c := range []vocab.Class{vocab.OrganisationClass, vocab.PersonClass} {
		if id, ok := v.Resolve(c, attributed); ok {
			return id, true
		}
	}
	if k := textnorm.Key(attributed); k != "" {
		return k, true
	}
	return "", false
}

// claimID is the id of the nth claim of a source that gives it none,
// "source#n". A file's ids share one allocation: made one at a time,
// they were two million small ones at 200,000 sources.
func (r *resolved) claimID(source string, n int, claims []parsedClaim) string {
	if r.ids == nil {
		without := 0
		for i := range claims {
			if claims[i].id == "" {
				without++
			}
		}
		r.ids = make([]byte, 0, without*(len(source)+4))
	}
	start := len(r.ids)
	r.ids = append(r.ids, source...)
	r.ids = append(r.ids, '#')
	r.ids = strconv.AppendInt(r.ids, int64(n), 10)
	// Bytes once appended are not written again, here or in the larger
	// copy an append may move them to: each id can be a stretch of them.
	return unsafe.String(&r.ids[start], len(r.ids)-start)
}

// sourceAuthority is the authority of the source's own claims,
// "source:" and its id: made once a file rather than once a claim.
func (r *resolved) sourceAuthority(source string) string {
	if r.ownAuthority == "" {
		r.ownAuthority = "source:" + source
	}
	return r.ownAuthority
}

// verifyQuote reports a quote that is not in the archived text, saying how
// far it matches, which is usually where the typo is.
func verifyQuote(pc parsedClaim, text, textRel string, r *resolved) bool {
	if pc.quote == "" {
		return false
	}
	q := textnorm.Normalize(pc.quote)
	if q == "" {
		r.errorf(pc.key("quote"), "quote is blank; copy the sentence that makes the claim from the archived text")
		return false
	}
	if strings.Contains(text, q) {
		return true
	}
	var hint string
	switch n := matchingPrefix(text, q); {
	case strings.Contains(strings.ToLower(text), strings.ToLower(q)):
		hint = "it is there, but with different upper and lower case; copy it exactly"
	case n == 0:
		hint = "not even its first word is; check that the quote belongs to this source"
	default:
		hint = fmt.Sprintf("it matches as far as %q, then differs; copy it exactly from the text", tail(q[:n], 40))
	}
	r.errorf(pc.key("quote"), "quote not found in the archived text %s: %s (white space, quote marks and dashes may differ, nothing else)", textRel, hint)
	return false
}

// matchingPrefix is the length of the longest prefix of q (at a rune
// boundary) that occurs in text. Occurrence is monotone in the prefix
// length, so a binary search finds it.
func matchingPrefix(text, q string) int {
	lo, hi := 0, len(q)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if strings.Contains(text, q[:mid]) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	for lo > 0 && lo < len(q) && !utf8.RuneStart(q[lo]) {
		lo--
	}
	return lo
}

func tail(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return "…" + string(r[len(r)-n:])
}

// eachWord calls f with each run of letters and numbers in s (what
// [\p{L}\p{N}]+ matches), until f returns false.
func eachWord(s string, f func(string) bool) {
	start := -1
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		word := false
		if r < utf8.RuneSelf {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			word = r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r))
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			if !f(s[start:i]) {
				return
			}
			start = -1
		}
		i += n
	}
	if start >= 0 {
		f(s[start:])
	}
}

// eachNumber calls f with each figure in s (what \d[\d,]*\d|\d matches:
// ASCII digits, with the commas between them), until f returns false.
func eachNumber(s string, f func(string) bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		end := i + 1 // past the last digit of the run of digits and commas
		j := i + 1
		for ; j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ','); j++ {
			if s[j] != ',' {
				end = j + 1
			}
		}
		if !f(s[i:end]) {
			return
		}
		i = end - 1
	}
}

// numberText is figure d without its thousands separators.
func numberText(d string) string {
	if strings.IndexByte(d, ',') < 0 {
		return d
	}
	return strings.ReplaceAll(d, ",", "")
}

var (
	units = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens  = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	// numberWords are the words that state a number in a count phrase,
	// with the figure they stand for (0 when it is vague: "dozens").
	numberWords = func() map[string]int {
		m := map[string]int{"dozen": 12, "dozens": 0, "hundred": 100, "hundreds": 0, "thousand": 1000, "thousands": 0, "million": 1000000, "millions": 0, "score": 20, "scores": 0}
		for i, u := range units {
			m[u] = i
		}
		for i, t := range tens[2:] {
			m[t] = (i + 2) * 10
		}
		return m
	}()
)

// spelled is how a source might write n in words ("eighty-four").
func spelled(n int) []string {
	switch {
	case n < 0:
	case n < 20:
		return []string{units[n]}
	case n < 100 && n%10 == 0:
		return []string{tens[n/10]}
	case n < 100:
		return []string{tens[n/10] + "-" + units[n%10], tens[n/10] + " " + units[n%10]}
	case n == 100 || n == 1000 || n == 1000000:
		return []string{map[int]string{100: "hundred", 1000: "thousand", 1000000: "million"}[n]}
	}
	return nil
}

// valueInQuote warns when the quote does not contain the value's figures
// (counts) or words (other kinds): the value should be the source's own
// words, and a quote that does not state it may be the wrong sentence.
// A figure may be in digits on one side and in words on the other, since
// a TOML integer value is the checker's transcription.
func valueInQuote(pc parsedClaim, kind reconcile.Kind, r *resolved) {
	quote := strings.ToLower(textnorm.Normalize(pc.quote))
	value := strings.ToLower(textnorm.Normalize(pc.value))
	var missing []string
	if kind == reconcile.Count {
		eachNumber(value, func(d string) bool {
			n, err := strconv.Atoi(numberText(d))
			if !hasNumber(quote, d) && (err != nil || !anyWord(quote, spelled(n))) {
				missing = append(missing, d)
			}
			return true
		})
		eachWord(value, func(w string) bool {
			n, isNumber := numberWords[w]
			if isNumber && !textnorm.ContainsWord(quote, w) && (n == 0 || !hasNumber(quote, strconv.Itoa(n))) {
				missing = append(missing, w)
			}
			return true
		})
	} else {
		eachWord(value, func(w string) bool {
			if !stopWords[w] && !textnorm.ContainsWord(quote, w) {
				missing = append(missing, w)
			}
			return true
		})
	}
	if len(missing) > 0 {
		var q []string
		for _, m := range missing {
			q = append(q, strconv.Quote(m))
		}
		r.warnf(pc.key("value"), "value %q does not appear in its quote (%s not in it); use the quote's own words, or quote the sentence that states the value", pc.value, strings.Join(q, ", "))
	}
}

var stopWords = map[string]bool{"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "in": true}

// hasNumber finds digits d in s as a whole number: "91" is not in "1991".
// Thousands separators are ignored on both sides.
func hasNumber(s, d string) bool {
	d = numberText(d)
	found := false
	eachNumber(s, func(m string) bool {
		found = numberText(m) == d
		return !found
	})
	return found
}

func anyWord(s string, ws []string) bool {
	for _, w := range ws {
		if textnorm.ContainsWord(s, w) {
			return true
		}
	}
	return false
}
