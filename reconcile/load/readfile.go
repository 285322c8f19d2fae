package load

import "sync"

// Reading the files is most of what a run does once the cache holds
// their results, and os.ReadFile (with the os.Stat readRegular puts in
// front of it) costs several system calls a file. readFast opens, reads
// and closes with nothing else; whenever anything about the file is not
// plain (an error, a file that is not regular, one too large) it gives
// up, and the caller goes through readRegular, which then says exactly
// what it always said.

// scratch holds read buffers: a file is read into one, then copied out
// at its exact size, since what is read stays in memory for the run.
var scratch = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// readFast reads a file believed to be regular. size is its size if
// known (from an lstat), or -1.
func readFast(path string, size int64) ([]byte, bool) {
	if size > MaxFileSize {
		return nil, false
	}
	if size >= 0 {
		// Room for one byte more than expected, so that a file which
		// grew is noticed rather than cut.
		buf := make([]byte, size+1)
		n, ok := readAll(path, buf)
		if !ok || n > int(size) {
			return nil, false
		}
		return buf[:n:n], true
	}
	bp := scratch.Get().(*[]byte)
	defer scratch.Put(bp)
	n, ok := readAll(path, *bp)
	if !ok || n == len(*bp) {
		return nil, false // or larger than the buffer: let os.ReadFile do it
	}
	out := make([]byte, n)
	copy(out, (*bp)[:n])
	return out, true
}
