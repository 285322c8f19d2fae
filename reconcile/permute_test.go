package reconcile

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// Every claim ends at its place, whether the array is cut into stretches
// (one per core) or not, for permutations that move everything, nothing,
// or claims only within or only across stretches.
func TestPermutePutsEveryClaimInItsPlace(t *testing.T) {
	defer SetMinShared(SetMinShared(0))
	rng := rand.New(rand.NewPCG(3, 5))
	shapes := map[string]func(n int) []int32{
		"random": func(n int) []int32 {
			d := make([]int32, n)
			for i, x := range rng.Perm(n) {
				d[i] = int32(x)
			}
			return d
		},
		"identity": func(n int) []int32 {
			d := make([]int32, n)
			for i := range d {
				d[i] = int32(i)
			}
			return d
		},
		"reversed": func(n int) []int32 {
			d := make([]int32, n)
			for i := range d {
				d[i] = int32(n - 1 - i)
			}
			return d
		},
		"rotated by one": func(n int) []int32 {
			d := make([]int32, n)
			for i := range d {
				d[i] = int32((i + 1) % n)
			}
			return d
		},
	}
	for _, procs := range []int{1, 2, 3, 8} {
		old := runtime.GOMAXPROCS(procs)
		for name, shape := range shapes {
			for _, n := range []int{1, 2, 3, 7, 64, 1000, 4099} {
				dest := shape(n)
				a := make([]string, n)
				for i := range a {
					a[i] = string(rune('a'+i%26)) + string(rune('0'+i%10)) + "-" + itoa(i)
				}
				want := make([]string, n)
				for i, d := range dest {
					want[d] = a[i]
				}
				permute(a, slices.Clone(dest))
				if !slices.Equal(a, want) {
					t.Fatalf("GOMAXPROCS %d, %s, %d claims: claims not in their places", procs, name, n)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// BenchmarkPermute moves 1,000,000 claims (312 MB) to places in random
// order: "one core" follows the cycles through the whole array, the
// baseline; "stretches" is permute, which first moves every claim into
// its core's stretch. Compare the two in one run: the ratio is what the
// stretches buy on this machine (about 2× on two cores).
func BenchmarkPermute(b *testing.B) {
	const n = 1_000_000
	a := make([]Claim, n)
	rng := rand.New(rand.NewPCG(1, 2))
	places := make([]int32, n)
	for i, x := range rng.Perm(n) {
		places[i] = int32(x)
	}
	dest := make([]int32, n)
	b.Run("one core", func(b *testing.B) {
		for b.Loop() {
			copy(dest, places)
			cycles(a, dest, 0)
		}
	})
	b.Run("stretches", func(b *testing.B) {
		for b.Loop() {
			copy(dest, places)
			permute(a, dest)
		}
	})
}
