//go:build linux

package load

import "golang.org/x/sys/unix"

// On Linux every local file system keeps a change time that moves with
// each write and that no program can set back: the stamp relies on it.
// (A network or FUSE file system that does not, or whose clock is more
// than stampSlack behind this machine's, can defeat stamps as it defeats
// git's index; --no-cache reads everything.)
const stampsKnown = true

func statStamp(path string) (stamp, bool) { return stampFrom(unix.AT_FDCWD, path) }

// openDir opens the directory at path for looking files up in it (see
// dirFD); notOpen if it cannot, or if maxOpenDirs are open already.
// Close it when done.
func openDir(path string) dirFD {
	if openDirs.Add(1) > maxOpenDirs {
		openDirs.Add(-1)
		return notOpen
	}
	fd, err := unix.Open(path, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	for err == unix.EINTR {
		fd, err = unix.Open(path, unix.O_PATH|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	}
	if err != nil {
		openDirs.Add(-1)
		return notOpen
	}
	return dirFD(fd + 1)
}

func (d dirFD) close() {
	if d.open() {
		unix.Close(d.fd())
		openDirs.Add(-1)
	}
}

// stat is statStamp of the file name in d, which is open.
func (d dirFD) stat(name string) (stamp, bool) { return stampFrom(d.fd(), name) }

// fdStamp is the stamp of an open file, taken before reading it.
func fdStamp(fd int) stamp {
	s, _ := stampFrom(fd, "")
	return s
}

// stampFrom makes a stamp from what stat says of path in the directory
// open as fd (unix.AT_FDCWD: the working directory), or of the open file
// fd itself if path is "", retried when a signal interrupts it; only a
// regular file has one. (It runs for every file: st stays off the heap.)
func stampFrom(fd int, path string) (stamp, bool) {
	var st unix.Stat_t
	stat := func() error {
		if path == "" {
			return unix.Fstat(fd, &st)
		}
		return unix.Fstatat(fd, path, &st, 0)
	}
	err := stat()
	for err == unix.EINTR {
		err = stat()
	}
	if err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return stamp{}, false
	}
	return stamp{
		size:  int64(st.Size),
		mtime: st.Mtim.Nano(),
		ctime: st.Ctim.Nano(),
		ino:   uint64(st.Ino),
		dev:   uint64(st.Dev),
	}, true
}
