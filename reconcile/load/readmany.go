package load

import (
	"io"
	"os"
	"unsafe"

	"github.com/crosscheck/crosscheck/internal/workers"
)

// readTogether reads whole files into one allocation, each into a stretch
// of its own, on every core: the cache's shards, tens or hundreds of
// megabytes that a warm run reads before anything else, go into memory
// backed by huge pages where the kernel allows (see hugePages). sizes are
// the files' sizes as a directory listing gave them; a file that has grown
// since is read alone. A file that cannot be read, or is larger than any
// shard crosscheck writes, is nil.
func readTogether(paths []string, sizes []int64) [][]byte {
	const largest = 1 << 30
	off := make([]int, len(paths)+1)
	for i, n := range sizes {
		// One byte more than the size, to see that a file has grown.
		off[i+1] = off[i] + int(min(max(n, 0), largest)) + 1
	}
	buf := make([]byte, off[len(paths)])
	if len(buf) > 0 {
		hugePages(unsafe.Pointer(&buf[0]), uintptr(len(buf)))
	}
	out := make([][]byte, len(paths))
	workers.Each(len(paths), func(i int) {
		window := buf[off[i]:off[i+1]:off[i+1]]
		f, err := os.Open(paths[i])
		if err != nil {
			return
		}
		defer f.Close()
		n, err := io.ReadFull(f, window)
		switch err {
		case io.EOF, io.ErrUnexpectedEOF: // all of it, no larger than listed
			out[i] = window[:n]
		case nil: // it grew
			if data, err := os.ReadFile(paths[i]); err == nil && len(data) <= largest {
				out[i] = data
			}
		}
	})
	return out
}
