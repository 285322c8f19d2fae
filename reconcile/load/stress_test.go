package load

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

// TestStress is FuzzLoadSource's cheaper cousin for machines where the
// fuzzing engine crawls: STRESS=1 go test -run TestStress mutates the good
// sources at random for 25 seconds, failing on any load slower than five
// seconds (with every goroutine's stack) or any caught panic.
func TestStress(t *testing.T) {
	if os.Getenv("STRESS") == "" {
		t.Skip()
	}
	dir := filepath.Join(t.TempDir(), "claims")
	for _, sub := range []string{"vocabulary", "texts"} {
		copyDir(t, filepath.Join("testdata", "good", sub), filepath.Join(dir, sub))
	}
	os.MkdirAll(filepath.Join(dir, "sources"), 0o755)
	var seeds [][]byte
	for _, s := range []string{"testdata/good/sources/aei.toml", "testdata/good/vocabulary/vocabulary.toml", "testdata/good/sources/irna-2024-01-04.toml"} {
		b, _ := os.ReadFile(s)
		seeds = append(seeds, b)
	}
	toks := []string{"[[claim]]\n", "[source]\n", "\"\"\"", "'''", "\"", "'", "\n", "=", "[", "]", "{", "}", ",", " and ", "value = \"", "quote = \"", "\\", "#", "\u00a0", "é", "\xff", "99999999999999999999", "2024-13-45", "..", "within = [\"", "text = \"../", "\r\n"}
	rng := rand.New(rand.NewSource(1))
	deadline := time.Now().Add(25 * time.Second)
	n, slowest := 0, time.Duration(0)
	for time.Now().Before(deadline) {
		b := append([]byte(nil), seeds[rng.Intn(len(seeds))]...)
		for k := rng.Intn(8) + 1; k > 0; k-- {
			pos := rng.Intn(len(b) + 1)
			switch rng.Intn(3) {
			case 0:
				b = append(b[:pos], append([]byte(toks[rng.Intn(len(toks))]), b[pos:]...)...)
			case 1:
				if pos < len(b) {
					b = append(b[:pos], b[min(len(b), pos+rng.Intn(20)):]...)
				}
			case 2:
				if pos < len(b) {
					b[pos] = byte(rng.Intn(256))
				}
			}
		}
		os.WriteFile(filepath.Join(dir, "sources", "x.toml"), b, 0o644)
		done := make(chan bool)
		go func() {
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				fmt.Printf("SLOW INPUT %q\n", b)
				pprof.Lookup("goroutine").WriteTo(os.Stdout, 2)
				os.Exit(1)
			}
		}()
		start := time.Now()
		l, err := Load(dir)
		close(done)
		slowest = max(slowest, time.Since(start))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Problems {
			if p.File == "" || p.Message == "" || strings.Contains(p.Message, "crosscheck failed on this file") {
				t.Fatalf("%q: %v", b, p)
			}
		}
		n++
	}
	t.Logf("%d loads, slowest %v", n, slowest)
}
