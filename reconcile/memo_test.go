package reconcile

import (
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// randomGroup is a small group of any kind, with authorities, revisions,
// explicit as-of dates, claims in the same files and sometimes a verdict.
func randomGroup(rng *rand.Rand) (Group, Lookup) {
	kinds := []Kind{Count, Count, Date, Place, Text, Nationality}
	k := kinds[rng.IntN(len(kinds))]
	g := Group{Event: "e", Property: "p", Kind: k, Cumulative: k == Count && rng.IntN(3) > 0}
	n := 1 + rng.IntN(60)
	auths := []string{"a", "b", "c", ""}
	terms := []string{"place:shah-cheragh", "place:shiraz", "place:fars", "country:IR", "place:isfahan", "nat:tajik", "nat:central-asian"}
	figs := []Range{{84, 84}, {91, unbounded}, {90, 99}, {101, unbounded}, {81, 99}, {95, 95}, {103, 103}, {60, 60}, {1, 5}}
	for i := 0; i < n; i++ {
		c := Claim{ID: fmt.Sprintf("c%d", i), Source: fmt.Sprintf("s%d", rng.IntN(8)), Event: "e", Property: "p", Value: fmt.Sprintf("v%d", rng.IntN(5))}
		a := auths[rng.IntN(len(auths))]
		if a == "" {
			c.Authority = "source:" + c.Source
		} else {
			c.Authority = a
			c.AttributedTo = strings.ToUpper(a)
		}
		d := int64(19700 + rng.IntN(6))
		c.AsOf = Range{d, d + int64(rng.IntN(2))*int64(rng.IntN(3))}
		if rng.IntN(3) == 0 {
			c.AsOfText = "x"
		}
		switch k {
		case Count, Date:
			c.Reading = Reading{Kind: k, Range: figs[rng.IntN(len(figs))]}
			c.Reading.Point = c.Reading.Range.Min
		default:
			c.Reading = Reading{Kind: k, Terms: []string{terms[rng.IntN(len(terms))]}}
			if rng.IntN(4) == 0 {
				c.Reading.Terms = append(c.Reading.Terms, terms[rng.IntN(len(terms))])
			}
		}
		c.Pos = Pos{File: fmt.Sprintf("f%d.toml", rng.IntN(3)), Line: 1 + rng.IntN(40), Col: 1}
		g.Claims = append(g.Claims, c)
	}
	if rng.IntN(3) == 0 {
		v := &Verdict{Event: "e", Property: "p", Established: "est", AsOf: Always, Rejects: []string{"s1", "s2"}, Reason: "r", Pos: Pos{File: "v.toml", Line: 3}}
		if k == Count || k == Date {
			v.Reading = Reading{Kind: k, Range: figs[rng.IntN(len(figs))]}
		} else {
			v.Reading = Reading{Kind: k, Terms: []string{terms[rng.IntN(len(terms))]}}
		}
		g.Verdict = v
	}
	return g, lookup()
}

// A group's result reads back exactly as it was worked out.
func TestGroupResultRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for trial := range 600 {
		g, l := randomGroup(rng)
		want := ReconcileGroup(g, l)
		enc := encodeGroupResult(&want)
		if enc == nil {
			t.Fatalf("trial %d: result not encodable", trial)
		}
		got, ok := decodeGroupResult(string(enc), g)
		if !ok {
			t.Fatalf("trial %d: cannot decode", trial)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("trial %d: decoded result differs (-want +got):\n%s", trial, diff)
		}
		// Damaged encodings are refused or read as something, never a
		// panic.
		for _, cut := range []int{0, len(enc) / 2, len(enc) - 1} {
			decodeGroupResult(string(enc[:cut]), g)
		}
	}
}

// The key changes with anything the result depends on.
func TestGroupKey(t *testing.T) {
	g, l := kerman(), lookup()
	base := groupKey(&g, nil, l, nil)
	if groupKey(&g, nil, l, nil) != base {
		t.Fatal("the same group has two keys")
	}
	changes := map[string]func(g *Group, l *Lookup) []byte{
		"salt":       func(*Group, *Lookup) []byte { return []byte("vocabulary 2") },
		"value":      func(g *Group, _ *Lookup) []byte { g.Claims[1].Value = "96"; return nil },
		"reading":    func(g *Group, _ *Lookup) []byte { g.Claims[1].Reading.Range.Max++; return nil },
		"as of":      func(g *Group, _ *Lookup) []byte { g.Claims[2].AsOf.Max++; return nil },
		"authority":  func(g *Group, _ *Lookup) []byte { g.Claims[0].Authority = "x"; return nil },
		"position":   func(g *Group, _ *Lookup) []byte { g.Claims[3].Pos.Line++; return nil },
		"cumulative": func(g *Group, _ *Lookup) []byte { g.Cumulative = false; return nil },
		"verdict": func(g *Group, _ *Lookup) []byte {
			g.Verdict = &Verdict{Event: "e", Property: "p", Established: "84", Reading: Reading{Kind: Count, Range: Range{84, 84}}}
			return nil
		},
		"source name": func(_ *Group, l *Lookup) []byte {
			l.Sources = map[string]*Source{"irna": {ID: "irna", Outlet: "Another"}}
			return nil
		},
	}
	for name, change := range changes {
		g, l := kerman(), lookup()
		salt := change(&g, &l)
		if groupKey(&g, nil, l, salt) == base {
			t.Errorf("changing the %s leaves the key as it was", name)
		}
	}
}

// mapMemo is a GroupMemo in memory.
type mapMemo struct {
	mu   sync.Mutex
	m    map[[32]byte]string
	gets int
	hits int
}

func (m *mapMemo) Get(k [32]byte) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gets++
	s, ok := m.m[k]
	if ok {
		m.hits++
	}
	return s, ok
}

func (m *mapMemo) Put(k [32]byte, v []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[[32]byte]string{}
	}
	m.m[k] = string(v)
}

// RunWith a memo gives what Run gives, first filling the memo, then
// taking every group from it.
func TestRunWithMemo(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	var c Corpus
	c.Properties = map[string]Property{}
	c.Hierarchy = places
	for i := range 80 {
		g, _ := randomGroup(rng)
		for k := range g.Claims {
			g.Claims[k].Event = fmt.Sprintf("e%d", i)
		}
		c.Claims = append(c.Claims, g.Claims...)
		c.Properties["p"] = Property{ID: "p", Kind: Count, Cumulative: true}
	}
	want := Run(c)
	keys := make([]ClaimKey, len(c.Claims))
	for i, cl := range c.Claims {
		h := sha256.Sum256([]byte(fmt.Sprintf("%+v", cl)))
		copy(keys[i][:], h[:])
	}
	m := &mapMemo{}
	for round := range 4 {
		o := RunOptions{Memo: m, Salt: []byte("v1")}
		if round >= 2 {
			// From the claims' keys: a memo of its own.
			if round == 2 {
				m = &mapMemo{}
			}
			o = RunOptions{Memo: m, Salt: []byte("v1"), ClaimKeys: keys}
		}
		got := RunWith(c, o)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(Result{}), cmp.Comparer(func(a, b Hierarchy) bool { return true })); diff != "" {
			t.Fatalf("round %d: RunWith differs from Run (-Run +RunWith):\n%s", round, diff)
		}
	}
	if m.hits != m.gets/2 || m.hits == 0 {
		t.Errorf("%d gets, %d hits; want every group found the second time", m.gets, m.hits)
	}
}

// The memo encodes every field of a group's result; a new field must be
// encoded too (and memoFormat changed), or results read back would lack it.
func TestMemoCoversResult(t *testing.T) {
	for _, c := range []struct {
		v    any
		want int
	}{{GroupResult{}, 8}, {Finding{}, 10}, {FindingClaim{}, 2}, {Problem{}, 3}} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.want {
			t.Errorf("%T has %d fields, the memo knows %d: encode the new one in encodeGroupResult", c.v, n, c.want)
		}
	}
}
