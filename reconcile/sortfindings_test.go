package reconcile

import (
	cmpkg "cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// randomFindings makes n findings from few distinct statuses, severities,
// properties and summaries, and events, so that every key decides some
// order and, with few events, many findings tie on all of them; each
// one's Why is where it was made, which tells findings that tie apart.
// events < 0 draws from events and properties made to tell apart only
// late: long ones, ones that start others, ones with zero bytes.
func randomFindings(rng *rand.Rand, n, events int) []Finding {
	statuses := []Status{Open, Resolved}
	severities := []Severity{Note, Warning, Error}
	properties := []string{"p0", "p1", "p2"}
	var awkward []string
	if events < 0 {
		awkward = []string{"ab", "ab\x00", "ab\x00\x00", "abcdefghijklmno", "abcdefghijklmno\x00",
			"abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnoq", "a-long-event-id-2024", "a-long-event-id-2023", ""}
		properties = []string{"p", "p\x00", "perpetrators", "perpetrator", "perpetrators-x", "perpetrators-y", ""}
	}
	fs := make([]Finding, n)
	for i := range fs {
		event := fmt.Sprintf("ev-%05d", rng.IntN(max(events, 1)))
		if awkward != nil {
			event = awkward[rng.IntN(len(awkward))]
		}
		fs[i] = Finding{
			Status:   statuses[rng.IntN(len(statuses))],
			Severity: severities[rng.IntN(len(severities))],
			Event:    event,
			Property: properties[rng.IntN(len(properties))],
			Summary:  fmt.Sprintf("s%d", rng.IntN(3)),
			Why:      fmt.Sprint(i),
		}
	}
	return fs
}

// A report lists open findings before resolved ones, errors before
// warnings before notes, then by event, property and summary; findings
// alike in all of that stay in the order they came in, so that the same
// corpus always gives the same report.
func TestSortFindings(t *testing.T) {
	rank := func(f Finding) int {
		open := 1
		if f.Status == Open {
			open = 0
		}
		return open*3 + map[Severity]int{Error: 0, Warning: 1, Note: 2}[f.Severity]
	}
	rng := rand.New(rand.NewPCG(3, 5))
	for _, events := range []int{4, -1} {
		for _, n := range []int{0, 1, 2, 3, 10, 100, 5000} {
			fs := randomFindings(rng, n, events)
			want := slices.Clone(fs)
			slices.SortStableFunc(want, func(a, b Finding) int {
				return cmpkg.Or(cmpkg.Compare(rank(a), rank(b)), strings.Compare(a.Event, b.Event),
					strings.Compare(a.Property, b.Property), strings.Compare(a.Summary, b.Summary))
			})
			SortFindings(fs)
			if diff := cmp.Diff(want, fs); diff != "" {
				t.Errorf("%d findings sorted (-want +got):\n%s", n, diff)
			}
		}
	}
}

func BenchmarkSortFindings100k(b *testing.B) {
	fs := randomFindings(rand.New(rand.NewPCG(1, 2)), 100_000, 30_000)
	work := make([]Finding, len(fs))
	for b.Loop() {
		copy(work, fs)
		SortFindings(work)
	}
}
