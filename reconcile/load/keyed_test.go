package load

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// A table keeps its keys in file order, the first definition of a key is
// the one that counts, and lookups give the same answers before and after
// the table grows long enough to be indexed.
func TestKeyedKeepsFirstDefinitionAtEveryLength(t *testing.T) {
	for _, n := range []int{0, 1, indexFrom - 1, indexFrom, indexFrom + 1, 5 * indexFrom} {
		var k keyed[int]
		for i := range n {
			if !k.put(fmt.Sprintf("k%03d", n-i), i) {
				t.Fatalf("n=%d: key %d refused though new", n, i)
			}
		}
		for i := range n {
			if k.put(fmt.Sprintf("k%03d", n-i), -1) {
				t.Fatalf("n=%d: a second definition of key %d was taken", n, i)
			}
		}
		if k.len() != n {
			t.Fatalf("n=%d: len %d", n, k.len())
		}
		for i := range n {
			key := fmt.Sprintf("k%03d", n-i)
			if v, ok := k.get(key); !ok || v != i {
				t.Fatalf("n=%d: get(%q) = %d, %v; want %d, true", n, key, v, ok, i)
			}
			if k.list[i].key != key {
				t.Fatalf("n=%d: key %d is %q, not in file order", n, i, k.list[i].key)
			}
		}
		if _, ok := k.get("absent"); ok || k.has("absent") {
			t.Fatalf("n=%d: an absent key was found", n)
		}
	}
}

// A table with thousands of keys, one of them repeated at the end, is
// decoded (not refused as slow) and the repeat is still caught.
func TestLongTableRepeatedKey(t *testing.T) {
	var b strings.Builder
	b.WriteString("[source]\n")
	for i := range 5000 {
		fmt.Fprintf(&b, "k%d = %d\n", i, i)
	}
	if m, _, ok := fastDecode(b.String()); !ok {
		t.Fatal("fastDecode gave up on a long table of plain keys")
	} else if f := m["source"].(*fields); f.len() != 5000 {
		t.Fatalf("decoded %d keys, want 5000", f.len())
	}
	b.WriteString("k17 = 1\n")
	if _, _, ok := fastDecode(b.String()); ok {
		t.Fatal("fastDecode accepted a repeated key in a long table")
	}
}

// Tables sharing one pool keep their own keys, including one that
// outgrows what is left of it.
func TestKeyedTablesSharePool(t *testing.T) {
	pool := make([]keyedPair[int], 3)
	var a, b keyed[int]
	a.begin(pool)
	a.put("a1", 1)
	a.put("a2", 2)
	pool = a.end(pool)
	if len(pool) != 1 {
		t.Fatalf("after a table of 2, %d of 3 left; want 1", len(pool))
	}
	b.begin(pool)
	for i := range 4 {
		b.put(fmt.Sprintf("b%d", i), 10+i)
	}
	b.end(pool)
	a.put("a3", 3) // after end: must not reach b
	for key, want := range map[string]int{"a1": 1, "a2": 2, "a3": 3} {
		if v, ok := a.get(key); !ok || v != want {
			t.Errorf("a.get(%q) = %d, %v; want %d", key, v, ok, want)
		}
	}
	for i := range 4 {
		if v, ok := b.get(fmt.Sprintf("b%d", i)); !ok || v != 10+i {
			t.Errorf("b.get(b%d) = %d, %v; want %d", i, v, ok, 10+i)
		}
	}
}

// The room fastDecode sets aside for a file's keys follows how many keys
// the file can hold, not how many lines it has: a file of blank lines or
// comments costs about its own size, not 64 bytes a line.
func TestFastDecodeRoomFollowsKeys(t *testing.T) {
	for name, src := range map[string]string{
		"blank lines": strings.Repeat("\n", 1<<20),
		"comments":    strings.Repeat("# a note\n", 1<<18) + "[source]\nid = \"x\"\n",
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		fastDecode(src)
		runtime.ReadMemStats(&after)
		if got := after.TotalAlloc - before.TotalAlloc; got > 8*uint64(len(src)) {
			t.Errorf("%s: decoding %d bytes allocated %d", name, len(src), got)
		}
	}
}

// A table's problems come out in key order, not in the order the file
// gives its keys, whichever decoder read the file.
func TestTableProblemsInKeyOrder(t *testing.T) {
	claim := "[[claim]]\nzeta = 1\nvalue = true\nevent = \"e\"\nalpha = \"x\"\nproperty = \"deaths\"\nquote = \"q\"\n"
	for name, src := range map[string]string{
		"fast":    "[source]\ntitle = \"t\"\n\n" + claim,
		"decoder": "[source]\ntitle = \"t\"\n\n" + claim + "note = '''\nmulti\nline'''\n",
	} {
		pf := parseFile("s.toml", "s.toml", []byte(src), false)
		var keys []string
		for _, p := range pf.problems {
			if strings.Contains(p.Message, "[[claim]]") && p.Line > 3 {
				keys = append(keys, strings.SplitN(p.Message, "\"", 3)[1])
			}
		}
		if want := "alpha value zeta"; strings.Join(keys, " ") != want {
			t.Errorf("%s: problems about keys %q, want %q; all: %v", name, keys, want, pf.problems)
		}
	}
}
