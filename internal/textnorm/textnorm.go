// Package textnorm holds the two ways crosscheck compares text: Normalize,
// for quotes against archived articles (only typography is forgiven), and
// Key, for names against the vocabulary (case and punctuation are forgiven
// too). Both are pure and shared by the loader and the draft command, so a
// quote that lints also drafts.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Normalize folds the typography that differs between a web page and the
// same words retyped: every run of white space (including NBSP and line
// breaks) becomes one space, curly and low quotes become straight ones, and
// the dash family becomes a hyphen-minus. Case and everything else are kept,
// because a quote must be verbatim. Leading and trailing space is dropped.
func Normalize(s string) string {
	if normalASCII(s) {
		return s // the common case for a quote: nothing to fold
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				space = len(b) > 0
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError || unicode.IsSpace(r) {
			// A broken byte cannot be typed into a quote either way;
			// treating it as a gap keeps the surrounding words matchable.
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, fold(r))
	}
	// b is not written to again: the string can be its bytes rather
	// than a copy of them (an archived text is normalised whole, and at
	// 200,000 sources the copies came to 200 MB).
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// normalASCII reports whether s is ASCII that Normalize leaves as it is:
// single spaces between words, none at either end, no other white space.
func normalASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
		case asciiSpace[c]:
			return false
		}
	}
	return true
}

func fold(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛':
		return '\''
	case '“', '”', '„', '‟':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―':
		return '-'
	}
	return r
}

// Key is the form in which names are matched: lower case, with hyphens,
// dashes, underscores and white space all one space, other punctuation and
// symbols dropped, and a leading "the" removed. So "IS-K" and "is k" match,
// "U.S." and "US" match, but "ISK" does not match "IS-K": joining words
// changes a name, separating them with a hyphen does not.
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r = fold(r)
		switch {
		case r == '-' || r == '_' || unicode.IsSpace(r) || r == utf8.RuneError:
			space = b.Len() > 0
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(unicode.ToLower(r))
		}
		// Anything else (apostrophes, dots, brackets, ampersands) is
		// dropped without leaving a gap: "U.S." is "us", "Shah's" "shahs".
	}
	k := b.String()
	if rest, ok := strings.CutPrefix(k, "the "); ok && rest != "" {
		k = rest
	}
	return k
}

// Distance is the edit distance between a and b in runes, counting a
// swap of two adjacent runes as one edit (typists swap letters: "qoute"). It
// gives up (returning limit+1) once the distance must exceed limit, and only
// computes the diagonal band the limit allows, so comparing long strings
// costs their length times the limit, not the product of their lengths.
func Distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit || limit < 0 {
		return limit + 1
	}
	far := limit + 1 // stands for every distance beyond the limit
	// Three rows of the optimal-string-alignment table.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = min(j, far)
		prev2[j], cur[j] = far, far
	}
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-limit), min(len(rb), i+limit)
		if lo > 1 {
			cur[lo-1] = far
		}
		cur[0] = min(i, far)
		best := far
		if lo == 1 {
			best = cur[0]
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = min(v, far)
			best = min(best, cur[j])
		}
		if hi < len(rb) {
			cur[hi+1] = far
		}
		if best > limit {
			return far
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Closest returns the candidate nearest to s, compared as Keys, if it is
// near enough to be a plausible typo (about one edit in three characters,
// at least one, at most four), else "". Ties go to the earlier candidate, so
// callers get a stable answer by passing candidates in a stable order. A
// candidate equal to s (as a Key) is returned too: "Shiraz " for "shiraz"
// is worth suggesting when the exact spelling is required.
func Closest(s string, candidates []string) string {
	k := Key(s)
	if k == "" {
		k = strings.ToLower(s)
	}
	limit := min(max(utf8.RuneCountInString(k)/3, 1), 4)
	best, bestD := "", limit+1
	for _, c := range candidates {
		ck := Key(c)
		if ck == "" {
			ck = strings.ToLower(c)
		}
		if d := Distance(k, ck, bestD-1); d < bestD {
			best, bestD = c, d
			if d == 0 {
				break
			}
		}
	}
	if best == "" && utf8.RuneCountInString(k) >= 4 {
		// A name cut short ("kerman-bombing" for
		// "kerman-bombing-2024") is too many edits away but still
		// plainly meant, if only one candidate starts with it.
		for _, c := range candidates {
			if strings.HasPrefix(Key(c), k) {
				if best != "" {
					return ""
				}
				best = c
			}
		}
	}
	return best
}

// IsWordRune reports whether r belongs inside a word: a letter, a
// combining mark or a digit.
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// ContainsWord reports whether w occurs in s as a whole word (or run of
// words): not glued to a letter or digit on either side, so "91" is found
// in "at least 91 people" but not in "1991".
func ContainsWord(s, w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i <= len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[j+len(w):])
		if (j == 0 || !IsWordRune(before)) && (j+len(w) == len(s) || !IsWordRune(after)) {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[j:])
		i = j + size
	}
	return false
}
