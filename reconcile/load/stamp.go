package load

import "time"

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
// at: if so its bytes are the ones read when s was taken.
func unchanged(path string, s stamp, at int64) bool {
	if !s.settled(at) {
		return false
	}
	now, ok := statStamp(path)
	return ok && now == s
}
