package textnorm

import "testing"

func TestNormalize(t *testing.T) {
	cases := map[string]string{
		"Islamic State’s  Khorasan\u00a0branch":  "Islamic State's Khorasan branch",
		"“Tajiks,” he said — twice – ‘really’\n": `"Tajiks," he said - twice - 'really'`,
		"\t line one\r\n\r\nline two  ":          "line one line two",
		"„low” ‚single‛ ‟rev” ―bar‒fig‐hy‑nb":    `"low" 'single' "rev" -bar-fig-hy-nb`,
		"Case Is Kept": "Case Is Kept",
		"bad\xffbyte":  "bad byte",
		"":             "",
	}
	for in, want := range cases {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][]string{
		{"IS-K", "IS K", "is–k", "is_k", " is  k "},
		{"U.S.", "US", "the U.S.", "The US"},
		{"Shah’s", "Shah's", "shahs"},
		{"The Hague", "Hague"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if Key(s) != Key(group[0]) {
				t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", s, Key(s), group[0], Key(group[0]))
			}
		}
	}
	differ := [][2]string{{"IS-K", "ISK"}, {"Shah Cheragh", "Shahcheragh"}, {"the", ""}}
	for _, p := range differ {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%q) == Key(%q) = %q", p[0], p[1], Key(p[0]))
		}
	}
}

func TestDistance(t *testing.T) {
	cases := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"quote", "qoute", 3, 1},
		{"count", "cuont", 3, 1},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 2, 3}, // gave up: limit+1
		{"", "abc", 5, 3},
		{"é", "e", 2, 1},
		{"ab", "ba", 0, 1},
		{"abcdef", "abcdfe", 1, 1},
		{"abcdef", "badcfe", 2, 3},
		{"abcdefgh", "abcdefgh", 0, 0},
		{"abcdefgh", "xbcdefgy", 4, 2},
	}
	for _, c := range cases {
		if got := Distance(c.a, c.b, c.limit); got != c.want {
			t.Errorf("Distance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}

// TestDistanceBand checks the banded computation against the full table
// on many small strings.
func TestDistanceBand(t *testing.T) {
	words := []string{"", "a", "ab", "ba", "abc", "acb", "bca", "abcd", "dcba", "qoute", "quote", "qutoe", "kerman", "kermn", "karman", "shiraz", "shirz"}
	for _, a := range words {
		for _, b := range words {
			full := Distance(a, b, 100)
			for limit := 0; limit <= 6; limit++ {
				want := min(full, limit+1)
				if got := Distance(a, b, limit); got != want {
					t.Errorf("Distance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
				}
			}
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"event", "property", "value", "quote", "attributed_to", "as_of", "hedge", "note", "id"}
	cases := map[string]string{
		"qoute":         "quote",
		"Quote":         "quote",
		"atributed_to":  "attributed_to",
		"attributed-to": "attributed_to",
		"xyzzy":         "",
		"val":           "",
	}
	for in, want := range cases {
		if got := Closest(in, keys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Closest("kerman-bombing", []string{"kerman-bombing-2024", "shiraz-attack-2023"}); got != "kerman-bombing-2024" {
		t.Errorf("prefix: got %q", got)
	}
	if got := Closest("kerman", []string{"kerman-bombing-2024", "kerman-bombing-2025"}); got != "" {
		t.Errorf("ambiguous prefix: got %q", got)
	}
}

func TestContainsWord(t *testing.T) {
	for _, tt := range []struct {
		s, w string
		want bool
	}{
		{"at least 91 people", "91", true},
		{"since 1991", "91", false},
		{"91", "91", true},
		{"the 91st", "91", false},
		{"photo: AP", "photo", true},
		{"photographer", "photo", false},
		{"photo of a photographer", "photographer", true},
		{"a bomb, placed", "bomb", true},
		{"", "x", false},
		{"anything", "", false},
	} {
		if got := ContainsWord(tt.s, tt.w); got != tt.want {
			t.Errorf("ContainsWord(%q, %q) = %v, want %v", tt.s, tt.w, got, tt.want)
		}
	}
}
