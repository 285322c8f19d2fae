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
// Anything that stands in the way of a mapping falls back to reading.
func readCacheFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if size == 0 || size != int64(int(size)) || !st.Mode().IsRegular() {
		return os.ReadFile(path)
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return os.ReadFile(path)
	}
	return data, nil
}
