package load

import (
	"bytes"
	"sync"
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
func readFast(path string) ([]byte, bool) {
	var out []byte
	ok := readScratch(path, func(b []byte) { out = bytes.Clone(b) })
	return out, ok
}

// readScratch reads a file believed to be regular into a scratch buffer
// and calls use with its bytes, which are good only during the call: a
// file that is only hashed needs no memory of its own.
func readScratch(path string, use func([]byte)) bool {
	bp := scratch.Get().(*[]byte)
	defer scratch.Put(bp)
	n, ok := readAll(path, *bp)
	if !ok || n == len(*bp) {
		return false // or larger than the buffer: let os.ReadFile do it
	}
	use((*bp)[:n])
	return true
}
