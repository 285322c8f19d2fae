package load

import (
	"os"
	"path/filepath"
	"testing"
)

// A file looked up by its name in its open directory has the stamp it
// has by path; only regular files have one, and a symbolic link is
// followed, as by path.
func TestStatInOpenDirectory(t *testing.T) {
	if !stampsKnown {
		t.Skip("no stamps on this system: every file is read")
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.toml"), "title = \"a\"\n")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.toml", filepath.Join(dir, "link.toml")); err != nil {
		t.Fatal(err)
	}
	in := openDir(dir)
	if !in.open() {
		t.Fatal("the directory did not open")
	}
	defer in.close()
	for _, name := range []string{"a.toml", "link.toml"} {
		want, ok := statStamp(filepath.Join(dir, name))
		if !ok {
			t.Fatalf("%s has no stamp by path", name)
		}
		if got, ok := in.stat(name); !ok || got != want {
			t.Errorf("%s in its directory: %+v, %v; by path %+v", name, got, ok, want)
		}
	}
	for _, name := range []string{"sub", "missing.toml"} {
		if got, ok := in.stat(name); ok {
			t.Errorf("%s has a stamp in its directory: %+v; only a regular file has one", name, got)
		}
	}
}

// However many directories a corpus has, no more than maxOpenDirs are
// open at once; beyond that their files are looked up by path.
func TestOpenDirectoriesBounded(t *testing.T) {
	if !stampsKnown {
		t.Skip("no stamps on this system: every file is read")
	}
	dir := t.TempDir()
	var held []dirFD
	for range maxOpenDirs {
		in := openDir(dir)
		if !in.open() {
			t.Fatalf("directory %d of %d did not open", len(held)+1, maxOpenDirs)
		}
		held = append(held, in)
	}
	if in := openDir(dir); in.open() {
		in.close()
		t.Fatalf("directory %d opened: no more than %d at once", maxOpenDirs+1, maxOpenDirs)
	}
	held[0].close()
	again := openDir(dir)
	if !again.open() {
		t.Fatal("a directory did not open once one of the others was closed")
	}
	again.close()
	for _, in := range held[1:] {
		in.close()
	}
	if n := openDirs.Load(); n != 0 {
		t.Fatalf("%d directories counted open after all were closed", n)
	}
	if in := openDir(filepath.Join(dir, "missing")); in.open() {
		in.close()
		t.Fatal("a directory that does not exist opened")
	}
	if n := openDirs.Load(); n != 0 {
		t.Fatalf("a directory that failed to open is counted open (%d)", n)
	}
}

// The files the walk found are looked at in runs of one directory each,
// no longer than asked, covering every file once and in order.
func TestDirRuns(t *testing.T) {
	var files []walked
	for _, rel := range []string{"a.toml", "b.toml", "s/0/x.toml", "s/0/y.toml", "s/0/z.toml", "s/1/x.toml", "s/10/x.toml", "t.toml"} {
		files = append(files, walked{rel: rel})
	}
	runs := dirRuns(files, 2)
	want := [][2]int{{0, 2}, {2, 4}, {4, 5}, {5, 6}, {6, 7}, {7, 8}}
	if len(runs) != len(want) {
		t.Fatalf("runs %v, want %v", runs, want)
	}
	for i := range want {
		if runs[i] != want[i] {
			t.Fatalf("runs %v, want %v", runs, want)
		}
	}
	if runs := dirRuns(nil, 2); len(runs) != 0 {
		t.Errorf("no files: runs %v", runs)
	}
}
