//go:build unix

package load

import (
	"os"
	"syscall"
)

// readCacheFile gives the bytes of a cache file. They are mapped, not
// read: a check that the cache spares most of its work spends much of
// what is left copying the cache's tens of megabytes into fresh memory,
// which costs a page fault every 4 KB, where a mapping shares the pages
// the kernel already holds. What is decoded from them points into the
// mapping, so it is never unmapped; that is safe because crosscheck never
// changes a cache file in place (writeAtomic makes a new file and renames
// it over the old one, which stays whole for as long as it is mapped).
// (Something else truncating a cache file in place would make reading
// what was decoded from it fault.) A file that fails its checks is
// released at once; a program that loads many times keeps one mapping
// per cache file it used, each load. Anything that stands in the way of
// a mapping falls back to reading.
func readCacheFile(path string) (data []byte, release func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	size := st.Size()
	if size > 0 && size == int64(int(size)) && st.Mode().IsRegular() {
		if data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED); err == nil {
			return data, func() { syscall.Munmap(data) }, nil
		}
	}
	data, err = os.ReadFile(path)
	return data, func() {}, err
}
