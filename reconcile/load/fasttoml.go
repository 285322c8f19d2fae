package load

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// fastDecode decodes the plain subset of TOML that claim files are
// written in (see below) into exactly the values toml.Decode would give
// for the same text, several times faster and with far fewer allocations.
// ok is false as soon as it meets anything outside that subset, or
// anything wrong; the caller then decodes the file with BurntSushi/toml,
// which also words the errors. So the subset only decides speed, never
// the result: FuzzFastDecode holds it to that.
//
// The subset: comments; [table] and [[table]] headers with one bare key;
// key = value lines with one bare key; values that are basic strings
// (with the TOML 1.0 escapes) or literal strings on one line, decimal
// integers, true and false, local dates (YYYY-MM-DD), and arrays of those,
// which may span lines. No dotted or quoted keys, multi-line strings,
// floats, date-times or inline tables: files that use them are still
// read, only not by this function.
//
// src must be valid UTF-8, as parseFile has checked. Strings without
// escapes are substrings of src, not copies.
//
// It also returns the position index indexPositions would build for src.
func fastDecode(src string) (m map[string]any, x *posIndex, ok bool) {
	p := fastParser{s: src, line: 1}
	root := map[string]any{}
	var cur *fields // nil while keys are the root's
	x = &posIndex{tables: map[string][]*tableAt{}}
	rootAt := &tableAt{at: at{1, 1}}
	x.tables[""] = []*tableAt{rootAt}
	curAt := rootAt
	// Every key takes a line and an "=", so the file's tables share room
	// for as many keys as it has of the rarer of the two.
	keys := min(strings.Count(src, "\n"), strings.Count(src, "=")) + 1
	vals, ats := make([]keyedPair[any], keys), make([]keyedPair[at], keys)
	endTable := func() {
		if cur != nil {
			vals, ats = cur.end(vals), curAt.keys.end(ats)
		}
	}
	for {
		if !p.blankLines() {
			return nil, nil, false
		}
		if p.i >= len(p.s) {
			endTable()
			return root, x, true
		}
		start := p.pos()
		if p.s[p.i] == '[' {
			p.i++
			array := p.i < len(p.s) && p.s[p.i] == '['
			if array {
				p.i++
			}
			p.blanks()
			name := p.bareKey()
			x.nested(p.pos())
			p.blanks()
			if name == "" || !p.consume(']') || (array && !p.consume(']')) || !p.endOfLine() {
				return nil, nil, false
			}
			endTable()
			t := &fields{}
			t.begin(vals)
			switch old, exists := root[name]; {
			case !exists && array:
				root[name] = []*fields{t}
			case !exists:
				root[name] = t
			case array:
				a, isArray := old.([]*fields)
				if !isArray {
					return nil, nil, false
				}
				root[name] = append(a, t)
			default:
				return nil, nil, false
			}
			cur = t
			rootAt.keys.put(name, start)
			curAt = &tableAt{at: start}
			curAt.keys.begin(ats)
			x.tables[name] = append(x.tables[name], curAt)
			continue
		}
		key := p.bareKey()
		x.nested(p.pos())
		p.blanks()
		if key == "" || !p.consume('=') {
			return nil, nil, false
		}
		p.blanks()
		v, ok := p.value(true)
		if !ok || !p.endOfLine() {
			return nil, nil, false
		}
		if cur == nil {
			if _, dup := root[key]; dup {
				return nil, nil, false
			}
			root[key] = v
		} else if !cur.put(key, v) {
			return nil, nil, false // a repeated key
		}
		curAt.keys.put(key, start)
	}
}

// nested notes a key or header name ending at p: the subset never nests
// deeper than that.
func (x *posIndex) nested(p at) {
	if x.depth == 0 {
		x.depth, x.deepest = 1, p
	}
}

type fastParser struct {
	s         string
	i         int
	line      int
	lineStart int
}

func (p *fastParser) pos() at { return at{p.line, p.i - p.lineStart + 1} }

func (p *fastParser) consume(c byte) bool {
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *fastParser) blanks() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// comment skips a comment, if one starts here, up to its newline; false
// for a control character in it.
func (p *fastParser) comment() bool {
	if p.i >= len(p.s) || p.s[p.i] != '#' {
		return true
	}
	for p.i++; p.i < len(p.s) && p.s[p.i] != '\n'; p.i++ {
		if c := p.s[p.i]; (c < 0x20 && c != '\t' && !(c == '\r' && p.i+1 < len(p.s) && p.s[p.i+1] == '\n')) || c == 0x7f {
			return false
		}
	}
	return true
}

// newline consumes "\n" or "\r\n".
func (p *fastParser) newline() bool {
	switch {
	case p.consume('\n'):
	case p.i+1 < len(p.s) && p.s[p.i] == '\r' && p.s[p.i+1] == '\n':
		p.i += 2
	default:
		return false
	}
	p.line++
	p.lineStart = p.i
	return true
}

// endOfLine consumes blanks, a comment and the newline (or the end).
func (p *fastParser) endOfLine() bool {
	p.blanks()
	if !p.comment() {
		return false
	}
	return p.i >= len(p.s) || p.newline()
}

// blankLines skips lines holding nothing but blanks and comments, and the
// blanks that start the next line.
func (p *fastParser) blankLines() bool {
	for {
		p.blanks()
		if !p.comment() {
			return false
		}
		if p.i >= len(p.s) {
			return true
		}
		if !p.newline() {
			return p.s[p.i] != '\r'
		}
	}
}

// space skips blanks, comments and newlines, as between array elements.
func (p *fastParser) space() bool { return p.blankLines() }

func (p *fastParser) bareKey() string {
	from := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			break
		}
		p.i++
	}
	return p.s[from:p.i]
}

// value reads a value; arrays only at the top (topLevel), since nested
// arrays are outside the subset.
func (p *fastParser) value(topLevel bool) (any, bool) {
	if p.i >= len(p.s) {
		return nil, false
	}
	switch c := p.s[p.i]; {
	case c == '"':
		return p.basicString()
	case c == '\'':
		return p.literalString()
	case c == '[' && topLevel:
		return p.array()
	case c == 't' || c == 'f':
		return p.boolean()
	case '0' <= c && c <= '9' || c == '+' || c == '-':
		return p.numberOrDate()
	}
	return nil, false
}

func (p *fastParser) array() (any, bool) {
	p.i++ // [
	out := make([]any, 0, 2)
	for {
		if !p.space() {
			return nil, false
		}
		if p.consume(']') {
			return out, true
		}
		v, ok := p.value(false)
		if !ok {
			return nil, false
		}
		out = append(out, v)
		if !p.space() {
			return nil, false
		}
		if p.consume(']') {
			return out, true
		}
		if !p.consume(',') {
			return nil, false
		}
	}
}

func (p *fastParser) literalString() (any, bool) {
	if strings.HasPrefix(p.s[p.i:], "'''") {
		return nil, false
	}
	from := p.i + 1
	for p.i = from; p.i < len(p.s); p.i++ {
		switch c := p.s[p.i]; {
		case c == '\'':
			p.i++
			return p.s[from : p.i-1], true
		case c < 0x20 && c != '\t' || c == 0x7f:
			return nil, false
		}
	}
	return nil, false
}

func (p *fastParser) basicString() (any, bool) {
	if strings.HasPrefix(p.s[p.i:], `"""`) {
		return nil, false
	}
	from := p.i + 1
	for p.i = from; p.i < len(p.s); p.i++ {
		switch c := p.s[p.i]; {
		case c == '"':
			p.i++
			return p.s[from : p.i-1], true
		case c == '\\':
			return p.escapedString(from)
		case c < 0x20 && c != '\t' || c == 0x7f:
			return nil, false
		}
	}
	return nil, false
}

// escapedString continues a basic string from the first backslash,
// building the value.
func (p *fastParser) escapedString(from int) (any, bool) {
	var b strings.Builder
	b.Grow(p.i - from + 16)
	b.WriteString(p.s[from:p.i])
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String(), true
		case c < 0x20 && c != '\t' || c == 0x7f:
			return nil, false
		case c != '\\':
			b.WriteByte(c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.s) {
			return nil, false
		}
		e := p.s[p.i+1]
		p.i += 2
		switch e {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case '"':
			b.WriteByte('"')
		case '\\':
			b.WriteByte('\\')
		case 'u', 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			if p.i+n > len(p.s) {
				return nil, false
			}
			hex := p.s[p.i : p.i+n]
			for i := 0; i < n; i++ {
				if !isHex(hex[i]) {
					return nil, false
				}
			}
			r, err := strconv.ParseUint(hex, 16, 32)
			if err != nil || !utf8.ValidRune(rune(r)) {
				return nil, false
			}
			b.WriteRune(rune(r))
			p.i += n
		default:
			return nil, false
		}
	}
	return nil, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// delimiter reports whether a bare value may end before s[i].
func (p *fastParser) delimiter() bool {
	if p.i >= len(p.s) {
		return true
	}
	switch p.s[p.i] {
	case ' ', '\t', '\n', '\r', '#', ',', ']':
		return true
	}
	return false
}

func (p *fastParser) boolean() (any, bool) {
	var v bool
	switch {
	case strings.HasPrefix(p.s[p.i:], "true"):
		p.i += 4
		v = true
	case strings.HasPrefix(p.s[p.i:], "false"):
		p.i += 5
	default:
		return nil, false
	}
	return v, p.delimiter()
}

// localDate is the location BurntSushi/toml gives local dates, which is
// how the loader tells them from date-times.
var localDate = func() *time.Location {
	var m map[string]any
	if _, err := toml.Decode("d = 2000-01-01", &m); err != nil {
		panic(err)
	}
	return m["d"].(time.Time).Location()
}()

func (p *fastParser) numberOrDate() (any, bool) {
	from := p.i
	for p.i < len(p.s) && !p.delimiter() {
		p.i++
	}
	tok := p.s[from:p.i]
	if len(tok) == 10 && tok[4] == '-' && tok[7] == '-' {
		y, ok1 := digits(tok[0:4])
		m, ok2 := digits(tok[5:7])
		d, ok3 := digits(tok[8:10])
		if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
			return nil, false
		}
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, localDate), true
	}
	// A decimal integer: an optional sign, then 0 or digits not starting
	// with 0, short enough that it cannot overflow.
	body := tok
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	if body == "" || len(body) > 18 || (body[0] == '0' && len(body) > 1) {
		return nil, false
	}
	if _, ok := digits(body); !ok {
		return nil, false
	}
	n, err := strconv.ParseInt(tok, 10, 64)
	if err != nil {
		return nil, false
	}
	return n, true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, s != ""
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
