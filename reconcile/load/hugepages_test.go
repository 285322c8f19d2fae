package load

import "testing"

// Advice covers only whole huge pages inside the array, and none for an
// array that holds no whole one.
func TestHugeSpan(t *testing.T) {
	const h = hugePageSize
	for _, c := range []struct{ start, end, first, last uintptr }{
		{0, h, 0, h},
		{1, 3 * h, h, 3 * h},
		{1, 3*h + 5, h, 3 * h},
		{h, 4*h - 1, h, 3 * h},
		{h + 1, 2*h + 1, 0, 0},
		{5, 6, 0, 0},
		{3 * h, 3 * h, 0, 0},
	} {
		first, last, ok := hugeSpan(c.start, c.end)
		want := c.first < c.last
		if ok != want || (ok && (first != c.first || last != c.last)) {
			t.Errorf("hugeSpan(%#x, %#x) = %#x, %#x, %v; want %#x, %#x, %v", c.start, c.end, first, last, ok, c.first, c.last, want)
		}
	}
}
