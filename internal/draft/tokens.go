package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	tWord  tkind = iota + 1
	tNum         // digits with inner "," or "." separators: "6,000", "15.04.2024"
	tPunct       // one rune of anything else
)

// token is a slice of the article with its byte offsets, so that every
// value and quote drafted from it is cut from the text itself and verifies.
type token struct {
	kind tkind
	text string
	// key is how the token compares with vocabulary names (textnorm.Key of
	// the token: lower case, apostrophes and dots dropped) and with the word
	// lists here.
	key string
	// suffix is letters glued to a number ("3rd", "1m"): such a number is
	// an ordinal or a measurement, never a count.
	suffix string
	lo, hi int
	// glued: no space between this token and the one before ("ISIS-K",
	// "24-hour", "Moscow’s").
	glued bool
	upper bool // starts with an upper-case letter
}

func (t token) is(words ...string) bool {
	for _, w := range words {
		if t.key == w {
			return true
		}
	}
	return false
}

func (t token) isPunct(chars string) bool {
	return t.kind == tPunct && strings.Contains(chars, t.text)
}

// isDash is a hyphen or any of the dashes; glued ones join words.
func (t token) isDash() bool {
	return t.isPunct("-‐‑‒–—―")
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// tokenize splits s[lo:hi] into tokens whose offsets are into s. It is
// linear in the input and never fails: invalid bytes become punctuation.
func tokenize(s string, lo, hi int, out []token) []token {
	i := lo
	glued := false
	for i < hi {
		r, n := utf8.DecodeRuneInString(s[i:hi])
		if unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B {
			i += n
			glued = false
			continue
		}
		start := i
		switch {
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			for i < hi && isDigit(s[i]) {
				i++
			}
			// A separator belongs to the number only between digits, so
			// "84, including" ends at "84".
			for i+1 < hi && (s[i] == ',' || s[i] == '.') && isDigit(s[i+1]) {
				i++
				for i < hi && isDigit(s[i]) {
					i++
				}
			}
			numEnd := i
			for i < hi && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z') {
				i++
			}
			out = append(out, token{kind: tNum, text: s[start:numEnd], key: s[start:numEnd], suffix: s[numEnd:i], lo: start, hi: i, glued: glued})
		case isLetter(r):
			i += n
			for i < hi {
				r2, n2 := utf8.DecodeRuneInString(s[i:hi])
				if isLetter(r2) || unicode.IsDigit(r2) {
					i += n2
					continue
				}
				// Apostrophes and dots join letters ("Shah's", "U.S", "al-Qa'ida"),
				// as textnorm.Key drops them without leaving a gap.
				if r2 == '\'' || r2 == '’' || r2 == '.' {
					if r3, _ := utf8.DecodeRuneInString(s[i+n2 : hi]); i+n2 < hi && isLetter(r3) {
						i += n2
						continue
					}
				}
				break
			}
			w := s[start:i]
			out = append(out, token{kind: tWord, text: w, key: wordKey(w), lo: start, hi: i, glued: glued, upper: unicode.IsUpper(r)})
		default:
			i += n
			out = append(out, token{kind: tPunct, text: s[start:i], key: s[start:i], lo: start, hi: i, glued: glued})
		}
		glued = true
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// wordKey lower-cases a word and drops apostrophes and dots, as
// textnorm.Key does inside a name, and a possessive "'s": "State’s" must
// not read as the verb "states", nor "Iran's" hide the name "Iran".
// Vocabulary names are keyed by the same function, so "Istanbul's Reina
// Club" still matches itself.
func wordKey(w string) string {
	for _, s := range []string{"'s", "’s", "'S", "’S"} {
		if len(w) > len(s) && strings.HasSuffix(w, s) {
			w = w[:len(w)-len(s)]
			break
		}
	}
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || c == '\'' || c == '.' || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if r == '\'' || r == '’' || r == '.' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
