//go:build unix

package load

import "syscall"

// readAll reads the file at path into buf, returning how much it holds
// and its stamp from before it was read; ok is false on any error, or when
// the file does not fit (n == len(buf) then, which callers treat as not
// read).
func readAll(path string, buf []byte) (n int, st stamp, ok bool) {
	var fd int
	var err error
	for {
		// O_NONBLOCK: should the file have become a named pipe since
		// it was listed, opening it must not wait for a writer.
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return 0, stamp{}, false
	}
	defer syscall.Close(fd)
	st = fdStamp(fd)
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, stamp{}, false
		case m == 0:
			return n, st, true
		}
		n += m
	}
	return n, st, true
}
