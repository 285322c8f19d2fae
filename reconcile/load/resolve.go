package load

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// archived is one archived text, read and normalised once however many
// claims cite it.
type archived struct {
	once sync.Once
	norm string // normalised text
	err  string // why it cannot be used, "" if it can
}

type resolvedClaim struct {
	reconcile.Claim
	idPos reconcile.Pos
}

type resolved struct {
	claims     []resolvedClaim
	problems   []reconcile.Problem
	unverified int
}

func (r *resolved) errorf(p reconcile.Pos, format string, args ...any) {
	r.problems = append(r.problems, reconcile.Problem{Pos: p, Severity: reconcile.Error, Message: fmt.Sprintf(format, args...)})
}

func (r *resolved) warnf(p reconcile.Pos, format string, args ...any) {
	r.problems = append(r.problems, reconcile.Problem{Pos: p, Severity: reconcile.Warning, Message: fmt.Sprintf(format, args...)})
}

// resolve checks one source file's claims against the vocabulary and the
// source's archived text, and reads their values.
func (l *loader) resolve(f *parsedFile, v *vocab.Vocabulary, opts phrase.Options) resolved {
	var r resolved
	s := f.source
	var text *archived
	if s.src.Text != "" {
		var rel string
		text, rel = l.archive(f, &r)
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
		case text != nil && text.err == "":
			c.Verified = verifyQuote(pc, text.norm, s.src.Text, &r)
		}
		if ok {
			r.claims = append(r.claims, c)
		}
	}
	return r
}

// archive finds, checks and reads the source's text, returning it (nil if
// unusable, which is reported at the text key) and its path relative to
// the corpus root.
func (l *loader) archive(f *parsedFile, r *resolved) (*archived, string) {
	s := f.source
	at := s.key("text")
	raw := s.src.Text
	if filepath.IsAbs(raw) || strings.HasPrefix(raw, "/") {
		r.errorf(at, "text %q must be a path relative to this file, inside the claims directory", raw)
		return nil, raw
	}
	joined := filepath.Join(l.root, filepath.FromSlash(f.rel), "..", filepath.FromSlash(raw))
	rel, err := filepath.Rel(l.root, joined)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		r.errorf(at, "text %q leads outside the claims directory; archive the text under it (e.g. in texts/) and point there", raw)
		return nil, raw
	}
	rel = filepath.ToSlash(rel)
	real, err := filepath.EvalSymlinks(joined)
	if err != nil {
		r.errorf(at, "text %q cannot be read: %v; archive the article's text there or fix the path", raw, unwrapPath(err))
		return nil, rel
	}
	if inside, err := filepath.Rel(l.realRoot, real); err != nil || inside == ".." || strings.HasPrefix(inside, ".."+string(filepath.Separator)) {
		r.errorf(at, "text %q is a symbolic link to a file outside the claims directory; archive a copy under it instead", raw)
		return nil, rel
	}
	l.mu.Lock()
	a := l.texts[real]
	if a == nil {
		a = &archived{}
		l.texts[real] = a
	}
	l.mu.Unlock()
	a.once.Do(func() {
		data, err := readRegular(real)
		switch {
		case err != nil:
			a.err = fmt.Sprintf("cannot be read: %v", err)
		case !utf8.Valid(data):
			p := firstInvalid(data)
			a.err = fmt.Sprintf("is not valid UTF-8 (line %d, column %d); archive it as UTF-8", p.line, p.col)
		default:
			a.norm = textnorm.Normalize(string(data))
		}
	})
	if a.err != "" {
		r.errorf(at, "archived text %s %s", filepath.Join(l.dir, filepath.FromSlash(rel)), a.err)
		return nil, rel
	}
	return a, rel
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
		c.ID = s.src.ID + "#" + strconv.Itoa(pc.n)
	}
	ok = pc.complete
	if pc.event != "" {
		if _, known := v.Event(pc.event); !known {
			ok = false
			r.errorf(pc.key("event"), "unknown event %q%s", pc.event, suggestID(pc.event, v.EventIDs(), func(name string) (string, bool) { return v.EventByName(name) }))
		}
	}
	prop, known := v.Property(pc.property)
	if pc.property != "" && !known {
		ok = false
		r.errorf(pc.key("property"), "unknown property %q%s", pc.property, suggestID(pc.property, v.PropertyIDs(), nil))
	}
	c.Authority = authority(pc.attributed, s.src.ID, v)
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
// their name as a Key; a claim attributed to no one is the source's own.
func authority(attributed, source string, v *vocab.Vocabulary) string {
	if strings.TrimSpace(attributed) == "" {
		return "source:" + source
	}
	for _, c := range []vocab.Class{vocab.OrganisationClass, vocab.PersonClass} {
		if id, ok := v.Resolve(c, attributed); ok {
			return id
		}
	}
	if k := textnorm.Key(attributed); k != "" {
		return k
	}
	return "source:" + source
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

var (
	wordRE  = regexp.MustCompile(`[\p{L}\p{N}]+`)
	digitRE = regexp.MustCompile(`\d[\d,]*\d|\d`)
)

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
		for _, d := range digitRE.FindAllString(value, -1) {
			n, err := strconv.Atoi(strings.ReplaceAll(d, ",", ""))
			if !hasNumber(quote, d) && (err != nil || !anyWord(quote, spelled(n))) {
				missing = append(missing, d)
			}
		}
		for _, w := range wordRE.FindAllString(value, -1) {
			n, isNumber := numberWords[w]
			if isNumber && !textnorm.ContainsWord(quote, w) && (n == 0 || !hasNumber(quote, strconv.Itoa(n))) {
				missing = append(missing, w)
			}
		}
	} else {
		for _, w := range wordRE.FindAllString(value, -1) {
			if !stopWords[w] && !textnorm.ContainsWord(quote, w) {
				missing = append(missing, w)
			}
		}
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
	d = strings.ReplaceAll(d, ",", "")
	for _, m := range digitRE.FindAllString(s, -1) {
		if strings.ReplaceAll(m, ",", "") == d {
			return true
		}
	}
	return false
}

func anyWord(s string, ws []string) bool {
	for _, w := range ws {
		if textnorm.ContainsWord(s, w) {
			return true
		}
	}
	return false
}
