//go:build linux

package load

import (
	"io/fs"
	"syscall"
)

// On Linux every local file system keeps a change time that moves with
// each write and that no program can set back: the stamp relies on it.
// (A network or FUSE file system that does not, or whose clock is more
// than stampSlack behind this machine's, can defeat stamps as it defeats
// git's index; --no-cache reads everything.)
const stampsKnown = true

func statStamp(path string) (stamp, bool) {
	return stampFrom(func(st *syscall.Stat_t) error { return syscall.Stat(path, st) })
}

// fdStamp is the stamp of an open file, taken before reading it.
func fdStamp(fd int) stamp {
	s, _ := stampFrom(func(st *syscall.Stat_t) error { return syscall.Fstat(fd, st) })
	return s
}

// stampFrom makes a stamp from what stat says, retried when a signal
// interrupts it; only a regular file has one.
func stampFrom(stat func(*syscall.Stat_t) error) (stamp, bool) {
	var st syscall.Stat_t
	err := stat(&st)
	for err == syscall.EINTR {
		err = stat(&st)
	}
	if err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return stamp{}, false
	}
	return stampOf(&st), true
}

// infoStamp is the stamp in what os.Stat returned.
func infoStamp(fi fs.FileInfo) stamp {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && fi.Mode().IsRegular() {
		return stampOf(st)
	}
	return stamp{}
}

func stampOf(st *syscall.Stat_t) stamp {
	return stamp{
		size:  int64(st.Size),
		mtime: st.Mtim.Nano(),
		ctime: st.Ctim.Nano(),
		ino:   uint64(st.Ino),
		dev:   uint64(st.Dev),
	}
}
