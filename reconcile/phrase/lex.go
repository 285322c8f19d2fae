package phrase

import (
	"unicode"
	"unicode/utf8"
)

// tkind is the sort of a token. Quotes and spaces never become tokens:
// values arrive with straight or curly quotes from copy-pasted articles and
// the quotes carry no meaning.
type tkind uint8

const (
	tEOF     tkind = iota
	tWord          // letters, with inner apostrophes: "o'clock"
	tNum           // ASCII digits with inner ',' and '.': "6,000", "1.5"
	tDash          // hyphen and the dashes: - ‐ ‑ ‒ – —
	tMinus         // U+2212, only ever a sign
	tPlus          // +
	tComma         // ,
	tPeriod        // .
	tSlash         // /
	tPercent       // %
	tTilde         // ~
	tOther         // anything else, one rune
)

// token is a slice of the input, never a copy, so scanning allocates nothing.
type token struct {
	kind tkind
	text string // for tNum, the digits and separators only
	// suffix holds letters glued to a number ("3rd", "15th", "1m"); the
	// readers decide whether they are allowed.
	suffix string
	pos    int // byte offset of text in the input
	end    int // byte offset just after the token, suffix included
}

// is reports whether the token is the word w, ignoring ASCII case. w must be
// lower case.
func (t token) is(w string) bool {
	return t.kind == tWord && foldEq(t.text, w)
}

func foldEq(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// lowerKey lowercases a short ASCII word into buf for map look-ups; a
// map index with string(bytes) does not allocate. Words too long for any
// table come back empty.
func lowerKey(buf *[16]byte, s string) []byte {
	if len(s) > len(buf) {
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)]
}

// lexer scans tokens on demand. Parsers backtrack by saving and restoring
// pos, which is cheaper than materialising a token slice.
type lexer struct {
	s   string
	pos int
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x2007, 0x2009, 0x200A, 0x202F, 0x3000, 0xFEFF, 0x200B:
		return true
	}
	return r >= 0x2000 && r <= 0x2006
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '`', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '«', '»', '‹', '›', '′', '″':
		return true
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// letterAt reports whether a letter starts at byte i, and its width.
func letterAt(s string, i int) (bool, int) {
	if i >= len(s) {
		return false, 0
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r), n
}

// next returns the token at pos and moves past it.
func (l *lexer) next() token {
	s := l.s
	i := l.pos
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '`' || c == '\v' || c == '\f' {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) || isQuote(r) {
			i += n
			continue
		}
		break
	}
	if i >= len(s) {
		l.pos = i
		return token{kind: tEOF, pos: i, end: i}
	}
	start := i
	c := s[i]
	switch {
	case isDigit(c):
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		// Separators belong to the number only when a digit follows, so
		// "84, including" ends the number at "84".
		for i+1 < len(s) && (s[i] == ',' || s[i] == '.') && isDigit(s[i+1]) {
			i++
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		}
		numEnd := i
		for i < len(s) && isASCIILetter(s[i]) {
			i++
		}
		l.pos = i
		return token{kind: tNum, text: s[start:numEnd], suffix: s[numEnd:i], pos: start, end: i}
	case c < utf8.RuneSelf && !isASCIILetter(c):
		l.pos = i + 1
		k := tOther
		switch c {
		case '-':
			k = tDash
		case '+':
			k = tPlus
		case ',':
			k = tComma
		case '.':
			k = tPeriod
		case '/':
			k = tSlash
		case '%':
			k = tPercent
		case '~':
			k = tTilde
		}
		return token{kind: k, text: s[start : i+1], pos: start, end: i + 1}
	}
	if ok, n := letterAt(s, i); ok {
		i += n
		for {
			if ok, n := letterAt(s, i); ok {
				i += n
				continue
			}
			// An apostrophe is part of a word only between letters.
			if i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if r == '\'' || r == '’' {
					if ok, _ := letterAt(s, i+n); ok {
						i += n
						continue
					}
				}
			}
			break
		}
		l.pos = i
		return token{kind: tWord, text: s[start:i], pos: start, end: i}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	l.pos = i + n
	k := tOther
	switch r {
	case '‐', '‑', '‒', '–', '—', '﹣', '－':
		k = tDash
	case '−':
		k = tMinus
	case '％':
		k = tPercent
	case '～':
		k = tTilde
	}
	return token{kind: k, text: s[start : i+n], pos: start, end: i + n}
}

// peek returns the token at pos without moving.
func (l *lexer) peek() token {
	save := l.pos
	t := l.next()
	l.pos = save
	return t
}

// words consumes the given words in order, or nothing at all.
func (l *lexer) words(ws ...string) bool {
	save := l.pos
	for _, w := range ws {
		if !l.next().is(w) {
			l.pos = save
			return false
		}
	}
	return true
}

// skip consumes one token of kind k if it is next.
func (l *lexer) skip(k tkind) bool {
	save := l.pos
	if l.next().kind == k {
		return true
	}
	l.pos = save
	return false
}

// trimPhrase drops surrounding spaces and quotes, for glosses and errors.
func trimPhrase(s string) string {
	i, j := 0, len(s)
	for i < j {
		r, n := utf8.DecodeRuneInString(s[i:j])
		if !isSpace(r) && !isQuote(r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(s[i:j])
		if !isSpace(r) && !isQuote(r) {
			break
		}
		j -= n
	}
	return s[i:j]
}
