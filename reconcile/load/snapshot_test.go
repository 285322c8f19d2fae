package load

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/reconcile"
)

// A group's findings read back from the snapshot are what was written:
// whole, with their claims, or brief, with only where each is reported,
// which for a finding with no place of its own is its first subject
// claim's, else its first claim's.
func TestGroupBodyReadsBack(t *testing.T) {
	l := &loader{dir: "corpus"}
	slots := []slot{{rel: "a.toml", file: l.file("a.toml")}, {rel: "b.toml", file: l.file("b.toml")}}
	pl := l.places(slots)
	at := func(file string, line int) reconcile.Pos {
		return reconcile.Pos{File: l.file(file), Line: line, Col: 1}
	}
	claim := func(pos reconcile.Pos, role reconcile.Role) reconcile.FindingClaim {
		return reconcile.FindingClaim{Claim: reconcile.Claim{ID: "c", Event: "e", Property: "p", Pos: pos, Value: "1", Quote: "one"}, Role: role}
	}
	r := &reconcile.GroupResult{}
	r.Event, r.Property = "e", "p"
	r.Findings = []reconcile.Finding{
		{Event: "e", Property: "p", Kind: "disagreement", Severity: reconcile.Error, Status: reconcile.Open, Summary: "s", Why: "w",
			At: at("b.toml", 9), Claims: []reconcile.FindingClaim{claim(at("a.toml", 3), reconcile.Against), claim(at("b.toml", 9), reconcile.Subject)}},
		{Event: "e", Property: "p", Kind: "disagreement", Severity: reconcile.Warning, Status: reconcile.Open, Summary: "t",
			Claims: []reconcile.FindingClaim{claim(at("a.toml", 3), reconcile.Against), claim(at("b.toml", 5), reconcile.Subject)}},
		{Event: "e", Property: "p", Kind: "disagreement", Severity: reconcile.Warning, Status: reconcile.Open, Summary: "u",
			Claims: []reconcile.FindingClaim{claim(at("b.toml", 7), reconcile.Against), claim(at("a.toml", 2), reconcile.Against)}},
		{Event: "e", Property: "p", Kind: "disagreement", Severity: reconcile.Warning, Status: reconcile.Open, Summary: "v", Claims: []reconcile.FindingClaim{}},
	}
	body := string(pl.groupBody(r))
	if n := findingsIn(body); n != len(r.Findings) {
		t.Fatalf("the body says it holds %d findings, not %d", n, len(r.Findings))
	}

	whole := make([]reconcile.Finding, len(r.Findings))
	_, ok := pl.readGroupBody(body, "e", "p", false, whole)
	if !ok {
		t.Fatal("the group's body does not read back")
	}
	if diff := cmp.Diff(r.Findings, whole); diff != "" {
		t.Errorf("findings read back whole differ (-written +read):\n%s", diff)
	}
	brief := make([]reconcile.Finding, len(r.Findings))
	if _, ok := pl.readGroupBody(body, "e", "p", true, brief); !ok {
		t.Fatal("the group's body does not read back brief")
	}
	want := make([]reconcile.Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.At, f.Claims = f.Where(), nil
		want[i] = f
	}
	if diff := cmp.Diff(want, brief); diff != "" {
		t.Errorf("findings read back brief differ (-want +read):\n%s", diff)
	}
	for _, cut := range []int{1, len(body) / 2, len(body) - 1} {
		if _, ok := pl.readGroupBody(body[:cut], "e", "p", true, make([]reconcile.Finding, len(r.Findings))); ok {
			t.Errorf("a body cut to %d of its %d bytes reads back brief", cut, len(body))
		}
	}
	// Room for other than the findings it holds: the body is not what
	// the snapshot's count of them promised.
	for _, n := range []int{len(r.Findings) - 1, len(r.Findings) + 1} {
		if _, ok := pl.readGroupBody(body, "e", "p", true, make([]reconcile.Finding, n)); ok {
			t.Errorf("a body of %d findings reads back into room for %d", len(r.Findings), n)
		}
	}
	if n := findingsIn(""); n != -1 {
		t.Errorf("an empty body holds %d findings, want -1 (cannot say)", n)
	}
}

// A snapshot whose bodies are encoded as it is written (snapshot.bodies,
// a batch at a time on every core) is the same file as one whose bodies
// were all encoded first, whatever the number of cores, and reads back
// whole: each group with its own body, across the batches' boundaries.
func TestSnapshotWrittenFromBodiesIsTheSame(t *testing.T) {
	for _, n := range []int{0, 1, bodyBatch - 1, bodyBatch, 2*bodyBatch + 7} {
		groups := make([]snapGroup, n)
		bodies := make([]string, n)
		for i := range groups {
			// Lengths vary, some bodies empty, so that a body taken
			// from the wrong place in a worker's buffer shows.
			body := strings.Repeat(string(rune('a'+i%26)), (i*7919)%97)
			groups[i] = snapGroup{event: fmt.Sprintf("ev-%05d", i), property: "deaths", members: []int32{0}, verified: i % 3}
			bodies[i] = body
		}
		files := []snapFile{{rel: "sources/a.toml", nclaims: 1}}
		held := make([]snapGroup, n)
		copy(held, groups)
		for i := range held {
			held[i].body = bodies[i]
		}
		want := writtenSnapshot(t, &snapshot{files: files, groups: held})
		for _, procs := range []int{1, 2, 3} {
			got := func() []byte {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
				return writtenSnapshot(t, &snapshot{files: files, groups: groups,
					bodies: func(i int, e *enc) { e.b = append(e.b, bodies[i]...) }})
			}()
			if !bytes.Equal(got, want) {
				t.Fatalf("%d groups, GOMAXPROCS=%d: the snapshot written from bodies differs from the one written from bodies held", n, procs)
			}
			back := snapshotFrom(got)
			if back == nil {
				t.Fatalf("%d groups, GOMAXPROCS=%d: the snapshot does not read back", n, procs)
			}
			for i := range back.groups {
				if g := back.groups[i]; g.event != held[i].event || g.body != bodies[i] {
					t.Fatalf("%d groups, GOMAXPROCS=%d: group %d reads back as %q with body %q, want %q with %q", n, procs, i, g.event, g.body, held[i].event, bodies[i])
				}
			}
		}
	}
}

func writtenSnapshot(t *testing.T, sn *snapshot) []byte {
	t.Helper()
	dir := t.TempDir()
	if !sn.write(dir) {
		t.Fatal("the snapshot was not written")
	}
	data, err := os.ReadFile(filepath.Join(dir, snapshotName))
	if err != nil {
		t.Fatal(err)
	}
	return data
}
