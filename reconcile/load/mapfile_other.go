//go:build !unix

package load

import "os"

// readCacheFile gives the bytes of a cache file; see mapfile_unix.go for
// why they are mapped where that is possible.
func readCacheFile(path string) (data []byte, release func(), err error) {
	data, err = os.ReadFile(path)
	return data, func() {}, err
}
