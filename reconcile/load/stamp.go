package load

import (
	"sync/atomic"
	"time"
)

// A warm run should not have to read a file to learn that it has not
// changed. Like git's index, the cache keeps, beside each file's content
// hash, a stamp of what the file system says about it (size, times, inode)
// as of when it was read, and trusts an identical stamp instead of reading
// and hashing the file again.
//
// A stamp proves nothing about a file changed in the same clock tick as
// the stamp was taken (a write within the file system's timestamp
// granularity leaves the times as they were), so a stamp is only trusted
// once it is settled: its times are older than when it was taken by more
// than stampSlack. A file written just before a run is read and hashed
// then, and its stamp trusted from the next run on. The content hash stays
// the key: a stamp only ever saves reading a file whose hash is already
// known.

// stamp is a file's metadata as of one stat; the zero stamp is unknown
// (the platform gives no change time, or the file was not stat'ed) and
// matches nothing.
type stamp struct {
	size         int64
	mtime, ctime int64 // nanoseconds since the epoch
	ino, dev     uint64
}

// stampSlack covers file systems whose times are coarse (FAT: two
// seconds) and small differences between the clock and the file system's.
const stampSlack = int64(2 * time.Second)

func (s stamp) known() bool { return s != stamp{} }

// settled reports whether s, taken no earlier than at (nanoseconds since
// the epoch), can be trusted to change whenever the file's bytes do.
func (s stamp) settled(at int64) bool {
	return s.known() && s.ctime < at-stampSlack && s.mtime < at-stampSlack
}

// unchanged reports whether the file at path still has stamp s, taken at
// at: if so its bytes are the ones read when s was taken. in is the
// directory the file is in, open, and name its name there; if in is not
// open, the file is looked up by path.
func unchanged(in dirFD, name, path string, s stamp, at int64) bool {
	if !s.settled(at) {
		return false
	}
	var now stamp
	var ok bool
	if in.open() {
		now, ok = in.stat(name)
	} else {
		now, ok = statStamp(path)
	}
	return ok && now == s
}

// A dirFD is a directory open to look its files up by name: a stat by one
// name in an open directory costs about a third less than one by a whole
// path (2.0 against 3.0 microseconds on the machine in
// docs/performance.md), and a check after a change stats every source
// and every text. A directory is kept open only while its files are
// looked at (openDir), and no more than maxOpenDirs at once, so that a
// corpus of many directories cannot run the process out of files: beyond
// that, files are looked up by path.
type dirFD int // the descriptor plus one: the zero dirFD is not open

// notOpen is a dirFD whose files are looked up by path.
const notOpen dirFD = 0

const maxOpenDirs = 256

var openDirs atomic.Int32

func (d dirFD) open() bool { return d > 0 }

func (d dirFD) fd() int { return int(d) - 1 }
