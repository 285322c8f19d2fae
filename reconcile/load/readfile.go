package load

import (
	"bytes"
	"sync"
	"unsafe"
)

// Reading the files is most of what a run does once the cache holds
// their results, and os.ReadFile (with the os.Stat readRegular puts in
// front of it) costs several system calls a file. readFast opens, reads
// and closes with nothing else; whenever anything about the file is not
// plain (an error, a file that is not regular, one too large) it gives
// up, and the caller goes through readRegular, which then says exactly
// what it always said.

// scratch holds read buffers: a file is read into one, then hashed, and
// copied out at its exact size only if it is to be parsed, since what is
// parsed stays in memory for the run.
var scratch = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// readFast reads a file believed to be regular into memory of its own.
func readFast(path string) ([]byte, stamp, bool) {
	var out []byte
	st, ok := readScratch(path, func(b []byte) { out = bytes.Clone(b) })
	return out, st, ok
}

// readScratch reads a file believed to be regular into a scratch buffer
// and calls use with its bytes, which are good only during the call: a
// file that is only hashed needs no memory of its own. It returns the
// file's stamp from before it was read.
func readScratch(path string, use func([]byte)) (stamp, bool) {
	bp := scratch.Get().(*[]byte)
	defer scratch.Put(bp)
	n, st, ok := readAll(path, *bp)
	if !ok || n == len(*bp) {
		return stamp{}, false // or larger than the buffer: let os.ReadFile do it
	}
	use((*bp)[:n])
	return st, true
}

// compactStrings copies every string of r that lies in data (decoded
// from the file without copying) into one allocation of their own, so
// that the file's bytes (keys, headers, blanks and all) need not stay in
// memory for as long as the claims do.
func compactStrings(data []byte, r *sourceResult) {
	if len(data) == 0 {
		return
	}
	c := compactor{lo: uintptr(unsafe.Pointer(unsafe.SliceData(data)))}
	c.hi = c.lo + uintptr(len(data))
	for pass := 0; pass < 2; pass++ {
		src := &r.src
		c.str(&src.ID)
		c.str(&src.Title)
		c.str(&src.Outlet)
		c.str(&src.URL)
		c.str(&src.Published)
		c.str(&src.Kind)
		c.str(&src.Language)
		c.str(&src.Text)
		c.str(&src.File)
		c.str(&r.textRaw)
		for i := range src.Authors {
			c.str(&src.Authors[i])
		}
		for i := range r.claims {
			cl := &r.claims[i]
			c.str(&cl.ID)
			c.str(&cl.Source)
			c.str(&cl.Event)
			c.str(&cl.Property)
			c.str(&cl.Value)
			c.str(&cl.Quote)
			c.str(&cl.AttributedTo)
			c.str(&cl.Authority)
			c.str(&cl.Hedge)
			c.str(&cl.Note)
			c.str(&cl.AsOfText)
			c.str(&cl.Reading.Gloss)
			for k := range cl.Reading.Terms {
				c.str(&cl.Reading.Terms[k])
			}
		}
		if c.n == 0 {
			return
		}
		if pass == 0 {
			c.arena = make([]byte, 0, c.n)
		}
	}
}

// compactor counts (arena nil) or copies (arena made) the strings in
// [lo, hi). Strings that are the same stretch of the file (a claim's
// source is the source's id) are copied once: the last few stretches are
// remembered.
type compactor struct {
	lo, hi uintptr
	n      int
	arena  []byte
	recent [8]struct {
		p uintptr
		s string
	}
	next int
}

func (c *compactor) str(p *string) {
	s := *p
	at := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if len(s) == 0 || at < c.lo || at >= c.hi {
		return
	}
	for _, r := range c.recent {
		if r.p == at && len(r.s) == len(s) {
			if c.arena != nil {
				*p = r.s
			}
			return
		}
	}
	var copied string
	if c.arena == nil {
		c.n += len(s)
		copied = s
	} else {
		start := len(c.arena)
		c.arena = append(c.arena, s...)
		copied = unsafe.String(&c.arena[start], len(s))
		*p = copied
	}
	c.recent[c.next] = struct {
		p uintptr
		s string
	}{at, copied}
	c.next = (c.next + 1) % len(c.recent)
}
