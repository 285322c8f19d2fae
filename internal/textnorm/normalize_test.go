package textnorm

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normalizeRef is Normalize as first written, rune by rune, which the
// faster one must agree with.
func normalizeRef(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(fold(r))
	}
	return b.String()
}

func TestNormalizeAgreesWithReference(t *testing.T) {
	pieces := []string{"a", "Z", "9", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u00a0", "\u0085", "\u2003", "\u3000",
		"‘", "’", "“", "”", "—", "–", "-", "é", "日本", "\xff", "\xe2\x80", "\ufffd", "'", "\""}
	rng := rand.New(rand.NewPCG(2, 3))
	for n := range 100000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if n == 0 {
			s = ""
		}
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	f.Add("  Twin\u00a0suicide — bombings\r\n killed “nearly 100”  ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	})
}
