package load

import (
	"strconv"
	"strings"
)

// BurntSushi/toml reports where a syntax error is but not where each key of
// each [[claim]] is, and problems must point at the offending key of the
// third claim, not at the file. So, after a successful parse, the file is
// scanned once more by this small lexer, which knows just enough TOML
// (headers, keys, strings of all four kinds, comments, nested brackets) to
// record where every table instance and every key in it starts. It never
// needs to understand values, only to skip them.

type at struct{ line, col int }

// tableAt is one table instance: the root table, a [table], or one
// element of an [[array]].
type tableAt struct {
	at
	keys keyed[at] // first segment of each key defined in it
}

type posIndex struct {
	tables map[string][]*tableAt // header path ("claim", "source") → instances
	// deepest is where values or keys nest deepest, and depth how deep:
	// the TOML decoder recurses once per level, so a file of a million
	// "[" would overflow the stack, which no recover() can catch.
	depth   int
	deepest at
}

// table returns the n-th (0-based) instance of the table at path, or nil.
func (x *posIndex) table(path string, n int) *tableAt {
	if x == nil {
		return nil
	}
	if ts := x.tables[path]; n >= 0 && n < len(ts) {
		return ts[n]
	}
	return nil
}

// maxDepth bounds nesting, far above what any claims file needs.
const maxDepth = 100

// header is where the n-th instance of path starts: its header line, or
// where the root table names it (an inline array of tables), or the top.
func (x *posIndex) header(path string, n int) at {
	if t := x.table(path, n); t != nil {
		return t.at
	}
	if root := x.table("", 0); root != nil && path != "" {
		first, _, _ := strings.Cut(path, ".")
		if p, ok := root.keys.get(first); ok {
			return p
		}
	}
	return at{1, 1}
}

// key is where key is defined in the n-th instance of path, or the
// instance's header when it is not (a missing key is reported there).
func (x *posIndex) key(path string, n int, key string) (at, bool) {
	if t := x.table(path, n); t != nil {
		if p, ok := t.keys.get(key); ok {
			return p, true
		}
	}
	return x.header(path, n), false
}

type lexer struct {
	src       string
	i         int
	line      int
	lineStart int
	x         *posIndex
}

func (l *lexer) nest(depth int) {
	if depth > l.x.depth {
		l.x.depth = depth
		if depth <= maxDepth+1 {
			l.x.deepest = l.pos() // where it first went too deep
		}
	}
}

func (l *lexer) eof() bool         { return l.i >= len(l.src) }
func (l *lexer) peek() byte        { return l.src[l.i] }
func (l *lexer) has(s string) bool { return strings.HasPrefix(l.src[l.i:], s) }
func (l *lexer) pos() at           { return at{l.line, l.i - l.lineStart + 1} }

func (l *lexer) newline() {
	l.i++
	l.line++
	l.lineStart = l.i
}

func (l *lexer) blanks() {
	for !l.eof() && (l.peek() == ' ' || l.peek() == '\t') {
		l.i++
	}
}

// restOfLine skips to the end of the line (not past the newline).
func (l *lexer) restOfLine() {
	for !l.eof() && l.peek() != '\n' {
		l.i++
	}
}

func indexPositions(src string) *posIndex {
	x := &posIndex{tables: map[string][]*tableAt{}}
	root := &tableAt{at: at{1, 1}}
	x.tables[""] = []*tableAt{root}
	cur := root
	l := &lexer{src: src, line: 1, x: x}
	for !l.eof() {
		start := l.i
		l.blanks()
		if l.eof() {
			break
		}
		switch c := l.peek(); {
		case c == '\n':
			l.newline()
		case c == '\r':
			l.i++
		case c == '#':
			l.restOfLine()
		case c == '[':
			p := l.pos()
			l.i++
			if !l.eof() && l.peek() == '[' {
				l.i++
			}
			segs := l.keyPath()
			l.restOfLine() // the closing brackets and any comment
			path := strings.Join(segs, ".")
			// A header is also a key of the tables above it: [claim.x]
			// defines key "x" of the latest claim, [sources] a key of
			// the root, which is where "unknown table" points.
			for k := range min(len(segs), maxDepth+1) { // deeper is refused anyway
				parent := strings.Join(segs[:k], ".")
				if ts := x.tables[parent]; len(ts) > 0 {
					last := ts[len(ts)-1]
					last.keys.put(segs[k], p)
				}
			}
			cur = &tableAt{at: p}
			x.tables[path] = append(x.tables[path], cur)
		default:
			p := l.pos()
			segs := l.keyPath()
			if len(segs) > 0 {
				cur.keys.put(segs[0], p)
			}
			l.blanks()
			if !l.eof() && l.peek() == '=' {
				l.i++
			}
			l.value()
		}
		if l.i == start {
			l.i++ // whatever it is, never loop on it
		}
	}
	return x
}

// keyPath reads a possibly dotted, possibly quoted key.
func (l *lexer) keyPath() []string {
	var segs []string
	for {
		l.blanks()
		if l.eof() {
			return segs
		}
		switch l.peek() {
		case '"':
			segs = append(segs, l.basicKey())
		case '\'':
			l.i++
			from := l.i
			for !l.eof() && l.peek() != '\'' && l.peek() != '\n' {
				l.i++
			}
			segs = append(segs, l.src[from:l.i])
			if !l.eof() && l.peek() == '\'' {
				l.i++
			}
		default:
			from := l.i
			for !l.eof() && !strings.ContainsRune(" \t.=]#\"'\r\n", rune(l.peek())) {
				l.i++
			}
			if l.i == from {
				return segs
			}
			segs = append(segs, l.src[from:l.i])
		}
		l.nest(len(segs))
		l.blanks()
		if l.eof() || l.peek() != '.' {
			return segs
		}
		l.i++
	}
}

func (l *lexer) basicKey() string {
	l.i++
	from := l.i
	for !l.eof() && l.peek() != '"' && l.peek() != '\n' {
		if l.peek() == '\\' {
			l.i++
		}
		l.i++
	}
	raw := l.src[from:min(l.i, len(l.src))]
	if !l.eof() && l.peek() == '"' {
		l.i++
	}
	if s, err := strconv.Unquote(`"` + raw + `"`); err == nil {
		return s
	}
	return raw
}

// value skips a value, which may span lines inside brackets or
// multi-line strings, and stops before the newline that ends it.
func (l *lexer) value() {
	depth := 0
	for !l.eof() {
		switch c := l.peek(); {
		case l.has(`"""`):
			l.multiline(`"""`, true)
		case l.has(`'''`):
			l.multiline(`'''`, false)
		case c == '"':
			l.i++
			for !l.eof() && l.peek() != '"' && l.peek() != '\n' {
				if l.peek() == '\\' {
					l.i++
				}
				l.i++
			}
			if !l.eof() && l.peek() == '"' {
				l.i++
			}
		case c == '\'':
			l.i++
			for !l.eof() && l.peek() != '\'' && l.peek() != '\n' {
				l.i++
			}
			if !l.eof() && l.peek() == '\'' {
				l.i++
			}
		case c == '#':
			l.restOfLine()
		case c == '[' || c == '{':
			depth++
			l.nest(depth)
			l.i++
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
			l.i++
		case c == '\n':
			if depth == 0 {
				return
			}
			l.newline()
		default:
			l.i++
		}
	}
}

func (l *lexer) multiline(delim string, escapes bool) {
	l.i += 3
	for !l.eof() {
		switch {
		case escapes && l.peek() == '\\':
			l.i++
			if !l.eof() && l.peek() == '\n' {
				l.newline()
			} else {
				l.i++
			}
		case l.has(delim):
			l.i += 3
			// Up to two more quote marks belong to the content: """a""""".
			for n := 0; n < 2 && !l.eof() && l.peek() == delim[0]; n++ {
				l.i++
			}
			return
		case l.peek() == '\n':
			l.newline()
		default:
			l.i++
		}
	}
}
