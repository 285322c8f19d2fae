package reports

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
)

// The -update flag rewrites golden files. It is defined only if no other
// test file in the package has defined it first, so two renderers' golden
// tests can share one flag.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files in testdata (then read the diff before committing)")
	}
	return true
}()

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -run %s -update to create it)", err, t.Name())
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

func renderMarkdown(t *testing.T, r reconcile.Result) string {
	t.Helper()
	return render(t, func(b *bytes.Buffer) error { return Markdown(b, r) })
}

func TestMarkdownGolden(t *testing.T) {
	golden(t, "markdown.golden", renderMarkdown(t, kermanReport()))
}

func TestMarkdownIsDeterministic(t *testing.T) {
	a := renderMarkdown(t, hostileClaims())
	for range 3 {
		if b := renderMarkdown(t, hostileClaims()); a != b {
			t.Fatal("two renders of the same result differ")
		}
	}
}

// cells splits a table row on the pipes Markdown would split it on: those
// not escaped by an odd run of backslashes.
func cells(row string) []string {
	var out []string
	var cur strings.Builder
	backslashes := 0
	for _, r := range row {
		if r == '|' && backslashes%2 == 0 {
			out = append(out, cur.String())
			cur.Reset()
		} else {
			cur.WriteRune(r)
		}
		if r == '\\' {
			backslashes++
		} else {
			backslashes = 0
		}
	}
	return append(out, cur.String())
}

// unescaped reports whether s holds c not preceded by a backslash.
func unescaped(s string, c rune) bool {
	backslashes := 0
	for _, r := range s {
		if r == c && backslashes%2 == 0 {
			return true
		}
		if r == '\\' {
			backslashes++
		} else {
			backslashes = 0
		}
	}
	return false
}

func TestMarkdownEscapesClaimContent(t *testing.T) {
	r := hostileClaims()
	r.Findings[1].Summary = "a | b\n| c `code` *em* _u_ ~~s~~ [link](https://evil.example) ![i](x) <b>x</b> &lt; @octocat www.evil.com \\| end"
	r.Events["kerman-bombing-2024"] = reconcile.Event{ID: "kerman-bombing-2024", Name: "Kerman | `bombings`\n<i>"}
	out := renderMarkdown(t, r)

	if strings.Contains(out, "<") || strings.Contains(out, ">") {
		t.Errorf("raw < or > in Markdown output:\n%s", out)
	}
	for _, c := range []rune{'`', '*', '_', '[', ']', '~', '!'} {
		for _, line := range strings.Split(out, "\n") {
			// Our own markup: bold "open" and table rules.
			line = strings.ReplaceAll(line, "**open**", "")
			if unescaped(line, c) {
				t.Errorf("unescaped %q in %q", c, line)
			}
		}
	}
	for _, bad := range []string{"https://evil", "www.evil", "@octocat", "&lt; @"} {
		if strings.Contains(out, bad) {
			t.Errorf("output still holds %q, which GitHub would turn into a link, mention or entity", bad)
		}
	}
	if !strings.Contains(out, "&amp;lt;") {
		t.Error("an entity in claim text should show literally, as &amp;lt;")
	}
	// Every row of every table has exactly as many cells as its header.
	var header int
	rows := 0
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = 0
			continue
		}
		n := len(cells(line))
		if header == 0 {
			header = n
			continue
		}
		rows++
		if n != header {
			t.Errorf("row has %d cells, header %d: %q", n, header, line)
		}
	}
	// One rule line under each of the three headers, then one row per item.
	if want := 3 + len(r.Findings) + len(r.Groups) + len(r.Problems); rows != want {
		t.Errorf("%d table lines under headers, want %d: a line break in claim text split a row", rows, want)
	}
}

func TestMarkdownNoFindings(t *testing.T) {
	out := renderMarkdown(t, reconcile.Result{})
	want := "## crosscheck: 0 open findings\n\n0 sources, 0 claims (0 verified, 0 unverified); 0 groups\n\nNo findings: every claim can hold with the others.\n"
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMDText(t *testing.T) {
	for in, want := range map[string]string{
		"over 100":                  "over 100",
		"a|b":                       `a\|b`,
		"line\none\r\ntwo":          "line one two",
		"<script>alert(1)</script>": "&lt;script&gt;alert(1)&lt;/script&gt;",
		"`x`":                       "\\`x\\`",
		"https://x.org/a_b":         `https\://x.org/a\_b`,
		"WWW.x.org":                 `WWW\.x.org`,
		"@team":                     "@\u2060team",
		`\|`:                        `\\\|`,
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}
