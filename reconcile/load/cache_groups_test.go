package load

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
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

	// A full run reads every file before it asks for any group.
	g = openGroups(dir)
	g.start(ctx)
	<-g.prefetch()
	if n := shardsRead(g); n != written {
		t.Errorf("a full run read %d of %d files", n, written)
	}
	// Every group is still there, the new one too.
	for i := range groups + 1 {
		want := fmt.Sprintf("result %d", i)
		if i == groups {
			want = "new"
		}
		if r, ok := g.Get(groupKeyN(i)); !ok || r != want {
			t.Fatalf("after the incremental run, Get(%d) = %q, %v; want %q", i, r, ok, want)
		}
	}

	// Under another context nothing is taken.
	g = openGroups(dir)
	g.start([32]byte{2})
	if _, ok := g.Get(groupKeyN(7)); ok {
		t.Error("a group was taken from the cache under another context")
	}
}

// Files are taken for group files on their names until they are read:
// names of a layout save never writes are not, so a stray or crafted file
// cannot make a run index outside its layout.
func TestGroupStoreIgnoresOtherNames(t *testing.T) {
	for _, name := range []string{"groups--1-of-1.bin", "groups-0-of-0.bin", "groups-0-of-4294967296.bin",
		"groups-0-of-3.bin", "groups-5-of-4.bin", "groups-0-of-128.bin", "groups-00-of-1.bin"} {
		for _, keepAll := range []bool{false, true} {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, name), []byte("not a group file"), 0o600); err != nil {
				t.Fatal(err)
			}
			g := openGroups(dir)
			g.keepAll = keepAll
			g.start([32]byte{1})
			if len(g.shards) != 0 {
				t.Errorf("%s was taken for a group file", name)
			}
			if _, ok := g.Get(groupKeyN(1)); ok {
				t.Errorf("%s: a group was found", name)
			}
			g.Put(groupKeyN(1), []byte("r"))
			if n := g.save(); n != 1 {
				t.Errorf("%s: save wrote %d files, want 1", name, n)
			}
		}
	}
}
