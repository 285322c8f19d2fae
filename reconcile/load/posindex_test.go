package load

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/google/go-cmp/cmp"
)

func TestPositionIndex(t *testing.T) {
	src := "# a comment with [[claim]] in it\r\n" +
		"top = 1\n" +
		"[source]\n" +
		"  title = \"\"\"\n" +
		"[[claim]]\n" +
		"quote = \"not a key\"\n" +
		"\"\"\"\n" +
		"author = [\n" +
		"  \"a\", # [[claim]]\n" +
		"  'b',\n" +
		"]\n" +
		"\"published\" = 2024-01-10\n" +
		"url.x = 'its'\n" +
		"[[claim]] # first\n" +
		"event = '''\n" +
		"value = 1\n" +
		"'''\n" +
		"\tvalue = { a = 1, b = [1,\n" +
		"  2] }\n" +
		"[[claim]]\n" +
		"quote = \"with \\\" escaped quote and # hash\"\n" +
		"qoute = \"\"\"\"quoted\"\"\"\"\n" +
		"[claim.sub]\n" +
		"x = 1\n" +
		"[[ claim ]]\n" +
		"\"é\" = 'é'\n"
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatalf("fixture is not TOML: %v", err)
	}
	x := indexPositions(src)
	type probe struct {
		path string
		n    int
		key  string
	}
	got := map[probe]at{}
	for _, p := range []probe{
		{"", 0, "top"}, {"", 0, "source"}, {"", 0, "claim"},
		{"source", 0, "title"}, {"source", 0, "author"}, {"source", 0, "published"}, {"source", 0, "url"},
		{"claim", 0, "event"}, {"claim", 0, "value"},
		{"claim", 1, "quote"}, {"claim", 1, "qoute"}, {"claim", 1, "sub"},
		{"claim", 2, "é"}, {"claim", 2, "missing"},
		{"claim", 3, "x"}, {"nothing", 0, "x"},
	} {
		got[p], _ = x.key(p.path, p.n, p.key)
	}
	want := map[probe]at{
		{"", 0, "top"}: {2, 1}, {"", 0, "source"}: {3, 1}, {"", 0, "claim"}: {14, 1},
		{"source", 0, "title"}: {4, 3}, {"source", 0, "author"}: {8, 1}, {"source", 0, "published"}: {12, 1}, {"source", 0, "url"}: {13, 1},
		{"claim", 0, "event"}: {15, 1}, {"claim", 0, "value"}: {18, 2},
		{"claim", 1, "quote"}: {21, 1}, {"claim", 1, "qoute"}: {22, 1}, {"claim", 1, "sub"}: {23, 1},
		{"claim", 2, "é"}: {26, 1}, {"claim", 2, "missing"}: {25, 1},
		// Absent instances fall back to where the root names the table,
		// or to the top of the file.
		{"claim", 3, "x"}: {14, 1}, {"nothing", 0, "x"}: {1, 1},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(at{})); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
	if n := len(x.tables["claim"]); n != 3 {
		t.Errorf("%d [[claim]] instances, want 3", n)
	}
}

// TestDeepNesting: the TOML decoder recurses once per level of nesting, and
// a stack overflow cannot be recovered, so such files are refused first.
func TestDeepNesting(t *testing.T) {
	for _, src := range []string{
		"a = " + strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000) + "\n",
		"a = " + strings.Repeat("{b=", 200_000) + "1" + strings.Repeat("}", 200_000) + "\n",
		"[" + strings.Repeat("a.", 200_000) + "b]\n",
		strings.Repeat("a.", 200_000) + "b = 1\n",
	} {
		pf := parseFile("x.toml", "x.toml", []byte(src), false)
		if len(pf.problems) != 1 || !strings.Contains(pf.problems[0].Message, "nested more than 100 deep") {
			t.Errorf("%.20q...: %v", src, pf.problems)
		}
	}
}
