package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readTogether gives each file's bytes as they are when read, whatever the
// listing said of its size; a file that is gone is nil.
func TestReadTogether(t *testing.T) {
	dir := t.TempDir()
	contents := map[string]string{
		"empty":  "",
		"small":  "abc",
		"large":  strings.Repeat("0123456789", 100_000),
		"grew":   strings.Repeat("g", 5000),
		"shrank": "s",
	}
	listed := map[string]int64{"empty": 0, "small": 3, "large": 1_000_000, "grew": 10, "shrank": 400, "gone": 7}
	var paths []string
	var sizes []int64
	for _, name := range []string{"empty", "small", "large", "grew", "shrank", "gone"} {
		p := filepath.Join(dir, name)
		if c, ok := contents[name]; ok {
			if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		paths, sizes = append(paths, p), append(sizes, listed[name])
	}
	got := readTogether(paths, sizes)
	for i, p := range paths {
		name := filepath.Base(p)
		want, ok := contents[name]
		switch {
		case !ok && got[i] != nil:
			t.Errorf("%s: got %d bytes of a file that is not there", name, len(got[i]))
		case ok && (got[i] == nil || !bytes.Equal(got[i], []byte(want))):
			t.Errorf("%s: got %d bytes, want the file's %d", name, len(got[i]), len(want))
		}
	}
}
