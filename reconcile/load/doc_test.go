package load

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFormatDocExample loads the complete example of docs/format.md, so the
// contract's own example cannot drift from what the loader accepts. Each
// ```toml block of that section starts with a comment naming its file.
func TestFormatDocExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, example, ok := strings.Cut(string(doc), "## A complete example")
	if !ok {
		t.Fatal("docs/format.md has no complete example")
	}
	dir := filepath.Join(t.TempDir(), "claims")
	copyDir(t, "testdata/good/texts", filepath.Join(dir, "texts"))
	blocks := regexp.MustCompile("(?s)```toml\n# claims/(\\S+)[^\n]*\n(.*?)```").FindAllStringSubmatch(example, -1)
	if len(blocks) < 3 {
		t.Fatalf("found %d files in the example", len(blocks))
	}
	for _, b := range blocks {
		path := filepath.Join(dir, filepath.FromSlash(b[1]))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b[2]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Problems) > 0 {
		t.Fatalf("the documented example has problems:\n%s", strings.Join(render(l.Problems, dir), "\n"))
	}
	got := map[string][]string{}
	for _, c := range l.Claims {
		got[c.ID] = append(append(got[c.ID], c.Authority), c.Reading.Terms...)
	}
	want := map[string][]string{
		"aei#1":         {"source:aei"},
		"aei#2":         {"source:aei", "org:is-k"},
		"aei-attackers": {"officials", "nationality:tajik"},
		"aei#4":         {"source:aei", "place:kerman"},
		"irna#1":        {"org:irna"},
	}
	if len(got) != len(want) || l.Unverified != 1 {
		t.Fatalf("claims %v, unverified %d", got, l.Unverified)
	}
	for id, w := range want {
		if strings.Join(got[id], " ") != strings.Join(w, " ") {
			t.Errorf("%s: got %v, want %v (as the comments in the example say)", id, got[id], w)
		}
	}
}
