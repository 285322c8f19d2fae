package load

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Sources verified against one text at the same time share its
// normalised form; once none holds it, it may go, and a source citing the
// text later reads it again and is verified against, and keyed by, what
// it reads then.
func TestNormalisedTextIsSharedWhileHeld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "text.txt")
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("The  toll rose\nto 91.")
	a := &archived{real: path}

	first := a.normalised(true)
	if first.err != "" || first.text != "The toll rose to 91." {
		t.Fatalf("normalised = %q, problem %q; want %q", first.text, first.err, "The toll rose to 91.")
	}
	if first.sum != sha256.Sum256([]byte("The  toll rose\nto 91.")) {
		t.Errorf("the sum is not of the text's bytes")
	}
	// Held: a second source gets the same, without reading the file
	// again, even though it has changed since.
	write("The toll rose to 95.")
	if again := a.normalised(true); again != first {
		t.Errorf("a text held by one source was read again for another: %q", again.text)
	}
	runtime.KeepAlive(first)

	// No longer held: once collected, the next source reads what the
	// file says now.
	first = nil
	var later *normText
	for range 5 {
		runtime.GC()
		if later = a.normalised(true); later.text != "The toll rose to 91." {
			break
		}
		later = nil
	}
	if later == nil {
		t.Fatal("the normalised text was kept after no source held it, through five collections")
	}
	if later.text != "The toll rose to 95." || later.sum != sha256.Sum256([]byte("The toll rose to 95.")) {
		t.Errorf("read again: %q; want the file as it is now, with its sum", later.text)
	}
}

// A text already in normal form is returned as a string of its own, not
// one over the buffer it was read into, which the next read reuses.
func TestNormalisedTextOwnsItsBytes(t *testing.T) {
	dir := t.TempDir()
	var held []*normText
	for _, s := range []string{"Already normal.", "Also normal, and longer than the first."} {
		p := filepath.Join(dir, s[:4]+".txt")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		held = append(held, (&archived{real: p}).normalised(false))
	}
	if held[0].text != "Already normal." || held[1].text != "Also normal, and longer than the first." {
		t.Errorf("texts read one after the other: %q, %q", held[0].text, held[1].text)
	}
}
