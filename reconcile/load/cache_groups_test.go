package load

import (
	"crypto/sha256"
	"fmt"
	"testing"
)

// groupKeyN is a made-up group key.
func groupKeyN(i int) [32]byte { return sha256.Sum256(fmt.Appendf(nil, "group %d", i)) }

// shardsRead counts the store's files that were read and trusted.
func shardsRead(g *groupStore) (read int) {
	for _, sh := range g.shards {
		if sh.entries != nil {
			read++
		}
	}
	return read
}

// An incremental check asks the store for a few groups and adds a few:
// it reads and rewrites only the files those belong in, and keeps every
// other group for the next run. A run that reconciles everything reads
// them all.
func TestGroupStoreReadsOnlyWhatItNeeds(t *testing.T) {
	dir := t.TempDir()
	ctx := [32]byte{1}
	const groups = 5000 // several files: about 512 a file
	g := openGroups(dir)
	g.start(ctx)
	for i := range groups {
		g.Put(groupKeyN(i), fmt.Appendf(nil, "result %d", i))
	}
	written := g.save()
	if written < 4 {
		t.Fatalf("%d groups went into %d files, want several", groups, written)
	}

	// Incremental: one group asked for, one new.
	g = openGroups(dir)
	g.keepAll = true
	g.start(ctx)
	if r, ok := g.Get(groupKeyN(7)); !ok || r != "result 7" {
		t.Fatalf("Get(7) = %q, %v", r, ok)
	}
	if n := shardsRead(g); n != 1 {
		t.Errorf("asking for one group read %d of %d files, want 1", n, written)
	}
	g.Put(groupKeyN(groups), []byte("new"))
	if n := g.save(); n != 1 {
		t.Errorf("one new group rewrote %d files, want 1", n)
	}
	if n := shardsRead(g); n > 2 {
		t.Errorf("the incremental run read %d of %d files, want at most 2", n, written)
	}

	// Every group is still there, the new one too, and a full run reads
	// every file.
	g = openGroups(dir)
	g.start(ctx)
	g.prefetch()
	for i := range groups + 1 {
		want := fmt.Sprintf("result %d", i)
		if i == groups {
			want = "new"
		}
		if r, ok := g.Get(groupKeyN(i)); !ok || r != want {
			t.Fatalf("after the incremental run, Get(%d) = %q, %v; want %q", i, r, ok, want)
		}
	}
	if n := shardsRead(g); n != written {
		t.Errorf("a full run read %d of %d files", n, written)
	}

	// Under another context nothing is taken.
	g = openGroups(dir)
	g.start([32]byte{2})
	if _, ok := g.Get(groupKeyN(7)); ok {
		t.Error("a group was taken from the cache under another context")
	}
}
